"""Fixtures of the use-case tests that need a message broker."""

from __future__ import annotations

from collections.abc import Iterator

import pika
import pytest

from ops.rabbit import AMQP_URL, Rabbit


@pytest.fixture
def rabbit() -> Iterator[Rabbit]:
    """A RabbitMQ client with queues of this test only."""
    try:
        client = Rabbit()
    except pika.exceptions.AMQPError as exc:
        pytest.fail(
            f"RabbitMQ at {AMQP_URL} is not reachable ({exc!r}); start it or set SEALFLOW_TEST_AMQP_URL"
        )
    yield client
    client.close()
