"""Import revisions from files and folders: JSON files (one revision or a list) and ``.py`` components.

Folders are searched recursively for ``*.json`` and ``*.py`` files (autoimport configuration files,
``*.config.json``, and the bundle manifest ``sealflow-manifest.json`` are skipped). Every file is read before anything is stored, and all revisions are
stored in one transaction by the one import engine (``ops/exchange.py``): a file that cannot be read or
a revision that cannot be stored aborts the whole import with the file's name and the cause.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from uuid import UUID

from sealflow.code.pyfile import transformation_from_code
from sealflow.errors import InvalidInput
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.bundle import MANIFEST_NAME
from sealflow.ops.exchange import Progress, UpdateOptions, store_revisions
from sealflow.ops.instance import Instance
from sealflow.ops.selection import Filters, nested_among
from sealflow.ops.transformations import ImportOutcome, read_json_file

CONFIG_SUFFIX = ".config.json"
ACTIONS = ("created", "updated", "released", "disabled", "unchanged")


@dataclass(frozen=True)
class Selection:
    """Which of the revisions read are imported: those passing ``filters``, and what their workflows use."""

    filters: Filters = field(default_factory=Filters)
    include_dependencies: bool = True


@dataclass(frozen=True)
class ImportedFile:
    """What an import did with one revision, and the file it came from."""

    outcome: ImportOutcome
    source: Path


@dataclass(frozen=True)
class ImportReport:
    """What an import did with each revision it stored."""

    items: list[ImportedFile]

    def counts(self) -> dict[str, int]:
        """The number of revisions per action."""
        counts = Counter(item.outcome.action for item in self.items)
        return {action: counts[action] for action in ACTIONS}


def transformation_files(paths: Sequence[Path]) -> list[Path]:
    """The files to import: files as given, folders searched recursively for ``.json`` and ``.py`` files."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    found
                    for found in path.rglob("*")
                    if found.suffix in {".json", ".py"}
                    and found.is_file()
                    and not found.name.endswith(CONFIG_SUFFIX)
                    and found.name != MANIFEST_NAME
                    and not any(part.startswith(".") for part in found.relative_to(path).parts)
                )
            )
        elif path.exists():
            files.append(path)
        else:
            raise InvalidInput(f"{path} does not exist; give files or folders holding transformations")
    unique = {file.resolve(): file for file in reversed(files)}
    return [file for file in files if unique[file.resolve()] is file]


def read_transformation_file(path: Path) -> list[TransformationRevision]:
    """The revisions in a JSON file or the component a ``.py`` file describes."""
    if path.suffix != ".py":
        return read_json_file(path)
    try:
        code = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read {path}: {exc}") from exc
    return [transformation_from_code(code, str(path))]


def read_transformations(paths: Sequence[Path]) -> dict[UUID, tuple[TransformationRevision, Path]]:
    """Every revision in the files and folders, by id, with its file; an id given twice is an error
    unless both files describe the same revision."""
    found: dict[UUID, tuple[TransformationRevision, Path]] = {}
    for path in transformation_files(paths):
        for tr in read_transformation_file(path):
            earlier = found.get(tr.id)
            if earlier is not None and earlier[0] != tr:
                raise InvalidInput(
                    f"{path}: {tr.label} is also in {earlier[1]} with other content; keep one of the two"
                )
            found.setdefault(tr.id, (tr, path))
    return found


def import_files(
    instance: Instance,
    paths: Sequence[Path],
    options: UpdateOptions,
    selection: Selection | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import the revisions in ``paths`` (files and folders) in one transaction, in nesting order."""
    found = read_transformations(paths)
    revisions = select_among({key: tr for key, (tr, _) in found.items()}, selection or Selection())
    sources = {key: str(path) for key, (_, path) in found.items()}
    outcomes = store_revisions(instance, revisions, options, progress, sources)
    return ImportReport([ImportedFile(outcome, found[outcome.transformation.id][1]) for outcome in outcomes])


def select_among(
    revisions: dict[UUID, TransformationRevision], selection: Selection
) -> list[TransformationRevision]:
    """The revisions passing the filters, then (by default) those the selected workflows use."""
    selected = {key: tr for key, tr in revisions.items() if selection.filters.matches(tr)}
    if selection.include_dependencies:
        for tr in list(selected.values()):
            selected.update({nested.id: nested for nested in nested_among(tr, revisions)})
    return [tr for key, tr in revisions.items() if key in selected]
