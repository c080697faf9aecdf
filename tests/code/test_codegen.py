import ast
import inspect
import json
import keyword
import subprocess
import sys
import types
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sealflow.code.codegen import (
    END_MARKER,
    START_MARKER,
    TEST_WIRING,
    component_info,
    expand_code,
    generate_code,
    update_code,
)
from sealflow.errors import InvalidTransformation
from sealflow.model.transformation import TransformationRevision

RELEASED_AT = datetime(2024, 1, 31, 12, 0, tzinfo=UTC)


def component(
    inputs: list[dict[str, Any]] | None = None, outputs: list[str] | None = None, **fields: Any
) -> TransformationRevision:
    """A component revision with the given inputs and FLOAT outputs."""
    data: dict[str, Any] = {
        "id": "11111111-1111-4111-8111-111111111111",
        "revision_group_id": "22222222-2222-4222-8222-222222222222",
        "name": "Add",
        "category": "Arithmetic",
        "description": "Adds two numbers",
        "version_tag": "1.0.0",
        "type": "COMPONENT",
        "content": "",
        "io_interface": {
            "inputs": inputs if inputs is not None else [{"name": "a", "data_type": "FLOAT"}],
            "outputs": [
                {"name": name, "data_type": "FLOAT"} for name in (outputs if outputs is not None else ["sum"])
            ],
        },
        **fields,
    }
    return TransformationRevision.model_validate(data)


def optional(name: str, data_type: str, value: Any) -> dict[str, Any]:
    return {"name": name, "data_type": data_type, "type": "OPTIONAL", "value": value}


