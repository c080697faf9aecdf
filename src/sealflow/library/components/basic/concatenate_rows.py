"""Documentation for Concatenate Rows

# Concatenate Rows

## Description
Appends the rows of one series or frame to another.

## Inputs
* **first** (ANY): A Series or a DataFrame (in the wrapped JSON form); its rows come first.
* **second** (ANY): Of the same kind; its rows come after.

## Outputs
* **concatenated** (ANY): All rows of `first`, then all rows of `second`.

## Details
The rows are not sorted and repeated index entries are kept; use Sort by Index to order by time. Frames with
different columns get all columns, with NaN where a frame had none.

## Example
`first` = a series 1.0, 2.0 at 00:00 and 01:00 and `second` = a series 3.0 at 02:00 give `concatenated` =
1.0, 2.0, 3.0 at 00:00, 01:00 and 02:00.
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
        "first": {"data_type": "ANY"},
        "second": {"data_type": "ANY"},
    },
    "outputs": {
        "concatenated": {"data_type": "ANY"},
    },
    "name": "Concatenate Rows",
    "category": "Basic",
    "description": "Appends the rows of one series or frame to another",
    "version_tag": "1.0.0",
    "id": "aa2cc9f8-c5b1-5691-af66-9061d605f9c4",
    "revision_group_id": "5bd1d2c6-4076-56c3-9de2-f536d7396b5b",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, first, second):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    top, bottom = _pandas(first, "first"), _pandas(second, "second")
    if isinstance(top, pd.Series) != isinstance(bottom, pd.Series):
        raise ComponentInputValidationException(
            "first and second must both be Series or both be DataFrames",
            invalid_component_inputs=["first", "second"],
        )
    return {"concatenated": pd.concat([top, bottom])}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "first",
        },
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": 4.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "second",
        },
    ],
}
