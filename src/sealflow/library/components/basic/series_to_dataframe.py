"""Documentation for Series to DataFrame

# Series to DataFrame

## Description
Turns a series into a frame with one column.

## Inputs
* **series** (SERIES): The series.

## Outputs
* **dataframe** (DATAFRAME): A frame with the series as its only column.

## Details
The column is named after the series, or `value` when the series has no name.

## Example
`series` = 1.0, 2.0 (unnamed) gives `dataframe` with the column value = 1.0, 2.0.
"""

# mypy: allow-untyped-defs

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
    },
    "outputs": {
        "dataframe": {"data_type": "DATAFRAME"},
    },
    "name": "Series to DataFrame",
    "category": "Basic",
    "description": "Turns a series into a frame with one column",
    "version_tag": "1.0.0",
    "id": "304d19f7-12a2-5a3e-b6ed-bdf0320d2250",
    "revision_group_id": "315c4cd2-9b00-5c55-b77d-4580633b044f",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"dataframe": series.to_frame("value" if series.name is None else series.name)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0}',
            },
            "workflow_input_name": "series",
        },
    ],
}
