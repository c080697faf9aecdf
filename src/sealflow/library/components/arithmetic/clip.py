"""Documentation for Clip

# Clip

## Description
Limits numbers, series or frames to a lower and an upper bound.

## Inputs
* **data** (ANY): The values: a number, a list of numbers, a Series or a DataFrame (series and frames in the wrapped JSON form).
* **lower** (FLOAT, optional, default none): Values below it are set to it; none for no lower bound.
* **upper** (FLOAT, optional, default none): Values above it are set to it; none for no upper bound.

## Outputs
* **clipped** (ANY): The values within the bounds, of the shape of `data`.

## Details
Values outside the bounds are replaced by the nearest bound; missing values stay missing. Without bounds the
values pass unchanged. A single number inside the bounds keeps its type.

## Example
`data` = a series -5.0, 0.5, 12.0, `lower` = 0 and `upper` = 10 give `clipped` = 0.0, 0.5, 10.0.
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
        "lower": {"data_type": "FLOAT", "default_value": None},
        "upper": {"data_type": "FLOAT", "default_value": None},
    },
    "outputs": {
        "clipped": {"data_type": "ANY"},
    },
    "name": "Clip",
    "category": "Arithmetic",
    "description": "Limits numbers, series or frames to a lower and an upper bound",
    "version_tag": "1.0.0",
    "id": "6f164789-2688-5cf7-bfb8-07c4ed1e9744",
    "revision_group_id": "da214ce2-b90f-5924-98f1-204427f97ec3",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, lower=None, upper=None):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    value = _operand(data, "data")
    if lower is not None and upper is not None and lower > upper:
        raise ComponentInputValidationException(
            f"lower {lower} is above upper {upper}", invalid_component_inputs=["lower", "upper"]
        )
    if isinstance(value, pd.Series | pd.DataFrame):
        return {"clipped": value.clip(lower=lower, upper=upper)}
    if isinstance(value, np.ndarray):
        low = -np.inf if lower is None else lower
        high = np.inf if upper is None else upper
        return {"clipped": np.clip(value, low, high).tolist()}
    if lower is not None and value < lower:
        value = lower
    if upper is not None and value > upper:
        value = upper
    return {"clipped": value}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": -5.0, "2026-01-01T01:00:00Z": 0.5, "2026-01-01T02:00:00Z": 12.0, "2026-01-01T03:00:00Z": null}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
        {"filters": {"value": "0"}, "workflow_input_name": "lower"},
        {"filters": {"value": "10"}, "workflow_input_name": "upper"},
    ],
}
