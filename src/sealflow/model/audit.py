"""Audit log entries: who changed which revisions when, and where the state before the change is kept."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID, uuid4

from pydantic import AwareDatetime, BaseModel, Field


class AuditTarget(BaseModel):
    """A revision an audited change touched."""

    id: str
    name: str
    version_tag: str


class AuditEntry(BaseModel):
    """One destructive change, recorded after it was applied."""

    id: UUID = Field(default_factory=uuid4)
    at: AwareDatetime = Field(default_factory=lambda: datetime.now(UTC))
    actor: str
    action: str
    summary: str
    targets: list[AuditTarget] = Field(default_factory=list)
    old_code_hashes: list[str] = Field(default_factory=list)
    new_code_hashes: list[str] = Field(default_factory=list)
    snapshot: str | None = None
    """Path of the backup archive written before the change; restore it with ``sealflow restore``."""
