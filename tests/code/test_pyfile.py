import json
import keyword
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sealflow.code.codegen import TEST_WIRING, expand_code, generate_code
from sealflow.code.pyfile import IO_ID_NAMESPACE, io_id, transformation_from_code
from sealflow.errors import InvalidTransformation
from sealflow.model.datatypes import InputType, State
from sealflow.model.transformation import DOCUMENTATION_TEMPLATE, TransformationRevision

ID = "11111111-1111-4111-8111-111111111111"

COMPONENT = f'''\
"""Documentation for Add

# Add

Adds **two** numbers.
"""
import math

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {{
    "inputs": {{
        "a": {{"data_type": "FLOAT"}},
        "b": {{"data_type": "INT", "default_value": 2}},
        "label": "STRING",
    }},
    "outputs": {{"sum": {{"data_type": "FLOAT"}}}},
    "name": "Add",
    "category": "Arithmetic",
    "description": "Adds numbers",
    "version_tag": "2.0.0",
    "id": "{ID}",
    "revision_group_id": "22222222-2222-4222-8222-222222222222",
    "state": "RELEASED",
    "released_timestamp": "2024-01-31T12:00:00+00:00",
}}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, a, label, b=2):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {{"sum": math.fsum([a, b])}}


{TEST_WIRING} = {{
    "input_wirings": [{{"workflow_input_name": "a", "filters": {{"value": "1.5"}}}}],
}}
'''


def test_reads_a_component_file_without_running_it() -> None:
    tr = transformation_from_code(COMPONENT + "raise SystemExit('must not run')\n", "add.py")

    assert (tr.id, tr.name, tr.category, tr.description, tr.version_tag) == (
        UUID(ID),
        "Add",
        "Arithmetic",
        "Adds numbers",
        "2.0.0",
    )
    assert tr.state is State.RELEASED
    assert tr.released_timestamp == datetime(2024, 1, 31, 12, tzinfo=UTC)
    assert tr.documentation == "# Add\n\nAdds **two** numbers.\n"
    assert [(i.name, i.data_type, i.type, i.value) for i in tr.io_interface.inputs] == [
        ("a", "FLOAT", InputType.REQUIRED, None),
        ("b", "INT", InputType.OPTIONAL, "2"),
        ("label", "STRING", InputType.REQUIRED, None),
    ]
    assert [o.name for o in tr.io_interface.outputs] == ["sum"]
    assert tr.test_wiring.input_wirings[0].filters == {"value": "1.5"}


@pytest.mark.parametrize(
    "code",
    [
        pytest.param(COMPONENT, id="lf"),
        pytest.param(COMPONENT.replace("\n", "\r\n"), id="crlf"),
        pytest.param("\ufeff" + COMPONENT + "x = 1  \n\n\n", id="bom-and-trailing-space"),
    ],
)
def test_content_is_the_code_byte_for_byte(code: str) -> None:
    assert transformation_from_code(code).content == code


def test_missing_fields_get_the_exchange_format_defaults() -> None:
    before = datetime.now(UTC)

    tr = transformation_from_code("COMPONENT_INFO = {}\n")

    assert (tr.name, tr.description, tr.category, tr.version_tag) == (
        "Unnamed Component",
        "No description provided",
        "Other",
        "1.0.0",
    )
    assert tr.state is State.RELEASED
    assert tr.released_timestamp is not None
    assert before <= tr.released_timestamp <= datetime.now(UTC)
    assert tr.disabled_timestamp is None
    assert tr.id != transformation_from_code("COMPONENT_INFO = {}\n").id


@pytest.mark.parametrize(
    ("state", "released", "disabled"),
    [
        pytest.param("DRAFT", False, False, id="draft"),
        pytest.param("RELEASED", True, False, id="released"),
        pytest.param("DISABLED", True, True, id="disabled"),
    ],
)
def test_timestamps_default_to_now_by_state(state: str, released: bool, disabled: bool) -> None:
    tr = transformation_from_code(f'COMPONENT_INFO = {{"state": "{state}"}}\n')

    assert (tr.released_timestamp is not None, tr.disabled_timestamp is not None) == (released, disabled)
    if disabled:
        assert tr.disabled_timestamp is not None
        assert datetime.now(UTC) - tr.disabled_timestamp < timedelta(minutes=1)


@pytest.mark.parametrize(
    ("data_type", "default_value", "value"),
    [
        pytest.param("STRING", "'text'", "text", id="string-kept"),
        pytest.param("STRING", "''", "", id="string-empty-kept"),
        pytest.param("ANY", "'[1, 2]'", "[1, 2]", id="any-text-kept"),
        pytest.param("ANY", "[1, 2]", "[1, 2]", id="any-list-as-json"),
        pytest.param("INT", "2", "2", id="int"),
        pytest.param("FLOAT", "2.5", "2.5", id="float"),
        pytest.param("BOOLEAN", "True", "true", id="bool"),
        pytest.param("SERIES", "{'2020-01-01T00:00:00Z': 1.0}", '{"2020-01-01T00:00:00Z": 1.0}', id="series"),
        pytest.param("PLOTLYJSON", "(1, 'x')", '[1, "x"]', id="tuple-as-list"),
        pytest.param("FLOAT", "'2.5'", '"2.5"', id="text-of-other-type-as-json"),
        pytest.param("FLOAT", "None", None, id="none"),
    ],
)
def test_default_value_is_stored_as_text(data_type: str, default_value: str, value: Any) -> None:
    code = f'COMPONENT_INFO = {{"inputs": {{"x": {{"data_type": "{data_type}", "default_value": {default_value}}}}}}}\n'

    (inp,) = transformation_from_code(code).io_interface.inputs

    assert inp.type is InputType.OPTIONAL
    assert inp.value == value


