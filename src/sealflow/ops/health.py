"""Health of an instance: readiness for the service (``/readyz``) and the deployment check
(``sealflow doctor``). Each check says what it found and, when something is wrong, what to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from sealflow.config import Settings
from sealflow.errors import SealflowError
from sealflow.ops.instance import Instance
from sealflow.repro.fingerprint import current_fingerprint_id
from sealflow.store.database import Database
from sealflow.store.executions import ExecutionRepository
from sealflow.store.objects.locations import open_object_store
from sealflow.store.objects.protocol import ObjectStore
from sealflow.store.objects.signing import KEY_FILE, signing_key
from sealflow.store.probes import probe_object_store, schema_revisions


@dataclass(frozen=True)
class Check:
    """The outcome of one check: what was checked, whether it passed, what was found, what to do."""

    name: str
    ok: bool
    detail: str
    fix: str = ""

    def to_json(self) -> dict[str, object]:
        """The check as JSON (``fix`` only if it failed)."""
        body: dict[str, object] = {"name": self.name, "ok": self.ok, "detail": self.detail}
        if not self.ok:
            body["fix"] = self.fix
        return body


def database_check(database: Database) -> Check:
    """The database answers, and its schema is the newest this version knows."""
    where = database.url.render_as_string(hide_password=True)
    try:
        current, head = schema_revisions(database)
    except SealflowError as exc:
        return Check("database", False, f"{where}: {exc}", "start the database or fix SEALFLOW_DB_URL")
    if current != head:
        return Check(
            "migrations",
            False,
            f"{where} is at schema {current or 'none'}, this version needs {head}",
            "take a backup ('sealflow backup'), then run any sealflow command against it once: it migrates",
        )
    return Check("database", True, f"{where} answers, schema {head} is current")


def objects_check(store: ObjectStore) -> Check:
    """The object store takes a write."""
    try:
        probe_object_store(store)
    except SealflowError as exc:
        return Check(
            "object store",
            False,
            str(exc),
            "create the directory or bucket, grant write access, or fix SEALFLOW_OBJECTS_URL",
        )
    return Check("object store", True, f"{store.location} is writable")


def readiness(instance: Instance) -> list[Check]:
    """What the service needs to serve: database current, object store writable."""
    return [database_check(instance.database), objects_check(instance.objects.store)]


def signing_key_check(settings: Settings) -> Check:
    """The signing key of sealed objects can be read and is long enough (its value is never shown)."""
    generated = settings.home / KEY_FILE
    if settings.signing_key is None and settings.signing_key_file is None and not generated.exists():
        return Check(
            "signing key",
            False,
            f"no signing key is configured; one would be generated into {generated} on first use",
            "set SEALFLOW_SIGNING_KEY_FILE (or SEALFLOW_SIGNING_KEY) so every process of the deployment "
            "signs and verifies with the same key",
        )
    source = (
        "SEALFLOW_SIGNING_KEY"
        if settings.signing_key is not None
        else str(settings.signing_key_file or generated)
    )
    try:
        signing_key(settings)
    except SealflowError as exc:
        return Check("signing key", False, str(exc), "set SEALFLOW_SIGNING_KEY or SEALFLOW_SIGNING_KEY_FILE")
    return Check("signing key", True, f"read from {source}")


def fingerprint_check(database: Database) -> Check:
    """Whether the latest recorded run ran in this environment (else replays may differ)."""
    here = current_fingerprint_id()
    try:
        latest = ExecutionRepository(database).list(limit=1)
    except SealflowError as exc:
        return Check("runtime fingerprint", False, str(exc), "fix the database first")
    if not latest or latest[0].fingerprint_hash in (None, here):
        return Check("runtime fingerprint", True, f"this environment is {here[:12]}")
    return Check(
        "runtime fingerprint",
        False,
        f"this environment is {here[:12]}, the latest run ran in {latest[0].fingerprint_hash[:12]}",
        "compare them with 'sealflow env diff'; install the same packages in every runtime",
    )


def doctor(settings: Settings) -> list[Check]:
    """Check a deployment without changing it: database, migrations, object store, signing key,
    runtime fingerprints."""
    checks: list[Check] = []
    try:
        database = Database.open(settings.database_url, migrate=False)
    except SealflowError as exc:
        return [Check("database", False, str(exc), "start the database or fix SEALFLOW_DB_URL")]
    try:
        checks.append(database_check(database))
        try:
            store = open_object_store(settings.object_store_url, endpoint_url=settings.objects_endpoint_url)
        except SealflowError as exc:
            checks.append(Check("object store", False, str(exc), "fix SEALFLOW_OBJECTS_URL"))
        else:
            checks.append(objects_check(store))
        checks.append(signing_key_check(settings))
        if checks[0].ok:
            checks.append(fingerprint_check(database))
    finally:
        database.close()
    return checks
