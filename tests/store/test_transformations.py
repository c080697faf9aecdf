"""Transformation revisions: round trips, filters, conflicts, updates and deletes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from uuid import uuid4

import pytest

from sealflow.errors import Conflict, InvalidInput, TransformationNotFound
from sealflow.model.datatypes import State
from sealflow.model.hashing import code_hash
from sealflow.store import transformations
from store.factories import ADD_CODE, component, workflow

WIRING = {
    "input_wirings": [
        {"workflow_input_name": "a_0", "filters": {"value": "1"}},
        {"workflow_input_name": "b_0", "adapter_id": 1, "filters": {"value": "2"}},
    ],
    "output_wirings": [{"workflow_output_name": "sum_1"}],
}


def test_a_component_reads_back_equal(database):
    tr = component(
        description="adds two numbers",
        documentation="# Add\n\nAdds.",
        test_wiring={"input_wirings": [{"workflow_input_name": "a", "filters": {"value": "3"}}]},
    )
    database.transformations.insert(tr)
    assert database.transformations.get(tr.id) == tr


def test_a_workflow_with_nested_operators_reads_back_equal(database):
    add = component()
    inner = workflow("Inner", [add, add])
    database.transformations.insert(add)
    database.transformations.insert(inner)
    outer = workflow(
        "Outer",
        [inner, add],
        constants={(1, "b"): "5"},
        test_wiring=WIRING
        | {
            "input_wirings": [{"workflow_input_name": "a_0", "filters": {"value": "1"}}],
            "output_wirings": [{"workflow_output_name": "sum_1"}],
        },
    )
    database.transformations.insert(outer)
    stored = database.transformations.get(outer.id)
    assert stored == outer
    assert stored.workflow().constants[0].value == "5"
    assert database.transformations.get(inner.id) == inner


@pytest.mark.parametrize(
    "state",
    [
        pytest.param(State.DRAFT, id="draft"),
        pytest.param(State.RELEASED, id="released"),
        pytest.param(State.DISABLED, id="disabled"),
    ],
)
def test_every_state_reads_back_equal(database, state):
    tr = component(state=state)
    database.transformations.insert(tr)
    assert database.transformations.get(tr.id) == tr


def test_timestamps_come_back_in_utc_to_the_microsecond(database):
    local = datetime(2024, 2, 29, 23, 30, 1, 999999, tzinfo=timezone(timedelta(hours=-5)))
    tr = component(state=State.DISABLED, released_at=local)
    database.transformations.insert(tr)
    stored = database.transformations.get(tr.id)
    assert stored.released_timestamp == local
    assert stored.released_timestamp.tzinfo is UTC
    assert stored.released_timestamp.isoformat() == "2024-03-01T04:30:01.999999+00:00"
    assert stored.disabled_timestamp == local + timedelta(days=1)


def test_get_of_an_unknown_id_names_it(database):
    missing = uuid4()
    with pytest.raises(TransformationNotFound, match=str(missing)):
        database.transformations.get(missing)
    assert database.transformations.find(missing) is None


def test_ids_may_be_given_as_strings(database):
    tr = component()
    database.transformations.insert(tr)
    assert database.transformations.get(str(tr.id)) == tr
    with pytest.raises(InvalidInput, match="no transformation id"):
        database.transformations.get("not-a-uuid")


@pytest.fixture
def catalogue(database):
    """Revisions to filter: names, categories, types and states differ."""
    add = component("Add", category="Arithmetic")
    add_draft = component(
        "Add", tag="2.0.0", group=add.revision_group_id, state=State.DRAFT, category="Arithmetic"
    )
    sub = component("Sub", category="Arithmetic/Basic", state=State.DISABLED)
    mean = component("Mean", category="arithmetic lower")
    flow = workflow("Flow", [add], category="Arithmetic")
    for tr in [add, add_draft, sub, mean, flow]:
        database.transformations.insert(tr)
    return {"add": add, "add_draft": add_draft, "sub": sub, "mean": mean, "flow": flow}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param({}, ["add", "add_draft", "flow", "mean", "sub"], id="no-filter"),
        pytest.param({"type": "WORKFLOW"}, ["flow"], id="type"),
        pytest.param({"state": State.DRAFT}, ["add_draft"], id="state"),
        pytest.param({"categories": ["Arithmetic"]}, ["add", "add_draft", "flow"], id="category"),
        pytest.param(
            {"categories": ["Arithmetic/Basic", "arithmetic lower"]}, ["mean", "sub"], id="categories-or"
        ),
        pytest.param({"category_prefix": "Arith"}, ["add", "add_draft", "flow", "sub"], id="prefix-case"),
        pytest.param({"category_prefix": "arith"}, ["mean"], id="prefix-lower"),
        pytest.param({"category_prefix": "Arithmetic/"}, ["sub"], id="prefix-slash"),
        pytest.param({"names": ["Add", "Mean"]}, ["add", "add_draft", "mean"], id="names-or"),
        pytest.param({"names": ["add"]}, [], id="names-exact-case"),
        pytest.param({"include_deprecated": False}, ["add", "add_draft", "flow", "mean"], id="no-deprecated"),
        pytest.param({"type": "COMPONENT", "categories": ["Arithmetic"]}, ["add", "add_draft"], id="and"),
        pytest.param({"names": ["Add"], "state": "RELEASED"}, ["add"], id="and-state"),
        pytest.param({"ids": []}, [], id="no-ids"),
    ],
)
def test_list_filters(database, catalogue, filters, expected):
    found = database.transformations.list(**filters)
    names = {tr.id: key for key, tr in catalogue.items()}
    assert sorted(names[tr.id] for tr in found) == expected


def test_list_by_group_and_ids(database, catalogue):
    group = catalogue["add"].revision_group_id
    assert {tr.id for tr in database.transformations.list(revision_group_id=group)} == {
        catalogue["add"].id,
        catalogue["add_draft"].id,
    }
    wanted = [catalogue["sub"].id, str(catalogue["mean"].id)]
    assert [tr.name for tr in database.transformations.list(ids=wanted)] == ["Mean", "Sub"]


def test_list_is_ordered_by_name_then_tag(database, catalogue):
    found = database.transformations.list()
    assert [(tr.name, tr.version_tag) for tr in found] == sorted((tr.name, tr.version_tag) for tr in found)


def test_a_taken_version_tag_is_a_conflict_that_says_what_to_do(database):
    first = component(tag="1.0.0")
    database.transformations.insert(first)
    second = component(tag="1.0.0", group=first.revision_group_id)
    with pytest.raises(Conflict) as caught:
        database.transformations.insert(second)
    message = str(caught.value)
    assert str(first.revision_group_id) in message
    assert "'1.0.0'" in message
    assert "choose another version tag" in message
    assert database.transformations.find(second.id) is None


def test_updating_to_a_taken_tag_is_a_conflict(database):
    first = component(tag="1.0.0")
    second = component(tag="2.0.0", group=first.revision_group_id, state=State.DRAFT)
    database.transformations.insert(first)
    database.transformations.insert(second)
    with pytest.raises(Conflict, match="choose another version tag"):
        database.transformations.update(second.model_copy(update={"version_tag": "1.0.0"}))
    assert database.transformations.get(second.id) == second


def test_a_tag_clash_caught_by_the_database_has_the_same_message(database, monkeypatch):
    monkeypatch.setattr(transformations, "_check_tag_free", lambda session, tr: None)
    first = component(tag="1.0.0")
    database.transformations.insert(first)
    with pytest.raises(
        Conflict, match=r"already has a revision tagged '1\.0\.0'; choose another version tag"
    ):
        database.transformations.insert(component(tag="1.0.0", group=first.revision_group_id))


def test_inserting_a_stored_id_is_a_conflict(database):
    tr = component()
    database.transformations.insert(tr)
    with pytest.raises(Conflict, match="stored already"):
        database.transformations.insert(tr.model_copy(update={"version_tag": "9.9.9"}))


def test_inserting_a_stored_id_in_a_unit_of_work_is_a_conflict(database):
    tr = component()
    with database.transaction() as uow:
        uow.transformations.insert(tr)
        assert uow.transformations.get(tr.id) == tr
        with pytest.raises(Conflict, match="stored already"):
            uow.transformations.insert(tr)
    assert database.transformations.get(tr.id) == tr


def test_update_replaces_the_stored_revision(database):
    tr = component(state=State.DRAFT)
    database.transformations.insert(tr)
    changed = tr.model_copy(update={"name": "Plus", "description": "renamed", "category": "Math"})
    database.transformations.update(changed)
    assert database.transformations.get(tr.id) == changed


def test_update_of_code_stores_a_new_blob_and_keeps_the_old(database):
    tr = component(state=State.RELEASED)
    database.transformations.insert(tr)
    new_code = ADD_CODE.replace("a + b", "b + a")
    database.transformations.update(tr.model_copy(update={"content": new_code}))
    assert database.transformations.get(tr.id).content == new_code
    assert database.code.hashes() == {code_hash(ADD_CODE), code_hash(new_code)}
    assert database.code.get(code_hash(ADD_CODE)) == ADD_CODE
    assert database.transformations.code_hashes_in_use() == {code_hash(new_code)}


def test_update_of_an_unknown_revision_is_not_found(database):
    tr = component()
    with pytest.raises(TransformationNotFound, match=str(tr.id)):
        database.transformations.update(tr)


def test_upsert_inserts_then_updates(database):
    tr = component(state=State.DRAFT)
    assert database.transformations.upsert(tr) is True
    changed = tr.model_copy(update={"documentation": "# changed"})
    assert database.transformations.upsert(changed) is False
    assert database.transformations.get(tr.id) == changed


def test_delete_removes_the_revision_but_not_its_code(database):
    tr = component(state=State.DRAFT)
    database.transformations.insert(tr)
    database.transformations.delete(tr.id)
    assert database.transformations.find(tr.id) is None
    assert database.code.has(code_hash(tr.code()))
    with pytest.raises(TransformationNotFound):
        database.transformations.delete(tr.id)


def test_a_revision_used_by_a_workflow_cannot_be_deleted(database):
    add = component()
    flow = workflow("Flow", [add])
    database.transformations.insert(add)
    database.transformations.insert(flow)
    with pytest.raises(Conflict, match=r"is an operator in workflow 'Flow'.*delete them first"):
        database.transformations.delete(add.id)
    database.transformations.delete(flow.id)
    database.transformations.delete(add.id)
    assert database.transformations.list() == []


def test_latest_released_is_the_newest_release(database):
    base = datetime(2024, 1, 1, tzinfo=UTC)
    first = component(tag="1", released_at=base)
    group = first.revision_group_id
    newest = component(tag="3", group=group, released_at=base + timedelta(days=2))
    revisions = [
        first,
        component(tag="2", group=group, released_at=base + timedelta(days=1)),
        newest,
        component(tag="4", group=group, state=State.DRAFT),
        component(tag="5", group=group, state=State.DISABLED, released_at=base + timedelta(days=9)),
        component(tag="1", released_at=base + timedelta(days=30)),
    ]
    for tr in revisions:
        database.transformations.insert(tr)
    assert database.transformations.latest_released(group) == newest
    assert database.transformations.latest_released(uuid4()) is None


def test_latest_released_breaks_ties_by_the_greatest_id(database):
    first = component(tag="1")
    second = component(tag="2", group=first.revision_group_id)
    database.transformations.insert(first)
    database.transformations.insert(second)
    latest = database.transformations.latest_released(first.revision_group_id)
    assert latest is not None
    assert latest.id == max(first.id, second.id)
