"""Documentation for Filter Metrics

# Filter Metrics

## Description
Keeps the rows of a MULTITSFRAME that belong to the named metrics.

## Inputs
* **multitsframe** (MULTITSFRAME): A MULTITSFRAME: one row per value, with the columns timestamp, metric and value.
* **metrics** (STRING): The metric names to keep, separated by commas, e.g. `pressure, temperature`.

## Outputs
* **filtered** (MULTITSFRAME): Only the rows of these metrics, in their order.

## Details
A MULTITSFRAME holds several time series in one long table: each row is one value of one metric at one
timestamp (UTC). It is sorted by timestamp.

Spaces around the names are ignored. Names that do not occur are no error (a metric may have no values in
the time range at hand); Metric Names lists the names that do occur.

## Example
The rows of pressure, temperature and humidity and `metrics` = `temperature, humidity` give only the
temperature and humidity rows.
"""

# mypy: allow-untyped-defs
from hdutils import ComponentInputValidationException


def _names(text: str) -> list[str]:
    """The comma-separated names in ``text``, trimmed, empty ones left out."""
    return [name.strip() for name in text.split(",") if name.strip()]


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "multitsframe": {"data_type": "MULTITSFRAME"},
        "metrics": {"data_type": "STRING"},
    },
    "outputs": {
        "filtered": {"data_type": "MULTITSFRAME"},
    },
    "name": "Filter Metrics",
    "category": "MultiTSFrame",
    "description": "Keeps the rows of a MULTITSFRAME that belong to the named metrics",
    "version_tag": "1.0.0",
    "id": "6a1d16ad-5e2a-5f6a-a974-fe747b66ec49",
    "revision_group_id": "8cfb2c4a-cf03-5b97-884c-293e84c21c0f",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, multitsframe, metrics):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    names = _names(metrics)
    if not names:
        raise ComponentInputValidationException(
            "metrics names no metric; give names separated by commas", invalid_component_inputs=["metrics"]
        )
    kept = multitsframe[multitsframe["metric"].isin(names)]
    return {"filtered": kept.reset_index(drop=True)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"timestamp": {"0": "2026-01-01T00:00:00Z", "1": "2026-01-01T00:00:00Z", "2": "2026-01-01T01:00:00Z", "3": "2026-01-01T01:00:00Z", "4": "2026-01-01T02:00:00Z", "5": "2026-01-01T02:00:00Z"}, "metric": {"0": "pressure", "1": "temperature", "2": "pressure", "3": "temperature", "4": "humidity", "5": "pressure"}, "value": {"0": 1.0, "1": 20.5, "2": 1.1, "3": 21.0, "4": 40.0, "5": 1.2}}',
            },
            "workflow_input_name": "multitsframe",
        },
        {
            "filters": {"value": "temperature, humidity"},
            "workflow_input_name": "metrics",
        },
    ],
}
