"""The MQTT adapter against the real Mosquitto broker: windows of messages in, outputs published."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from typing import Any
from uuid import uuid4

import pandas as pd
import pytest
from paho.mqtt import client as mqtt

from sealflow.adapters.mqtt import MqttAdapter, MqttConnection
from sealflow.adapters.protocol import RunContext, SinkRequest, SourceRequest
from sealflow.errors import AdapterUnavailable, InvalidWiring
from sealflow.model.datatypes import DataType
from sealflow.model.wiring import InputWiring, OutputWiring

MQTT_URL = os.environ.get("SEALFLOW_TEST_MQTT_URL", "mqtt://127.0.0.1:1883")
CONTEXT = RunContext(job_id=str(uuid4()), transformation_id=str(uuid4()))


@pytest.fixture
def topic() -> str:
    return f"sealflow-test/{uuid4().hex[:10]}"


@pytest.fixture
def adapter() -> MqttAdapter:
    return MqttAdapter(MQTT_URL, timeout=5)


class Publisher:
    """Publishes a cycle of payloads to a topic every 50 ms until stopped, from a client of its own."""

    def __init__(self, topic: str, payloads: list[Any]) -> None:
        self.topic, self.payloads = topic, payloads
        self.stop = threading.Event()
        self.client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
        self.client.connect("127.0.0.1", 1883)
        self.client.loop_start()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            for payload in self.payloads:
                self.client.publish(self.topic, json.dumps(payload), qos=1)
                self.stop.wait(0.05)

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.client.disconnect()
        self.client.loop_stop()


@pytest.fixture
def publish(topic: str) -> Iterator[Any]:
    publishers: list[Publisher] = []

    def start(payloads: list[Any], to: str = topic) -> None:
        publishers.append(Publisher(to, payloads))

    yield start
    for publisher in publishers:
        publisher.close()


def load(adapter: MqttAdapter, topic: str, data_type: DataType, **filters: str) -> Any:
    wiring = InputWiring(workflow_input_name="x", adapter_id="mqtt-adapter", ref_id=topic, filters=filters)
    return adapter.load([SourceRequest("x", data_type, wiring)], CONTEXT)["x"]


def test_a_count_of_messages_loads_as_a_series_by_timestamp(adapter: MqttAdapter, topic: str, publish: Any):
    publish([{"timestamp": f"2026-01-01T00:00:0{i}Z", "value": float(i)} for i in range(3)])

    series = load(adapter, topic, DataType.SERIES, count="3")

    assert isinstance(series, pd.Series)
    assert sorted(series.to_list()) == [0.0, 1.0, 2.0]
    assert {stamp.isoformat() for stamp in series.index} == {f"2026-01-01T00:00:0{i}+00:00" for i in range(3)}


def test_a_window_collects_nested_payloads_into_a_multitsframe(
    adapter: MqttAdapter, topic: str, publish: Any
):
    publish([{"ts": 1767225600, "reading": {"temp": 21.5, "sensor": "t1"}}, "not an object", {"reading": {}}])

    frame = load(
        adapter,
        topic,
        DataType.MULTITSFRAME,
        window_seconds="0.6",
        timestamp_path="ts",
        value_path="reading.temp",
        metric_path="reading.sensor",
    )

    assert list(frame.columns) == ["timestamp", "metric", "value"]
    assert len(frame) >= 2
    assert set(frame["metric"]) == {"t1", topic}
    assert set(frame["value"]) == {21.5, "not an object"}
    assert frame.loc[frame["metric"] == "t1", "timestamp"].iloc[0].isoformat() == "2026-01-01T00:00:00+00:00"


def test_a_wildcard_topic_gives_each_message_its_topic_as_metric(
    adapter: MqttAdapter, topic: str, publish: Any
):
    publish([{"value": 1}], to=f"{topic}/pump1")
    publish([{"value": 2}], to=f"{topic}/pump2")

    frame = load(adapter, f"{topic}/+", DataType.MULTITSFRAME, window_seconds="0.8")

    assert set(frame["metric"]) == {f"{topic}/pump1", f"{topic}/pump2"}


def test_an_output_is_published_as_one_json_message(adapter: MqttAdapter, topic: str):
    alerts = pd.Series([3.5, 7.0], index=pd.to_datetime(["2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z"]))
    with MqttConnection(MQTT_URL, timeout=5) as listener:
        listener.subscribe(topic)
        wiring = OutputWiring(workflow_output_name="y", adapter_id="mqtt-adapter", ref_id=topic)
        adapter.send([SinkRequest("y", DataType.SERIES, wiring)], {"y": alerts}, CONTEXT)
        [message] = listener.collect(2, 1)

    assert json.loads(message.payload) == [
        {"timestamp": "2026-01-01T00:00:00.000000000Z", "value": 3.5},
        {"timestamp": "2026-01-01T00:01:00.000000000Z", "value": 7.0},
    ]


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"window_seconds": "0"}, "window_seconds must be a positive"),
        ({"count": "x"}, "count must be a whole"),
    ],
)
def test_bad_filters_are_explained(adapter: MqttAdapter, topic: str, filters: dict[str, str], message: str):
    with pytest.raises(InvalidWiring, match=message):
        load(adapter, topic, DataType.SERIES, **filters)


def test_an_unreachable_broker_is_named():
    with pytest.raises(AdapterUnavailable, match=r"127\.0\.0\.1:1 "):
        load(MqttAdapter("mqtt://127.0.0.1:1", timeout=1), "t", DataType.SERIES, count="1")
