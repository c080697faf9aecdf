"""An opened Sealflow database: engine, schema upgrade, transactions and error translation.

Each repository call runs in its own transaction. To make several calls all-or-nothing, run them in
one unit of work::

    with database.transaction() as uow:
        uow.code.put(text)
        uow.transformations.insert(revision)
        database.transformations.update(other)   # joins the same transaction

While a ``transaction()`` block is open, every call through this database in the same thread (or
asyncio task) joins it, whether made through ``uow`` or through the database's own repositories; a
nested ``transaction()`` is a savepoint. Inside a unit of work each write call runs in a savepoint as
well: a call that fails leaves no trace and the caller may go on with the others. Everything is
committed when the outermost block ends without an exception.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from types import TracebackType
from typing import TYPE_CHECKING, Protocol
from uuid import UUID

from sqlalchemy import URL, Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from sealflow.errors import Conflict, InvalidInput, StorageError
from sealflow.store.engine import make_engine, writer
from sealflow.store.migrations import upgrade
from sealflow.store.statements import CoreStatements, Prepared, Statement, Statements, driver_transaction

if TYPE_CHECKING:
    from sealflow.store.code import CodeRepository
    from sealflow.store.transformations import TransformationRepository


class Scope(Protocol):
    """Where repository calls get their session from: a database or a unit of work."""

    def reading(self) -> AbstractContextManager[Session]:
        """A session for queries."""
        ...

    def writing(self) -> AbstractContextManager[Session]:
        """A session whose changes are kept only if the block ends without an exception."""
        ...

    def statements(self, *, write: bool) -> AbstractContextManager[Statements]:
        """Core statements in a transaction, for the hot paths that need no ORM session."""
        ...


class Database:
    """A database with Sealflow's schema; open it with ``Database.open`` and close it when done."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self._readers = sessionmaker(bind=engine, expire_on_commit=False)
        self._writers = sessionmaker(bind=self._writer, expire_on_commit=False)
        self._prepared: dict[Statement, Prepared] = {}

    @classmethod
    def open(cls, url: str | URL, *, migrate: bool = True, echo: bool = False) -> Database:
        """Connect to ``url`` and (unless ``migrate`` is false) upgrade its schema to the newest."""
        engine = make_engine(url, echo=echo)
        try:
            if migrate:
                with translate_errors(engine):
                    upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for code inside ``sealflow.store``."""
        return self._engine

    @property
    def url(self) -> URL:
        """The database URL."""
        return self._engine.url

    def close(self) -> None:
        """Close every pooled connection; the object must not be used afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({self.url.render_as_string(hide_password=True)!r})"

    @contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """A session in a transaction (the open unit of work, if any), kept only if the block succeeds."""
        active = self._active_unit()
        if active is not None:
            with active.writing() if write else active.reading() as session:
                yield session
            return
        factory = self._writers if write else self._readers
        with translate_errors(self._engine), factory.begin() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[UnitOfWork]:
        """A unit of work: calls through this database are committed together, or not at all."""
        active = self._active_unit()
        if active is not None:
            with translate_errors(self._engine), active.writing():
                yield active
            return
        with self.session(write=True) as session:
            unit = UnitOfWork(session)
            token = _ACTIVE_UNIT.set((self, unit))
            try:
                yield unit
            finally:
                _ACTIVE_UNIT.reset(token)

    @contextmanager
    def statements(self, *, write: bool) -> Iterator[Statements]:
        """Core statements in a transaction (the open unit of work's, if any), kept only if the block
        succeeds. Outside a unit of work they run on the driver: a fraction of an ORM session's cost."""
        active = self._active_unit()
        if active is not None:
            with active.statements(write=write) as statements:
                yield statements
            return
        with (
            translate_errors(self._engine),
            driver_transaction(self._engine, self._prepare, write=write) as done,
        ):
            yield done

    def _prepare(self, statement: Statement) -> Prepared:
        prepared = self._prepared.get(statement)
        if prepared is None:
            prepared = self._prepared[statement] = Prepared(statement, self._engine.dialect)
        return prepared

    def _active_unit(self) -> UnitOfWork | None:
        active = _ACTIVE_UNIT.get()
        return active[1] if active is not None and active[0] is self else None

    def reading(self) -> AbstractContextManager[Session]:
        """A session for queries, in a transaction of its own."""
        return self.session(write=False)

    def writing(self) -> AbstractContextManager[Session]:
        """A session in a writing transaction of its own."""
        return self.session(write=True)

    @property
    def transformations(self) -> TransformationRepository:
        """Transformation revisions; each call is a transaction of its own."""
        from sealflow.store.transformations import TransformationRepository

        return TransformationRepository(self)

    @property
    def code(self) -> CodeRepository:
        """The code store; each call is a transaction of its own."""
        from sealflow.store.code import CodeRepository

        return CodeRepository(self)


