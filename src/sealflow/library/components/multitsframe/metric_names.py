"""Documentation for Metric Names

# Metric Names

## Description
Lists the metric names that occur in a MULTITSFRAME.

## Inputs
* **multitsframe** (MULTITSFRAME): A MULTITSFRAME: one row per value, with the columns timestamp, metric and value.

## Outputs
* **names** (ANY): The distinct metric names, sorted, as a list of strings.

## Details
An empty MULTITSFRAME gives an empty list.

## Example
The rows of pressure, temperature and humidity give `names` = ["humidity", "pressure", "temperature"].
"""

# mypy: allow-untyped-defs

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "multitsframe": {"data_type": "MULTITSFRAME"},
    },
    "outputs": {
        "names": {"data_type": "ANY"},
    },
    "name": "Metric Names",
    "category": "MultiTSFrame",
    "description": "Lists the metric names that occur in a MULTITSFRAME",
    "version_tag": "1.0.0",
    "id": "86e7d5f7-49d4-5c91-8bbf-92b6fc7099ec",
    "revision_group_id": "5a5779d1-0832-5245-bcc3-d0eef9b39885",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, multitsframe):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"names": sorted({str(name) for name in multitsframe["metric"]})}


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
