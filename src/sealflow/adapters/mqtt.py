"""The MQTT adapter: sensor streams collected from a topic, outputs published to a topic.

**Broker.** ``SEALFLOW_MQTT_URL`` = ``mqtt://[user[:password]@]host[:port]`` (default port 1883).

**Sources** (``ref_id`` = a topic, wildcards allowed) collect the JSON messages of the topic from the
moment the run loads its inputs, until ``window_seconds`` have passed or ``count`` messages arrived,
whichever comes first (filters; without either the window is the adapter timeout). A payload is one
object or a list of objects (a bare JSON value is taken as the value); non-JSON payloads are skipped; ``value_path`` (default ``value``), ``timestamp_path`` (default
``timestamp``) and ``metric_path`` (default ``metric``) name fields, dotted for nested objects. A timestamp
is ISO 8601 or epoch seconds; without one, the time of arrival counts. A message without a value is
skipped. SERIES: the values indexed by UTC timestamps, in arrival order; MULTITSFRAME: ``timestamp``,
``metric`` (the message's topic where the payload names none) and ``value``.

**Sinks** (``ref_id`` = a topic) publish each output as one JSON message: a SERIES as
``[{timestamp, value}]``, a DATAFRAME or MULTITSFRAME as records, anything else as its JSON value.
Filters: ``qos`` (0, 1 or 2; default 1) and ``retain`` (default false).
"""

from __future__ import annotations

import contextlib
import json
import logging
import queue
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import unquote, urlsplit
from uuid import uuid4

import pandas as pd
from paho.mqtt import client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from sealflow.adapters.protocol import RunContext, SinkRequest, SourceRequest
from sealflow.code.values import MULTITSFRAME_COLUMNS, parse_value, serialize_value
from sealflow.errors import AdapterError, AdapterUnavailable, InvalidWiring
from sealflow.model.datatypes import DataType

MQTT_ADAPTER: Final = "mqtt-adapter"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    """One received MQTT message."""

    topic: str
    payload: bytes
    received: pd.Timestamp


@dataclass(frozen=True)
class Paths:
    """Where a payload holds the timestamp, the value and the metric."""

    value: str = "value"
    timestamp: str = "timestamp"
    metric: str = "metric"

    @classmethod
    def from_filters(cls, filters: Mapping[str, str]) -> Paths:
        """The paths the filters name, defaults for the rest."""
        return cls(
            value=filters.get("value_path") or "value",
            timestamp=filters.get("timestamp_path") or "timestamp",
            metric=filters.get("metric_path") or "metric",
        )


