"""Alembic migrations of the Sealflow schema, configured in code so they run from an installed package.

``upgrade`` brings a database to the newest schema. It is idempotent and safe to run from several
processes at once: a database already at head is only read; otherwise the upgrade runs in one
transaction that first takes a lock (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL),
so a second process waits and then finds nothing left to do.

To write a new migration, generate it against a database at head::

    from alembic import command
    command.revision(alembic_config("sqlite:///dev.db"), message="...", autogenerate=True)
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import URL, Connection, Engine, inspect, text

from sealflow.errors import StorageError
from sealflow.store.engine import make_engine, writer
from sealflow.store.tables import Base

SCRIPT_LOCATION = "sealflow.store:migrations"

#: Key of the PostgreSQL advisory lock held while the schema is upgraded.
MIGRATION_LOCK_KEY = 0x5EA1F10


def alembic_config(url: str | URL | None = None) -> Config:
    """An Alembic configuration for Sealflow's migrations, optionally bound to a database URL."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    if url is not None:
        rendered = url.render_as_string(hide_password=False) if isinstance(url, URL) else url
        config.set_main_option("sqlalchemy.url", rendered.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest schema revision this version of Sealflow knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise StorageError("Sealflow ships no schema migrations; reinstall Sealflow")
    return head


def current_revision(connection: Connection) -> str | None:
    """The schema revision a database is at, ``None`` for a database without Sealflow's schema."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(target: Engine | str | URL) -> None:
    """Bring the database to the newest schema; does nothing when it is there already."""
    if isinstance(target, Engine):
        _upgrade(target)
        return
    engine = make_engine(target)
    try:
        _upgrade(engine)
    finally:
        engine.dispose()


def _upgrade(engine: Engine) -> None:
    head = head_revision()
    with engine.connect() as connection:
        current = current_revision(connection)
        if current == head:
            return
        if current is None:
            _check_empty(connection)
    _check_known(current)
    config = alembic_config()
    with writer(engine).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except CommandError as exc:
            raise StorageError(f"cannot upgrade the database schema: {exc}") from exc


def _check_empty(connection: Connection) -> None:
    ours = set(Base.metadata.tables)
    clashing = sorted(ours & set(inspect(connection).get_table_names()))
    if clashing:
        raise StorageError(
            f"the database already has the table(s) {', '.join(clashing)} but no Sealflow schema "
            "version: it was not created by Sealflow (a hetida designer database, perhaps); "
            "give Sealflow an empty database and import the transformations instead"
        )


def _check_known(current: str | None) -> None:
    if current is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    try:
        known = script.get_revision(current) is not None
    except CommandError:
        known = False
    if not known:
        raise StorageError(
            f"the database schema is at revision {current!r}, which this Sealflow does not know; "
            "it was written by a newer Sealflow — upgrade Sealflow to use this database"
        )
