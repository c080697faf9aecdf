"""The checks ``sealflow test`` and ``sealflow watch`` run: each component's test wiring, the user's pytest tests.

A component file is a ``.py`` file with a top-level ``COMPONENT_INFO`` assignment (found without running
the file); a test file is ``test_*.py`` or ``*_test.py``. Hidden folders are skipped. A component passes
when its test wiring runs without failure; a component with inputs but no test wiring is skipped.
The user's tests run in a separate pytest process with the Sealflow plugin, in the folder given.
"""

from __future__ import annotations

import ast
import importlib.metadata
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sealflow.code.codegen import COMPONENT_INFO, assigned_value
from sealflow.errors import SealflowError
from sealflow.model.datatypes import InputType
from sealflow.testing.local import LocalRunner

PLUGIN = "sealflow.testing.plugin"


class Status(StrEnum):
    """How a check ended."""

    PASSED = "PASS"
    FAILED = "FAIL"
    SKIPPED = "SKIP"


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one component's test wiring."""

    path: Path
    status: Status
    label: str
    message: str = ""
    seconds: float = 0.0


def is_test_file(path: Path) -> bool:
    """Whether pytest would collect ``path`` as a test module."""
    return path.suffix == ".py" and (path.name.startswith("test_") or path.stem.endswith("_test"))


def is_component_file(path: Path) -> bool:
    """Whether ``path`` is a ``.py`` file that assigns ``COMPONENT_INFO`` (a file that does not parse
    counts if it mentions it, so that its syntax error is reported)."""
    if path.suffix != ".py" or is_test_file(path):
        return False
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        return assigned_value(ast.parse(text), COMPONENT_INFO) is not None
    except (SyntaxError, ValueError):
        return COMPONENT_INFO in text


def python_files(directory: Path) -> list[Path]:
    """The ``.py`` files under ``directory``, outside hidden folders, in a stable order."""
    return sorted(
        path
        for path in directory.rglob("*.py")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    )


def check_component(runner: LocalRunner, path: Path) -> CheckResult:
    """Run one component file's test wiring."""
    started = time.perf_counter()
    try:
        tr, _ = runner.load(path)
        required = [i.name for i in tr.io_interface.inputs if i.type is InputType.REQUIRED]
        if required and not tr.test_wiring.input_wirings:
            message = "no test wiring; add TEST_WIRING_FROM_PY_FILE_IMPORT with a value for each input"
            return CheckResult(path, Status.SKIPPED, f"{tr.name} {tr.version_tag}", message)
        outcome = runner.run(path, test_wiring=True)
    except SealflowError as exc:
        return CheckResult(path, Status.FAILED, path.name, str(exc), time.perf_counter() - started)
    seconds = time.perf_counter() - started
    label = f"{tr.name} {tr.version_tag}"
    if not outcome.ok:
        error = outcome.error or {}
        message = (
            f"{error.get('process_stage', '?')}: {error.get('type', 'Error')}: {error.get('message', '')}"
        )
        return CheckResult(path, Status.FAILED, label, message, seconds)
    return CheckResult(path, Status.PASSED, label, ", ".join(outcome.outputs), seconds)


def plugin_registered() -> bool:
    """Whether pytest loads the Sealflow plugin by itself (an installed ``pytest11`` entry point)."""
    return any(entry.value == PLUGIN for entry in importlib.metadata.entry_points(group="pytest11"))


def pytest_command(files: Sequence[Path], extra: Sequence[str] = ()) -> list[str]:
    """The command that runs the user's test files with the Sealflow plugin."""
    plugin = [] if plugin_registered() else ["-p", PLUGIN]
    return [sys.executable, "-m", "pytest", *plugin, *extra, *(str(file) for file in files)]


def run_pytest(directory: Path, files: Sequence[Path], extra: Sequence[str] = ()) -> int:
    """Run pytest on ``files`` in ``directory`` (output goes to this terminal); its exit code."""
    relative = [file.relative_to(directory) for file in files]
    return subprocess.run(pytest_command(relative, extra), cwd=directory, check=False).returncode
