"""Compile a transformation into a flat execution plan of component steps.

Nested workflows, to any depth, are inlined: every step is one component operator, its inputs name where
their values come from (another step's output, an input of the executed transformation, or a fixed
constant or default), and steps are ordered so that each comes after the steps that feed it. A plan
refers to code only by hash.

Input value precedence for an operator input, lowest first: the default in the component's signature
(the input is not passed), the OPTIONAL default, a constant, the value fed by a link or wiring. Links
from an outer workflow override the defaults of a nested workflow.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from sealflow.code.values import parse_value
from sealflow.errors import SealflowError
from sealflow.model.datatypes import DataType, InputType, State
from sealflow.model.hashing import code_hash
from sealflow.model.transformation import TransformationRevision
from sealflow.model.workflow import Operator, WorkflowContent
from sealflow.runtime.results import Hierarchy, OperatorInfo, ProcessStage, TransformationInfo

Resolver = Callable[[UUID], TransformationRevision]


@dataclass(frozen=True, slots=True)
class StepOutput:
    """The value of output ``name`` of step ``step``."""

    step: int
    name: str


@dataclass(frozen=True, slots=True)
class RootInput:
    """The value given for input ``name`` of the executed transformation."""

    name: str


@dataclass(frozen=True, slots=True)
class Fixed:
    """A constant or default value, parsed when the plan is compiled."""

    value: Any


Source = StepOutput | RootInput | Fixed


@dataclass(frozen=True, slots=True)
class InputSpec:
    """An input of the executed transformation."""

    name: str
    data_type: DataType
    required: bool
    default: Any = None


@dataclass(slots=True)
class Step:
    """One component operator to run."""

    index: int
    code_hash: str
    inputs: tuple[tuple[str, Source], ...]
    outputs: tuple[tuple[str, DataType], ...]
    operator: OperatorInfo
    pure_plot: bool = False
    consumed: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        """The operator's name (the innermost of its path)."""
        return self.operator.hierarchy_in_workflow.by_name[-1]


@dataclass(slots=True)
class Plan:
    """Everything a runtime needs to run a transformation, with code referred to by hash."""

    transformation: TransformationInfo
    steps: list[Step]
    inputs: list[InputSpec]
    outputs: dict[str, tuple[Source, DataType]]

    @property
    def code_hashes(self) -> list[str]:
        """The hashes of all code the plan runs, sorted, without repeats."""
        return sorted({step.code_hash for step in self.steps})


class PlanError(SealflowError):
    """A transformation cannot be compiled into a plan."""

    stage = ProcessStage.PARSING_WORKFLOW


def compile_plan(tr: TransformationRevision, resolve: Resolver) -> Plan:
    """Compile ``tr`` into a plan, resolving nested revisions with ``resolve``."""
    info = _info(tr)
    if not tr.is_workflow:
        return _component_plan(tr, info)
    content = tr.workflow()
    unnamed = [i for i in content.inputs if not i.name]
    if unnamed:
        raise PlanError(
            f"{tr.label} has {len(unnamed)} unnamed input(s) "
            f"({', '.join(repr(i.connector_name or str(i.connector_id)) for i in unnamed)}); "
            "name every workflow input before executing it"
        )
    compiler = _Compiler(resolve)
    sources: dict[UUID, Source] = {i.id: RootInput(i.name or "") for i in content.inputs}
    out_sources = compiler.workflow(tr, content, sources, path=((), ()), pure_plot=False, stack=(tr.id,))
    outputs: dict[str, tuple[Source, DataType]] = {}
    for out in content.outputs:
        if not out.name:
            continue
        outputs[out.name] = (out_sources[out.id], out.data_type)
    plan = Plan(info, compiler.steps, _input_specs(tr), outputs)
    _mark_consumed(plan)
    return plan


def _info(tr: TransformationRevision) -> TransformationInfo:
    return TransformationInfo(id=str(tr.id), name=tr.name, tag=tr.version_tag, type=tr.type.value)


