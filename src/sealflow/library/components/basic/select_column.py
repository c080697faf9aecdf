"""Documentation for Select Column

# Select Column

## Description
Takes one column of a frame as a series.

## Inputs
* **dataframe** (DATAFRAME): The frame.
* **column** (STRING): The name of the column.

## Outputs
* **series** (SERIES): The column, with the index of the frame and the column name.

## Details
Column names are matched exactly, including case and spaces.

## Example
`dataframe` with the columns `temperature` and `pressure` and `column` = temperature give `series` = the
temperature values, named temperature.
"""

# mypy: allow-untyped-defs
from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "dataframe": {"data_type": "DATAFRAME"},
        "column": {"data_type": "STRING"},
    },
    "outputs": {
        "series": {"data_type": "SERIES"},
    },
    "name": "Select Column",
    "category": "Basic",
    "description": "Takes one column of a frame as a series",
    "version_tag": "1.0.0",
    "id": "783e518f-5bfa-5bb0-a51e-6438e481a3d6",
    "revision_group_id": "2ccc9114-f4c2-58ca-beec-b5b23d8fde0e",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, dataframe, column):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    count = list(dataframe.columns).count(column)
    if count != 1:
        problem = "has no column" if count == 0 else f"has {count} columns named"
        shown = ", ".join(map(str, list(dataframe.columns)[:20]))
        raise ComponentInputValidationException(
            f"dataframe {problem} {column!r}; its columns are: {shown}",
            invalid_component_inputs=["column"],
        )
    return {"series": dataframe[column]}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"temperature": {"2026-01-01T00:00:00Z": 20.5, "2026-01-01T01:00:00Z": 21.0, "2026-01-01T02:00:00Z": 21.5}, "pressure": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 1.1, "2026-01-01T02:00:00Z": 1.2}}',
            },
            "workflow_input_name": "dataframe",
        },
        {"filters": {"value": "temperature"}, "workflow_input_name": "column"},
    ],
}
