"""Documentation for Alert Intervals

# Alert Intervals

Groups consecutive alerts into intervals, one row per interval.

## Inputs
* **alerts** (SERIES): alert flags (true, false; missing counts as false)

## Outputs
* **intervals** (DATAFRAME): the columns start, end (first and last flagged index) and points

## Details

An interval runs from the first to the last flagged point of a run of consecutive alerts.
Use it to report alert periods from **Threshold Alerts**, **Z-Score Alerts** or
**Isolation Forest**.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "alerts": {"data_type": "SERIES"},
    },
    "outputs": {
        "intervals": {"data_type": "DATAFRAME"},
    },
    "name": "Alert Intervals",
    "category": "Anomaly Detection",
    "description": "Turns a series of alert flags into a table of alert intervals",
    "version_tag": "1.0.0",
    "id": "747e3d5f-0934-5c41-8fa2-54da4a649458",
    "revision_group_id": "747e3d5f-0934-5c41-8fa2-54da4a649458",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, alerts):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    flags = alerts.sort_index().eq(True)
    starts, ends, points = [], [], []
    run = 0
    for label, flagged in flags.items():
        if flagged:
            if run == 0:
                starts.append(label)
            run += 1
            last = label
        elif run:
            ends.append(last)
            points.append(run)
            run = 0
    if run:
        ends.append(last)
        points.append(run)
    return {
        "intervals": pd.DataFrame(
            {
                "start": pd.Index(starts, dtype=flags.index.dtype),
                "end": pd.Index(ends, dtype=flags.index.dtype),
                "points": pd.Series(points, dtype="int64"),
            }
        )
    }


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": false, "2026-01-05T01:00:00Z": false, "2026-01-05T02:00:00Z": true, "2026-01-05T03:00:00Z": true, "2026-01-05T04:00:00Z": true, "2026-01-05T05:00:00Z": false, "2026-01-05T06:00:00Z": false, "2026-01-05T07:00:00Z": false, "2026-01-05T08:00:00Z": false, "2026-01-05T09:00:00Z": false, "2026-01-05T10:00:00Z": true, "2026-01-05T11:00:00Z": false, "2026-01-05T12:00:00Z": false, "2026-01-05T13:00:00Z": false, "2026-01-05T14:00:00Z": false, "2026-01-05T15:00:00Z": true, "2026-01-05T16:00:00Z": true, "2026-01-05T17:00:00Z": false, "2026-01-05T18:00:00Z": false, "2026-01-05T19:00:00Z": false, "2026-01-05T20:00:00Z": false, "2026-01-05T21:00:00Z": false, "2026-01-05T22:00:00Z": false, "2026-01-05T23:00:00Z": true}',
            },
            "workflow_input_name": "alerts",
        },
    ],
}
