"""Run a compiled plan: call each component's ``main`` with its inputs, collect outputs.

A failing component never crashes the process: every exception (and ``SystemExit``) raised by component
code becomes a ``StageError`` that names the stage, the operator and the place in the code.
"""

from __future__ import annotations

import asyncio
import inspect
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pandas as pd

from sealflow.code.importer import load
from sealflow.errors import SealflowError
from sealflow.model.datatypes import DataType
from sealflow.runtime.plan import Fixed, Plan, RootInput, Step, StepOutput
from sealflow.runtime.results import ErrorLocation, ExecutionError, OperatorTiming, ProcessStage

COMPONENT_FILE_PREFIX = "<component "


class StageError(SealflowError):
    """A run failed in a given stage; carries the structured error and the traceback."""

    def __init__(self, error: ExecutionError, tb: str | None = None) -> None:
        super().__init__(error.message)
        self.error = error
        self.traceback = tb


class OperatorHook(Protocol):
    """Called around every operator of a run."""

    def before_operator(self, step: Step) -> None:
        """Called just before the step's component runs."""

    def after_operator(self, step: Step, timing: OperatorTiming) -> None:
        """Called after the step's component returned."""


@dataclass
class Outcome:
    """The Python values of the outputs of a run, and how long each operator took."""

    outputs: dict[str, Any]
    timings: list[OperatorTiming] = field(default_factory=list)


_TYPE_CHECKS: dict[DataType, tuple[type, ...]] = {
    DataType.INT: (int, np.integer),
    DataType.FLOAT: (float, int, np.floating, np.integer),
    DataType.STRING: (str,),
    DataType.BOOLEAN: (bool, np.bool_),
    DataType.SERIES: (pd.Series,),
    DataType.DATAFRAME: (pd.DataFrame,),
    DataType.MULTITSFRAME: (pd.DataFrame,),
    DataType.PLOTLYJSON: (dict,),
}


def load_functions(plan: Plan) -> list[Callable[..., Any]]:
    """The ``main`` function of every step, imported by code hash."""
    functions = []
    for step in plan.steps:
        try:
            functions.append(load(step.code_hash).main)
        except (Exception, SystemExit) as exc:
            raise _step_error(
                step, ProcessStage.PARSING_WORKFLOW, exc, "could not load the component code"
            ) from exc
    return functions


def execute(
    plan: Plan,
    inputs: dict[str, Any],
    *,
    run_pure_plot_operators: bool = False,
    hooks: Sequence[OperatorHook] = (),
) -> Outcome:
    """Run every step in order and return the plan's outputs as Python values."""
    functions = load_functions(plan)
    results: list[dict[str, Any]] = [{} for _ in plan.steps]
    timings: list[OperatorTiming] = []
    runner: asyncio.Runner | None = None
    try:
        for step, function in zip(plan.steps, functions, strict=True):
            for hook in hooks:
                hook.before_operator(step)
            skip = step.pure_plot and not run_pure_plot_operators
            start = time.perf_counter()
            if skip:
                results[step.index] = {name: {} for name, _ in step.outputs}
            else:
                kwargs = _arguments(step, inputs, results)
                if inspect.iscoroutinefunction(function):
                    runner = runner or asyncio.Runner()
                    results[step.index] = _call(step, function, kwargs, runner)
                else:
                    results[step.index] = _call(step, function, kwargs, None)
            timing = OperatorTiming(
                operator=step.name,
                operator_path=step.operator.hierarchy_in_workflow.by_name,
                transformation_id=step.operator.transformation_info.id,
                code_hash=step.code_hash,
                duration=time.perf_counter() - start,
                skipped=skip,
            )
            timings.append(timing)
            for hook in hooks:
                hook.after_operator(step, timing)
    finally:
        if runner is not None:
            runner.close()
    outputs = {name: _value(source, inputs, results) for name, (source, _) in plan.outputs.items()}
    return Outcome(outputs, timings)