def _input_specs(tr: TransformationRevision) -> list[InputSpec]:
    specs = []
    for io in tr.io_interface.inputs:
        if not io.name:
            continue
        optional = io.type is InputType.OPTIONAL
        default = (
            _parse_fixed(io.value, io.data_type, f"default of input {io.name!r} of {tr.label}")
            if optional
            else None
        )
        specs.append(InputSpec(io.name, io.data_type, required=not optional, default=default))
    return specs


def _parse_fixed(value: Any, data_type: DataType, what: str) -> Any:
    try:
        return parse_value(value, data_type, nullable=True)
    except SealflowError as exc:
        raise PlanError(f"{what} cannot be used: {exc}") from exc


def _component_plan(tr: TransformationRevision, info: TransformationInfo) -> Plan:
    inputs = tuple((io.name, RootInput(io.name)) for io in tr.io_interface.inputs if io.name)
    outputs = tuple((io.name, io.data_type) for io in tr.io_interface.outputs if io.name)
    operator = OperatorInfo(
        transformation_info=info, hierarchy_in_workflow=Hierarchy(by_name=[tr.name], by_id=[str(tr.id)])
    )
    step = Step(0, code_hash(tr.code()), inputs, outputs, operator, pure_plot=_all_plots(outputs))
    plan = Plan(info, [step], _input_specs(tr), {name: (StepOutput(0, name), dt) for name, dt in outputs})
    _mark_consumed(plan)
    return plan


def _all_plots(outputs: tuple[tuple[str, DataType], ...]) -> bool:
    return bool(outputs) and all(dt is DataType.PLOTLYJSON for _, dt in outputs)


def _mark_consumed(plan: Plan) -> None:
    def mark(source: Source) -> None:
        if isinstance(source, StepOutput):
            plan.steps[source.step].consumed.add(source.name)

    for step in plan.steps:
        for _, source in step.inputs:
            mark(source)
    for source, _ in plan.outputs.values():
        mark(source)


Path = tuple[tuple[str, ...], tuple[str, ...]]
Feed = Source | tuple[UUID, UUID]


