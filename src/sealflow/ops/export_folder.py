"""Export revisions into a folder in hetida designer's layout.

Each revision becomes one file,
``<dir>/components|workflows/<slug(category)>/<slug(name)>_<slug(tag)>_<id>.json`` (or ``.py`` for a
component exported as code). JSON files have indent 2, sorted keys and no nulls, so exporting the same
revisions again writes the same bytes. Every file is written to a temporary name next to it and then
renamed into place, so a reader never sees half a file. ``sealflow-manifest.json`` at the top describes
the export (``sealflow.ops.bundle``).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sealflow.errors import StorageError
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.bundle import (
    MANIFEST_NAME,
    bundle_manifest,
    exported_code_hash,
    manifest_entry,
    transformed_by,
)
from sealflow.ops.export import ExportOptions, export_transformations
from sealflow.ops.instance import Instance
from sealflow.ops.selection import Filters, select_transformations

#: Called after each written file with the file, the number written so far and the total.
Progress = Callable[["ExportedFile", int, int], None]

_NOT_SLUG = re.compile(r"[^\w\s-]")
_SEPARATORS = re.compile(r"[-\s]+")


def slug(text: str) -> str:
    """ASCII-folded, lowercase, only word characters, spaces and dashes; runs of those two become ``-``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SEPARATORS.sub("-", _NOT_SLUG.sub("", ascii_text.lower())).strip("-_")


def export_path(tr: TransformationRevision, *, as_code: bool = False) -> Path:
    """The path of ``tr``'s file relative to the export folder."""
    kind = "workflows" if tr.is_workflow else "components"
    suffix = ".py" if as_code and not tr.is_workflow else ".json"
    return Path(kind, slug(tr.category), f"{slug(tr.name)}_{slug(tr.version_tag)}_{tr.id}{suffix}")


@dataclass(frozen=True)
class ExportedFile:
    """One written file and the revision in it."""

    transformation: TransformationRevision
    path: Path


def export_folder(
    instance: Instance,
    directory: Path,
    filters: Filters,
    options: ExportOptions,
    *,
    include_dependencies: bool = True,
    progress: Progress | None = None,
) -> list[ExportedFile]:
    """Write every selected revision (and, by default, what its workflows use) into ``directory``.

    Components exported as code carry their test wiring (the code is expanded), so the files import
    again as they were.
    """
    revisions = select_transformations(instance, filters, include_dependencies=include_dependencies)
    if options.components_as_code:
        options = replace(options, expand_component_code=True)
    written = []
    entries: list[dict[str, Any]] = []
    for tr in revisions:
        (item,) = export_transformations([tr], replace(options, components_as_code=False))
        path = directory / export_path(tr, as_code=options.components_as_code)
        if isinstance(item, dict) and options.components_as_code and not tr.is_workflow:
            text = str(item["content"])
        else:
            text = json.dumps(item, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        write_atomically(path, text)
        written.append(ExportedFile(tr, path))
        exported = exported_code_hash(item, tr)
        entries.append(manifest_entry(tr, path.relative_to(directory), exported, transformed_by(options)))
        if progress is not None:
            progress(written[-1], len(written), len(revisions))
    write_atomically(
        directory / MANIFEST_NAME, json.dumps(bundle_manifest(entries), indent=2, sort_keys=True) + "\n"
    )
    return written


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` whole or not at all: a temporary file renamed into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
                file.write(text)
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StorageError(
            f"cannot write {path}: {exc.strerror or exc}; check the folder and its permissions"
        ) from exc
