"""Run a transformation end to end: compile, take the inputs, execute, encode the outputs.

Failures of a run come back as an ``ExecutionResult`` with ``result == "failure"`` and a structured error;
inputs that do not fit the transformation (unknown or missing names) raise ``InvalidWiring``.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sealflow.code.values import parse_value, serialize_value
from sealflow.errors import InvalidWiring, SealflowError
from sealflow.model.transformation import TransformationRevision
from sealflow.runtime.engine import OperatorHook, StageError, execute
from sealflow.runtime.plan import Plan, PlanError, Resolver, compile_plan
from sealflow.runtime.results import ExecutionError, ExecutionResult, MeasuredStep, ProcessStage


class _Clock:
    """Records named phases of a run as measured steps."""

    def __init__(self) -> None:
        self.steps: dict[str, MeasuredStep] = {}
        self._started: dict[str, tuple[datetime, float]] = {}

    def start(self, name: str) -> None:
        self._started[name] = (datetime.now(UTC), time.perf_counter())

    def stop(self, name: str) -> None:
        wall, counter = self._started.pop(name)
        duration = time.perf_counter() - counter
        self.steps[name] = MeasuredStep(name=name, start=wall, end=datetime.now(UTC), duration=duration)


def check_input_names(plan: Plan, given: Mapping[str, Any]) -> None:
    """Raise ``InvalidWiring`` if a given name is unknown or a required input is missing."""
    known = {spec.name for spec in plan.inputs}
    unknown = sorted(set(given) - known)
    if unknown:
        raise InvalidWiring(
            f"{plan.transformation.name} {plan.transformation.tag} has no input(s) {', '.join(map(repr, unknown))}; "
            f"its inputs are {', '.join(map(repr, sorted(known))) or 'none'}"
        )
    missing = [spec.name for spec in plan.inputs if spec.required and spec.name not in given]
    if missing:
        raise InvalidWiring(
            f"input(s) {', '.join(map(repr, missing))} of {plan.transformation.name} "
            f"{plan.transformation.tag} have no value; give one for each"
        )


def parse_inputs(plan: Plan, given: Mapping[str, Any]) -> dict[str, Any]:
    """Parse each given raw value by its input's data type; defaults fill the rest."""
    values: dict[str, Any] = {}
    for spec in plan.inputs:
        if spec.name in given:
            try:
                values[spec.name] = parse_value(given[spec.name], spec.data_type)
            except SealflowError as exc:
                raise StageError(
                    ExecutionError(
                        type=type(exc).__name__,
                        message=f"input {spec.name!r} ({spec.data_type}): {exc}",
                        process_stage=ProcessStage.PARSING_LOADED_DATA,
                    )
                ) from exc
        elif spec.default is not None:
            values[spec.name] = spec.default
    return values


def run(
    tr: TransformationRevision,
    resolve: Resolver,
    raw_inputs: Mapping[str, Any],
    *,
    run_pure_plot_operators: bool = False,
    job_id: str | None = None,
    hooks: Sequence[OperatorHook] = (),
) -> ExecutionResult:
    """Run ``tr`` on raw (JSON-like) input values and return the encoded result."""
    clock = _Clock()
    clock.start("internal_full")
    types = {io.name: io.data_type for io in tr.io_interface.outputs if io.name}
    outcome = None
    try:
        clock.start("prepare_execution_input")
        try:
            plan = compile_plan(tr, resolve)
        except PlanError as exc:
            raise StageError(
                ExecutionError(
                    type="PlanError", message=str(exc), process_stage=ProcessStage.PARSING_WORKFLOW
                )
            ) from exc
        check_input_names(plan, raw_inputs)
        clock.stop("prepare_execution_input")
        clock.start("load_data")
        inputs = parse_inputs(plan, raw_inputs)
        clock.stop("load_data")
        clock.start("pure_execution")
        outcome = execute(plan, inputs, run_pure_plot_operators=run_pure_plot_operators, hooks=hooks)
        clock.stop("pure_execution")
        encoded = encode_outputs(plan, outcome.outputs)
    except StageError as exc:
        clock.stop("internal_full")
        return ExecutionResult(
            result="failure",
            output_types_by_output_name=types,
            job_id=job_id,
            error=exc.error,
            traceback=exc.traceback or "".join(traceback.format_exception(exc)),
            measured_steps=clock.steps,
            operator_timings=outcome.timings if outcome else [],
        )
    clock.stop("internal_full")
    return ExecutionResult(
        result="ok",
        output_results_by_output_name=encoded,
        output_types_by_output_name=types,
        job_id=job_id,
        measured_steps=clock.steps,
        operator_timings=outcome.timings,
    )


def encode_outputs(plan: Plan, outputs: Mapping[str, Any]) -> dict[str, Any]:
    """Serialize every output by its declared data type into JSON-compatible values."""
    encoded = {}
    for name, value in outputs.items():
        data_type = plan.outputs[name][1]
        try:
            encoded[name] = serialize_value(value, data_type)
        except SealflowError as exc:
            raise StageError(
                ExecutionError(
                    type=type(exc).__name__,
                    message=f"output {name!r} ({data_type}) cannot be encoded: {exc}",
                    process_stage=ProcessStage.ENCODING_RESULTS_TO_JSON,
                ),
                "".join(traceback.format_exception(exc)),
            ) from exc
    return encoded
