"""Stored transformation revisions: read, filter, write, and follow their nestings.

Lifecycle rules are not checked here; ``sealflow.model.lifecycle`` and the use cases above decide what
may change. This repository keeps the storage invariants: a component's code is put into the code
store and the row points at it (a changed text gets a new blob, the old one stays), a workflow's
operator uses are rewritten on every save, and clashes with stored revisions become ``Conflict``
errors that say what to do.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any
from uuid import UUID

from sqlalchemy import Select, bindparam, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sealflow.errors import Conflict, TransformationNotFound
from sealflow.model.datatypes import State, TransformationType
from sealflow.model.transformation import TransformationRevision
from sealflow.store import nestings
from sealflow.store.code import store_code, verified
from sealflow.store.database import Scope, as_uuid, first_line, translate_errors
from sealflow.store.mapping import label, to_revision, to_row
from sealflow.store.statements import Columns
from sealflow.store.tables import CodeBlobRow, TransformationRow

_TAG_CONSTRAINT = "uq_transformation_revisions_revision_group_id_version_tag"
_TAG_COLUMNS = "transformation_revisions.revision_group_id, transformation_revisions.version_tag"


class TransformationRepository:
    """Transformation revisions in the database, as ``TransformationRevision`` objects."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def get(self, id: UUID | str) -> TransformationRevision:
        """The revision with this id; ``TransformationNotFound`` if there is none."""
        found = self.find(id)
        if found is None:
            raise _not_found(id)
        return found

    def find(self, id: UUID | str) -> TransformationRevision | None:
        """The revision with this id, or ``None``."""
        key = as_uuid(id, "transformation id")
        with translate_errors(), self._scope.statements(write=False) as statements:
            row = statements.first(_by_id(), {"key": key})
        return None if row is None else _revision(row, row.text)

    def find_for_update(self, id: UUID | str) -> TransformationRevision | None:
        """The revision with this id, or ``None``; its row stays locked until the transaction ends.

        Call it first in a unit of work that changes the revision: concurrent changes of one revision
        then wait for each other at the start instead of locking rows in different orders (on SQLite,
        a writing transaction locks the whole database anyway).
        """
        key = as_uuid(id, "transformation id")
        with translate_errors(), self._scope.statements(write=True) as statements:
            row = statements.first(_by_id_for_update(), {"key": key})
        return None if row is None else _revision(row, row.text)

    def list(
        self,
        *,
        type: TransformationType | str | None = None,
        state: State | str | None = None,
        categories: Iterable[str] | None = None,
        category_prefix: str | None = None,
        revision_group_id: UUID | str | None = None,
        ids: Iterable[UUID | str] | None = None,
        names: Iterable[str] | None = None,
        include_deprecated: bool = True,
    ) -> builtins.list[TransformationRevision]:
        """Revisions matching all given filters (any value of a repeated one), by name, tag and id.

        ``None`` leaves a filter out, while an empty list matches nothing. ``category_prefix`` matches
        case-sensitively; ``include_deprecated=False`` leaves out DISABLED revisions.
        """
        query = _query()
        if type is not None:
            query = query.where(TransformationRow.type == TransformationType(type).value)
        if state is not None:
            query = query.where(TransformationRow.state == State(state).value)
        if categories is not None:
            query = query.where(TransformationRow.category.in_(builtins.list(categories)))
        if category_prefix is not None:
            query = query.where(
                func.substr(TransformationRow.category, 1, len(category_prefix)) == category_prefix
            )
        if revision_group_id is not None:
            query = query.where(
                TransformationRow.revision_group_id == as_uuid(revision_group_id, "revision group id")
            )
        if ids is not None:
            query = query.where(
                TransformationRow.id.in_([as_uuid(value, "transformation id") for value in ids])
            )
        if names is not None:
            query = query.where(TransformationRow.name.in_(builtins.list(names)))
        if not include_deprecated:
            query = query.where(TransformationRow.state != State.DISABLED.value)
        with translate_errors(), self._scope.reading() as session:
            found = _load(session, query)
        return sorted(found, key=lambda tr: (tr.name, tr.version_tag, tr.id))

    def insert(self, tr: TransformationRevision) -> None:
        """Store a new revision; ``Conflict`` if its id or its group and tag are taken."""
        with self._writing(tr) as session:
            _insert(session, tr)

    def update(self, tr: TransformationRevision) -> None:
        """Replace the stored revision with the same id by ``tr``; changed code gets a new blob."""
        with self._writing(tr) as session:
            row = session.get(TransformationRow, tr.id)
            if row is None:
                raise _not_found(tr.id)
            _update(session, row, tr)

    def upsert(self, tr: TransformationRevision) -> bool:
        """Insert ``tr`` or replace the stored revision with its id; true if it was inserted."""
        with self._writing(tr) as session:
            row = session.get(TransformationRow, tr.id)
            if row is None:
                _insert(session, tr)
                return True
            _update(session, row, tr)
            return False

    def delete(self, id: UUID | str) -> None:
        """Delete a revision that no workflow uses; its code stays in the code store."""
        key = as_uuid(id, "transformation id")
        with translate_errors(), self._scope.writing() as session:
            row = session.get(TransformationRow, key)
            if row is None:
                raise _not_found(key)
            users = nestings.closure(session, key, uses=False, transitive=False)
            if users:
                user_rows = session.scalars(select(TransformationRow).where(TransformationRow.id.in_(users)))
                listed = ", ".join(sorted(label(user) for user in user_rows))
                raise Conflict(
                    f"cannot delete {label(row)}: it is an operator in {listed}; "
                    "remove it from these workflows or delete them first",
                    transformation_id=str(key),
                )
            nestings.remove(session, key)
            deleted = session.scalar(
                delete(TransformationRow).where(TransformationRow.id == key).returning(TransformationRow.id)
            )
            if deleted is None:
                raise _not_found(key)

    def latest_released(self, revision_group_id: UUID | str) -> TransformationRevision | None:
        """The RELEASED revision of a group with the newest release time (the greatest id on a tie)."""
        query = (
            _query()
            .where(
                TransformationRow.revision_group_id == as_uuid(revision_group_id, "revision group id"),
                TransformationRow.state == State.RELEASED.value,
            )
            .order_by(TransformationRow.released_timestamp.desc(), TransformationRow.id.desc())
            .limit(1)
        )
        with translate_errors(), self._scope.reading() as session:
            found = _load(session, query)
        return found[0] if found else None

    def dependencies(
        self, id: UUID | str, *, transitive: bool = True
    ) -> builtins.list[TransformationRevision]:
        """The revisions a workflow runs as operators (at any depth if ``transitive``), each once.

        Each revision comes after those it uses; a component has none.
        """
        return self._related(id, uses=True, transitive=transitive)

    def dependents(self, id: UUID | str, *, transitive: bool = True) -> builtins.list[TransformationRevision]:
        """The workflows that run this revision as an operator (at any depth if ``transitive``), each once.

        Each workflow comes after those it uses.
        """
        return self._related(id, uses=False, transitive=transitive)

    def code_hashes_in_use(self) -> set[str]:
        """The code hashes that stored revisions point at."""
        query = select(TransformationRow.code_hash).where(TransformationRow.code_hash.is_not(None))
        with translate_errors(), self._scope.reading() as session:
            return {value for value in session.scalars(query.distinct()) if value is not None}

    def _related(
        self, id: UUID | str, *, uses: bool, transitive: bool
    ) -> builtins.list[TransformationRevision]:
        key = as_uuid(id, "transformation id")
        with translate_errors(), self._scope.reading() as session:
            if session.get(TransformationRow, key) is None:
                raise _not_found(key)
            related = nestings.closure(session, key, uses=uses, transitive=transitive)
            revisions = {
                tr.id: tr for tr in _load(session, _query().where(TransformationRow.id.in_(related)))
            }
            order = nestings.in_dependency_order(revisions, nestings.edges(session, related))
        return [revisions[member] for member in order]

    @contextmanager
    def _writing(self, tr: TransformationRevision) -> Iterator[Session]:
        try:
            with translate_errors(), self._scope.writing() as session:
                yield session
        except Conflict as exc:
            if isinstance(exc.__cause__, IntegrityError):
                raise _integrity_conflict(tr, exc.__cause__) from exc.__cause__
            raise


