"""Documentation for Lag Features

# Lag Features

Turns a series into a table where each row holds the previous `lags` values (`lag_1` is the value one point earlier) and the target is the value itself.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **lags** (INT): how many previous values to use, at least 1

## Outputs
* **features** (DATAFRAME): the columns lag_1 ... lag_n, one row per complete window
* **target** (SERIES): the value at each row of features

## Details

The first `lags` points have no complete history and are dropped from both outputs. Feed
`features` and `target` into a regression (e.g. **Linear Regression Train**) to forecast
one step ahead, or into **Isolation Forest** to score unusual patterns.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "lags": {"data_type": "INT"},
    },
    "outputs": {
        "features": {"data_type": "DATAFRAME"},
        "target": {"data_type": "SERIES"},
    },
    "name": "Lag Features",
    "category": "Time Series",
    "description": "Previous values of a series as feature columns for forecasting",
    "version_tag": "1.0.0",
    "id": "d7ac61ba-e1f6-5f08-be04-7ee499135c4e",
    "revision_group_id": "d7ac61ba-e1f6-5f08-be04-7ee499135c4e",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, lags):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    values = series.sort_index()
    if not 1 <= lags < len(values):
        raise ComponentInputValidationException(
            "lags must be at least 1 and smaller than the number of values",
            invalid_component_inputs=["lags"],
        )
    features = pd.DataFrame(
        {f"lag_{lag}": values.shift(lag) for lag in range(1, lags + 1)}, index=values.index
    )
    return {"features": features.iloc[lags:], "target": values.iloc[lags:]}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 20.209, "2026-01-05T01:00:00Z": 20.274, "2026-01-05T02:00:00Z": 20.628, "2026-01-05T03:00:00Z": 20.687, "2026-01-05T04:00:00Z": 21.826, "2026-01-05T05:00:00Z": 22.556, "2026-01-05T06:00:00Z": 22.31, "2026-01-05T07:00:00Z": 22.435, "2026-01-05T08:00:00Z": 22.439, "2026-01-05T09:00:00Z": 21.6, "2026-01-05T10:00:00Z": 22.296, "2026-01-05T11:00:00Z": 20.805, "2026-01-05T12:00:00Z": 20.712, "2026-01-05T13:00:00Z": 20.954, "2026-01-05T14:00:00Z": 19.666, "2026-01-05T15:00:00Z": 19.37, "2026-01-05T16:00:00Z": 18.914, "2026-01-05T17:00:00Z": 19.019, "2026-01-05T18:00:00Z": 18.262, "2026-01-05T19:00:00Z": 18.824, "2026-01-05T20:00:00Z": 19.776, "2026-01-05T21:00:00Z": 19.699, "2026-01-05T22:00:00Z": 20.028, "2026-01-05T23:00:00Z": 20.744}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "3"}, "workflow_input_name": "lags"},
    ],
}
