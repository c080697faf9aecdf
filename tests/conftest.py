"""Fixtures for real resources shared by all test packages: SQLite files and PostgreSQL databases.

``db_url`` runs a test once per backend (ids ``sqlite`` and ``postgres``), each time on an empty
database. PostgreSQL tests share one throwaway database per test run and get a fresh schema each;
``SEALFLOW_TEST_POSTGRES_URL`` names the server (default: the local one, user ``postgres``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from uuid import uuid4

import pytest
from sqlalchemy import URL, Engine, create_engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from sealflow.store.database import Database

POSTGRES_URL_VARIABLE = "SEALFLOW_TEST_POSTGRES_URL"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _render(url: URL) -> str:
    return url.render_as_string(hide_password=False)


@pytest.fixture
def sqlite_url(tmp_path: os.PathLike[str]) -> str:
    """URL of a SQLite file (not yet created) in the test's temporary directory."""
    return f"sqlite:///{os.fspath(tmp_path)}/sealflow.db"


@pytest.fixture(scope="session")
def _postgres_admin() -> Iterator[Engine]:
    url = make_url(os.environ.get(POSTGRES_URL_VARIABLE, DEFAULT_POSTGRES_URL))
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except SQLAlchemyError as exc:
        engine.dispose()
        pytest.fail(
            f"PostgreSQL at {url.render_as_string(hide_password=True)} is not reachable "
            f"({str(getattr(exc, 'orig', exc)).strip().splitlines()[0]}); start it, or set "
            f"{POSTGRES_URL_VARIABLE} to a server where this user may create databases",
            pytrace=False,
        )
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def postgres_url(_postgres_admin: Engine) -> Iterator[str]:
    """URL of a PostgreSQL database created for this test run and dropped after it."""
    name = f"sealflow_test_{uuid4().hex[:12]}"
    with _postgres_admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield _render(_postgres_admin.url.set(database=name))
    finally:
        with _postgres_admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_schema_url(postgres_url: str) -> Iterator[str]:
    """URL of the run's PostgreSQL database, set to a fresh, empty schema for this test only."""
    schema = f"test_{uuid4().hex[:12]}"
    engine = create_engine(postgres_url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        yield _render(make_url(postgres_url).update_query_dict({"options": f"-csearch_path={schema}"}))
        with engine.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    finally:
        engine.dispose()


@pytest.fixture(params=[pytest.param("sqlite", id="sqlite"), pytest.param("postgres", id="postgres")])
def db_url(request: pytest.FixtureRequest) -> str:
    """URL of an empty database, once per backend."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_schema_url"
    url: str = request.getfixturevalue(fixture)
    return url


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """A ``Database`` opened (and migrated) on ``db_url``; closed after the test."""
    db = Database.open(db_url)
    yield db
    db.close()
