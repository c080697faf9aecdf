"""The local runner and the component checks, in-process on files in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sealflow.code.scaffold import Connector, new_component
from sealflow.errors import ExecutionFailed
from sealflow.model.datatypes import DataType
from sealflow.testing.checks import Status, check_component, is_component_file, is_test_file, python_files
from sealflow.testing.local import LocalRunner


def write_component(folder: Path, name: str, body: str, **connectors: list[Connector]) -> Path:
    _, code = new_component(name, connectors.get("inputs", []), connectors.get("outputs", []))
    marker = "# ***** DO NOT EDIT LINES ABOVE *****\n"
    start = code.index(marker) + len(marker)
    end = code.index("TEST_WIRING_FROM_PY_FILE_IMPORT")
    path = folder / f"{name.lower()}.py"
    path.write_text(code[:start] + body + "\n\n\n" + code[end:], encoding="utf-8")
    return path


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SEALFLOW_HOME", str(tmp_path / "users-instance"))
    with LocalRunner() as local:
        yield local
    assert not (tmp_path / "users-instance").exists()


def test_a_component_file_runs_on_python_values(runner: LocalRunner, tmp_path: Path):
    path = write_component(
        tmp_path,
        "Totals",
        '    return {"total": frame.sum(axis=1), "rows": len(frame)}',
        inputs=[Connector("frame", DataType.DATAFRAME)],
        outputs=[Connector("total", DataType.SERIES), Connector("rows", DataType.INT)],
    )
    frame = pd.DataFrame({"a": [1.0, 2.0], "b": [0.5, 0.25]})
    outcome = runner.run(path, {"frame": frame})
    assert outcome["total"].tolist() == [1.5, 2.25]
    assert outcome["rows"] == 2
    assert runner.run(path, test_wiring=True)["rows"] == 2


def test_a_failing_component_raises_where_its_output_is_read(runner: LocalRunner, tmp_path: Path):
    path = write_component(
        tmp_path,
        "Fails",
        '    raise RuntimeError("sensor offline")',
        inputs=[Connector("x", DataType.INT)],
        outputs=[Connector("y", DataType.INT)],
    )
    outcome = runner.run(path, {"x": 1})
    assert not outcome.ok
    with pytest.raises(ExecutionFailed, match="RuntimeError: sensor offline"):
        outcome["y"]
    result = check_component(runner, path)
    assert (result.status, result.label) == (Status.FAILED, "Fails 0.1.0")
    assert "EXECUTING_COMPONENT_CODE: RuntimeError: sensor offline" in result.message


def test_checks_find_components_and_tests_and_skip_hidden_folders(runner: LocalRunner, tmp_path: Path):
    good = write_component(
        tmp_path,
        "Good",
        '    return {"y": x}',
        inputs=[Connector("x", DataType.SERIES)],
        outputs=[Connector("y", DataType.SERIES)],
    )
    (tmp_path / "helper.py").write_text("VALUE = 1\n", encoding="utf-8")
    (tmp_path / "test_good.py").write_text("def test_it():\n    pass\n", encoding="utf-8")
    (tmp_path / "broken.py").write_text("COMPONENT_INFO = {\n", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "copy.py").write_text(good.read_text(), encoding="utf-8")
    files = python_files(tmp_path)
    assert [p.name for p in files if is_component_file(p)] == ["broken.py", "good.py"]
    assert [p.name for p in files if is_test_file(p)] == ["test_good.py"]
    assert check_component(runner, good).status is Status.PASSED
    broken = check_component(runner, tmp_path / "broken.py")
    assert broken.status is Status.FAILED
    assert "line" in broken.message
