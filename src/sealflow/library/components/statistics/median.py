"""Documentation for Median

# Median

## Description
Gives the median of a list, series or frame.

## Inputs
* **data** (ANY): A list of numbers, a Series or a DataFrame (in the wrapped JSON form).

## Outputs
* **median** (ANY): The median: a number, or a Series by column.

## Details
A list or a Series gives one number; a DataFrame gives a Series with one number per numeric column (other
columns are left out). Missing values are skipped; for an even count the median is the mean of the two
middle values.

## Example
`data` = a series 5.0, 1.0, 3.0, 100.0 gives `median` = 4.0.
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
    },
    "outputs": {
        "median": {"data_type": "ANY"},
    },
    "name": "Median",
    "category": "Statistic",
    "description": "Gives the median of a list, series or frame",
    "version_tag": "1.0.0",
    "id": "9b73e000-e229-59e2-9b40-dcc70d828232",
    "revision_group_id": "47c5d5ed-33ea-58d1-8537-9c885f99a9b1",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"median": _aggregate(data, "median")}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 5.0, "2026-01-01T01:00:00Z": 1.0, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": 100.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
