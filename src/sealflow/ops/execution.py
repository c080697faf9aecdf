"""Use case: run a stored transformation, or one given as a JSON file, and record the run.

Every run that starts leaves an execution record whose id is the run's job id. A recorder hooks into the
run: it keeps the compiled plan, digests the inputs as soon as they are parsed (component code may change
its input objects in place), and keeps the outputs to digest after the run. The record is written in one
transaction before the result is returned; when it cannot be written the result is not returned either:
``StorageError`` says so (and carries the result in its context), because a run without its record
breaks the promise that every run can be looked up and replayed.

A wiring that does not fit the transformation raises ``InvalidWiring`` before anything runs and leaves no
record.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from sealflow.code.values import serialize_value
from sealflow.errors import Conflict, InvalidInput, SealflowError, StorageError
from sealflow.model.datatypes import DataType
from sealflow.model.execution import (
    DEFAULT_VALUE,
    ExecutionRecord,
    ExecutionStatus,
    OperatorTime,
    RecordedValue,
    StepTime,
    recorded_wiring,
)
from sealflow.model.hashing import closure_hash, code_hash, document_hash
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import DIRECT_PROVISIONING, WorkflowWiring
from sealflow.ops.import_folder import read_transformation_file
from sealflow.ops.instance import Instance
from sealflow.ops.observe import count_run, observed
from sealflow.ops.transformations import nesting_order, resolve_reference
from sealflow.repro.fingerprint import current_fingerprint, current_fingerprint_id
from sealflow.repro.sealing import noting_problems
from sealflow.runtime.plan import Plan, Resolver, Step
from sealflow.runtime.results import ExecutionResult, OperatorTiming
from sealflow.runtime.runner import run
from sealflow.store.executions import ExecutionRepository
from sealflow.store.objects import activated
from sealflow.store.snapshots import SnapshotRepository

logger = logging.getLogger(__name__)


def execute_transformation(
    instance: Instance,
    tr: TransformationRevision,
    wiring: WorkflowWiring,
    *,
    run_pure_plot_operators: bool = False,
    job_id: str | None = None,
    unstored: Sequence[TransformationRevision] = (),
    warnings: Sequence[str] = (),
) -> ExecutionResult:
    """Run ``tr``, record the run and return its result; nested revisions come from ``unstored`` first.

    The code of every unstored component goes into the code store first: whatever ran can be found again.
    Component code of the run stores and loads objects in the instance's object store. ``job_id`` must be
    a UUID no other recorded run has; it becomes the id of the execution record. ``warnings`` go into the
    record as they are.
    """
    execution_id = execution_id_of(job_id)
    executions = ExecutionRepository(instance.database)
    if job_id is not None and executions.exists(execution_id):
        raise Conflict(
            f"a run with job id {execution_id} is recorded already; give every run its own job id",
            execution_id=str(execution_id),
        )
    extra = {item.id: item for item in unstored}
    for item in unstored:
        if not item.is_workflow and code_hash(item.code()) not in instance.stored_documents:
            instance.stored_documents.add(instance.code.put(item.code()))
    resolved: dict[UUID, TransformationRevision] = {}

    def resolve(transformation_id: UUID) -> TransformationRevision:
        if transformation_id not in resolved:
            resolved[transformation_id] = extra.get(transformation_id) or instance.transformations.get(
                transformation_id
            )
        return resolved[transformation_id]

    recorder = ExecutionRecorder(wiring)
    code = closure_code(tr, resolve)
    with (
        activated(instance.objects, job_id=str(execution_id), code_hashes=tuple(code)),
        noting_problems() as object_problems,
        observed(instance.settings, str(execution_id)) as observers,
    ):
        result = run(
            tr,
            resolve,
            wiring,
            instance.adapters,
            run_pure_plot_operators=run_pure_plot_operators,
            job_id=str(execution_id),
            hooks=[recorder, *observers],
            run_hooks=[recorder],
        )
    count_run(result)
    fingerprint_id = current_fingerprint_id()
    used = [tr, *(item for item in resolved.values() if item.id != tr.id)]
    documents_used = [item.to_json_dict() for item in used]
    snapshots = {document_hash(document): document for document in documents_used}
    record = recorder.record(execution_id, tr, result, code).model_copy(
        update={
            "fingerprint_hash": fingerprint_id,
            "revision_snapshots": list(snapshots),
            "run_pure_plot_operators": run_pure_plot_operators,
            "warnings": [*warnings, *object_problems],
        }
    )
    try:
        _write_record(instance, record, code, snapshots, fingerprint_id)
    except SealflowError as exc:
        instance.stored_code.clear()
        logger.error(
            "execution %s of %s ended %s, but its record could not be written: %s",
            record.id,
            record.label,
            record.status,
            exc,
        )
        raise StorageError(
            f"the run {record.id} of {record.label} ended {record.status}, but its record could not be "
            f"written: {exc}",
            execution_id=str(record.id),
            result=result,
        ) from exc
    return result


def _write_record(
    instance: Instance,
    record: ExecutionRecord,
    code: Mapping[str, str],
    snapshots: Mapping[str, Any],
    fingerprint_id: str,
) -> None:
    """Store the record with the snapshots and fingerprint it names, in one transaction.

    Documents and code this process knows to be stored are not looked up again: after the first run of
    a revision, a record is a single insert in a transaction of its own.
    """
    known = instance.stored_documents
    missing = {key: document for key, document in snapshots.items() if key not in known}
    fingerprint = None if fingerprint_id in known else current_fingerprint()
    if not missing and fingerprint is None:
        ExecutionRepository(instance.database).insert(record, code, known_stored=instance.stored_code)
    else:
        with instance.database.transaction() as unit:
            documents = SnapshotRepository(unit)
            if fingerprint is not None:
                documents.put_fingerprint(fingerprint_id, fingerprint.model_dump(mode="json"))
            for document in missing.values():
                documents.put_revision(document)
            ExecutionRepository(unit).insert(record, code, known_stored=instance.stored_code)
        known.update([fingerprint_id, *missing])
    instance.stored_code.update(record.code_hashes)


class ExecutionRecorder:
    """Collects what a run shows its hooks and turns it into the run's execution record."""

    def __init__(self, wiring: WorkflowWiring) -> None:
        self.wiring = wiring
        self.plan: Plan | None = None
        self.inputs: list[RecordedValue] = []
        self.outputs: dict[str, Any] | None = None
        self.timings: list[OperatorTiming] = []

    def after_compile(self, plan: Plan) -> None:
        """Keep the plan: its code hashes and the data types of inputs and outputs."""
        self.plan = plan

    def after_parse(self, inputs: Mapping[str, Any]) -> None:
        """Digest the inputs now, before component code can change them."""
        assert self.plan is not None
        sources = {
            w.workflow_input_name: str(w.adapter_id)
            for w in self.wiring.input_wirings
            if not w.use_default_value
        }
        types = {spec.name: spec.data_type for spec in self.plan.inputs}
        recorded = []
        for name, value in inputs.items():
            via = sources.get(name, DEFAULT_VALUE)
            keep = via in (DIRECT_PROVISIONING, DEFAULT_VALUE)
            recorded.append(_recorded(name, types[name], via, value, keep=keep))
        self.inputs = recorded

    def after_execute(self, outputs: Mapping[str, Any]) -> None:
        """Keep the outputs to digest after the run."""
        self.outputs = dict(outputs)

    def before_operator(self, step: Step) -> None:
        """Nothing to do before an operator."""

    def after_operator(self, step: Step, timing: OperatorTiming) -> None:
        """Keep the timing, so a failed run still shows the operators that ran."""
        self.timings.append(timing)

    def record(
        self, execution_id: UUID, tr: TransformationRevision, result: ExecutionResult, code: Mapping[str, str]
    ) -> ExecutionRecord:
        """The record of the finished run; ``code`` is the closure's code, used when no plan compiled."""
        hashes = self.plan.code_hashes if self.plan is not None else sorted(code)
        full = result.measured_steps["internal_full"]
        too_big = [
            value.name for value in self.inputs if value.via == DIRECT_PROVISIONING and not value.inline
        ]
        return ExecutionRecord(
            id=execution_id,
            transformation_id=tr.id,
            revision_group_id=tr.revision_group_id,
            name=tr.name,
            version_tag=tr.version_tag,
            type=tr.type,
            status=ExecutionStatus(result.result),
            started_at=full.start,
            finished_at=full.end,
            duration=full.duration,
            wiring=recorded_wiring(self.wiring, dropped=too_big),
            code_hashes=hashes,
            closure_hash=closure_hash(hashes),
            inputs=self.inputs,
            outputs=self._outputs(result),
            operator_timings=[OperatorTime.model_validate(t.model_dump()) for t in self.timings],
            measured_steps={
                name: StepTime.model_validate(step.model_dump())
                for name, step in result.measured_steps.items()
            },
            error=result.error.model_dump(mode="json") if result.error is not None else None,
            traceback=result.traceback,
        )

    def _outputs(self, result: ExecutionResult) -> list[RecordedValue]:
        if self.plan is None or self.outputs is None:
            return []
        sinks = {w.workflow_output_name: str(w.adapter_id) for w in self.wiring.output_wirings}
        encoded = result.output_results_by_output_name
        recorded = []
        for name, value in self.outputs.items():
            data_type = self.plan.outputs[name][1]
            via = sinks.get(name, DIRECT_PROVISIONING)
            keep = via == DIRECT_PROVISIONING
            if name in encoded:
                recorded.append(RecordedValue.of(name, data_type, via, encoded[name], keep=keep))
            else:
                recorded.append(_recorded(name, data_type, via, value, keep=keep))
        return recorded


