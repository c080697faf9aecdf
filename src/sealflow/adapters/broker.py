"""The broker protocol queue consumers are written against, and the broker for a URL.

A broker hands out deliveries one at a time and takes them back by acknowledgement; an unacknowledged
delivery is redelivered after the consumer is gone. Publications and acknowledgements take effect at
``commit``, all together: a broker without transactions may apply each at once, but must have them
durably when ``commit`` returns.
RabbitMQ (``amqp://``) is the broker offered; another (Kafka) is added by implementing ``Broker``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from sealflow.errors import InvalidInput


@dataclass(frozen=True)
class Delivery:
    """A message taken from a queue, not yet acknowledged."""

    queue: str
    body: bytes
    message_id: str | None = None
    reply_to: str | None = None
    correlation_id: str | None = None
    redelivered: bool = False
    headers: dict[str, Any] = field(default_factory=dict)
    tag: Any = None


class Broker(Protocol):
    """Queues that deliver messages at least once."""

    def declare(self, queue: str) -> None:
        """Make sure the durable queue exists."""
        ...

    def receive(self, queue: str, timeout: float) -> Delivery | None:
        """The next delivery of ``queue``, or ``None`` if none came within ``timeout`` seconds."""
        ...

    def publish(
        self,
        queue: str,
        body: bytes,
        *,
        message_id: str | None = None,
        correlation_id: str | None = None,
        headers: dict[str, Any] | None = None,
    ) -> None:
        """Put a persistent message on ``queue`` (at the next commit)."""
        ...

    def ack(self, delivery: Delivery) -> None:
        """Acknowledge ``delivery`` (at the next commit): it will not be delivered again."""
        ...

    def commit(self) -> None:
        """Make every publication and acknowledgement since the last commit take effect."""
        ...

    def close(self) -> None:
        """Close the connection; what was not committed is dropped, unacknowledged deliveries return."""
        ...


def open_broker(url: str) -> Broker:
    """The broker at ``url`` (``amqp://`` or ``amqps://``)."""
    from sealflow.adapters.amqp import AmqpBroker

    if url.split("://", 1)[0] not in ("amqp", "amqps"):
        raise InvalidInput(f"broker URL {url!r} is not supported; give amqp://user:password@host:5672/vhost")
    return AmqpBroker(url)
