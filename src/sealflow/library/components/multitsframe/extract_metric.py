"""Documentation for Extract Metric

# Extract Metric

## Description
Takes the values of one metric of a MULTITSFRAME as a time series.

## Inputs
* **multitsframe** (MULTITSFRAME): A MULTITSFRAME: one row per value, with the columns timestamp, metric and value.
* **metric** (STRING): The metric name.

## Outputs
* **series** (SERIES): The values of the metric, timestamps as index, named after the metric.

## Details
A MULTITSFRAME holds several time series in one long table: each row is one value of one metric at one
timestamp (UTC). It is sorted by timestamp.

The series keeps the order of the rows, so it is sorted by timestamp. The metric name is matched exactly.

## Example
The rows of pressure and temperature and `metric` = pressure give `series` = 1.0, 1.1, 1.2 at 00:00, 01:00
and 02:00, named pressure.
"""

# mypy: allow-untyped-defs
import pandas as pd

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "multitsframe": {"data_type": "MULTITSFRAME"},
        "metric": {"data_type": "STRING"},
    },
    "outputs": {
        "series": {"data_type": "SERIES"},
    },
    "name": "Extract Metric",
    "category": "MultiTSFrame",
    "description": "Takes the values of one metric of a MULTITSFRAME as a time series",
    "version_tag": "1.0.0",
    "id": "70b803e5-e3d6-5bf8-808b-0a62ae441d27",
    "revision_group_id": "55a12fcc-ee22-5d2f-9909-9cbb43c375b0",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, multitsframe, metric):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    rows = multitsframe[multitsframe["metric"] == metric]
    if rows.empty:
        names = sorted({str(name) for name in multitsframe["metric"]})
        shown = ", ".join(names[:20]) or "none"
        raise ComponentInputValidationException(
            f"multitsframe has no metric {metric!r}; its metrics are: {shown}",
            invalid_component_inputs=["metric"],
        )
    index = pd.DatetimeIndex(rows["timestamp"])
    return {"series": pd.Series(rows["value"].to_numpy(), index=index, name=metric)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"timestamp": {"0": "2026-01-01T00:00:00Z", "1": "2026-01-01T00:00:00Z", "2": "2026-01-01T01:00:00Z", "3": "2026-01-01T01:00:00Z", "4": "2026-01-01T02:00:00Z", "5": "2026-01-01T02:00:00Z"}, "metric": {"0": "pressure", "1": "temperature", "2": "pressure", "3": "temperature", "4": "humidity", "5": "pressure"}, "value": {"0": 1.0, "1": 20.5, "2": 1.1, "3": 21.0, "4": 40.0, "5": 1.2}}',
            },
            "workflow_input_name": "multitsframe",
        },
        {"filters": {"value": "pressure"}, "workflow_input_name": "metric"},
    ],
}
