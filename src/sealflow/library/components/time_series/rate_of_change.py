"""Documentation for Rate of Change

# Rate of Change

Divides the change between consecutive values by the time between them.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **unit** (STRING, default `"1h"`): the time unit of the rate, e.g. `1h`, `1min` or `1D`

## Outputs
* **rate** (SERIES): the change per `unit`, at the later timestamp of each pair

## Details

Missing values are left out, so the rate after a gap spans the gap. The result is the
slope between neighbours, not a smoothed derivative: smooth first if the data is noisy.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "unit": {"data_type": "STRING", "default_value": "1h"},
    },
    "outputs": {
        "rate": {"data_type": "SERIES"},
    },
    "name": "Rate of Change",
    "category": "Time Series",
    "description": "Change between consecutive values per unit of time",
    "version_tag": "1.0.0",
    "id": "772485e2-4de6-5f4b-ab2e-a44fac15b376",
    "revision_group_id": "772485e2-4de6-5f4b-ab2e-a44fac15b376",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, unit="1h"):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if not isinstance(series.index, pd.DatetimeIndex) or series.index.has_duplicates:
        raise ComponentInputValidationException(
            "series needs a timestamp index without repeated timestamps",
            invalid_component_inputs=["series"],
        )
    try:
        per = pd.Timedelta(unit)
    except ValueError as error:
        raise ComponentInputValidationException(
            f"unit {unit!r} is no duration such as 1h or 15min",
            invalid_component_inputs=["unit"],
        ) from error
    if per <= pd.Timedelta(0):
        raise ComponentInputValidationException(
            "unit must be a positive duration", invalid_component_inputs=["unit"]
        )
    values = series.sort_index().dropna().astype(float)
    elapsed = values.index.to_series().diff() / per
    return {"rate": (values.diff() / elapsed).iloc[1:]}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 19.669, "2026-01-05T00:26:00Z": 20.35, "2026-01-05T00:56:00Z": 20.865, "2026-01-05T01:11:00Z": 21.644, "2026-01-05T01:25:00Z": 21.857, "2026-01-05T01:51:00Z": 22.22, "2026-01-05T02:18:00Z": 22.553, "2026-01-05T02:38:00Z": 22.539, "2026-01-05T02:51:00Z": 22.275, "2026-01-05T03:18:00Z": 21.729, "2026-01-05T03:38:00Z": 21.274, "2026-01-05T03:51:00Z": 20.823, "2026-01-05T04:03:00Z": 20.497, "2026-01-05T04:21:00Z": 20.117, "2026-01-05T04:45:00Z": 19.408, "2026-01-05T05:03:00Z": 18.995, "2026-01-05T05:30:00Z": 19.16, "2026-01-05T05:40:00Z": 18.363, "2026-01-05T05:58:00Z": 18.847, "2026-01-05T06:19:00Z": 19.146}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "1h"}, "workflow_input_name": "unit"},
    ],
}
