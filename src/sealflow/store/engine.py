"""Engines for the two supported databases: an embedded SQLite file and PostgreSQL.

SQLite runs with foreign keys on and in WAL mode (readers never block the writer). Sealflow, not the
``sqlite3`` module, emits ``BEGIN`` (``begin_statement``, for SQLAlchemy's connections and for the
driver statements of ``statements.py``): that makes DDL transactional (a failed migration leaves nothing
behind) and savepoints reliable. Writing transactions start with ``BEGIN IMMEDIATE``, so two processes
that write the same file queue up for the lock instead of failing half-way through a transaction.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pydantic_core
from sqlalchemy import URL, Connection, Dialect, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from sealflow.errors import StorageError

#: Execution option that marks an engine's transactions as writing (``BEGIN IMMEDIATE`` on SQLite).
WRITE_OPTION = "sealflow_write"

SQLITE_BUSY_TIMEOUT_SECONDS = 30


def parse_url(url: str | URL) -> URL:
    """The SQLAlchemy URL of a supported database; ``postgresql://`` selects the psycopg 3 driver."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(
            f"{url!r} is no database URL; use sqlite:///<path to file> or "
            "postgresql+psycopg://<user>@<host>:<port>/<database>"
        ) from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql" and parsed.drivername == "postgresql":
        return parsed.set(drivername="postgresql+psycopg")
    if backend not in ("sqlite", "postgresql"):
        raise StorageError(
            f"database {parsed.render_as_string(hide_password=True)} is not supported; "
            "use sqlite:///<path to file> or postgresql+psycopg://<user>@<host>:<port>/<database>"
        )
    return parsed


def make_engine(url: str | URL, *, echo: bool = False) -> Engine:
    """A configured engine for ``url``; for a SQLite file its directory is created if missing."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, echo=echo)
    return create_engine(
        parsed,
        echo=echo,
        json_serializer=_json_text,
        json_deserializer=pydantic_core.from_json,
        pool_size=5,
        max_overflow=10,
        pool_pre_ping=True,
        pool_recycle=1800,
    )


def _json_text(value: Any) -> str:
    """JSON columns are written by pydantic's serializer: the same documents as ``json.dumps`` writes
    (``NaN`` included), without spaces, in a quarter of the time."""
    return pydantic_core.to_json(value).decode()


def writer(engine: Engine) -> Engine:
    """A view of ``engine`` whose transactions are marked as writing."""
    return engine.execution_options(**{WRITE_OPTION: True})


def is_sqlite_memory(url: URL) -> bool:
    """Whether ``url`` names an in-memory SQLite database."""
    database = url.database or ""
    return database in ("", ":memory:") or "mode=memory" in database or database.startswith("file::memory:")


def _sqlite_engine(url: URL, *, echo: bool) -> Engine:
    kwargs: dict[str, Any] = {
        "connect_args": {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_SECONDS}
    }
    if is_sqlite_memory(url):
        kwargs["poolclass"] = StaticPool
    else:
        path = Path(url.database or "").expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"cannot create the directory {path.parent} for the database file: {exc}; "
                "choose another home directory or database URL"
            ) from exc
    engine = create_engine(
        url, echo=echo, json_serializer=_json_text, json_deserializer=pydantic_core.from_json, **kwargs
    )
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _on_sqlite_connect(dbapi_connection: Any, connection_record: ConnectionPoolEntry) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        _enable_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _enable_wal(cursor: Any) -> None:
    """Switch the file to write-ahead logging (it stays so). The switch needs an exclusive lock and
    SQLite does not wait for one, so concurrent first openings retry within the busy timeout."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_SECONDS
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def begin_statement(dialect: Dialect, *, write: bool) -> str | None:
    """The SQL that opens a transaction on a driver connection, or ``None`` where the driver opens one
    by itself (PostgreSQL)."""
    if dialect.name != "sqlite":
        return None
    return "BEGIN IMMEDIATE" if write else "BEGIN"


def _on_sqlite_begin(connection: Connection) -> None:
    writing = connection.get_execution_options().get(WRITE_OPTION, False)
    begin = begin_statement(connection.dialect, write=writing)
    assert begin is not None
    connection.exec_driver_sql(begin)
