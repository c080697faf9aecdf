"""Run components and workflows from files in-process, on a throwaway instance.

A ``LocalRunner`` opens an instance in a directory of its own (SQLite, local object store), so local
runs never touch the instance the ``SEALFLOW_*`` settings name; adapter settings (local file roots, REST
adapters) still apply. Files are read as they are: ``.py`` components and transformation JSON files.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from sealflow.adapters.protocol import wiring_from_values
from sealflow.code.outputs import RunOutcome
from sealflow.code.values import serialize_value
from sealflow.config import Settings
from sealflow.model.datatypes import DataType
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.execution import execute_transformation, load_run_target
from sealflow.ops.instance import Instance


def input_values(tr: TransformationRevision, inputs: Mapping[str, Any]) -> WorkflowWiring:
    """A direct wiring of Python values, each written by the data type of its input (text as it is)."""
    types = {i.name: i.data_type for i in tr.io_interface.inputs}
    return wiring_from_values(
        {
            name: value if isinstance(value, str) else serialize_value(value, types.get(name, DataType.ANY))
            for name, value in inputs.items()
        }
    )


class LocalRunner:
    """Runs files in-process on an instance of its own in ``home`` (default: a temporary directory)."""

    def __init__(self, home: Path | None = None) -> None:
        self._temporary: tempfile.TemporaryDirectory[str] | None = None
        if home is None:
            self._temporary = tempfile.TemporaryDirectory(prefix="sealflow-local-")
            home = Path(self._temporary.name)
        self.home = Path(home)
        settings = Settings(
            home=self.home, db_url=None, objects_url=None, install_library=False, autoimport_dir=None
        )
        self.instance = Instance.open(settings)

    def close(self) -> None:
        """Close the instance and remove a temporary home."""
        self.instance.close()
        if self._temporary is not None:
            self._temporary.cleanup()

    def __enter__(self) -> LocalRunner:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def load(self, path: str | Path) -> tuple[TransformationRevision, list[TransformationRevision]]:
        """The revision a ``.py`` or JSON file holds, and the revisions that come with it."""
        return load_run_target(self.instance, str(path))

    def run(
        self,
        path: str | Path,
        inputs: Mapping[str, Any] | None = None,
        *,
        wiring: WorkflowWiring | None = None,
        test_wiring: bool = False,
    ) -> RunOutcome:
        """Run the file's transformation on Python values, a wiring, or (``test_wiring``) its test wiring."""
        tr, unstored = self.load(path)
        if test_wiring:
            chosen = tr.test_wiring
        elif wiring is not None:
            chosen = wiring
        else:
            chosen = input_values(tr, inputs or {})
        result = execute_transformation(
            self.instance, tr, chosen, run_pure_plot_operators=True, unstored=unstored
        )
        label = f"{tr.name} {tr.version_tag} ({path})"
        return RunOutcome.from_json(label, result.model_dump(mode="json", exclude_none=True))
