"""Restore: put a backup archive (see ``sealflow.ops.backup``) into an instance, all or nothing.

A restore runs as *verify → plan → snapshot → apply*:

* **verify**: the manifest must be a Sealflow backup of a known format version, every member must be
  listed with its size and SHA-256 and match them, nothing unlisted may be in the archive, and every
  code text must hash to its name. A damaged or foreign archive is refused before anything is read into
  the instance.
* **plan**: each code text, revision and execution record is *new*, *identical* to what is stored, or
  *conflicting* (same id, different content; or a revision group and tag held by another id).
* Conflicts refuse the restore. ``allow_overwrite`` replaces conflicting revisions (their old code
  stays in the append-only code store); execution records are never replaced. A replacement that
  changes the interface of a RELEASED revision is refused unless forced (``sealflow.ops.plan``).
* **snapshot**: before a restore adds or replaces revisions, a snapshot of the instance is written
  with ``backup`` into the snapshot directory.
* **apply**: new code, then new and replaced revisions in nesting order, then new records and audit
  log entries, in one transaction, followed by an audit entry for the restore itself. Identical items
  are skipped, so restoring the same archive twice changes nothing.

Persisted objects are listed in a backup but their payloads are not; the plan names those this
instance's object store does not hold.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from sealflow.errors import Conflict, InvalidInput, ObjectNotFound
from sealflow.model.audit import AuditEntry
from sealflow.model.execution import ExecutionRecord
from sealflow.model.hashing import code_hash, document_hash
from sealflow.model.transformation import TransformationRevision, parse_transformation
from sealflow.ops.backup import (
    CODE_DIRECTORY,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    SECTIONS,
    Progress,
)
from sealflow.ops.instance import Instance
from sealflow.ops.plan import Plan, apply_planned, plan_operation
from sealflow.ops.transformations import nesting_order
from sealflow.store.audit import AuditRepository
from sealflow.store.executions import ExecutionRepository
from sealflow.store.objects import ObjectManifest
from sealflow.store.snapshots import SnapshotRepository

_CODE_MEMBER = re.compile(r"code/([0-9a-f]{64})\.py")
_CHUNK = 1 << 20
_Item = TypeVar("_Item", ExecutionRecord, ObjectManifest, AuditEntry)


@dataclass
class Archive:
    """The verified content of a backup archive."""

    path: Path
    manifest: dict[str, Any]
    code: dict[str, str]
    transformations: list[TransformationRevision]
    executions: list[ExecutionRecord]
    objects: list[ObjectManifest]
    snapshots: dict[str, dict[str, Any]]
    fingerprints: dict[str, dict[str, Any]]
    audit: list[AuditEntry] = field(default_factory=list)


@dataclass
class Changes:
    """Ids of one kind of item, by what a restore does with them."""

    new: list[str] = field(default_factory=list)
    identical: list[str] = field(default_factory=list)
    conflicting: list[str] = field(default_factory=list)


@dataclass
class RestorePlan:
    """What restoring an archive changes in an instance."""

    code: Changes
    transformations: Changes
    executions: Changes
    objects_listed: int
    objects_missing: list[str]
    """``name@tag`` of objects the archive lists that this instance's object store does not hold."""
    conflicts: list[str]
    """One line per conflicting item, saying what differs."""
    blocked: list[str] = field(default_factory=list)
    """Ids of conflicting revisions no overwrite can restore: their group and tag are held by another id."""

    @property
    def changes_anything(self) -> bool:
        """Whether applying the plan writes anything."""
        kinds = (self.code, self.transformations, self.executions)
        return any(kind.new for kind in kinds) or bool(self.transformations.conflicting)


@dataclass(frozen=True)
class RestoreResult:
    """The plan, whether it was applied, and the snapshot taken before replacing revisions."""

    plan: RestorePlan
    applied: bool
    snapshot: Path | None = None
    impact: Plan | None = None
    """What the restore does to stored RELEASED and DISABLED revisions (``None`` if it cannot apply)."""
    audit: AuditEntry | None = None


