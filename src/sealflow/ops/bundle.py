"""Bundle manifests: what an export says about where it came from, and how a target differs.

An export folder carries ``sealflow-manifest.json`` (a JSON export's manifest is
``GET /api/transformations/manifest`` with the same query): the exporting environment's fingerprint, and for
every exported revision its file and the hash of the code in that file. Where the export transformed
the code (``update_component_code``, ``expand_component_code``, components written as ``.py``) the
manifest says so and keeps the hash of the code as it is stored. An import reads the manifest (folders
without one, such as hetida designer exports, import as before) and reports, before anything changes,
how the target's environment differs and which revisions the target holds with other code.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from uuid import UUID

from pydantic import ValidationError

from sealflow import __version__
from sealflow.errors import InvalidInput
from sealflow.model.hashing import code_hash
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.export import ExportOptions, export_transformations
from sealflow.ops.instance import Instance
from sealflow.repro.fingerprint import Fingerprint, current_fingerprint, diff
from sealflow.repro.impact import revision_code_hash

MANIFEST_NAME = "sealflow-manifest.json"
FORMAT = "sealflow-bundle/1"


def transformed_by(options: ExportOptions) -> list[str]:
    """The names of the export options that transform component code."""
    return [
        name
        for name, used in (
            ("update_component_code", options.update_component_code),
            ("expand_component_code", options.expand_component_code or options.components_as_code),
        )
        if used
    ]


def exported_code_hash(item: dict[str, Any] | str, tr: TransformationRevision) -> str | None:
    """The hash of the code an export item carries (``None`` for a workflow)."""
    if tr.is_workflow:
        return None
    return code_hash(item if isinstance(item, str) else str(item["content"]))


def manifest_entry(
    tr: TransformationRevision,
    file: Path | None,
    exported_code_hash: str | None,
    transformed_by: Sequence[str],
) -> dict[str, Any]:
    """The manifest's line for one exported revision (``file`` is ``None`` for a JSON export)."""
    stored = revision_code_hash(tr)
    entry: dict[str, Any] = {
        "id": str(tr.id),
        "name": tr.name,
        "version_tag": tr.version_tag,
        "type": tr.type.value,
        "state": tr.state.value,
        "file": file.as_posix() if file is not None else None,
        "code_hash": exported_code_hash,
    }
    if stored is not None and exported_code_hash != stored:
        entry["code_transformed"] = list(transformed_by)
        entry["original_code_hash"] = stored
    return entry


def bundle_manifest(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The manifest of an export: this environment's fingerprint and one entry per revision.

    It holds no time, so exporting the same revisions in the same environment writes the same bytes.
    """
    fingerprint = current_fingerprint()
    return {
        "format": FORMAT,
        "sealflow_version": __version__,
        "fingerprint": {"id": fingerprint.id, **fingerprint.model_dump(mode="json")},
        "revisions": entries,
    }


def json_export_manifest(
    revisions: Sequence[TransformationRevision], options: ExportOptions
) -> dict[str, Any]:
    """The manifest of a JSON export of ``revisions`` (``GET /api/transformations`` with ``options``)."""
    single = replace(options, components_as_code=False)
    entries = []
    for tr in revisions:
        (item,) = export_transformations([tr], single)
        entries.append(manifest_entry(tr, None, exported_code_hash(item, tr), transformed_by(options)))
    return bundle_manifest(entries)


def read_manifests(paths: Sequence[Path]) -> list[tuple[Path, dict[str, Any]]]:
    """The bundle manifests at the top of the given folders, with their paths."""
    found = []
    for path in paths:
        file = path / MANIFEST_NAME
        if not path.is_dir() or not file.is_file():
            continue
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InvalidInput(f"cannot read the bundle manifest {file}: {exc}; fix or remove it") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InvalidInput(f"{file} is no Sealflow bundle manifest (format {FORMAT!r}); remove it")
        found.append((file, data))
    return found


def compare_bundle(
    instance: Instance,
    file: Path,
    manifest: dict[str, Any],
    revisions: Mapping[UUID, TransformationRevision],
) -> dict[str, Any]:
    """How the target differs from what the manifest says: environment, stored code, edited files."""
    fingerprint_data = dict(manifest.get("fingerprint") or {})
    fingerprint_data.pop("id", None)
    here = current_fingerprint()
    try:
        environment = [str(change) for change in diff(Fingerprint.model_validate(fingerprint_data), here)]
        exported_by: str | None = Fingerprint.model_validate(fingerprint_data).id
    except ValidationError:
        environment, exported_by = ["the manifest holds no readable environment fingerprint"], None
    code, transformed, edited = [], [], []
    for entry in manifest.get("revisions") or []:
        if not isinstance(entry, dict) or "id" not in entry:
            continue
        key = str(entry["id"])
        named = {"id": key, "name": entry.get("name"), "version_tag": entry.get("version_tag")}
        original = entry.get("original_code_hash") or entry.get("code_hash")
        stored = instance.transformations.find(key)
        target_hash = revision_code_hash(stored) if stored is not None else None
        if target_hash is not None and original is not None and target_hash != original:
            code.append({**named, "bundle_code_hash": original, "target_code_hash": target_hash})
        if entry.get("code_transformed"):
            transformed.append(
                {
                    **named,
                    "how": entry["code_transformed"],
                    "original_code_hash": entry.get("original_code_hash"),
                    "code_hash": entry.get("code_hash"),
                }
            )
        read = revisions.get(UUID(key))
        file_hash = revision_code_hash(read) if read is not None else None
        if file_hash is not None and entry.get("code_hash") and file_hash != entry["code_hash"]:
            edited.append({**named, "manifest_code_hash": entry["code_hash"], "file_code_hash": file_hash})
    return {
        "manifest": str(file),
        "exported_with": manifest.get("sealflow_version"),
        "exported_fingerprint": exported_by,
        "target_fingerprint": here.id,
        "environment": environment,
        "code": code,
        "transformed": transformed,
        "edited": edited,
    }


def compare_bundles(
    instance: Instance, paths: Sequence[Path], revisions: Mapping[UUID, TransformationRevision]
) -> dict[str, Any] | None:
    """The comparison for the first manifest among ``paths``; ``None`` if none carries one."""
    manifests = read_manifests(paths)
    if not manifests:
        return None
    file, manifest = manifests[0]
    return compare_bundle(instance, file, manifest, revisions)
