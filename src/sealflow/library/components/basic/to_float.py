"""Documentation for To Float

# To Float

## Description
Converts numbers, numeric strings, lists, series or frames to floats.

## Inputs
* **data** (ANY): A number, a numeric string, a list, a Series or a DataFrame (wrapped JSON form).

## Outputs
* **converted** (ANY): The values as floats, of the shape of `data`.

## Details
Strings such as "2.5", "1e3" or "NaN" are read as numbers, booleans become 1.0 and 0.0, and missing values
become NaN. A value that is no number makes the component fail and names it.

## Example
`data` = a series "1.5", "2", "3e2" (strings) gives `converted` = 1.5, 2.0, 300.0.
"""

# mypy: allow-untyped-defs
import math

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
        "converted": {"data_type": "ANY"},
    },
    "name": "To Float",
    "category": "Basic",
    "description": "Converts numbers, numeric strings, lists, series or frames to floats",
    "version_tag": "1.0.0",
    "id": "6a6653c5-0f81-5f51-82af-5767f516aea6",
    "revision_group_id": "0563f43c-1f80-5eca-b37e-2667059bb8f8",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    try:
        if isinstance(data, pd.Series | pd.DataFrame):
            return {"converted": data.astype("float64")}
        if isinstance(data, list):
            return {"converted": [math.nan if item is None else float(item) for item in data]}
        if isinstance(data, int | float | str):
            return {"converted": float(data)}
    except (TypeError, ValueError) as exc:
        raise ComponentInputValidationException(
            f"data holds a value that is no number ({exc})", invalid_component_inputs=["data"]
        ) from exc
    hint = _WRAP_HINT if isinstance(data, dict) else ""
    raise ComponentInputValidationException(
        f"data must be a number, a string, a list, a Series or a DataFrame, not a {type(data).__name__}{hint}",
        invalid_component_inputs=["data"],
    )


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": "1.5", "2026-01-01T01:00:00Z": "2", "2026-01-01T02:00:00Z": "3e2"}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