def test_io_ids_are_stable_uuid5_unless_given() -> None:
    code = COMPONENT.replace(
        '"label": "STRING"', '"label": {"data_type": "STRING", "id": "33333333-3333-4333-8333-333333333333"}'
    )

    first, second = transformation_from_code(code), transformation_from_code(code)

    assert first.io_interface == second.io_interface
    a, _, label = first.io_interface.inputs
    assert a.id == io_id(UUID(ID), "input", "a")
    assert a.id.version == 5
    assert label.id == UUID("33333333-3333-4333-8333-333333333333")
    assert (
        first.io_interface.outputs[0].id
        == io_id(UUID(ID), "output", "sum")
        != io_id(UUID(ID), "input", "sum")
    )
    assert io_id(UUID(ID), "input", "a") != io_id(UUID(int=0), "input", "a")
    # pinned: changing the derivation would change the ids of every component read before
    assert a.id == UUID("412edb9a-2977-5e7b-88c5-4d7ffe3365bf")
    assert UUID("14d85a66-b186-4fe5-af1d-c290b936edfd") == IO_ID_NAMESPACE


@pytest.mark.parametrize(
    ("docstring", "documentation"),
    [
        pytest.param(
            '"""Documentation for X\n\nLine 3\n\n  Line 5"""', "Line 3\n\n  Line 5", id="export-layout"
        ),
        pytest.param(
            '"""Adds numbers.\n\n    Indented details.\n    """',
            "Adds numbers.\n\nIndented details.",
            id="plain",
        ),
        pytest.param(
            '"""Documentation for X"""',
            DOCUMENTATION_TEMPLATE.format(name="Unnamed Component", description="No description provided"),
            id="heading-only",
        ),
        pytest.param(
            "x = 1",
            DOCUMENTATION_TEMPLATE.format(name="Unnamed Component", description="No description provided"),
            id="none",
        ),
    ],
)
def test_documentation_comes_from_the_module_docstring(docstring: str, documentation: str) -> None:
    tr = transformation_from_code(f"{docstring}\nCOMPONENT_INFO = {{}}\n")

    assert tr.documentation == documentation


@pytest.mark.parametrize(
    ("code", "message"),
    [
        pytest.param("x = 1\ndef (:\n", r"^comp\.py, line 2: .*; fix the syntax there", id="syntax-error"),
        pytest.param(
            "x = 1\n", r"^comp\.py has no top-level assignment COMPONENT_INFO = \{\.\.\.\}", id="missing"
        ),
        pytest.param(
            "def f():\n    COMPONENT_INFO = {}\n",
            r"^comp\.py has no top-level assignment",
            id="only-in-function",
        ),
        pytest.param(
            "x = 1\nCOMPONENT_INFO = dict(a=1)\n",
            r"^comp\.py, line 2: COMPONENT_INFO must be a literal",
            id="call",
        ),
        pytest.param(
            "COMPONENT_INFO = [1]\n",
            r"^comp\.py, line 1: COMPONENT_INFO is a list; make it a dict",
            id="list",
        ),
        pytest.param(
            'COMPONENT_INFO = {"inputs": {"x": {"data_type": "FLAOT"}}}\n',
            r"^comp\.py: input 'x' in COMPONENT_INFO has the data_type 'FLAOT'; use one of INT, FLOAT",
            id="data-type",
        ),
        pytest.param(
            'COMPONENT_INFO = {"outputs": {"y": {}}}\n',
            r"^comp\.py: output 'y' in COMPONENT_INFO needs a name and a data_type",
            id="no-data-type",
        ),
        pytest.param(
            'COMPONENT_INFO = {"inputs": ["x"]}\n',
            r'^comp\.py: COMPONENT_INFO\["inputs"\] must map',
            id="inputs-list",
        ),
        pytest.param(
            'COMPONENT_INFO = {"inputs": {"x": {"data_type": "ANY", "default_value": {1, 2}}}}\n',
            r"^comp\.py: the default_value of input 'x' in COMPONENT_INFO cannot be stored as JSON",
            id="set-default",
        ),
        pytest.param(
            'COMPONENT_INFO = {"id": "nope"}\n',
            r"^comp\.py: the id 'nope' in COMPONENT_INFO is no UUID",
            id="id",
        ),
        pytest.param(
            'COMPONENT_INFO = {"inputs": {"class": "INT"}}\n',
            r"(?s)^comp\.py is invalid:.*io_interface\.inputs\.0\.name: 'class' is not a valid Python identifier",
            id="keyword-name",
        ),
        pytest.param(
            'COMPONENT_INFO = {"state": "DRAFT", "released_timestamp": "2024-01-31T12:00:00+00:00"}\n',
            r"(?s)^comp\.py is invalid:.*a DRAFT has no released_timestamp",
            id="draft-with-timestamp",
        ),
        pytest.param(
            f'COMPONENT_INFO = {{}}\n\n{TEST_WIRING} = {{"input_wirings": [{{"filters": {{}}}}]}}\n',
            r"(?s)^comp\.py, line 3: TEST_WIRING_FROM_PY_FILE_IMPORT is invalid:"
            r".*input_wirings\.0\.workflow_input_name: Field required",
            id="wiring-field",
        ),
        pytest.param(
            f"COMPONENT_INFO = {{}}\n{TEST_WIRING} = WIRING\n",
            r"^comp\.py, line 2: TEST_WIRING_FROM_PY_FILE_IMPORT must be a literal",
            id="wiring-not-literal",
        ),
    ],
)
def test_unreadable_file_is_reported_with_source_and_fix(code: str, message: str) -> None:
    with pytest.raises(InvalidTransformation, match=message):
        transformation_from_code(code, "comp.py")


