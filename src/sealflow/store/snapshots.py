"""Content-addressed documents that runs depend on: revision snapshots and environment fingerprints.

Both are append-only and keyed by the SHA-256 of their canonical JSON, so storing the same document
twice stores it once, and a key always names exactly one document. A run's execution record lists the
snapshots of the revisions it used and the id of the environment it ran in; replay reads them back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sealflow.errors import NotFound, StorageError
from sealflow.model.hashing import document_hash
from sealflow.store.database import Scope, translate_errors
from sealflow.store.tables import FingerprintRow, SnapshotRow


def _insert_absent(
    session: Session, row: type[SnapshotRow] | type[FingerprintRow], values: dict[str, Any]
) -> None:
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    key = "hash" if row is SnapshotRow else "id"
    session.execute(dialect.insert(row).values(**values).on_conflict_do_nothing(index_elements=[key]))


class SnapshotRepository:
    """Revision snapshots and environment fingerprints, stored once each."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def put_revision(self, document: dict[str, Any]) -> str:
        """Store a revision's exchange-format JSON unless stored already; return its hash."""
        key = document_hash(document)
        with translate_errors(), self._scope.writing() as session:
            _insert_absent(session, SnapshotRow, {"hash": key, "data": document})
        return key

    def get_revision(self, key: str) -> dict[str, Any]:
        """The revision JSON stored under ``key``; ``NotFound`` if there is none."""
        with translate_errors(), self._scope.reading() as session:
            data = session.scalar(select(SnapshotRow.data).where(SnapshotRow.hash == key))
        if data is None:
            raise NotFound(f"no revision snapshot {key}; the record refers to a snapshot this instance lacks")
        if document_hash(data) != key:
            raise StorageError(
                f"revision snapshot {key} does not hash to its key: it was changed outside Sealflow"
            )
        return dict(data)

    def put_fingerprint(self, fingerprint_id: str, document: dict[str, Any]) -> None:
        """Store an environment fingerprint under its id unless stored already."""
        with translate_errors(), self._scope.writing() as session:
            _insert_absent(session, FingerprintRow, {"id": fingerprint_id, "data": document})

    def revisions(self) -> dict[str, dict[str, Any]]:
        """Every stored revision snapshot by its hash."""
        with translate_errors(), self._scope.reading() as session:
            return {
                key: dict(data) for key, data in session.execute(select(SnapshotRow.hash, SnapshotRow.data))
            }

    def fingerprints(self) -> dict[str, dict[str, Any]]:
        """Every stored environment fingerprint by its id."""
        with translate_errors(), self._scope.reading() as session:
            return {
                key: dict(data)
                for key, data in session.execute(select(FingerprintRow.id, FingerprintRow.data))
            }

    def get_fingerprint(self, fingerprint_id: str) -> dict[str, Any] | None:
        """The fingerprint document with this id, if stored."""
        with translate_errors(), self._scope.reading() as session:
            data = session.scalar(select(FingerprintRow.data).where(FingerprintRow.id == fingerprint_id))
        return dict(data) if data is not None else None
