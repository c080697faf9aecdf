"""Documentation for Drop NaN

# Drop NaN

## Description
Removes missing values from a list, series or frame.

## Inputs
* **data** (ANY): A list, a Series or a DataFrame (in the wrapped JSON form).
* **how** (STRING, optional, default `any`): For frames: any drops rows with a missing cell, all only rows without any value.

## Outputs
* **cleaned** (ANY): `data` without the missing values (rows).

## Details
Missing means NaN, null or NaT. The remaining rows keep their index and order.

## Example
`data` = a series 1.0, null, 3.0 gives `cleaned` = 1.0, 3.0 on the first and third timestamp.
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


def _choice(value: str, choices: tuple[str, ...], name: str) -> str:
    """``value`` (trimmed, lower case) if it is one of ``choices``."""
    chosen = value.strip().lower()
    if chosen not in choices:
        raise ComponentInputValidationException(
            f"{name} {value!r} is not supported; use one of {', '.join(choices)}",
            invalid_component_inputs=[name],
        )
    return chosen


def _missing(item: Any) -> bool:
    """Whether a list item stands for a missing value."""
    return item is None or (isinstance(item, float) and math.isnan(item))


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "ANY"},
        "how": {"data_type": "STRING", "default_value": "any"},
    },
    "outputs": {
        "cleaned": {"data_type": "ANY"},
    },
    "name": "Drop NaN",
    "category": "Basic",
    "description": "Removes missing values from a list, series or frame",
    "version_tag": "1.0.0",
    "id": "d364ed74-4029-55b2-9079-0f1beeef39f6",
    "revision_group_id": "042df281-123f-5fd2-8570-34d4f6f4bc6a",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, how="any"):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    how = _choice(how, ("any", "all"), "how")
    if isinstance(data, pd.DataFrame):
        return {"cleaned": data.dropna(how=how)}
    if isinstance(data, pd.Series):
        return {"cleaned": data.dropna()}
    if isinstance(data, list):
        return {"cleaned": [item for item in data if not _missing(item)]}
    hint = _WRAP_HINT if isinstance(data, dict) else ""
    raise ComponentInputValidationException(
        f"data must be a list, a Series or a DataFrame, not a {type(data).__name__}{hint}",
        invalid_component_inputs=["data"],
    )


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "DATAFRAME", "__data__": {"a": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": null, "2026-01-01T02:00:00Z": null}, "b": {"2026-01-01T00:00:00Z": 2.0, "2026-01-01T01:00:00Z": 3.0, "2026-01-01T02:00:00Z": null}}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
        {"filters": {"value": "all"}, "workflow_input_name": "how"},
    ],
}
