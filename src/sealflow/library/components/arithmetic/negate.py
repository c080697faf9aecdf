"""Documentation for Negate

# Negate

## Description
Changes the sign of numbers, series or frames.

## Inputs
* **data** (ANY): The values: a number, a list of numbers, a Series or a DataFrame (series and frames in the wrapped JSON form).

## Outputs
* **negated** (ANY): `-data`, of the shape of `data`.

## Details
Works on numbers, lists of numbers (returned as lists), Series and DataFrames; missing values stay missing.

## Example
`data` = 4 gives `negated` = -4; a series 1.0, -2.0 gives -1.0, 2.0.
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
        "negated": {"data_type": "ANY"},
    },
    "name": "Negate",
    "category": "Arithmetic",
    "description": "Changes the sign of numbers, series or frames",
    "version_tag": "1.0.0",
    "id": "7d370b6a-5259-54f1-b90d-4086757db5bb",
    "revision_group_id": "cc05bf7e-1fef-586f-89ac-8082c1f26a9c",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    value = _operand(data, "data")
    return {"negated": _plain(-value)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": -2.0, "2026-01-01T02:00:00Z": 0.5}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