#: The unit of work open in the current thread or task, with the database it belongs to.
_ACTIVE_UNIT: ContextVar[tuple[Database, UnitOfWork] | None] = ContextVar(
    "sealflow_unit_of_work", default=None
)


class UnitOfWork:
    """Several repository calls in one transaction; each write call runs in a savepoint."""

    def __init__(self, session: Session) -> None:
        self.session = session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """The session of the unit of work."""
        yield self.session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """The session of the unit of work inside a savepoint, rolled back if the block fails."""
        with self.session.begin_nested():
            yield self.session

    @contextmanager
    def statements(self, *, write: bool) -> Iterator[Statements]:
        """Core statements on the unit of work's connection; for writes inside a savepoint."""
        with self.writing() if write else self.reading() as session:
            yield CoreStatements(session.connection())

    @property
    def transformations(self) -> TransformationRepository:
        """Transformation revisions, inside this unit of work."""
        from sealflow.store.transformations import TransformationRepository

        return TransformationRepository(self)

    @property
    def code(self) -> CodeRepository:
        """The code store, inside this unit of work."""
        from sealflow.store.code import CodeRepository

        return CodeRepository(self)


_CONCURRENCY_FAILURES = frozenset({"40001", "40P01"})
"""SQLSTATEs of a transaction the database stopped for a concurrent one (serialization, deadlock)."""


@contextmanager
def translate_errors(engine: Engine | None = None) -> Iterator[None]:
    """Turn SQLAlchemy errors into ``Conflict`` (integrity, concurrent changes) or ``StorageError``."""
    try:
        yield
    except IntegrityError as exc:
        raise Conflict(
            f"the change clashes with what is stored: {first_line(exc)}; reload and try again"
        ) from exc
    except OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) in _CONCURRENCY_FAILURES:
            raise Conflict(
                f"another change to the same data ran at the same time ({first_line(exc)}); try again"
            ) from exc
        where = f" at {engine.url.render_as_string(hide_password=True)}" if engine is not None else ""
        raise StorageError(
            f"cannot use the database{where}: {first_line(exc)}; "
            "check that it is reachable and not locked by another program"
        ) from exc
    except SQLAlchemyError as exc:
        raise StorageError(f"the database failed: {first_line(exc)}") from exc


def first_line(exc: SQLAlchemyError) -> str:
    """The first line of the driver's message, without SQLAlchemy's statement dump."""
    cause = getattr(exc, "orig", None) or exc
    lines = str(cause).strip().splitlines()
    return lines[0] if lines else type(cause).__name__


def as_uuid(value: UUID | str, what: str) -> UUID:
    """``value`` as a UUID; ``InvalidInput`` naming ``what`` if it is none."""
    if isinstance(value, UUID):
        return value
    try:
        return UUID(value)
    except ValueError as exc:
        raise InvalidInput(f"{value!r} is no {what}; it must be a UUID") from exc
