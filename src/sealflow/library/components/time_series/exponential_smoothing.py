"""Documentation for Exponential Smoothing

# Exponential Smoothing

Smooths the series recursively: each result is `alpha` times the new value plus `1 - alpha` times the previous result.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **alpha** (FLOAT): smoothing factor in (0, 1]; small values smooth more

## Outputs
* **smoothed** (SERIES): the smoothed series

## Details

The first result equals the first value. With `alpha = 1` the series comes back unchanged.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "alpha": {"data_type": "FLOAT"},
    },
    "outputs": {
        "smoothed": {"data_type": "SERIES"},
    },
    "name": "Exponential Smoothing",
    "category": "Time Series",
    "description": "Simple exponential smoothing with a smoothing factor alpha",
    "version_tag": "1.0.0",
    "id": "2d18e5fd-0b66-5b65-afd7-cb9a476f34ab",
    "revision_group_id": "2d18e5fd-0b66-5b65-afd7-cb9a476f34ab",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, alpha):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if not 0 < alpha <= 1:
        raise ComponentInputValidationException(
            "alpha must lie in (0, 1]", invalid_component_inputs=["alpha"]
        )
    values = series.sort_index().astype(float)
    return {"smoothed": values.ewm(alpha=alpha, adjust=False).mean()}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 20.316, "2026-01-05T01:00:00Z": 21.101, "2026-01-05T02:00:00Z": 20.334, "2026-01-05T03:00:00Z": 21.523, "2026-01-05T04:00:00Z": 22.236, "2026-01-05T05:00:00Z": 22.587, "2026-01-05T06:00:00Z": 22.496, "2026-01-05T07:00:00Z": 22.731, "2026-01-05T08:00:00Z": 22.219, "2026-01-05T09:00:00Z": 22.03, "2026-01-05T10:00:00Z": 21.554, "2026-01-05T11:00:00Z": 20.745, "2026-01-05T12:00:00Z": 20.346, "2026-01-05T13:00:00Z": 20.246, "2026-01-05T14:00:00Z": 19.526, "2026-01-05T15:00:00Z": 19.717, "2026-01-05T16:00:00Z": 19.456, "2026-01-05T17:00:00Z": 19.458, "2026-01-05T18:00:00Z": 18.892, "2026-01-05T19:00:00Z": 19.433, "2026-01-05T20:00:00Z": 18.996, "2026-01-05T21:00:00Z": 19.391, "2026-01-05T22:00:00Z": 20.124, "2026-01-05T23:00:00Z": 20.717}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "0.3"}, "workflow_input_name": "alpha"},
    ],
}
