"""Documentation for Column to Index

# Column to Index

## Description
Makes a column of a frame its index, for example a timestamp column.

## Inputs
* **dataframe** (DATAFRAME): The frame.
* **column** (STRING): The name of the column that becomes the index.

## Outputs
* **indexed** (DATAFRAME): The frame indexed by that column, without it as a column.

## Details
A column of ISO 8601 timestamps given as JSON is read as UTC timestamps, so it becomes a DatetimeIndex that
time-based components (Resample, Shift with a frequency) can use. The row order is kept.

## Example
`dataframe` with the columns time = 2026-01-01T00:00:00Z, 2026-01-01T01:00:00Z and value = 1.0, 2.0 and
`column` = time give `indexed` with the column value indexed by the two timestamps.
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
        "indexed": {"data_type": "DATAFRAME"},
    },
    "name": "Column to Index",
    "category": "Basic",
    "description": "Makes a column of a frame its index, for example a timestamp column",
    "version_tag": "1.0.0",
    "id": "f5a778ab-84a4-5b5e-9725-6bba2c584369",
    "revision_group_id": "b9a8dc67-795e-57a7-b346-ba1cf8983ef0",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, dataframe, column):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if column not in dataframe.columns:
        shown = ", ".join(map(str, list(dataframe.columns)[:20]))
        raise ComponentInputValidationException(
            f"dataframe has no column {column!r}; its columns are: {shown}",
            invalid_component_inputs=["column"],
        )
    return {"indexed": dataframe.set_index(column).rename_axis(None)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"time": ["2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"], "value": [1.0, 2.0]}',
            },
            "workflow_input_name": "dataframe",
        },
        {"filters": {"value": "time"}, "workflow_input_name": "column"},
    ],
}
