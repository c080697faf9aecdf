"""Documentation for Dominant Period

# Dominant Period

Finds the period (in points) of the strongest sinusoidal cycle with a discrete Fourier transform.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **min_period** (INT, default `2`): the shortest period considered, in points
* **max_period** (INT, optional): the longest period considered; by default half the series

## Outputs
* **period** (INT): the period of the strongest cycle, in points (rounded)
* **amplitude** (FLOAT): the amplitude of that cycle

## Details

The candidates are the Fourier frequencies `k / n` of a series of `n` points, so a period
is found exactly when the series holds a whole number of cycles. The mean is removed before
the transform; a strong trend leaks into the long periods, so detrend first
(**Detrend**) when that matters. The result suits the `period` input of
**Seasonal Decomposition**.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import numpy as np

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "min_period": {"data_type": "INT", "default_value": 2},
        "max_period": {"data_type": "INT", "default_value": None},
    },
    "outputs": {
        "period": {"data_type": "INT"},
        "amplitude": {"data_type": "FLOAT"},
    },
    "name": "Dominant Period",
    "category": "Time Series",
    "description": "Strongest periodic cycle of an evenly sampled series, found by FFT",
    "version_tag": "1.0.0",
    "id": "947d05f8-c975-5f7f-88af-5ef1eaacdea5",
    "revision_group_id": "947d05f8-c975-5f7f-88af-5ef1eaacdea5",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, min_period=2, max_period=None):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    values = series.sort_index().dropna().astype(float).to_numpy()
    count = len(values)
    longest = count // 2 if max_period is None else max_period
    if count < 4 or not 2 <= min_period <= longest:
        raise ComponentInputValidationException(
            "series needs at least 4 values and min_period must lie between 2 and max_period",
            invalid_component_inputs=["series", "min_period", "max_period"],
        )
    spectrum = np.fft.rfft(values - values.mean())
    bins = [k for k in range(1, len(spectrum)) if min_period <= count / k <= longest]
    if not bins:
        raise ComponentInputValidationException(
            "no period between min_period and max_period fits the series length",
            invalid_component_inputs=["min_period", "max_period"],
        )
    best = max(bins, key=lambda k: abs(spectrum[k]))
    scale = 1 if 2 * best == count else 2
    return {
        "period": round(count / best),
        "amplitude": float(scale * abs(spectrum[best]) / count),
    }


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 49.997, "2026-01-05T01:00:00Z": 53.123, "2026-01-05T02:00:00Z": 54.901, "2026-01-05T03:00:00Z": 55.662, "2026-01-05T04:00:00Z": 55.54, "2026-01-05T05:00:00Z": 52.397, "2026-01-05T06:00:00Z": 50.287, "2026-01-05T07:00:00Z": 47.54, "2026-01-05T08:00:00Z": 46.416, "2026-01-05T09:00:00Z": 46.399, "2026-01-05T10:00:00Z": 46.659, "2026-01-05T11:00:00Z": 48.848, "2026-01-05T12:00:00Z": 50.245, "2026-01-05T13:00:00Z": 53.874, "2026-01-05T14:00:00Z": 55.277, "2026-01-05T15:00:00Z": 57.388, "2026-01-05T16:00:00Z": 56.374, "2026-01-05T17:00:00Z": 54.675, "2026-01-05T18:00:00Z": 51.771, "2026-01-05T19:00:00Z": 49.706, "2026-01-05T20:00:00Z": 47.999, "2026-01-05T21:00:00Z": 46.928, "2026-01-05T22:00:00Z": 47.621, "2026-01-05T23:00:00Z": 49.743, "2026-01-06T00:00:00Z": 52.097, "2026-01-06T01:00:00Z": 54.703, "2026-01-06T02:00:00Z": 56.788, "2026-01-06T03:00:00Z": 57.336, "2026-01-06T04:00:00Z": 57.513, "2026-01-06T05:00:00Z": 54.602, "2026-01-06T06:00:00Z": 53.412, "2026-01-06T07:00:00Z": 50.287, "2026-01-06T08:00:00Z": 48.597, "2026-01-06T09:00:00Z": 47.625, "2026-01-06T10:00:00Z": 48.998, "2026-01-06T11:00:00Z": 50.876, "2026-01-06T12:00:00Z": 53.696, "2026-01-06T13:00:00Z": 55.933, "2026-01-06T14:00:00Z": 58.177, "2026-01-06T15:00:00Z": 59.81, "2026-01-06T16:00:00Z": 58.535, "2026-01-06T17:00:00Z": 56.313, "2026-01-06T18:00:00Z": 54.677, "2026-01-06T19:00:00Z": 51.736, "2026-01-06T20:00:00Z": 50.367, "2026-01-06T21:00:00Z": 49.806, "2026-01-06T22:00:00Z": 50.074, "2026-01-06T23:00:00Z": 51.235, "2026-01-07T00:00:00Z": 54.626, "2026-01-07T01:00:00Z": 57.676, "2026-01-07T02:00:00Z": 59.14, "2026-01-07T03:00:00Z": 60.319, "2026-01-07T04:00:00Z": 60.02, "2026-01-07T05:00:00Z": 57.528, "2026-01-07T06:00:00Z": 56.016, "2026-01-07T07:00:00Z": 53.811, "2026-01-07T08:00:00Z": 51.809, "2026-01-07T09:00:00Z": 51.283, "2026-01-07T10:00:00Z": 52.018, "2026-01-07T11:00:00Z": 54.527, "2026-01-07T12:00:00Z": 56.093, "2026-01-07T13:00:00Z": 58.601, "2026-01-07T14:00:00Z": 60.832, "2026-01-07T15:00:00Z": 60.846, "2026-01-07T16:00:00Z": 59.954, "2026-01-07T17:00:00Z": 58.559, "2026-01-07T18:00:00Z": 56.786, "2026-01-07T19:00:00Z": 54.437, "2026-01-07T20:00:00Z": 51.702, "2026-01-07T21:00:00Z": 50.958, "2026-01-07T22:00:00Z": 52.512, "2026-01-07T23:00:00Z": 54.506}',
            },
            "workflow_input_name": "series",
        },
    ],
}
