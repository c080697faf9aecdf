"""Documentation for MultiTSFrame to DataFrame

# MultiTSFrame to DataFrame

## Description
Turns a MULTITSFRAME into a wide frame with one column per metric.

## Inputs
* **multitsframe** (MULTITSFRAME): A MULTITSFRAME: one row per value, with the columns timestamp, metric and value.

## Outputs
* **dataframe** (DATAFRAME): Timestamps as index (sorted), one column per metric (sorted by name), NaN where a metric has no value at a timestamp.

## Details
A MULTITSFRAME holds several time series in one long table: each row is one value of one metric at one
timestamp (UTC). It is sorted by timestamp.

This is the inverse of DataFrame to MultiTSFrame. A metric and timestamp may appear only once; the component
fails and names an example otherwise.

## Example
The rows (00:00, pressure, 1.0), (00:00, temperature, 20.5), (01:00, pressure, 1.1) give a frame with the
columns pressure = 1.0, 1.1 and temperature = 20.5, NaN at 00:00 and 01:00.
"""

# mypy: allow-untyped-defs
from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "multitsframe": {"data_type": "MULTITSFRAME"},
    },
    "outputs": {
        "dataframe": {"data_type": "DATAFRAME"},
    },
    "name": "MultiTSFrame to DataFrame",
    "category": "MultiTSFrame",
    "description": "Turns a MULTITSFRAME into a wide frame with one column per metric",
    "version_tag": "1.0.0",
    "id": "ab1791bc-b961-5a2a-bd85-864325abfc41",
    "revision_group_id": "f9ca8471-fc19-50bf-8973-d25a37db3776",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, multitsframe):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    repeated = multitsframe.duplicated(["timestamp", "metric"])
    if repeated.any():
        first = multitsframe[repeated].iloc[0]
        raise ComponentInputValidationException(
            f"multitsframe has {int(repeated.sum())} repeated pairs of timestamp and metric, e.g. "
            f"{first['metric']!r} at {first['timestamp'].isoformat()}; a wide frame has one cell for each",
            invalid_component_inputs=["multitsframe"],
        )
    wide = multitsframe.pivot(index="timestamp", columns="metric", values="value")
    return {"dataframe": wide.rename_axis(index=None, columns=None)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"timestamp": {"0": "2026-01-01T00:00:00Z", "1": "2026-01-01T00:00:00Z", "2": "2026-01-01T01:00:00Z", "3": "2026-01-01T01:00:00Z", "4": "2026-01-01T02:00:00Z", "5": "2026-01-01T02:00:00Z"}, "metric": {"0": "pressure", "1": "temperature", "2": "pressure", "3": "temperature", "4": "humidity", "5": "pressure"}, "value": {"0": 1.0, "1": 20.5, "2": 1.1, "3": 21.0, "4": 40.0, "5": 1.2}}',
            },
            "workflow_input_name": "multitsframe",
        },
    ],
}