def _query() -> Select[TransformationRow, str]:
    return select(TransformationRow, CodeBlobRow.text).outerjoin(
        CodeBlobRow, TransformationRow.code_hash == CodeBlobRow.hash
    )


@cache
def _by_id() -> Select[Any]:
    """Columns of one revision by its id (bound as ``key``) and its code, as a Core query built once:
    every execution reads its revision this way."""
    table = TransformationRow.__table__
    return (
        select(table, CodeBlobRow.text)
        .outerjoin(CodeBlobRow, table.c.code_hash == CodeBlobRow.hash)
        .where(table.c.id == bindparam("key"))
    )


@cache
def _by_id_for_update() -> Select[Any]:
    """``_by_id`` locking the revision's row, built once."""
    return _by_id().with_for_update(of=TransformationRow.__table__)


def _load(session: Session, query: Select[TransformationRow, str]) -> builtins.list[TransformationRevision]:
    return [_revision(row, code) for row, code in session.execute(query)]


def _revision(row: TransformationRow | Columns, code: str | None) -> TransformationRevision:
    if row.code_hash is not None and code is not None:
        verified(row.code_hash, code)
    return to_revision(row, code)


def _insert(session: Session, tr: TransformationRevision) -> None:
    if session.get(TransformationRow, tr.id) is not None:
        raise _id_taken(tr)
    _check_tag_free(session, tr)
    nestings.check_operators(session, tr)
    code_hash = None if tr.is_workflow else store_code(session, tr.code())
    session.add(to_row(tr, code_hash))
    session.flush()
    nestings.rewrite(session, tr)


