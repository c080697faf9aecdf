"""Documentation for Select Columns

# Select Columns

## Description
Keeps the named columns of a frame, in the order given.

## Inputs
* **dataframe** (DATAFRAME): The frame.
* **columns** (STRING): The column names, separated by commas, e.g. `temperature, pressure`.

## Outputs
* **selected** (DATAFRAME): The frame with only these columns, in this order.

## Details
Spaces around the names are ignored, so names with commas or surrounding spaces cannot be given.

## Example
`dataframe` with the columns a, b, c and `columns` = `c, a` give `selected` with the columns c and a.
"""

# mypy: allow-untyped-defs
from hdutils import ComponentInputValidationException


def _names(text: str) -> list[str]:
    """The comma-separated names in ``text``, trimmed, empty ones left out."""
    return [name.strip() for name in text.split(",") if name.strip()]


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "dataframe": {"data_type": "DATAFRAME"},
        "columns": {"data_type": "STRING"},
    },
    "outputs": {
        "selected": {"data_type": "DATAFRAME"},
    },
    "name": "Select Columns",
    "category": "Basic",
    "description": "Keeps the named columns of a frame, in the order given",
    "version_tag": "1.0.0",
    "id": "e5174e41-dca3-5fd8-8fda-76e9807a3e6f",
    "revision_group_id": "0de0ae41-7a98-5fad-8b7c-6981d9763ba6",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, dataframe, columns):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    names = _names(columns)
    if not names:
        raise ComponentInputValidationException(
            "columns names no column; give names separated by commas", invalid_component_inputs=["columns"]
        )
    missing = [name for name in names if name not in dataframe.columns]
    if missing:
        shown = ", ".join(map(str, list(dataframe.columns)[:20]))
        raise ComponentInputValidationException(
            f"dataframe has no column {', '.join(map(repr, missing))}; its columns are: {shown}",
            invalid_component_inputs=["columns"],
        )
    return {"selected": dataframe[names]}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"a": {"2026-01-01T00:00:00Z": 1, "2026-01-01T01:00:00Z": 2}, "b": {"2026-01-01T00:00:00Z": 3, "2026-01-01T01:00:00Z": 4}, "c": {"2026-01-01T00:00:00Z": 5, "2026-01-01T01:00:00Z": 6}}',
            },
            "workflow_input_name": "dataframe",
        },
        {"filters": {"value": "c, a"}, "workflow_input_name": "columns"},
    ],
}
