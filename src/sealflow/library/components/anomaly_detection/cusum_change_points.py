"""Documentation for CUSUM Change Points

# CUSUM Change Points

Accumulates standardised deviations from a reference mean and reports a change point when the upward or downward sum exceeds `threshold`.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **threshold** (FLOAT, default `5.0`): alarm level of the sums, in standard deviations
* **drift** (FLOAT, default `0.5`): deviation tolerated per point, in standard deviations
* **warmup** (INT, default `10`): number of first points that define the reference mean and spread

## Outputs
* **change_points** (SERIES): true at the points where a shift starts
* **score** (SERIES): the larger of the two sums after each point

## Details

The spread (sample standard deviation) of the first `warmup` points is the unit of all
deviations. The reference mean is the mean of the first `warmup` points of the current
segment. For each later point the deviation `z` from the reference is added to an upward
sum `max(0, S + z - drift)` and a downward sum `max(0, S - z - drift)`. When a sum exceeds
`threshold`, the point where that sum last started to grow is reported as a change point
and starts a new segment, whose reference mean is again learnt from its first `warmup`
points; while a reference is learnt nothing is detected and the score is 0. Larger
thresholds give fewer, later alarms; `drift` ignores slow wandering.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import numpy as np
import pandas as pd

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "threshold": {"data_type": "FLOAT", "default_value": 5.0},
        "drift": {"data_type": "FLOAT", "default_value": 0.5},
        "warmup": {"data_type": "INT", "default_value": 10},
    },
    "outputs": {
        "change_points": {"data_type": "SERIES"},
        "score": {"data_type": "SERIES"},
    },
    "name": "CUSUM Change Points",
    "category": "Anomaly Detection",
    "description": "Detects shifts of the mean with a two-sided cumulative sum (CUSUM)",
    "version_tag": "1.0.0",
    "id": "1bc4eb8d-938b-5bbb-a425-56b76bfe849f",
    "revision_group_id": "1bc4eb8d-938b-5bbb-a425-56b76bfe849f",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, threshold=5.0, drift=0.5, warmup=10):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    values = series.sort_index().dropna().astype(float)
    x = values.to_numpy()
    if warmup < 2 or len(x) <= warmup:
        raise ComponentInputValidationException(
            "warmup must be at least 2 and shorter than the series",
            invalid_component_inputs=["warmup"],
        )
    if threshold <= 0 or drift < 0:
        raise ComponentInputValidationException(
            "threshold must be positive and drift not negative",
            invalid_component_inputs=["threshold", "drift"],
        )
    spread = x[:warmup].std(ddof=1) or x.std(ddof=1) or 1.0
    segment, reference = 0, None
    upper = lower = 0.0
    upper_start = lower_start = 0
    changes = np.zeros(len(x), dtype=bool)
    score = np.zeros(len(x))
    for i, value in enumerate(x):
        if reference is None:
            if i + 1 - segment >= warmup:
                reference = x[segment : i + 1].mean()
                upper = lower = 0.0
            continue
        z = (value - reference) / spread
        if upper == 0:
            upper_start = i
        if lower == 0:
            lower_start = i
        upper = max(0.0, upper + z - drift)
        lower = max(0.0, lower - z - drift)
        score[i] = max(upper, lower)
        if score[i] > threshold:
            segment = upper_start if upper > threshold else lower_start
            changes[segment] = True
            reference = None
    return {
        "change_points": pd.Series(changes, index=values.index, name="change_point"),
        "score": pd.Series(score, index=values.index, name="cusum"),
    }


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 10.455, "2026-01-05T01:00:00Z": 10.376, "2026-01-05T02:00:00Z": 9.987, "2026-01-05T03:00:00Z": 10.326, "2026-01-05T04:00:00Z": 9.675, "2026-01-05T05:00:00Z": 9.085, "2026-01-05T06:00:00Z": 10.839, "2026-01-05T07:00:00Z": 10.238, "2026-01-05T08:00:00Z": 8.967, "2026-01-05T09:00:00Z": 9.471, "2026-01-05T10:00:00Z": 9.69, "2026-01-05T11:00:00Z": 10.171, "2026-01-05T12:00:00Z": 10.663, "2026-01-05T13:00:00Z": 10.154, "2026-01-05T14:00:00Z": 9.784, "2026-01-05T15:00:00Z": 10.234, "2026-01-05T16:00:00Z": 9.889, "2026-01-05T17:00:00Z": 10.091, "2026-01-05T18:00:00Z": 9.667, "2026-01-05T19:00:00Z": 9.397, "2026-01-05T20:00:00Z": 10.642, "2026-01-05T21:00:00Z": 9.84, "2026-01-05T22:00:00Z": 10.059, "2026-01-05T23:00:00Z": 9.7, "2026-01-06T00:00:00Z": 9.728, "2026-01-06T01:00:00Z": 9.823, "2026-01-06T02:00:00Z": 10.329, "2026-01-06T03:00:00Z": 10.609, "2026-01-06T04:00:00Z": 10.271, "2026-01-06T05:00:00Z": 9.723, "2026-01-06T06:00:00Z": 14.398, "2026-01-06T07:00:00Z": 13.42, "2026-01-06T08:00:00Z": 13.472, "2026-01-06T09:00:00Z": 12.726, "2026-01-06T10:00:00Z": 12.878, "2026-01-06T11:00:00Z": 13.305, "2026-01-06T12:00:00Z": 12.13, "2026-01-06T13:00:00Z": 12.613, "2026-01-06T14:00:00Z": 13.2, "2026-01-06T15:00:00Z": 14.211, "2026-01-06T16:00:00Z": 13.212, "2026-01-06T17:00:00Z": 12.482, "2026-01-06T18:00:00Z": 12.391, "2026-01-06T19:00:00Z": 13.49, "2026-01-06T20:00:00Z": 12.594, "2026-01-06T21:00:00Z": 12.828, "2026-01-06T22:00:00Z": 13.982, "2026-01-06T23:00:00Z": 13.03, "2026-01-07T00:00:00Z": 12.822, "2026-01-07T01:00:00Z": 12.609, "2026-01-07T02:00:00Z": 13.662, "2026-01-07T03:00:00Z": 13.659, "2026-01-07T04:00:00Z": 12.663, "2026-01-07T05:00:00Z": 12.292, "2026-01-07T06:00:00Z": 12.939, "2026-01-07T07:00:00Z": 13.688, "2026-01-07T08:00:00Z": 13.228, "2026-01-07T09:00:00Z": 12.393, "2026-01-07T10:00:00Z": 13.167, "2026-01-07T11:00:00Z": 13.384}',
            },
            "workflow_input_name": "series",
        },
    ],
}
