"""Run a transformation end to end: compile, load inputs through adapters, execute, send and encode outputs.

Failures of a run come back as an ``ExecutionResult`` with ``result == "failure"`` and a structured error
that names the stage; a wiring that does not fit the transformation (unknown names, required inputs
without a source) raises ``InvalidWiring`` before anything runs.

``RunHook`` objects are shown the compiled plan, the parsed inputs and the produced outputs as the run
reaches them; recording execution manifests is such a hook, so the runtime never imports persistence.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol
from uuid import uuid4

from sealflow.adapters.protocol import AdapterRegistry, RunContext, SinkRequest, SourceRequest, is_direct
from sealflow.code.values import parse_value, serialize_value
from sealflow.errors import AdapterError, InvalidWiring, SealflowError
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from sealflow.runtime.engine import OperatorHook, StageError, execute
from sealflow.runtime.plan import Plan, PlanError, Resolver, compile_plan
from sealflow.runtime.results import ExecutionError, ExecutionResult, MeasuredStep, ProcessStage


class RunHook(Protocol):
    """Called at the milestones of a run with what the runtime holds then; it should return quickly."""

    def after_compile(self, plan: Plan) -> None:
        """The transformation compiled into ``plan``."""

    def after_parse(self, inputs: Mapping[str, Any]) -> None:
        """The input values parsed by data type, defaults included, before any component runs."""

    def after_execute(self, outputs: Mapping[str, Any]) -> None:
        """The outputs as Python values, before they are sent to sinks or encoded."""


class _Clock:
    """Records named phases of a run as measured steps."""

    def __init__(self) -> None:
        self.steps: dict[str, MeasuredStep] = {}

    def measure(self, name: str, work: Callable[[], Any]) -> Any:
        wall, counter = datetime.now(UTC), time.perf_counter()
        try:
            return work()
        finally:
            duration = time.perf_counter() - counter
            self.steps[name] = MeasuredStep(name=name, start=wall, end=datetime.now(UTC), duration=duration)


def route(plan: Plan, wiring: WorkflowWiring) -> tuple[list[SourceRequest], list[SinkRequest]]:
    """Which inputs to load and which outputs to send; ``InvalidWiring`` if the wiring does not fit."""
    title = f"{plan.transformation.name} {plan.transformation.tag}"
    inputs = {spec.name: spec for spec in plan.inputs}
    unknown = sorted({w.workflow_input_name for w in wiring.input_wirings} - set(inputs))
    if unknown:
        raise InvalidWiring(
            f"{title} has no input(s) {', '.join(map(repr, unknown))}; "
            f"its inputs are {', '.join(map(repr, sorted(inputs))) or 'none'}"
        )
    sources = [
        SourceRequest(w.workflow_input_name, inputs[w.workflow_input_name].data_type, w)
        for w in wiring.input_wirings
        if not w.use_default_value
    ]
    wired = {request.name for request in sources}
    missing = [spec.name for spec in plan.inputs if spec.required and spec.name not in wired]
    if missing:
        raise InvalidWiring(
            f"input(s) {', '.join(map(repr, missing))} of {title} have no value; wire or give one for each"
        )
    unknown = sorted({w.workflow_output_name for w in wiring.output_wirings} - set(plan.outputs))
    if unknown:
        raise InvalidWiring(
            f"{title} has no output(s) {', '.join(map(repr, unknown))}; "
            f"its outputs are {', '.join(map(repr, sorted(plan.outputs))) or 'none'}"
        )
    sinks = [
        SinkRequest(w.workflow_output_name, plan.outputs[w.workflow_output_name][1], w)
        for w in wiring.output_wirings
        if not is_direct(w)
    ]
    return sources, sinks


def parse_inputs(plan: Plan, given: Mapping[str, Any]) -> dict[str, Any]:
    """Parse each loaded value by its input's data type; defaults fill the rest."""
    values: dict[str, Any] = {}
    for spec in plan.inputs:
        if spec.name in given:
            try:
                values[spec.name] = parse_value(given[spec.name], spec.data_type)
            except SealflowError as exc:
                raise _stage_error(
                    ProcessStage.PARSING_LOADED_DATA, exc, f"input {spec.name!r} ({spec.data_type}): {exc}"
                ) from exc
        elif spec.default is not None:
            values[spec.name] = spec.default
    return values


