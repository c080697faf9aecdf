"""The SQL adapter: inputs from relational databases, outputs written to their tables.

**Configuration.** Databases are configured by name and key with a SQLAlchemy URL, in the shape of
hetida designer's ``SQL_ADAPTER_SQL_DATABASES`` (a JSON list; ``SEALFLOW_SQL_DATABASES``)::

    [{"name": "Plant DB", "key": "plant", "connection_url": "postgresql+psycopg://...",
      "append_tables": ["alerts"], "replace_tables": ["limits"],
      "timeseries_tables": {"readings": {"appendable": true, "metric_col_name": "metric",
                                          "timestamp_col_name": "timestamp", "fetchable_value_cols": ["value"],
                                          "writable_value_cols": ["value"]}}}]

**Ids** (``ref_id``, or ``ref_key`` when ``ref_id`` is empty). Sources: ``<key>/query`` (filter
``sql_query``: one SELECT), ``<key>/table/<t>`` (a whole table) and ``<key>/ts_table/<t>`` (a MULTITSFRAME
of a configured timeseries table; filters ``metrics`` = a JSON list or ``ALL``, ``timestampFrom``,
``timestampTo``). Sinks: ``<key>/append_table/<t>``, ``<key>/replace_table/<t>`` and
``<key>/appendable_ts_table/<t>``, each only for a table configured so.

**Safety.** Queries are checked to be one SELECT (``sqlcheck``) and every read runs in a read-only
transaction with a statement timeout. Values are always bound as parameters; table and column names are
quoted by SQLAlchemy. Each sink writes in one transaction: a replaced table is emptied and refilled, or
left as it was.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

import pandas as pd
import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, NoSuchTableError, OperationalError, SQLAlchemyError

from sealflow.adapters.protocol import RunContext, SinkRequest, SourceRequest
from sealflow.adapters.sqlcheck import check_select
from sealflow.code.values import MULTITSFRAME_COLUMNS, parse_value
from sealflow.errors import AdapterError, AdapterUnavailable, InvalidWiring, SealflowError
from sealflow.model.datatypes import DataType

SQL_ADAPTER: Final = "sql-adapter"
_SOURCES: Final = ("query", "table", "ts_table")
_SINKS: Final = ("append_table", "replace_table", "appendable_ts_table")
_TIMEOUT_MARKS: Final = ("interrupted", "statement timeout", "max_statement_time", "max_execution_time")


class TimeseriesTable(BaseModel):
    """A table holding timeseries in long form: one row per metric, timestamp and value."""

    model_config = ConfigDict(extra="ignore")

    appendable: bool = False
    metric_col_name: str = "metric"
    timestamp_col_name: str = "timestamp"
    fetchable_value_cols: list[str] = ["value"]
    writable_value_cols: list[str] = ["value"]
    column_mapping_hd_to_db: dict[str, str] = {}

    def columns(self, writing: bool) -> dict[str, str]:
        """The database column of each MULTITSFRAME column (timestamp, metric, value)."""
        values = self.writable_value_cols if writing else self.fetchable_value_cols
        default = {"timestamp": self.timestamp_col_name, "metric": self.metric_col_name}
        default["value"] = values[0] if len(values) == 1 else "value"
        return {**default, **self.column_mapping_hd_to_db}


class SqlDatabase(BaseModel):
    """One configured database."""

    model_config = ConfigDict(extra="ignore")

    name: str
    key: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    connection_url: str
    append_tables: list[str] = []
    replace_tables: list[str] = []
    timeseries_tables: dict[str, TimeseriesTable] = {}


def parse_sql_databases(text: str | list[Any]) -> list[SqlDatabase]:
    """The databases of a JSON list (text or parsed); ``AdapterError`` naming the bad entry otherwise."""
    if isinstance(text, str):
        if not text.strip():
            return []
        try:
            text = json.loads(text)
        except json.JSONDecodeError as exc:
            raise AdapterError(f"SEALFLOW_SQL_DATABASES is not valid JSON: {exc}") from exc
    if not isinstance(text, list):
        raise AdapterError("SEALFLOW_SQL_DATABASES must be a JSON list of {name, key, connection_url, ...}")
    try:
        databases = [SqlDatabase.model_validate(entry) for entry in text]
    except ValidationError as exc:
        raise AdapterError(f"SEALFLOW_SQL_DATABASES has an invalid entry: {exc}") from exc
    keys = [database.key for database in databases]
    if len(set(keys)) != len(keys):
        raise AdapterError("SEALFLOW_SQL_DATABASES: every database needs a key of its own")
    return databases


class SqlAdapter:
    """Loads inputs from SQL databases and writes outputs to their tables."""

    key = SQL_ADAPTER
    name = "SQL Adapter"

    def __init__(self, databases: Sequence[SqlDatabase], *, timeout: float = 30.0) -> None:
        self.databases = {database.key: database for database in databases}
        self.timeout = timeout
        self._engines: dict[str, Engine] = {}
        self._lock = threading.Lock()

    def load(self, requests: Sequence[SourceRequest], context: RunContext) -> dict[str, Any]:
        """Run the query, read the table or the timeseries of each input."""
        values: dict[str, Any] = {}
        for request in requests:
            where = f"{self.name}: input {request.name!r}"
            database, kind, table = self._reference(request.wiring.ref_id or request.wiring.ref_key, where)
            if kind not in _SOURCES:
                raise InvalidWiring(f"{where}: {kind!r} is a sink; sources are {', '.join(_SOURCES)}")
            filters = request.wiring.filters
            with self._errors(database, where):
                if kind == "query":
                    frame = self.query(database, filters.get("sql_query", ""))
                elif kind == "table":
                    frame = self._read_table(database, table)
                else:
                    frame = self._read_timeseries(database, table, filters, where)
            values[request.name] = _typed(frame, request.data_type, where)
        return values

    def send(self, requests: Sequence[SinkRequest], values: Mapping[str, Any], context: RunContext) -> None:
        """Append to or replace each output's table, one transaction per output."""
        for request in requests:
            where = f"{self.name}: output {request.name!r}"
            database, kind, table = self._reference(request.wiring.ref_id or request.wiring.ref_key, where)
            if kind not in _SINKS:
                raise InvalidWiring(f"{where}: {kind!r} is a source; sinks are {', '.join(_SINKS)}")
            allowed = {
                "append_table": database.append_tables,
                "replace_table": database.replace_tables,
                "appendable_ts_table": [n for n, t in database.timeseries_tables.items() if t.appendable],
            }[kind]
            if table not in allowed:
                raise InvalidWiring(
                    f"{where}: table {table!r} of database {database.key!r} is not configured as {kind}; "
                    f"configured: {', '.join(allowed) or 'none'}"
                )
            frame = _frame(values[request.name], request.data_type, where)
            if kind == "appendable_ts_table":
                frame = _ts_rows(frame, database.timeseries_tables[table].columns(writing=True), where)
            with self._errors(database, where):
                self._write(database, table, frame, replace=kind == "replace_table")

    # Reading -----------------------------------------------------------------------------------------------

    def query(self, database: SqlDatabase, sql: str) -> pd.DataFrame:
        """The result of one SELECT, run read-only with the statement timeout."""
        engine = self.engine(database)
        checked = check_select(sql, engine.dialect.name)
        with self._reading(engine) as connection:
            # every ':' escaped: the text is run as written, with no bind parameters
            return pd.read_sql(sa.text(checked.replace(":", "\\:")), connection)

    def _read_table(self, database: SqlDatabase, name: str) -> pd.DataFrame:
        engine = self.engine(database)
        with self._reading(engine) as connection:
            table = _reflect(connection, name)
            return pd.read_sql(sa.select(table), connection)

    def _read_timeseries(
        self, database: SqlDatabase, name: str, filters: Mapping[str, str], where: str
    ) -> pd.DataFrame:
        config = database.timeseries_tables.get(name)
        if config is None:
            raise InvalidWiring(
                f"{where}: {name!r} is no timeseries table of database {database.key!r}; configured: "
                f"{', '.join(database.timeseries_tables) or 'none'}"
            )
        columns = config.columns(writing=False)
        engine = self.engine(database)
        with self._reading(engine) as connection:
            table = _reflect(connection, name)
            selected = [table.c[columns[hd]].label(hd) for hd in MULTITSFRAME_COLUMNS]
            statement = sa.select(*selected)
            metrics = _metrics(filters.get("metrics", "ALL"), where)
            if metrics is not None:
                statement = statement.where(table.c[columns["metric"]].in_(metrics))
            stamp = table.c[columns["timestamp"]]
            aware = bool(getattr(stamp.type, "timezone", False))
            for key, compare in (("timestampFrom", stamp.__ge__), ("timestampTo", stamp.__le__)):
                if filters.get(key):
                    statement = statement.where(compare(_bound_time(filters[key], key, aware, where)))
            frame = pd.read_sql(statement.order_by(stamp), connection)
        frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True, format="ISO8601")
        return frame

    @contextlib.contextmanager
    def _reading(self, engine: Engine) -> Iterator[Connection]:
        """A connection in a read-only transaction whose statements time out; rolled back afterwards."""
        dialect = "mysql" if engine.dialect.name == "mariadb" else engine.dialect.name
        milliseconds = max(1, int(self.timeout * 1000))
        if dialect not in ("postgresql", "mysql", "sqlite"):
            raise AdapterError(
                f"{self.name}: reading from {dialect} is not supported: queries run read-only only on "
                "SQLite, PostgreSQL and MariaDB/MySQL"
            )
        with engine.connect() as connection:
            # MariaDB limits statements in seconds, MySQL its SELECTs in milliseconds (known once connected)
            limit = ("max_statement_time", milliseconds / 1000)
            if dialect == "mysql" and not getattr(engine.dialect, "is_mariadb", False):
                limit = ("max_execution_time", milliseconds)
            if dialect == "postgresql":
                connection.exec_driver_sql("SET TRANSACTION READ ONLY")
                connection.exec_driver_sql(f"SET LOCAL statement_timeout = {milliseconds}")
            elif dialect == "mysql":
                connection.exec_driver_sql(f"SET SESSION {limit[0]} = {limit[1]}")
                connection.exec_driver_sql("START TRANSACTION READ ONLY")
            else:
                connection.exec_driver_sql("PRAGMA query_only = ON")
                _sqlite_deadline(connection, time.monotonic() + self.timeout)
            try:
                yield connection
            finally:
                connection.rollback()
                if dialect == "mysql":
                    connection.exec_driver_sql(f"SET SESSION {limit[0]} = DEFAULT")
                elif dialect == "sqlite":
                    connection.exec_driver_sql("PRAGMA query_only = OFF")
                    _sqlite_deadline(connection, None)

    # Writing -----------------------------------------------------------------------------------------------

    def _write(self, database: SqlDatabase, name: str, frame: pd.DataFrame, *, replace: bool) -> None:
        engine = self.engine(database)
        if engine.dialect.name != "postgresql":
            frame = _naive_utc(frame)
        with engine.begin() as connection:
            exists = sa.inspect(connection).has_table(name)
            if replace and exists:
                connection.execute(sa.delete(_reflect(connection, name)))
            frame.to_sql(name, connection, if_exists="append", index=False, method="multi", chunksize=1000)

    # Plumbing ----------------------------------------------------------------------------------------------

    def engine(self, database: SqlDatabase) -> Engine:
        """The engine of ``database``, made on first use."""
        with self._lock:
            engine = self._engines.get(database.key)
            if engine is None:
                try:
                    engine = sa.create_engine(database.connection_url, pool_pre_ping=True)
                except (ArgumentError, ImportError, ValueError) as exc:
                    raise AdapterError(
                        f"{self.name}: database {database.key!r} has an unusable connection_url: {exc}"
                    ) from exc
                self._engines[database.key] = engine
            return engine

    def dispose(self) -> None:
        """Close every pooled connection."""
        with self._lock:
            for engine in self._engines.values():
                engine.dispose()
            self._engines.clear()

    def _reference(self, ref: str | None, where: str) -> tuple[SqlDatabase, str, str]:
        parts = (ref or "").split("/", 2)
        if (
            len(parts) < 2
            or parts[1] not in (*_SOURCES, *_SINKS)
            or (parts[1] != "query") != (len(parts) == 3)
        ):
            raise InvalidWiring(
                f"{where}: ref_id {ref!r} is not '<key>/query', '<key>/table/<table>', '<key>/ts_table/<table>' "
                "or a sink '<key>/append_table|replace_table|appendable_ts_table/<table>'"
            )
        database = self.databases.get(parts[0])
        if database is None:
            raise InvalidWiring(
                f"{where}: no database with key {parts[0]!r}; configured: {', '.join(self.databases) or 'none'} "
                "(SEALFLOW_SQL_DATABASES)"
            )
        return database, parts[1], parts[2] if len(parts) == 3 else ""

    @contextlib.contextmanager
    def _errors(self, database: SqlDatabase, where: str) -> Iterator[None]:
        """Database errors as adapter errors naming the database (its URL without the password)."""
        try:
            yield
        except SealflowError:
            raise
        except NoSuchTableError as exc:
            raise InvalidWiring(f"{where}: database {database.key!r} has no table {exc.args[0]!r}") from exc
        except (SQLAlchemyError, pd.errors.DatabaseError, ValueError, TypeError) as exc:
            cause = exc.__cause__ if isinstance(exc, pd.errors.DatabaseError) else exc
            text = _first_line(cause or exc)
            if isinstance(cause, OperationalError) and (
                cause.connection_invalidated or "connect" in text.lower()
            ):
                url = sa.make_url(database.connection_url).render_as_string(hide_password=True)
                raise AdapterUnavailable(
                    f"{where}: database {database.key!r} ({url}) cannot be reached: {text}"
                ) from exc
            if any(mark in text.lower() for mark in _TIMEOUT_MARKS):
                text = f"the query ran longer than the statement timeout of {self.timeout:g} s ({text})"
            raise AdapterError(f"{where}: database {database.key!r}: {text}") from exc


