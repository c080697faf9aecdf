"""The code store: every component code text, keyed by the SHA-256 of its exact UTF-8 bytes.

The store is append-only. Storing a text that is there already changes nothing; a text is never
updated, and deleted only by ``purge_unreferenced``, which removes exactly the texts nothing refers
to. Every read checks that the text still hashes to its key, so a store altered behind Sealflow's back
is reported instead of running code nobody reviewed.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Connection, delete, exists, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import QueryableAttribute, Session

from sealflow.errors import CodeIntegrityError, CodeNotFound, InvalidInput
from sealflow.model import hashing
from sealflow.store.database import Scope, translate_errors
from sealflow.store.mapping import code_blob_row
from sealflow.store.tables import CodeBlobRow, ExecutionCodeRow, TransformationRow


def references(hash_column: ColumnElement[str] | QueryableAttribute[str]) -> list[ColumnElement[bool]]:
    """Conditions under which a code hash is in use; a blob is purged only when none of them holds.

    This is the one place that knows what refers to code: every table that records code hashes
    (execution records, persisted objects) adds its condition here.
    """
    return [
        exists().where(TransformationRow.code_hash == hash_column),
        exists().where(ExecutionCodeRow.code_hash == hash_column),
    ]


def verified(code_hash: str, text: str) -> str:
    """``text`` if it hashes to ``code_hash``; otherwise ``CodeIntegrityError``."""
    actual = hashing.code_hash(text)
    if actual != code_hash:
        raise CodeIntegrityError(
            f"the code stored under {code_hash} hashes to {actual}: the code store was changed outside "
            "Sealflow; restore the code store from a backup",
            code_hash=code_hash,
        )
    return text


def store_code(session: Session | Connection, text: str, *, expected_hash: str | None = None) -> str:
    """Insert ``text`` unless it is stored already and return its hash; the stored text is verified."""
    if "\x00" in text:
        raise InvalidInput("the code contains a NUL character, which Python source cannot hold; remove it")
    key = hashing.code_hash(text)
    if expected_hash is not None and expected_hash != key:
        raise CodeIntegrityError(
            f"the code given for {expected_hash} hashes to {key}: it was changed after it was hashed; "
            "use the original text or its actual hash",
            code_hash=expected_hash,
        )
    bind = session if isinstance(session, Connection) else session.get_bind()
    dialect = postgresql if bind.dialect.name == "postgresql" else sqlite
    inserted = session.scalar(
        dialect.insert(CodeBlobRow)
        .values(**code_blob_row(key, text))
        .on_conflict_do_nothing(index_elements=["hash"])
        .returning(CodeBlobRow.hash)
    )
    if inserted is None:
        stored = session.scalar(select(CodeBlobRow.text).where(CodeBlobRow.hash == key))
        if stored != text:
            raise CodeIntegrityError(
                f"the code store holds a different text under {key} than the code that hashes to it: "
                "it was changed outside Sealflow; restore the code store from a backup",
                code_hash=key,
            )
    return key


class CodeRepository:
    """Put and get component code by hash; nothing is ever overwritten."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def put(self, text: str, *, expected_hash: str | None = None) -> str:
        """Store ``text`` if it is new and return its SHA-256; ``expected_hash``, if given, must match."""
        with translate_errors(), self._scope.writing() as session:
            return store_code(session, text, expected_hash=expected_hash)

    def get(self, code_hash: str) -> str:
        """The code text stored under ``code_hash``, checked against it."""
        _check_shape(code_hash)
        with translate_errors(), self._scope.reading() as session:
            text = session.scalar(select(CodeBlobRow.text).where(CodeBlobRow.hash == code_hash))
        if text is None:
            raise CodeNotFound(
                f"no code with hash {code_hash} in the code store; import the transformation that "
                "uses it, or restore the code store from a backup",
                code_hash=code_hash,
            )
        return verified(code_hash, text)

    def has(self, code_hash: str) -> bool:
        """Whether a text is stored under ``code_hash``."""
        with translate_errors(), self._scope.reading() as session:
            return session.scalar(select(exists().where(CodeBlobRow.hash == code_hash))) or False

    def hashes(self) -> set[str]:
        """The hashes of all stored texts."""
        with translate_errors(), self._scope.reading() as session:
            return set(session.scalars(select(CodeBlobRow.hash)))

    def unreferenced(self) -> list[str]:
        """The hashes ``purge_unreferenced`` would delete now, sorted."""
        with translate_errors(), self._scope.reading() as session:
            return sorted(session.scalars(select(CodeBlobRow.hash).where(_unreferenced())))

    def purge_unreferenced(self) -> list[str]:
        """Delete every text nothing refers to and return the deleted hashes, sorted."""
        statement = (
            delete(CodeBlobRow)
            .where(_unreferenced())
            .returning(CodeBlobRow.hash)
            .execution_options(synchronize_session=False)
        )
        with translate_errors(), self._scope.writing() as session:
            return sorted(session.scalars(statement))


def _unreferenced() -> ColumnElement[bool]:
    return ~or_(*references(CodeBlobRow.hash))


def _check_shape(code_hash: str) -> None:
    if not hashing.is_code_hash(code_hash):
        raise InvalidInput(f"{code_hash!r} is no code hash; a code hash has 64 lowercase hex digits")
