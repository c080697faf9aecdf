"""Build workflows in code: place operators, connect them, expose inputs and outputs.

Used by the component library's example workflows and by tests; the result is an ordinary
``TransformationRevision`` validated by the same rules as an imported one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from sealflow.errors import InvalidTransformation
from sealflow.model.datatypes import InputType, State, TransformationType
from sealflow.model.io import Position
from sealflow.model.transformation import TransformationRevision, parse_transformation
from sealflow.model.workflow import (
    Connector,
    Constant,
    Link,
    Operator,
    OperatorInput,
    OperatorOutput,
    Vertex,
    WorkflowContent,
    WorkflowInput,
    WorkflowOutput,
)


@dataclass(frozen=True)
class Port:
    """One connector of a placed operator."""

    operator: Operator
    connector: OperatorInput | OperatorOutput

    def vertex(self) -> Vertex:
        """This port as a link end."""
        return Vertex(operator=self.operator.id, connector=_plain(self.connector))

    def binding(self, name: str) -> dict[str, Any]:
        """The fields of a workflow input, output or constant bound to this port."""
        return {
            "id": uuid4(),
            "name": name,
            "data_type": self.connector.data_type,
            "operator_id": self.operator.id,
            "connector_id": self.connector.id,
            "operator_name": self.operator.name,
            "connector_name": self.connector.name or "",
        }


def _plain(connector: Connector) -> Connector:
    return Connector(
        id=connector.id, name=connector.name, data_type=connector.data_type, position=connector.position
    )


@dataclass
class Placed:
    """An operator placed into a workflow under construction."""

    operator: Operator

    def input(self, name: str) -> Port:
        """The input called ``name``."""
        return Port(self.operator, _named(self.operator.inputs, name, self.operator.name, "input"))

    def output(self, name: str) -> Port:
        """The output called ``name``."""
        return Port(self.operator, _named(self.operator.outputs, name, self.operator.name, "output"))


def _named(connectors: list[Any], name: str, operator: str, kind: str) -> Any:
    for connector in connectors:
        if connector.name == name:
            return connector
    names = ", ".join(repr(c.name) for c in connectors)
    raise InvalidTransformation(f"operator {operator!r} has no {kind} {name!r}; its {kind}s are {names}")


@dataclass
class WorkflowBuilder:
    """Collects operators, links and workflow IO; ``build`` validates and returns the revision."""

    content: WorkflowContent = field(default_factory=WorkflowContent)

    def add(self, tr: TransformationRevision, name: str | None = None) -> Placed:
        """Place a released revision as an operator."""
        if tr.state is State.DRAFT:
            raise InvalidTransformation(f"{tr.label} is a DRAFT; release it before using it in a workflow")
        column = len(self.content.operators)
        operator = Operator(
            id=uuid4(),
            revision_group_id=tr.revision_group_id,
            name=name or tr.name,
            type=tr.type,
            state=tr.state,
            version_tag=tr.version_tag,
            transformation_id=tr.id,
            inputs=[
                OperatorInput(id=i.id, name=i.name, data_type=i.data_type, type=i.type, value=i.value)
                for i in tr.io_interface.inputs
            ],
            outputs=[
                OperatorOutput(id=o.id, name=o.name, data_type=o.data_type) for o in tr.io_interface.outputs
            ],
            position=Position(x=250 * column, y=100),
        )
        self.content.operators.append(operator)
        return Placed(operator)

    def link(self, start: Port, end: Port) -> None:
        """Feed an operator output into an operator input."""
        self.content.links.append(Link(start=start.vertex(), end=end.vertex()))

    def input(self, name: str, port: Port, *, default: Any = None) -> None:
        """Expose an operator input as a workflow input; a default makes it OPTIONAL."""
        optional = default is not None
        io = WorkflowInput(
            **port.binding(name), type=InputType.OPTIONAL if optional else InputType.REQUIRED, value=default
        )
        self.content.inputs.append(io)
        self.content.links.append(Link(start=io.vertex(), end=port.vertex()))

    def constant(self, port: Port, value: str) -> None:
        """Fix an operator input to a value (given as a string, parsed by type at run time)."""
        io = Constant(**port.binding(""), value=value)
        self.content.constants.append(io)
        self.content.links.append(Link(start=io.vertex(), end=port.vertex()))

    def output(self, name: str, port: Port) -> None:
        """Expose an operator output as a workflow output."""
        io = WorkflowOutput(**port.binding(name))
        self.content.outputs.append(io)
        self.content.links.append(Link(start=port.vertex(), end=io.vertex()))

    def build(
        self,
        name: str,
        version_tag: str = "1.0.0",
        *,
        id: UUID | None = None,
        category: str = "Other",
        description: str = "",
        released: datetime | None = None,
        **fields: Any,
    ) -> TransformationRevision:
        """The workflow revision: a DRAFT, or RELEASED at ``released``."""
        return parse_transformation(
            {
                "id": id or uuid4(),
                "name": name,
                "version_tag": version_tag,
                "type": TransformationType.WORKFLOW,
                "category": category,
                "description": description,
                "state": State.RELEASED if released else State.DRAFT,
                "released_timestamp": released,
                "content": self.content.model_dump(),
                **fields,
            },
            f"workflow {name!r}",
        )
