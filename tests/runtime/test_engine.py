import json
import math

import pandas as pd
import pytest

from sealflow.errors import InvalidWiring
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import State
from sealflow.runtime.results import ProcessStage
from support import add_component, component

RELEASED = "2026-01-01T00:00:00+00:00"


def test_component_runs_with_parsed_inputs(run_tr):
    result = run_tr(add_component(), {"a": "2", "b": 40})
    assert result.result == "ok", result.error
    assert result.output_results_by_output_name == {"sum": 42}
    assert result.output_types_by_output_name == {"sum": "INT"}
    assert [t.operator for t in result.operator_timings] == ["Add"]


def test_optional_default_applies_and_wired_value_wins(run_tr):
    scale = component(
        "Scale", {"x": "FLOAT", "factor": ("FLOAT", "2.5")}, {"y": "FLOAT"}, "return {'y': x * factor}"
    )
    assert run_tr(scale, {"x": 2}).output_results_by_output_name == {"y": 5.0}
    assert run_tr(scale, {"x": 2, "factor": "3"}).output_results_by_output_name == {"y": 6.0}


def chain():
    """x + 1 feeds two adds: (x + 1) + (x + 1) and (x + 1) + y with y defaulting to 10."""
    add = add_component()
    builder = WorkflowBuilder()
    first, left, right = builder.add(add, "first"), builder.add(add, "left"), builder.add(add, "right")
    builder.input("x", first.input("a"))
    builder.constant(first.input("b"), "1")
    builder.link(first.output("sum"), left.input("a"))
    builder.link(first.output("sum"), left.input("b"))
    builder.link(first.output("sum"), right.input("a"))
    builder.input("y", right.input("b"), default="10")
    builder.output("double", left.output("sum"))
    builder.output("plus_y", right.output("sum"))
    return add, builder.build("Chain", released=pd.Timestamp(RELEASED).to_pydatetime())


def test_workflow_with_constant_default_and_fan_out(run_tr):
    add, wf = chain()
    result = run_tr(wf, {"x": "4"}, add)
    assert result.result == "ok", result.error
    assert result.output_results_by_output_name == {"double": 10, "plus_y": 15}
    assert run_tr(wf, {"x": 4, "y": 1}, add).output_results_by_output_name == {"double": 10, "plus_y": 6}


def nest(inner, add, depth):
    """Wrap ``inner`` (inputs x, y; outputs double, plus_y) ``depth`` times, adding 100 to x each time."""
    revisions = [add, inner]
    for level in range(depth):
        builder = WorkflowBuilder()
        pre = builder.add(add, "pre")
        wrapped = builder.add(revisions[-1], f"level {level}")
        builder.input("x", pre.input("a"))
        builder.constant(pre.input("b"), "100")
        builder.link(pre.output("sum"), wrapped.input("x"))
        builder.input("y", wrapped.input("y"), default="1000")
        builder.output("double", wrapped.output("double"))
        builder.output("plus_y", wrapped.output("plus_y"))
        revisions.append(builder.build(f"Level {level}", released=pd.Timestamp(RELEASED).to_pydatetime()))
    return revisions


def test_nested_workflows_to_depth_three_and_outer_links_override_defaults(run_tr):
    add, wf = chain()
    *nested, top = nest(wf, add, 3)
    result = run_tr(top, {"x": 0}, *nested)
    assert result.result == "ok", result.error
    x = 300 + 1
    assert result.output_results_by_output_name == {"double": 2 * x, "plus_y": x + 1000}
    paths = [t.operator_path for t in result.operator_timings]
    assert ["level 2", "level 1", "level 0", "right"] in paths
    assert run_tr(top, {"x": 0, "y": 5}, *nested).output_results_by_output_name["plus_y"] == x + 5


def test_component_exception_is_structured(run_tr):
    failing = component(
        "Divide",
        {"a": "FLOAT", "b": "FLOAT"},
        {"q": "FLOAT"},
        "if b == 0:\n    raise ZeroDivisionError('b must not be 0')\nreturn {'q': a / b}",
    )
    builder = WorkflowBuilder()
    op = builder.add(failing, "divider")
    builder.input("a", op.input("a"))
    builder.input("b", op.input("b"))
    builder.output("q", op.output("q"))
    outer = builder.build("Outer", released=pd.Timestamp(RELEASED).to_pydatetime())
    result = run_tr(outer, {"a": 1, "b": 0}, failing)
    assert result.result == "failure"
    error = result.error
    assert (error.type, error.message, error.process_stage) == (
        "ZeroDivisionError",
        "b must not be 0",
        ProcessStage.EXECUTING_COMPONENT_CODE,
    )
    assert error.operator_info.hierarchy_in_workflow.by_name == ["divider"]
    assert error.operator_info.transformation_info.name == "Divide"
    assert (error.location.file, error.location.function_name, error.location.line_number) == (
        "COMPONENT CODE",
        "main",
        4,
    )
    assert "ZeroDivisionError" in result.traceback
    assert result.output_results_by_output_name == {}


