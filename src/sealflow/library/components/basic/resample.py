"""Documentation for Resample

# Resample

## Description
Aggregates a time-indexed series or frame into regular time intervals.

## Inputs
* **data** (ANY): A Series or a DataFrame with timestamps as index (in the wrapped JSON form).
* **rule** (STRING): The interval length as a pandas frequency, e.g. 15min, 1h or 1D.
* **aggregation** (STRING, optional, default `mean`): How to combine the values of an interval: mean, median, sum, min, max, first, last, count or std.

## Outputs
* **resampled** (ANY): One row per interval, labelled by the interval start.

## Details
Intervals start at midnight-aligned boundaries and include their start but not their end. Every interval
between the first and the last value gets a row, so empty intervals give NaN (0 for sum and count). Frames
are aggregated column by column and need numeric columns for mean, median, sum and std.

## Example
`data` = a series 1.0, 2.0, 3.0, 5.0 on the hours 00:00 to 03:00, `rule` = 2h and `aggregation` = mean give
`resampled` = 1.5 at 00:00 and 4.0 at 02:00.
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


def _datetime_indexed(value: Any, name: str) -> pd.Series | pd.DataFrame:
    """The input as a Series or DataFrame with a DatetimeIndex."""
    target = _pandas(value, name)
    if not isinstance(target.index, pd.DatetimeIndex):
        raise ComponentInputValidationException(
            f"{name} needs timestamps as its index, not a {type(target.index).__name__}",
            invalid_component_inputs=[name],
        )
    return target


def _offset(text: str, name: str) -> BaseOffset:
    """A pandas frequency such as 15min, 1h or 1D."""
    try:
        return to_offset(text.strip())
    except ValueError as exc:
        raise ComponentInputValidationException(
            f"{name} {text!r} is no frequency; use e.g. 30s, 15min, 1h or 1D",
            invalid_component_inputs=[name],
        ) from exc


def _choice(value: str, choices: tuple[str, ...], name: str) -> str:
    """``value`` (trimmed, lower case) if it is one of ``choices``."""
    chosen = value.strip().lower()
    if chosen not in choices:
        raise ComponentInputValidationException(
            f"{name} {value!r} is not supported; use one of {', '.join(choices)}",
            invalid_component_inputs=[name],
        )
    return chosen


_AGGREGATIONS = ("mean", "median", "sum", "min", "max", "first", "last", "count", "std")


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "ANY"},
        "rule": {"data_type": "STRING"},
        "aggregation": {"data_type": "STRING", "default_value": "mean"},
    },
    "outputs": {
        "resampled": {"data_type": "ANY"},
    },
    "name": "Resample",
    "category": "Basic",
    "description": "Aggregates a time-indexed series or frame into regular time intervals",
    "version_tag": "1.0.0",
    "id": "6f467282-05ca-53cd-aac1-f2c09aa37e7c",
    "revision_group_id": "e5e3a7e2-e76b-5179-8ea3-539b7833fefe",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, rule, aggregation="mean"):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    target = _datetime_indexed(data, "data")
    how = _choice(aggregation, _AGGREGATIONS, "aggregation")
    return {"resampled": target.resample(_offset(rule, "rule")).agg(how)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": 5.0, "2026-01-01T04:00:00Z": 8.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
        {"filters": {"value": "2h"}, "workflow_input_name": "rule"},
    ],
}
