"""Documentation for Rename Series

# Rename Series

## Description
Gives a series a new name.

## Inputs
* **series** (SERIES): The series.
* **name** (STRING): The new name.

## Outputs
* **renamed** (SERIES): The same values under the new name.

## Details
The name becomes the column name when the series is combined into a frame.

## Example
`series` = 1.0, 2.0 and `name` = temperature give `renamed` = 1.0, 2.0 named temperature.
"""

# mypy: allow-untyped-defs

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "name": {"data_type": "STRING"},
    },
    "outputs": {
        "renamed": {"data_type": "SERIES"},
    },
    "name": "Rename Series",
    "category": "Basic",
    "description": "Gives a series a new name",
    "version_tag": "1.0.0",
    "id": "80ef03a6-89a5-530b-a7c6-2d0cd51859a9",
    "revision_group_id": "086b0c00-a7c3-5e02-b573-dfe216c1a9e2",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, name):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"renamed": series.rename(name)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "temperature"}, "workflow_input_name": "name"},
    ],
}
