"""Documentation for Logarithm

# Logarithm

## Description
Gives the logarithm of numbers, series or frames, natural or to a given base.

## Inputs
* **data** (ANY): The values: a number, a list of numbers, a Series or a DataFrame (series and frames in the wrapped JSON form).
* **base** (FLOAT, optional, default none): The base of the logarithm; none for the natural logarithm (base e).

## Outputs
* **logarithm** (ANY): The logarithms, of the shape of `data`.

## Details
Uses numpy: the logarithm of 0 is -inf, of a negative number NaN; missing values stay missing. Lists of
numbers are returned as lists.

## Example
`data` = a series 1.0, 10.0, 100.0 and `base` = 10 give `logarithm` = 0.0, 1.0, 2.0. Without a base, `data`
= 1 gives 0.0.
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
        "data": {"data_type": "ANY"},
        "base": {"data_type": "FLOAT", "default_value": None},
    },
    "outputs": {
        "logarithm": {"data_type": "ANY"},
    },
    "name": "Logarithm",
    "category": "Arithmetic",
    "description": "Gives the logarithm of numbers, series or frames, natural or to a given base",
    "version_tag": "1.0.0",
    "id": "5545c91a-a5bc-58f0-82cd-5996419387f3",
    "revision_group_id": "bd9580a1-e03e-578a-bd15-a9f793573faa",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, base=None):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    value = _operand(data, "data")
    if base is not None and (not base > 0 or base == 1):
        raise ComponentInputValidationException(
            f"base {base} has no logarithm; use a positive base other than 1",
            invalid_component_inputs=["base"],
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.log(value)
        if base is not None:
            result = result / np.log(base)
    return {"logarithm": _plain(result)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 10.0, "2026-01-01T02:00:00Z": 100.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
        {"filters": {"value": "10"}, "workflow_input_name": "base"},
    ],
}
