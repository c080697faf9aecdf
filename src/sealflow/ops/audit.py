"""Who acts, the snapshot written before a destructive change, and the audit log entry written after it."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from sealflow.config import Settings
from sealflow.model.audit import AuditEntry
from sealflow.ops.backup import backup
from sealflow.ops.instance import Instance
from sealflow.store.audit import AuditRepository

#: The longest actor name the audit log keeps.
_ACTOR_LENGTH = 200


def who(
    settings: Settings,
    claimed: str | None,
    channel: Literal["cli", "api"],
    *,
    authenticated: str | None = None,
) -> str:
    """The one place that decides who makes a change.

    An authenticated caller (the name of the API token or the OpenID Connect subject) is who it is;
    otherwise a claimed name (the CLI's ``--actor``, the REST header ``X-Sealflow-Actor``) counts, and
    failing that the CLI names ``SEALFLOW_ACTOR`` or the operating system user, the REST API ``api``.
    """
    name = (authenticated or claimed or "").strip()
    if not name and channel == "cli":
        name = (settings.actor or "").strip() or _os_user()
    return (name or channel)[:_ACTOR_LENGTH]


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def snapshot_directory(settings: Settings) -> Path:
    """Where snapshots are written."""
    return settings.snapshots_dir or settings.home / "snapshots"


def take_snapshot(instance: Instance, action: str) -> Path:
    """Write a backup of the instance as it is now into the snapshot directory; return its path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    name = f"before-{action.replace('_', '-')}-{stamp}.zip"
    return backup(instance, snapshot_directory(instance.settings) / name).path


def record(instance: Instance, entry: AuditEntry) -> AuditEntry:
    """Append ``entry`` to the audit log (in the open transaction, if any)."""
    AuditRepository(instance.database).add(entry)
    return entry


def audit_log(instance: Instance, *, limit: int = 50, offset: int = 0) -> list[AuditEntry]:
    """Audit log entries, newest first."""
    return AuditRepository(instance.database).list(limit=limit, offset=offset)
