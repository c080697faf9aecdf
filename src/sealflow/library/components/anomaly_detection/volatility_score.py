"""Documentation for Volatility Score

# Volatility Score

Measures how strongly a series fluctuates: the standard deviation of the values in the trailing time `window`.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **window** (STRING): the window length as a pandas offset, e.g. `4h`

## Outputs
* **score** (SERIES): the rolling standard deviation; missing while the window holds one value

## Details

The window at time `t` covers `(t - window, t]`; the sample standard deviation is used.
Combine with **Threshold Alerts** (`upper`) to raise alerts on volatile periods.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "window": {"data_type": "STRING"},
    },
    "outputs": {
        "score": {"data_type": "SERIES"},
    },
    "name": "Volatility Score",
    "category": "Anomaly Detection",
    "description": "Rolling standard deviation over a trailing time window",
    "version_tag": "1.0.0",
    "id": "452b1d59-0eaf-5a3d-b8c1-071c65a77757",
    "revision_group_id": "452b1d59-0eaf-5a3d-b8c1-071c65a77757",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, window):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if not isinstance(series.index, pd.DatetimeIndex):
        raise ComponentInputValidationException(
            "series needs a timestamp index", invalid_component_inputs=["series"]
        )
    try:
        pd.tseries.frequencies.to_offset(window)
    except ValueError as error:
        raise ComponentInputValidationException(
            f"window {window!r} is no time offset such as 4h or 30min",
            invalid_component_inputs=["window"],
        ) from error
    values = series.sort_index().astype(float)
    return {"score": values.rolling(window, min_periods=2).std().rename("volatility")}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 5.08, "2026-01-05T01:00:00Z": 4.887, "2026-01-05T02:00:00Z": 5.118, "2026-01-05T03:00:00Z": 5.008, "2026-01-05T04:00:00Z": 4.686, "2026-01-05T05:00:00Z": 5.2, "2026-01-05T06:00:00Z": 4.98, "2026-01-05T07:00:00Z": 5.124, "2026-01-05T08:00:00Z": 5.367, "2026-01-05T09:00:00Z": 5.054, "2026-01-05T10:00:00Z": 4.785, "2026-01-05T11:00:00Z": 4.864, "2026-01-05T12:00:00Z": 5.203, "2026-01-05T13:00:00Z": 4.709, "2026-01-05T14:00:00Z": 5.053, "2026-01-05T15:00:00Z": 5.075, "2026-01-05T16:00:00Z": 4.77, "2026-01-05T17:00:00Z": 5.034, "2026-01-05T18:00:00Z": 5.111, "2026-01-05T19:00:00Z": 4.845, "2026-01-05T20:00:00Z": 4.231, "2026-01-05T21:00:00Z": 5.87, "2026-01-05T22:00:00Z": 2.922, "2026-01-05T23:00:00Z": 3.592, "2026-01-06T00:00:00Z": 6.526, "2026-01-06T01:00:00Z": 5.137, "2026-01-06T02:00:00Z": 2.734, "2026-01-06T03:00:00Z": 5.018, "2026-01-06T04:00:00Z": 5.388, "2026-01-06T05:00:00Z": 4.697, "2026-01-06T06:00:00Z": 5.163, "2026-01-06T07:00:00Z": 5.152, "2026-01-06T08:00:00Z": 4.965, "2026-01-06T09:00:00Z": 5.121, "2026-01-06T10:00:00Z": 4.865, "2026-01-06T11:00:00Z": 5.309, "2026-01-06T12:00:00Z": 5.344, "2026-01-06T13:00:00Z": 4.824, "2026-01-06T14:00:00Z": 4.957, "2026-01-06T15:00:00Z": 5.026, "2026-01-06T16:00:00Z": 4.875, "2026-01-06T17:00:00Z": 5.071, "2026-01-06T18:00:00Z": 4.792, "2026-01-06T19:00:00Z": 5.115, "2026-01-06T20:00:00Z": 4.94, "2026-01-06T21:00:00Z": 4.99, "2026-01-06T22:00:00Z": 5.094, "2026-01-06T23:00:00Z": 5.185}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "4h"}, "workflow_input_name": "window"},
    ],
}
