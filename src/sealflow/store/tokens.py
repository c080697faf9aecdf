"""API tokens of the service, stored as the SHA-256 of their text.

A token is ``sf_`` followed by 43 URL-safe characters of randomness (256 bits), so its SHA-256 is a safe
key: the database never holds anything that would let a reader call the API. ``last_used_at`` is written
at most once a minute per token, so checking a token rarely writes.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from uuid import UUID, uuid4

from sqlalchemy import select, update

from sealflow.errors import Conflict, InvalidInput, NotFound
from sealflow.model.access import ApiToken, Role
from sealflow.store.column_types import utc_now
from sealflow.store.database import Scope, translate_errors
from sealflow.store.tables import ApiTokenRow

PREFIX = "sf_"
USE_RESOLUTION = timedelta(minutes=1)
NAME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


def token_hash(token: str) -> str:
    """The key a token is stored under."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _domain(row: ApiTokenRow) -> ApiToken:
    return ApiToken(
        id=row.id,
        name=row.name,
        role=Role(row.role),
        created_at=row.created_at,
        last_used_at=row.last_used_at,
        revoked_at=row.revoked_at,
    )


def check_name(name: str) -> str:
    """``name`` if it is a valid token name, else ``InvalidInput`` saying what is allowed."""
    if not name or len(name) > 64 or not set(name) <= NAME_CHARACTERS or not name[0].isalnum():
        raise InvalidInput(
            f"token name {name!r} is invalid; use 1 to 64 letters, digits, '.', '_' or '-', "
            "beginning with a letter or digit"
        )
    return name


class TokenRepository:
    """Create, list, revoke and check API tokens."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def create(self, name: str, role: Role) -> tuple[ApiToken, str]:
        """A new token named ``name``: what is listed about it, and the token text (shown once)."""
        check_name(name)
        text = PREFIX + secrets.token_urlsafe(32)
        row = ApiTokenRow(
            id=uuid4(), name=name, role=role.value, token_hash=token_hash(text), created_at=utc_now()
        )
        with translate_errors(), self._scope.writing() as session:
            if session.scalar(select(ApiTokenRow.id).where(ApiTokenRow.name == name)) is not None:
                raise Conflict(
                    f"a token named {name!r} exists already (revoked tokens stay listed); pick another name"
                )
            session.add(row)
            session.flush()
            return _domain(row), text

    def list(self) -> list[ApiToken]:
        """Every token, revoked ones included, oldest first."""
        with translate_errors(), self._scope.reading() as session:
            rows = session.scalars(select(ApiTokenRow).order_by(ApiTokenRow.created_at, ApiTokenRow.name))
            return [_domain(row) for row in rows]

    def revoke(self, name_or_id: str) -> ApiToken:
        """Revoke the token with this name or id; revoking twice keeps the first time."""
        with translate_errors(), self._scope.writing() as session:
            row = session.scalar(select(ApiTokenRow).where(ApiTokenRow.name == name_or_id))
            if row is None:
                try:
                    row = session.get(ApiTokenRow, UUID(name_or_id))
                except ValueError:
                    row = None
            if row is None:
                raise NotFound(f"no API token named {name_or_id!r}; 'sealflow tokens list' shows them")
            if row.revoked_at is None:
                row.revoked_at = utc_now()
            session.flush()
            return _domain(row)

    def authenticate(self, text: str, now: datetime | None = None) -> ApiToken | None:
        """The active token with this text, its use noted; ``None`` if there is none or it is revoked."""
        if not text.startswith(PREFIX):
            return None
        now = now or utc_now()
        key = token_hash(text)
        with translate_errors(), self._scope.reading() as session:
            row = session.scalar(select(ApiTokenRow).where(ApiTokenRow.token_hash == key))
            if row is None or row.revoked_at is not None:
                return None
            token = _domain(row)
        if token.last_used_at is None or now - token.last_used_at >= USE_RESOLUTION:
            with translate_errors(), self._scope.writing() as session:
                session.execute(
                    update(ApiTokenRow).where(ApiTokenRow.id == token.id).values(last_used_at=now)
                )
            token = token.model_copy(update={"last_used_at": now})
        return token
