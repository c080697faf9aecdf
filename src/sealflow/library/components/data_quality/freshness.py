"""Documentation for Freshness

# Freshness

## Description
Tells how old the newest value of time series data is at a reference time.

## Inputs
* **data** (ANY): A Series or DataFrame with timestamps as index, or a frame with a timestamp column such as a MULTITSFRAME (in the wrapped JSON form).
* **reference** (STRING): The time to measure the age at, ISO 8601 (UTC if it has no offset).

## Outputs
* **age_seconds** (FLOAT): Seconds from the newest timestamp with a value to `reference`.
* **newest** (STRING): The newest timestamp with a value, ISO 8601 in UTC.

## Details
The reference time is an input, so the result depends only on the inputs: pass the time of the check, for
example the scheduled run time. Rows whose values are all missing do not count as fresh data. In a frame
with a timestamp column the other columns hold the values; in a MULTITSFRAME (timestamp, metric, value) only
the value column does. A newest timestamp after the reference gives a negative age. Use Greater Than on
`age_seconds` to raise an alert.

## Example
`data` = a series with values at 2026-01-01T00:00:00Z and 01:00:00Z and a missing value at 02:00:00Z, and
`reference` = 2026-01-01T03:30:00Z give `age_seconds` = 9000.0 and `newest` = 2026-01-01T01:00:00+00:00.
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


def _stamps_with_values(data: Any) -> tuple[pd.DatetimeIndex, np.ndarray]:
    """The timestamps of ``data`` in UTC, and for each one whether its row holds a value."""
    if isinstance(data, pd.DataFrame) and "timestamp" in data.columns:
        stamps = pd.DatetimeIndex(pd.to_datetime(data["timestamp"], utc=True, format="ISO8601"))
        if {"metric", "value"} <= set(data.columns):
            return stamps, data["value"].notna().to_numpy()
        values = data.drop(columns="timestamp")
        if values.shape[1] == 0:
            return stamps, np.ones(len(data), dtype=bool)
        return stamps, values.notna().any(axis=1).to_numpy()
    if isinstance(data, pd.Series | pd.DataFrame) and isinstance(data.index, pd.DatetimeIndex):
        index = data.index
        stamps = index.tz_localize("UTC") if index.tz is None else index.tz_convert("UTC")
        present = data.notna() if isinstance(data, pd.Series) else data.notna().any(axis=1)
        return stamps, present.to_numpy()
    hint = _WRAP_HINT if isinstance(data, dict) else ""
    raise ComponentInputValidationException(
        "data needs timestamps, as its index or in a column named timestamp, in a Series or a DataFrame, "
        f"not a {type(data).__name__}{hint}",
        invalid_component_inputs=["data"],
    )


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "ANY"},
        "reference": {"data_type": "STRING"},
    },
    "outputs": {
        "age_seconds": {"data_type": "FLOAT"},
        "newest": {"data_type": "STRING"},
    },
    "name": "Freshness",
    "category": "Data Quality",
    "description": "Tells how old the newest value of time series data is at a reference time",
    "version_tag": "1.0.0",
    "id": "1b6e4d84-7dde-5ad0-9649-e8ffdf928e5a",
    "revision_group_id": "e67e4f93-c98f-5aa9-919b-082702b99f97",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, reference):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    at = _utc_timestamp(reference, "reference")
    stamps, present = _stamps_with_values(data)
    stamps = stamps[present]
    if len(stamps) == 0:
        raise ComponentInputValidationException(
            "data holds no timestamp with a value, so it has no age", invalid_component_inputs=["data"]
        )
    newest = stamps.max()
    return {"age_seconds": (at - newest).total_seconds(), "newest": newest.isoformat()}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": null}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
        {
            "filters": {"value": "2026-01-01T03:30:00Z"},
            "workflow_input_name": "reference",
        },
    ],
}
