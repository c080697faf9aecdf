"""Run orders: a backend resolves a run into hashes, a runtime runs exactly those hashes.

The backend resolves the revision to run into its closure (the executed revision and every revision it
nests), stores each as a content-addressed revision snapshot, and sends the snapshot hashes, the code
hashes and the wiring. The runtime reads the snapshots by hash (cached per process: a hash names one
document forever), refuses any component whose code hash the order does not list, and imports component
code by hash from the shared code store (the hash importer checks every text against its hash).

The environment pin travels with the order: a runtime whose fingerprint differs from the pinned one
refuses in ``strict`` mode, naming the differing distributions, and runs with a warning in the
execution record in ``warn`` mode.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sealflow.errors import EnvironmentMismatch, InvalidInput, SealflowError
from sealflow.model.hashing import code_hash, document_hash
from sealflow.model.jobs import FingerprintPolicy, RunOrder
from sealflow.model.transformation import TransformationRevision, parse_transformation
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.execution import execute_transformation
from sealflow.ops.instance import Instance
from sealflow.repro.fingerprint import Fingerprint, current_fingerprint, diff
from sealflow.runtime.plan import Resolver
from sealflow.runtime.results import ExecutionResult
from sealflow.store.snapshots import SnapshotRepository

#: Parsed revision snapshots by hash; a hash names one document forever, so entries never go stale.
_SNAPSHOTS: dict[str, TransformationRevision] = {}
_SNAPSHOT_CACHE_SIZE = 4096


def runtime_id() -> str:
    """How this process names itself as a runtime: ``host:pid``."""
    return f"{socket.gethostname()}:{os.getpid()}"


def closure(tr: TransformationRevision, resolve: Resolver) -> list[TransformationRevision]:
    """``tr`` and every revision it nests, to any depth, ``tr`` first; unresolvable ones are left out.

    A revision that cannot be resolved makes the run fail where it runs, with the same error a local run
    reports.
    """
    found: dict[UUID, TransformationRevision] = {}

    def visit(item: TransformationRevision) -> None:
        if item.id in found:
            return
        found[item.id] = item
        if item.is_workflow:
            for operator in item.workflow().operators:
                try:
                    nested = resolve(operator.transformation_id)
                except SealflowError:
                    continue
                visit(nested)

    visit(tr)
    return list(found.values())


def make_order(
    instance: Instance,
    tr: TransformationRevision,
    wiring: WorkflowWiring,
    *,
    execution_id: UUID,
    run_pure_plot_operators: bool = False,
    unstored: Sequence[TransformationRevision] = (),
    job: bool = False,
    pinned_fingerprint: str | None = None,
    policy: FingerprintPolicy = "warn",
) -> RunOrder:
    """The order that runs ``tr``: its closure stored as snapshots (and its code in the code store)."""
    extra = {item.id: item for item in unstored}

    def resolve(transformation_id: UUID) -> TransformationRevision:
        return extra.get(transformation_id) or instance.transformations.get(transformation_id)

    revisions = closure(tr, resolve)
    snapshots = SnapshotRepository(instance.database)
    keys = []
    hashes = set()
    for item in revisions:
        if not item.is_workflow:
            hashes.add(code_hash(item.code()))
            if item.id in extra:
                instance.code.put(item.code())
        document = item.to_json_dict()
        key = document_hash(document)
        if key not in instance.stored_documents:
            snapshots.put_revision(document)
            instance.stored_documents.add(key)
        _SNAPSHOTS.setdefault(key, item)
        keys.append(key)
    return RunOrder(
        execution_id=execution_id,
        snapshots=keys,
        code_hashes=sorted(hashes),
        wiring=wiring,
        run_pure_plot_operators=run_pure_plot_operators,
        job=job,
        pinned_fingerprint=pinned_fingerprint,
        fingerprint_policy=policy,
    )


def order_revisions(instance: Instance, order: RunOrder) -> list[TransformationRevision]:
    """The revisions an order names, read by hash; ``InvalidInput`` for code it does not list."""
    allowed = set(order.code_hashes)
    revisions = []
    for key in order.snapshots:
        tr = _SNAPSHOTS.get(key)
        if tr is None:
            tr = parse_transformation(
                SnapshotRepository(instance.database).get_revision(key), f"snapshot {key}"
            )
            if len(_SNAPSHOTS) >= _SNAPSHOT_CACHE_SIZE:
                _SNAPSHOTS.clear()
            _SNAPSHOTS[key] = tr
        if not tr.is_workflow and code_hash(tr.code()) not in allowed:
            raise InvalidInput(
                f"{tr.label} in snapshot {key} runs code {code_hash(tr.code())}, which the run order does "
                "not list; this runtime runs only the code hashes it is sent",
                code_hash=code_hash(tr.code()),
                execution_id=str(order.execution_id),
            )
        revisions.append(tr)
    return revisions


def environment_warnings(instance: Instance, pinned: str | None, policy: FingerprintPolicy) -> list[str]:
    """Nothing if this process runs the pinned environment; else a warning, or ``EnvironmentMismatch``."""
    here = current_fingerprint()
    if pinned is None or pinned == here.id:
        return []
    stored = SnapshotRepository(instance.database).get_fingerprint(pinned)
    if stored is None:
        changes = f"the pinned environment {pinned[:12]} is not stored, so what differs is unknown"
    else:
        stored.pop("id", None)
        found = diff(Fingerprint.model_validate(stored), here)
        changes = "; ".join(str(change) for change in found) or "no listed difference"
    message = (
        f"runtime {runtime_id()} runs environment {here.id[:12]}, not the pinned {pinned[:12]}: {changes}"
    )
    if policy == "strict":
        raise EnvironmentMismatch(
            f"{message}; install the pinned versions on this runtime, or pin its environment "
            "(SEALFLOW_PINNED_FINGERPRINT)",
            fingerprint=here.id,
            pinned=pinned,
        )
    return [message]


def run_order(instance: Instance, order: RunOrder) -> ExecutionResult:
    """Run an order in this process and record it; the record's id is the order's execution id."""
    warnings = environment_warnings(instance, order.pinned_fingerprint, order.fingerprint_policy)
    revisions = order_revisions(instance, order)
    return execute_transformation(
        instance,
        revisions[0],
        order.wiring,
        run_pure_plot_operators=order.run_pure_plot_operators,
        job_id=str(order.execution_id),
        unstored=revisions,
        warnings=warnings,
    )


def fingerprint_document(fingerprint: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The id and the stored form of a fingerprint as ``/api/info`` shows it."""
    document = {key: value for key, value in fingerprint.items() if key != "id"}
    return Fingerprint.model_validate(document).id, document
