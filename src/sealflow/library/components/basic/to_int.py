"""Documentation for To Integer

# To Integer

## Description
Converts whole-valued numbers, strings, lists, series or frames to integers.

## Inputs
* **data** (ANY): A number, a numeric string, a list, a Series or a DataFrame (wrapped JSON form).

## Outputs
* **converted** (ANY): The values as integers, of the shape of `data`.

## Details
Only whole values are converted: 3.0 and "3" become 3, while 2.5 or a missing value make the component fail,
so nothing is cut off silently. Use Round first to round, and Fill NaN or Drop NaN for missing values.

## Example
`data` = a series 1.0, 2.0, 3.0 gives `converted` = 1, 2, 3; `data` = 2.5 fails.
"""

# mypy: allow-untyped-defs
import math
from typing import Any

import numpy as np
import pandas as pd

from hdutils import ComponentInputValidationException

_WRAP_HINT = (
    "; JSON objects are read as dicts, so give a series or frame in the wrapped form "
    '{"__hd_wrapped_data_object__": "SERIES", "__data__": {...}}'
)


def _refuse(value: Any) -> ComponentInputValidationException:
    return ComponentInputValidationException(
        f"data holds {value!r}, which is no whole number; use Round, Fill NaN or Drop NaN first",
        invalid_component_inputs=["data"],
    )


def _whole(value: Any) -> int:
    """A whole number (or a string holding one) as an int."""
    if isinstance(value, int):
        return int(value)
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise _refuse(value) from exc
    if not math.isfinite(number) or not number.is_integer():
        raise _refuse(value)
    return int(number)


def _check_whole(numbers: np.ndarray) -> None:
    """Refuse an array holding a missing, infinite or fractional value."""
    bad = ~np.isfinite(numbers) | (numbers != np.round(numbers))
    if bad.any():
        raise _refuse(numbers[bad][0].item())


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "ANY"},
    },
    "outputs": {
        "converted": {"data_type": "ANY"},
    },
    "name": "To Integer",
    "category": "Basic",
    "description": "Converts whole-valued numbers, strings, lists, series or frames to integers",
    "version_tag": "1.0.0",
    "id": "9abc98ec-3aac-5207-b86e-7741575255a9",
    "revision_group_id": "7a1fcbb2-bd62-5cb5-b032-7ae5210b4ad9",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if isinstance(data, pd.Series | pd.DataFrame):
        try:
            numbers = data.astype("float64")
        except (TypeError, ValueError) as exc:
            raise ComponentInputValidationException(
                f"data holds a value that is no number ({exc})", invalid_component_inputs=["data"]
            ) from exc
        _check_whole(numbers.to_numpy().ravel())
        return {"converted": numbers.astype("int64")}
    if isinstance(data, list):
        return {"converted": [_whole(item) for item in data]}
    if isinstance(data, int | float | str):
        return {"converted": _whole(data)}
    hint = _WRAP_HINT if isinstance(data, dict) else ""
    raise ComponentInputValidationException(
        f"data must be a number, a string, a list, a Series or a DataFrame, not a {type(data).__name__}{hint}",
        invalid_component_inputs=["data"],
    )


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 3.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
