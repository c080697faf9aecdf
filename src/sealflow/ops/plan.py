"""Plan before a destructive change; apply as snapshot, change, audit entry.

A plan is found by running the change itself inside a savepoint that is then rolled back, so the plan
says exactly what the change would do, by the same rules (``sealflow.ops.exchange``, the upsert rules,
the maintenance actions), and nothing stays. For every stored RELEASED or DISABLED revision the change
overwrites or deletes it lists the code diff, the interface changes, the workflows that use it and those
that will break, the persisted objects its old code wrote and the execution records that ran it.

Applying runs in one transaction: plan; refuse an interface-breaking overwrite unless forced; write a
snapshot (a backup archive, restorable with ``sealflow restore``); apply; append an audit log entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar
from uuid import UUID

from sealflow.errors import Conflict, SealflowError
from sealflow.model.audit import AuditEntry, AuditTarget
from sealflow.model.datatypes import State
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.audit import record, take_snapshot
from sealflow.ops.instance import Instance
from sealflow.repro.impact import (
    Reference,
    RevisionImpact,
    code_diff,
    interface_changes,
    mentions_code,
    operator_breaks,
    revision_code_hash,
)
from sealflow.store.audit import execution_counts

T = TypeVar("T")

#: Fields whose change is no overwrite: the lifecycle and what may change in every state.
_LIFECYCLE_FIELDS = {"state", "released_timestamp", "disabled_timestamp", "test_wiring", "documentation"}


@dataclass(frozen=True)
class Touched:
    """A revision the change creates, changes or deletes, with its code hash before and after."""

    reference: Reference
    old_code_hash: str | None
    new_code_hash: str | None
    old_existed: bool = True
    """Whether the revision was stored before the change (false for revisions the change adds)."""


@dataclass
class Plan:
    """What a change would do to the stored RELEASED and DISABLED revisions."""

    action: str
    changes: list[RevisionImpact] = field(default_factory=list)
    touched: list[Touched] = field(default_factory=list)
    bundle: dict[str, Any] | None = None
    """Differences between an imported bundle's manifest and this instance (``sealflow.ops.bundle``)."""
    notes: list[str] = field(default_factory=list)

    @property
    def breaking(self) -> bool:
        """Whether some overwrite changes an interface so that workflows or callers break."""
        return any(change.breaking for change in self.changes)

    def refusal(self) -> Conflict:
        """The error that refuses an unforced breaking plan, naming what would break."""
        parts = []
        for change in self.changes:
            if not change.breaking:
                continue
            what = "; ".join(str(c) for c in change.interface_changes if c.breaking) or "its operators"
            broken = ", ".join(str(ref) for ref in change.will_break) or "none stored, but callers may"
            parts.append(
                f"{change.name} {change.version_tag} ({change.id}) changes its interface ({what}); "
                f"workflows that would break: {broken}"
            )
        return Conflict(
            f"{self.action} refused: {' | '.join(parts)}; nothing was changed. "
            "Pass force=true (REST) or --force (CLI) to apply it anyway",
            will_break=sorted({ref.id for change in self.changes for ref in change.will_break}),
        )

    def to_json(self) -> dict[str, Any]:
        """The plan as JSON-ready data."""
        return {
            "action": self.action,
            "breaking": self.breaking,
            "changes": [change.model_dump(mode="json") for change in self.changes],
            "touched": [
                {
                    **t.reference.model_dump(exclude={"reason"}),
                    "old_code_hash": t.old_code_hash,
                    "new_code_hash": t.new_code_hash,
                }
                for t in self.touched
            ],
            "bundle": self.bundle,
            "notes": list(self.notes),
        }

    def audit_entry(self, actor: str, snapshot: Path | None, summary: str | None = None) -> AuditEntry:
        """The audit log entry for applying this plan."""
        overwritten = sum(change.change == "changed" for change in self.changes)
        deleted = sum(change.change == "deleted" for change in self.changes)
        default = (
            f"{self.action}: {len(self.touched)} revision(s) touched, "
            f"{overwritten} released overwritten, {deleted} released deleted"
        )
        return AuditEntry(
            actor=actor,
            action=self.action,
            summary=summary or default,
            targets=[AuditTarget(**t.reference.model_dump(exclude={"reason"})) for t in self.touched],
            old_code_hashes=sorted({t.old_code_hash for t in self.touched if t.old_code_hash}),
            new_code_hashes=sorted({t.new_code_hash for t in self.touched if t.new_code_hash}),
            snapshot=str(snapshot) if snapshot is not None else None,
        )


@dataclass(frozen=True)
class Applied(Generic[T]):
    """An applied change: its plan, its result, the snapshot taken before it and its audit entry."""

    plan: Plan
    result: T
    snapshot: Path | None = None
    audit: AuditEntry | None = None


class _RollBack(Exception):
    """Ends a trial run, carrying what it found."""

    def __init__(self, found: Plan) -> None:
        super().__init__("trial run rolled back")
        self.found = found


def plan_operation(
    instance: Instance, action: str, operation: Callable[[], object], *, ids: Iterable[UUID] | None = None
) -> Plan:
    """What ``operation`` would change, found by running it in a savepoint that is rolled back.

    ``ids`` limits the revisions watched to those the operation can touch (all when ``None``). Errors of
    the operation propagate: the change itself would fail the same way.
    """
    watched = None if ids is None else set(ids)
    try:
        with instance.database.transaction():
            before = _revisions(instance, watched)
            operation()
            raise _RollBack(_trial_plan(instance, action, before, _revisions(instance, watched)))
    except _RollBack as done:
        plan = done.found
    for change in plan.changes:
        if change.change == "deleted":
            change.used_by = [Reference.of(tr) for tr in instance.transformations.dependents(change.id)]
    _add_persisted(instance, plan)
    return plan


