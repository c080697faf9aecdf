"""``sealflow executions list`` and ``show``, driven through the console script in a subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest

from sealflow.model.execution import ExecutionRecord
from sealflow.model.hashing import code_hash
from sealflow.model.transformation import TransformationRevision
from sealflow.repro.fingerprint import current_fingerprint
from support import add_component, component

SCRIPT = Path(sys.executable).parent / "sealflow"


@dataclass(frozen=True)
class Done:
    """Exit code and output of one command."""

    args: tuple[str, ...]
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    def rows(self) -> list[list[str]]:
        """The cells of each body row of a table in the output."""
        return [
            [cell.strip() for cell in line.split("│")[1:-1]] for line in self.out.splitlines() if "│" in line
        ]

    def __str__(self) -> str:
        return f"$ sealflow {' '.join(self.args)}\n[exit {self.code}]\n{self.out}\n--- stderr ---\n{self.err}"


@dataclass(frozen=True)
class Cli:
    """The console script run on one instance, as a user types it."""

    home: Path
    db_url: str | None = None

    def _env(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if not key.startswith("SEALFLOW_")}
        env.pop("FORCE_COLOR", None)
        env |= {
            "SEALFLOW_HOME": str(self.home),
            "COLUMNS": "250",
            "NO_COLOR": "1",
            "PYTHONIOENCODING": "utf-8",
        }
        if self.db_url is not None:
            env["SEALFLOW_DB_URL"] = self.db_url
        return env

    def call(self, *args: str | Path) -> Done:
        argv = tuple(str(arg) for arg in args)
        self.home.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [str(SCRIPT), *argv],
            cwd=self.home,
            env=self._env(),
            capture_output=True,
            timeout=120,
            check=False,
        )
        return Done(argv, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))

    def __call__(self, *args: str | Path, code: int = 0) -> Done:
        done = self.call(*args)
        assert done.code == code, str(done)
        return done

    def all(self, *commands: Sequence[str | Path]) -> list[Done]:
        """Independent read-only commands side by side; each must succeed."""
        with ThreadPoolExecutor(max_workers=len(commands)) as pool:
            done = list(pool.map(lambda args: self.call(*args), commands))
        for outcome in done:
            assert outcome.code == 0, str(outcome)
        return done


def sha256_of(serialized: Any) -> str:
    canonical = json.dumps(serialized, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class History:
    """An instance with three recorded runs: two of Add (ok, then failed) and one of Fail in between."""

    cli: Cli
    add: TransformationRevision
    fail: TransformationRevision
    ok_id: str
    fail_id: str
    bad_input_id: str


def import_and_run(cli: Cli, tmp: Path) -> History:
    add = add_component()
    fail = component("Fail", {"x": "INT"}, {"y": "INT"}, "raise RuntimeError(f'no [good] value: {x}')")
    path = tmp / "revisions.json"
    path.write_text(json.dumps([add.to_json_dict(), fail.to_json_dict()]), encoding="utf-8")
    cli("import-json", path)
    ok = cli("run", "Add", "--input", "a=2", "--input", "b=40", "--json").json()
    failed = cli("run", "Fail", "--input", "x=7", "--json", code=5).json()
    bad = cli("run", "Add", "--input", "a=two", "--input", "b=40", "--json", code=5).json()
    return History(cli, add, fail, ok["job_id"], failed["job_id"], bad["job_id"])


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    """A SQLite instance with recorded runs; tests using it must not change it."""
    tmp = tmp_path_factory.mktemp("executions")
    return import_and_run(Cli(tmp / "home"), tmp)


def test_runs_are_recorded_in_postgresql_too(postgres_schema_url: str, tmp_path: Path):
    recorded = import_and_run(Cli(tmp_path / "home", postgres_schema_url), tmp_path)
    listed = recorded.cli("executions", "list", "--json").json()
    assert [item["id"] for item in listed] == [recorded.bad_input_id, recorded.fail_id, recorded.ok_id]
    assert [item["status"] for item in listed] == ["failure", "failure", "ok"]


def test_list_prints_a_table_of_the_runs(history: History):
    rows = history.cli("executions", "list").rows()
    by_id = {row[0]: row for row in rows}
    assert list(by_id) == [history.bad_input_id, history.fail_id, history.ok_id]
    for execution_id, name, status, operators in [
        (history.ok_id, "Add 1.0.0", "ok", "1"),
        (history.fail_id, "Fail 1.0.0", "failure", "0"),
        (history.bad_input_id, "Add 1.0.0", "failure", "0"),
    ]:
        _, started, transformation, shown_status, duration, shown_operators = by_id[execution_id]
        assert started.endswith(" UTC")
        assert (transformation, shown_status, shown_operators) == (name, status, operators)
        assert duration.endswith(" s")


FILTERS = [
    (["--status", "ok"], ["ok_id"]),
    (["--status", "failure"], ["bad_input_id", "fail_id"]),
    (["--transformation", "Add"], ["bad_input_id", "ok_id"]),
    (["--transformation", "Fail@1.0.0"], ["fail_id"]),
    (["--transformation", "Add", "--status", "ok"], ["ok_id"]),
    (["--limit", "1"], ["bad_input_id"]),
    (["--limit", "2"], ["bad_input_id", "fail_id"]),
]


def test_list_filters(history: History):
    """Each filter of ``FILTERS`` (options, expected runs newest first), run side by side."""
    outcomes = history.cli.all(
        *(["executions", "list", *options, "--json"] for options, _ in FILTERS),
        ["executions", "list", "--transformation", str(history.fail.id), "--json"],
    )
    expected = [[getattr(history, name) for name in names] for _, names in FILTERS] + [[history.fail_id]]
    assert [[item["id"] for item in done.json()] for done in outcomes] == expected


def test_show_json_is_the_whole_record(history: History):
    shown = history.cli("executions", "show", history.ok_id, "--json").json()
    record = ExecutionRecord.model_validate(shown)
    assert str(record.id) == history.ok_id
    assert record.code_hashes == [code_hash(history.add.code())]
    assert [(value.name, value.sha256, value.value) for value in record.inputs] == [
        ("a", sha256_of(2), 2),
        ("b", sha256_of(40), 40),
    ]
    assert [(value.name, value.sha256, value.value) for value in record.outputs] == [
        ("sum", sha256_of(42), 42)
    ]


def test_show_prints_the_manifest(history: History):
    ok, failed = history.cli.all(
        ["executions", "show", history.ok_id], ["executions", "show", history.fail_id.upper()]
    )
    add_hash, fail_hash = code_hash(history.add.code()), code_hash(history.fail.code())

    assert ok.out.splitlines()[0] == f"execution {history.ok_id}: ok"
    assert f"transformation: component 'Add' 1.0.0 ({history.add.id})" in ok.out
    assert f"code hashes (1):\n  {add_hash}\n" in ok.out
    assert f"environment fingerprint: {current_fingerprint().id}" in ok.out
    assert "  input a <- direct_provisioning 2" in ok.out
    values = {row[0]: row for row in ok.rows() if row[0] in ("a", "b", "sum")}
    assert values == {
        "a": ["a", "INT", "direct_provisioning", sha256_of(2), "1", "2"],
        "b": ["b", "INT", "direct_provisioning", sha256_of(40), "2", "40"],
        "sum": ["sum", "INT", "direct_provisioning", sha256_of(42), "2", "42"],
    }
    (operator,) = [row for row in ok.rows() if row[0] == "Add"]
    assert operator[1] == add_hash
    assert float(operator[2]) >= 0

    assert failed.out.splitlines()[0] == f"execution {history.fail_id}: failure"
    assert f"code hashes (1):\n  {fail_hash}\n" in failed.out
    assert "error: EXECUTING_COMPONENT_CODE: RuntimeError: no [good] value: 7" in failed.out
    assert "operator: Fail" in failed.out
    assert "at COMPONENT CODE, line 3, in main" in failed.out
    assert "traceback:\nTraceback (most recent call last):" in failed.out


def test_show_of_a_run_whose_input_did_not_parse(history: History):
    shown = history.cli("executions", "show", history.bad_input_id)
    assert "error: PARSING_LOADED_DATA: ValueParseError: input 'a' (INT)" in shown.out
    assert "  input a <- direct_provisioning two" in shown.out
    assert f"code hashes (1):\n  {code_hash(history.add.code())}\n" in shown.out


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        pytest.param(["show", str(uuid4())], 3, "no execution record with id", id="unknown-id"),
        pytest.param(["show", "latest"], 2, "'latest' is no execution id", id="no-uuid"),
        pytest.param(
            ["list", "--transformation", "Subtract"], 3, "no transformation with id or name", id="name"
        ),
    ],
)
def test_a_mistake_exits_with_its_code(history: History, args: list[str], code: int, says: str):
    done = history.cli("executions", *args, code=code)
    assert says in done.err
    assert done.out == ""
