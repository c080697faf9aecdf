"""Filters, dependencies and "unused" on revisions in memory; export forms of revisions."""

from __future__ import annotations

from uuid import uuid4

import pytest

from sealflow.code import codegen
from sealflow.model import lifecycle
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import State, TransformationType
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.export import ExportOptions, WiringFilter, adapter_key, export_transformations
from sealflow.ops.selection import Filters, nested_among, used_ids, with_dependencies
from support import RELEASED_AT, add_component


def wrap(name: str, *uses: TransformationRevision) -> TransformationRevision:
    """A released workflow running each of ``uses`` once, every input and output exposed."""
    builder = WorkflowBuilder()
    for index, tr in enumerate(uses):
        placed = builder.add(tr, name=f"{tr.name} {index}")
        for io in tr.io_interface.inputs:
            builder.input(f"{io.name}_{index}", placed.input(str(io.name)))
        for io in tr.io_interface.outputs:
            builder.output(f"{io.name}_{index}", placed.output(str(io.name)))
    return builder.build(name, released=RELEASED_AT)


@pytest.fixture
def family() -> dict[str, TransformationRevision]:
    add = add_component()
    inner = wrap("Inner", add, add)
    outer = wrap("Outer", inner)
    spare = add_component().model_copy(update={"name": "Spare"})
    shelved = lifecycle.disable(wrap("Shelved", spare), RELEASED_AT)
    return {"add": add, "inner": inner, "outer": outer, "spare": spare, "shelved": shelved}


def test_used_ids_follow_nested_workflows_but_not_disabled_ones(family: dict[str, TransformationRevision]):
    used = used_ids(family.values())

    assert used == {family["add"].id, family["inner"].id}


def test_used_ids_count_revisions_below_a_disabled_workflow_in_an_active_one(
    family: dict[str, TransformationRevision],
):
    inner = lifecycle.disable(family["inner"], RELEASED_AT)

    assert used_ids([inner, family["outer"]]) == {inner.id, family["add"].id}


def test_dependencies_are_added_once(family: dict[str, TransformationRevision]):
    pool = {tr.id: tr for tr in family.values()}

    nested = nested_among(family["outer"], pool)
    selected = with_dependencies([family["outer"], family["add"]], lambda tr: nested_among(tr, pool))

    assert sorted(tr.name for tr in nested) == ["Add", "Inner"]
    assert [tr.name for tr in selected] == ["Outer", "Add", "Inner"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param(Filters(), ["Add", "Inner", "Outer", "Shelved", "Spare"], id="none"),
        pytest.param(
            Filters(type=TransformationType.WORKFLOW, include_deprecated=False), ["Inner", "Outer"], id="and"
        ),
        pytest.param(Filters(state=State.DISABLED), ["Shelved"], id="state"),
        pytest.param(Filters(names=("Add", "Spare")), ["Add", "Spare"], id="names"),
        pytest.param(Filters(names=()), [], id="empty-matches-none"),
        pytest.param(
            Filters(categories=("Other",), category_prefix="Oth"),
            ["Add", "Inner", "Outer", "Shelved", "Spare"],
            id="category",
        ),
        pytest.param(Filters(category_prefix="oth"), [], id="prefix-case"),
        pytest.param(Filters(ids=(uuid4(),)), [], id="ids"),
    ],
)
def test_filters_match_in_memory(
    family: dict[str, TransformationRevision], filters: Filters, expected: list[str]
):
    assert sorted(tr.name for tr in family.values() if filters.matches(tr)) == expected


def test_filters_by_group(family: dict[str, TransformationRevision]):
    add = family["add"]

    assert [
        tr.name for tr in family.values() if Filters(revision_group_id=add.revision_group_id).matches(tr)
    ] == ["Add"]


@pytest.mark.parametrize(
    ("value", "key"),
    [
        pytest.param(1, "direct_provisioning", id="int"),
        pytest.param("1", "direct_provisioning", id="text"),
        pytest.param("sql", "sql", id="other"),
    ],
)
def test_adapter_key(value: int | str, key: str):
    assert adapter_key(value) == key


WIRED = WorkflowWiring.model_validate(
    {
        "input_wirings": [
            {"workflow_input_name": "a", "adapter_id": 1, "filters": {"value": "1"}},
            {"workflow_input_name": "b", "adapter_id": "sql"},
        ],
        "output_wirings": [{"workflow_output_name": "sum", "adapter_id": "sql"}],
    }
)


@pytest.mark.parametrize(
    ("wirings", "inputs", "outputs"),
    [
        pytest.param(WiringFilter(), ["a", "b"], ["sum"], id="keep"),
        pytest.param(WiringFilter(strip_all=True), [], [], id="strip-all"),
        pytest.param(WiringFilter(strip_adapter_ids=("sql",)), ["a"], [], id="strip-sql"),
        pytest.param(WiringFilter(keep_only_adapter_ids=("1",)), ["a"], [], id="keep-direct"),
        pytest.param(
            WiringFilter(keep_only_adapter_ids=("sql",), strip_adapter_ids=("sql",)), [], [], id="both"
        ),
    ],
)
def test_wiring_filter(wirings: WiringFilter, inputs: list[str], outputs: list[str]):
    tr = add_component().model_copy(update={"test_wiring": WIRED})

    filtered = wirings.apply(tr)

    assert [w.workflow_input_name for w in filtered.test_wiring.input_wirings] == inputs
    assert [w.workflow_output_name for w in filtered.test_wiring.output_wirings] == outputs
    assert tr.test_wiring == WIRED


def test_export_code_forms_never_touch_the_revisions(family: dict[str, TransformationRevision]):
    add = family["add"].model_copy(update={"content": codegen.generate_code(family["add"])})
    before = add.model_copy(deep=True)

    as_code = export_transformations([family["outer"], add], ExportOptions(components_as_code=True))
    expanded = export_transformations([add], ExportOptions(expand_component_code=True))

    assert as_code == [family["outer"].to_json_dict(), add.code()]
    assert isinstance(expanded[0], dict)
    assert expanded[0]["content"].startswith('"""Documentation for Add')
    assert add == before
