"""Documentation for Linear Trend Limit Crossing

# Linear Trend Limit Crossing

Fits a straight line over time and tells when it reaches `limit`: a simple estimate of the remaining useful life of a degrading asset.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **limit** (FLOAT): the value that marks the end of life
* **horizon** (STRING, default `"30D"`): how far to extend the forecast after the last timestamp
* **frequency** (STRING, default `"1D"`): the spacing of the forecast points

## Outputs
* **slope** (FLOAT): the change of the trend per day
* **intercept** (FLOAT): the value of the trend at the first timestamp
* **crossing_time** (STRING): when the trend reaches the limit (ISO 8601, UTC); empty if never
* **remaining_days** (FLOAT): days from the last timestamp to the crossing; NaN if never
* **forecast** (SERIES): the trend from the last timestamp to the end of the horizon

## Details

The line is fitted by least squares over elapsed days. It reaches the limit at most once;
a crossing before the first timestamp means the trend moves away from the limit, which is
reported as no crossing (`crossing_time` empty, `remaining_days` NaN). A crossing between
the first and the last timestamp gives a negative `remaining_days`: the limit is already
reached. The forecast grid starts at the last timestamp.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import math

import numpy as np
import pandas as pd

from hdutils import ComponentInputValidationException

DAY = pd.Timedelta(days=1)

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "limit": {"data_type": "FLOAT"},
        "horizon": {"data_type": "STRING", "default_value": "30D"},
        "frequency": {"data_type": "STRING", "default_value": "1D"},
    },
    "outputs": {
        "slope": {"data_type": "FLOAT"},
        "intercept": {"data_type": "FLOAT"},
        "crossing_time": {"data_type": "STRING"},
        "remaining_days": {"data_type": "FLOAT"},
        "forecast": {"data_type": "SERIES"},
    },
    "name": "Linear Trend Limit Crossing",
    "category": "Time Series",
    "description": "Remaining useful life from a linear trend that reaches a limit",
    "version_tag": "1.0.0",
    "id": "cc27c0b2-1d7a-56a8-b657-a2ef489d9cbb",
    "revision_group_id": "cc27c0b2-1d7a-56a8-b657-a2ef489d9cbb",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, limit, horizon="30D", frequency="1D"):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    values = series.sort_index().dropna().astype(float)
    if not isinstance(values.index, pd.DatetimeIndex) or len(values) < 2:
        raise ComponentInputValidationException(
            "series needs a timestamp index and at least two values",
            invalid_component_inputs=["series"],
        )
    try:
        span, step = pd.Timedelta(horizon), pd.Timedelta(frequency)
    except ValueError as error:
        raise ComponentInputValidationException(
            "horizon and frequency must be durations such as 30D or 1h",
            invalid_component_inputs=["horizon", "frequency"],
        ) from error
    if step <= pd.Timedelta(0) or span < pd.Timedelta(0):
        raise ComponentInputValidationException(
            "frequency must be positive and horizon not negative",
            invalid_component_inputs=["horizon", "frequency"],
        )
    first, last = values.index[0], values.index[-1]
    days = ((values.index - first) / DAY).to_numpy(dtype=float)
    slope, intercept = np.polyfit(days, values.to_numpy(), 1)
    last_day = (last - first) / DAY
    crossing_day = (limit - intercept) / slope if slope != 0 else float("nan")
    if math.isnan(crossing_day) or crossing_day < 0:
        crossing_time, remaining = "", float("nan")
    else:
        crossing_time = (first + crossing_day * DAY).round("s").isoformat()
        remaining = float(crossing_day - last_day)
    grid = pd.date_range(last, last + span, freq=step)
    forecast = pd.Series(
        intercept + slope * ((grid - first) / DAY).to_numpy(dtype=float),
        index=grid,
        name="forecast",
    )
    return {
        "slope": float(slope),
        "intercept": float(intercept),
        "crossing_time": crossing_time,
        "remaining_days": remaining,
        "forecast": forecast,
    }


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 10.215, "2026-01-06T00:00:00Z": 11.706, "2026-01-07T00:00:00Z": 10.528, "2026-01-08T00:00:00Z": 13.412, "2026-01-09T00:00:00Z": 13.172, "2026-01-10T00:00:00Z": 13.52, "2026-01-11T00:00:00Z": 14.318, "2026-01-12T00:00:00Z": 14.95, "2026-01-13T00:00:00Z": 16.266, "2026-01-14T00:00:00Z": 17.7, "2026-01-15T00:00:00Z": 18.35, "2026-01-16T00:00:00Z": 19.183, "2026-01-17T00:00:00Z": 18.583, "2026-01-18T00:00:00Z": 19.457, "2026-01-19T00:00:00Z": 22.132, "2026-01-20T00:00:00Z": 22.581, "2026-01-21T00:00:00Z": 24.11, "2026-01-22T00:00:00Z": 24.326, "2026-01-23T00:00:00Z": 23.785, "2026-01-24T00:00:00Z": 25.971, "2026-01-25T00:00:00Z": 26.377, "2026-01-26T00:00:00Z": 26.929, "2026-01-27T00:00:00Z": 27.108, "2026-01-28T00:00:00Z": 28.402, "2026-01-29T00:00:00Z": 29.112, "2026-01-30T00:00:00Z": 30.536, "2026-01-31T00:00:00Z": 30.875, "2026-02-01T00:00:00Z": 32.551, "2026-02-02T00:00:00Z": 31.935, "2026-02-03T00:00:00Z": 33.483}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "45.0"}, "workflow_input_name": "limit"},
    ],
}