def read_archive(path: Path) -> Archive:
    """The content of the backup at ``path``, after checking its manifest and every member."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise InvalidInput(f"no backup at {path}; check the path") from exc
    except (OSError, zipfile.BadZipFile) as exc:
        raise InvalidInput(f"{path} is not a Sealflow backup (not a readable ZIP archive: {exc})") from exc
    with archive:
        manifest = _manifest(archive, path)
        listed = _check_members(archive, manifest, path)
        code = {}
        for member in listed:
            match = _CODE_MEMBER.fullmatch(member)
            if match is None:
                continue
            text = _text(archive, member, path)
            if code_hash(text) != match.group(1):
                raise InvalidInput(f"the backup {path} is damaged: {member} does not hash to its name")
            code[match.group(1)] = text
        transformations = [
            parse_transformation(item, f"{path} transformations.jsonl line {number}")
            for number, item in _lines(archive, "transformations", path)
        ]
        executions = [
            _parse(ExecutionRecord, item, path, "executions", n)
            for n, item in _lines(archive, "executions", path)
        ]
        objects = [
            _parse(ObjectManifest, item, path, "objects", n) for n, item in _lines(archive, "objects", path)
        ]
        snapshots = _documents(archive, "snapshots", "hash", path)
        fingerprints = _documents(archive, "fingerprints", "id", path)
        audit = [_parse(AuditEntry, item, path, "audit", n) for n, item in _lines(archive, "audit", path)]
    for tr in transformations:
        if not tr.is_workflow and code_hash(tr.code()) not in code:
            raise InvalidInput(
                f"the backup {path} is damaged: the code of {tr.label} is not in {CODE_DIRECTORY}"
            )
    return Archive(path, manifest, code, transformations, executions, objects, snapshots, fingerprints, audit)


def plan_restore(instance: Instance, archive: Archive) -> RestorePlan:
    """What restoring ``archive`` would change; nothing is written."""
    stored_code = instance.code.hashes()
    code = Changes()
    for key in sorted(archive.code):
        (code.identical if key in stored_code else code.new).append(key)

    revisions = Changes()
    conflicts: list[str] = []
    blocked: list[str] = []
    for tr in archive.transformations:
        stored = instance.transformations.find(tr.id)
        if stored is None:
            holder = next(
                (
                    other
                    for other in instance.transformations.list(revision_group_id=tr.revision_group_id)
                    if other.version_tag == tr.version_tag
                ),
                None,
            )
            if holder is None:
                revisions.new.append(str(tr.id))
            else:
                revisions.conflicting.append(str(tr.id))
                blocked.append(str(tr.id))
                conflicts.append(f"{tr.label}: its group and tag are taken here by revision {holder.id}")
        elif stored == tr:
            revisions.identical.append(str(tr.id))
        else:
            revisions.conflicting.append(str(tr.id))
            conflicts.append(f"{tr.label}: stored here with different {_differences(stored, tr)}")

    executions = Changes()
    repository = ExecutionRepository(instance.database)
    for record in archive.executions:
        stored_record = repository.find(record.id)
        if stored_record is None:
            executions.new.append(str(record.id))
        elif stored_record == record:
            executions.identical.append(str(record.id))
        else:
            executions.conflicting.append(str(record.id))
            conflicts.append(
                f"execution record {record.id} of {record.label}: stored here with different content"
            )

    missing = []
    for manifest in archive.objects:
        try:
            instance.objects.store.manifest(manifest.name, manifest.tag)
        except ObjectNotFound:
            missing.append(f"{manifest.name}@{manifest.tag}")
    return RestorePlan(code, revisions, executions, len(archive.objects), missing, conflicts, blocked)


def restore(
    instance: Instance,
    path: Path,
    *,
    dry_run: bool = False,
    allow_overwrite: bool = False,
    force: bool = False,
    actor: str = "unknown",
    progress: Progress | None = None,
) -> RestoreResult:
    """Restore the backup at ``path`` into the instance in one transaction (or only plan it).

    The plan is made in the same transaction that applies it, so nothing can change in between.

    ``Conflict`` lists the conflicting items unless ``allow_overwrite`` lets conflicting revisions be
    replaced; conflicting execution records always refuse the restore, and a replacement that breaks
    an interface refuses it unless ``force``.
    """
    archive = read_archive(path)
    if dry_run:
        plan = plan_restore(instance, archive)
        return RestoreResult(plan, applied=False, impact=restore_impact(instance, archive, plan))
    with instance.database.transaction():
        plan = plan_restore(instance, archive)
        _refuse_conflicts(plan, path, allow_overwrite=allow_overwrite)
        if not plan.changes_anything:
            return RestoreResult(plan, applied=False)
        applied = apply_planned(
            instance,
            "restore",
            lambda: _apply(instance, archive, plan, progress),
            trial=lambda: _apply(instance, archive, plan, None),
            actor=actor,
            force=force,
            always=True,
            summary=(
                f"restore {path}: {len(plan.transformations.new)} revision(s) added, "
                f"{len(plan.transformations.conflicting)} replaced, {len(plan.executions.new)} record(s) added"
            ),
        )
    return RestoreResult(plan, True, applied.snapshot, applied.plan, applied.audit)


def restore_impact(instance: Instance, archive: Archive, plan: RestorePlan) -> Plan | None:
    """What applying ``plan`` (replacing conflicting revisions) does to the stored revisions; ``None``
    when conflicts no overwrite can resolve stop it."""
    if plan.blocked or plan.executions.conflicting or not plan.changes_anything:
        return None
    return plan_operation(instance, "restore", lambda: _apply(instance, archive, plan, None))


def _refuse_conflicts(plan: RestorePlan, path: Path, *, allow_overwrite: bool) -> None:
    if plan.executions.conflicting or plan.blocked:
        hint = (
            "records are never replaced and a group's tag names one revision; restore into another instance"
        )
    elif plan.transformations.conflicting and not allow_overwrite:
        hint = "use --allow-overwrite to replace these revisions (their old code stays stored)"
    else:
        return
    raise Conflict(
        f"the backup {path} conflicts with {len(plan.conflicts)} stored item(s): "
        f"{'; '.join(plan.conflicts)}; nothing was restored: {hint}"
    )


def _apply(instance: Instance, archive: Archive, plan: RestorePlan, progress: Progress | None) -> None:
    report = progress or (lambda section, done, total: None)
    replace = set(plan.transformations.conflicting)
    insert = set(plan.transformations.new)
    revisions = nesting_order([tr for tr in archive.transformations if str(tr.id) in insert | replace])
    new_records = set(plan.executions.new)
    records = [record for record in archive.executions if str(record.id) in new_records]
    repository = ExecutionRepository(instance.database)
    with instance.database.transaction():
        for done, key in enumerate(plan.code.new, start=1):
            instance.code.put(archive.code[key], expected_hash=key)
            report("code", done, len(plan.code.new))
        for done, tr in enumerate(revisions, start=1):
            if str(tr.id) in replace:
                instance.transformations.update(tr)
            else:
                instance.transformations.insert(tr)
            report("transformations", done, len(revisions))
        documents = SnapshotRepository(instance.database)
        for data in archive.snapshots.values():
            documents.put_revision(data)
        for key, data in archive.fingerprints.items():
            documents.put_fingerprint(key, data)
        for done, record in enumerate(records, start=1):
            repository.insert(record)
            report("executions", done, len(records))
        entries = AuditRepository(instance.database)
        for entry in archive.audit:
            entries.add(entry)


def _differences(stored: TransformationRevision, restored: TransformationRevision) -> str:
    left, right = stored.model_dump(), restored.model_dump()
    changed = sorted(key for key in left if left[key] != right.get(key))
    return ", ".join("code" if key == "content" and not stored.is_workflow else key for key in changed)


def _manifest(archive: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError as exc:
        raise InvalidInput(f"{path} is not a Sealflow backup: it has no {MANIFEST}") from exc
    except (ValueError, zipfile.BadZipFile, OSError) as exc:
        raise InvalidInput(f"the backup {path} is damaged: {MANIFEST} cannot be read ({exc})") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InvalidInput(f"{path} is not a Sealflow backup: {MANIFEST} does not say format {FORMAT!r}")
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise InvalidInput(
            f"the backup {path} has format version {version!r}, this Sealflow reads version {FORMAT_VERSION}; "
            "restore it with the Sealflow version that wrote it"
        )
    return manifest


def _check_members(archive: zipfile.ZipFile, manifest: dict[str, Any], path: Path) -> list[str]:
    """The listed member names, after checking each against its size and SHA-256."""
    try:
        listed = {str(entry["path"]): entry for entry in manifest["members"]}
        for name, (member, _) in SECTIONS.items():
            if name != "code" and manifest["sections"][name]["member"] not in listed:
                raise InvalidInput(f"the backup {path} is damaged: its manifest does not list {member}")
    except (KeyError, TypeError) as exc:
        raise InvalidInput(f"the backup {path} is damaged: {MANIFEST} lacks {exc}") from exc
    present = set(archive.namelist()) - {MANIFEST}
    unlisted = sorted(present - set(listed))
    if unlisted:
        raise InvalidInput(
            f"the backup {path} holds {unlisted[0]}, which its manifest does not list; it was altered"
        )
    for member, entry in listed.items():
        if member not in present:
            raise InvalidInput(f"the backup {path} is damaged: {member} is missing")
        digest = hashlib.sha256()
        size = 0
        try:
            with archive.open(member) as stream:
                while chunk := stream.read(_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise InvalidInput(f"the backup {path} is damaged: {member} cannot be read ({exc})") from exc
        if size != entry.get("size") or digest.hexdigest() != entry.get("sha256"):
            raise InvalidInput(
                f"the backup {path} is damaged: {member} does not match the size and SHA-256 in its "
                "manifest; nothing was restored"
            )
    return sorted(listed)


def _text(archive: zipfile.ZipFile, member: str, path: Path) -> str:
    try:
        return archive.read(member).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"the backup {path} is damaged: {member} is not UTF-8 text") from exc


def _lines(archive: zipfile.ZipFile, section: str, path: Path) -> list[tuple[int, Any]]:
    member = SECTIONS[section][0]
    items = []
    for number, line in enumerate(_text(archive, member, path).splitlines(), start=1):
        try:
            items.append((number, json.loads(line)))
        except ValueError as exc:
            raise InvalidInput(f"the backup {path} is damaged: {member} line {number} is not JSON") from exc
    return items


def _documents(archive: zipfile.ZipFile, section: str, key: str, path: Path) -> dict[str, dict[str, Any]]:
    """The content-addressed documents of a section, each checked against its key."""
    documents = {}
    for number, item in _lines(archive, section, path):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get(key), str)
            or not isinstance(item.get("data"), dict)
        ):
            raise InvalidInput(
                f"the backup {path} is damaged: {SECTIONS[section][0]} line {number} is no document"
            )
        if document_hash(item["data"]) != item[key]:
            raise InvalidInput(
                f"the backup {path} is damaged: {SECTIONS[section][0]} line {number} does not hash to its key"
            )
        documents[item[key]] = item["data"]
    return documents


def _parse(kind: type[_Item], item: Any, path: Path, section: str, number: int) -> _Item:
    try:
        return kind.model_validate(item)
    except ValidationError as exc:
        raise InvalidInput(
            f"the backup {path} is damaged: {SECTIONS[section][0]} line {number} is no valid item "
            f"({exc.errors()[0]['msg']})"
        ) from exc
