"""Documentation for Shift

# Shift

## Description
Moves the values of a series or frame by a number of rows or along the time axis.

## Inputs
* **data** (ANY): A Series or a DataFrame (in the wrapped JSON form).
* **periods** (INT): How far to move: positive values move later, negative values earlier.
* **freq** (STRING, optional, default `\""`): Empty to move the values by rows; a pandas frequency such as 1h to move the timestamps by `periods` times it instead.

## Outputs
* **shifted** (ANY): The moved series or frame.

## Details
Without `freq` the index stays and the values move by `periods` rows; the rows left empty become NaN. With
`freq` nothing is lost: the values stay and every timestamp moves by `periods` times `freq`.

## Example
`data` = a series 1.0, 2.0, 3.0 and `periods` = 1 give `shifted` = NaN, 1.0, 2.0 on the same timestamps.
With `freq` = 1h the values stay 1.0, 2.0, 3.0 and each timestamp is one hour later.
"""

# mypy: allow-untyped-defs
from typing import Any

import pandas as pd
from pandas.tseries.frequencies import to_offset
from pandas.tseries.offsets import BaseOffset

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


def _offset(text: str, name: str) -> BaseOffset:
    """A pandas frequency such as 15min, 1h or 1D."""
    try:
        return to_offset(text.strip())
    except ValueError as exc:
        raise ComponentInputValidationException(
            f"{name} {text!r} is no frequency; use e.g. 30s, 15min, 1h or 1D",
            invalid_component_inputs=[name],
        ) from exc


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "ANY"},
        "periods": {"data_type": "INT"},
        "freq": {"data_type": "STRING", "default_value": ""},
    },
    "outputs": {
        "shifted": {"data_type": "ANY"},
    },
    "name": "Shift",
    "category": "Basic",
    "description": "Moves the values of a series or frame by a number of rows or along the time axis",
    "version_tag": "1.0.0",
    "id": "b6171a43-e23f-53ba-9d88-cf12fe6f05bc",
    "revision_group_id": "7583bfb9-b172-592b-98dd-21d7646df425",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, periods, freq=""):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    target = _pandas(data, "data")
    if not freq.strip():
        return {"shifted": target.shift(periods)}
    if not isinstance(target.index, pd.DatetimeIndex):
        raise ComponentInputValidationException(
            "data needs timestamps as its index to be shifted in time; leave freq empty to shift rows",
            invalid_component_inputs=["data", "freq"],
        )
    return {"shifted": target.shift(periods, freq=_offset(freq, "freq"))}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 3.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
        {"filters": {"value": "1"}, "workflow_input_name": "periods"},
    ],
}
