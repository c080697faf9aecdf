"""Fixtures of the export, import and autoimport tests: an empty instance and one holding the catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from exchange.folders import catalogue, open_instance
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import import_transformations


@pytest.fixture
def instance(db_url: str, tmp_path: Path) -> Iterator[Instance]:
    """An empty instance, once per backend."""
    opened = open_instance(db_url, tmp_path / "instance")
    yield opened
    opened.close()


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Instance]:
    """A SQLite instance holding the catalogue."""
    opened = open_instance(f"sqlite:///{tmp_path}/source.db", tmp_path / "source")
    import_transformations(opened, catalogue())
    yield opened
    opened.close()
