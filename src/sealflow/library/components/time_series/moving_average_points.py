"""Documentation for Moving Average (Points)

# Moving Average (Points)

Replaces each value by the mean of the last `window` values (the value itself included).

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **window** (INT): number of points in the window, at least 1
* **min_periods** (INT, optional): how many values a window needs for a mean; by default the full window

## Outputs
* **mavg** (SERIES): the moving average; missing where the window has too few values

## Details

The window is trailing: the mean at a point covers that point and the `window - 1` points
before it. Use **Moving Average (Time)** when the sampling is irregular.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "window": {"data_type": "INT"},
        "min_periods": {"data_type": "INT", "default_value": None},
    },
    "outputs": {
        "mavg": {"data_type": "SERIES"},
    },
    "name": "Moving Average (Points)",
    "category": "Time Series",
    "description": "Mean over a window of a fixed number of points",
    "version_tag": "1.0.0",
    "id": "788c79d6-d131-500b-bbb7-f9dcdfbf5416",
    "revision_group_id": "788c79d6-d131-500b-bbb7-f9dcdfbf5416",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, window, min_periods=None):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if window < 1:
        raise ComponentInputValidationException(
            "window must be at least 1", invalid_component_inputs=["window"]
        )
    if min_periods is not None and not 1 <= min_periods <= window:
        raise ComponentInputValidationException(
            "min_periods must lie between 1 and window",
            invalid_component_inputs=["min_periods"],
        )
    values = series.sort_index().astype(float)
    return {"mavg": values.rolling(window, min_periods=min_periods).mean()}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 20.612, "2026-01-05T01:00:00Z": 19.801, "2026-01-05T02:00:00Z": 21.225, "2026-01-05T03:00:00Z": 21.394, "2026-01-05T04:00:00Z": 21.796, "2026-01-05T05:00:00Z": 22.117, "2026-01-05T06:00:00Z": 21.694, "2026-01-05T07:00:00Z": 22.212, "2026-01-05T08:00:00Z": 21.872, "2026-01-05T09:00:00Z": 22.861, "2026-01-05T10:00:00Z": 21.568, "2026-01-05T11:00:00Z": 20.962, "2026-01-05T12:00:00Z": 20.516, "2026-01-05T13:00:00Z": 19.932, "2026-01-05T14:00:00Z": 19.383, "2026-01-05T15:00:00Z": 19.219, "2026-01-05T16:00:00Z": 19.213, "2026-01-05T17:00:00Z": 18.847, "2026-01-05T18:00:00Z": 19.187, "2026-01-05T19:00:00Z": 18.958, "2026-01-05T20:00:00Z": 19.275, "2026-01-05T21:00:00Z": 20.1, "2026-01-05T22:00:00Z": 20.264, "2026-01-05T23:00:00Z": 20.481}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "4"}, "workflow_input_name": "window"},
    ],
}
