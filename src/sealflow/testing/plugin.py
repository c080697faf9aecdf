"""pytest plugin: test components and workflows from their files, in-process.

Fixtures:

* ``sealflow_parse(value, "SERIES")``: a value (JSON text, JSON data or a Python object) parsed by a data
  type, as a run parses its inputs.
* ``sealflow_run(path, **inputs)``: run a ``.py`` component or a transformation JSON file on Python
  values and get its outcome; ``outcome["y"]`` is the output ``y`` (pandas objects, plotly figures and
  plain values); a failed run raises ``ExecutionFailed`` there. ``sealflow_run.test_wiring(path)`` runs
  the file's test wiring. Relative paths are relative to the working directory.
* ``sealflow_runner``: the ``LocalRunner`` behind ``sealflow_run`` (one per test session, on a
  throwaway instance).

Load it with ``pytest -p sealflow.testing.plugin`` (``sealflow test`` does so).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sealflow.code.outputs import RunOutcome
from sealflow.code.values import parse_value
from sealflow.errors import InvalidInput
from sealflow.model.datatypes import DataType
from sealflow.testing.local import LocalRunner


class FileRunner:
    """Runs transformation files on a ``LocalRunner``; see ``sealflow_run``."""

    def __init__(self, runner: LocalRunner) -> None:
        self.runner = runner

    def __call__(self, path: str | Path, /, **inputs: Any) -> RunOutcome:
        """Run the file's transformation on ``inputs`` (Python values by input name)."""
        return self.runner.run(path, inputs)

    def test_wiring(self, path: str | Path) -> RunOutcome:
        """Run the file's transformation on its test wiring."""
        return self.runner.run(path, test_wiring=True)


@pytest.fixture(scope="session")
def sealflow_runner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalRunner]:
    """A local runner on a throwaway instance, shared by the test session."""
    runner = LocalRunner(tmp_path_factory.mktemp("sealflow-instance"))
    try:
        yield runner
    finally:
        runner.close()


@pytest.fixture
def sealflow_run(sealflow_runner: LocalRunner) -> FileRunner:
    """Run a ``.py`` component or transformation JSON file: ``sealflow_run(path, x=series)``."""
    return FileRunner(sealflow_runner)


@pytest.fixture
def sealflow_parse() -> Callable[[Any, str], Any]:
    """Parse a value by a data type name: ``sealflow_parse('{"2026-01-01T00:00:00Z": 1}', "SERIES")``."""

    def parse(value: Any, data_type: str) -> Any:
        try:
            kind = DataType(data_type.upper())
        except ValueError:
            raise InvalidInput(f"unknown data type {data_type!r}; use one of {', '.join(DataType)}") from None
        return parse_value(value, kind)

    return parse
