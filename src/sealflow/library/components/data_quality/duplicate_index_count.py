"""Documentation for Duplicate Index Count

# Duplicate Index Count

## Description
Counts the index entries of a series or frame that repeat an earlier one.

## Inputs
* **data** (ANY): A Series or a DataFrame (in the wrapped JSON form).

## Outputs
* **count** (INT): How many rows have an index entry seen before; 0 when all are unique.

## Details
For time series this counts repeated timestamps, which often mean a data source delivered twice. The first
occurrence is not counted, so three rows with the same timestamp count as 2.

## Example
`data` = a series with values at 00:00, 01:00, 01:00 and 02:00 gives `count` = 1.
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
    },
    "outputs": {
        "count": {"data_type": "INT"},
    },
    "name": "Duplicate Index Count",
    "category": "Data Quality",
    "description": "Counts the index entries of a series or frame that repeat an earlier one",
    "version_tag": "1.0.0",
    "id": "32805a40-8790-54c7-8ec0-45a6d99994e9",
    "revision_group_id": "cce41b88-081d-5578-a0bb-96dae742929d",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"count": int(_pandas(data, "data").index.duplicated().sum())}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"name": "level", "index": ["2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "2026-01-01T01:00:00Z"], "data": [1.0, 2.0, 2.5, 3.0, 2.0]}, "__data_parsing_options__": {"orient": "split"}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