class MqttConnection:
    """A connected MQTT client: publishes, and queues the messages of the topics it subscribed to."""

    def __init__(self, url: str, *, timeout: float) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("mqtt", "tcp") or not parts.hostname:
            raise AdapterError(f"MQTT URL {url!r} is not mqtt://[user[:password]@]host[:port]")
        self.host, self.port, self.timeout = parts.hostname, parts.port or 1883, timeout
        self.messages: queue.Queue[Message] = queue.Queue()
        self._confirmed: set[int] = set()
        self._confirming = threading.Condition()
        self._connected = threading.Event()
        self._client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"sealflow-{uuid4().hex[:12]}")
        if parts.username:
            self._client.username_pw_set(unquote(parts.username), unquote(parts.password or "") or None)
        self._client.on_connect = lambda *args: self._connected.set()
        self._client.on_message = self._on_message
        self._client.on_subscribe = self._on_subscribe

    def __enter__(self) -> MqttConnection:
        try:
            self._client.connect(self.host, self.port)
        except OSError as exc:
            self._release()
            raise AdapterUnavailable(f"MQTT broker {self.host}:{self.port} cannot be reached: {exc}") from exc
        self._client.loop_start()
        if not self._connected.wait(self.timeout):
            self.__exit__()
            raise AdapterUnavailable(f"MQTT broker {self.host}:{self.port} did not accept the connection")
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.disconnect()
        self._client.loop_stop()
        self._release()

    def _release(self) -> None:
        """Drop the callbacks, so that the client and its sockets are freed as soon as it is unused."""
        self._client.on_connect = self._client.on_message = self._client.on_subscribe = None

    def subscribe(self, topic: str, qos: int = 1) -> None:
        """Subscribe to ``topic`` and wait until the broker confirmed it."""
        with self._confirming:
            result, mid = self._client.subscribe(topic, qos)
            if result != mqtt.MQTT_ERR_SUCCESS:
                raise AdapterError(f"MQTT: cannot subscribe to {topic!r}: {mqtt.error_string(result)}")
            confirmed = self._confirming.wait_for(lambda: mid in self._confirmed, self.timeout)
        if not confirmed:
            raise AdapterUnavailable(
                f"MQTT broker {self.host}:{self.port} did not confirm the topic {topic!r}"
            )

    def publish(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False) -> None:
        """Publish and wait until the broker has the message."""
        info = self._client.publish(topic, payload, qos=qos, retain=retain)
        info.wait_for_publish(self.timeout)
        if not info.is_published():
            raise AdapterUnavailable(
                f"MQTT broker {self.host}:{self.port} did not take the message to {topic!r}"
            )

    def collect(self, window: float | None, count: int | None) -> list[Message]:
        """Queued and arriving messages until ``window`` seconds passed or ``count`` arrived."""
        deadline = time.monotonic() + (window if window is not None else self.timeout)
        taken: list[Message] = []
        while count is None or len(taken) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            with contextlib.suppress(queue.Empty):
                taken.append(self.messages.get(timeout=remaining))
        return taken

    def _on_message(self, client: Any, userdata: Any, message: mqtt.MQTTMessage) -> None:
        self.messages.put(Message(message.topic, bytes(message.payload), pd.Timestamp.now(tz="UTC")))

    def _on_subscribe(self, client: Any, userdata: Any, mid: int, *args: Any) -> None:
        with self._confirming:
            self._confirmed.add(mid)
            self._confirming.notify_all()


class MqttAdapter:
    """Collects topic messages into SERIES or MULTITSFRAME inputs and publishes outputs to topics."""

    key = MQTT_ADAPTER
    name = "MQTT Adapter"

    def __init__(self, url: str, *, timeout: float = 30.0) -> None:
        self._broker_url, self.timeout = url, timeout

    def load(self, requests: Sequence[SourceRequest], context: RunContext) -> dict[str, Any]:
        """Collect each input's topic over its window or count, one input after the other."""
        values: dict[str, Any] = {}
        for request in requests:
            where = f"{self.name}: input {request.name!r}"
            topic = _topic(request.wiring.ref_id or request.wiring.ref_key, where)
            window, count = window_filters(request.wiring.filters, where)
            with self.connection() as connection:
                connection.subscribe(topic)
                messages = connection.collect(window, count)
            paths = Paths.from_filters(request.wiring.filters)
            values[request.name] = to_value(messages, request.data_type, paths, where)
        return values

    def send(self, requests: Sequence[SinkRequest], values: Mapping[str, Any], context: RunContext) -> None:
        """Publish each output as one JSON message to its topic."""
        with self.connection() as connection:
            for request in requests:
                where = f"{self.name}: output {request.name!r}"
                topic = _topic(request.wiring.ref_id or request.wiring.ref_key, where)
                if "+" in topic or "#" in topic:
                    raise InvalidWiring(f"{where}: cannot publish to the wildcard topic {topic!r}")
                filters = request.wiring.filters
                qos = _integer(filters.get("qos") or "1", "qos", where)
                if qos not in (0, 1, 2):
                    raise InvalidWiring(f"{where}: filter qos must be 0, 1 or 2, not {qos}")
                retain = (filters.get("retain") or "false").lower() in ("true", "1", "yes")
                payload = json.dumps(payload_of(values[request.name], request.data_type), allow_nan=False)
                connection.publish(topic, payload.encode(), qos=qos, retain=retain)

    @contextlib.contextmanager
    def connection(self) -> Iterator[MqttConnection]:
        """A connection to the broker for one load or send."""
        with MqttConnection(self._broker_url, timeout=self.timeout) as connection:
            yield connection