def test_input_validation_exception_reports_the_invalid_input(run_tr):
    checker = component(
        "Check",
        {"x": "INT"},
        {"y": "INT"},
        "if x < 0:\n    raise ComponentInputValidationException('x must be >= 0', invalid_component_inputs=['x'], error_code=422)\nreturn {'y': x}",
        header="from hdutils import ComponentInputValidationException",
    )
    error = run_tr(checker, {"x": -1}).error
    assert error.type == "ComponentInputValidationException"
    assert error.error_code == 422
    assert error.extra_information["invalid_component_inputs"] == ["x"]


@pytest.mark.parametrize(
    ("body", "kind", "message"),
    [
        pytest.param("raise SystemExit(3)", "SystemExit", "3", id="sys-exit"),
        pytest.param(
            "return 5", "ComponentReturnedNoDict", "returned a int instead of a dict", id="not-a-dict"
        ),
        pytest.param(
            "return {}", "MissingOutputException", "declares output 'y' but did not return it", id="missing"
        ),
        pytest.param(
            "return {'y': 'five'}", "OutputTypeMismatch", "returned a str for output 'y'", id="wrong-type"
        ),
    ],
)
def test_bad_components_fail_the_run_not_the_process(run_tr, body, kind, message):
    error = run_tr(component("Bad", {"x": "INT"}, {"y": "INT"}, body), {"x": 1}).error
    assert error.type == kind
    assert message in error.message


def test_syntax_error_is_reported_while_parsing_the_workflow(run_tr):
    broken = component("Broken", {"x": "INT"}, {"y": "INT"}, "return {'y': x")
    error = run_tr(broken, {"x": 1}).error
    assert error.process_stage is ProcessStage.PARSING_WORKFLOW
    assert error.type == "SyntaxError"
    assert error.location.file == "COMPONENT CODE"


def test_unparsable_input_fails_at_parsing_and_names_the_input(run_tr):
    error = run_tr(add_component(), {"a": "two", "b": 1}).error
    assert error.process_stage is ProcessStage.PARSING_LOADED_DATA
    assert "input 'a' (INT)" in error.message


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        pytest.param({"a": 1}, "input(s) 'b' of Add 1.0.0 have no value", id="missing"),
        pytest.param({"a": 1, "b": 2, "c": 3}, "has no input(s) 'c'", id="unknown"),
    ],
)
def test_wiring_problems_raise(run_tr, inputs, message):
    with pytest.raises(InvalidWiring, match=message.replace("(", r"\(").replace(")", r"\)")):
        run_tr(add_component(), inputs)


def test_draft_operator_is_refused_at_run_time(run_tr):
    add, wf = chain()
    draft_add = add.model_copy(update={"state": State.DRAFT, "released_timestamp": None})
    error = run_tr(wf, {"x": 1}, draft_add).error
    assert error.process_stage is ProcessStage.PARSING_WORKFLOW
    assert "which is a DRAFT; release it first" in error.message


def test_pure_plot_operators_are_skipped_unless_asked(run_tr):
    plot = component("Plot", {"x": "INT"}, {"fig": "PLOTLYJSON"}, "return {'fig': {'data': [{'y': [x]}]}}")
    assert run_tr(plot, {"x": 1}).output_results_by_output_name == {"fig": {}}
    shown = run_tr(plot, {"x": 1}, run_pure_plot_operators=True)
    assert shown.output_results_by_output_name == {"fig": {"data": [{"y": [1]}]}}


def test_async_main_is_awaited(run_tr):
    waiter = component(
        "Wait",
        {"x": "INT"},
        {"y": "INT"},
        "await asyncio.sleep(0)\nreturn {'y': x + 1}",
        header="import asyncio",
        is_async=True,
    )
    assert run_tr(waiter, {"x": 1}).output_results_by_output_name == {"y": 2}


def test_series_outputs_with_nan_and_timestamps_encode_to_strict_json(run_tr):
    shift = component("Shift", {"s": "SERIES"}, {"t": "SERIES"}, "return {'t': s.shift(1)}")
    series = {"2026-01-01T00:00:00+00:00": 1.5, "2026-01-01T01:00:00+00:00": 2.5}
    result = run_tr(shift, {"s": json.dumps(series)})
    assert result.result == "ok", result.error
    encoded = json.dumps(result.output_results_by_output_name, allow_nan=False)
    from sealflow.code.values import parse_value

    back = parse_value(json.loads(encoded)["t"], "SERIES")
    assert math.isnan(back.iloc[0])
    assert back.iloc[1] == 1.5
    assert str(back.index[1]) == "2026-01-01 01:00:00+00:00"


def test_missing_code_fails_the_run_while_parsing(run_tr, code_source):
    lost = component("Lost", {"a": "INT"}, {"b": "INT"}, "return {'b': a}  # never stored")
    code_source.add = lambda *revisions: None
    error = run_tr(lost, {"a": 1}).error
    assert error.process_stage is ProcessStage.PARSING_WORKFLOW
    assert error.type == "CodeNotFound"
    assert "could not load the component code" in error.message
