"""RabbitMQ as a broker (AMQP 0-9-1 through pika): durable queues, persistent messages, AMQP transactions.

The channel is transactional: replies, dead letters and acknowledgements take effect together at
``commit``, so a consumer that dies before committing leaves its messages unacknowledged and publishes
nothing; RabbitMQ redelivers them to the next consumer.
"""

from __future__ import annotations

from collections import deque
from typing import Any

import pika  # type: ignore[import-untyped]
import pika.exceptions  # type: ignore[import-untyped]

from sealflow.adapters.broker import Delivery
from sealflow.errors import AdapterError, AdapterUnavailable


class AmqpBroker:
    """A blocking connection to RabbitMQ with one transactional channel."""

    def __init__(self, url: str, *, prefetch: int = 64) -> None:
        self.where = _without_password(url)
        try:
            self._connection = pika.BlockingConnection(pika.URLParameters(url))
            self._channel = self._connection.channel()
            self._channel.tx_select()
            self._channel.basic_qos(prefetch_count=prefetch)
        except pika.exceptions.AMQPError as exc:
            raise AdapterUnavailable(f"RabbitMQ at {self.where} cannot be reached: {exc!r}") from exc
        self._waiting: dict[str, deque[Delivery]] = {}

    def declare(self, queue: str) -> None:
        """Make sure the durable queue exists."""
        try:
            self._channel.queue_declare(queue, durable=True)
        except pika.exceptions.ChannelClosedByBroker as exc:
            raise AdapterError(
                f"RabbitMQ at {self.where} refused the queue {queue!r} ({exc.reply_text}); "
                "it may exist with other settings: use a durable queue"
            ) from exc

    def receive(self, queue: str, timeout: float) -> Delivery | None:
        """The next delivery of ``queue``, or ``None`` after ``timeout`` seconds without one."""
        waiting = self._waiting.get(queue)
        if waiting is None:
            waiting = self._waiting[queue] = deque()
            self._channel.basic_consume(queue, lambda *message: waiting.append(_delivery(queue, *message)))
        if not waiting:
            self._connection.process_data_events(time_limit=timeout)
        return waiting.popleft() if waiting else None

    def publish(
        self,
        queue: str,
        body: bytes,
        *,
        message_id: str | None = None,
        correlation_id: str | None = None,
        headers: dict[str, Any] | None = None,
    ) -> None:
        """Publish a persistent message to ``queue`` through the default exchange, at the next commit."""
        properties = pika.BasicProperties(
            content_type="application/json",
            delivery_mode=pika.DeliveryMode.Persistent,
            message_id=message_id,
            correlation_id=correlation_id,
            headers=headers or None,
        )
        self._channel.basic_publish("", queue, body, properties)

    def ack(self, delivery: Delivery) -> None:
        """Acknowledge the delivery at the next commit."""
        self._channel.basic_ack(delivery.tag)

    def commit(self) -> None:
        """Make the publications and acknowledgements since the last commit take effect, all together."""
        self._channel.tx_commit()

    def close(self) -> None:
        """Close the connection; what was not committed is dropped, unacknowledged messages are redelivered."""
        if self._connection.is_open:
            self._connection.close()


def _delivery(queue: str, channel: Any, method: Any, properties: Any, body: bytes) -> Delivery:
    return Delivery(
        queue=queue,
        body=body,
        message_id=properties.message_id,
        reply_to=properties.reply_to,
        correlation_id=properties.correlation_id,
        redelivered=bool(method.redelivered),
        headers=dict(properties.headers or {}),
        tag=method.delivery_tag,
    )


def _without_password(url: str) -> str:
    parameters = pika.URLParameters(url)
    return f"{parameters.host}:{parameters.port}{parameters.virtual_host}"
