"""Documentation for Series to MultiTSFrame

# Series to MultiTSFrame

## Description
Turns a time series into a MULTITSFRAME of one metric.

## Inputs
* **series** (SERIES): Values with timestamps as index.
* **metric** (STRING): The metric name for all rows.

## Outputs
* **multitsframe** (MULTITSFRAME): One row per value present, sorted by timestamp.

## Details
A MULTITSFRAME holds several time series in one long table: each row is one value of one metric at one
timestamp (UTC). It is sorted by timestamp.

Missing values are left out. Combine several converted series with Combine MultiTSFrames.

## Example
`series` = 1.0, null, 3.0 at 00:00, 01:00 and 02:00 and `metric` = level give the rows (00:00, level, 1.0)
and (02:00, level, 3.0).
"""

# mypy: allow-untyped-defs
import pandas as pd

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "metric": {"data_type": "STRING"},
    },
    "outputs": {
        "multitsframe": {"data_type": "MULTITSFRAME"},
    },
    "name": "Series to MultiTSFrame",
    "category": "MultiTSFrame",
    "description": "Turns a time series into a MULTITSFRAME of one metric",
    "version_tag": "1.0.0",
    "id": "623ad887-7e40-5e23-9384-5596a5cccc27",
    "revision_group_id": "d0d9fa02-a41e-5a95-9090-eb125a871e66",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, metric):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if not isinstance(series.index, pd.DatetimeIndex):
        raise ComponentInputValidationException(
            f"series needs timestamps as its index, not a {type(series.index).__name__}",
            invalid_component_inputs=["series"],
        )
    if not metric.strip():
        raise ComponentInputValidationException(
            "metric is empty; give a name", invalid_component_inputs=["metric"]
        )
    values = series.dropna()
    stamps = values.index.tz_localize("UTC") if values.index.tz is None else values.index.tz_convert("UTC")
    rows = pd.DataFrame({"timestamp": stamps, "metric": metric, "value": values.to_numpy()})
    return {"multitsframe": rows.sort_values("timestamp", kind="stable").reset_index(drop=True)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": null, "2026-01-01T02:00:00Z": 3.0}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "level"}, "workflow_input_name": "metric"},
    ],
}
