"""Probes of the storage an instance needs: is the database reachable and current, is the object store
writable. They change nothing that stays: the object store probe writes a hidden file or key and deletes it.
"""

from __future__ import annotations

from uuid import uuid4

from sqlalchemy.exc import SQLAlchemyError

from sealflow.errors import StorageError
from sealflow.store.database import Database, first_line
from sealflow.store.migrations import current_revision, head_revision
from sealflow.store.objects.local import LocalObjectStore
from sealflow.store.objects.protocol import ObjectStore
from sealflow.store.objects.s3 import S3ObjectStore

PROBE_PREFIX = ".sealflow-probe-"


def schema_revisions(database: Database) -> tuple[str | None, str]:
    """The schema revision the database is at (``None``: no Sealflow schema) and the newest one known;
    ``StorageError`` if the database cannot be reached."""
    try:
        with database.engine.connect() as connection:
            return current_revision(connection), head_revision()
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot reach the database: {first_line(exc)}") from exc


def probe_object_store(store: ObjectStore) -> None:
    """Write and delete a probe in the store; ``StorageError`` saying what failed if it cannot."""
    probe = f"{PROBE_PREFIX}{uuid4().hex}"
    if isinstance(store, LocalObjectStore):
        path = store.root / probe
        try:
            store.root.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"probe")
            path.unlink()
        except OSError as exc:
            raise StorageError(f"cannot write to {store.location}: {exc.strerror or exc}") from exc
        return
    if isinstance(store, S3ObjectStore):
        key = f"{store.prefix}/{probe}" if store.prefix else probe
        try:
            store.client.put_object(Bucket=store.bucket, Key=key, Body=b"probe")
            store.client.delete_object(Bucket=store.bucket, Key=key)
        except Exception as exc:  # boto3 raises ClientError, BotoCoreError and endpoint errors alike
            raise StorageError(f"cannot write to {store.location}: {exc}") from exc
        return
    raise StorageError(f"cannot probe an object store of type {type(store).__name__}")
