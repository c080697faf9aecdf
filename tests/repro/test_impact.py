"""Impact of a change to a released revision: interface changes, broken operators, diffs, manifests."""

from __future__ import annotations

from sealflow.model.builder import WorkflowBuilder
from sealflow.model.io import IOInterface
from sealflow.model.transformation import TransformationRevision
from sealflow.repro.impact import code_diff, interface_changes, mentions_code, operator_breaks
from support import RELEASED_AT, add_component, component


def interface(tr: TransformationRevision, **update: object) -> IOInterface:
    return tr.io_interface.model_copy(update=update)


def test_interface_changes_name_what_changed_and_whether_it_breaks():
    old = add_component()
    new = component(
        "Add", {"a": "FLOAT", "c": ("INT", 1)}, {"sum": "INT", "carry": "INT"}, "return {'sum': a}"
    ).io_interface
    new.inputs[0].id = old.io_interface.inputs[0].id
    new.outputs[0].id = old.io_interface.outputs[0].id

    changes = [(str(c), c.breaking) for c in interface_changes(old.io_interface, new)]

    assert changes == [
        ("input 'a' retyped (INT -> FLOAT)", True),
        ("input 'b' removed", True),
        ("input 'c' added (- -> INT)", False),
        ("output 'carry' added (- -> INT)", False),
    ]


def test_a_new_required_input_and_a_new_connector_id_break():
    old = add_component()
    new = component("Add", {"a": "INT", "b": "INT", "c": "INT"}, {"sum": "INT"}, "").io_interface
    new.inputs[0].id = old.io_interface.inputs[0].id
    new.outputs[0].id = old.io_interface.outputs[0].id

    changes = [(str(c), c.breaking) for c in interface_changes(old.io_interface, new)]

    assert changes == [
        (f"input 'b' new id ({old.io_interface.inputs[1].id} -> {new.inputs[1].id})", True),
        ("input 'c' added (- -> INT)", True),
    ]
    assert interface_changes(old.io_interface, old.io_interface) == []


def test_operator_breaks_lists_each_operator_connector_that_no_longer_fits():
    add = add_component()
    builder = WorkflowBuilder()
    placed = builder.add(add, "adder")
    builder.input("x", placed.input("a"))
    builder.input("y", placed.input("b"))
    builder.output("z", placed.output("sum"))
    flow = builder.build("Flow", released=RELEASED_AT)
    retyped = add.io_interface.model_copy(deep=True)
    retyped.outputs[0].data_type = retyped.outputs[0].data_type.__class__("FLOAT")
    retyped.inputs = retyped.inputs[:1]

    assert operator_breaks(flow, add.id, add.io_interface) == []
    assert operator_breaks(flow, add.id, retyped) == [
        "operator 'adder': input 'b' no longer exists",
        "operator 'adder': output 'sum' is now FLOAT (was INT)",
    ]


def test_code_diff_is_a_unified_diff_and_empty_for_equal_code():
    old = add_component()
    new = old.model_copy(update={"content": old.code().replace("a + b", "a - b")})

    diff = code_diff(old, new)

    assert diff.startswith("--- Add 1.0.0 (stored)\n+++ Add 1.0.0 (new)\n")
    assert "-    return {'sum': a + b}\n+    return {'sum': a - b}\n" in diff
    assert code_diff(old, old) == ""


def test_mentions_code_finds_hashes_and_modules_anywhere_in_a_manifest():
    key = "ab" * 32
    assert mentions_code({"modules": [f"sealflow_components.c_{key}"]}, key)
    assert mentions_code({"envelope": {"writer": {"code_hashes": [key]}}}, key)
    assert not mentions_code({"modules": ["pandas.core.frame"], "size": 3, "sha256": "cd" * 32}, key)


def test_a_renamed_connector_keeps_its_id_and_is_reported_as_renamed():
    old = add_component()
    new = old.io_interface.model_copy(deep=True)
    new.outputs[0].name = "total"

    assert [(str(c), c.breaking) for c in interface_changes(old.io_interface, new)] == [
        ("output 'sum' renamed (sum -> total)", True)
    ]
