"""Documentation for Rolling Statistics

# Rolling Statistics

Describes the trailing time `window` at every timestamp.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **window** (STRING): the window length as a pandas offset, e.g. `3h`

## Outputs
* **statistics** (DATAFRAME): the columns count, mean, std, min and max per timestamp

## Details

The window at time `t` covers `(t - window, t]`. `std` is the sample standard deviation
and is missing where the window holds a single value.
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
        "statistics": {"data_type": "DATAFRAME"},
    },
    "name": "Rolling Statistics",
    "category": "Time Series",
    "description": "Mean, standard deviation, minimum and maximum over a trailing time window",
    "version_tag": "1.0.0",
    "id": "39c6dd77-200f-5051-b286-d839432e5e60",
    "revision_group_id": "39c6dd77-200f-5051-b286-d839432e5e60",
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
            f"window {window!r} is no time offset such as 3h or 30min",
            invalid_component_inputs=["window"],
        ) from error
    rolling = series.sort_index().astype(float).rolling(window)
    statistics = pd.DataFrame(
        {
            "count": rolling.count(),
            "mean": rolling.mean(),
            "std": rolling.std(),
            "min": rolling.min(),
            "max": rolling.max(),
        }
    )
    return {"statistics": statistics}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 19.571, "2026-01-05T00:29:00Z": 20.287, "2026-01-05T00:53:00Z": 21.218, "2026-01-05T01:17:00Z": 21.407, "2026-01-05T01:44:00Z": 22.09, "2026-01-05T01:59:00Z": 22.424, "2026-01-05T02:16:00Z": 21.867, "2026-01-05T02:30:00Z": 22.587, "2026-01-05T02:40:00Z": 21.953, "2026-01-05T02:59:00Z": 22.492, "2026-01-05T03:21:00Z": 21.719, "2026-01-05T03:51:00Z": 20.906, "2026-01-05T04:04:00Z": 20.66, "2026-01-05T04:34:00Z": 20.197, "2026-01-05T04:59:00Z": 19.799, "2026-01-05T05:18:00Z": 19.754, "2026-01-05T05:35:00Z": 19.228, "2026-01-05T05:59:00Z": 19.416, "2026-01-05T06:18:00Z": 19.09, "2026-01-05T06:33:00Z": 18.965}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "2h"}, "workflow_input_name": "window"},
    ],
}
