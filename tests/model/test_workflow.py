from uuid import uuid4

import pytest

from sealflow.errors import InvalidTransformation
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import State
from sealflow.model.transformation import parse_transformation
from support import add_component, component


def two_adds():
    add = add_component()
    builder = WorkflowBuilder()
    first, second = builder.add(add), builder.add(add)
    builder.input("x", first.input("a"))
    builder.constant(first.input("b"), "1")
    builder.link(first.output("sum"), second.input("a"))
    builder.input("y", second.input("b"), default="10")
    builder.output("total", second.output("sum"))
    return builder


def test_builder_makes_a_valid_workflow_with_derived_io_interface():
    wf = two_adds().build("Two Adds")
    assert [(i.name, i.type.value, i.value) for i in wf.io_interface.inputs] == [
        ("x", "REQUIRED", None),
        ("y", "OPTIONAL", "10"),
    ]
    assert [o.name for o in wf.io_interface.outputs] == ["total"]
    assert [op.name for op in wf.workflow().operators] == ["Add", "Add (2)"]


def test_workflow_json_round_trip():
    wf = two_adds().build("Two Adds")
    assert parse_transformation(wf.to_json_dict()) == wf


def mutate(data, change):
    change(data["content"])
    return data


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        pytest.param(
            lambda c: c["links"].append({**c["links"][2], "id": str(uuid4())}),
            "ends at a connector that another link already feeds",
            id="two-links-one-input",
        ),
        pytest.param(
            lambda c: c["links"].__setitem__(3, {**c["links"][2], "end": c["links"][3]["end"]}),
            "fed by both",
            id="input-and-link",
        ),
        pytest.param(
            lambda c: c["operators"][0]["outputs"][0].update(data_type="STRING"),
            "connects a STRING output to a INT input",
            id="type-mismatch",
        ),
        pytest.param(
            lambda c: c["links"][2]["start"].update(operator=str(uuid4())),
            "which is not in the workflow",
            id="dangling-start",
        ),
        pytest.param(
            lambda c: c["operators"][0].update(state="DRAFT"),
            "only RELEASED revisions as operators",
            id="draft-operator",
        ),
        pytest.param(
            lambda c: c["inputs"].append({**c["inputs"][0], "id": str(uuid4())}),
            "workflow input name 'x' is used more than once",
            id="duplicate-input-name",
        ),
        pytest.param(
            lambda c: c["links"].append({"start": c["links"][0]["start"], "end": c["links"][0]["start"]}),
            "connects no operator",
            id="no-operator",
        ),
    ],
)
def test_inconsistent_workflows_are_reported_not_repaired(change, rule):
    data = mutate(two_adds().build("Two Adds").to_json_dict(), change)
    with pytest.raises(InvalidTransformation, match=rule):
        parse_transformation(data)


def test_cycle_names_the_operators():
    add = add_component()
    builder = WorkflowBuilder()
    first, second = builder.add(add, "First"), builder.add(add, "Second")
    builder.link(first.output("sum"), second.input("a"))
    builder.link(second.output("sum"), first.input("a"))
    with pytest.raises(InvalidTransformation, match=r"cycle through the operators .*'First'"):
        builder.build("Loop")


def test_draft_cannot_be_placed():
    draft = component("Draft", {"a": "INT"}, {"b": "INT"}, "return {'b': a}", state=State.DRAFT)
    with pytest.raises(InvalidTransformation, match="release it before"):
        WorkflowBuilder().add(draft)


def test_released_workflow_with_unnamed_input_is_refused():
    add = add_component()
    builder = WorkflowBuilder()
    op = builder.add(add)
    builder.input("a", op.input("a"))
    builder.output("s", op.output("sum"))
    data = builder.build("Partial").to_json_dict()
    data["content"]["inputs"].append(
        {
            **data["content"]["inputs"][0],
            "id": data["id"],
            "name": None,
            "connector_id": op.operator.inputs[1].id.hex,
        }
    )
    data["content"]["inputs"][-1]["connector_name"] = "b"
    data["state"] = "RELEASED"
    data["released_timestamp"] = "2026-01-01T00:00:00+00:00"
    with pytest.raises(InvalidTransformation, match="needs a name for every input and output"):
        parse_transformation(data)
