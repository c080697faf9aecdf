"""Use cases called directly on an opened instance, once per database backend."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from uuid import uuid4

import pytest

from sealflow.adapters.protocol import wiring_from_values
from sealflow.config import Settings
from sealflow.errors import InvalidInput, InvalidTransformation, LifecycleViolation, TransformationNotFound
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import State
from sealflow.model.hashing import code_hash
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.execution import execute_transformation, load_run_target
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import import_transformations, resolve_reference
from support import RELEASED_AT, add_component, component


@pytest.fixture
def instance(db_url: str, tmp_path: Path) -> Iterator[Instance]:
    opened = Instance.open(Settings(db_url=db_url, home=tmp_path))
    yield opened
    opened.close()


def stored(instance: Instance) -> dict[str, TransformationRevision]:
    return {tr.name: tr for tr in instance.transformations.list()}


def adder_flow(name: str, add: TransformationRevision, operator: str = "Add") -> TransformationRevision:
    """``s = x + y`` around one operator using ``add``."""
    builder = WorkflowBuilder()
    adder = builder.add(add, name=operator)
    builder.input("x", adder.input("a"))
    builder.input("y", adder.input("b"))
    builder.output("s", adder.output("sum"))
    return builder.build(name, released=RELEASED_AT)


def family() -> tuple[TransformationRevision, TransformationRevision, TransformationRevision]:
    """A component, a workflow using it, and a workflow using both: ``total = (p + 10) + q``."""
    add = add_component()
    inner = adder_flow("Inner", add)
    builder = WorkflowBuilder()
    first, second = builder.add(inner), builder.add(add)
    builder.input("p", first.input("x"))
    builder.constant(first.input("y"), "10")
    builder.link(first.output("s"), second.input("a"))
    builder.input("q", second.input("b"))
    builder.output("total", second.output("sum"))
    return add, inner, builder.build("Outer", released=RELEASED_AT)


@pytest.mark.parametrize(
    "order",
    [
        pytest.param((0, 1, 2), id="components-first"),
        pytest.param((2, 1, 0), id="workflows-first"),
        pytest.param((1, 2, 0), id="middle-first"),
    ],
)
def test_import_stores_workflows_after_what_they_use(instance: Instance, order: tuple[int, int, int]):
    revisions = family()
    add, inner, outer = revisions

    outcomes = import_transformations(instance, [revisions[index] for index in order])

    assert [outcome.action for outcome in outcomes] == ["created"] * 3
    position = {outcome.transformation.id: index for index, outcome in enumerate(outcomes)}
    assert position[add.id] < position[inner.id] < position[outer.id]
    assert stored(instance) == {"Add": add, "Inner": inner, "Outer": outer}
    result = execute_transformation(
        instance, instance.transformations.get(outer.id), wiring_from_values({"p": "1", "q": "2"})
    )
    assert (result.result, result.output_results_by_output_name) == ("ok", {"total": 13})


@pytest.mark.parametrize(
    ("alongside", "says"),
    [
        pytest.param(lambda add: [], "which is neither stored nor imported with it", id="missing"),
        pytest.param(
            lambda add: [add.model_copy(update={"state": State.DRAFT, "released_timestamp": None})],
            "must use a released COMPONENT, but component 'Add' 1.0.0",
            id="draft",
        ),
    ],
)
def test_a_workflow_must_use_stored_released_revisions(
    instance: Instance,
    alongside: Callable[[TransformationRevision], list[TransformationRevision]],
    says: str,
):
    add = add_component()
    flow = adder_flow("Sum", add, operator="Adder")
    other = component("Negate", {"x": "INT"}, {"y": "INT"}, "return {'y': -x}")

    with pytest.raises(InvalidTransformation) as caught:
        import_transformations(instance, [other, *alongside(add), flow])

    assert f"operator 'Adder' of {flow.label}" in str(caught.value)
    assert says in str(caught.value)
    assert str(add.id) in str(caught.value)
    assert instance.transformations.list() == []
    assert instance.code.hashes() == set()


def with_code(tr: TransformationRevision, code: str) -> TransformationRevision:
    return tr.model_copy(update={"content": code})


def subtracting(tr: TransformationRevision) -> TransformationRevision:
    return with_code(tr, tr.code().replace("a + b", "a - b"))


@pytest.mark.parametrize(
    ("state", "change"),
    [
        pytest.param(State.DRAFT, subtracting, id="code-of-a-draft"),
        pytest.param(
            State.RELEASED,
            lambda tr: tr.model_copy(update={"documentation": "# Add\n\nAdds two numbers."}),
            id="documentation-of-a-released",
        ),
    ],
)
def test_allowed_changes_update_the_revision(
    instance: Instance, state: State, change: Callable[[TransformationRevision], TransformationRevision]
):
    old = component("Add", {"a": "INT", "b": "INT"}, {"sum": "INT"}, "return {'sum': a + b}", state=state)
    import_transformations(instance, [old])
    new = change(old)

    (outcome,) = import_transformations(instance, [new])

    assert outcome.action == "updated"
    assert instance.transformations.get(old.id) == new


@pytest.mark.parametrize(
    "state", [pytest.param(State.RELEASED, id="released"), pytest.param(State.DISABLED, id="disabled")]
)
def test_changing_frozen_code_is_refused(instance: Instance, state: State):
    old = component("Add", {"a": "INT", "b": "INT"}, {"sum": "INT"}, "return {'sum': a + b}", state=state)
    import_transformations(instance, [old])
    new = subtracting(old)

    with pytest.raises(LifecycleViolation) as caught:
        import_transformations(instance, [new])

    assert f"{old.label} is {state} and frozen; it cannot change (content)" in str(caught.value)
    assert instance.transformations.get(old.id) == old
    assert not instance.code.has(code_hash(new.code()))


def test_overwriting_a_released_revision_keeps_its_old_code(instance: Instance):
    old = add_component()
    import_transformations(instance, [old])
    new = subtracting(old)

    (outcome,) = import_transformations(instance, [new], allow_overwrite_released=True)

    assert outcome.action == "updated"
    assert instance.transformations.get(old.id).code() == new.code()
    assert instance.code.has(code_hash(new.code()))
    assert instance.code.has(code_hash(old.code()))
    assert instance.code.get(code_hash(old.code())) == old.code()


@pytest.fixture
def named(instance: Instance) -> dict[str, TransformationRevision]:
    """Two revisions named Add (tags 1.0.0 and 2.0.0) and one named Negate."""
    first = add_component()
    second = first.model_copy(update={"id": uuid4(), "version_tag": "2.0.0"})
    negate = component("Negate", {"x": "INT"}, {"y": "INT"}, "return {'y': -x}")
    import_transformations(instance, [first, second, negate])
    return {"Add 1": first, "Add 2": second, "Negate": negate}


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        pytest.param(lambda named: str(named["Add 2"].id), "Add 2", id="id"),
        pytest.param(lambda named: str(named["Add 1"].id).upper(), "Add 1", id="id-in-capitals"),
        pytest.param(lambda named: "Negate", "Negate", id="unique-name"),
        pytest.param(lambda named: "Add@1.0.0", "Add 1", id="name-and-tag"),
        pytest.param(lambda named: "Negate@1.0.0", "Negate", id="unique-name-and-tag"),
    ],
)
def test_resolve_reference_finds(
    instance: Instance,
    named: dict[str, TransformationRevision],
    reference: Callable[[dict[str, TransformationRevision]], str],
    expected: str,
):
    assert resolve_reference(instance, reference(named)) == named[expected]


@pytest.mark.parametrize(
    ("reference", "error", "says"),
    [
        pytest.param("Add", InvalidInput, "2 revisions are named 'Add' (tags 1.0.0, 2.0.0)", id="ambiguous"),
        pytest.param(
            "Subtract", TransformationNotFound, "no transformation with id or name 'Subtract'", id="name"
        ),
        pytest.param("Add@3.0.0", TransformationNotFound, "'Add@3.0.0'", id="tag"),
        pytest.param(
            "6f1c2b9e-0000-4000-8000-000000000000",
            TransformationNotFound,
            "no transformation revision with id 6f1c2b9e-0000-4000-8000-000000000000",
            id="id",
        ),
    ],
)
def test_resolve_reference_refuses(
    instance: Instance,
    named: dict[str, TransformationRevision],
    reference: str,
    error: type[Exception],
    says: str,
):
    with pytest.raises(error) as caught:
        resolve_reference(instance, reference)
    assert says in str(caught.value)


def test_a_file_runs_its_top_level_revision_and_keeps_the_code(instance: Instance, tmp_path: Path):
    add = add_component()
    flow = adder_flow("Sum", add)
    path = tmp_path / "sum.json"
    path.write_text(json.dumps([flow.to_json_dict(), add.to_json_dict()]), encoding="utf-8")

    target, unstored = load_run_target(instance, str(path))
    result = execute_transformation(
        instance, target, wiring_from_values({"x": "4", "y": "5"}), unstored=unstored
    )

    assert target == flow
    assert {tr.id for tr in unstored} == {add.id, flow.id}
    assert (result.result, result.output_results_by_output_name) == ("ok", {"s": 9})
    assert instance.transformations.list() == []
    assert instance.code.has(code_hash(add.code()))


@pytest.mark.parametrize(
    ("content", "says"),
    [
        pytest.param(
            lambda: [
                add_component().to_json_dict(),
                component("Negate", {"x": "INT"}, {"y": "INT"}, "return {'y': -x}").to_json_dict(),
            ],
            "holds 2 top-level transformations",
            id="two-roots",
        ),
        pytest.param(None, "does not exist", id="no-such-file"),
    ],
)
def test_a_file_that_cannot_run(
    instance: Instance, tmp_path: Path, content: Callable[[], list[object]] | None, says: str
):
    path = tmp_path / "run.json"
    if content is not None:
        path.write_text(json.dumps(content()), encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_run_target(instance, str(path))
    assert says in str(caught.value)
