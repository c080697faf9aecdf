"""Backup: one self-describing, database-neutral archive of an instance.

A backup is a ZIP file. ``manifest.json`` describes it; every other member is listed there with its
size, SHA-256 and item count, so a reader can check the archive before it trusts any of it::

    manifest.json            format and version, Sealflow version, created_at, source backend, sections
    transformations.jsonl    one revision per line, in the exchange format (components with their code)
    code/<sha256>.py         every code text of the code store, byte for byte
    executions.jsonl         one execution record per line
    objects.jsonl            one persisted object manifest per line (the payloads stay in the object store)
    revision_snapshots.jsonl the exact revisions runs used, ``{"hash", "data"}`` per line (for replay)
    environment_fingerprints.jsonl  the environments runs ran in, ``{"id", "data"}`` per line
    audit.jsonl              the audit log, one entry per line, oldest first

Each section in the manifest names its member and the format version of its items, so a section can
change (or the audit log fill) without breaking older archives. Sections are read from the instance one
at a time and streamed into the archive; code is read last, so every hash a revision or a record refers
to is in the archive even while the instance is in use. The archive is written to a temporary file
beside the target and renamed into place when complete.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from uuid import UUID

from sealflow import __version__
from sealflow.errors import StorageError
from sealflow.model.audit import AuditEntry
from sealflow.model.execution import ExecutionRecord
from sealflow.ops.instance import Instance
from sealflow.store.audit import AuditRepository
from sealflow.store.executions import ExecutionRepository
from sealflow.store.snapshots import SnapshotRepository

FORMAT = "sealflow-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CODE_DIRECTORY = "code/"

#: Section name -> (member, format of its items). ``code`` is a directory of members.
SECTIONS: dict[str, tuple[str, str]] = {
    "transformations": ("transformations.jsonl", "hetida-transformation/1"),
    "code": (CODE_DIRECTORY, "utf-8-text/1"),
    "executions": ("executions.jsonl", "sealflow-execution-record/1"),
    "objects": ("objects.jsonl", "sealflow-object/1"),
    "snapshots": ("revision_snapshots.jsonl", "sealflow-revision-snapshot/1"),
    "fingerprints": ("environment_fingerprints.jsonl", "sealflow-fingerprint/1"),
    "audit": ("audit.jsonl", "sealflow-audit/1"),
}

_PAGE = 500

#: Called as ``progress(section, done, total)``; ``total`` is ``None`` while unknown.
Progress = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class BackupResult:
    """The written archive and its manifest."""

    path: Path
    manifest: dict[str, Any]

    @property
    def counts(self) -> dict[str, int]:
        """Items per section."""
        return {name: section["count"] for name, section in self.manifest["sections"].items()}


def code_member(code_hash: str) -> str:
    """The archive member holding the code text with this hash."""
    return f"{CODE_DIRECTORY}{code_hash}.py"


def json_line(data: Any) -> bytes:
    """One JSONL line: compact JSON with sorted keys."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"


def backup(instance: Instance, path: Path, *, progress: Progress | None = None) -> BackupResult:
    """Write a backup of the instance to ``path``, replacing it only once the archive is complete."""
    report = progress or _silent
    target = path.absolute()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise StorageError(f"cannot write into {target.parent}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            manifest = _write_archive(instance, stream, report)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(target)
    except OSError as exc:
        raise StorageError(f"cannot write the backup {target}: {exc.strerror or exc}") from exc
    finally:
        Path(temporary).unlink(missing_ok=True)
    return BackupResult(target, manifest)


def _write_archive(instance: Instance, stream: IO[bytes], report: Progress) -> dict[str, Any]:
    members: list[dict[str, Any]] = []
    sections: dict[str, dict[str, Any]] = {}
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def section(name: str, lines: Iterable[bytes], total: int | None) -> None:
            member, item_format = SECTIONS[name]
            entry = _write_member(archive, member, lines, name, total, report)
            members.append(entry)
            sections[name] = {"member": member, "format": item_format, "count": entry["count"]}

        revisions = instance.transformations.list()
        section("transformations", (json_line(tr.to_json_dict()) for tr in revisions), len(revisions))
        del revisions
        section(
            "executions", (json_line(record.model_dump(mode="json")) for record in _records(instance)), None
        )
        manifests = instance.objects.manifests()
        section(
            "objects", (json_line(manifest.model_dump(mode="json")) for manifest in manifests), len(manifests)
        )
        documents = SnapshotRepository(instance.database)
        snapshots = documents.revisions()
        section(
            "snapshots",
            (json_line({"hash": k, "data": v}) for k, v in sorted(snapshots.items())),
            len(snapshots),
        )
        fingerprints = documents.fingerprints()
        section(
            "fingerprints",
            (json_line({"id": k, "data": v}) for k, v in sorted(fingerprints.items())),
            len(fingerprints),
        )
        entries = AuditRepository(instance.database)
        section(
            "audit", (json_line(entry.model_dump(mode="json")) for entry in _audit(entries)), entries.count()
        )

        hashes = sorted(instance.code.hashes())
        for done, code_hash in enumerate(hashes, start=1):
            text = instance.code.get(code_hash)
            members.append(
                _write_member(archive, code_member(code_hash), [text.encode("utf-8")], None, None, report)
            )
            report("code", done, len(hashes))
        report("code", len(hashes), len(hashes))
        sections["code"] = {"member": CODE_DIRECTORY, "format": SECTIONS["code"][1], "count": len(hashes)}

        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "sealflow_version": __version__,
            "created_at": datetime.now(UTC).isoformat(),
            "source": {"backend": instance.database.url.get_backend_name()},
            "sections": {name: sections[name] for name in SECTIONS},
            "members": members,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def _write_member(
    archive: zipfile.ZipFile,
    member: str,
    lines: Iterable[bytes],
    section: str | None,
    total: int | None,
    report: Progress,
) -> dict[str, Any]:
    digest = hashlib.sha256()
    size = count = 0
    with archive.open(member, "w", force_zip64=True) as out:
        for line in lines:
            out.write(line)
            digest.update(line)
            size += len(line)
            count += 1
            if section is not None and count % 100 == 0:
                report(section, count, total)
    if section is not None:
        report(section, count, count)
    return {"path": member, "size": size, "sha256": digest.hexdigest(), "count": count}


def _records(instance: Instance) -> Iterator[ExecutionRecord]:
    """Every execution record, newest first, read a page at a time; each once."""
    repository = ExecutionRepository(instance.database)
    seen: set[UUID] = set()
    offset = 0
    while True:
        page = repository.list(limit=_PAGE, offset=offset)
        for record in page:
            if record.id not in seen:
                seen.add(record.id)
                yield record
        if len(page) < _PAGE:
            return
        offset += _PAGE


def _audit(repository: AuditRepository) -> Iterator[AuditEntry]:
    """Every audit log entry, oldest first, read a page at a time."""
    pages = []
    offset = 0
    while True:
        page = repository.list(limit=_PAGE, offset=offset)
        pages.append(page)
        if len(page) < _PAGE:
            break
        offset += _PAGE
    for page in reversed(pages):
        yield from reversed(page)


def _silent(section: str, done: int, total: int | None) -> None:
    return None
