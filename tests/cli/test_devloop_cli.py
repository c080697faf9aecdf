"""The local development loop, typed the way a user types it: new, run, test, watch.

Each command runs the console script in a subprocess, in a project folder of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from sealflow.code.pyfile import transformation_from_code
from sealflow.model.datatypes import DataType, InputType, State

SCRIPT = Path(sys.executable).parent / "sealflow"
REPO = Path(__file__).resolve().parents[2]
DEMO_FILES = sorted((REPO / "examples" / "demo" / "transformations").glob("*.json"))

USER_TEST = """
import pandas as pd


def test_scale_doubles(sealflow_run, sealflow_parse):
    x = sealflow_parse('{"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 3.0}', "SERIES")
    outcome = sealflow_run("components/scale.py", x=x, factor=2.0)
    pd.testing.assert_series_equal(outcome["y"], x * 2)


def test_the_test_wiring_runs(sealflow_run):
    assert sealflow_run.test_wiring("components/scale.py").ok
"""


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    def __str__(self) -> str:
        return f"[exit {self.code}]\n{self.out}\n--- stderr ---\n{self.err}"


def environment(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("SEALFLOW_", "PYTEST_"))}
    env.pop("FORCE_COLOR", None)
    return env | {"SEALFLOW_HOME": str(home), "COLUMNS": "200", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}


def sealflow(cwd: Path, *args: str | Path, code: int = 0) -> Outcome:
    done = subprocess.run(
        [str(SCRIPT), *map(str, args)],
        cwd=cwd,
        env=environment(cwd / ".sealflow"),
        capture_output=True,
        timeout=180,
        check=False,
    )
    outcome = Outcome(done.returncode, done.stdout.decode(), done.stderr.decode())
    assert outcome.code == code, str(outcome)
    return outcome


def scale_body(path: Path, body: str) -> None:
    text = path.read_text(encoding="utf-8")
    marker = "# ***** DO NOT EDIT LINES ABOVE *****\n"
    start = text.index(marker) + len(marker)
    end = text.index("TEST_WIRING_FROM_PY_FILE_IMPORT")
    path.write_text(text[:start] + body + "\n\n\n" + text[end:], encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the component ``Scale`` (y = x * factor) made by ``sealflow new``."""
    out = sealflow(
        tmp_path,
        "new",
        "component",
        "Scale",
        "--input",
        "x:SERIES",
        "--input",
        "factor:FLOAT=2.5",
        "--output",
        "y:SERIES",
        "--category",
        "Arithmetic",
        "--dir",
        "components",
    )
    assert "wrote components/scale.py" in out.out
    scale_body(tmp_path / "components" / "scale.py", '    return {"y": x * factor}')
    return tmp_path


def test_new_writes_a_draft_component_in_the_exchange_format(project: Path):
    code = (project / "components" / "scale.py").read_text(encoding="utf-8")
    tr = transformation_from_code(code, "scale.py")
    assert (tr.name, tr.category, tr.version_tag, tr.state) == ("Scale", "Arithmetic", "0.1.0", State.DRAFT)
    assert [(i.name, i.data_type, i.type, i.value) for i in tr.io_interface.inputs] == [
        ("x", DataType.SERIES, InputType.REQUIRED, None),
        ("factor", DataType.FLOAT, InputType.OPTIONAL, "2.5"),
    ]
    assert [w.workflow_input_name for w in tr.test_wiring.input_wirings] == ["x"]
    assert "def main(*, x, factor=2.5):" in code
    again = sealflow(project, "new", "component", "Scale", "--output", "y:INT", "--dir", "components", code=4)
    assert "exists already" in again.err
    assert transformation_from_code((project / "components" / "scale.py").read_text(), "scale.py").id == tr.id
    bad = sealflow(project, "new", "component", "Odd", "--input", "x:SERIESS", code=2)
    assert "unknown type 'SERIESS'" in bad.err


def test_a_new_component_runs_as_written(tmp_path: Path):
    sealflow(
        tmp_path,
        "new",
        "component",
        "Every Type",
        *(
            arg
            for t in DataType
            for arg in ("--input", f"in_{t.lower()}:{t}", "--output", f"out_{t.lower()}:{t}")
        ),
    )
    out = sealflow(tmp_path, "test", ".")
    assert "PASS every_type.py  Every Type 0.1.0" in out.out
    assert "1 passed, 0 failed" in out.out