def test_the_last_top_level_assignment_counts() -> None:
    code = 'COMPONENT_INFO = {"name": "First"}\nCOMPONENT_INFO: dict = {"name": "Second"}\n'

    assert transformation_from_code(code).name == "Second"


identifiers = st.from_regex(r"[a-z_][a-z0-9_]{0,20}", fullmatch=True).filter(
    lambda s: not keyword.iskeyword(s)
)
json_objects = st.dictionaries(
    st.text(max_size=5),
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    max_size=3,
).map(json.dumps)
stored_defaults = {
    "INT": st.integers().map(json.dumps),
    "FLOAT": st.floats(allow_nan=False, allow_infinity=False).map(json.dumps),
    "BOOLEAN": st.sampled_from(["true", "false"]),
    "STRING": st.text(),
    "ANY": st.text(),
    "SERIES": json_objects,
    "DATAFRAME": json_objects,
    "MULTITSFRAME": json_objects,
    "PLOTLYJSON": json_objects,
}


@st.composite
def inputs(draw: st.DrawFn) -> dict[str, Any]:
    data_type = draw(st.sampled_from(sorted(stored_defaults)))
    if draw(st.booleans()):
        return {"data_type": data_type}
    value = draw(st.none() | stored_defaults[data_type])
    return {"data_type": data_type, "type": "OPTIONAL", "value": value}


@st.composite
def revisions(draw: st.DrawFn) -> TransformationRevision:
    names = draw(st.lists(identifiers, max_size=6, unique=True))
    outputs = draw(st.lists(identifiers, max_size=4, unique=True))
    state = draw(st.sampled_from(["DRAFT", "RELEASED", "DISABLED"]))
    moment = draw(st.datetimes(timezones=st.just(UTC)))
    return TransformationRevision.model_validate(
        {
            "name": draw(st.from_regex(r"[A-Za-z][\w ,.()&+=/-]{0,30}", fullmatch=True)),
            "description": draw(st.from_regex(r"[\w ,.()&+=/-]{0,40}", fullmatch=True)),
            "category": "Tests",
            "version_tag": draw(st.from_regex(r"[0-9]{1,3}\.[0-9]{1,3}", fullmatch=True)),
            "state": state,
            "released_timestamp": None if state == "DRAFT" else moment,
            "disabled_timestamp": moment if state == "DISABLED" else None,
            "documentation": draw(st.text()),
            "type": "COMPONENT",
            "content": "",
            "io_interface": {
                "inputs": [{"name": name, **draw(inputs())} for name in names],
                "outputs": [{"name": name, "data_type": "ANY"} for name in outputs],
            },
            "test_wiring": {"input_wirings": [{"workflow_input_name": name} for name in names[:2]]},
        }
    )


@settings(max_examples=80, deadline=None)
@given(revisions())
def test_generated_code_reads_back_as_the_revision(tr: TransformationRevision) -> None:
    code = expand_code(generate_code(tr), tr)

    read = transformation_from_code(code, "component.py")

    assert read.content == code
    fields = ["id", "revision_group_id", "name", "description", "category", "version_tag", "state"]
    fields += ["released_timestamp", "disabled_timestamp", "documentation", "test_wiring"]
    assert {f: getattr(read, f) for f in fields} == {f: getattr(tr, f) for f in fields}
    assert [(i.name, i.data_type, i.type, i.value) for i in read.io_interface.inputs] == [
        (i.name, i.data_type, i.type, i.value) for i in tr.io_interface.inputs
    ]
    assert [(o.name, o.data_type) for o in read.io_interface.outputs] == [
        (o.name, o.data_type) for o in tr.io_interface.outputs
    ]
    assert generate_code(read) == generate_code(tr)
    assert transformation_from_code(code).io_interface == read.io_interface
