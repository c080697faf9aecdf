"""Workflow content: operators, links, workflow inputs and outputs, and constants.

Unlike hetida designer, which silently drops links and IOs it cannot make sense of when a workflow is
saved, every inconsistency is reported as an error that names the link, operator or connector.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from graphlib import CycleError, TopologicalSorter
from typing import Any
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sealflow.model.datatypes import DataType, InputType, State, TransformationType
from sealflow.model.fields import NameStr, VersionTag
from sealflow.model.io import IOConnector, Position, check_unique_names


class Connector(IOConnector):
    """A connector drawn on the canvas."""

    position: Position = Field(default_factory=Position)


class OperatorOutput(Connector):
    """An output of an operator; its id is the id of the output in the referenced transformation."""


class OperatorInput(Connector):
    """An input of an operator; REQUIRED inputs are always exposed."""

    type: InputType = InputType.REQUIRED
    value: Any = None
    exposed: bool = False

    @model_validator(mode="after")
    def _required_is_exposed(self) -> OperatorInput:
        if self.type is InputType.REQUIRED:
            self.exposed = True
        return self


class Operator(BaseModel):
    """A released component or workflow placed into a workflow."""

    model_config = ConfigDict(extra="allow", regex_engine="python-re")

    id: UUID = Field(default_factory=uuid4)
    revision_group_id: UUID = Field(default_factory=uuid4)
    name: NameStr
    type: TransformationType
    state: State
    version_tag: VersionTag
    transformation_id: UUID
    inputs: list[OperatorInput] = Field(default_factory=list)
    outputs: list[OperatorOutput] = Field(default_factory=list)
    position: Position = Field(default_factory=Position)

    @field_validator("state")
    @classmethod
    def _only_released(cls, state: State) -> State:
        if state is State.DRAFT:
            raise ValueError(
                "a workflow may use only RELEASED revisions as operators; release the draft first"
            )
        return state

    def input(self, connector_id: UUID) -> OperatorInput | None:
        """The input with the given connector id."""
        return next((c for c in self.inputs if c.id == connector_id), None)

    def output(self, connector_id: UUID) -> OperatorOutput | None:
        """The output with the given connector id."""
        return next((c for c in self.outputs if c.id == connector_id), None)


class Vertex(BaseModel):
    """One end of a link: an operator connector, or (without operator) a workflow IO."""

    operator: UUID | None = None
    connector: Connector


class Link(BaseModel):
    """A directed edge from an output (or workflow input) to an input (or workflow output)."""

    id: UUID = Field(default_factory=uuid4)
    start: Vertex
    end: Vertex
    path: list[Position] = Field(default_factory=list)


class WorkflowIO(Connector):
    """A workflow input or output, bound to one operator connector."""

    operator_id: UUID
    connector_id: UUID
    operator_name: str = ""
    connector_name: str = ""

    def vertex(self) -> Vertex:
        """This workflow IO as the outer end of a link."""
        return Vertex(connector=Connector(id=self.id, name=self.name, data_type=self.data_type))


class WorkflowInput(WorkflowIO):
    """A workflow input; an OPTIONAL one carries its default in ``value``."""

    type: InputType = InputType.REQUIRED
    value: Any = None


class WorkflowOutput(WorkflowIO):
    """A workflow output."""


class Constant(WorkflowIO):
    """A fixed value for an operator input; it has no name and a value given as a string."""

    value: str

    @field_validator("name")
    @classmethod
    def _no_name(cls, name: str | None) -> str | None:
        if name:
            raise ValueError(f"a constant has no name, but {name!r} was given")
        return name


_NUMBERED = re.compile(r" \(\d+\)$")


def _number_duplicate_names(operators: list[Operator]) -> None:
    groups: dict[str, list[Operator]] = defaultdict(list)
    for operator in operators:
        groups[_NUMBERED.sub("", operator.name)].append(operator)
    for base, group in groups.items():
        if len(group) > 1:
            for index, operator in enumerate(group):
                operator.name = base if index == 0 else f"{base} ({index + 1})"


class WorkflowContent(BaseModel):
    """The graph of a workflow."""

    operators: list[Operator] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    inputs: list[WorkflowInput] = Field(default_factory=list)
    outputs: list[WorkflowOutput] = Field(default_factory=list)
    constants: list[Constant] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> WorkflowContent:
        _check_unique_ids(self)
        _number_duplicate_names(self.operators)
        check_unique_names(self.inputs, "workflow input")
        check_unique_names(self.outputs, "workflow output")
        _check_links(self)
        _check_bindings(self)
        self.operator_order()
        return self

    def operator(self, operator_id: UUID) -> Operator | None:
        """The operator with the given instance id."""
        return next((o for o in self.operators if o.id == operator_id), None)

    def operator_order(self) -> list[UUID]:
        """Operator ids in an order where every operator comes after those that feed it."""
        graph: dict[UUID, set[UUID]] = {o.id: set() for o in self.operators}
        for link in self.links:
            if link.start.operator is not None and link.end.operator is not None:
                graph[link.end.operator].add(link.start.operator)
        try:
            return list(TopologicalSorter(graph).static_order())
        except CycleError as exc:
            names = [self._name(op_id) for op_id in exc.args[1][:-1]]
            raise ValueError(
                f"links form a cycle through the operators {', '.join(names)}; remove one link"
            ) from exc

    def _name(self, operator_id: UUID) -> str:
        operator = self.operator(operator_id)
        return repr(operator.name) if operator else str(operator_id)


def _check_unique_ids(content: WorkflowContent) -> None:
    seen: set[UUID] = set()
    for operator in content.operators:
        if operator.id in seen:
            raise ValueError(f"operator id {operator.id} is used more than once")
        seen.add(operator.id)
    io_ids: set[UUID] = set()
    for io in [*content.inputs, *content.constants, *content.outputs]:
        if io.id in io_ids:
            raise ValueError(f"workflow input, output or constant id {io.id} is used more than once")
        io_ids.add(io.id)


def _check_links(content: WorkflowContent) -> None:
    sources = {io.id: io for io in [*content.inputs, *content.constants]}
    sinks = {io.id: io for io in content.outputs}
    ends: set[tuple[UUID | None, UUID]] = set()
    starts_of_workflow_inputs: set[UUID] = set()
    for link in content.links:
        where = f"link {link.id}"
        start, end = link.start, link.end
        if start.operator is None and end.operator is None:
            raise ValueError(f"{where} connects no operator; one of its ends must be an operator")
        if start.operator is not None and start.operator == end.operator:
            raise ValueError(f"{where} starts and ends at the same operator {content._name(start.operator)}")
        start_type = _start_type(content, link, sources, where)
        end_type = _end_type(content, link, sinks, where)
        if not end_type.accepts(start_type):
            raise ValueError(
                f"{where} connects a {start_type} output to a {end_type} input; "
                "types must be equal or one of them ANY"
            )
        end_key = (end.operator, end.connector.id)
        if end_key in ends:
            raise ValueError(f"{where} ends at a connector that another link already feeds")
        ends.add(end_key)
        if start.operator is None:
            if start.connector.id in starts_of_workflow_inputs:
                raise ValueError(f"{where} starts at a workflow input that already has a link")
            starts_of_workflow_inputs.add(start.connector.id)
            io = sources[start.connector.id]
            if (io.operator_id, io.connector_id) != (end.operator, end.connector.id):
                raise ValueError(f"{where} leads workflow input {io.id} to another connector than it names")
        if end.operator is None:
            io = sinks[end.connector.id]
            if (io.operator_id, io.connector_id) != (start.operator, start.connector.id):
                raise ValueError(
                    f"{where} feeds workflow output {io.id} from another connector than it names"
                )


def _start_type(
    content: WorkflowContent, link: Link, sources: Mapping[UUID, WorkflowIO], where: str
) -> DataType:
    if link.start.operator is None:
        io = sources.get(link.start.connector.id)
        if io is None:
            raise ValueError(
                f"{where} starts at {link.start.connector.id}, which is no workflow input or constant"
            )
        return io.data_type
    operator = content.operator(link.start.operator)
    if operator is None:
        raise ValueError(f"{where} starts at operator {link.start.operator}, which is not in the workflow")
    output = operator.output(link.start.connector.id)
    if output is None:
        raise ValueError(
            f"{where} starts at {link.start.connector.id}, which is no output of operator {operator.name!r}"
        )
    return output.data_type


def _end_type(content: WorkflowContent, link: Link, sinks: Mapping[UUID, WorkflowIO], where: str) -> DataType:
    if link.end.operator is None:
        io = sinks.get(link.end.connector.id)
        if io is None:
            raise ValueError(f"{where} ends at {link.end.connector.id}, which is no workflow output")
        return io.data_type
    operator = content.operator(link.end.operator)
    if operator is None:
        raise ValueError(f"{where} ends at operator {link.end.operator}, which is not in the workflow")
    connector = operator.input(link.end.connector.id)
    if connector is None:
        raise ValueError(
            f"{where} ends at {link.end.connector.id}, which is no input of operator {operator.name!r}"
        )
    return connector.data_type


def _check_bindings(content: WorkflowContent) -> None:
    """Each workflow IO names an existing operator connector of a matching type, and each operator
    input has at most one source."""
    fed: dict[tuple[UUID, UUID], str] = {}
    for link in content.links:
        if link.end.operator is not None and link.start.operator is not None:
            fed[(link.end.operator, link.end.connector.id)] = f"link {link.id}"
    for io in [*content.inputs, *content.constants]:
        kind = "constant" if isinstance(io, Constant) else f"workflow input {io.name or io.id}"
        operator = content.operator(io.operator_id)
        connector = operator.input(io.connector_id) if operator else None
        if operator is None or connector is None:
            raise ValueError(
                f"{kind} feeds connector {io.connector_id} of operator {io.operator_id}, which does not exist"
            )
        if not connector.data_type.accepts(io.data_type):
            raise ValueError(
                f"{kind} is {io.data_type} but feeds the {connector.data_type} input {connector.name!r} of {operator.name!r}"
            )
        key = (io.operator_id, io.connector_id)
        if key in fed:
            raise ValueError(
                f"input {connector.name!r} of operator {operator.name!r} is fed by both {fed[key]} and {kind}"
            )
        fed[key] = kind
    for out in content.outputs:
        operator = content.operator(out.operator_id)
        source = operator.output(out.connector_id) if operator else None
        if operator is None or source is None:
            raise ValueError(
                f"workflow output {out.name or out.id} reads connector {out.connector_id} of operator {out.operator_id}, which does not exist"
            )
        if not out.data_type.accepts(source.data_type):
            raise ValueError(
                f"workflow output {out.name!r} is {out.data_type} but reads the {source.data_type} output {source.name!r} of {operator.name!r}"
            )