def closure_code(tr: TransformationRevision, resolve: Resolver) -> dict[str, str]:
    """The code texts by hash of every component ``tr`` runs, nested workflows included.

    Revisions that cannot be resolved are left out: for a run whose plan did not compile, this is the
    code it would have run, as far as it can be found.
    """
    code: dict[str, str] = {}
    seen: set[UUID] = set()

    def visit(item: TransformationRevision) -> None:
        if item.id in seen:
            return
        seen.add(item.id)
        if not item.is_workflow:
            code[code_hash(item.code())] = item.code()
            return
        for operator in item.workflow().operators:
            try:
                nested = resolve(operator.transformation_id)
            except SealflowError:
                continue
            visit(nested)

    visit(tr)
    return code


def _recorded(name: str, data_type: DataType, via: str, value: Any, *, keep: bool) -> RecordedValue:
    try:
        serialized = serialize_value(value, data_type)
    except SealflowError as exc:
        return RecordedValue.unencodable(name, data_type, via, str(exc))
    return RecordedValue.of(name, data_type, via, serialized, keep=keep)


def execution_id_of(job_id: str | None) -> UUID:
    """The execution id a job id names, or a new one; ``InvalidInput`` if it is no UUID."""
    if job_id is None:
        return uuid4()
    try:
        return UUID(job_id)
    except ValueError as exc:
        raise InvalidInput(
            f"job id {job_id!r} is no UUID; a job id names the run's execution record, "
            "so leave it out or give a UUID"
        ) from exc


def load_run_target(
    instance: Instance, path_or_reference: str
) -> tuple[TransformationRevision, list[TransformationRevision]]:
    """The revision to run and the unstored revisions that come with it.

    A path to a JSON file holding one revision runs that revision; a file holding several runs the one no
    other uses; a ``.py`` component file runs its component. Anything else names a stored revision by id
    or name.
    """
    path = Path(path_or_reference)
    if path.suffix not in (".json", ".py"):
        return resolve_reference(instance, path_or_reference), []
    if not path.is_file():
        raise InvalidInput(
            f"file {path} does not exist; give a transformation JSON file, a .py component, an id or a name"
        )
    revisions = nesting_order(read_transformation_file(path))
    used = {op.transformation_id for tr in revisions if tr.is_workflow for op in tr.workflow().operators}
    roots = [tr for tr in revisions if tr.id not in used]
    if len(roots) != 1:
        names = ", ".join(tr.label for tr in roots)
        raise InvalidInput(f"{path} holds {len(roots)} top-level transformations ({names}); put one per file")
    return roots[0], revisions
