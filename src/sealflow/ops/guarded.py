"""The destructive use cases with a plan first: PUT of a revision, bulk and folder imports, maintenance.

Each comes as ``plan_*`` (what would change; nothing is written) and as the applying call, which runs
``sealflow.ops.plan.apply_planned``: refuse an interface-breaking overwrite unless forced, snapshot,
apply, audit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sealflow import metrics
from sealflow.model.datatypes import State
from sealflow.model.transformation import TransformationRevision
from sealflow.ops import maintenance
from sealflow.ops.bulk_import import ImportOptions, ItemReport, import_items
from sealflow.ops.bundle import compare_bundles
from sealflow.ops.exchange import Progress, UpdateOptions
from sealflow.ops.import_folder import ImportReport, Selection, import_files, read_transformations
from sealflow.ops.instance import Instance
from sealflow.ops.plan import Applied, Plan, apply_planned, plan_operation
from sealflow.ops.upsert import PutOutcome, put_transformation

#: Maintenance actions that delete revisions: each writes a snapshot and an audit entry when it does.
DELETING = frozenset({"delete_drafts", "delete_unused_deprecated", "purge"})


@dataclass(frozen=True)
class PutRequest:
    """A revision sent to ``PUT /api/transformations/{id}`` and its options."""

    transformation: TransformationRevision
    allow_overwrite_released: bool = False
    update_component_code: bool = True
    strip_wiring: bool = False

    def run(self, instance: Instance) -> PutOutcome:
        """Store the revision by the upsert rules."""
        return put_transformation(
            instance,
            self.transformation,
            allow_overwrite_released=self.allow_overwrite_released,
            update_component_code=self.update_component_code,
            strip_wiring=self.strip_wiring,
        )


def plan_put(instance: Instance, request: PutRequest) -> Plan:
    """What storing one revision would change."""
    return plan_operation(instance, "put", lambda: request.run(instance), ids=[request.transformation.id])


def put_planned(
    instance: Instance, request: PutRequest, *, actor: str, force: bool = False
) -> Applied[PutOutcome]:
    """Store one revision; an overwrite of a RELEASED or DISABLED one is planned, snapshotted and audited."""
    with instance.database.transaction():
        stored = instance.transformations.find_for_update(request.transformation.id)
        if stored is None or stored.state is State.DRAFT:
            return Applied(Plan("put"), request.run(instance))
        return apply_planned(
            instance,
            "put",
            lambda: request.run(instance),
            actor=actor,
            force=force,
            ids=[request.transformation.id],
        )


def plan_bulk(instance: Instance, items: Sequence[Any], options: ImportOptions) -> Plan:
    """What the bulk import of ``items`` would change."""
    return plan_operation(instance, "bulk_import", lambda: import_items(instance, items, options))


def bulk_planned(
    instance: Instance, items: Sequence[Any], options: ImportOptions, *, actor: str, force: bool = False
) -> Applied[dict[str, ItemReport]]:
    """Import ``items`` in bulk with a plan first; the items are counted in the metrics by outcome."""
    applied = apply_planned(
        instance, "bulk_import", lambda: import_items(instance, items, options), actor=actor, force=force
    )
    for report in applied.result.values():
        metrics.record_import(report.status.value)
    return applied


def plan_import(
    instance: Instance, paths: Sequence[Path], options: UpdateOptions, selection: Selection | None = None
) -> Plan:
    """What importing files and folders would change, with the differences their bundle manifest shows."""
    bundle = compare_import(instance, paths)
    plan = plan_operation(instance, "import", lambda: import_files(instance, paths, options, selection))
    plan.bundle = bundle
    return plan


def compare_import(instance: Instance, paths: Sequence[Path]) -> dict[str, Any] | None:
    """How the instance differs from the bundle manifest among ``paths`` (``None`` without one)."""
    found = read_transformations(paths)
    return compare_bundles(instance, paths, {key: tr for key, (tr, _) in found.items()})


def import_planned(
    instance: Instance,
    paths: Sequence[Path],
    options: UpdateOptions,
    *,
    actor: str,
    force: bool = False,
    selection: Selection | None = None,
    progress: Progress | None = None,
    bundle: dict[str, Any] | None = None,
) -> Applied[ImportReport]:
    """Import files and folders with a plan first; ``bundle`` is the comparison shown beforehand."""
    return apply_planned(
        instance,
        "import",
        lambda: import_files(instance, paths, options, selection, progress),
        trial=lambda: import_files(instance, paths, options, selection),
        actor=actor,
        force=force,
        bundle=bundle,
    )


def maintenance_planned(
    instance: Instance, action: Callable[..., maintenance.MaintenanceReport], *, actor: str
) -> Applied[maintenance.MaintenanceReport]:
    """Run a maintenance action; one that deletes revisions is snapshotted and audited."""
    name = action.__name__
    return apply_planned(
        instance, name, lambda: action(instance), actor=actor, force=True, always=name in DELETING
    )


def plan_maintenance(instance: Instance, action: Callable[..., maintenance.MaintenanceReport]) -> Plan:
    """What a maintenance action would change in the stored revisions."""
    return plan_operation(instance, action.__name__, lambda: action(instance))
