"""Statements that run on the driver's own connection, for the two statements every run executes.

Each run reads its revision and writes its execution record. Through a SQLAlchemy ``Connection`` such a
statement costs several times what the driver itself takes (events, an execution context, a result
object), and for a small component that is most of the run. A ``Prepared`` statement is compiled by
SQLAlchemy once per database and converts every value with SQLAlchemy's own bind and result processor
for its column, so values go in and come out exactly as through a ``Connection``. What it leaves out is
the bookkeeping around the cursor: these statements are not echoed and fire no engine events.

Repositories see the ``Statements`` protocol. Outside a unit of work it runs on the driver in a
transaction of its own (``DriverStatements``); inside one it runs on the unit's connection
(``CoreStatements``), so it joins the unit's transaction.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, cast

from sqlalchemy import Connection, Dialect, Engine, Insert, Select
from sqlalchemy.engine.interfaces import DBAPICursor
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import PoolProxiedConnection
from sqlalchemy.sql.compiler import SQLCompiler

from sealflow.store.engine import begin_statement

Parameters = Mapping[str, Any]

#: The kinds of statement that run on the hot paths.
Statement = Insert | Select[Any]


class Columns(Protocol):
    """A result row whose columns are attributes (a SQLAlchemy ``Row`` or a ``Prepared`` row)."""

    def __getattr__(self, name: str) -> Any: ...


class Statements(Protocol):
    """Runs Core statements in the transaction of the block that handed it out."""

    def first(self, statement: Statement, parameters: Parameters) -> Columns | None:
        """The first row of a query, or ``None``."""
        ...

    def execute(self, statement: Statement, parameters: Parameters | Sequence[Parameters]) -> None:
        """Run a statement once, or once per parameter set of a non-empty sequence."""
        ...


class Prepared:
    """A statement compiled once for a dialect, with the value conversions of its parameters and columns."""

    def __init__(self, statement: Statement, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        self.sql = compiled.string
        self._compiled = compiled
        self._positions = compiled.positiontup if compiled.positional else None
        self._binds = {
            name: processor
            for name, bind in compiled.binds.items()
            if (processor := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
        }
        columns = list(statement.selected_columns) if isinstance(statement, Select) else []
        self._results = [
            column.type.dialect_impl(dialect).result_processor(dialect, None) for column in columns
        ]
        self._row = cast(
            "Callable[..., Columns] | None",
            namedtuple("Row", [str(column.key) for column in columns], rename=True) if columns else None,
        )

    def parameters(self, values: Parameters) -> Any:
        """The driver's parameters for ``values``, converted as SQLAlchemy converts them."""
        params = self._compiled.construct_params(values)
        for name, processor in self._binds.items():
            params[name] = processor(params[name])
        if self._positions is None:
            return params
        return tuple(params[name] for name in self._positions)

    def row(self, values: Sequence[Any]) -> Columns:
        """A driver's result row as a row of named columns, converted as SQLAlchemy converts them."""
        assert self._row is not None, "only a query has result rows"
        converted = [
            value if processor is None else processor(value)
            for processor, value in zip(self._results, values, strict=True)
        ]
        return self._row(*converted)


class DriverStatements:
    """Statements on a driver cursor; the driver's errors are raised as SQLAlchemy's."""

    def __init__(
        self,
        connection: PoolProxiedConnection,
        dialect: Dialect,
        cursor: DBAPICursor,
        prepare: Callable[[Statement], Prepared],
    ) -> None:
        self._connection = connection
        self._dialect = dialect
        self._cursor = cursor
        self._prepare = prepare

    def first(self, statement: Statement, parameters: Parameters) -> Columns | None:
        prepared = self._prepare(statement)
        with _driver_errors(self._connection, self._dialect):
            self._cursor.execute(prepared.sql, prepared.parameters(parameters))
            found = self._cursor.fetchone()
        return None if found is None else prepared.row(found)

    def execute(self, statement: Statement, parameters: Parameters | Sequence[Parameters]) -> None:
        prepared = self._prepare(statement)
        with _driver_errors(self._connection, self._dialect):
            if isinstance(parameters, Mapping):
                self._cursor.execute(prepared.sql, prepared.parameters(parameters))
            else:
                self._cursor.executemany(prepared.sql, [prepared.parameters(item) for item in parameters])


class CoreStatements:
    """Statements on a SQLAlchemy connection."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def first(self, statement: Statement, parameters: Parameters) -> Columns | None:
        found: Columns | None = self._connection.execute(statement, parameters).first()
        return found

    def execute(self, statement: Statement, parameters: Parameters | Sequence[Parameters]) -> None:
        self._connection.execute(
            statement, parameters if isinstance(parameters, Mapping) else list(parameters)
        )


@contextmanager
def driver_transaction(
    engine: Engine, prepare: Callable[[Statement], Prepared], *, write: bool
) -> Iterator[DriverStatements]:
    """Statements on a pooled driver connection in a transaction of their own, committed if the block
    succeeds and rolled back otherwise. Writing transactions take the write lock first, as the engine's."""
    dialect = engine.dialect
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        try:
            with _driver_errors(connection, dialect):
                begin = begin_statement(dialect, write=write)
                if begin is not None:
                    cursor.execute(begin)
            yield DriverStatements(connection, dialect, cursor, prepare)
            with _driver_errors(connection, dialect):
                connection.commit()
        except BaseException:
            _roll_back(connection, dialect)
            raise
        finally:
            cursor.close()
    finally:
        connection.close()


def _roll_back(connection: PoolProxiedConnection, dialect: Dialect) -> None:
    """Roll back after a failure without hiding it: a connection that cannot roll back is dropped."""
    if not connection.is_valid:
        return
    try:
        connection.rollback()
    except dialect.loaded_dbapi.Error as exc:
        connection.invalidate(exc)


@contextmanager
def _driver_errors(connection: PoolProxiedConnection, dialect: Dialect) -> Iterator[None]:
    """Raise the driver's errors as the SQLAlchemy exceptions a ``Connection`` would raise; a connection
    the error shows to be broken is dropped from the pool."""
    dbapi_error: type[Exception] = dialect.loaded_dbapi.Error
    try:
        yield
    except dbapi_error as exc:
        broken = dialect.is_disconnect(cast(Any, exc), connection.dbapi_connection, None)
        if broken:
            connection.invalidate(exc)
        raise DBAPIError.instance(
            None, None, exc, dbapi_error, connection_invalidated=broken, dialect=dialect
        ) from exc
