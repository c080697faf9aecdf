"""Use case: run execution requests taken from a message queue and publish each result.

A message holds the JSON of ``POST /api/transformations/execute`` (``id``) or ``execute-latest``
(``revision_group_id``). The reply is the JSON of the HTTP response, with the job id; it goes to the
message's ``reply_to`` or else the reply queue, as a message whose id is the job id and whose correlation
id is the request's message id. A message that is malformed or names nothing runnable, and a run that
fails, go to the dead-letter queue unchanged, with the reason in the header ``x-sealflow-reason`` (and an
error reply ``{"detail", "error"}`` where no run took place).

**Exactly one run per message.** Each message is claimed in the database under its message id (the AMQP
``message_id``, else the request's ``job_id``, else the SHA-256 of its body) together with the job id it
runs as, before it runs. The message is acknowledged only after the execution record is written, and the
acknowledgement takes effect together with the reply (a broker transaction). A message redelivered after
a crash is looked up: if its run left a record, the reply is rebuilt from the record and published again;
if the run was cut off before its record was written, it runs again under the same job id, so there is
never more than one record per message.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, ValidationError

from sealflow.adapters.broker import Broker, Delivery
from sealflow.errors import InvalidInput, SealflowError, StorageError
from sealflow.model.execution import ExecutionRecord
from sealflow.model.wiring import DIRECT_PROVISIONING, WorkflowWiring
from sealflow.ops.execution import execute_transformation
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import get_transformation, latest_released
from sealflow.store.consumed import ConsumedMessageRepository
from sealflow.store.executions import ExecutionRepository

logger = logging.getLogger(__name__)
REASON_HEADER = "x-sealflow-reason"
COMMIT_INTERVAL = 0.2


class QueuedRequest(BaseModel):
    """An execution request as a message: ``id`` runs a revision, ``revision_group_id`` the latest release."""

    model_config = ConfigDict(extra="forbid")

    id: UUID | None = None
    revision_group_id: UUID | None = None
    wiring: WorkflowWiring | None = None
    run_pure_plot_operators: bool = False
    job_id: UUID | None = None


@dataclass
class ConsumeCounts:
    """What a consumer did: messages replied to, dead-lettered, and redeliveries of finished ones."""

    replied: int = 0
    dead_lettered: int = 0
    repeated: int = 0


@dataclass(frozen=True)
class Queues:
    """Where a consumer reads from and writes to."""

    requests: str
    replies: str | None = None
    dead_letters: str | None = None

    @property
    def dead_letter_queue(self) -> str:
        """The dead-letter queue in force: the given one, else ``<requests>.dead-letter``."""
        return self.dead_letters or f"{self.requests}.dead-letter"


def consume(
    instance: Instance,
    broker: Broker,
    queues: Queues,
    *,
    max_messages: int | None = None,
    idle_timeout: float | None = None,
    stop: threading.Event | None = None,
    poll: float = 0.5,
) -> ConsumeCounts:
    """Handle messages until ``max_messages`` were handled, ``idle_timeout`` seconds passed without one,
    or ``stop`` is set.

    Replies and acknowledgements are committed to the broker together, as soon as no further message is
    waiting, or every ``COMMIT_INTERVAL`` seconds; an error leaves the uncommitted messages to be delivered
    again (their runs are not repeated).
    """
    for queue in filter(None, (queues.requests, queues.replies, queues.dead_letter_queue)):
        broker.declare(queue)
    counts = ConsumeCounts()
    handled, idle, pending_since = 0, 0.0, None
    while (max_messages is None or handled < max_messages) and not (stop is not None and stop.is_set()):
        delivery = broker.receive(queues.requests, 0.0 if pending_since is not None else poll)
        if delivery is None:
            if pending_since is not None:
                broker.commit()
                pending_since = None
                continue
            idle += poll
            if idle_timeout is not None and idle >= idle_timeout:
                break
            continue
        idle = 0.0
        handle(instance, broker, queues, delivery, counts)
        handled += 1
        pending_since = pending_since if pending_since is not None else time.monotonic()
        if time.monotonic() - pending_since >= COMMIT_INTERVAL:
            broker.commit()
            pending_since = None
    if pending_since is not None:
        broker.commit()
    return counts


def handle(
    instance: Instance, broker: Broker, queues: Queues, delivery: Delivery, counts: ConsumeCounts
) -> None:
    """Run one delivery (at most once), publish its reply or dead letter, then acknowledge it."""
    outbox = _Outbox(broker, queues, delivery)
    try:
        request = QueuedRequest.model_validate_json(delivery.body)
        if (request.id is None) == (request.revision_group_id is None):
            raise InvalidInput("give either id (execute) or revision_group_id (execute-latest)")
        if request.revision_group_id is not None and request.wiring is None:
            raise InvalidInput("execute-latest needs a wiring")
    except (ValidationError, InvalidInput) as exc:
        reason = _first_line(exc) if isinstance(exc, ValidationError) else exc.message
        outbox.dead_letter(f"malformed request: {reason}", _error_body(exc, "InvalidInput"), None)
        counts.dead_lettered += 1
        broker.ack(delivery)
        return
    message_id = delivery.message_id or (str(request.job_id) if request.job_id else _body_id(delivery.body))
    messages = ConsumedMessageRepository(instance.database)
    claimed, new = messages.claim(queues.requests, message_id, request.job_id or uuid4())
    record = None if new else ExecutionRepository(instance.database).find(claimed.job_id)
    if record is not None:
        logger.info("message %s ran as %s before: its answer is sent again", message_id, claimed.job_id)
        outcome = _outcome_of(_reply_from_record(record), claimed.job_id)
        if claimed.status == "running":
            messages.finish(claimed.key, status=outcome.status, reason=outcome.reason)
        counts.repeated += 1
    elif not new and claimed.status == "dead":
        logger.info("message %s was refused before: its answer is sent again", message_id)
        outcome = _Outcome("dead", claimed.reply or {}, claimed.reason, ran=False)
        counts.repeated += 1
    else:
        outcome = _run(instance, request, claimed.job_id)
        logger.info("message %s ran as %s: %s", message_id, claimed.job_id, outcome.status)
        # a run's reply is rebuilt from its execution record if needed; only refusals keep theirs here
        kept = None if outcome.ran else outcome.reply
        messages.finish(claimed.key, status=outcome.status, reply=kept, reason=outcome.reason)
        if outcome.status == "done":
            counts.replied += 1
        else:
            counts.dead_lettered += 1
    if outcome.status == "dead":
        outbox.dead_letter(
            outcome.reason or "failed", outcome.reply, str(claimed.job_id) if outcome.ran else None
        )
    else:
        outbox.reply(outcome.reply, str(claimed.job_id))
    broker.ack(delivery)


@dataclass(frozen=True)
class _Outcome:
    status: str
    reply: dict[str, Any]
    reason: str | None
    ran: bool = True


def _run(instance: Instance, request: QueuedRequest, job_id: UUID) -> _Outcome:
    """Run the request as ``job_id``; errors that prevent a run become a dead-letter outcome."""
    try:
        if request.id is not None:
            tr = get_transformation(instance, request.id)
            wiring = request.wiring if request.wiring is not None else tr.test_wiring
        else:
            assert request.revision_group_id is not None
            assert request.wiring is not None
            tr = latest_released(instance, request.revision_group_id)
            wiring = request.wiring
        result = execute_transformation(
            instance, tr, wiring, run_pure_plot_operators=request.run_pure_plot_operators, job_id=str(job_id)
        )
    except StorageError:
        raise  # the run's record could not be written: leave the message to be delivered again
    except SealflowError as exc:
        reason = f"{type(exc).__name__}: {exc.message}"
        return _Outcome("dead", _error_body(exc, type(exc).__name__), reason, ran=False)
    return _outcome_of(result.model_dump(mode="json", exclude_none=True), job_id)


def _outcome_of(reply: dict[str, Any], job_id: UUID) -> _Outcome:
    """A run's outcome by its reply: done if it succeeded, dead with the error message if it failed."""
    if reply.get("result") == "ok":
        return _Outcome("done", reply, None)
    message = (reply.get("error") or {}).get("message") or "the run failed"
    return _Outcome("dead", reply, f"the run {job_id} failed: {message}")