def _reflect(connection: Connection, name: str) -> sa.Table:
    return sa.Table(name, sa.MetaData(), autoload_with=connection)


def _sqlite_deadline(connection: Connection, deadline: float | None) -> None:
    """Interrupt SQLite statements that run past ``deadline`` (a ``time.monotonic`` value)."""
    raw = connection.connection.driver_connection
    assert raw is not None
    if deadline is None:
        raw.set_progress_handler(None, 0)
    else:
        raw.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)


def _metrics(text: str, where: str) -> list[str] | None:
    if text.strip() in ("", "ALL"):
        return None
    try:
        metrics = json.loads(text)
    except json.JSONDecodeError:
        metrics = None
    if not isinstance(metrics, list) or not all(isinstance(m, str) for m in metrics):
        raise InvalidWiring(f"{where}: filter metrics must be ALL or a JSON list of names, not {text!r}")
    return metrics


def _bound_time(text: str, key: str, aware: bool, where: str) -> Any:
    try:
        stamp = pd.Timestamp(text)
    except ValueError as exc:
        raise InvalidWiring(f"{where}: filter {key} {text!r} is no ISO 8601 timestamp") from exc
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    value = stamp.to_pydatetime()
    return value if aware else value.replace(tzinfo=None)


def _typed(frame: pd.DataFrame, data_type: DataType, where: str) -> Any:
    if data_type in (DataType.DATAFRAME, DataType.MULTITSFRAME, DataType.ANY):
        return frame
    if data_type is DataType.SERIES and len(frame.columns) == 1:
        return frame.iloc[:, 0]
    raise InvalidWiring(
        f"{where}: a {data_type} cannot be loaded from a table; use DATAFRAME or MULTITSFRAME"
    )


