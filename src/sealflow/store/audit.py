"""The audit log (append-only) and the counts of execution records per code hash it reports with."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from uuid import UUID

from sqlalchemy import func, select

from sealflow.errors import InvalidInput
from sealflow.model.audit import AuditEntry
from sealflow.store.database import Scope, translate_errors
from sealflow.store.tables import AuditRow, ExecutionCodeRow, ExecutionRow


class AuditRepository:
    """Audit log entries, newest first."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def add(self, entry: AuditEntry) -> None:
        """Append an entry; an entry with a stored id is left as it is."""
        values = entry.model_dump(mode="json")
        values["id"], values["at"] = entry.id, entry.at
        with translate_errors(), self._scope.writing() as session:
            if session.get(AuditRow, entry.id) is None:
                session.add(AuditRow(**values))
                session.flush()

    def list(self, *, limit: int = 50, offset: int = 0) -> builtins.list[AuditEntry]:
        """Entries newest first (by time, then id)."""
        if limit < 0 or offset < 0:
            raise InvalidInput(f"limit ({limit}) and offset ({offset}) cannot be negative")
        query = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit).offset(offset)
        with translate_errors(), self._scope.reading() as session:
            return [_entry(row) for row in session.scalars(query)]

    def count(self) -> int:
        """The number of entries."""
        with translate_errors(), self._scope.reading() as session:
            return int(session.scalar(select(func.count()).select_from(AuditRow)) or 0)


def execution_counts(
    scope: Scope, code_hashes: Iterable[str], transformation_ids: Iterable[UUID]
) -> tuple[dict[str, int], dict[UUID, int]]:
    """How many execution records ran each code hash, and how many ran each transformation id."""
    hashes, ids = sorted(set(code_hashes)), sorted(set(transformation_ids))
    with translate_errors(), scope.reading() as session:
        by_hash = session.execute(
            select(ExecutionCodeRow.code_hash, func.count())
            .where(ExecutionCodeRow.code_hash.in_(hashes))
            .group_by(ExecutionCodeRow.code_hash)
        )
        by_id = session.execute(
            select(ExecutionRow.transformation_id, func.count())
            .where(ExecutionRow.transformation_id.in_(ids))
            .group_by(ExecutionRow.transformation_id)
        )
        return {key: int(n) for key, n in by_hash}, {key: int(n) for key, n in by_id}


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        summary=row.summary,
        targets=row.targets,
        old_code_hashes=row.old_code_hashes,
        new_code_hashes=row.new_code_hashes,
        snapshot=row.snapshot,
    )
