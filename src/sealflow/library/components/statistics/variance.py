"""Documentation for Variance

# Variance

## Description
Gives the variance of a list, series or frame.

## Inputs
* **data** (ANY): A list of numbers, a Series or a DataFrame (in the wrapped JSON form).
* **ddof** (INT, optional, default `1`): Delta degrees of freedom: the divisor is the number of values minus ddof.

## Outputs
* **variance** (ANY): The variance: a number, or a Series by column.

## Details
A list or a Series gives one number; a DataFrame gives a Series with one number per numeric column (other
columns are left out). Missing values are skipped. With the default `ddof` = 1 this is the sample variance
(divided by n - 1), with 0 the population variance (divided by n). Fewer than `ddof` + 1 values give NaN.

## Example
`data` = a list [1, 2, 3, 4] gives `variance` = 1.6667 (with `ddof` = 1).
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
        "variance": {"data_type": "ANY"},
    },
    "name": "Variance",
    "category": "Statistic",
    "description": "Gives the variance of a list, series or frame",
    "version_tag": "1.0.0",
    "id": "5c179ca2-b6b9-5c50-b677-3e0fb9fd9b93",
    "revision_group_id": "099676a9-9d2e-57fc-bcd2-e366dd8994c6",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, ddof=1):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"variance": _aggregate(data, "var", ddof=ddof)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {"filters": {"value": "[1, 2, 3, 4]"}, "workflow_input_name": "data"},
        {"filters": {"value": "0"}, "workflow_input_name": "ddof"},
    ],
}
