"""New component files: they read back as the revision they describe, for every data type."""

from __future__ import annotations

import pytest

from sealflow.code.pyfile import transformation_from_code
from sealflow.code.scaffold import Connector, new_component
from sealflow.errors import InvalidInput
from sealflow.model.datatypes import DataType, InputType, State


def test_the_file_describes_the_returned_draft_with_every_data_type():
    inputs = [Connector(f"in_{t.lower()}", t) for t in DataType] + [Connector("k", DataType.INT, "4")]
    outputs = [Connector(f"out_{t.lower()}", t) for t in DataType]
    tr, text = new_component("All Types", inputs, outputs, category="Checks", version_tag="1.2.3")
    assert tr == transformation_from_code(text, "all_types.py")
    assert (tr.state, tr.category, tr.version_tag, tr.content) == (State.DRAFT, "Checks", "1.2.3", text)
    assert [i.type for i in tr.io_interface.inputs][-1] is InputType.OPTIONAL
    assert len(tr.test_wiring.input_wirings) == len(DataType)
    assert text.startswith('"""Documentation for All Types')


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        pytest.param("x", "input", "is not NAME:TYPE", id="no-type"),
        pytest.param(":SERIES", "input", "is not NAME:TYPE", id="no-name"),
        pytest.param("x:TIMESERIES", "input", "unknown type 'TIMESERIES'", id="unknown-type"),
        pytest.param("y:INT=3", "output", "only inputs have defaults", id="output-default"),
    ],
)
def test_bad_connector_options_say_what_to_write(text: str, kind: str, message: str):
    with pytest.raises(InvalidInput, match=message):
        Connector.parse(text, kind)


def test_types_are_case_insensitive_and_defaults_kept_as_text():
    assert Connector.parse("window:int=3", "input") == Connector("window", DataType.INT, "3")