@pytest.fixture
def hdutils_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``from hdutils import parse_default_value`` work, with a stub if hdutils lacks it."""
    import hdutils

    if not hasattr(hdutils, "parse_default_value"):
        stub = types.ModuleType("hdutils")

        def parse_default_value(info: dict[str, Any], name: str) -> Any:
            return info["inputs"][name]["default_value"]

        stub.__dict__["parse_default_value"] = parse_default_value
        monkeypatch.setitem(sys.modules, "hdutils", stub)


def run(code: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "component"}
    exec(compile(code, "<component>", "exec"), namespace)
    return namespace


def ruff_formatted(code: str) -> str:
    ruff = pytest.importorskip("ruff")
    result = subprocess.run(
        [ruff.find_ruff_bin(), "format", "--isolated", "-"],
        input=code,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def section(code: str) -> str:
    start = code.index(START_MARKER)
    end = code.index(END_MARKER) + len(END_MARKER)
    return code[start:end]


@pytest.mark.parametrize(
    ("inputs", "required", "optional_defaults"),  # ... stands for a default parsed at run time
    [
        pytest.param([], [], {}, id="no-inputs"),
        pytest.param([{"name": "a", "data_type": "FLOAT"}], ["a"], {}, id="one-required"),
        pytest.param(
            [optional("b", "INT", "2"), {"name": "a", "data_type": "FLOAT"}, optional("c", "STRING", "x")],
            ["a"],
            {"b": 2, "c": "x"},
            id="required-before-optional",
        ),
        pytest.param(
            [optional("s", "SERIES", '{"2020-01-01T00:00:00Z": 1.0}'), optional("n", "ANY", "")],
            [],
            {"s": ..., "n": ...},
            id="parsed-at-run-time",
        ),
        pytest.param(
            [{"name": f"input_number_{n}", "data_type": "FLOAT"} for n in range(8)],
            [f"input_number_{n}" for n in range(8)],
            {},
            id="one-parameter-a-line",
        ),
    ],
)
@pytest.mark.usefixtures("hdutils_module")
def test_generated_main_has_keyword_only_parameters_in_io_order(
    inputs: list[dict[str, Any]], required: list[str], optional_defaults: dict[str, Any]
) -> None:
    namespace = run(generate_code(component(inputs, outputs=["sum", "count"])))

    parameters = inspect.signature(namespace["main"]).parameters.values()
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters)
    assert [p.name for p in parameters if p.default is inspect.Parameter.empty] == required
    defaults = {p.name: p.default for p in parameters if p.default is not inspect.Parameter.empty}
    assert defaults.keys() == optional_defaults.keys()
    assert all(defaults[n] == value for n, value in optional_defaults.items() if value is not ...)
    assert [p.name for p in parameters][: len(required)] == required
    assert namespace["main"](**dict.fromkeys(required, 1.0)) == {"sum": None, "count": None}


@pytest.mark.parametrize(
    ("data_type", "stored", "default_value", "parameter"),
    [
        pytest.param("INT", "2", 2, "x=2", id="int-text"),
        pytest.param("INT", 3, 3, "x=3", id="int-number"),
        pytest.param("INT", "3.0", 3, "x=3", id="int-whole-float"),
        pytest.param("INT", "", None, "x=None", id="int-empty"),
        pytest.param("FLOAT", "2.5", 2.5, "x=2.5", id="float-text"),
        pytest.param("FLOAT", 1, 1.0, "x=1.0", id="float-from-int"),
        pytest.param("FLOAT", None, None, "x=None", id="float-none"),
        pytest.param("BOOLEAN", "true", True, "x=True", id="bool-json"),
        pytest.param("BOOLEAN", "off", False, "x=False", id="bool-word"),
        pytest.param("BOOLEAN", False, False, "x=False", id="bool-value"),
        pytest.param("STRING", "abc", "abc", 'x="abc"', id="string"),
        pytest.param("STRING", "", "", 'x=""', id="string-empty"),
        pytest.param("STRING", 5, "5", 'x="5"', id="string-from-number"),
        pytest.param("STRING", 'say "hi"', 'say "hi"', "x='say \"hi\"'", id="string-quotes"),
        pytest.param("STRING", "a\\b\n", "a\\b\n", 'x="a\\\\b\\n"', id="string-escapes"),
        pytest.param("PLOTLYJSON", '{"data": []}', {"data": []}, 'x={"data": []}', id="plotly"),
        pytest.param(
            "SERIES",
            "[1, 2]",
            [1, 2],
            'x=parse_default_value(COMPONENT_INFO, "x")',
            id="series",
        ),
        pytest.param("DATAFRAME", "", None, "x=None", id="dataframe-empty"),
        pytest.param("ANY", "", "", 'x=parse_default_value(COMPONENT_INFO, "x")', id="any-empty-kept"),
        pytest.param(
            "ANY", {"k": 1}, {"k": 1}, 'x=parse_default_value(COMPONENT_INFO, "x")', id="any-object"
        ),
    ],
)
def test_defaults_are_parsed_by_type(data_type: str, stored: Any, default_value: Any, parameter: str) -> None:
    tr = component([optional("x", data_type, stored)])

    assert component_info(tr)["inputs"]["x"] == {"data_type": data_type, "default_value": default_value}
    assert f"def main(*, {parameter}):" in generate_code(tr)


@pytest.mark.parametrize(
    ("data_type", "stored", "problem"),
    [
        pytest.param("INT", "3.7", "is no whole number", id="int-fraction"),
        pytest.param("INT", "true", "is no whole number", id="int-bool"),
        pytest.param("FLOAT", "abc", "is no valid JSON", id="float-text"),
        pytest.param("FLOAT", "NaN", "is no finite number", id="float-nan"),
        pytest.param("BOOLEAN", "maybe", "is no boolean", id="bool-word"),
        pytest.param("PLOTLYJSON", "[1]", "is no JSON object", id="plotly-list"),
        pytest.param("SERIES", '{"a": NaN}', "has no literal", id="series-nan"),
    ],
)
def test_unusable_default_names_the_input(data_type: str, stored: Any, problem: str) -> None:
    tr = component([optional("x", data_type, stored)])

    with pytest.raises(InvalidTransformation, match=problem) as caught:
        generate_code(tr)
    assert "input 'x'" in str(caught.value)
    assert "change the default or the data type" in str(caught.value)


def test_unnamed_input_cannot_be_generated() -> None:
    tr = component([{"name": None, "data_type": "INT"}])

    with pytest.raises(InvalidTransformation, match=r"input 1 of component 'Add' .* has no name"):
        generate_code(tr)


def test_workflow_has_no_code() -> None:
    workflow = TransformationRevision(name="Flow", version_tag="1", type="WORKFLOW", content={})

    with pytest.raises(InvalidTransformation, match="is a workflow"):
        generate_code(workflow)


def test_component_info_holds_state_and_timestamps() -> None:
    released = component(state="RELEASED", released_timestamp=RELEASED_AT)
    disabled = component(state="DISABLED", released_timestamp=RELEASED_AT, disabled_timestamp=RELEASED_AT)

    assert component_info(released)["released_timestamp"] == "2024-01-31T12:00:00+00:00"
    assert "disabled_timestamp" not in component_info(released)
    assert component_info(disabled)["disabled_timestamp"] == "2024-01-31T12:00:00+00:00"
    # the state is part of the code, which is why code is never regenerated on release or disable
    assert generate_code(component()) != generate_code(released)


def test_generated_module_layout() -> None:
    code = generate_code(component([{"name": "a", "data_type": "FLOAT"}, optional("b", "INT", "2")]))

    assert code.endswith('    return {"sum": None}\n')
    assert (
        "# ***** DO NOT EDIT LINES BELOW *****\n"
        "# These lines may be overwritten if component details or inputs/outputs change.\n"
        "COMPONENT_INFO = {\n"
        '    "inputs": {\n'
        '        "a": {"data_type": "FLOAT"},\n'
        '        "b": {"data_type": "INT", "default_value": 2},\n'
        "    },\n"
    ) in code
    assert (
        "}\n\nfrom hdutils import parse_default_value  # noqa: E402, F401\n\n\n"
        "def main(*, a, b=2):\n"
        "    # entrypoint function for this component\n"
        "    # ***** DO NOT EDIT LINES ABOVE *****\n"
    ) in code


@pytest.mark.parametrize(
    "tr",
    [
        pytest.param(component(), id="simple"),
        pytest.param(component([], outputs=[]), id="empty"),
        pytest.param(
            component(
                [
                    optional("measurement_series_with_gaps", "SERIES", "[1]"),
                    optional(
                        "a_parameter_whose_name_is_long_enough_to_break_even_the_call_line_x", "ANY", "1"
                    ),
                    optional("figure", "PLOTLYJSON", json.dumps({f"key_{n}": "v" * 10 for n in range(6)})),
                    optional("quote", "STRING", 'it\'s "quoted" \x1b 日本語'),
                ],
                outputs=[f"output_with_a_long_name_{n}" for n in range(5)],
            ),
            id="long-lines",
        ),
        pytest.param(
            component(
                state="DISABLED",
                released_timestamp=RELEASED_AT,
                disabled_timestamp=RELEASED_AT,
                documentation='# Add\n\nUse "x" and C:\\path; also """ and a trailing "',
                test_wiring={
                    "input_wirings": [{"workflow_input_name": "a", "filters": {"value": "1.5"}}],
                    "output_wirings": [{"workflow_output_name": "sum"}],
                },
            ),
            id="disabled-with-wiring",
        ),
    ],
)
def test_generated_and_expanded_code_is_ruff_formatted(tr: TransformationRevision) -> None:
    code = generate_code(tr)
    expanded = expand_code(code, tr)

    assert ruff_formatted(code) == code
    assert ruff_formatted(expanded) == expanded


