"""Stored execution records: write one per run, read them back by id or newest first.

A record is written once and never changed. Its code hashes are rows that refer to the code store, so
the code a run ran cannot be purged while its record exists; a record can only be written when every
code it names is in the code store (``insert`` stores texts it is handed along).
"""

from __future__ import annotations

import builtins
from collections import defaultdict
from collections.abc import Mapping, Set
from functools import cache
from uuid import UUID

from sqlalchemy import Insert, Select, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sealflow.errors import CodeNotFound, Conflict, ExecutionNotFound, InvalidInput
from sealflow.model.execution import ExecutionRecord, ExecutionStatus
from sealflow.store.code import store_code
from sealflow.store.database import Scope, as_uuid, translate_errors
from sealflow.store.mapping import execution_values, to_execution
from sealflow.store.tables import CodeBlobRow, ExecutionCodeRow, ExecutionRow


class ExecutionRepository:
    """Execution records in the database, as ``ExecutionRecord`` objects."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def insert(
        self,
        record: ExecutionRecord,
        code: Mapping[str, str] | None = None,
        *,
        known_stored: Set[str] = frozenset(),
    ) -> None:
        """Store a new record; ``code`` holds texts by hash for code the store may lack.

        Hashes in ``known_stored`` are taken to be in the code store without looking; should one be
        missing after all, the foreign key refuses the record. ``Conflict`` if a record with its id
        exists, ``CodeNotFound`` if it names code that is neither stored nor handed in.

        Missing code is stored before the record (outside a unit of work, in a transaction of its own):
        should the record be refused, the texts stay in the append-only code store, unreferenced, until
        a purge of unreferenced code removes them.
        """
        row, code_rows = execution_values(record)
        with translate_errors():
            _store_missing_code(self._scope, record, code or {}, known_stored)
            with self._scope.statements(write=True) as statements:
                try:
                    statements.execute(_insert_statement(ExecutionRow), row)
                except IntegrityError as exc:
                    raise _id_taken(record.id) from exc
                if code_rows:
                    statements.execute(_insert_statement(ExecutionCodeRow), code_rows)

    def get(self, id: UUID | str) -> ExecutionRecord:
        """The record with this id; ``ExecutionNotFound`` if there is none."""
        found = self.find(id)
        if found is None:
            raise ExecutionNotFound(
                f"no execution record with id {id}; see 'sealflow executions list' for the recorded runs",
                execution_id=str(id),
            )
        return found

    def find(self, id: UUID | str) -> ExecutionRecord | None:
        """The record with this id, or ``None``."""
        key = as_uuid(id, "execution id")
        with translate_errors(), self._scope.reading() as session:
            found = _load(session, select(ExecutionRow).where(ExecutionRow.id == key))
        return found[0] if found else None

    def exists(self, id: UUID | str) -> bool:
        """Whether a record with this id is stored."""
        key = as_uuid(id, "execution id")
        with translate_errors(), self._scope.reading() as session:
            return session.scalar(select(ExecutionRow.id).where(ExecutionRow.id == key)) is not None

    def list(
        self,
        *,
        transformation_id: UUID | str | None = None,
        status: ExecutionStatus | str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> builtins.list[ExecutionRecord]:
        """Records matching every given filter, newest first (by start time, then id)."""
        if limit < 0 or offset < 0:
            raise InvalidInput(f"limit ({limit}) and offset ({offset}) cannot be negative")
        query = select(ExecutionRow)
        if transformation_id is not None:
            query = query.where(
                ExecutionRow.transformation_id == as_uuid(transformation_id, "transformation id")
            )
        if status is not None:
            query = query.where(ExecutionRow.status == _status(status).value)
        query = (
            query.order_by(ExecutionRow.started_at.desc(), ExecutionRow.id.desc()).limit(limit).offset(offset)
        )
        with translate_errors(), self._scope.reading() as session:
            return _load(session, query)


def _load(session: Session, query: Select[ExecutionRow]) -> builtins.list[ExecutionRecord]:
    rows = builtins.list(session.scalars(query))
    hashes: dict[UUID, builtins.list[str]] = defaultdict(builtins.list)
    if rows:
        pairs = session.execute(
            select(ExecutionCodeRow.execution_id, ExecutionCodeRow.code_hash).where(
                ExecutionCodeRow.execution_id.in_([row.id for row in rows])
            )
        )
        for execution_id, code_hash in pairs:
            hashes[execution_id].append(code_hash)
    return [to_execution(row, hashes[row.id]) for row in rows]


@cache
def _insert_statement(row_type: type[ExecutionRow] | type[ExecutionCodeRow]) -> Insert:
    """A plain insert into the row type's table, built once: every run writes one record."""
    return insert(row_type.__table__)  # type: ignore[arg-type]


def _store_missing_code(
    scope: Scope, record: ExecutionRecord, code: Mapping[str, str], known_stored: Set[str]
) -> None:
    wanted = set(record.code_hashes) - known_stored
    if not wanted:
        return
    with scope.writing() as session:
        present = set(session.scalars(select(CodeBlobRow.hash).where(CodeBlobRow.hash.in_(wanted))))
        for key in sorted(wanted - present):
            if key not in code:
                raise CodeNotFound(
                    f"execution {record.id} of {record.label} ran code {key}, which is not in the code "
                    "store; store the code before its record",
                    code_hash=key,
                    execution_id=str(record.id),
                )
            store_code(session, code[key], expected_hash=key)


def _id_taken(id: UUID) -> Conflict:
    return Conflict(
        f"an execution record with id {id} exists already; give every run its own job id",
        execution_id=str(id),
    )


def _status(value: ExecutionStatus | str) -> ExecutionStatus:
    try:
        return ExecutionStatus(value)
    except ValueError as exc:
        raise InvalidInput(
            f"{value!r} is no execution status; use one of {', '.join(ExecutionStatus)}"
        ) from exc
