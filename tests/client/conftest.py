"""The service on a free loopback port for the Python client, once per database backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sealflow.config import Settings
from service.conftest import running_service


@pytest.fixture
def service_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """The base URL of the real service on an empty database (SQLite and PostgreSQL)."""
    with running_service(Settings(db_url=db_url, home=tmp_path, install_library=False)) as url:
        yield url


@pytest.fixture
def sqlite_service_url(sqlite_url: str, tmp_path: Path) -> Iterator[str]:
    """The base URL of the real service on an empty SQLite database."""
    with running_service(Settings(db_url=sqlite_url, home=tmp_path, install_library=False)) as url:
        yield url
