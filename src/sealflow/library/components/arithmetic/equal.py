"""Documentation for Equal

# Equal

## Description
Tells element by element whether a is equal to b.

## Inputs
* **a** (ANY): The left side: a number, string, boolean, list, Series or DataFrame.
* **b** (ANY): The right side, of the same kinds.

## Outputs
* **result** (ANY): `a == b`: a boolean, or booleans of the shape of the inputs.

## Details
Compares numbers, strings and booleans directly; lists (as numpy arrays, returned as lists), Series and
DataFrames element by element, also against a single value. Two Series or DataFrames must have the same
labels (index and columns); otherwise the component fails and says so. Missing values (NaN) compare as
false, so NaN is not equal to NaN; floats are compared exactly, so round them first if needed.

## Example
`a` = a series 1.0, 2.0, null and `b` = 2 give `result` = false, true, false. `a` = "on" and `b` = "on" give
true.
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
    "name": "Equal",
    "category": "Arithmetic",
    "description": "Tells element by element whether a is equal to b",
    "version_tag": "1.0.0",
    "id": "1a6b8cf0-23e9-5da7-8b29-581cd296f745",
    "revision_group_id": "dea522af-1f53-503c-9c47-8c805013ed44",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, a, b):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"result": _compare(_comparable(a, "a"), _comparable(b, "b"), operator.eq)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": null}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "a",
        },
        {"filters": {"value": "2"}, "workflow_input_name": "b"},
    ],
}
