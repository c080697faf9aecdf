"""Documentation for Round

# Round

## Description
Rounds numbers, series or frames to a number of decimals.

## Inputs
* **data** (ANY): The values: a number, a list of numbers, a Series or a DataFrame (series and frames in the wrapped JSON form).
* **decimals** (INT, optional, default `0`): How many decimals to keep; negative values round to tens, hundreds and so on.

## Outputs
* **rounded** (ANY): The rounded values, of the shape of `data`.

## Details
Rounds half to even, as numpy and pandas do: 0.5 and 2.5 become 0 and 2, 1.5 becomes 2. Whole numbers stay
whole numbers; missing values stay missing.

## Example
`data` = a series 1.234, 2.5, -0.051 and `decimals` = 1 give `rounded` = 1.2, 2.5, -0.1.
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
        "decimals": {"data_type": "INT", "default_value": 0},
    },
    "outputs": {
        "rounded": {"data_type": "ANY"},
    },
    "name": "Round",
    "category": "Arithmetic",
    "description": "Rounds numbers, series or frames to a number of decimals",
    "version_tag": "1.0.0",
    "id": "a8a9ac9f-55cb-5959-8ad8-27c68cba3772",
    "revision_group_id": "c5ba9d46-9946-515e-8c8b-474b31cc22ee",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, decimals=0):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"rounded": _plain(np.round(_operand(data, "data"), decimals))}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.234, "2026-01-01T01:00:00Z": 2.5, "2026-01-01T02:00:00Z": -0.051, "2026-01-01T03:00:00Z": 7.25}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
        {"filters": {"value": "1"}, "workflow_input_name": "decimals"},
    ],
}