def _frame(value: Any, data_type: DataType, where: str) -> pd.DataFrame:
    if data_type not in (DataType.DATAFRAME, DataType.MULTITSFRAME, DataType.SERIES, DataType.ANY):
        raise InvalidWiring(f"{where}: a {data_type} cannot be written to a table")
    parsed = value if data_type is DataType.ANY else parse_value(value, data_type)
    if isinstance(parsed, pd.Series):
        parsed = parsed.to_frame(name="value" if parsed.name is None else str(parsed.name))
    if not isinstance(parsed, pd.DataFrame):
        raise AdapterError(f"{where}: a {type(parsed).__name__} cannot be written to a table")
    index = parsed.index
    if isinstance(index, pd.RangeIndex):
        return parsed
    return parsed.set_axis(index.rename(index.name or "timestamp"), axis=0).reset_index()


def _ts_rows(frame: pd.DataFrame, columns: Mapping[str, str], where: str) -> pd.DataFrame:
    missing = [name for name in MULTITSFRAME_COLUMNS if name not in frame.columns]
    if missing:
        raise AdapterError(
            f"{where}: a timeseries table takes timestamp, metric and value; missing {missing}"
        )
    return frame[list(MULTITSFRAME_COLUMNS)].rename(columns=dict(columns))


def _naive_utc(frame: pd.DataFrame) -> pd.DataFrame:
    """Timezone-aware columns as naive UTC, for databases whose timestamps hold no zone."""
    aware = [name for name, dtype in frame.dtypes.items() if isinstance(dtype, pd.DatetimeTZDtype)]
    if not aware:
        return frame
    return frame.assign(
        **{str(name): frame[name].dt.tz_convert("UTC").dt.tz_localize(None) for name in aware}
    )


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
