"""Access control: the roles a caller can hold (weakest first, each including the weaker ones) and API
tokens."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel


class Role(StrEnum):
    """What a caller may do: ``viewer`` reads and runs released revisions, ``editor`` also edits drafts,
    releases and runs anything, ``maintainer`` also imports with overwrite, restores, purges and maintains,
    ``admin`` also manages tokens and settings."""

    VIEWER = "viewer"
    EDITOR = "editor"
    MAINTAINER = "maintainer"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        """Position from the weakest (0) to the strongest."""
        return list(Role).index(self)

    def allows(self, required: Role) -> bool:
        """Whether this role includes ``required``."""
        return self.rank >= required.rank


def strongest(names: object) -> Role | None:
    """The strongest role among ``names`` (a string or a list of strings); ``None`` if none is a role."""
    candidates = [names] if isinstance(names, str) else names if isinstance(names, list) else []
    roles = [Role(name) for name in candidates if isinstance(name, str) and name in Role.__members__.values()]
    return max(roles, key=lambda role: role.rank, default=None)


class ApiToken(BaseModel):
    """An API token as listed: everything but the token itself, which is shown only once."""

    id: UUID
    name: str
    role: Role
    created_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        """Whether the token is accepted (not revoked)."""
        return self.revoked_at is None
