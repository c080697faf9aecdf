"""Documentation for Missing Value Ratio

# Missing Value Ratio

## Description
Gives the share of missing values in a list, series or frame.

## Inputs
* **data** (ANY): A list, a Series or a DataFrame (in the wrapped JSON form).

## Outputs
* **ratio** (FLOAT): Missing values divided by all values, from 0.0 to 1.0.

## Details
Missing means NaN, null, None or NaT. For a frame every cell counts, for a list every item. Empty data has
nothing missing, so its ratio is 0.0.

## Example
`data` = a series 1.0, null, 3.0, null gives `ratio` = 0.5.
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
        "ratio": {"data_type": "FLOAT"},
    },
    "name": "Missing Value Ratio",
    "category": "Data Quality",
    "description": "Gives the share of missing values in a list, series or frame",
    "version_tag": "1.0.0",
    "id": "aca3f545-1e6e-5a44-ab9c-1806607de62d",
    "revision_group_id": "29f9008f-01e9-5c0a-bd9c-01b24d514b4b",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    missing, total = _missing_and_total(data)
    return {"ratio": missing / total if total else 0.0}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": null, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": null, "2026-01-01T04:00:00Z": 5.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
