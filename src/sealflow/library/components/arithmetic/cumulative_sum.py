"""Documentation for Cumulative Sum

# Cumulative Sum

## Description
Gives the running total of a list, series or frame.

## Inputs
* **data** (ANY): The values: a list of numbers, a Series or a DataFrame.

## Outputs
* **cumulative_sum** (ANY): The running totals, of the shape of `data`.

## Details
Sums from the first value on, in the order given (sort by the index first if needed); a DataFrame is summed
column by column. Missing values are skipped: they stay missing in the result and do not stop the total.

## Example
`data` = a series 1.0, 2.0, null, 4.0 gives `cumulative_sum` = 1.0, 3.0, null, 7.0.
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


def _operand(value: Any, name: str) -> Any:
    """A number, Series or DataFrame as it is; a list of numbers as a numpy array."""
    if isinstance(value, list):
        try:
            return np.asarray(value, dtype=float)
        except (TypeError, ValueError) as exc:
            raise ComponentInputValidationException(
                f"{name} is a list that holds more than numbers; give numbers only",
                invalid_component_inputs=[name],
            ) from exc
    if isinstance(value, bool) or not isinstance(value, int | float | pd.Series | pd.DataFrame):
        hint = _WRAP_HINT if isinstance(value, dict) else ""
        raise ComponentInputValidationException(
            f"{name} must be a number, a list of numbers, a Series or a DataFrame, "
            f"not a {type(value).__name__}{hint}",
            invalid_component_inputs=[name],
        )
    return value


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "ANY"},
    },
    "outputs": {
        "cumulative_sum": {"data_type": "ANY"},
    },
    "name": "Cumulative Sum",
    "category": "Arithmetic",
    "description": "Gives the running total of a list, series or frame",
    "version_tag": "1.0.0",
    "id": "3124c1e7-27ca-5ece-8ac7-e4397a49610b",
    "revision_group_id": "e76da848-176b-5d47-a58b-877b7b4e85a8",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    value = _operand(data, "data")
    if isinstance(value, np.ndarray):
        return {"cumulative_sum": pd.Series(value).cumsum().tolist()}
    if not isinstance(value, pd.Series | pd.DataFrame):
        raise ComponentInputValidationException(
            "data must be a list, a Series or a DataFrame to sum up", invalid_component_inputs=["data"]
        )
    return {"cumulative_sum": value.cumsum()}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": null, "2026-01-01T03:00:00Z": 4.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
