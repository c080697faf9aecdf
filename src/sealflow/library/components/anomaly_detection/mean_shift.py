"""Documentation for Mean Shift Change Point

# Mean Shift Change Point

Splits the series into two segments with constant means so that the squared error is smallest, and reports where the second segment starts.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **min_size** (INT, default `3`): the smallest number of points per segment

## Outputs
* **change_point** (STRING): the first timestamp (or index label) of the second segment
* **mean_before** (FLOAT): the mean of the first segment
* **mean_after** (FLOAT): the mean of the second segment
* **fitted** (SERIES): the segment mean at every point

## Details

Every split that leaves at least `min_size` points on both sides is tried; ties go to the
earliest split. The result is one change point even if the series has none: compare
`mean_before` and `mean_after` with the noise level before acting on it, or use
**CUSUM Change Points** to find several shifts.
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
        "min_size": {"data_type": "INT", "default_value": 3},
    },
    "outputs": {
        "change_point": {"data_type": "STRING"},
        "mean_before": {"data_type": "FLOAT"},
        "mean_after": {"data_type": "FLOAT"},
        "fitted": {"data_type": "SERIES"},
    },
    "name": "Mean Shift Change Point",
    "category": "Anomaly Detection",
    "description": "Finds the single point where the mean of a series changes most",
    "version_tag": "1.0.0",
    "id": "492d2522-4bbd-56ae-8e88-d7c9582ab37c",
    "revision_group_id": "492d2522-4bbd-56ae-8e88-d7c9582ab37c",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, min_size=3):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    values = series.sort_index().dropna().astype(float)
    x = values.to_numpy()
    count = len(x)
    if min_size < 1 or count < 2 * min_size:
        raise ComponentInputValidationException(
            "min_size must be at least 1 and the series needs two segments of that size",
            invalid_component_inputs=["min_size"],
        )
    sums = np.concatenate([[0.0], np.cumsum(x)])
    squares = np.concatenate([[0.0], np.cumsum(x * x)])
    splits = np.arange(min_size, count - min_size + 1)
    left = squares[splits] - sums[splits] ** 2 / splits
    right_size = count - splits
    right = (squares[count] - squares[splits]) - (sums[count] - sums[splits]) ** 2 / right_size
    split = int(splits[np.argmin(left + right)])
    before, after = float(x[:split].mean()), float(x[split:].mean())
    label = values.index[split]
    fitted = pd.Series(np.where(np.arange(count) < split, before, after), index=values.index)
    return {
        "change_point": label.isoformat() if isinstance(label, pd.Timestamp) else str(label),
        "mean_before": before,
        "mean_after": after,
        "fitted": fitted.rename("segment_mean"),
    }


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 9.431, "2026-01-05T01:00:00Z": 10.386, "2026-01-05T02:00:00Z": 10.575, "2026-01-05T03:00:00Z": 10.368, "2026-01-05T04:00:00Z": 10.724, "2026-01-05T05:00:00Z": 10.002, "2026-01-05T06:00:00Z": 9.288, "2026-01-05T07:00:00Z": 9.971, "2026-01-05T08:00:00Z": 10.241, "2026-01-05T09:00:00Z": 10.208, "2026-01-05T10:00:00Z": 9.7, "2026-01-05T11:00:00Z": 8.97, "2026-01-05T12:00:00Z": 11.047, "2026-01-05T13:00:00Z": 9.999, "2026-01-05T14:00:00Z": 10.233, "2026-01-05T15:00:00Z": 9.681, "2026-01-05T16:00:00Z": 9.588, "2026-01-05T17:00:00Z": 10.322, "2026-01-05T18:00:00Z": 10.476, "2026-01-05T19:00:00Z": 9.529, "2026-01-05T20:00:00Z": 9.719, "2026-01-05T21:00:00Z": 9.649, "2026-01-05T22:00:00Z": 12.455, "2026-01-05T23:00:00Z": 12.584, "2026-01-06T00:00:00Z": 12.94, "2026-01-06T01:00:00Z": 12.127, "2026-01-06T02:00:00Z": 14.072, "2026-01-06T03:00:00Z": 12.283, "2026-01-06T04:00:00Z": 12.803, "2026-01-06T05:00:00Z": 13.891, "2026-01-06T06:00:00Z": 12.789, "2026-01-06T07:00:00Z": 13.022, "2026-01-06T08:00:00Z": 13.312, "2026-01-06T09:00:00Z": 13.849, "2026-01-06T10:00:00Z": 12.55, "2026-01-06T11:00:00Z": 13.759, "2026-01-06T12:00:00Z": 12.444, "2026-01-06T13:00:00Z": 13.949, "2026-01-06T14:00:00Z": 13.571, "2026-01-06T15:00:00Z": 13.277}',
            },
            "workflow_input_name": "series",
        },
    ],
}
