"""Documentation for Sort by Index

# Sort by Index

## Description
Orders the rows of a series or frame by their index.

## Inputs
* **data** (ANY): A Series or a DataFrame (in the wrapped JSON form).
* **ascending** (BOOLEAN, optional, default true): True for the smallest (earliest) first, false for the largest first.

## Outputs
* **sorted_data** (ANY): The same rows in index order.

## Details
Rows with the same index keep their order.

## Example
`data` = a series with 3.0 at 02:00 and 1.0 at 00:00 gives `sorted_data` = 1.0 at 00:00 and 3.0 at 02:00.
"""

# mypy: allow-untyped-defs
from typing import Any

import pandas as pd

from hdutils import ComponentInputValidationException

_WRAP_HINT = (
    "; JSON objects are read as dicts, so give a series or frame in the wrapped form "
    '{"__hd_wrapped_data_object__": "SERIES", "__data__": {...}}'
)


def _pandas(value: Any, name: str) -> pd.Series | pd.DataFrame:
    """The input as a Series or DataFrame; anything else is refused with a hint."""
    if isinstance(value, pd.Series | pd.DataFrame):
        return value
    hint = _WRAP_HINT if isinstance(value, dict) else ""
    raise ComponentInputValidationException(
        f"{name} must be a Series or a DataFrame, not a {type(value).__name__}{hint}",
        invalid_component_inputs=[name],
    )


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "ANY"},
        "ascending": {"data_type": "BOOLEAN", "default_value": True},
    },
    "outputs": {
        "sorted_data": {"data_type": "ANY"},
    },
    "name": "Sort by Index",
    "category": "Basic",
    "description": "Orders the rows of a series or frame by their index",
    "version_tag": "1.0.0",
    "id": "deddb4ee-fe9b-55d0-a6e1-e961d8b3ad11",
    "revision_group_id": "06c90660-043a-5051-ab63-c19baaa73df6",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, ascending=True):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"sorted_data": _pandas(data, "data").sort_index(ascending=ascending, kind="stable")}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T02:00:00Z": 3.0, "2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