identifiers = st.from_regex(r"[a-z_][a-z0-9_]{0,30}", fullmatch=True).filter(
    lambda s: not keyword.iskeyword(s)
)
io_entries = st.lists(
    st.tuples(identifiers, st.sampled_from(["INT", "FLOAT", "STRING", "SERIES", "ANY"]), st.booleans()),
    max_size=8,
    unique_by=lambda entry: entry[0],
)


def interface(entries: list[tuple[str, str, bool]]) -> TransformationRevision:
    inputs = [
        optional(n, t, None) if is_optional else {"name": n, "data_type": t} for n, t, is_optional in entries
    ]
    return component(inputs, outputs=[n for n, _, _ in entries])


@settings(max_examples=60, deadline=None)
@given(io_entries)
def test_generated_code_is_valid_and_deterministic(entries: list[tuple[str, str, bool]]) -> None:
    tr = interface(entries)
    code = generate_code(tr)

    tree = ast.parse(code)
    main = next(node for node in tree.body if isinstance(node, ast.FunctionDef))
    assert [a.arg for a in main.args.kwonlyargs] == [n for n, _, o in entries if not o] + [
        n for n, _, o in entries if o
    ]
    assert code == generate_code(tr.model_copy(deep=True))
    assert update_code(code, tr) == code


USER_CODE = """\
import math  # user import

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {"inputs": {}, "outputs": {}}
def main():
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    total = math.fsum([a])
    return {"sum": total}


def helper(x):
    return x
"""


@pytest.mark.usefixtures("hdutils_module")
def test_update_replaces_only_the_generated_section() -> None:
    tr = component([{"name": "a", "data_type": "FLOAT"}, optional("b", "INT", "2")])

    updated = update_code(USER_CODE, tr)

    head, tail = USER_CODE.split(START_MARKER)[0], USER_CODE.split(END_MARKER)[1]
    assert updated == head + section(generate_code(tr)) + tail
    assert run(updated)["main"](a=1.5) == {"sum": 1.5}
    assert update_code(updated, tr) == updated


@pytest.mark.parametrize(
    "newline",
    [pytest.param("\n", id="lf"), pytest.param("\r\n", id="crlf")],
)
def test_update_keeps_async_and_line_endings(newline: str) -> None:
    code = USER_CODE.replace("def main():", "async def main():").replace("\n", newline)
    tr = component()

    updated = update_code(code, tr)

    assert f"{newline}async def main(*, a):{newline}" in updated
    assert updated.count("\r\n") == (updated.count("\n") if newline == "\r\n" else 0)
    assert updated.endswith(code.split(END_MARKER)[1])
    assert update_code(updated, tr) == updated


