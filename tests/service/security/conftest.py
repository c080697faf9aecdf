"""A service with authentication on, and one API token per role, created before it starts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from sealflow.config import Settings
from sealflow.model.access import Role
from sealflow.ops.instance import Instance
from sealflow.ops.tokens import create_token
from service.conftest import running_service

MAINTENANCE_SECRET = "maintenance-secret-for-tests"


@dataclass
class Secured:
    """The base URL of a service with authentication on, and a token per role."""

    url: str
    tokens: dict[Role, str]
    settings: Settings

    def client(self, role: Role | None = None) -> httpx.Client:
        """A client sending the token of ``role`` (none for ``None``)."""
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role is not None else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)


def secured_settings(sqlite_url: str, home: Path, **overrides: Any) -> Settings:
    """Settings of an instance with authentication on."""
    values: dict[str, Any] = {
        "db_url": sqlite_url,
        "home": home,
        "install_library": False,
        "auth": "on",
        "maintenance_secret": MAINTENANCE_SECRET,
        **overrides,
    }
    return Settings(**values)


def with_tokens(settings: Settings) -> dict[Role, str]:
    """One API token per role in the instance of ``settings``."""
    instance = Instance.open(settings)
    try:
        return {role: create_token(instance, f"{role.value}-token", role)[1] for role in Role}
    finally:
        instance.close()


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Secured]:
    """The service with authentication on, on an empty SQLite database, shared by a module's tests."""
    home = tmp_path_factory.mktemp("secured")
    settings = secured_settings(f"sqlite:///{home}/sealflow.db", home)
    tokens = with_tokens(settings)
    with running_service(settings) as url:
        yield Secured(url, tokens, settings)
