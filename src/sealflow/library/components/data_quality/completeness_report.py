"""Documentation for Completeness Report

# Completeness Report

## Description
Reports per column of a frame how many values are present and missing.

## Inputs
* **dataframe** (DATAFRAME): The frame to check.

## Outputs
* **report** (DATAFRAME): One row per column of `dataframe` (index: the column names) with the columns rows, present, missing and completeness.

## Details
`rows` is the number of rows, `present` and `missing` count the values of the column, and `completeness` is
present divided by rows (1.0 = complete; NaN for a frame without rows). Missing means NaN, null or NaT.

## Example
`dataframe` with the columns a = 1.0, null, 3.0, 4.0 and b = 5.0, 6.0, 7.0, 8.0 gives `report` with the row
a: rows 4, present 3, missing 1, completeness 0.75, and the row b: 4, 4, 0, 1.0.
"""

# mypy: allow-untyped-defs
import numpy as np
import pandas as pd

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "dataframe": {"data_type": "DATAFRAME"},
    },
    "outputs": {
        "report": {"data_type": "DATAFRAME"},
    },
    "name": "Completeness Report",
    "category": "Data Quality",
    "description": "Reports per column of a frame how many values are present and missing",
    "version_tag": "1.0.0",
    "id": "81419ca5-838b-5950-b81c-2f8eee16929f",
    "revision_group_id": "c7da5ed0-0525-594a-ae98-d7d04b13a33b",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, dataframe):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    rows = len(dataframe)
    present = dataframe.notna().sum().astype("int64")
    report = pd.DataFrame(
        {
            "rows": pd.Series(rows, index=dataframe.columns, dtype="int64"),
            "present": present,
            "missing": rows - present,
            "completeness": present / rows if rows else pd.Series(np.nan, index=dataframe.columns),
        },
        index=dataframe.columns,
    )
    return {"report": report}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"a": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": null, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": 4.0}, "b": {"2026-01-01T00:00:00Z": 5.0, "2026-01-01T01:00:00Z": 6.0, "2026-01-01T02:00:00Z": 7.0, "2026-01-01T03:00:00Z": 8.0}, "c": {"2026-01-01T00:00:00Z": null, "2026-01-01T01:00:00Z": null, "2026-01-01T02:00:00Z": null, "2026-01-01T03:00:00Z": 1}}',
            },
            "workflow_input_name": "dataframe",
        },
    ],
}
