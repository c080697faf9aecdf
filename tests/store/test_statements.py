"""Statements on the driver: values stored and read exactly as through SQLAlchemy, errors and rollbacks
as through a SQLAlchemy connection, and broken connections dropped from the pool."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy import Engine, bindparam, create_engine, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import NullPool

from sealflow.errors import Conflict, StorageError
from sealflow.store.database import Database
from sealflow.store.executions import ExecutionRepository
from sealflow.store.mapping import execution_values
from sealflow.store.statements import CoreStatements, DriverStatements
from sealflow.store.tables import ExecutionCodeRow, ExecutionRow, TransformationRow
from store.factories import component
from store.records import full_record, record

INSERT_RECORD = ExecutionRow.__table__.insert()
INSERT_CODE_ROW = ExecutionCodeRow.__table__.insert()


def stored_columns(database: Database, id: Any) -> dict[str, Any]:
    """A record's row as SQLAlchemy reads it, without its id."""
    with database.session(write=False) as session:
        row = session.execute(select(ExecutionRow.__table__).where(ExecutionRow.id == id)).one()
    return {key: value for key, value in row._asdict().items() if key != "id"}


def test_a_record_written_on_the_driver_is_stored_as_sqlalchemy_stores_it(database: Database):
    key = database.code.put("def main():\n    return {}\n")
    template = full_record([key]).model_copy(update={"warnings": ["Grüße, ✓ (not ASCII)"]})
    on_driver, in_unit = (template.model_copy(update={"id": uuid4()}) for _ in range(2))

    ExecutionRepository(database).insert(on_driver, known_stored={key})
    with database.transaction() as unit:
        ExecutionRepository(unit).insert(in_unit, known_stored={key})

    assert stored_columns(database, on_driver.id) == stored_columns(database, in_unit.id)
    assert ExecutionRepository(database).get(on_driver.id) == on_driver


def test_a_revision_read_on_the_driver_equals_the_one_read_in_a_unit_of_work(database: Database):
    tr = component("Reader", code="def main(*, x):\n    return {'y': x}\n")
    database.transformations.insert(tr)
    outside = database.transformations.get(tr.id)
    with database.transaction() as unit:
        inside = unit.transformations.get(tr.id)
    assert outside == inside == tr


def test_driver_statements_hand_back_rows_by_column_name_or_none(database: Database):
    tr = component()
    database.transformations.insert(tr)
    table = TransformationRow.__table__
    query = select(table.c.name, table.c.released_timestamp).where(table.c.id == bindparam("key"))
    with database.statements(write=False) as statements:
        assert isinstance(statements, DriverStatements)
        found = statements.first(query, {"key": tr.id})
        assert found is not None
        assert (found.name, found.released_timestamp) == (tr.name, tr.released_timestamp)
        assert statements.first(query, {"key": uuid4()}) is None
    with database.transaction(), database.statements(write=False) as statements:
        assert isinstance(statements, CoreStatements)


def test_a_failing_statement_rolls_back_the_whole_block(database: Database):
    row, _ = execution_values(record([]))
    dangling = {"execution_id": row["id"], "code_hash": "0" * 64}

    def insert_with_a_dangling_code_row() -> None:
        with database.statements(write=True) as statements:
            statements.execute(INSERT_RECORD, row)
            statements.execute(INSERT_CODE_ROW, [dangling])

    with pytest.raises(Conflict, match="clashes with what is stored"):
        insert_with_a_dangling_code_row()
    assert ExecutionRepository(database).find(row["id"]) is None


def test_driver_errors_arrive_as_sqlalchemy_errors(database: Database):
    taken = record([])
    ExecutionRepository(database).insert(taken)
    row, _ = execution_values(taken)
    with database.statements(write=True) as statements, pytest.raises(IntegrityError):
        statements.execute(INSERT_RECORD, row)


def test_not_a_number_in_a_json_column_is_stored_where_the_database_allows_it(database: Database):
    written = record([])
    row, _ = execution_values(written)
    row["measured_steps"] = {"nan": math.nan}
    if database.engine.dialect.name == "postgresql":
        with pytest.raises(StorageError), database.statements(write=True) as statements:
            statements.execute(INSERT_RECORD, row)
        assert ExecutionRepository(database).find(written.id) is None
        return
    with database.statements(write=True) as statements:
        statements.execute(INSERT_RECORD, row)
    assert math.isnan(stored_columns(database, written.id)["measured_steps"]["nan"])


@pytest.fixture
def admin(postgres_url: str) -> Iterator[Engine]:
    engine = create_engine(postgres_url, poolclass=NullPool)
    yield engine
    engine.dispose()


def test_a_connection_broken_in_a_block_is_dropped_and_the_next_block_works(
    postgres_schema_url: str, admin: Engine
):
    tr = component()
    backend = select(func.pg_backend_pid().label("pid"))

    def read_across_a_terminated_connection(database: Database) -> None:
        with database.statements(write=False) as statements:
            found = statements.first(backend, {})
            assert found is not None
            with admin.begin() as connection:
                connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": found.pid})
            statements.first(backend, {})

    with Database.open(postgres_schema_url) as database:
        database.transformations.insert(tr)
        with pytest.raises(StorageError, match="cannot use the database"):
            read_across_a_terminated_connection(database)
        assert database.transformations.get(tr.id) == tr
