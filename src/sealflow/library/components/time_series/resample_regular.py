"""Documentation for Resample to Regular Grid

# Resample to Regular Grid

Evaluates the series at evenly spaced timestamps between its first and last one.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **frequency** (STRING): the grid spacing as a pandas offset, e.g. `10min` or `1h`
* **method** (STRING, default `"time"`): `time` (linear in time), `previous` or `nearest`

## Outputs
* **resampled** (SERIES): the values on the grid

## Details

The grid starts at the first multiple of `frequency` at or after the first timestamp and
ends at the last multiple at or before the last one (multiples counted from
1970-01-01T00:00Z), so it never extrapolates. `time` interpolates linearly between the
neighbouring values, `previous` holds the last value, `nearest` takes the closest one.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "frequency": {"data_type": "STRING"},
        "method": {"data_type": "STRING", "default_value": "time"},
    },
    "outputs": {
        "resampled": {"data_type": "SERIES"},
    },
    "name": "Resample to Regular Grid",
    "category": "Time Series",
    "description": "Puts an irregular series on an even time grid",
    "version_tag": "1.0.0",
    "id": "16547715-2d53-50b9-ad95-42e8131323df",
    "revision_group_id": "16547715-2d53-50b9-ad95-42e8131323df",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, frequency, method="time"):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if not isinstance(series.index, pd.DatetimeIndex):
        raise ComponentInputValidationException(
            "series needs a timestamp index", invalid_component_inputs=["series"]
        )
    if method not in ("time", "previous", "nearest"):
        raise ComponentInputValidationException(
            "method must be time, previous or nearest", invalid_component_inputs=["method"]
        )
    values = series.dropna().sort_index().astype(float)
    values = values[~values.index.duplicated(keep="last")]
    if values.empty:
        raise ComponentInputValidationException("series holds no values", invalid_component_inputs=["series"])
    try:
        grid = pd.date_range(
            values.index[0].ceil(frequency), values.index[-1].floor(frequency), freq=frequency
        )
    except ValueError as error:
        raise ComponentInputValidationException(
            f"frequency {frequency!r} is no fixed time offset such as 10min or 1h",
            invalid_component_inputs=["frequency"],
        ) from error
    if method == "time":
        merged = values.reindex(values.index.union(grid)).interpolate(method="time")
        resampled = merged.reindex(grid)
    elif method == "previous":
        resampled = values.reindex(grid, method="ffill")
    else:
        resampled = values.reindex(grid, method="nearest")
    return {"resampled": resampled.rename(series.name)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 20.548, "2026-01-05T00:35:00Z": 19.644, "2026-01-05T01:09:00Z": 21.387, "2026-01-05T01:42:00Z": 21.585, "2026-01-05T02:16:00Z": 22.328, "2026-01-05T02:29:00Z": 22.298, "2026-01-05T03:02:00Z": 22.848, "2026-01-05T03:38:00Z": 22.291, "2026-01-05T03:56:00Z": 21.977, "2026-01-05T04:12:00Z": 22.038, "2026-01-05T04:26:00Z": 21.63, "2026-01-05T04:58:00Z": 20.961, "2026-01-05T05:34:00Z": 20.526, "2026-01-05T06:01:00Z": 20.348, "2026-01-05T06:28:00Z": 19.911, "2026-01-05T07:00:00Z": 19.188, "2026-01-05T07:12:00Z": 18.958, "2026-01-05T07:45:00Z": 18.376, "2026-01-05T08:20:00Z": 19.404, "2026-01-05T08:35:00Z": 18.951}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "30min"}, "workflow_input_name": "frequency"},
    ],
}
