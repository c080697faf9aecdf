"""Documentation for Rolling Z-Score Alerts

# Rolling Z-Score Alerts

Scores each value against the mean and standard deviation of the `window` points before it, so slow changes of level do not raise alerts.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **window** (INT): number of preceding points to compare with, at least 2
* **threshold** (FLOAT, default `3.0`): the score above which a value raises an alert

## Outputs
* **scores** (SERIES): the absolute z-score against the preceding window; missing for the first points
* **alerts** (SERIES): true where the score exceeds the threshold

## Details

The current value is not part of its own window. The score is missing for the first
`window` points and where the window has no spread; missing scores raise no alert.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "window": {"data_type": "INT"},
        "threshold": {"data_type": "FLOAT", "default_value": 3.0},
    },
    "outputs": {
        "scores": {"data_type": "SERIES"},
        "alerts": {"data_type": "SERIES"},
    },
    "name": "Rolling Z-Score Alerts",
    "category": "Anomaly Detection",
    "description": "Alerts for values far from the mean of the preceding points",
    "version_tag": "1.0.0",
    "id": "10a35a39-ba49-57d8-af16-4bba643066b3",
    "revision_group_id": "10a35a39-ba49-57d8-af16-4bba643066b3",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, window, threshold=3.0):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if window < 2:
        raise ComponentInputValidationException(
            "window must be at least 2", invalid_component_inputs=["window"]
        )
    values = series.sort_index().astype(float)
    history = values.shift(1).rolling(window)
    spread = history.std()
    scores = (values - history.mean()).abs() / spread.where(spread > 0)
    return {
        "scores": scores.rename("z_score"),
        "alerts": (scores > threshold).rename("alert"),
    }


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 20.27, "2026-01-05T01:00:00Z": 20.43, "2026-01-05T02:00:00Z": 20.706, "2026-01-05T03:00:00Z": 21.762, "2026-01-05T04:00:00Z": 22.219, "2026-01-05T05:00:00Z": 22.339, "2026-01-05T06:00:00Z": 21.533, "2026-01-05T07:00:00Z": 21.821, "2026-01-05T08:00:00Z": 22.316, "2026-01-05T09:00:00Z": 22.313, "2026-01-05T10:00:00Z": 21.052, "2026-01-05T11:00:00Z": 21.359, "2026-01-05T12:00:00Z": 20.936, "2026-01-05T13:00:00Z": 20.138, "2026-01-05T14:00:00Z": 23.298, "2026-01-05T15:00:00Z": 19.144, "2026-01-05T16:00:00Z": 18.959, "2026-01-05T17:00:00Z": 19.125, "2026-01-05T18:00:00Z": 19.17, "2026-01-05T19:00:00Z": 18.722, "2026-01-05T20:00:00Z": 19.237, "2026-01-05T21:00:00Z": 19.625, "2026-01-05T22:00:00Z": 20.048, "2026-01-05T23:00:00Z": 20.916, "2026-01-06T00:00:00Z": 21.119, "2026-01-06T01:00:00Z": 21.747, "2026-01-06T02:00:00Z": 21.855, "2026-01-06T03:00:00Z": 22.808, "2026-01-06T04:00:00Z": 22.85, "2026-01-06T05:00:00Z": 23.948, "2026-01-06T06:00:00Z": 19.545, "2026-01-06T07:00:00Z": 23.537, "2026-01-06T08:00:00Z": 23.362, "2026-01-06T09:00:00Z": 22.713, "2026-01-06T10:00:00Z": 22.569, "2026-01-06T11:00:00Z": 22.301}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "8"}, "workflow_input_name": "window"},
    ],
}
