"""Documentation for Z-Score Alerts

# Z-Score Alerts

Scores each value by its distance from the mean in standard deviations and flags scores above `threshold`.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **threshold** (FLOAT, default `3.0`): the score above which a value raises an alert

## Outputs
* **scores** (SERIES): the absolute z-score of each value
* **alerts** (SERIES): true where the score exceeds the threshold

## Details

Mean and sample standard deviation are taken over the whole series, so a large outlier
also widens the spread: for series with drift or level changes prefer
**Rolling Z-Score Alerts**. A constant series scores 0 everywhere.
"""

# mypy: allow-untyped-defs, allow-untyped-calls

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "threshold": {"data_type": "FLOAT", "default_value": 3.0},
    },
    "outputs": {
        "scores": {"data_type": "SERIES"},
        "alerts": {"data_type": "SERIES"},
    },
    "name": "Z-Score Alerts",
    "category": "Anomaly Detection",
    "description": "Alerts for values far from the mean, measured in standard deviations",
    "version_tag": "1.0.0",
    "id": "6e51e4ef-8d85-5987-8821-186f70a715c7",
    "revision_group_id": "6e51e4ef-8d85-5987-8821-186f70a715c7",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, threshold=3.0):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    values = series.astype(float)
    spread = values.std()
    centred = (values - values.mean()).abs()
    scores = centred / spread if spread > 0 else centred * 0.0
    return {
        "scores": scores.rename("z_score"),
        "alerts": (scores > threshold).rename("alert"),
    }


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 19.667, "2026-01-05T01:00:00Z": 20.481, "2026-01-05T02:00:00Z": 21.021, "2026-01-05T03:00:00Z": 21.493, "2026-01-05T04:00:00Z": 22.268, "2026-01-05T05:00:00Z": 22.222, "2026-01-05T06:00:00Z": 22.408, "2026-01-05T07:00:00Z": 22.284, "2026-01-05T08:00:00Z": 27.863, "2026-01-05T09:00:00Z": 21.916, "2026-01-05T10:00:00Z": 21.718, "2026-01-05T11:00:00Z": 21.103, "2026-01-05T12:00:00Z": 20.436, "2026-01-05T13:00:00Z": 19.766, "2026-01-05T14:00:00Z": 20.187, "2026-01-05T15:00:00Z": 19.1, "2026-01-05T16:00:00Z": 18.83, "2026-01-05T17:00:00Z": 18.524, "2026-01-05T18:00:00Z": 18.994, "2026-01-05T19:00:00Z": 19.05, "2026-01-05T20:00:00Z": 19.041, "2026-01-05T21:00:00Z": 19.582, "2026-01-05T22:00:00Z": 20.158, "2026-01-05T23:00:00Z": 20.512, "2026-01-06T00:00:00Z": 20.893, "2026-01-06T01:00:00Z": 21.681, "2026-01-06T02:00:00Z": 22.364, "2026-01-06T03:00:00Z": 15.471, "2026-01-06T04:00:00Z": 22.956, "2026-01-06T05:00:00Z": 23.559, "2026-01-06T06:00:00Z": 23.815, "2026-01-06T07:00:00Z": 23.714, "2026-01-06T08:00:00Z": 23.414, "2026-01-06T09:00:00Z": 23.408, "2026-01-06T10:00:00Z": 22.571, "2026-01-06T11:00:00Z": 22.237}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "2.5"}, "workflow_input_name": "threshold"},
    ],
}
