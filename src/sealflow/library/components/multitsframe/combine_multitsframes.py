"""Documentation for Combine MultiTSFrames

# Combine MultiTSFrames

## Description
Puts the rows of two MULTITSFRAMEs together, sorted by timestamp.

## Inputs
* **first** (MULTITSFRAME): A MULTITSFRAME: one row per value, with the columns timestamp, metric and value.
* **second** (MULTITSFRAME): Another MULTITSFRAME.

## Outputs
* **combined** (MULTITSFRAME): All rows of both, sorted by timestamp.

## Details
A MULTITSFRAME holds several time series in one long table: each row is one value of one metric at one
timestamp (UTC). It is sorted by timestamp.

Rows with the same timestamp keep their order: those of `first` come before those of `second`. Nothing is
removed, so a metric and timestamp present in both appear twice.

## Example
`first` with the rows (00:00, pressure, 1.0), (01:00, pressure, 1.1) and `second` with the row (00:30,
level, 3.0) give the three rows in the order 00:00, 00:30, 01:00.
"""

# mypy: allow-untyped-defs
import pandas as pd

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "first": {"data_type": "MULTITSFRAME"},
        "second": {"data_type": "MULTITSFRAME"},
    },
    "outputs": {
        "combined": {"data_type": "MULTITSFRAME"},
    },
    "name": "Combine MultiTSFrames",
    "category": "MultiTSFrame",
    "description": "Puts the rows of two MULTITSFRAMEs together, sorted by timestamp",
    "version_tag": "1.0.0",
    "id": "f2028472-0340-5fca-be36-b145905f2cc0",
    "revision_group_id": "e7320d1a-bfad-5077-a62a-559fb556cbb1",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, first, second):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    combined = pd.concat([first, second], ignore_index=True)
    return {"combined": combined.sort_values("timestamp", kind="stable").reset_index(drop=True)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"timestamp": {"0": "2026-01-01T00:00:00Z", "1": "2026-01-01T00:00:00Z", "2": "2026-01-01T01:00:00Z", "3": "2026-01-01T01:00:00Z"}, "metric": {"0": "pressure", "1": "temperature", "2": "pressure", "3": "temperature"}, "value": {"0": 1.0, "1": 20.5, "2": 1.1, "3": 21.0}}',
            },
            "workflow_input_name": "first",
        },
        {
            "filters": {
                "value": '{"timestamp": {"0": "2026-01-01T00:30:00Z", "1": "2026-01-01T01:00:00Z"}, "metric": {"0": "level", "1": "level"}, "value": {"0": 3.0, "1": 3.5}}',
            },
            "workflow_input_name": "second",
        },
    ],
}
