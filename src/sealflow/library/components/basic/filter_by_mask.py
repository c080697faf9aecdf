"""Documentation for Filter by Mask

# Filter by Mask

## Description
Keeps the rows of a series or frame where a boolean mask is true.

## Inputs
* **data** (ANY): A Series or a DataFrame (in the wrapped JSON form).
* **mask** (SERIES): Booleans on (part of) the index of `data`; true keeps the row.

## Outputs
* **filtered** (ANY): The rows of `data` whose mask entry is true, in their order.

## Details
The mask is matched to `data` by index label, not by position. Rows whose label is missing from the mask, or
whose mask entry is missing or anything but true, are dropped. Use a comparison component (for example
Greater Than) to make a mask.

## Example
`data` = a series 1.0, 2.0, 3.0 (hourly from 00:00) and `mask` = true at 00:00, false at 01:00, true at
02:00 give `filtered` = 1.0 at 00:00 and 3.0 at 02:00.
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
        "mask": {"data_type": "SERIES"},
    },
    "outputs": {
        "filtered": {"data_type": "ANY"},
    },
    "name": "Filter by Mask",
    "category": "Basic",
    "description": "Keeps the rows of a series or frame where a boolean mask is true",
    "version_tag": "1.0.0",
    "id": "c86bfb3a-39c5-5f80-bc29-a67af0f222bf",
    "revision_group_id": "b1f2f9c3-6256-50e5-89bb-5a102db5a0de",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, mask):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    target = _pandas(data, "data")
    if not mask.index.is_unique:
        raise ComponentInputValidationException(
            "mask has repeated index entries, so it is unclear which one applies; remove the repeats",
            invalid_component_inputs=["mask"],
        )
    keep = mask.reindex(target.index).eq(True).to_numpy()
    return {"filtered": target[keep]}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": 4.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
        {
            "filters": {
                "value": '{"2026-01-01T00:00:00Z": true, "2026-01-01T01:00:00Z": false, "2026-01-01T02:00:00Z": true}',
            },
            "workflow_input_name": "mask",
        },
    ],
}
