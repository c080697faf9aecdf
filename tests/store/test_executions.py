"""Stored execution records: exact round trips, listing, the code they keep, and their migration."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest
from alembic import command
from sqlalchemy import Engine, delete, inspect, text, update

from sealflow.errors import (
    CodeIntegrityError,
    CodeNotFound,
    Conflict,
    ExecutionNotFound,
    InvalidInput,
    StorageError,
)
from sealflow.model.hashing import code_hash
from sealflow.store.database import Database
from sealflow.store.engine import make_engine
from sealflow.store.executions import ExecutionRepository
from sealflow.store.migrations import alembic_config, current_revision, head_revision, upgrade
from sealflow.store.tables import CodeBlobRow, ExecutionRow
from store.factories import component
from store.records import STARTED, full_record, record

EXECUTION_TABLES = {"execution_records", "execution_code_hashes"}


@pytest.fixture
def executions(database: Database) -> ExecutionRepository:
    return ExecutionRepository(database)


@pytest.fixture
def two_codes(database: Database) -> list[str]:
    return [database.code.put("a = 1\n"), database.code.put("b = 2\n")]


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda hashes: record(hashes[:1]), id="ok-minimal"),
        pytest.param(lambda hashes: record([]), id="no-code"),
        pytest.param(lambda hashes: record(hashes, failed=True), id="failure"),
        pytest.param(full_record, id="every-field"),
    ],
)
def test_a_record_reads_back_exactly(executions: ExecutionRepository, two_codes: list[str], build):
    written = build(two_codes)
    executions.insert(written)
    assert executions.get(written.id) == written
    assert executions.get(str(written.id).upper()) == written
    assert executions.list() == [written]


def test_list_is_newest_first_and_filters(executions: ExecutionRepository, two_codes: list[str]):
    target = uuid4()
    old = record(two_codes, transformation_id=target, started_at=STARTED)
    middle = record(two_codes[:1], failed=True, started_at=STARTED + timedelta(seconds=1))
    new = record([], transformation_id=target, failed=True, started_at=STARTED + timedelta(seconds=2))
    for item in (middle, old, new):
        executions.insert(item)

    assert executions.list() == [new, middle, old]
    assert executions.list(transformation_id=target) == [new, old]
    assert executions.list(transformation_id=str(target), status="ok") == [old]
    assert executions.list(status="failure") == [new, middle]
    assert executions.list(limit=2) == [new, middle]
    assert executions.list(limit=2, offset=2) == [old]
    assert executions.list(limit=0) == []
    assert executions.list(transformation_id=uuid4()) == []


@pytest.mark.parametrize(
    ("filters", "says"),
    [
        pytest.param(
            {"status": "maybe"}, "'maybe' is no execution status; use one of ok, failure", id="status"
        ),
        pytest.param({"transformation_id": "Add"}, "'Add' is no transformation id", id="transformation-id"),
        pytest.param({"limit": -1}, "cannot be negative", id="limit"),
        pytest.param({"offset": -5}, "cannot be negative", id="offset"),
    ],
)
def test_list_refuses_bad_filters(executions: ExecutionRepository, filters: dict[str, Any], says: str):
    with pytest.raises(InvalidInput, match=says):
        executions.list(**filters)


def test_get_says_which_record_is_missing(executions: ExecutionRepository):
    missing = uuid4()
    with pytest.raises(ExecutionNotFound, match=f"no execution record with id {missing}"):
        executions.get(missing)
    assert executions.find(missing) is None
    assert not executions.exists(missing)
    with pytest.raises(InvalidInput, match="is no execution id; it must be a UUID"):
        executions.get("latest")


def test_a_record_id_is_taken_once(executions: ExecutionRepository, two_codes: list[str]):
    first = record(two_codes)
    executions.insert(first)
    with pytest.raises(Conflict, match=f"an execution record with id {first.id} exists already"):
        executions.insert(record([], id=first.id, name="Other"))
    assert executions.list() == [first]


def test_a_record_needs_its_code_in_the_store(database: Database, executions: ExecutionRepository):
    text_ = "def main():\n    return {}\n"
    missing = record([code_hash(text_)])
    with pytest.raises(CodeNotFound, match=f"ran code {code_hash(text_)}, which is not in the code store"):
        executions.insert(missing)
    assert executions.list() == []

    executions.insert(missing, {code_hash(text_): text_})
    assert database.code.get(code_hash(text_)) == text_
    assert executions.get(missing.id) == missing


def test_code_handed_in_must_match_its_hash(database: Database, executions: ExecutionRepository):
    key = code_hash("a = 1\n")
    with pytest.raises(CodeIntegrityError, match="hashes to"):
        executions.insert(record([key]), {key: "a = 2\n"})
    assert database.code.hashes() == set()
    assert executions.list() == []


def test_purge_keeps_the_code_a_record_refers_to(database: Database, executions: ExecutionRepository):
    tr = component(code="v = 1\n")
    database.transformations.insert(tr)
    ran = record([code_hash("v = 1\n")])
    executions.insert(ran)
    database.transformations.update(tr.model_copy(update={"content": "v = 2\n"}))
    orphan = database.code.put("orphan = True\n")

    assert database.code.unreferenced() == [orphan]
    assert database.code.purge_unreferenced() == [orphan]
    assert database.code.hashes() == {code_hash("v = 1\n"), code_hash("v = 2\n")}
    assert executions.get(ran.id) == ran


def test_the_database_itself_refuses_to_drop_code_a_record_refers_to(
    database: Database, executions: ExecutionRepository
):
    key = database.code.put("kept = True\n")
    executions.insert(record([key]))
    with pytest.raises(Conflict), database.session() as session:
        session.execute(delete(CodeBlobRow).where(CodeBlobRow.hash == key))
    assert database.code.get(key) == "kept = True\n"


def test_a_record_changed_behind_the_stores_back_is_reported(
    database: Database, executions: ExecutionRepository, two_codes: list[str]
):
    written = record(two_codes)
    executions.insert(written)
    with database.session() as session:
        session.execute(
            update(ExecutionRow).where(ExecutionRow.id == written.id).values(closure_hash="0" * 64)
        )
    with pytest.raises(StorageError, match=f"stored execution record {written.id} is no longer valid"):
        executions.get(written.id)


# --- the migration --------------------------------------------------------------------------------


@pytest.fixture
def engine(db_url: str):
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


def migrate(engine: Engine, action: str, target: str) -> None:
    """Run one Alembic command on ``engine`` up or down to ``target``."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, target)


