"""A RabbitMQ test client on pika, independent of the broker under test: fresh queues, publish, drain."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

import pika

AMQP_URL = os.environ.get("SEALFLOW_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/%2F")


@dataclass
class Received:
    """A message read back from a queue."""

    body: bytes
    properties: pika.BasicProperties

    def json(self) -> Any:
        return json.loads(self.body)


class Rabbit:
    """Fresh durable queues for one test, deleted afterwards."""

    def __init__(self) -> None:
        self.connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
        self.channel = self.connection.channel()
        self.prefix = f"sealflow-test-{uuid4().hex[:10]}"
        self.queues: list[str] = []

    def queue(self, name: str) -> str:
        queue = f"{self.prefix}.{name}"
        self.channel.queue_declare(queue, durable=True)
        self.queues.append(queue)
        return queue

    def publish(
        self, queue: str, body: Any, *, message_id: str | None = None, reply_to: str | None = None
    ) -> None:
        payload = body if isinstance(body, bytes) else json.dumps(body).encode()
        properties = pika.BasicProperties(message_id=message_id, reply_to=reply_to, delivery_mode=2)
        self.channel.basic_publish("", queue, payload, properties)

    def drain(self, queue: str) -> list[Received]:
        received = []
        while True:
            method, properties, body = self.channel.basic_get(queue, auto_ack=True)
            if method is None:
                return received
            received.append(Received(body, properties))

    def count(self, queue: str) -> int:
        return int(self.channel.queue_declare(queue, passive=True).method.message_count)

    def close(self) -> None:
        for queue in self.queues:
            self.channel.queue_delete(queue)
        for queue in (q for q in self.queues if not q.endswith(".dead-letter")):
            self.channel.queue_delete(f"{queue}.dead-letter")
        self.connection.close()
