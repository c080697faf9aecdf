"""Documentation for Missing Value Count

# Missing Value Count

## Description
Counts the missing values in a list, series or frame.

## Inputs
* **data** (ANY): A list, a Series or a DataFrame (in the wrapped JSON form).

## Outputs
* **count** (INT): How many values (cells, items) are missing.

## Details
Missing means NaN, null, None or NaT. For a frame every cell counts, for a list every item.

## Example
`data` = a frame with the columns a = 1.0, null, 3.0 and b = null, null, 6.0 gives `count` = 3.
"""

# mypy: allow-untyped-defs
import math
from typing import Any

import pandas as pd

from hdutils import ComponentInputValidationException

_WRAP_HINT = (
    "; JSON objects are read as dicts, so give a series or frame in the wrapped form "
    '{"__hd_wrapped_data_object__": "SERIES", "__data__": {...}}'
)


def _missing_and_total(data: Any) -> tuple[int, int]:
    """How many values of ``data`` are missing, and how many values it has."""
    if isinstance(data, pd.Series | pd.DataFrame):
        return int(data.isna().to_numpy().sum()), int(data.size)
    if isinstance(data, list):
        missing = sum(1 for item in data if item is None or (isinstance(item, float) and math.isnan(item)))
        return missing, len(data)
    hint = _WRAP_HINT if isinstance(data, dict) else ""
    raise ComponentInputValidationException(
        f"data must be a list, a Series or a DataFrame, not a {type(data).__name__}{hint}",
        invalid_component_inputs=["data"],
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
    "name": "Missing Value Count",
    "category": "Data Quality",
    "description": "Counts the missing values in a list, series or frame",
    "version_tag": "1.0.0",
    "id": "c1481b95-8bdf-5a0f-a8ec-b831f60951c1",
    "revision_group_id": "8e768318-0ff3-5d87-b947-b17fba99bc67",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"count": _missing_and_total(data)[0]}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "DATAFRAME", "__data__": {"a": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": null, "2026-01-01T02:00:00Z": 3.0}, "b": {"2026-01-01T00:00:00Z": null, "2026-01-01T01:00:00Z": null, "2026-01-01T02:00:00Z": 6.0}}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