def indexes(engine: Engine, table: str) -> set[str]:
    return {index["name"] for index in inspect(engine).get_indexes(table)}


def test_an_empty_database_gets_the_execution_tables_and_their_indexes(engine: Engine):
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= EXECUTION_TABLES
    assert {
        "ix_execution_records_started_at",
        "ix_execution_records_transformation_id_started_at",
    } <= indexes(engine, "execution_records")
    assert "ix_execution_code_hashes_code_hash" in indexes(engine, "execution_code_hashes")


def test_upgrade_from_the_initial_schema_keeps_the_revisions(engine: Engine, db_url: str):
    migrate(engine, "upgrade", "0001")
    tr = component()
    with Database.open(db_url, migrate=False) as database:
        database.transformations.insert(tr)
    assert not EXECUTION_TABLES & set(inspect(engine).get_table_names())

    upgrade(engine)

    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
    with Database.open(db_url) as database:
        assert database.transformations.get(tr.id) == tr
        ran = record([code_hash(tr.code())], transformation_id=tr.id)
        ExecutionRepository(database).insert(ran)
        assert ExecutionRepository(database).list(transformation_id=tr.id) == [ran]


def test_downgrade_to_the_initial_schema_drops_only_the_execution_tables(engine: Engine):
    upgrade(engine)
    migrate(engine, "downgrade", "0001")
    tables = set(inspect(engine).get_table_names())
    assert not EXECUTION_TABLES & tables
    assert {"code_blobs", "transformation_revisions", "nestings"} <= tables
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0001"
