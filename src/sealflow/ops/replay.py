"""Replay a recorded run: the same revisions, the same code by hash, the same inputs; compare outputs.

A run's record names the content hashes of the revisions it used (snapshots), the hashes of the code it
ran and the inputs it was given (inline when small). Replay rebuilds the run from those alone, so it
works after the revisions were overwritten or deleted, and reports per output whether the digest is
identical, or by how much numeric values differ, and whether the environment differs from the recorded
one. Objects the replayed code stores go to a scratch store that is dropped afterwards
(``store.objects.scratch``): the instance's objects are never overwritten, and a replay adds none.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

from sealflow.adapters.direct import DirectProvisioning
from sealflow.adapters.protocol import AdapterRegistry
from sealflow.errors import InvalidInput, TransformationNotFound
from sealflow.model.execution import DEFAULT_VALUE, ExecutionRecord
from sealflow.model.hashing import canonical_json, code_hash
from sealflow.model.transformation import TransformationRevision, parse_transformation
from sealflow.model.wiring import DIRECT_PROVISIONING, InputWiring, WorkflowWiring
from sealflow.ops.executions import get_execution
from sealflow.ops.instance import Instance
from sealflow.repro.compare import Tolerance, tolerance
from sealflow.repro.fingerprint import Fingerprint, current_fingerprint, diff
from sealflow.runtime.runner import run
from sealflow.store.objects import activated
from sealflow.store.objects.local import LocalObjectStore
from sealflow.store.objects.scratch import ScratchObjects
from sealflow.store.snapshots import SnapshotRepository

Verdict = Literal["identical", "differs", "failed"]


class OutputComparison(BaseModel):
    """One output: recorded and replayed digests, and the numeric differences when they differ."""

    name: str
    verdict: Literal["identical", "differs", "missing"]
    recorded_sha256: str | None
    replayed_sha256: str | None
    tolerance: Tolerance | None = None


class ReplayReport(BaseModel):
    """What a replay found."""

    execution_id: UUID
    verdict: Verdict
    outputs: list[OutputComparison] = Field(default_factory=list)
    error: str | None = None
    environment_identical: bool
    environment_changes: list[str] = Field(default_factory=list)
    objects_stored: list[str] = Field(
        default_factory=list,
        description="Objects the replay stored, as name/tag: kept apart from the instance's objects "
        "(which are never overwritten) and discarded after the replay.",
    )


def _revisions(instance: Instance, record: ExecutionRecord) -> list[TransformationRevision]:
    if not record.revision_snapshots:
        raise InvalidInput(
            f"execution {record.id} was recorded without revision snapshots and cannot be replayed; "
            "run the transformation again to get a replayable record"
        )
    snapshots = SnapshotRepository(instance.database)
    return [
        parse_transformation(snapshots.get_revision(key), f"snapshot {key}")
        for key in record.revision_snapshots
    ]


def _wiring(record: ExecutionRecord) -> WorkflowWiring:
    wirings = []
    for value in record.inputs:
        if value.via == DEFAULT_VALUE:
            continue
        if not value.inline:
            raise InvalidInput(
                f"input {value.name!r} of execution {record.id} came via {value.via} "
                f"({value.size or 0} bytes) and was not recorded; it cannot be replayed"
            )
        text = value.value if isinstance(value.value, str) else json.dumps(value.value, allow_nan=False)
        wirings.append(
            InputWiring(
                workflow_input_name=value.name, adapter_id=DIRECT_PROVISIONING, filters={"value": text}
            )
        )
    return WorkflowWiring(input_wirings=wirings)


def _environment(instance: Instance, record: ExecutionRecord) -> list[str]:
    here = current_fingerprint()
    if record.fingerprint_hash == here.id:
        return []
    if record.fingerprint_hash is None:
        return ["the record names no environment"]
    stored = SnapshotRepository(instance.database).get_fingerprint(record.fingerprint_hash)
    if stored is None:
        return [f"environment {record.fingerprint_hash[:12]} is not stored; it differs from this one"]
    return [str(change) for change in diff(Fingerprint.model_validate(stored), here)]


def replay_execution(instance: Instance, execution_id: UUID | str) -> ReplayReport:
    """Re-run a recorded execution on its recorded inputs and compare the outputs with the record."""
    record = get_execution(instance, execution_id)
    revisions = _revisions(instance, record)
    ran = {code_hash(tr.code()) for tr in revisions if not tr.is_workflow}
    if not ran <= set(record.code_hashes):
        raise InvalidInput(f"the snapshots of execution {record.id} name code the record does not list")
    by_id = {tr.id: tr for tr in revisions}

    def resolve(transformation_id: UUID) -> TransformationRevision:
        if transformation_id not in by_id:
            raise TransformationNotFound(
                f"execution {record.id} did not use transformation {transformation_id}"
            )
        return by_id[transformation_id]

    with tempfile.TemporaryDirectory(prefix="sealflow-replay-objects-") as scratch:
        objects = ScratchObjects(instance.objects, LocalObjectStore(Path(scratch)))
        with activated(objects, code_hashes=tuple(record.code_hashes)):
            result = run(
                revisions[0],
                resolve,
                _wiring(record),
                AdapterRegistry([DirectProvisioning()]),
                run_pure_plot_operators=record.run_pure_plot_operators,
            )
        stored = [f"{manifest.name}/{manifest.tag}" for manifest in objects.manifests()]
    changes = _environment(instance, record)
    if result.result != "ok":
        message = result.error.message if result.error else "the replay failed"
        return ReplayReport(
            execution_id=record.id,
            verdict="failed",
            error=message,
            environment_identical=not changes,
            environment_changes=changes,
            objects_stored=stored,
        )
    comparisons = []
    for recorded in record.outputs:
        replayed = result.output_results_by_output_name.get(recorded.name)
        if replayed is None and recorded.name not in result.output_results_by_output_name:
            comparisons.append(
                OutputComparison(
                    name=recorded.name,
                    verdict="missing",
                    recorded_sha256=recorded.sha256,
                    replayed_sha256=None,
                )
            )
            continue
        replayed_sha = hashlib.sha256(canonical_json(replayed)).hexdigest()
        same = replayed_sha == recorded.sha256
        comparisons.append(
            OutputComparison(
                name=recorded.name,
                verdict="identical" if same else "differs",
                recorded_sha256=recorded.sha256,
                replayed_sha256=replayed_sha,
                tolerance=None
                if same or not recorded.inline
                else tolerance(recorded.value, replayed, recorded.data_type),
            )
        )
    verdict: Verdict = "identical" if all(c.verdict == "identical" for c in comparisons) else "differs"
    return ReplayReport(
        execution_id=record.id,
        verdict=verdict,
        outputs=comparisons,
        environment_identical=not changes,
        environment_changes=changes,
        objects_stored=stored,
    )
