"""Documentation for Standard Deviation

# Standard Deviation

## Description
Gives the standard deviation of a list, series or frame.

## Inputs
* **data** (ANY): A list of numbers, a Series or a DataFrame (in the wrapped JSON form).
* **ddof** (INT, optional, default `1`): Delta degrees of freedom: the divisor is the number of values minus ddof.

## Outputs
* **std** (ANY): The standard deviation: a number, or a Series by column.

## Details
A list or a Series gives one number; a DataFrame gives a Series with one number per numeric column (other
columns are left out). Missing values are skipped. With the default `ddof` = 1 this is the sample standard
deviation (divided by n - 1), with 0 the population standard deviation (divided by n). Fewer than `ddof` + 1
values give NaN.

## Example
`data` = a series 2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0 gives `std` = 2.138 (with `ddof` = 1) or 2.0 (with
`ddof` = 0).
"""

# mypy: allow-untyped-defs
from typing import Any

import numpy as np
import pandas as pd

from hdutils import ComponentInputValidationException

_WRAP_HINT = (
    "; JSON objects are read as dicts, so give a series or frame in the wrapped form "
    '{"__hd_wrapped_data_object__": "SERIES", "__data__": {...}}'
)


def _plain(value: Any) -> Any:
    """numpy scalars as Python numbers and booleans, numpy arrays as lists; the rest as it is."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    return value


def _aggregate(data: Any, how: str, **options: Any) -> Any:
    """Series and lists give one value, DataFrames a Series with one value per numeric column."""
    if isinstance(data, list):
        try:
            data = pd.Series(data, dtype="float64")
        except (TypeError, ValueError) as exc:
            raise ComponentInputValidationException(
                "data is a list that holds more than numbers", invalid_component_inputs=["data"]
            ) from exc
    if isinstance(data, pd.DataFrame):
        options["numeric_only"] = True
    elif not isinstance(data, pd.Series):
        hint = _WRAP_HINT if isinstance(data, dict) else ""
        raise ComponentInputValidationException(
            f"data must be a list of numbers, a Series or a DataFrame, not a {type(data).__name__}{hint}",
            invalid_component_inputs=["data"],
        )
    try:
        result = getattr(data, how)(**options)
    except TypeError as exc:
        raise ComponentInputValidationException(
            f"data holds values that are not numbers ({exc})", invalid_component_inputs=["data"]
        ) from exc
    return _plain(result)


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "ANY"},
        "ddof": {"data_type": "INT", "default_value": 1},
    },
    "outputs": {
        "std": {"data_type": "ANY"},
    },
    "name": "Standard Deviation",
    "category": "Statistic",
    "description": "Gives the standard deviation of a list, series or frame",
    "version_tag": "1.0.0",
    "id": "72f1842c-74e3-5779-8b04-380801ef53f1",
    "revision_group_id": "0046c8be-cf15-5498-b004-105160d4dfe1",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, ddof=1):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"std": _aggregate(data, "std", ddof=ddof)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 2.0, "2026-01-01T01:00:00Z": 4.0, "2026-01-01T02:00:00Z": 4.0, "2026-01-01T03:00:00Z": 4.0, "2026-01-01T04:00:00Z": 5.0, "2026-01-01T05:00:00Z": 5.0, "2026-01-01T06:00:00Z": 7.0, "2026-01-01T07:00:00Z": 9.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
