"""Documentation for Rolling Aggregate

# Rolling Aggregate

## Description
Aggregates a series or frame over a sliding window of rows.

## Inputs
* **data** (ANY): A Series or a DataFrame (in the wrapped JSON form).
* **window** (INT): How many rows each window spans, the current row and the ones before it.
* **aggregation** (STRING, optional, default `mean`): How to combine a window: mean, median, sum, min, max, std, var or count.
* **min_periods** (INT, optional, default none): How many values a window needs for a result; none means the whole window.

## Outputs
* **aggregated** (ANY): One result per row, of the shape of `data`.

## Details
The window ends at each row, so the result at a row uses only that row and earlier ones. Rows with fewer
than `min_periods` values in their window (by default: the first `window - 1` rows) give NaN. Windows count
rows, not time, so irregular timestamps are not taken into account.

## Example
`data` = a series 1.0, 2.0, 3.0, 4.0, `window` = 2 and `aggregation` = mean give `aggregated` = NaN, 1.5,
2.5, 3.5.
"""

# mypy: allow-untyped-defs
from typing import Any

import pandas as pd

from hdutils import ComponentInputValidationException

_WRAP_HINT = (
    "; JSON objects are read as dicts, so give a series or frame in the wrapped form "
    '{"__hd_wrapped_data_object__": "SERIES", "__data__": {...}}'
)


def _pandas(value: Any, name: str) -> pd.Series | pd.DataFrame:
    """The input as a Series or DataFrame; anything else is refused with a hint."""
    if isinstance(value, pd.Series | pd.DataFrame):
        return value
    hint = _WRAP_HINT if isinstance(value, dict) else ""
    raise ComponentInputValidationException(
        f"{name} must be a Series or a DataFrame, not a {type(value).__name__}{hint}",
        invalid_component_inputs=[name],
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


_ROLLING = ("mean", "median", "sum", "min", "max", "std", "var", "count")


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "ANY"},
        "window": {"data_type": "INT"},
        "aggregation": {"data_type": "STRING", "default_value": "mean"},
        "min_periods": {"data_type": "INT", "default_value": None},
    },
    "outputs": {
        "aggregated": {"data_type": "ANY"},
    },
    "name": "Rolling Aggregate",
    "category": "Basic",
    "description": "Aggregates a series or frame over a sliding window of rows",
    "version_tag": "1.0.0",
    "id": "9bb0d013-dcdc-522a-89fa-ff1af4dfbc57",
    "revision_group_id": "c088f660-3814-560a-957d-172f43e93421",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, window, aggregation="mean", min_periods=None):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    target = _pandas(data, "data")
    if window < 1:
        raise ComponentInputValidationException(
            f"window is {window}; a window spans at least 1 row", invalid_component_inputs=["window"]
        )
    if min_periods is not None and not 0 <= min_periods <= window:
        raise ComponentInputValidationException(
            f"min_periods must be between 0 and window ({window}), not {min_periods}",
            invalid_component_inputs=["min_periods"],
        )
    how = _choice(aggregation, _ROLLING, "aggregation")
    rolling = target.rolling(window, min_periods=min_periods)
    return {"aggregated": getattr(rolling, how)()}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": 4.0, "2026-01-01T04:00:00Z": 10.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
        {"filters": {"value": "2"}, "workflow_input_name": "window"},
    ],
}
