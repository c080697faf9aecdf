"""Documentation for DataFrame to Series

# DataFrame to Series

## Description
Turns a frame with exactly one column into a series.

## Inputs
* **dataframe** (DATAFRAME): A frame with one column.

## Outputs
* **series** (SERIES): The column, named after it.

## Details
To take one column of a wider frame, use Select Column.

## Example
`dataframe` with the single column x = 1, 2 gives `series` = 1, 2 named x.
"""

# mypy: allow-untyped-defs
from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "dataframe": {"data_type": "DATAFRAME"},
    },
    "outputs": {
        "series": {"data_type": "SERIES"},
    },
    "name": "DataFrame to Series",
    "category": "Basic",
    "description": "Turns a frame with exactly one column into a series",
    "version_tag": "1.0.0",
    "id": "6245d164-6eda-59c9-a79e-31a1d802706b",
    "revision_group_id": "64094ff3-fa64-5eaf-b122-25e9bb2d8af4",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, dataframe):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if dataframe.shape[1] != 1:
        raise ComponentInputValidationException(
            f"dataframe has {dataframe.shape[1]} columns, not 1; use Select Column to pick one",
            invalid_component_inputs=["dataframe"],
        )
    return {"series": dataframe.iloc[:, 0]}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"x": {"2026-01-01T00:00:00Z": 1, "2026-01-01T01:00:00Z": 2, "2026-01-01T02:00:00Z": 3}}',
            },
            "workflow_input_name": "dataframe",
        },
    ],
}
