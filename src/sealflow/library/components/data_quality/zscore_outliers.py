"""Documentation for Z-Score Outliers

# Z-Score Outliers

## Description
Marks the values of a series that lie many standard deviations from its mean.

## Inputs
* **series** (SERIES): Numeric values.
* **threshold** (FLOAT, optional, default `3.0`): How many standard deviations from the mean make an outlier.

## Outputs
* **is_outlier** (SERIES): True where the absolute z-score is above `threshold`, on the same index.
* **zscore** (SERIES): The z-score of each value: (value - mean) / standard deviation.

## Details
Mean and standard deviation (with n - 1, the sample standard deviation) are taken over the values present.
Missing values are never outliers and have a missing z-score. A series with fewer than two values, or with
all values equal, has no spread: all z-scores are missing and nothing is an outlier. In small samples the
z-score cannot get large (at most (n - 1) / sqrt(n)), so a lower threshold may be needed.

## Example
`series` = 10.0, 10.5, 9.5, 10.2, 9.8, 10.1, 9.9, 10.3, 9.7, 25.0 and `threshold` = 2 mark only 25.0 as an
outlier (its z-score is about 2.8).
"""

# mypy: allow-untyped-defs
import numpy as np
import pandas as pd

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "threshold": {"data_type": "FLOAT", "default_value": 3.0},
    },
    "outputs": {
        "is_outlier": {"data_type": "SERIES"},
        "zscore": {"data_type": "SERIES"},
    },
    "name": "Z-Score Outliers",
    "category": "Data Quality",
    "description": "Marks the values of a series that lie many standard deviations from its mean",
    "version_tag": "1.0.0",
    "id": "eb0491c9-902c-572b-92db-1757c79611a4",
    "revision_group_id": "a7952b8b-cf1b-5123-b464-dbcd528616ae",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, threshold=3.0):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if not threshold > 0:
        raise ComponentInputValidationException(
            f"threshold must be above 0, not {threshold}", invalid_component_inputs=["threshold"]
        )
    try:
        values = series.astype("float64")
    except (TypeError, ValueError) as exc:
        raise ComponentInputValidationException(
            f"series holds values that are not numbers ({exc})", invalid_component_inputs=["series"]
        ) from exc
    deviation = values.std()
    if deviation > 0:
        zscore = (values - values.mean()) / deviation
    else:
        zscore = pd.Series(np.nan, index=values.index, name=values.name, dtype="float64")
    return {"is_outlier": zscore.abs() > threshold, "zscore": zscore}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-01T00:00:00Z": 10.0, "2026-01-01T01:00:00Z": 10.5, "2026-01-01T02:00:00Z": 9.5, "2026-01-01T03:00:00Z": 10.2, "2026-01-01T04:00:00Z": 9.8, "2026-01-01T05:00:00Z": 10.1, "2026-01-01T06:00:00Z": 9.9, "2026-01-01T07:00:00Z": 10.3, "2026-01-01T08:00:00Z": 9.7, "2026-01-01T09:00:00Z": 25.0, "2026-01-01T10:00:00Z": null}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "2"}, "workflow_input_name": "threshold"},
    ],
}
