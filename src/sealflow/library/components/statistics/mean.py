"""Documentation for Mean

# Mean

## Description
Gives the arithmetic mean of a list, series or frame.

## Inputs
* **data** (ANY): A list of numbers, a Series or a DataFrame (in the wrapped JSON form).

## Outputs
* **mean** (ANY): The mean: a number, or a Series by column.

## Details
A list or a Series gives one number; a DataFrame gives a Series with one number per numeric column (other
columns are left out). Missing values are skipped; without any value the mean is NaN.

## Example
`data` = a series 1.0, 2.0, null, 6.0 gives `mean` = 3.0. A frame with the columns a = 1, 3 and b = 2, 4
gives the series a = 2.0, b = 3.0.
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
        "mean": {"data_type": "ANY"},
    },
    "name": "Mean",
    "category": "Statistic",
    "description": "Gives the arithmetic mean of a list, series or frame",
    "version_tag": "1.0.0",
    "id": "0fe16fe3-dabc-545e-adf9-36fa65513ccd",
    "revision_group_id": "e930d79f-90aa-5066-8e53-93b622f1e0db",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"mean": _aggregate(data, "mean")}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": null, "2026-01-01T03:00:00Z": 6.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