class _Compiler:
    def __init__(self, resolve: Resolver) -> None:
        self.resolve = resolve
        self.steps: list[Step] = []
        self.resolved: dict[UUID, TransformationRevision] = {}
        self.hashes: dict[UUID, str] = {}

    def workflow(
        self,
        tr: TransformationRevision,
        content: WorkflowContent,
        sources: dict[UUID, Source],
        *,
        path: Path,
        pure_plot: bool,
        stack: tuple[UUID, ...],
    ) -> dict[UUID, Source]:
        """Append the steps of ``content``; return the source of each workflow output by its id."""
        feeds: dict[UUID, dict[UUID, Feed]] = defaultdict(dict)
        for (operator_id, connector_id), feed in self._feeds(tr, content, sources).items():
            feeds[operator_id][connector_id] = feed
        operators = {o.id: o for o in content.operators}
        produced: dict[tuple[UUID, UUID], Source] = {}
        for operator_id in content.operator_order():
            operator = operators[operator_id]
            inputs = {
                connector_id: _follow(feed, produced) for connector_id, feed in feeds[operator_id].items()
            }
            produced.update(self._operator(tr, operator, inputs, path=path, pure_plot=pure_plot, stack=stack))
        return {out.id: produced[(out.operator_id, out.connector_id)] for out in content.outputs}

    def _feeds(
        self, tr: TransformationRevision, content: WorkflowContent, sources: dict[UUID, Source]
    ) -> dict[tuple[UUID, UUID], Feed]:
        """What feeds each operator input: a source, or (operator id, output id) for links."""
        feeds: dict[tuple[UUID, UUID], Feed] = {}
        for link in content.links:
            if link.start.operator is not None and link.end.operator is not None:
                feeds[(link.end.operator, link.end.connector.id)] = (
                    link.start.operator,
                    link.start.connector.id,
                )
        for constant in content.constants:
            where = f"constant for input {constant.connector_name!r} of operator {constant.operator_name!r} in {tr.label}"
            feeds[(constant.operator_id, constant.connector_id)] = Fixed(
                _parse_fixed(constant.value, constant.data_type, where)
            )
        for io in content.inputs:
            source = sources.get(io.id)
            if source is None and io.type is InputType.OPTIONAL:
                source = Fixed(
                    _parse_fixed(io.value, io.data_type, f"default of input {io.name!r} of {tr.label}")
                )
            if source is not None:
                feeds[(io.operator_id, io.connector_id)] = source
        return feeds

    def _operator(
        self,
        parent: TransformationRevision,
        operator: Operator,
        inputs: dict[UUID, Source],
        *,
        path: Path,
        pure_plot: bool,
        stack: tuple[UUID, ...],
    ) -> dict[tuple[UUID, UUID], Source]:
        """Append the steps of one operator; return its output sources by (operator id, output id)."""
        nested = self._resolve(parent, operator, stack)
        op_path: Path = ((*path[0], operator.name), (*path[1], str(operator.id)))
        for connector in operator.inputs:
            if connector.id not in inputs and connector.type is InputType.REQUIRED:
                raise PlanError(
                    f"input {connector.name!r} of operator {operator.name!r} in {parent.label} has no source; "
                    "link it, make it a workflow input or give it a constant"
                )
        if nested.is_workflow:
            content = nested.workflow()
            plots = pure_plot or _all_plots(tuple((o.name or "", o.data_type) for o in content.outputs))
            out = self.workflow(
                nested, content, inputs, path=op_path, pure_plot=plots, stack=(*stack, nested.id)
            )
            return {(operator.id, output_id): source for output_id, source in out.items()}
        names = {io.id: io.name or "" for io in [*nested.io_interface.inputs, *nested.io_interface.outputs]}
        outputs = tuple((io.name or "", io.data_type) for io in nested.io_interface.outputs)
        step = Step(
            index=len(self.steps),
            code_hash=self._hash(nested),
            inputs=tuple((names[connector_id], source) for connector_id, source in inputs.items()),
            outputs=outputs,
            operator=OperatorInfo(
                transformation_info=_info(nested),
                hierarchy_in_workflow=Hierarchy(by_name=list(op_path[0]), by_id=list(op_path[1])),
            ),
            pure_plot=pure_plot or _all_plots(outputs),
        )
        self.steps.append(step)
        return {
            (operator.id, io.id): StepOutput(step.index, io.name or "") for io in nested.io_interface.outputs
        }

    def _resolve(
        self, parent: TransformationRevision, operator: Operator, stack: tuple[UUID, ...]
    ) -> TransformationRevision:
        where = f"operator {operator.name!r} in {parent.label}"
        if operator.transformation_id in stack:
            raise PlanError(f"{where} nests a workflow inside itself; remove the operator")
        try:
            nested = self.resolved.get(operator.transformation_id) or self.resolve(operator.transformation_id)
        except SealflowError as exc:
            raise PlanError(
                f"{where} refers to transformation {operator.transformation_id}, which cannot be loaded: {exc}"
            ) from exc
        if nested.type is not operator.type:
            raise PlanError(
                f"{where} is a {operator.type}, but transformation {operator.transformation_id} is a {nested.type}"
            )
        if nested.state is State.DRAFT:
            raise PlanError(f"{where} uses {nested.label}, which is a DRAFT; release it first")
        known = {io.id for io in [*nested.io_interface.inputs, *nested.io_interface.outputs]}
        stale = [c.name for c in [*operator.inputs, *operator.outputs] if c.id not in known]
        if stale:
            raise PlanError(
                f"{where} has connectors {', '.join(map(repr, stale))} that {nested.label} does not have; "
                "replace the operator with the current revision"
            )
        self.resolved[nested.id] = nested
        return nested

    def _hash(self, tr: TransformationRevision) -> str:
        if tr.id not in self.hashes:
            self.hashes[tr.id] = code_hash(tr.code())
        return self.hashes[tr.id]


def _follow(source: Feed, produced: dict[tuple[UUID, UUID], Source]) -> Source:
    if isinstance(source, tuple):
        return produced[source]
    return source
