"""Documentation for Fill NaN

# Fill NaN

## Description
Fills the missing values of a series or frame.

## Inputs
* **data** (ANY): A Series or a DataFrame (in the wrapped JSON form).
* **method** (STRING, optional, default `value`): value (use `value`), forward (the last value before), backward (the next value after) or interpolate (linear between the neighbours, by time for a time index).
* **value** (FLOAT, optional, default `0.0`): The fill value for the method value.

## Outputs
* **filled** (ANY): `data` with the missing values filled where the method can.

## Details
forward leaves missing values at the start, backward at the end, and interpolate fills only gaps between two
values (it does not extrapolate). Interpolation weighs by the time between values when the index holds
timestamps, else all rows count as equally spaced. Frames are filled column by column; interpolate needs
numeric columns.

## Example
`data` = a series 1.0, null, 3.0 gives `filled` = 1.0, 0.0, 3.0 with the method value, 1.0, 1.0, 3.0 with
forward and 1.0, 2.0, 3.0 with interpolate.
"""

# mypy: allow-untyped-defs
from typing import Any

import pandas as pd

from hdutils import ComponentInputValidationException

_WRAP_HINT = (
    "; JSON objects are read as dicts, so give a series or frame in the wrapped form "
    '{"__hd_wrapped_data_object__": "SERIES", "__data__": {...}}'
)


def _pandas(value: Any, name: str) -> pd.Series | pd.DataFrame:
    """The input as a Series or DataFrame; anything else is refused with a hint."""
    if isinstance(value, pd.Series | pd.DataFrame):
        return value
    hint = _WRAP_HINT if isinstance(value, dict) else ""
    raise ComponentInputValidationException(
        f"{name} must be a Series or a DataFrame, not a {type(value).__name__}{hint}",
        invalid_component_inputs=[name],
    )


def _choice(value: str, choices: tuple[str, ...], name: str) -> str:
    """``value`` (trimmed, lower case) if it is one of ``choices``."""
    chosen = value.strip().lower()
    if chosen not in choices:
        raise ComponentInputValidationException(
            f"{name} {value!r} is not supported; use one of {', '.join(choices)}",
            invalid_component_inputs=[name],
        )
    return chosen


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "ANY"},
        "method": {"data_type": "STRING", "default_value": "value"},
        "value": {"data_type": "FLOAT", "default_value": 0.0},
    },
    "outputs": {
        "filled": {"data_type": "ANY"},
    },
    "name": "Fill NaN",
    "category": "Basic",
    "description": "Fills the missing values of a series or frame",
    "version_tag": "1.0.0",
    "id": "87706f6b-fbd2-5b5b-8cf0-82b9539f2884",
    "revision_group_id": "b16bb1cc-7de9-5e59-9806-b3fc1847f408",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, method="value", value=0.0):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    target = _pandas(data, "data")
    how = _choice(method, ("value", "forward", "backward", "interpolate"), "method")
    if how == "value":
        return {"filled": target.fillna(value)}
    if how == "forward":
        return {"filled": target.ffill()}
    if how == "backward":
        return {"filled": target.bfill()}
    by_time = isinstance(target.index, pd.DatetimeIndex)
    return {"filled": target.interpolate(method="time" if by_time else "linear", limit_area="inside")}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": null, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": null}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
        {"filters": {"value": "value"}, "workflow_input_name": "method"},
        {"filters": {"value": "-1"}, "workflow_input_name": "value"},
    ],
}
