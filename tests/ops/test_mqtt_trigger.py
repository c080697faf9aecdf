"""The MQTT trigger against the real Mosquitto: each closed window runs the released workflow once."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import pytest
from paho.mqtt import client as mqtt

from sealflow.adapters.mqtt import MqttConnection
from sealflow.config import Settings
from sealflow.errors import InvalidInput, TransformationNotFound
from sealflow.model.wiring import OutputWiring, WorkflowWiring
from sealflow.ops.executions import list_executions
from sealflow.ops.instance import Instance
from sealflow.ops.mqtt_trigger import Trigger, run_trigger
from sealflow.ops.transformations import import_transformations
from sealflow.runtime.results import ExecutionResult
from support import component

MQTT_URL = os.environ.get("SEALFLOW_TEST_MQTT_URL", "mqtt://127.0.0.1:1883")


@pytest.fixture
def instance(tmp_path: Path) -> Iterator[Instance]:
    opened = Instance.open(Settings(home=tmp_path, mqtt_url=MQTT_URL))
    yield opened
    opened.close()


@pytest.fixture
def sensor_topic() -> Iterator[str]:
    """A topic receiving ``{"value": 4.0}`` every 20 ms."""
    topic = f"sealflow-test/{uuid4().hex[:10]}"
    stop = threading.Event()
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    client.connect("127.0.0.1", 1883)
    client.loop_start()

    def publish() -> None:
        while not stop.wait(0.02):
            client.publish(topic, json.dumps({"value": 4.0}), qos=1)

    thread = threading.Thread(target=publish, daemon=True)
    thread.start()
    yield topic
    stop.set()
    thread.join()
    client.disconnect()
    client.loop_stop()


def test_each_window_runs_the_release_and_its_output_is_published(instance: Instance, sensor_topic: str):
    mean = component(
        "Window Mean", {"series": "SERIES"}, {"mean": "FLOAT"}, "return {'mean': float(series.mean())}"
    )
    import_transformations(instance, [mean])
    alerts = f"{sensor_topic}/mean"
    wiring = WorkflowWiring(
        output_wirings=[OutputWiring(workflow_output_name="mean", adapter_id="mqtt-adapter", ref_id=alerts)]
    )
    trigger = Trigger(sensor_topic, mean.revision_group_id, "series", count=5, wiring=wiring)
    results: list[ExecutionResult] = []

    with MqttConnection(MQTT_URL, timeout=5) as listener:
        listener.subscribe(alerts)
        runs = run_trigger(instance, MQTT_URL, trigger, max_runs=2, on_result=results.append)
        published = listener.collect(2, 2)

    assert runs == 2
    assert [result.result for result in results] == ["ok", "ok"]
    assert [json.loads(message.payload) for message in published] == [4.0, 4.0]
    records = list_executions(instance)
    assert len(records) == 2
    window = next(value for value in records[0].inputs if value.name == "series")
    assert (window.via, window.inline) == ("direct_provisioning", True)


def test_a_trigger_needs_a_release_and_a_window(instance: Instance):
    with pytest.raises(InvalidInput, match="a window"):
        run_trigger(instance, MQTT_URL, Trigger("t", uuid4(), "x"))
    with pytest.raises(TransformationNotFound, match="has no RELEASED revision"):
        run_trigger(instance, MQTT_URL, Trigger("t", uuid4(), "x", window_seconds=1))
