"""The adapter examples of the base library: each runs on its test wiring and on the adapter wiring it shows."""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import sqlalchemy as sa
from paho.mqtt import client as mqtt

from sealflow.config import Settings
from sealflow.library.adapter_examples import ADAPTER_WIRINGS, load_adapter_examples
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.execution import execute_transformation
from sealflow.ops.instance import Instance
from sealflow.ops.library import install_library

EXAMPLES = {tr.name: tr for tr in load_adapter_examples()}
SLUGS = {
    "SQL Timeseries Alerts Example": "sql-timeseries-alerts",
    "MQTT Sensor Window Alerts Example": "mqtt-sensor-window-alerts",
    "Local File Summary Example": "local-file-summary",
}


@pytest.fixture
def instance(tmp_path: Path) -> Iterator[Instance]:
    """An instance with the base library, a SQLite database ``plant``, MQTT and a local file root."""
    plant = f"sqlite:///{tmp_path / 'plant.db'}"
    databases = [
        {
            "name": "Plant",
            "key": "plant",
            "connection_url": plant,
            "append_tables": ["alert_intervals"],
            "timeseries_tables": {"readings": {}},
        }
    ]
    settings = Settings(
        home=tmp_path,
        sql_databases=json.dumps(databases),
        mqtt_url="mqtt://127.0.0.1:1883",
        install_library=False,
    )
    opened = Instance.open(settings)
    install_library(opened)
    yield opened
    opened.close()


def run(instance: Instance, name: str, wiring: dict[str, Any] | None = None) -> Any:
    tr = EXAMPLES[name]
    chosen = tr.test_wiring if wiring is None else WorkflowWiring.model_validate(wiring)
    result = execute_transformation(instance, tr, chosen)
    assert result.result == "ok", result.error
    return result


def test_the_examples_are_stable_and_documented():
    again = {tr.name: tr for tr in load_adapter_examples()}
    assert again == EXAMPLES
    assert set(EXAMPLES) == set(SLUGS)
    for name, tr in EXAMPLES.items():
        assert '"adapter_id"' in tr.documentation
        assert json.dumps(ADAPTER_WIRINGS[SLUGS[name]], indent=2) in tr.documentation


@pytest.mark.parametrize("name", sorted(SLUGS))
def test_each_example_runs_on_its_test_wiring(instance: Instance, name: str):
    result = run(instance, name)

    assert set(result.output_results_by_output_name) == {o.name for o in EXAMPLES[name].io_interface.outputs}


def test_the_sql_example_reads_a_timeseries_table_and_appends_the_intervals(
    instance: Instance, tmp_path: Path
):
    stamps = pd.date_range("2026-01-05", periods=48, freq="h")
    values = [20.0] * 48
    values[30] = 60.0
    readings = pd.DataFrame({"timestamp": stamps, "metric": "temperature", "value": values})
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'plant.db'}")
    with engine.begin() as connection:
        readings.to_sql("readings", connection, index=False)

    run(instance, "SQL Timeseries Alerts Example", ADAPTER_WIRINGS["sql-timeseries-alerts"])

    with engine.connect() as connection:
        stored = pd.read_sql("SELECT * FROM alert_intervals", connection)
    engine.dispose()
    assert len(stored) == 1
    assert pd.Timestamp(stored["start"].iloc[0]) == pd.Timestamp("2026-01-06T06:00:00")


def test_the_local_file_example_writes_a_summary_file(instance: Instance, tmp_path: Path):
    root = tmp_path / "files"
    root.mkdir()
    pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [4.0, 5.0, 6.0]}).to_csv(root / "measurements.csv", index=False)

    run(instance, "Local File Summary Example", ADAPTER_WIRINGS["local-file-summary"])

    summary = pd.read_csv(root / "summary.csv")
    assert list(summary["a"])[:2] == [3.0, 2.0]  # count, mean


def test_the_mqtt_example_publishes_alerts_for_a_window(instance: Instance):
    wiring = copy.deepcopy(ADAPTER_WIRINGS["mqtt-sensor-window-alerts"])
    topic = wiring["input_wirings"][0]["ref_id"] = f"sealflow-test/{id(wiring)}/temperature"
    wiring["input_wirings"][0]["filters"] = {"count": "20"}
    alerts_topic = wiring["output_wirings"][0]["ref_id"] = f"sealflow-test/{id(wiring)}/alerts"
    stop = threading.Event()
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    client.connect("127.0.0.1", 1883)
    client.loop_start()
    received: list[bytes] = []
    client.on_message = lambda *args: received.append(args[2].payload)
    client.subscribe(alerts_topic, 1)

    def publish() -> None:
        number = 0
        while not stop.wait(0.01):
            number += 1
            client.publish(topic, json.dumps({"value": 50.0 if number % 20 == 0 else 20.0}), qos=1)

    thread = threading.Thread(target=publish, daemon=True)
    thread.start()
    try:
        run(instance, "MQTT Sensor Window Alerts Example", wiring)
        deadline = threading.Event()
        for _ in range(50):
            if received:
                break
            deadline.wait(0.05)
    finally:
        stop.set()
        thread.join()
        client.disconnect()
        client.loop_stop()

    [payload] = received
    alerts = json.loads(payload)
    assert len(alerts) == 20
    assert sum(1 for row in alerts if row["value"]) == 1
