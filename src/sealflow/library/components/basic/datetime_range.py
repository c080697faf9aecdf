"""Documentation for Datetime Range

# Datetime Range

## Description
Gives evenly spaced timestamps from a start to an end.

## Inputs
* **start** (STRING): The first timestamp, ISO 8601 (UTC if it has no offset).
* **end** (STRING): The last possible timestamp, ISO 8601 (UTC if it has no offset).
* **freq** (STRING): The spacing as a pandas frequency, e.g. 15min, 1h or 1D.

## Outputs
* **timestamps** (SERIES): The timestamps in UTC as values, numbered from 0, named timestamp.

## Details
The range includes `start`, and `end` when it falls on a step. Steps such as 1h or 15min are exact
durations; calendar steps such as 1D, MS (month start) or W (weeks ending on Sunday) follow the UTC calendar
and begin at the first step on or after `start`. At most a million timestamps are made.

## Example
`start` = 2026-01-01T00:00:00Z, `end` = 2026-01-01T01:00:00Z and `freq` = 30min give `timestamps` =
2026-01-01T00:00:00Z, 2026-01-01T00:30:00Z, 2026-01-01T01:00:00Z.
"""

# mypy: allow-untyped-defs
import pandas as pd
from pandas.tseries.frequencies import to_offset
from pandas.tseries.offsets import BaseOffset, Tick

from hdutils import ComponentInputValidationException

_MAX_TIMESTAMPS = 1_000_000


def _utc_timestamp(text: str, name: str) -> pd.Timestamp:
    """An ISO 8601 timestamp in UTC; one without an offset is taken as UTC."""
    try:
        stamp = pd.Timestamp(text.strip())
    except ValueError as exc:
        raise ComponentInputValidationException(
            f"{name} {text!r} is no timestamp; use ISO 8601, e.g. 2026-01-31T12:00:00Z",
            invalid_component_inputs=[name],
        ) from exc
    if pd.isna(stamp):
        raise ComponentInputValidationException(
            f"{name} is empty; give an ISO 8601 timestamp", invalid_component_inputs=[name]
        )
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


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
        "start": {"data_type": "STRING"},
        "end": {"data_type": "STRING"},
        "freq": {"data_type": "STRING"},
    },
    "outputs": {
        "timestamps": {"data_type": "SERIES"},
    },
    "name": "Datetime Range",
    "category": "Basic",
    "description": "Gives evenly spaced timestamps from a start to an end",
    "version_tag": "1.0.0",
    "id": "d68d5ff0-d04a-5e62-8ed1-2e0646d6b6a8",
    "revision_group_id": "13564dd7-6171-5e5f-b9ae-9efbe8b1c847",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, start, end, freq):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    first, last = _utc_timestamp(start, "start"), _utc_timestamp(end, "end")
    if last < first:
        raise ComponentInputValidationException(
            f"end {end!r} is before start {start!r}", invalid_component_inputs=["start", "end"]
        )
    step = _offset(freq, "freq")
    if isinstance(step, Tick) and (last - first) / pd.Timedelta(step) > _MAX_TIMESTAMPS:
        raise ComponentInputValidationException(
            f"from start to end in steps of {freq} are more than {_MAX_TIMESTAMPS} timestamps; "
            "use a longer freq or a shorter range",
            invalid_component_inputs=["freq"],
        )
    stamps = pd.date_range(first, last, freq=step)
    return {"timestamps": pd.Series(stamps, name="timestamp")}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {"filters": {"value": "2026-01-01T00:00:00Z"}, "workflow_input_name": "start"},
        {
            "filters": {"value": "2026-01-01T02:00:00+01:00"},
            "workflow_input_name": "end",
        },
        {"filters": {"value": "15min"}, "workflow_input_name": "freq"},
    ],
}
