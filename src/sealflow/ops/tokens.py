"""Use cases for API tokens: create (the text is returned once), list, revoke, and check one."""

from __future__ import annotations

from sealflow.model.access import ApiToken, Role
from sealflow.ops.instance import Instance
from sealflow.store.tokens import TokenRepository


def create_token(instance: Instance, name: str, role: Role) -> tuple[ApiToken, str]:
    """A new API token: what is listed about it and its text, which nothing can show again."""
    return TokenRepository(instance.database).create(name, role)


def list_tokens(instance: Instance) -> list[ApiToken]:
    """Every API token, revoked ones included."""
    return TokenRepository(instance.database).list()


def revoke_token(instance: Instance, name_or_id: str) -> ApiToken:
    """Revoke an API token by name or id; it is refused from then on."""
    return TokenRepository(instance.database).revoke(name_or_id)


def authenticate_token(instance: Instance, text: str) -> ApiToken | None:
    """The active API token with this text, or ``None``."""
    return TokenRepository(instance.database).authenticate(text)
