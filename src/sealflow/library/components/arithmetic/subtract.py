"""Documentation for Subtract

# Subtract

## Description
Subtracts b from a element by element.

## Inputs
* **a** (ANY): The left operand: a number, a list of numbers, a Series or a DataFrame (series and frames in the wrapped JSON form).
* **b** (ANY): The right operand, of the same kinds.

## Outputs
* **difference** (ANY): `a - b`: the difference.

## Details
Works element by element on numbers, lists of numbers (as numpy arrays, returned as lists), Series and
DataFrames, in any combination numpy and pandas allow. Two Series (or DataFrames) are aligned on their index
first: labels present in only one of them give NaN.

## Example
`a` = a series 5.0, 7.0, 9.0 and `b` = a series 1.0, 2.0, 4.0 on the same timestamps give `difference` =
4.0, 5.0, 5.0.
"""

# mypy: allow-untyped-defs
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


def _operand(value: Any, name: str) -> Any:
    """A number, Series or DataFrame as it is; a list of numbers as a numpy array."""
    if isinstance(value, list):
        try:
            return np.asarray(value, dtype=float)
        except (TypeError, ValueError) as exc:
            raise ComponentInputValidationException(
                f"{name} is a list that holds more than numbers; give numbers only",
                invalid_component_inputs=[name],
            ) from exc
    if isinstance(value, bool) or not isinstance(value, int | float | pd.Series | pd.DataFrame):
        hint = _WRAP_HINT if isinstance(value, dict) else ""
        raise ComponentInputValidationException(
            f"{name} must be a number, a list of numbers, a Series or a DataFrame, "
            f"not a {type(value).__name__}{hint}",
            invalid_component_inputs=[name],
        )
    return value


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "a": {"data_type": "ANY"},
        "b": {"data_type": "ANY"},
    },
    "outputs": {
        "difference": {"data_type": "ANY"},
    },
    "name": "Subtract",
    "category": "Arithmetic",
    "description": "Subtracts b from a element by element",
    "version_tag": "1.0.0",
    "id": "09845339-df16-52cb-b3e2-50c8d2513fa7",
    "revision_group_id": "b9e35ea0-36b4-58a2-a8ee-13e6e67a565f",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, a, b):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"difference": _plain(_operand(a, "a") - _operand(b, "b"))}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 5.0, "2026-01-01T01:00:00Z": 7.0, "2026-01-01T02:00:00Z": 9.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "a",
        },
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 4.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "b",
        },
    ],
}
