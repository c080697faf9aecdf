"""Documentation for Estimate Sampling Frequency

# Estimate Sampling Frequency

Estimates how often a series is sampled from the median interval between its timestamps.

## Inputs
* **series** (SERIES): the values, indexed by timestamp

## Outputs
* **frequency** (STRING): the median interval as a pandas offset, e.g. `10min`
* **interval_seconds** (FLOAT): the median interval in seconds
* **regular** (BOOLEAN): true when every interval equals the median

## Details

Repeated timestamps are counted once. The `frequency` text can be given to
**Resample to Regular Grid** to put the series on an even grid of that spacing.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import numpy as np
import pandas as pd
from pandas.tseries.frequencies import to_offset

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
    },
    "outputs": {
        "frequency": {"data_type": "STRING"},
        "interval_seconds": {"data_type": "FLOAT"},
        "regular": {"data_type": "BOOLEAN"},
    },
    "name": "Estimate Sampling Frequency",
    "category": "Time Series",
    "description": "Median time between consecutive timestamps",
    "version_tag": "1.0.0",
    "id": "a1575bd6-3de3-5c3c-baec-96716b0d08d9",
    "revision_group_id": "a1575bd6-3de3-5c3c-baec-96716b0d08d9",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if not isinstance(series.index, pd.DatetimeIndex):
        raise ComponentInputValidationException(
            "series needs a timestamp index", invalid_component_inputs=["series"]
        )
    stamps = series.index.sort_values().unique().as_unit("ns")
    if len(stamps) < 2:
        raise ComponentInputValidationException(
            "series needs at least two distinct timestamps", invalid_component_inputs=["series"]
        )
    gaps = np.diff(stamps.asi8)
    median = pd.Timedelta(int(np.median(gaps)), unit="ns")
    return {
        "frequency": to_offset(median).freqstr,
        "interval_seconds": median.total_seconds(),
        "regular": bool((gaps == gaps[0]).all()),
    }


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 20.01, "2026-01-05T00:06:00Z": 20.976, "2026-01-05T00:12:00Z": 21.467, "2026-01-05T00:25:00Z": 21.411, "2026-01-05T00:35:00Z": 21.843, "2026-01-05T00:46:00Z": 22.024, "2026-01-05T00:57:00Z": 22.471, "2026-01-05T01:09:00Z": 22.265, "2026-01-05T01:14:00Z": 22.356, "2026-01-05T01:24:00Z": 21.31, "2026-01-05T01:30:00Z": 21.97, "2026-01-05T01:39:00Z": 21.039, "2026-01-05T01:54:00Z": 20.804, "2026-01-05T02:05:00Z": 20.091, "2026-01-05T02:10:00Z": 19.586, "2026-01-05T02:20:00Z": 19.475, "2026-01-05T02:26:00Z": 19.315, "2026-01-05T02:39:00Z": 18.857, "2026-01-05T02:54:00Z": 18.854, "2026-01-05T03:09:00Z": 19.224}',
            },
            "workflow_input_name": "series",
        },
    ],
}
