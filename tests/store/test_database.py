"""Opening databases, transactions that are all-or-nothing, and reading from another process."""

from __future__ import annotations

import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import text

from sealflow.config import Settings
from sealflow.errors import Conflict, StorageError
from sealflow.model.hashing import code_hash
from sealflow.store.database import Database
from store.factories import component, workflow


def test_the_default_database_is_a_sqlite_file_in_a_new_home_directory(tmp_path):
    settings = Settings(home=tmp_path / "new" / "home")
    with Database.open(settings.database_url) as database:
        database.code.put("a = 1\n")
    assert (tmp_path / "new" / "home" / "sealflow.db").is_file()


def test_sqlite_runs_with_foreign_keys_and_write_ahead_logging(sqlite_url):
    with Database.open(sqlite_url) as database, database.session(write=False) as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_an_in_memory_sqlite_database_works():
    with Database.open("sqlite://") as database:
        tr = component()
        database.transformations.insert(tr)
        assert database.transformations.get(tr.id) == tr


@pytest.mark.parametrize(
    ("url", "message"),
    [
        pytest.param("mysql://user@localhost/db", "not supported", id="unsupported"),
        pytest.param("not a url", "no database URL", id="garbage"),
        pytest.param("postgresql://postgres@127.0.0.1:1/none", "cannot use the database", id="unreachable"),
    ],
)
def test_a_database_that_cannot_be_used_is_a_storage_error(url, message):
    with pytest.raises(StorageError, match=message):
        Database.open(url)


def test_a_revision_written_is_read_by_a_new_process(sqlite_url):
    tr = component()
    with Database.open(sqlite_url) as database:
        database.transformations.insert(tr)
    script = (
        "import sys\n"
        "from sealflow.store.database import Database\n"
        "with Database.open(sys.argv[1]) as database:\n"
        "    print(database.transformations.get(sys.argv[2]).model_dump_json())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, sqlite_url, str(tr.id)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(sqlite_url.removeprefix("sqlite:///")).parent,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert type(tr).model_validate_json(result.stdout) == tr


def test_a_unit_of_work_that_fails_writes_nothing(database):
    first = component(tag="1.0.0", code="first = 1\n")
    clash = component(tag="1.0.0", group=first.revision_group_id, code="clash = 1\n")

    def store_both():
        with database.transaction() as uow:
            uow.transformations.insert(first)
            uow.transformations.insert(clash)

    with pytest.raises(Conflict):
        store_both()
    assert database.transformations.list() == []
    assert database.code.hashes() == set()


def test_calls_through_the_database_join_an_open_transaction(database):
    tr = component()

    def store_then_fail():
        with database.transaction():
            database.transformations.insert(tr)
            database.code.put("loose = 1\n")
            assert database.transformations.get(tr.id) == tr
            raise RuntimeError("abort")

    with pytest.raises(RuntimeError, match="abort"):
        store_then_fail()
    assert database.transformations.find(tr.id) is None
    assert database.code.hashes() == set()


def test_a_failed_call_in_a_unit_of_work_leaves_no_trace_and_the_rest_commits(database):
    first = component(tag="1.0.0")
    clash = component(tag="1.0.0", group=first.revision_group_id, code="clash = 1\n")
    other = component("Other")
    with database.transaction() as uow:
        uow.transformations.insert(first)
        with pytest.raises(Conflict):
            uow.transformations.insert(clash)
        uow.transformations.insert(other)
    assert {tr.id for tr in database.transformations.list()} == {first.id, other.id}
    assert not database.code.has(code_hash("clash = 1\n"))


def test_a_nested_transaction_rolls_back_alone(database):
    kept, dropped = component("Kept"), component("Dropped")

    def store_then_fail():
        with database.transaction():
            database.transformations.insert(dropped)
            raise RuntimeError("inner")

    with database.transaction():
        database.transformations.insert(kept)
        with pytest.raises(RuntimeError, match="inner"):
            store_then_fail()
    assert [tr.name for tr in database.transformations.list()] == ["Kept"]


def test_a_failed_write_leaves_nothing_half_written(database):
    unstored = component("Unstored", code="never = 1\n")
    flow = workflow("Flow", [unstored])
    with pytest.raises(Conflict):
        database.transformations.insert(flow)
    clash_target = component(tag="1.0.0")
    database.transformations.insert(clash_target)
    with pytest.raises(Conflict):
        database.transformations.insert(
            component(tag="1.0.0", group=clash_target.revision_group_id, code="half = 1\n")
        )
    assert [tr.id for tr in database.transformations.list()] == [clash_target.id]
    assert database.code.hashes() == {code_hash(clash_target.code())}


def test_a_deadlock_between_two_transactions_is_a_conflict_to_retry(postgres_url):
    first, second = Database.open(postgres_url), Database.open(postgres_url)
    both_hold_one = threading.Barrier(2, timeout=10)

    def lock_in_order(database: Database, keys: tuple[int, int]) -> BaseException | None:
        try:
            with database.writing() as session:
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": keys[0]})
                both_hold_one.wait()
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": keys[1]})
        except Conflict as exc:
            return exc
        return None

    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            outcomes = list(pool.map(lock_in_order, [first, second], [(1, 2), (2, 1)]))
    finally:
        first.close()
        second.close()

    refused = [outcome for outcome in outcomes if outcome is not None]
    assert len(refused) == 1
    assert "ran at the same time" in str(refused[0])
    assert "try again" in str(refused[0])