def apply_planned(
    instance: Instance,
    action: str,
    operation: Callable[[], T],
    *,
    actor: str,
    force: bool = False,
    ids: Iterable[UUID] | None = None,
    always: bool = False,
    summary: str | None = None,
    bundle: dict[str, Any] | None = None,
    trial: Callable[[], object] | None = None,
) -> Applied[T]:
    """Plan, refuse a breaking plan unless ``force``, snapshot, apply and audit, in one transaction.

    A snapshot and an audit entry are written when the plan overwrites or deletes RELEASED or DISABLED
    revisions. With ``always`` (restores, deleting maintenance) an audit entry is written when the plan
    touches any revision, and a snapshot when it changes or deletes a stored one: revisions that are
    only added lose nothing. ``trial`` is what
    the plan runs instead of ``operation`` (the same change without progress reports, say).
    """
    snapshot: Path | None = None
    try:
        with instance.database.transaction():
            plan = plan_operation(instance, action, trial or operation, ids=ids)
            plan.bundle = bundle
            if plan.breaking and not force:
                raise plan.refusal()
            if plan.changes or (always and any(t.old_existed for t in plan.touched)):
                snapshot = take_snapshot(instance, action)
            result = operation()
            audited = bool(plan.changes) or (always and bool(plan.touched))
            entry = record(instance, plan.audit_entry(actor, snapshot, summary)) if audited else None
    except BaseException:
        if snapshot is not None:
            snapshot.unlink(missing_ok=True)
        raise
    return Applied(plan, result, snapshot, entry)


def _revisions(instance: Instance, ids: set[UUID] | None) -> dict[UUID, TransformationRevision]:
    found = instance.transformations.list(ids=ids) if ids is not None else instance.transformations.list()
    return {tr.id: tr for tr in found}


def _overwrites(old: TransformationRevision, new: TransformationRevision) -> bool:
    return old.model_dump(exclude=_LIFECYCLE_FIELDS) != new.model_dump(exclude=_LIFECYCLE_FIELDS)


def _trial_plan(
    instance: Instance,
    action: str,
    before: dict[UUID, TransformationRevision],
    after: dict[UUID, TransformationRevision],
) -> Plan:
    """The plan from the stored revisions before and after a trial run (the trial is still open)."""
    plan = Plan(action)
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        shown = new or old
        assert shown is not None
        plan.touched.append(
            Touched(
                Reference.of(shown),
                revision_code_hash(old) if old is not None else None,
                revision_code_hash(new) if new is not None else None,
                old_existed=old is not None,
            )
        )
        if old is None or old.state is State.DRAFT:
            continue
        if new is None:
            plan.changes.append(_impact(old, None))
        elif _overwrites(old, new):
            plan.changes.append(_changed(instance, old, new))
    return plan


def _impact(old: TransformationRevision, new: TransformationRevision | None) -> RevisionImpact:
    return RevisionImpact(
        id=str(old.id),
        name=old.name,
        version_tag=old.version_tag,
        type=old.type.value,
        change="deleted" if new is None else "changed",
        old_code_hash=revision_code_hash(old),
        new_code_hash=revision_code_hash(new) if new is not None else None,
        code_diff=code_diff(old, new) if new is not None else "",
        interface_changes=interface_changes(old.io_interface, new.io_interface) if new is not None else [],
    )


def _changed(instance: Instance, old: TransformationRevision, new: TransformationRevision) -> RevisionImpact:
    """The impact of an overwrite, with the users and broken workflows as the change leaves them."""
    impact = _impact(old, new)
    users = instance.transformations.dependents(old.id)
    impact.used_by = [Reference.of(tr) for tr in users]
    broken: dict[str, Reference] = {}
    for user in instance.transformations.dependents(old.id, transitive=False):
        reasons = operator_breaks(user, old.id, new.io_interface)
        if reasons:
            broken[str(user.id)] = Reference.of(user, "; ".join(reasons))
    for key in list(broken):
        for outer in instance.transformations.dependents(key):
            broken.setdefault(
                str(outer.id),
                Reference.of(outer, f"runs {broken[key].name} {broken[key].version_tag}, which breaks"),
            )
    impact.will_break = [broken[str(tr.id)] for tr in users if str(tr.id) in broken]
    return impact


def _add_persisted(instance: Instance, plan: Plan) -> None:
    """Fill in the objects and execution records that depend on the old code of each change."""
    if not plan.changes:
        return
    hashes = [c.old_code_hash for c in plan.changes if c.old_code_hash]
    workflows = [UUID(c.id) for c in plan.changes if c.old_code_hash is None]
    by_hash, by_id = execution_counts(instance.database, hashes, workflows)
    try:
        manifests = [manifest.model_dump(mode="json") for manifest in instance.objects.manifests()]
    except SealflowError as exc:
        manifests = []
        plan.notes.append(f"persisted objects not checked: {exc}")
    for change in plan.changes:
        if change.old_code_hash is None:
            change.executions = by_id.get(UUID(change.id), 0)
            continue
        change.executions = by_hash.get(change.old_code_hash, 0)
        change.objects = [
            f"{m.get('name')}@{m.get('tag')}" for m in manifests if mentions_code(m, change.old_code_hash)
        ]
