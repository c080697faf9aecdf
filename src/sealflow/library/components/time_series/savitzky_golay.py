"""Documentation for Savitzky-Golay Smoothing

# Savitzky-Golay Smoothing

Fits a polynomial of degree `polyorder` to each window of `window_length` points and takes its value at the centre, which keeps peaks sharper than a moving average.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **window_length** (INT): odd number of points per window, larger than polyorder
* **polyorder** (INT, default `2`): degree of the fitted polynomials

## Outputs
* **smoothed** (SERIES): the smoothed series

## Details

Uses `scipy.signal.savgol_filter` with `mode="interp"`: the first and last half windows
take the values of the polynomial fitted to the first and last full window. The points are
treated as equally spaced; missing values are left out.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd
from scipy.signal import savgol_filter

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "window_length": {"data_type": "INT"},
        "polyorder": {"data_type": "INT", "default_value": 2},
    },
    "outputs": {
        "smoothed": {"data_type": "SERIES"},
    },
    "name": "Savitzky-Golay Smoothing",
    "category": "Time Series",
    "description": "Smooths with local polynomial fits (Savitzky-Golay filter)",
    "version_tag": "1.0.0",
    "id": "28ec9b23-24bd-5332-9973-35dcbd6526ff",
    "revision_group_id": "28ec9b23-24bd-5332-9973-35dcbd6526ff",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, window_length, polyorder=2):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    values = series.sort_index().dropna().astype(float)
    if window_length % 2 == 0 or window_length < 1:
        raise ComponentInputValidationException(
            "window_length must be a positive odd number",
            invalid_component_inputs=["window_length"],
        )
    if not 0 <= polyorder < window_length:
        raise ComponentInputValidationException(
            "polyorder must be at least 0 and smaller than window_length",
            invalid_component_inputs=["polyorder"],
        )
    if window_length > len(values):
        raise ComponentInputValidationException(
            f"window_length {window_length} is longer than the series ({len(values)} values)",
            invalid_component_inputs=["window_length"],
        )
    smoothed = savgol_filter(values.to_numpy(), window_length, polyorder, mode="interp")
    return {"smoothed": pd.Series(smoothed, index=values.index, name=values.name)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 20.0, "2026-01-05T01:00:00Z": 20.657, "2026-01-05T02:00:00Z": 21.018, "2026-01-05T03:00:00Z": 21.297, "2026-01-05T04:00:00Z": 21.796, "2026-01-05T05:00:00Z": 21.884, "2026-01-05T06:00:00Z": 22.318, "2026-01-05T07:00:00Z": 22.684, "2026-01-05T08:00:00Z": 21.984, "2026-01-05T09:00:00Z": 21.678, "2026-01-05T10:00:00Z": 21.647, "2026-01-05T11:00:00Z": 21.175, "2026-01-05T12:00:00Z": 23.632, "2026-01-05T13:00:00Z": 19.853, "2026-01-05T14:00:00Z": 19.691, "2026-01-05T15:00:00Z": 19.544, "2026-01-05T16:00:00Z": 18.665, "2026-01-05T17:00:00Z": 18.781, "2026-01-05T18:00:00Z": 18.33, "2026-01-05T19:00:00Z": 18.631, "2026-01-05T20:00:00Z": 18.715, "2026-01-05T21:00:00Z": 19.565, "2026-01-05T22:00:00Z": 19.72, "2026-01-05T23:00:00Z": 20.714, "2026-01-06T00:00:00Z": 21.247, "2026-01-06T01:00:00Z": 21.712, "2026-01-06T02:00:00Z": 21.545, "2026-01-06T03:00:00Z": 22.603, "2026-01-06T04:00:00Z": 23.118, "2026-01-06T05:00:00Z": 23.416}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "7"}, "workflow_input_name": "window_length"},
    ],
}