def _update(session: Session, row: TransformationRow, tr: TransformationRevision) -> None:
    _check_tag_free(session, tr)
    nestings.check_operators(session, tr)
    code_hash = None if tr.is_workflow else store_code(session, tr.code())
    to_row(tr, code_hash, row)
    session.flush()
    nestings.rewrite(session, tr)


def _check_tag_free(session: Session, tr: TransformationRevision) -> None:
    other = session.scalar(
        select(TransformationRow.id).where(
            TransformationRow.revision_group_id == tr.revision_group_id,
            TransformationRow.version_tag == tr.version_tag,
            TransformationRow.id != tr.id,
        )
    )
    if other is not None:
        raise _tag_taken(tr, other)


def _tag_taken(tr: TransformationRevision, other: UUID | None) -> Conflict:
    holder = f" (revision {other})" if other is not None else ""
    return Conflict(
        f"cannot store {tr.label}: revision group {tr.revision_group_id} already has a revision "
        f"tagged {tr.version_tag!r}{holder}; choose another version tag",
        transformation_id=str(tr.id),
        revision_group_id=str(tr.revision_group_id),
        version_tag=tr.version_tag,
    )


def _id_taken(tr: TransformationRevision) -> Conflict:
    return Conflict(
        f"cannot store {tr.label}: a revision with id {tr.id} is stored already; "
        "update it, or give the new revision another id",
        transformation_id=str(tr.id),
    )


def _integrity_conflict(tr: TransformationRevision, exc: IntegrityError) -> Conflict:
    message = str(exc.orig)
    if _TAG_CONSTRAINT in message or _TAG_COLUMNS in message:
        return _tag_taken(tr, None)
    if "pk_transformation_revisions" in message or "transformation_revisions.id" in message:
        return _id_taken(tr)
    return Conflict(
        f"cannot store {tr.label}: it clashes with what is stored ({first_line(exc)}); reload and try again",
        transformation_id=str(tr.id),
    )


def _not_found(id: UUID | str) -> TransformationNotFound:
    return TransformationNotFound(
        f"no transformation revision with id {id}; list the stored revisions to find the right id",
        transformation_id=str(id),
    )
