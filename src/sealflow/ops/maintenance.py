"""Maintenance of a whole instance: deprecate, delete drafts, delete unused deprecated revisions, purge.

Each use case runs in one transaction and returns a ``MaintenanceReport`` naming every revision it
changed. With ``dry_run`` the same work is done inside the transaction and then rolled back, so the
report says exactly what a real run would do. Deprecating only changes the state of the deprecated
revisions: workflows that use them stay byte-identical.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import UTC, datetime
from typing import Any

from sealflow.errors import Conflict, TransformationNotFound
from sealflow.model import lifecycle
from sealflow.model.datatypes import State, TransformationType
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.autoimport import run_autoimport
from sealflow.ops.instance import Instance
from sealflow.ops.library import install_library
from sealflow.ops.selection import used_ids
from sealflow.ops.transformations import nesting_order


@dataclass(frozen=True)
class RevisionChange:
    """One revision a maintenance action changed (or, in a dry run, would change)."""

    id: str
    name: str
    version_tag: str
    type: str
    state: str
    """The state before the action."""
    action: str
    """``deprecated``, ``deleted``, ``kept`` (with a reason), or an import outcome."""
    reason: str | None = None

    @classmethod
    def of(cls, tr: TransformationRevision, action: str, reason: str | None = None) -> RevisionChange:
        return cls(str(tr.id), tr.name, tr.version_tag, tr.type.value, tr.state.value, action, reason)


@dataclass
class MaintenanceReport:
    """What one maintenance action did."""

    action: str
    dry_run: bool = False
    revisions: list[RevisionChange] = field(default_factory=list)
    purged_code_hashes: list[str] = field(default_factory=list)
    details: Any = None

    def changed(self, action: str) -> list[RevisionChange]:
        """The revisions with this action."""
        return [change for change in self.revisions if change.action == action]

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "action": self.action,
            "dry_run": self.dry_run,
            "revisions": [asdict(change) for change in self.revisions],
            "purged_code_hashes": list(self.purged_code_hashes),
            "details": self.details,
        }


class _RollBack(Exception):
    """Ends a dry run's transaction without committing it."""


@contextmanager
def _unit(instance: Instance, dry_run: bool) -> Iterator[None]:
    try:
        with instance.database.transaction():
            yield
            if dry_run:
                raise _RollBack
    except _RollBack:
        pass


def _latest_first(tr: TransformationRevision) -> tuple[datetime, str]:
    released = tr.released_timestamp or datetime.min.replace(tzinfo=UTC)
    return (released, str(tr.id))


def deprecate_all_but_latest_per_group(instance: Instance, *, dry_run: bool = False) -> MaintenanceReport:
    """Disable every RELEASED revision but the newest (by release time, then the greatest id) of its group."""
    report = MaintenanceReport("deprecate_all_but_latest_per_group", dry_run)
    now = datetime.now(UTC)
    with _unit(instance, dry_run):
        groups: dict[str, list[TransformationRevision]] = {}
        for tr in instance.transformations.list(state=State.RELEASED):
            groups.setdefault(str(tr.revision_group_id), []).append(tr)
        for members in groups.values():
            members.sort(key=_latest_first, reverse=True)
            for older in members[1:]:
                instance.transformations.update(lifecycle.disable(older, now))
                report.revisions.append(RevisionChange.of(older, "deprecated"))
    return report


def delete_drafts(instance: Instance, *, dry_run: bool = False) -> MaintenanceReport:
    """Delete every DRAFT revision; a draft some workflow still uses is kept and reported."""
    report = MaintenanceReport("delete_drafts", dry_run)
    with _unit(instance, dry_run):
        drafts = instance.transformations.list(state=State.DRAFT)
        _delete_outermost_first(instance, drafts, report)
    return report


def delete_unused_deprecated(instance: Instance, *, dry_run: bool = False) -> MaintenanceReport:
    """Delete the DISABLED revisions no workflow that is not DISABLED contains at any depth."""
    report = MaintenanceReport("delete_unused_deprecated", dry_run)
    with _unit(instance, dry_run):
        used = used_ids(instance.transformations.list(type=TransformationType.WORKFLOW))
        unused = [tr for tr in instance.transformations.list(state=State.DISABLED) if tr.id not in used]
        _delete_outermost_first(instance, unused, report)
    return report


def purge(instance: Instance, *, dry_run: bool = False) -> MaintenanceReport:
    """Delete every revision, then every code text nothing (execution records included) refers to."""
    report = MaintenanceReport("purge", dry_run)
    with _unit(instance, dry_run):
        _delete_outermost_first(instance, instance.transformations.list(), report)
        report.purged_code_hashes = instance.code.purge_unreferenced()
    return report


def deploy_base_library(instance: Instance) -> MaintenanceReport:
    """Import Sealflow's base library; revisions stored unchanged are left alone."""
    report = MaintenanceReport("deploy_base_trafos")
    for outcome in install_library(instance):
        report.revisions.append(RevisionChange.of(outcome.transformation, outcome.action))
    return report


def trigger_autoimport(instance: Instance) -> MaintenanceReport:
    """Run the autoimport of the instance's autoimport directory."""
    return MaintenanceReport("trigger_autoimport", details=_plain(run_autoimport(instance)))


def _delete_outermost_first(
    instance: Instance, revisions: list[TransformationRevision], report: MaintenanceReport
) -> None:
    for tr in reversed(nesting_order(revisions)):
        try:
            instance.transformations.delete(tr.id)
        except TransformationNotFound:
            continue  # deleted meanwhile by another call: nothing left to do here
        except Conflict as exc:
            report.revisions.append(RevisionChange.of(tr, "kept", exc.message))
        else:
            report.revisions.append(RevisionChange.of(tr, "deleted"))


def _plain(value: Any) -> Any:
    """JSON-ready data from what the autoimport returns."""
    if hasattr(value, "to_json"):
        return value.to_json()
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


ACTIONS: dict[str, Callable[..., MaintenanceReport]] = {
    "deprecate_all_but_latest_per_group": deprecate_all_but_latest_per_group,
    "delete_drafts": delete_drafts,
    "delete_unused_deprecated": delete_unused_deprecated,
    "purge": purge,
}
"""The maintenance actions that take ``dry_run``, by their REST path."""
