"""Example workflows that read from and write to adapters: SQL databases, MQTT topics and local files.

Each example is an ordinary released workflow in the category ``Examples``. Its test wiring provides
example data directly, so it runs on any instance; its documentation shows the adapter wiring it is
meant for, which ``ADAPTER_WIRINGS`` holds as well (by slug), ready for ``sealflow run --inputs-json``.
Ids are ``uuid5`` values derived from each slug, as in ``sealflow.library.workflows``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sealflow.library import load_components
from sealflow.library.workflows import _Draft, _Library, _sensor, _series, _with_spikes
from sealflow.model.transformation import TransformationRevision

#: The adapter wiring each example is made for, by slug.
ADAPTER_WIRINGS: dict[str, dict[str, Any]] = {
    "sql-timeseries-alerts": {
        "input_wirings": [
            {
                "workflow_input_name": "readings",
                "adapter_id": "sql-adapter",
                "ref_id": "plant/ts_table/readings",
                "type": "multitsframe",
                "filters": {
                    "metrics": '["temperature"]',
                    "timestampFrom": "2026-01-05T00:00:00Z",
                    "timestampTo": "2026-01-07T00:00:00Z",
                },
            },
            {
                "workflow_input_name": "metric",
                "adapter_id": "direct_provisioning",
                "filters": {"value": "temperature"},
            },
        ],
        "output_wirings": [
            {
                "workflow_output_name": "intervals",
                "adapter_id": "sql-adapter",
                "ref_id": "plant/append_table/alert_intervals",
                "type": "dataframe",
            }
        ],
    },
    "mqtt-sensor-window-alerts": {
        "input_wirings": [
            {
                "workflow_input_name": "window",
                "adapter_id": "mqtt-adapter",
                "ref_id": "plant/pump1/temperature",
                "type": "timeseries(float)",
                "filters": {"window_seconds": "60", "count": "100"},
            }
        ],
        "output_wirings": [
            {
                "workflow_output_name": "alerts",
                "adapter_id": "mqtt-adapter",
                "ref_id": "plant/pump1/alerts",
                "type": "timeseries(bool)",
                "filters": {"qos": "1"},
            }
        ],
    },
    "local-file-summary": {
        "input_wirings": [
            {
                "workflow_input_name": "data",
                "adapter_id": "local-file-adapter",
                "ref_id": "measurements.csv",
                "type": "dataframe",
            }
        ],
        "output_wirings": [
            {
                "workflow_output_name": "summary",
                "adapter_id": "local-file-adapter",
                "ref_id": "GENERIC_DATAFRAME_SINK_AT_",
                "type": "dataframe",
                "filters": {"file_name": "summary.csv"},
            }
        ],
    },
}


def load_adapter_examples() -> list[TransformationRevision]:
    """The adapter examples, in a fixed order."""
    library = _Library(load_components())
    return [example(library) for example in _EXAMPLES]


def _wiring_text(slug: str) -> str:
    return "The adapter wiring:\n\n```json\n" + json.dumps(ADAPTER_WIRINGS[slug], indent=2) + "\n```"


def _sql_timeseries_alerts(library: _Library) -> TransformationRevision:
    slug = "sql-timeseries-alerts"
    draft = _Draft(
        slug,
        "SQL Timeseries Alerts Example",
        "Alerts on one metric of a timeseries table, appended as intervals to a table",
        "Reads a metric's values from a timeseries table through the SQL adapter, flags values far "
        "from the mean and appends one row per alert interval to a table.",
        "Configure a database with the key `plant` whose timeseries table `readings` has the columns "
        "`timestamp`, `metric` and `value`, and `alert_intervals` among its `append_tables`. The "
        "adapter reads the chosen metrics and time range with bound parameters in a read-only "
        "transaction; the intervals are appended in one transaction.\n\n" + _wiring_text(slug),
    )
    b = draft.builder
    extract = draft.add(library["Extract Metric"])
    scores = draft.add(library["Z-Score Alerts"])
    intervals = draft.add(library["Alert Intervals"])
    b.link(extract.output("series"), scores.input("series"))
    b.link(scores.output("alerts"), intervals.input("alerts"))
    draft.input(
        "readings",
        extract.input("multitsframe"),
        "timestamp, metric and value rows",
        example=library.example("Extract Metric", "multitsframe"),
    )
    draft.input("metric", extract.input("metric"), "the metric to check", example="pressure")
    draft.input(
        "threshold", scores.input("threshold"), "z-score above which a value is an alert", default="2.5"
    )
    draft.output("intervals", intervals.output("intervals"), "one row per run of consecutive alerts")
    return draft.build()


def _mqtt_sensor_window_alerts(library: _Library) -> TransformationRevision:
    slug = "mqtt-sensor-window-alerts"
    draft = _Draft(
        slug,
        "MQTT Sensor Window Alerts Example",
        "Z-score alerts on a window of sensor messages, published back to a topic",
        "Collects a window of JSON sensor messages from an MQTT topic, flags values far from the "
        "window's mean and publishes the alerts as one JSON message to another topic.",
        'Set `SEALFLOW_MQTT_URL`. Each message is `{"timestamp": ..., "value": ...}` (other paths '
        "through the filters `timestamp_path` and `value_path`). The window closes after 60 seconds "
        "or 100 messages. `sealflow mqtt-trigger` runs the workflow on every window of a stream, with "
        "the window given to the input `window`.\n\n" + _wiring_text(slug),
    )
    scores = draft.add(library["Z-Score Alerts"])
    draft.input(
        "window",
        scores.input("series"),
        "the sensor values of one window",
        example=_series(_with_spikes(_sensor(24), {9: 6.0})),
    )
    draft.input(
        "threshold", scores.input("threshold"), "z-score above which a value is an alert", default="2.5"
    )
    draft.output("alerts", scores.output("alerts"), "true at the anomalous values")
    draft.output("scores", scores.output("scores"), "the z-score of every value")
    return draft.build()


def _local_file_summary(library: _Library) -> TransformationRevision:
    slug = "local-file-summary"
    draft = _Draft(
        slug,
        "Local File Summary Example",
        "Summary statistics of a CSV file, written as a new CSV file",
        "Reads a table from a file under a root directory of the local file adapter and writes its "
        "summary statistics as a new file next to it.",
        "Put `measurements.csv` into the first root directory (`SEALFLOW_LOCAL_FILE_ROOTS`, default "
        "`files` in the data directory). The generic sink never replaces a file: a second run with the "
        "same `file_name` fails; leave the filter out for a name with the time and job id.\n\n"
        + _wiring_text(slug),
    )
    summary = draft.add(library["Summary Statistics"])
    draft.input(
        "data",
        summary.input("data"),
        "the table to summarise",
        example=library.example("Summary Statistics", "data"),
    )
    draft.output("summary", summary.output("summary"), "count, mean, std, min, quartiles and max per column")
    return draft.build()


_EXAMPLES: list[Callable[[_Library], TransformationRevision]] = [
    _sql_timeseries_alerts,
    _mqtt_sensor_window_alerts,
    _local_file_summary,
]
