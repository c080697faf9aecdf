"""Documentation for IQR Outliers

# IQR Outliers

## Description
Marks the values of a series outside the interquartile range widened by a factor.

## Inputs
* **series** (SERIES): Numeric values.
* **factor** (FLOAT, optional, default `1.5`): How many interquartile ranges below the first or above the third quartile a value must lie to be an outlier.

## Outputs
* **is_outlier** (SERIES): True where the value is below `lower_bound` or above `upper_bound`.
* **lower_bound** (FLOAT): First quartile minus `factor` times the interquartile range.
* **upper_bound** (FLOAT): Third quartile plus `factor` times the interquartile range.

## Details
The quartiles are computed over the values present, interpolating linearly between values (pandas' default).
This rule (Tukey's fences) does not assume a normal distribution and is not pulled by the outliers
themselves. Missing values are never outliers. For an empty series the bounds are NaN.

## Example
`series` = 1.0, 2.0, 3.0, 4.0, 100.0 and `factor` = 1.5 give the quartiles 2.0 and 4.0, `lower_bound` =
-1.0, `upper_bound` = 7.0, and mark 100.0 as an outlier.
"""

# mypy: allow-untyped-defs
from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "factor": {"data_type": "FLOAT", "default_value": 1.5},
    },
    "outputs": {
        "is_outlier": {"data_type": "SERIES"},
        "lower_bound": {"data_type": "FLOAT"},
        "upper_bound": {"data_type": "FLOAT"},
    },
    "name": "IQR Outliers",
    "category": "Data Quality",
    "description": "Marks the values of a series outside the interquartile range widened by a factor",
    "version_tag": "1.0.0",
    "id": "30461cb2-bd31-548f-8d3b-28402b637e59",
    "revision_group_id": "dc686e63-8ab4-562a-9259-53263db26988",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, factor=1.5):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if not factor >= 0:
        raise ComponentInputValidationException(
            f"factor must be 0 or more, not {factor}", invalid_component_inputs=["factor"]
        )
    try:
        values = series.astype("float64")
    except (TypeError, ValueError) as exc:
        raise ComponentInputValidationException(
            f"series holds values that are not numbers ({exc})", invalid_component_inputs=["series"]
        ) from exc
    first, third = values.quantile(0.25), values.quantile(0.75)
    spread = third - first
    lower, upper = first - factor * spread, third + factor * spread
    is_outlier = (values < lower) | (values > upper)
    return {"is_outlier": is_outlier, "lower_bound": float(lower), "upper_bound": float(upper)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": 4.0, "2026-01-01T04:00:00Z": 100.0, "2026-01-01T05:00:00Z": null, "2026-01-01T06:00:00Z": -5.0}',
            },
            "workflow_input_name": "series",
        },
    ],
}
