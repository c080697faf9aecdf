"""Documentation for Moving Average (Time)

# Moving Average (Time)

Replaces each value by the mean of all values within the trailing time `window`.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **window** (STRING): the window length as a pandas offset, e.g. `2h` or `30min`

## Outputs
* **mavg** (SERIES): the moving average at each timestamp of the series

## Details

The window at time `t` covers the interval `(t - window, t]`, however many points fall
into it, which suits irregularly sampled series.
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
        "mavg": {"data_type": "SERIES"},
    },
    "name": "Moving Average (Time)",
    "category": "Time Series",
    "description": "Mean over a trailing time window",
    "version_tag": "1.0.0",
    "id": "35b5b2af-5810-539c-9999-906190a64e21",
    "revision_group_id": "35b5b2af-5810-539c-9999-906190a64e21",
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
            f"window {window!r} is no time offset such as 2h or 30min",
            invalid_component_inputs=["window"],
        ) from error
    values = series.sort_index().astype(float)
    return {"mavg": values.rolling(window).mean()}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 19.804, "2026-01-05T00:25:00Z": 20.515, "2026-01-05T00:54:00Z": 21.599, "2026-01-05T01:22:00Z": 21.762, "2026-01-05T01:42:00Z": 21.44, "2026-01-05T02:11:00Z": 22.18, "2026-01-05T02:41:00Z": 22.113, "2026-01-05T03:11:00Z": 22.326, "2026-01-05T03:22:00Z": 21.65, "2026-01-05T03:41:00Z": 21.937, "2026-01-05T04:03:00Z": 21.571, "2026-01-05T04:18:00Z": 21.54, "2026-01-05T04:35:00Z": 20.695, "2026-01-05T04:58:00Z": 20.286, "2026-01-05T05:24:00Z": 19.252, "2026-01-05T05:46:00Z": 20.012, "2026-01-05T05:59:00Z": 18.493, "2026-01-05T06:23:00Z": 19.249, "2026-01-05T06:51:00Z": 18.801, "2026-01-05T07:05:00Z": 18.754}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "1h"}, "workflow_input_name": "window"},
    ],
}