class _Outbox:
    """Publishes the reply and the dead letter of one delivery."""

    def __init__(self, broker: Broker, queues: Queues, delivery: Delivery) -> None:
        self.broker, self.queues, self.delivery = broker, queues, delivery

    def reply(self, body: dict[str, Any] | None, job_id: str | None) -> None:
        """Publish ``body`` to the message's ``reply_to``, else the reply queue (if there is either)."""
        target = self.delivery.reply_to or self.queues.replies
        if target is None or body is None:
            return
        payload = json.dumps(body, allow_nan=False).encode()
        self.broker.publish(target, payload, message_id=job_id, correlation_id=self.delivery.message_id)

    def dead_letter(self, reason: str, body: dict[str, Any] | None, job_id: str | None) -> None:
        """Put the message on the dead-letter queue with ``reason``, and reply ``body``."""
        logger.warning("message %s dead-lettered: %s", self.delivery.message_id or "(no id)", reason)
        headers = {**self.delivery.headers, REASON_HEADER: reason, "x-sealflow-queue": self.delivery.queue}
        if job_id is not None:
            headers["x-sealflow-job-id"] = job_id
        self.broker.publish(
            self.queues.dead_letter_queue,
            self.delivery.body,
            message_id=self.delivery.message_id,
            headers=headers,
        )
        self.reply(body, job_id)


def _reply_from_record(record: ExecutionRecord) -> dict[str, Any]:
    """The reply of a run whose record was written but whose reply was not: rebuilt from the record."""
    outputs = {
        value.name: value.value
        for value in record.outputs
        if value.via == DIRECT_PROVISIONING and value.inline
    }
    reply: dict[str, Any] = {
        "result": record.status.value,
        "output_results_by_output_name": outputs if record.status.value == "ok" else {},
        "output_types_by_output_name": {value.name: value.data_type.value for value in record.outputs},
        "job_id": str(record.id),
        "measured_steps": {
            name: step.model_dump(mode="json") for name, step in record.measured_steps.items()
        },
    }
    if record.error is not None:
        reply["error"] = record.error
    if record.traceback is not None:
        reply["traceback"] = record.traceback
    return reply


def _error_body(exc: Exception, name: str) -> dict[str, Any]:
    detail = exc.message if isinstance(exc, SealflowError) else _first_line(exc)
    return {"detail": detail, "error": name}


def _body_id(body: bytes) -> str:
    return "sha256:" + hashlib.sha256(body).hexdigest()


def _first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return " ".join(lines[:3]) if lines else type(exc).__name__