def window_filters(filters: Mapping[str, str], where: str) -> tuple[float | None, int | None]:
    """The window in seconds and the count the filters give (either may be None)."""
    window = count = None
    if filters.get("window_seconds"):
        try:
            window = float(filters["window_seconds"])
        except ValueError:
            window = -1.0
        if not window > 0:
            raise InvalidWiring(f"{where}: filter window_seconds must be a positive number of seconds")
    if filters.get("count"):
        count = _integer(filters["count"], "count", where)
        if count < 1:
            raise InvalidWiring(f"{where}: filter count must be at least 1")
    return window, count


def to_value(messages: Sequence[Message], data_type: DataType, paths: Paths, where: str) -> Any:
    """The collected messages as a SERIES or MULTITSFRAME (ANY: a MULTITSFRAME)."""
    rows = [row for message in messages for row in _rows(message, paths)]
    frame = pd.DataFrame(rows, columns=list(MULTITSFRAME_COLUMNS))
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True, format="ISO8601")
    if data_type is DataType.SERIES:
        return pd.Series(frame["value"].to_numpy(), index=pd.DatetimeIndex(frame["timestamp"]).rename(None))
    if data_type in (DataType.MULTITSFRAME, DataType.ANY):
        return frame
    raise InvalidWiring(f"{where}: MQTT messages load as SERIES or MULTITSFRAME, not {data_type}")


def payload_of(value: Any, data_type: DataType) -> Any:
    """The JSON payload published for an output value."""
    if data_type in (DataType.SERIES, DataType.DATAFRAME, DataType.MULTITSFRAME):
        parsed = parse_value(value, data_type)
        frame = parsed.rename("value").to_frame() if isinstance(parsed, pd.Series) else parsed
        if not isinstance(frame.index, pd.RangeIndex):
            frame = frame.rename_axis(str(frame.index.name or "timestamp")).reset_index()
        return json.loads(frame.to_json(orient="records", date_format="iso", date_unit="ns"))
    return serialize_value(value, data_type)


def _rows(message: Message, paths: Paths) -> list[tuple[Any, Any, Any]]:
    try:
        payload = json.loads(message.payload)
    except (json.JSONDecodeError, UnicodeDecodeError):
        logger.warning("MQTT message on %s is not JSON; skipped", message.topic)
        return []
    items = payload if isinstance(payload, list) else [payload]
    rows = []
    for item in items:
        value = _at(item, paths.value) if isinstance(item, dict) else item
        if value is None:
            continue
        stamp = _at(item, paths.timestamp) if isinstance(item, dict) else None
        metric = _at(item, paths.metric) if isinstance(item, dict) else None
        rows.append((_timestamp(stamp, message.received), message.topic if metric is None else metric, value))
    return rows


def _at(item: Mapping[str, Any], path: str) -> Any:
    value: Any = item
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _timestamp(value: Any, received: pd.Timestamp) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return pd.Timestamp(value, unit="s", tz="UTC").isoformat()
    if isinstance(value, str) and value:
        with contextlib.suppress(ValueError):
            stamp = pd.Timestamp(value)
            return (stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")).isoformat()
    return received.isoformat()


def _topic(ref: str | None, where: str) -> str:
    if not ref:
        raise InvalidWiring(
            f"{where}: the wiring names no topic; set ref_id to a topic such as 'plant/pump1'"
        )
    return ref


def _integer(text: str, name: str, where: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise InvalidWiring(f"{where}: filter {name} must be a whole number, not {text!r}") from None
