"""Factories for test revisions: components with a little code, and workflows over other revisions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any
from uuid import UUID, uuid4

from sealflow.model.datatypes import InputType, State
from sealflow.model.transformation import TransformationRevision
from sealflow.model.workflow import (
    Connector,
    Constant,
    Link,
    Operator,
    OperatorInput,
    OperatorOutput,
    Vertex,
    WorkflowInput,
    WorkflowOutput,
)

RELEASED_AT = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)

ADD_CODE = """\
from hdutils import register


@register(inputs={"a": "INT", "b": "INT"}, outputs={"sum": "INT"})
def main(*, a, b):
    return {"sum": a + b}
"""


def timestamps(state: State, at: datetime) -> dict[str, datetime | None]:
    """The timestamps a revision in ``state`` needs."""
    return {
        "released_timestamp": None if state is State.DRAFT else at,
        "disabled_timestamp": at + timedelta(days=1) if state is State.DISABLED else None,
    }


def component(
    name: str = "Add",
    *,
    tag: str = "1.0.0",
    state: State = State.RELEASED,
    code: str = ADD_CODE,
    group: UUID | None = None,
    category: str = "Arithmetic",
    released_at: datetime = RELEASED_AT,
    **fields: Any,
) -> TransformationRevision:
    """A component with inputs ``a``, ``b`` (INT) and output ``sum`` (INT)."""
    return TransformationRevision.model_validate(
        {
            "id": uuid4(),
            "revision_group_id": group or uuid4(),
            "name": name,
            "category": category,
            "version_tag": tag,
            "type": "COMPONENT",
            "state": state,
            **timestamps(state, released_at),
            "content": code,
            "io_interface": {
                "inputs": [{"name": "a", "data_type": "INT"}, {"name": "b", "data_type": "INT"}],
                "outputs": [{"name": "sum", "data_type": "INT"}],
            },
            **fields,
        }
    )


def workflow(
    name: str = "Pipeline",
    uses: Sequence[TransformationRevision] = (),
    *,
    tag: str = "1.0.0",
    state: State = State.RELEASED,
    group: UUID | None = None,
    category: str = "Workflows",
    released_at: datetime = RELEASED_AT,
    chain: bool = True,
    constants: Mapping[tuple[int, str], str] | None = None,
    **fields: Any,
) -> TransformationRevision:
    """A workflow with one operator per revision in ``uses``.

    With ``chain`` the first output of each operator feeds the first input of the next; ``constants``
    fixes inputs, keyed by (operator index, input name). Every other operator input becomes a workflow
    input and every unconnected output a workflow output, named ``<connector>_<operator index>``.
    """
    operators = [_operator(tr, index) for index, tr in enumerate(uses)]
    links: list[Link] = []
    fed: set[tuple[int, UUID]] = set()
    used: set[tuple[int, UUID]] = set()
    if chain:
        for index, (left, right) in enumerate(pairwise(operators)):
            start, end = left.outputs[0], right.inputs[0]
            links.append(Link(start=_vertex(left, start), end=_vertex(right, end)))
            used.add((index, start.id))
            fed.add((index + 1, end.id))
    inputs, outputs, fixed = [], [], []
    for index, operator in enumerate(operators):
        for connector in operator.inputs:
            if (index, connector.id) in fed:
                continue
            value = (constants or {}).get((index, connector.name or ""))
            if value is not None:
                io: WorkflowInput | Constant = Constant(name="", value=value, **_binding(operator, connector))
                fixed.append(io)
            else:
                io = WorkflowInput(
                    name=f"{connector.name}_{index}",
                    type=connector.type,
                    value=connector.value,
                    **_binding(operator, connector),
                )
                inputs.append(io)
            start = Vertex(connector=Connector(id=io.id, name=io.name, data_type=io.data_type))
            links.append(Link(start=start, end=_vertex(operator, connector)))
        for out in operator.outputs:
            if (index, out.id) in used:
                continue
            sink = WorkflowOutput(name=f"{out.name}_{index}", **_binding(operator, out))
            outputs.append(sink)
            end = Vertex(connector=Connector(id=sink.id, name=sink.name, data_type=sink.data_type))
            links.append(Link(start=_vertex(operator, out), end=end))
    content = {
        "operators": [op.model_dump() for op in operators],
        "links": [link.model_dump() for link in links],
        "inputs": [io.model_dump() for io in inputs],
        "outputs": [io.model_dump() for io in outputs],
        "constants": [io.model_dump() for io in fixed],
    }
    return TransformationRevision.model_validate(
        {
            "id": uuid4(),
            "revision_group_id": group or uuid4(),
            "name": name,
            "category": category,
            "version_tag": tag,
            "type": "WORKFLOW",
            "state": state,
            **timestamps(state, released_at),
            "content": content,
            **fields,
        }
    )


def _operator(tr: TransformationRevision, index: int) -> Operator:
    return Operator(
        revision_group_id=tr.revision_group_id,
        name=tr.name,
        type=tr.type,
        state=tr.state,
        version_tag=tr.version_tag,
        transformation_id=tr.id,
        inputs=[
            OperatorInput(
                id=i.id,
                name=i.name,
                data_type=i.data_type,
                type=i.type,
                value=i.value,
                exposed=i.type is InputType.REQUIRED,
            )
            for i in tr.io_interface.inputs
        ],
        outputs=[
            OperatorOutput(id=o.id, name=o.name, data_type=o.data_type) for o in tr.io_interface.outputs
        ],
        position={"x": 200 * index, "y": 50},
    )


def _vertex(operator: Operator, connector: OperatorInput | OperatorOutput) -> Vertex:
    return Vertex(
        operator=operator.id,
        connector=Connector(id=connector.id, name=connector.name, data_type=connector.data_type),
    )


def _binding(operator: Operator, connector: OperatorInput | OperatorOutput) -> dict[str, Any]:
    return {
        "data_type": connector.data_type,
        "operator_id": operator.id,
        "connector_id": connector.id,
        "operator_name": operator.name,
        "connector_name": connector.name or "",
    }
