"""Documentation for Power

# Power

## Description
Raises base to the power of exponent element by element.

## Inputs
* **base** (ANY): The base: a number, a list of numbers, a Series or a DataFrame (series and frames in the wrapped JSON form).
* **exponent** (ANY): The exponent, of the same kinds.

## Outputs
* **power** (ANY): `base ** exponent`.

## Details
Works element by element on numbers, lists of numbers (as numpy arrays, returned as lists), Series and
DataFrames, in any combination numpy and pandas allow. Two Series (or DataFrames) are aligned on their index
first: labels present in only one of them give NaN.

Two whole numbers give a whole number (for a non-negative exponent). For single numbers, a negative base
with a fractional exponent and 0 to a negative power are refused; in series, frames and lists they give NaN
and inf, as in numpy and pandas.

## Example
`base` = a series 1.0, 2.0, 3.0 and `exponent` = 2 give `power` = 1.0, 4.0, 9.0. `base` = 2 and `exponent` =
-1 give 0.5.
"""

# mypy: allow-untyped-defs
from typing import Any

import numpy as np
import pandas as pd

from hdutils import ComponentException, ComponentInputValidationException

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
        "base": {"data_type": "ANY"},
        "exponent": {"data_type": "ANY"},
    },
    "outputs": {
        "power": {"data_type": "ANY"},
    },
    "name": "Power",
    "category": "Arithmetic",
    "description": "Raises base to the power of exponent element by element",
    "version_tag": "1.0.0",
    "id": "5db5ad1d-3ae6-56aa-83de-89bb3cea6a67",
    "revision_group_id": "f3b7b7cd-2de5-53cf-8bfe-c83dfbeab9d7",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, base, exponent):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    left, right = _operand(base, "base"), _operand(exponent, "exponent")
    try:
        with np.errstate(all="ignore"):
            result = left**right
    except ZeroDivisionError as exc:
        raise ComponentInputValidationException(
            "0 cannot be raised to a negative power", invalid_component_inputs=["base", "exponent"]
        ) from exc
    if isinstance(result, complex):
        raise ComponentException(
            f"{left} ** {right} has no real result; a negative base needs a whole exponent"
        )
    return {"power": _plain(result)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 3.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "base",
        },
        {"filters": {"value": "2"}, "workflow_input_name": "exponent"},
    ],
}
