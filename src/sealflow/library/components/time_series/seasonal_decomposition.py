"""Documentation for Seasonal Decomposition

# Seasonal Decomposition

Classical decomposition into a trend (centred moving average over one period), a repeating seasonal pattern and the residual.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **period** (INT): length of one season in points, e.g. 24 for hourly data and a daily cycle
* **model** (STRING, default `"additive"`): `additive` or `multiplicative`

## Outputs
* **trend** (SERIES): the trend; missing for half a period at both ends
* **seasonal** (SERIES): the seasonal pattern, repeated over the whole series
* **residual** (SERIES): what remains after removing trend and season
* **components** (DATAFRAME): the columns observed, trend, seasonal and residual together

## Details

Uses `statsmodels.tsa.seasonal.seasonal_decompose`. The points are treated as equally
spaced, so resample irregular data first (**Resample to Regular Grid**). The seasonal part
of the additive model averages to zero over one period; in the multiplicative model it
averages to one and `observed = trend * seasonal * residual`. **Dominant Period** can
estimate `period`.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd
from statsmodels.tsa.seasonal import seasonal_decompose

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "period": {"data_type": "INT"},
        "model": {"data_type": "STRING", "default_value": "additive"},
    },
    "outputs": {
        "trend": {"data_type": "SERIES"},
        "seasonal": {"data_type": "SERIES"},
        "residual": {"data_type": "SERIES"},
        "components": {"data_type": "DATAFRAME"},
    },
    "name": "Seasonal Decomposition",
    "category": "Time Series",
    "description": "Splits a series into trend, seasonal and residual parts",
    "version_tag": "1.0.0",
    "id": "31a7dbcc-346a-5732-97de-3a9bc568367f",
    "revision_group_id": "31a7dbcc-346a-5732-97de-3a9bc568367f",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, period, model="additive"):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if model not in ("additive", "multiplicative"):
        raise ComponentInputValidationException(
            "model must be additive or multiplicative", invalid_component_inputs=["model"]
        )
    values = series.sort_index().dropna().astype(float)
    if period < 2 or len(values) < 2 * period:
        raise ComponentInputValidationException(
            f"period must be at least 2 and the series needs two full periods "
            f"({len(values)} values for period {period})",
            invalid_component_inputs=["period"],
        )
    if model == "multiplicative" and (values <= 0).any():
        raise ComponentInputValidationException(
            "a multiplicative model needs positive values", invalid_component_inputs=["series"]
        )
    result = seasonal_decompose(values.to_numpy(), model=model, period=period)
    parts = pd.DataFrame(
        {
            "observed": values.to_numpy(),
            "trend": result.trend,
            "seasonal": result.seasonal,
            "residual": result.resid,
        },
        index=values.index,
    )
    return {
        "trend": parts["trend"],
        "seasonal": parts["seasonal"],
        "residual": parts["residual"],
        "components": parts,
    }


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 49.131, "2026-01-05T01:00:00Z": 51.932, "2026-01-05T02:00:00Z": 53.85, "2026-01-05T03:00:00Z": 55.124, "2026-01-05T04:00:00Z": 53.574, "2026-01-05T05:00:00Z": 52.906, "2026-01-05T06:00:00Z": 50.121, "2026-01-05T07:00:00Z": 48.647, "2026-01-05T08:00:00Z": 46.948, "2026-01-05T09:00:00Z": 46.596, "2026-01-05T10:00:00Z": 47.054, "2026-01-05T11:00:00Z": 48.573, "2026-01-05T12:00:00Z": 51.63, "2026-01-05T13:00:00Z": 54.553, "2026-01-05T14:00:00Z": 55.403, "2026-01-05T15:00:00Z": 56.805, "2026-01-05T16:00:00Z": 55.909, "2026-01-05T17:00:00Z": 54.92, "2026-01-05T18:00:00Z": 51.382, "2026-01-05T19:00:00Z": 49.249, "2026-01-05T20:00:00Z": 47.851, "2026-01-05T21:00:00Z": 47.229, "2026-01-05T22:00:00Z": 47.05, "2026-01-05T23:00:00Z": 49.98, "2026-01-06T00:00:00Z": 52.341, "2026-01-06T01:00:00Z": 54.88, "2026-01-06T02:00:00Z": 56.852, "2026-01-06T03:00:00Z": 57.809, "2026-01-06T04:00:00Z": 56.222, "2026-01-06T05:00:00Z": 56.176, "2026-01-06T06:00:00Z": 52.569, "2026-01-06T07:00:00Z": 49.479, "2026-01-06T08:00:00Z": 48.829, "2026-01-06T09:00:00Z": 49.029, "2026-01-06T10:00:00Z": 48.811, "2026-01-06T11:00:00Z": 51.776, "2026-01-06T12:00:00Z": 54.378, "2026-01-06T13:00:00Z": 55.769, "2026-01-06T14:00:00Z": 56.898, "2026-01-06T15:00:00Z": 58.282, "2026-01-06T16:00:00Z": 58.924, "2026-01-06T17:00:00Z": 56.192, "2026-01-06T18:00:00Z": 53.445, "2026-01-06T19:00:00Z": 51.131, "2026-01-06T20:00:00Z": 50.07, "2026-01-06T21:00:00Z": 49.487, "2026-01-06T22:00:00Z": 50.706, "2026-01-06T23:00:00Z": 52.695, "2026-01-07T00:00:00Z": 54.334, "2026-01-07T01:00:00Z": 57.322, "2026-01-07T02:00:00Z": 58.763, "2026-01-07T03:00:00Z": 60.136, "2026-01-07T04:00:00Z": 58.955, "2026-01-07T05:00:00Z": 57.2, "2026-01-07T06:00:00Z": 56.462, "2026-01-07T07:00:00Z": 53.016, "2026-01-07T08:00:00Z": 51.591, "2026-01-07T09:00:00Z": 51.969, "2026-01-07T10:00:00Z": 51.863, "2026-01-07T11:00:00Z": 53.343, "2026-01-07T12:00:00Z": 56.027, "2026-01-07T13:00:00Z": 58.228, "2026-01-07T14:00:00Z": 61.077, "2026-01-07T15:00:00Z": 61.135, "2026-01-07T16:00:00Z": 61.611, "2026-01-07T17:00:00Z": 58.828, "2026-01-07T18:00:00Z": 56.423, "2026-01-07T19:00:00Z": 53.99, "2026-01-07T20:00:00Z": 52.783, "2026-01-07T21:00:00Z": 51.993, "2026-01-07T22:00:00Z": 53.356, "2026-01-07T23:00:00Z": 54.323}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "12"}, "workflow_input_name": "period"},
    ],
}
