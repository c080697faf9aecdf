"""The schema comes only from migrations: from empty to head, idempotently, matching the tables."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from sealflow.errors import StorageError
from sealflow.store.database import Database
from sealflow.store.engine import make_engine
from sealflow.store.migrations import current_revision, head_revision, upgrade
from sealflow.store.tables import Base
from store.factories import component

TABLES = {
    "alembic_version",
    "code_blobs",
    "transformation_revisions",
    "nestings",
    "execution_records",
    "execution_code_hashes",
    "revision_snapshots",
    "environment_fingerprints",
    "audit_log",
    "execution_jobs",
    "consumed_messages",
    "api_tokens",
}


@pytest.fixture
def engine(db_url):
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


def test_upgrade_creates_the_schema_in_an_empty_database(engine):
    assert set(inspect(engine).get_table_names()) == set()
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) == TABLES
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()


def test_upgrade_is_idempotent_and_keeps_data(db_url):
    tr = component()
    with Database.open(db_url) as database:
        database.transformations.insert(tr)
    upgrade(db_url)
    with Database.open(db_url) as database:
        assert database.transformations.get(tr.id) == tr


def test_the_tables_match_the_migrations(engine):
    upgrade(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_concurrent_upgrades_of_one_database_all_succeed(db_url):
    def open_and_close(_: int) -> str:
        with Database.open(db_url) as database, database.engine.connect() as connection:
            return current_revision(connection) or ""

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert set(pool.map(open_and_close, range(4))) == {head_revision()}


def test_a_schema_from_a_newer_sealflow_is_refused(engine, db_url):
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    with pytest.raises(StorageError, match="newer Sealflow"):
        Database.open(db_url)


def test_a_database_with_foreign_tables_of_the_same_name_is_refused(engine, db_url):
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE transformation_revisions (id VARCHAR(36) PRIMARY KEY)"))
    with pytest.raises(StorageError, match="not created by Sealflow"):
        Database.open(db_url)


def test_open_without_migrate_leaves_the_database_alone(engine, db_url):
    with Database.open(db_url, migrate=False):
        pass
    assert inspect(engine).get_table_names() == []