def run(
    tr: TransformationRevision,
    resolve: Resolver,
    wiring: WorkflowWiring,
    adapters: AdapterRegistry,
    *,
    run_pure_plot_operators: bool = False,
    job_id: str | None = None,
    hooks: Sequence[OperatorHook] = (),
    run_hooks: Sequence[RunHook] = (),
) -> ExecutionResult:
    """Run ``tr`` with the inputs and outputs its wiring names and return the encoded result."""
    job_id = job_id or str(uuid4())
    clock = _Clock()
    context = RunContext(job_id=job_id, transformation_id=str(tr.id))
    types = {io.name: io.data_type for io in tr.io_interface.outputs if io.name}
    outcome = None
    start_wall, start = datetime.now(UTC), time.perf_counter()
    try:
        plan = clock.measure("prepare_execution_input", lambda: _compile(tr, resolve))
        for run_hook in run_hooks:
            run_hook.after_compile(plan)
        sources, sinks = route(plan, wiring)
        loaded = clock.measure(
            "load_data",
            lambda: _adapter_call(
                ProcessStage.LOADING_DATA_FROM_ADAPTERS, lambda: adapters.load(sources, context)
            ),
        )
        inputs = parse_inputs(plan, loaded)
        for run_hook in run_hooks:
            run_hook.after_parse(inputs)
        outcome = clock.measure(
            "pure_execution",
            lambda: execute(plan, inputs, run_pure_plot_operators=run_pure_plot_operators, hooks=hooks),
        )
        produced = outcome.outputs
        for run_hook in run_hooks:
            run_hook.after_execute(produced)
        clock.measure(
            "send_data",
            lambda: _adapter_call(
                ProcessStage.SENDING_DATA_TO_ADAPTERS, lambda: adapters.send(sinks, produced, context)
            ),
        )
        sent = {sink.name for sink in sinks}
        encoded = encode_outputs(plan, {name: value for name, value in produced.items() if name not in sent})
        result = ExecutionResult(result="ok", output_results_by_output_name=encoded)
    except StageError as exc:
        result = ExecutionResult(
            result="failure",
            error=exc.error,
            traceback=exc.traceback or "".join(traceback.format_exception(exc)),
        )
    duration = time.perf_counter() - start
    clock.steps["internal_full"] = MeasuredStep(
        name="internal_full", start=start_wall, end=datetime.now(UTC), duration=duration
    )
    return result.model_copy(
        update={
            "output_types_by_output_name": types,
            "job_id": job_id,
            "measured_steps": clock.steps,
            "operator_timings": outcome.timings if outcome else [],
        }
    )


def _compile(tr: TransformationRevision, resolve: Resolver) -> Plan:
    try:
        return compile_plan(tr, resolve)
    except PlanError as exc:
        raise _stage_error(ProcessStage.PARSING_WORKFLOW, exc) from exc


def _adapter_call(stage: ProcessStage, call: Callable[[], Any]) -> Any:
    try:
        return call()
    except AdapterError as exc:
        raise _stage_error(stage, exc) from exc


def _stage_error(stage: ProcessStage, exc: SealflowError, message: str | None = None) -> StageError:
    return StageError(
        ExecutionError(type=type(exc).__name__, message=message or str(exc), process_stage=stage),
        "".join(traceback.format_exception(exc)),
    )


def encode_outputs(plan: Plan, outputs: Mapping[str, Any]) -> dict[str, Any]:
    """Serialize every output by its declared data type into JSON-compatible values."""
    encoded = {}
    for name, value in outputs.items():
        data_type = plan.outputs[name][1]
        try:
            encoded[name] = serialize_value(value, data_type)
        except SealflowError as exc:
            raise _stage_error(
                ProcessStage.ENCODING_RESULTS_TO_JSON,
                exc,
                f"output {name!r} ({data_type}) cannot be encoded: {exc}",
            ) from exc
    return encoded