def test_run_executes_a_py_file_without_storing_it(project: Path):
    out = sealflow(project, "run", "components/scale.py", "--test-wiring", "--json")
    result = json.loads(out.out)
    assert result["result"] == "ok"
    assert result["output_results_by_output_name"]["y"]["__data__"]["data"] == [2.5, 5.0, 10.0]
    out = sealflow(project, "run", "components/scale.py", "--input", "x=[1, 2]", "--input", "factor=3")
    assert "ok Scale 0.1.0" in out.out
    listed = sealflow(project, "transformations", "list")
    assert "Scale" not in listed.out
    missing = sealflow(project, "run", "components/nope.py", code=2)
    assert "does not exist" in missing.err


def test_test_runs_test_wirings_and_the_users_pytest_tests(project: Path):
    (project / "tests").mkdir()
    (project / "tests" / "test_scale.py").write_text(USER_TEST, encoding="utf-8")
    out = sealflow(project, "test", ".")
    assert "PASS components/scale.py  Scale 0.1.0" in out.out
    assert "2 passed" in out.out
    assert "components: 1 passed, 0 failed, 0 skipped; pytest: passed" in out.out


def test_test_fails_when_a_component_or_a_user_test_fails(project: Path):
    scale_body(project / "components" / "scale.py", '    raise ValueError("factor is wrong")')
    (project / "components" / "unwired.py").write_text(
        'COMPONENT_INFO = {"inputs": {"a": "INT"}, "outputs": {"b": "INT"}, "name": "Unwired"}\n\n'
        "def main(*, a):\n    return {'b': a}\n",
        encoding="utf-8",
    )
    (project / "components" / "broken.py").write_text("COMPONENT_INFO = {\n", encoding="utf-8")
    (project / "test_more.py").write_text("def test_fails():\n    assert 1 == 2\n", encoding="utf-8")
    out = sealflow(project, "test", ".", code=1)
    assert "FAIL components/scale.py  Scale 0.1.0" in out.out
    assert "ValueError: factor is wrong" in out.out
    assert "SKIP components/unwired.py  Unwired 1.0.0  no test wiring" in out.out
    assert "FAIL components/broken.py" in out.out
    assert "1 failed" in out.out
    assert "components: 0 passed, 2 failed, 1 skipped; pytest: failed (exit code 1)" in out.out


def test_the_plugin_runs_workflow_json_files_in_process(tmp_path: Path):
    revisions = [json.loads(path.read_text(encoding="utf-8")) for path in DEMO_FILES]
    (tmp_path / "demo.json").write_text(json.dumps(revisions), encoding="utf-8")
    (tmp_path / "test_demo.py").write_text(
        "import pandas as pd\n\n\n"
        "def test_outliers(sealflow_run):\n"
        "    series = pd.Series([1.0, 1.1, 0.9, 1.0, 9.0, 1.0], "
        "index=pd.date_range('2026-01-01', periods=6, freq='h', tz='UTC'))\n"
        "    outcome = sealflow_run('demo.json', series=series, threshold=1.5)\n"
        "    assert outcome.ok, outcome.error\n"
        "    assert set(outcome.outputs) >= {'outliers'}\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "sealflow.testing.plugin", "-q", "test_demo.py"],
        cwd=tmp_path,
        env=environment(tmp_path / ".sealflow"),
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()
    assert "1 passed" in done.stdout.decode()


def test_watch_reruns_a_component_when_it_is_saved(project: Path):
    component = project / "components" / "scale.py"
    watcher = subprocess.Popen(
        [str(SCRIPT), "watch", "."],
        cwd=project,
        env=environment(project / ".sealflow"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert watcher.stdout is not None
        assert "watching" in watcher.stdout.readline()
        time.sleep(0.5)
        scale_body(component, '    raise ValueError("not yet")')
        line = _next_line(watcher, "components/scale.py")
        assert line.startswith("FAIL components/scale.py  Scale 0.1.0"), line
        assert "ValueError: not yet" in line
        scale_body(component, '    return {"y": x * factor}')
        line = _next_line(watcher, "components/scale.py")
        assert line.startswith("PASS components/scale.py  Scale 0.1.0"), line
    finally:
        watcher.terminate()
        watcher.wait(timeout=30)
        if watcher.stdout is not None:
            watcher.stdout.close()


def _next_line(process: subprocess.Popen[str], containing: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            pytest.fail(f"sealflow watch ended (exit {process.poll()}) before printing {containing!r}")
        if containing in line:
            return line
    pytest.fail(f"sealflow watch printed no line with {containing!r} within {timeout:g} s")