@pytest.mark.parametrize("code", [pytest.param("", id="empty"), pytest.param(" \n\n", id="blank")])
def test_update_of_empty_code_generates_a_module(code: str) -> None:
    assert update_code(code, component()) == generate_code(component())


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("def main(a):\n    return {}\n", id="def"),
        pytest.param("async def main(a):\n    return {}\n", id="async-def"),
        pytest.param("from elsewhere import main\n", id="import"),
        pytest.param("main = print\n", id="assignment"),
        pytest.param("def main(a):\n    return {\n", id="syntax-error"),
    ],
)
def test_update_refuses_code_that_defines_main_without_markers(code: str) -> None:
    with pytest.raises(
        InvalidTransformation, match="defines main but has no generated section; add the line"
    ):
        update_code(code, component())


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("import math", id="no-newline"),
        pytest.param("import math\n", id="one-newline"),
        pytest.param("import math\n\n\n\n\n", id="many-newlines"),
        pytest.param("def helper():\n    return 1\n", id="other-function"),
    ],
)
def test_update_appends_the_section_when_there_is_no_main(code: str) -> None:
    tr = component()

    updated = update_code(code, tr)

    assert updated.startswith(code)
    assert updated.endswith(section(generate_code(tr)) + '\n    return {"sum": None}\n')
    compile(updated, "<component>", "exec")
    assert update_code(updated, tr) == updated


def test_update_refuses_a_start_marker_without_end_marker() -> None:
    code = USER_CODE.replace(END_MARKER, "# edited")

    with pytest.raises(InvalidTransformation, match=r"no line '# \*{5} DO NOT EDIT LINES ABOVE"):
        update_code(code, component())


def test_update_refuses_two_start_markers() -> None:
    code = USER_CODE + "\n" + START_MARKER + "\n"

    with pytest.raises(InvalidTransformation, match="2 times; keep only the one above COMPONENT_INFO"):
        update_code(code, component())


def test_update_follows_a_changed_interface_and_back() -> None:
    old, new = component(), component([{"name": "x", "data_type": "INT"}, optional("y", "STRING", "")])
    code = generate_code(old)

    changed = update_code(code, new)

    assert 'def main(*, x, y=""):' in changed
    assert update_code(changed, old) == code


EXPANDABLE = f"""\
import math

{TEST_WIRING} = {{"input_wirings": []}}
LATER = 1


def main(*, a):
    inner = 2
    return {{"sum": a + LATER + inner}}


AFTER = "kept"
"""


def test_expand_keeps_every_other_assignment() -> None:
    tr = component(test_wiring={"input_wirings": [{"workflow_input_name": "a", "filters": {"value": "1"}}]})

    expanded = expand_code(EXPANDABLE, tr)

    body = expanded.split('"""\n\n', 1)[1]
    before, after = EXPANDABLE.split(f"{TEST_WIRING} = ")
    assert body.startswith(before + f"{TEST_WIRING} = {{\n")
    assert body.endswith(after.split("\n", 1)[1])
    assert "LATER = 1" in body
    assert "inner = 2" in body
    assert 'AFTER = "kept"' in body
    assert expand_code(expanded, tr) == expanded


def test_expand_adds_docstring_and_wiring() -> None:
    tr = component(documentation="# Add\n\nAdds.")
    code = generate_code(tr)

    expanded = expand_code(code, tr)

    assert expanded.startswith('"""Documentation for Add\n\n# Add\n\nAdds."""\n\n' + code)
    assert expanded.endswith(f"\n\n\n{TEST_WIRING} = {{}}\n")
    assert expand_code(expanded, tr) == expanded


def test_expand_keeps_an_existing_docstring() -> None:
    code = "'''Own words.'''\nx = 1\n"

    assert expand_code(code, component()) == code + f"\n\n{TEST_WIRING} = {{}}\n"


def test_expand_replaces_an_annotated_wiring_in_place() -> None:
    code = f'"""Doc."""\n{TEST_WIRING}: dict = {{"bad": 1}}; x = 1\n'

    assert expand_code(code, component()) == f'"""Doc."""\n{TEST_WIRING}: dict = {{}}; x = 1\n'


def test_expand_refuses_code_with_a_syntax_error() -> None:
    with pytest.raises(InvalidTransformation, match=r"line 2: .*fix the syntax"):
        expand_code("x = 1\ndef (:\n", component())
