"""Documentation for Differences

# Differences

Subtracts from each value the value `periods` points before it.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **periods** (INT, default `1`): how many points back to compare with

## Outputs
* **differences** (SERIES): the differences; the first `periods` points are dropped

## Details

Differencing removes a linear trend (`periods = 1`) or a season (`periods` = the season
length). See **Rate of Change** for changes per unit of time.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "periods": {"data_type": "INT", "default_value": 1},
    },
    "outputs": {
        "differences": {"data_type": "SERIES"},
    },
    "name": "Differences",
    "category": "Time Series",
    "description": "Differences between a value and the value a number of points earlier",
    "version_tag": "1.0.0",
    "id": "69455676-ce12-5e7d-85c9-275bb6b625ba",
    "revision_group_id": "69455676-ce12-5e7d-85c9-275bb6b625ba",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, periods=1):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    values = series.sort_index()
    if not 1 <= periods < len(values):
        raise ComponentInputValidationException(
            "periods must be at least 1 and smaller than the number of values",
            invalid_component_inputs=["periods"],
        )
    return {"differences": values.diff(periods).iloc[periods:]}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 19.759, "2026-01-05T01:00:00Z": 20.64, "2026-01-05T02:00:00Z": 20.603, "2026-01-05T03:00:00Z": 21.761, "2026-01-05T04:00:00Z": 22.275, "2026-01-05T05:00:00Z": 22.046, "2026-01-05T06:00:00Z": 22.429, "2026-01-05T07:00:00Z": 22.357, "2026-01-05T08:00:00Z": 22.014, "2026-01-05T09:00:00Z": 21.605, "2026-01-05T10:00:00Z": 20.89, "2026-01-05T11:00:00Z": 21.491, "2026-01-05T12:00:00Z": 20.586, "2026-01-05T13:00:00Z": 20.889, "2026-01-05T14:00:00Z": 19.948, "2026-01-05T15:00:00Z": 19.419, "2026-01-05T16:00:00Z": 18.871, "2026-01-05T17:00:00Z": 19.336, "2026-01-05T18:00:00Z": 18.748, "2026-01-05T19:00:00Z": 19.489, "2026-01-05T20:00:00Z": 19.148, "2026-01-05T21:00:00Z": 19.692, "2026-01-05T22:00:00Z": 19.643, "2026-01-05T23:00:00Z": 21.335}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "1"}, "workflow_input_name": "periods"},
    ],
}
