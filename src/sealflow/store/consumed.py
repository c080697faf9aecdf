"""Messages queue consumers have taken: which run each became and how it ended, so none runs twice.

A message is claimed before it runs: the first claim of a key stores the job id the run will use; a later
claim of the same key (a redelivery after a crash) gets the stored row back instead. Once the run's
execution record is written the row is finished: ``done``, or ``dead`` with the reason. A message refused
without a run keeps its answer (``reply``); a run's answer is rebuilt from its execution record.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import insert, select, update

from sealflow.errors import Conflict
from sealflow.store.column_types import utc_now
from sealflow.store.database import Scope, translate_errors
from sealflow.store.tables import Base, ConsumedMessageRow

#: The table itself, for plain (Core) statements: a message costs two of them.
_TABLE = Base.metadata.tables[ConsumedMessageRow.__tablename__]


@dataclass(frozen=True)
class ConsumedMessage:
    """A taken message: its run and, once ended, the reply or the reason it was dead-lettered."""

    key: str
    queue: str
    message_id: str
    job_id: UUID
    status: str
    reply: dict[str, Any] | None
    reason: str | None
    received_at: datetime
    finished_at: datetime | None


def message_key(queue: str, message_id: str) -> str:
    """The key of a message: the SHA-256 of its queue and message id."""
    return hashlib.sha256(f"{queue}\x00{message_id}".encode()).hexdigest()


class ConsumedMessageRepository:
    """Claims and outcomes of consumed messages."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def claim(self, queue: str, message_id: str, job_id: UUID) -> tuple[ConsumedMessage, bool]:
        """The row of this message and whether this call created it (with ``job_id``, status running)."""
        key = message_key(queue, message_id)
        claimed = ConsumedMessage(key, queue, message_id, job_id, "running", None, None, utc_now(), None)
        try:
            with translate_errors(), self._scope.writing() as session:
                session.connection().execute(
                    insert(_TABLE),
                    [
                        {
                            "key": key,
                            "queue": queue,
                            "message_id": message_id,
                            "job_id": job_id,
                            "status": "running",
                            "received_at": claimed.received_at,
                        }
                    ],
                )
        except Conflict:
            found = self.find(key)
            assert found is not None
            return found, False
        return claimed, True

    def finish(
        self, key: str, *, status: str, reply: dict[str, Any] | None = None, reason: str | None = None
    ) -> None:
        """Record how the message ended: ``done``, or ``dead`` with the reason (and the answer of a refusal)."""
        with translate_errors(), self._scope.writing() as session:
            session.connection().execute(
                update(_TABLE)
                .where(_TABLE.c.key == key)
                .values(status=status, reply=reply, reason=reason, finished_at=utc_now())
            )

    def find(self, key: str) -> ConsumedMessage | None:
        """The row with this key, or ``None``."""
        with translate_errors(), self._scope.reading() as session:
            row = session.scalar(select(ConsumedMessageRow).where(ConsumedMessageRow.key == key))
            return None if row is None else _message(row)


def _message(row: ConsumedMessageRow) -> ConsumedMessage:
    return ConsumedMessage(
        key=row.key,
        queue=row.queue,
        message_id=row.message_id,
        job_id=row.job_id,
        status=row.status,
        reply=row.reply,
        reason=row.reason,
        received_at=row.received_at,
        finished_at=row.finished_at,
    )
