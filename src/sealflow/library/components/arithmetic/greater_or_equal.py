"""Documentation for Greater or Equal

# Greater or Equal

## Description
Tells element by element whether a is greater than or equal to b.

## Inputs
* **a** (ANY): The left side: a number, string, boolean, list, Series or DataFrame.
* **b** (ANY): The right side, of the same kinds.

## Outputs
* **result** (ANY): `a >= b`: a boolean, or booleans of the shape of the inputs.

## Details
Compares numbers, strings and booleans directly; lists (as numpy arrays, returned as lists), Series and
DataFrames element by element, also against a single value. Two Series or DataFrames must have the same
labels (index and columns); otherwise the component fails and says so. Missing values (NaN) compare as
false.

## Example
`a` = a series 1.0, 5.0, 3.0 and `b` = 3 give `result` = false, true, true.
"""

# mypy: allow-untyped-defs
import operator
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from hdutils import ComponentInputValidationException

_WRAP_HINT = (
    "; JSON objects are read as dicts, so give a series or frame in the wrapped form "
    '{"__hd_wrapped_data_object__": "SERIES", "__data__": {...}}'
)


def _plain(value: Any) -> Any:
    """numpy scalars as Python numbers and booleans, numpy arrays as lists; the rest as it is."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    return value


def _comparable(value: Any, name: str) -> Any:
    """A number, string, boolean, Series or DataFrame as it is; a list as a numpy array."""
    if isinstance(value, list):
        return np.asarray(value)
    if not isinstance(value, int | float | str | pd.Series | pd.DataFrame):
        hint = _WRAP_HINT if isinstance(value, dict) else ""
        raise ComponentInputValidationException(
            f"{name} must be a number, a string, a boolean, a list, a Series or a DataFrame, "
            f"not a {type(value).__name__}{hint}",
            invalid_component_inputs=[name],
        )
    return value


def _compare(a: Any, b: Any, compare: Callable[[Any, Any], Any]) -> Any:
    """Compare element by element; Series and DataFrames must share their labels."""
    try:
        return _plain(compare(a, b))
    except ValueError as exc:
        raise ComponentInputValidationException(
            f"a and b cannot be compared element by element ({exc}); give them the same index "
            "and columns, or compare with a single number",
            invalid_component_inputs=["a", "b"],
        ) from exc


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "a": {"data_type": "ANY"},
        "b": {"data_type": "ANY"},
    },
    "outputs": {
        "result": {"data_type": "ANY"},
    },
    "name": "Greater or Equal",
    "category": "Arithmetic",
    "description": "Tells element by element whether a is greater than or equal to b",
    "version_tag": "1.0.0",
    "id": "c71209a1-9651-5d41-9266-70edc6507f46",
    "revision_group_id": "a5d0158a-0bb6-58a1-bb8e-0ba95648bc04",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, a, b):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"result": _compare(_comparable(a, "a"), _comparable(b, "b"), operator.ge)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 5.0, "2026-01-01T02:00:00Z": 3.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "a",
        },
        {"filters": {"value": "3"}, "workflow_input_name": "b"},
    ],
}