def _value(
    source: StepOutput | RootInput | Fixed, inputs: dict[str, Any], results: list[dict[str, Any]]
) -> Any:
    if isinstance(source, StepOutput):
        return results[source.step][source.name]
    if isinstance(source, RootInput):
        return inputs[source.name]
    return source.value


def _arguments(step: Step, inputs: dict[str, Any], results: list[dict[str, Any]]) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    for name, source in step.inputs:
        if isinstance(source, RootInput):
            if source.name in inputs:
                kwargs[name] = inputs[source.name]
        else:
            kwargs[name] = _value(source, inputs, results)
    return kwargs


def _call(
    step: Step, function: Callable[..., Any], kwargs: dict[str, Any], runner: asyncio.Runner | None
) -> dict[str, Any]:
    try:
        returned = runner.run(function(**kwargs)) if runner else function(**kwargs)
    except (Exception, SystemExit) as exc:
        raise _step_error(step, ProcessStage.EXECUTING_COMPONENT_CODE, exc) from exc
    if returned is None:
        returned = {}
    elif not isinstance(returned, dict):
        raise _plain_error(
            step,
            "ComponentReturnedNoDict",
            f"operator {step.name!r} returned a {type(returned).__name__} instead of a dict of outputs",
        )
    for name, data_type in step.outputs:
        if name not in returned:
            if name in step.consumed:
                raise _plain_error(
                    step,
                    "MissingOutputException",
                    f"operator {step.name!r} declares output {name!r} but did not return it; "
                    f"return a dict with the keys {[n for n, _ in step.outputs]}",
                )
            continue
        value = returned[name]
        allowed = _TYPE_CHECKS.get(data_type)
        if value is not None and allowed is not None and not _is_type(value, data_type, allowed):
            raise _plain_error(
                step,
                "OutputTypeMismatch",
                f"operator {step.name!r} returned a {type(value).__name__} for output {name!r}, "
                f"which is declared {data_type}",
            )
    return returned


def _is_type(value: Any, data_type: DataType, allowed: tuple[type, ...]) -> bool:
    if isinstance(value, bool | np.bool_) and data_type is not DataType.BOOLEAN:
        return False
    return isinstance(value, allowed)


def _plain_error(step: Step, kind: str, message: str) -> StageError:
    return StageError(
        ExecutionError(
            type=kind,
            message=message,
            process_stage=ProcessStage.EXECUTING_COMPONENT_CODE,
            operator_info=step.operator,
        )
    )


def _step_error(step: Step, stage: ProcessStage, exc: BaseException, prefix: str = "") -> StageError:
    message = str(exc) or type(exc).__name__
    is_user_exception = getattr(exc, "__is_hetida_designer_exception__", False)
    extra = getattr(exc, "extra_information", None) if is_user_exception else None
    return StageError(
        ExecutionError(
            type=type(exc).__name__,
            error_code=getattr(exc, "error_code", None) if is_user_exception else None,
            message=f"{prefix}: {message}" if prefix else message,
            extra_information=extra if isinstance(extra, dict) else None,
            process_stage=stage,
            operator_info=step.operator.model_copy(deep=True),
            location=_location(exc),
        ),
        "".join(traceback.format_exception(exc)),
    )


def _location(exc: BaseException) -> ErrorLocation | None:
    frames = traceback.extract_tb(exc.__traceback__)
    if isinstance(exc, SyntaxError) and exc.filename and exc.filename.startswith(COMPONENT_FILE_PREFIX):
        return ErrorLocation(file="COMPONENT CODE", function_name="<module>", line_number=exc.lineno or 0)
    for frame in reversed(frames):
        if frame.filename.startswith(COMPONENT_FILE_PREFIX):
            return ErrorLocation(
                file="COMPONENT CODE", function_name=frame.name, line_number=frame.lineno or 0
            )
    if frames:
        last = frames[-1]
        return ErrorLocation(file=last.filename, function_name=last.name, line_number=last.lineno or 0)
    return None
