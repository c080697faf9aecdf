"""Dependencies and dependents of revisions through workflow operators, direct and transitive."""

from __future__ import annotations

import pytest

from sealflow.errors import Conflict, TransformationNotFound
from store.factories import component, workflow


@pytest.fixture
def graph(database):
    """``top`` uses ``middle`` and ``add``; ``middle`` uses ``add`` twice and ``sub``; ``lone`` is unused."""
    add, sub, lone = component("Add"), component("Sub"), component("Lone")
    middle = workflow("Middle", [add, add, sub])
    top = workflow("Top", [middle, add])
    for tr in [add, sub, lone, middle, top]:
        database.transformations.insert(tr)
    return {"add": add, "sub": sub, "lone": lone, "middle": middle, "top": top}


def names(revisions):
    return [tr.name for tr in revisions]


def test_dependencies_are_transitive_deduplicated_and_in_dependency_order(database, graph):
    found = database.transformations.dependencies(graph["top"].id)
    assert sorted(names(found)) == ["Add", "Middle", "Sub"]
    assert names(found)[-1] == "Middle"
    assert found == [database.transformations.get(tr.id) for tr in found]


def test_direct_dependencies_are_the_operators_revisions(database, graph):
    found = database.transformations.dependencies(graph["middle"].id, transitive=False)
    assert sorted(names(found)) == ["Add", "Sub"]
    direct = database.transformations.dependencies(graph["top"].id, transitive=False)
    assert names(direct) == ["Add", "Middle"]


def test_a_component_depends_on_nothing(database, graph):
    assert database.transformations.dependencies(graph["add"].id) == []


def test_dependents_are_the_workflows_that_use_a_revision(database, graph):
    assert names(database.transformations.dependents(graph["add"].id)) == ["Middle", "Top"]
    assert names(database.transformations.dependents(graph["sub"].id)) == ["Middle", "Top"]
    assert names(database.transformations.dependents(graph["sub"].id, transitive=False)) == ["Middle"]
    assert database.transformations.dependents(graph["lone"].id) == []
    assert database.transformations.dependents(graph["top"].id) == []


def test_related_revisions_of_an_unknown_id_are_not_found(database, graph):
    missing = component().id
    with pytest.raises(TransformationNotFound, match=str(missing)):
        database.transformations.dependencies(missing)
    with pytest.raises(TransformationNotFound, match=str(missing)):
        database.transformations.dependents(missing)


def test_nestings_are_rewritten_when_a_workflow_is_saved(database, graph):
    middle = workflow("Middle", [graph["lone"]], group=graph["middle"].revision_group_id)
    database.transformations.update(middle.model_copy(update={"id": graph["middle"].id}))
    assert names(database.transformations.dependencies(graph["middle"].id)) == ["Lone"]
    assert names(database.transformations.dependents(graph["sub"].id)) == []
    assert names(database.transformations.dependents(graph["add"].id)) == ["Top"]
    assert names(database.transformations.dependents(graph["lone"].id)) == ["Middle", "Top"]


def test_deleting_a_workflow_forgets_its_operators(database, graph):
    database.transformations.delete(graph["top"].id)
    assert names(database.transformations.dependents(graph["add"].id)) == ["Middle"]


def test_a_workflow_using_an_unstored_revision_is_refused(database):
    stored, unstored = component("Stored"), component("Unstored")
    database.transformations.insert(stored)
    flow = workflow("Flow", [stored, unstored])
    with pytest.raises(
        Conflict, match=rf"operator 'Unstored' runs {unstored.id}.*store those revisions first"
    ):
        database.transformations.insert(flow)
    assert database.transformations.find(flow.id) is None
    assert database.transformations.dependents(stored.id) == []


def test_a_workflow_cannot_use_itself(database, graph):
    top = graph["top"]
    looped = workflow("Top", [graph["middle"], top], group=top.revision_group_id)
    with pytest.raises(Conflict, match="would make it run itself"):
        database.transformations.update(looped.model_copy(update={"id": top.id}))
    middle = graph["middle"]
    through_top = workflow("Middle", [top], group=middle.revision_group_id)
    with pytest.raises(Conflict, match="would make it run itself"):
        database.transformations.update(through_top.model_copy(update={"id": middle.id}))
    assert database.transformations.get(top.id) == top
