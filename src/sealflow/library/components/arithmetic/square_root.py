"""Documentation for Square Root

# Square Root

## Description
Gives the square root of numbers, series or frames.

## Inputs
* **data** (ANY): The values: a number, a list of numbers, a Series or a DataFrame (series and frames in the wrapped JSON form).

## Outputs
* **root** (ANY): The square roots, of the shape of `data`.

## Details
Uses numpy: the square root of a negative number is NaN; missing values stay missing. Lists of numbers are
returned as lists.

## Example
`data` = a frame with the column x = 4.0, 9.0 gives `root` = the frame x = 2.0, 3.0.
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
    },
    "outputs": {
        "root": {"data_type": "ANY"},
    },
    "name": "Square Root",
    "category": "Arithmetic",
    "description": "Gives the square root of numbers, series or frames",
    "version_tag": "1.0.0",
    "id": "71716c2b-e521-548d-b4d5-f3da5a9da10e",
    "revision_group_id": "eb0eac57-87fe-5d98-81b0-f3a9929b7e7e",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    value = _operand(data, "data")
    with np.errstate(invalid="ignore"):
        return {"root": _plain(np.sqrt(value))}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "DATAFRAME", "__data__": {"x": {"2026-01-01T00:00:00Z": 4.0, "2026-01-01T01:00:00Z": 9.0}, "y": {"2026-01-01T00:00:00Z": 2.25, "2026-01-01T01:00:00Z": 0.0}}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
