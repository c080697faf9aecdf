"""Documentation for Length

# Length

## Description
Counts the rows of a series or frame or the items of a list.

## Inputs
* **data** (ANY): A list, a Series or a DataFrame (in the wrapped JSON form).

## Outputs
* **length** (INT): The number of rows or items, missing values included.

## Details
Use Missing Value Count to count only the missing values.

## Example
`data` = a frame with 3 rows and 2 columns gives `length` = 3.
"""

# mypy: allow-untyped-defs
import pandas as pd

from hdutils import ComponentInputValidationException

_WRAP_HINT = (
    "; JSON objects are read as dicts, so give a series or frame in the wrapped form "
    '{"__hd_wrapped_data_object__": "SERIES", "__data__": {...}}'
)


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "ANY"},
    },
    "outputs": {
        "length": {"data_type": "INT"},
    },
    "name": "Length",
    "category": "Basic",
    "description": "Counts the rows of a series or frame or the items of a list",
    "version_tag": "1.0.0",
    "id": "c2df82f4-7b19-571c-acf4-35bd21f4aa3a",
    "revision_group_id": "6a67298e-d66e-5b04-b9ec-a6e754543394",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if not isinstance(data, list | pd.Series | pd.DataFrame):
        hint = _WRAP_HINT if isinstance(data, dict) else ""
        raise ComponentInputValidationException(
            f"data must be a list, a Series or a DataFrame, not a {type(data).__name__}{hint}",
            invalid_component_inputs=["data"],
        )
    return {"length": len(data)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "DATAFRAME", "__data__": {"a": {"2026-01-01T00:00:00Z": 1, "2026-01-01T01:00:00Z": 2, "2026-01-01T02:00:00Z": 3}, "b": {"2026-01-01T00:00:00Z": null, "2026-01-01T01:00:00Z": 5, "2026-01-01T02:00:00Z": 6}}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
