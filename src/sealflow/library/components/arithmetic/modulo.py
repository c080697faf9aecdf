"""Documentation for Modulo

# Modulo

## Description
Gives the remainder of dividing a by b element by element.

## Inputs
* **a** (ANY): The left operand: a number, a list of numbers, a Series or a DataFrame (series and frames in the wrapped JSON form).
* **b** (ANY): The right operand, of the same kinds.

## Outputs
* **remainder** (ANY): `a % b`: the remainder of the division, with the sign of b.

## Details
Works element by element on numbers, lists of numbers (as numpy arrays, returned as lists), Series and
DataFrames, in any combination numpy and pandas allow. Two Series (or DataFrames) are aligned on their index
first: labels present in only one of them give NaN.

The remainder has the sign of b (Python's and numpy's floor modulo), so -7 % 2 is 1. Dividing by a single
number 0 is refused; where a series, frame or list holds zeros, the result is NaN there.

## Example
`a` = a series 7.0, -7.0, 7.5 and `b` = 2 give `remainder` = 1.0, 1.0, 1.5.
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
        "remainder": {"data_type": "ANY"},
    },
    "name": "Modulo",
    "category": "Arithmetic",
    "description": "Gives the remainder of dividing a by b element by element",
    "version_tag": "1.0.0",
    "id": "a7e4510d-5f15-5872-9f30-5c57f4f379a3",
    "revision_group_id": "47e1f95e-d5fb-5a0c-a2c2-94a067dfaba0",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, a, b):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    dividend, divisor = _operand(a, "a"), _operand(b, "b")
    if not isinstance(divisor, pd.Series | pd.DataFrame | np.ndarray) and divisor == 0:
        raise ComponentInputValidationException(
            "b is 0, and there is no remainder of a division by 0", invalid_component_inputs=["b"]
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        return {"remainder": _plain(dividend % divisor)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 7.0, "2026-01-01T01:00:00Z": -7.0, "2026-01-01T02:00:00Z": 7.5}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "a",
        },
        {"filters": {"value": "2"}, "workflow_input_name": "b"},
    ],
}
