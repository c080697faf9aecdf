"""Documentation for Interpolate Missing Values

# Interpolate Missing Values

Fills gaps (missing values) inside the series from the neighbouring values.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **method** (STRING, default `"time"`): `time` (linear in time), `linear` (by position) or `previous`
* **limit** (INT, optional): fill at most this many consecutive missing values; by default all

## Outputs
* **interpolated** (SERIES): the series with its inner gaps filled

## Details

Only gaps with known values on both sides are filled; missing values at the start and the
end stay missing. With `limit`, only the first `limit` values of a longer gap are filled.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "method": {"data_type": "STRING", "default_value": "time"},
        "limit": {"data_type": "INT", "default_value": None},
    },
    "outputs": {
        "interpolated": {"data_type": "SERIES"},
    },
    "name": "Interpolate Missing Values",
    "category": "Time Series",
    "description": "Fills missing values between known ones",
    "version_tag": "1.0.0",
    "id": "97cf8a97-e6c9-5ee0-b9a8-fffdca1ba00d",
    "revision_group_id": "97cf8a97-e6c9-5ee0-b9a8-fffdca1ba00d",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, method="time", limit=None):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if method not in ("time", "linear", "previous"):
        raise ComponentInputValidationException(
            "method must be time, linear or previous", invalid_component_inputs=["method"]
        )
    if method == "time" and not isinstance(series.index, pd.DatetimeIndex):
        raise ComponentInputValidationException(
            "method time needs a timestamp index; use linear", invalid_component_inputs=["method"]
        )
    if limit is not None and limit < 1:
        raise ComponentInputValidationException(
            "limit must be at least 1", invalid_component_inputs=["limit"]
        )
    values = series.sort_index().astype(float)
    if method == "previous":
        filled = values.ffill(limit=limit, limit_area="inside")
    else:
        filled = values.interpolate(method=method, limit=limit, limit_area="inside")
    return {"interpolated": filled}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 19.759, "2026-01-05T01:00:00Z": 20.17, "2026-01-05T02:00:00Z": 21.025, "2026-01-05T03:00:00Z": null, "2026-01-05T04:00:00Z": null, "2026-01-05T05:00:00Z": 22.215, "2026-01-05T06:00:00Z": 22.134, "2026-01-05T07:00:00Z": 22.046, "2026-01-05T08:00:00Z": 22.357, "2026-01-05T09:00:00Z": null, "2026-01-05T10:00:00Z": 21.582, "2026-01-05T11:00:00Z": 20.698, "2026-01-05T12:00:00Z": 20.313, "2026-01-05T13:00:00Z": 20.612, "2026-01-05T14:00:00Z": 19.761, "2026-01-05T15:00:00Z": null, "2026-01-05T16:00:00Z": null, "2026-01-05T17:00:00Z": null, "2026-01-05T18:00:00Z": 18.711, "2026-01-05T19:00:00Z": 18.872, "2026-01-05T20:00:00Z": 19.054, "2026-01-05T21:00:00Z": 19.802, "2026-01-05T22:00:00Z": 20.081, "2026-01-05T23:00:00Z": 20.456}',
            },
            "workflow_input_name": "series",
        },
    ],
}
