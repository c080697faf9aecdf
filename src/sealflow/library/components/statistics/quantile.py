"""Documentation for Quantile

# Quantile

## Description
Gives a quantile of a list, series or frame.

## Inputs
* **data** (ANY): A list of numbers, a Series or a DataFrame (in the wrapped JSON form).
* **q** (FLOAT): Which quantile, from 0.0 to 1.0: 0.5 is the median, 0.25 and 0.75 the quartiles.

## Outputs
* **quantile** (ANY): The quantile: a number, or a Series by column.

## Details
A list or a Series gives one number; a DataFrame gives a Series with one number per numeric column (other
columns are left out). Missing values are skipped; between two values the quantile is interpolated linearly.

## Example
`data` = a list [1, 2, 3, 4, 5] and `q` = 0.9 give `quantile` = 4.6.
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
        "q": {"data_type": "FLOAT"},
    },
    "outputs": {
        "quantile": {"data_type": "ANY"},
    },
    "name": "Quantile",
    "category": "Statistic",
    "description": "Gives a quantile of a list, series or frame",
    "version_tag": "1.0.0",
    "id": "e488cfe4-3e29-576e-a2d4-7e3096b62f33",
    "revision_group_id": "b526fe62-c741-537a-b0bd-89ccc88fd8ef",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, q):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"quantile": _aggregate(data, "quantile", q=q)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "DATAFRAME", "__data__": {"a": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": 4.0, "2026-01-01T04:00:00Z": 5.0}, "b": {"2026-01-01T00:00:00Z": 10.0, "2026-01-01T01:00:00Z": null, "2026-01-01T02:00:00Z": 30.0, "2026-01-01T03:00:00Z": 20.0, "2026-01-01T04:00:00Z": 0.0}}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
        {"filters": {"value": "0.9"}, "workflow_input_name": "q"},
    ],
}
