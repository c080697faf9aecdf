"""Sealflow's base library: released components as ``.py`` files, and example workflows.

Each file under ``components/<category folder>/`` is one component in the exchange layout (generated
section, ``Documentation for`` docstring, ``TEST_WIRING_FROM_PY_FILE_IMPORT``). It is read without being
run, and its ids and released timestamp are written in the file, so every load gives the same revisions
in the same order: sorted by the file's path below ``components/``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import cast

from sealflow.code.pyfile import transformation_from_code
from sealflow.model.transformation import TransformationRevision

#: The folder holding the component files, one subfolder per category.
COMPONENTS_DIR = Path(__file__).parent / "components"

_WORKFLOWS_MODULE = "sealflow.library.workflows"


def component_files() -> list[Path]:
    """Every component file of the library, sorted by its path below ``components/``."""
    return sorted(COMPONENTS_DIR.rglob("*.py"), key=lambda path: path.relative_to(COMPONENTS_DIR).as_posix())


def load_components() -> list[TransformationRevision]:
    """The library's component revisions, read from their files in a fixed order."""
    return [
        transformation_from_code(path.read_text(encoding="utf-8"), _source(path))
        for path in component_files()
    ]


def load_library() -> list[TransformationRevision]:
    """The whole library: the components, then the example workflows and the adapter examples (when the
    workflows module is present)."""
    try:
        module = importlib.import_module(_WORKFLOWS_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != _WORKFLOWS_MODULE:
            raise
        return load_components()
    load_workflows = cast(Callable[[], list[TransformationRevision]], module.load_workflows)
    from sealflow.library.adapter_examples import load_adapter_examples

    return [*load_components(), *load_workflows(), *load_adapter_examples()]


def _source(path: Path) -> str:
    """How errors name a component file: its path inside the package."""
    return f"sealflow/library/components/{path.relative_to(COMPONENTS_DIR).as_posix()}"
