"""Documentation for Detrend

# Detrend

Fits a straight line to the series by least squares and subtracts it.

## Inputs
* **series** (SERIES): the values, indexed by timestamp

## Outputs
* **detrended** (SERIES): the series minus the fitted line
* **trend** (SERIES): the fitted line at each timestamp

## Details

For a timestamp index the line is fitted over elapsed time, so irregular sampling does not
bend the trend; any other index is treated as equally spaced positions. Missing values are
left out.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import numpy as np
import pandas as pd

from hdutils import ComponentInputValidationException


def _positions(index):
    if isinstance(index, pd.DatetimeIndex):
        return ((index - index[0]) / pd.Timedelta(seconds=1)).to_numpy(dtype=float)
    return np.arange(len(index), dtype=float)


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
    },
    "outputs": {
        "detrended": {"data_type": "SERIES"},
        "trend": {"data_type": "SERIES"},
    },
    "name": "Detrend",
    "category": "Time Series",
    "description": "Removes a straight-line trend fitted over time",
    "version_tag": "1.0.0",
    "id": "7bdd710f-8f10-5c58-906c-a3cc2d6b3379",
    "revision_group_id": "7bdd710f-8f10-5c58-906c-a3cc2d6b3379",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    values = series.sort_index().dropna().astype(float)
    if len(values) < 2:
        raise ComponentInputValidationException(
            "series needs at least two values to fit a trend",
            invalid_component_inputs=["series"],
        )
    x = _positions(values.index)
    slope, intercept = np.polyfit(x, values.to_numpy(), 1)
    trend = pd.Series(intercept + slope * x, index=values.index, name=values.name)
    return {"detrended": values - trend, "trend": trend}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 20.057, "2026-01-05T01:00:00Z": 20.411, "2026-01-05T02:00:00Z": 20.976, "2026-01-05T03:00:00Z": 20.832, "2026-01-05T04:00:00Z": 22.472, "2026-01-05T05:00:00Z": 22.525, "2026-01-05T06:00:00Z": 22.202, "2026-01-05T07:00:00Z": 22.514, "2026-01-05T08:00:00Z": 22.216, "2026-01-05T09:00:00Z": 21.698, "2026-01-05T10:00:00Z": 21.793, "2026-01-05T11:00:00Z": 20.974, "2026-01-05T12:00:00Z": 20.501, "2026-01-05T13:00:00Z": 19.895, "2026-01-05T14:00:00Z": 19.836, "2026-01-05T15:00:00Z": 19.306, "2026-01-05T16:00:00Z": 19.232, "2026-01-05T17:00:00Z": 18.736, "2026-01-05T18:00:00Z": 18.938, "2026-01-05T19:00:00Z": 18.75, "2026-01-05T20:00:00Z": 19.52, "2026-01-05T21:00:00Z": 19.692, "2026-01-05T22:00:00Z": 20.199, "2026-01-05T23:00:00Z": 20.756}',
            },
            "workflow_input_name": "series",
        },
    ],
}
