from datetime import UTC, datetime, timedelta, timezone
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sealflow.errors import InvalidTransformation
from sealflow.model.datatypes import State
from sealflow.model.transformation import TransformationRevision, parse_transformation

RELEASED_AT = "2026-01-02T03:04:05+00:00"


def component_json(**overrides):
    data = {
        "id": str(uuid4()),
        "revision_group_id": str(uuid4()),
        "name": "Add",
        "version_tag": "1.0.0",
        "type": "COMPONENT",
        "state": "DRAFT",
        "content": "def main(*, a, b):\n    return {'sum': a + b}\n",
        "io_interface": {
            "inputs": [{"name": "a", "data_type": "INT"}, {"name": "b", "data_type": "INT"}],
            "outputs": [{"name": "sum", "data_type": "INT"}],
        },
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "field", "rule"),
    [
        pytest.param({"version_tag": ""}, "version_tag", "at least 1 character", id="empty-tag"),
        pytest.param({"version_tag": "x" * 21}, "version_tag", "at most 20 characters", id="long-tag"),
        pytest.param({"version_tag": "Latest"}, "version_tag", "'latest' is reserved", id="latest-tag"),
        pytest.param({"name": "a" * 61}, "name", "at most 60 characters", id="long-name"),
        pytest.param({"name": "semi;colon"}, "name", "should match pattern", id="bad-chars"),
        pytest.param({"state": "RELEASED"}, "(top level)", "needs a released_timestamp", id="released-no-ts"),
        pytest.param(
            {"released_timestamp": RELEASED_AT},
            "(top level)",
            "a DRAFT has no released_timestamp",
            id="draft-ts",
        ),
        pytest.param({"state": "DISABLED"}, "(top level)", "needs a disabled_timestamp", id="disabled-no-ts"),
        pytest.param({"type": "BOX"}, "type", "COMPONENT", id="bad-type"),
        pytest.param(
            {"content": {"operators": []}}, "(top level)", "must be its Python code", id="component-object"
        ),
        pytest.param(
            {"io_interface": {"inputs": [{"name": "class", "data_type": "INT"}]}},
            "io_interface.inputs.0.name",
            "not a valid Python identifier",
            id="keyword-name",
        ),
        pytest.param(
            {
                "io_interface": {
                    "inputs": [{"name": "a", "data_type": "INT"}, {"name": "a", "data_type": "INT"}]
                }
            },
            "io_interface.inputs",
            "used more than once",
            id="duplicate-input",
        ),
        pytest.param(
            {"io_interface": {"inputs": [{"name": "a", "data_type": "INT", "value": "1"}]}},
            "io_interface.inputs.0",
            "REQUIRED and so cannot have a default",
            id="required-default",
        ),
        pytest.param(
            {"io_interface": {"inputs": [{"name": "a", "data_type": "DECIMAL"}]}},
            "io_interface.inputs.0.data_type",
            "INT",
            id="unknown-data-type",
        ),
    ],
)
def test_validation_errors_name_field_and_rule(overrides, field, rule):
    with pytest.raises(InvalidTransformation) as info:
        parse_transformation(component_json(**overrides), "add.json")
    message = str(info.value)
    assert message.startswith("add.json is invalid:")
    assert any(
        line.strip().startswith(f"{field}:") and rule in line
        for line in message.split(": ", 1)[1].split("; ")
    ), message


def test_released_revision_needs_named_io():
    data = component_json(state="RELEASED", released_timestamp=RELEASED_AT)
    data["io_interface"]["outputs"].append({"name": None, "data_type": "INT"})
    with pytest.raises(InvalidTransformation, match="needs a name for every input and output"):
        parse_transformation(data)


def test_timestamps_are_normalised_to_utc():
    tr = parse_transformation(
        component_json(state="RELEASED", released_timestamp="2026-01-02T05:04:05+02:00")
    )
    assert tr.released_timestamp == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert tr.released_timestamp.utcoffset() == timedelta(0)


def test_disabled_defaults_released_timestamp_to_disabled_timestamp():
    tr = parse_transformation(component_json(state="DISABLED", disabled_timestamp=RELEASED_AT))
    assert tr.state is State.DISABLED
    assert tr.released_timestamp == tr.disabled_timestamp


def test_naive_timestamp_is_refused():
    with pytest.raises(InvalidTransformation, match="timestamps need an offset"):
        parse_transformation(component_json(state="RELEASED", released_timestamp="2026-01-02T03:04:05"))


def test_json_round_trip_keeps_every_field_and_omits_nulls():
    tr = parse_transformation(component_json(description="Adds two numbers", category="Arithmetic"))
    data = tr.to_json_dict()
    assert "released_timestamp" not in data
    assert TransformationRevision.model_validate(data) == tr
    assert data["content"] == component_json()["content"]


@given(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=20))
def test_any_word_tag_of_up_to_20_characters_is_accepted(tag):
    if tag.lower() != "latest":
        assert parse_transformation(component_json(version_tag=tag)).version_tag == tag


def test_other_offsets_survive_a_round_trip():
    tz = timezone(timedelta(hours=-5))
    tr = parse_transformation(
        component_json(state="RELEASED", released_timestamp=datetime(2026, 1, 1, tzinfo=tz).isoformat())
    )
    assert TransformationRevision.model_validate(tr.to_json_dict()) == tr
