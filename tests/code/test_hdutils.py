import json
import pickle
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

import hdutils
from hdutils import (
    MULTITSFRAME_COLUMN_NAMES,
    ComponentException,
    ComponentInputValidationException,
    DataType,
    MetaDataWrapped,
    WrappedModelWithCustomObjects,
    parse_default_value,
    parse_dynamically_from_datatypes,
    parse_single_value_dynamically,
    parse_value,
    plotly_fig_to_json_dict,
)
from sealflow.code.values import serialize_value
from sealflow.errors import ValueParseError
from sealflow.model import datatypes

COMPONENT_INFO: dict[str, Any] = {
    "inputs": {
        "data": {"data_type": "SERIES"},
        "window": {"data_type": "INT", "default_value": "3"},
        "factor": {"data_type": "FLOAT", "default_value": ""},
        "label": {"data_type": "STRING", "default_value": ""},
        "weights": {"data_type": "SERIES", "default_value": '{"2024-01-01T00:00:00Z": 0.5}'},
        "broken": {"data_type": "INT", "default_value": "3.7"},
        "plain": "FLOAT",
    },
    "outputs": {"result": {"data_type": "SERIES"}},
    "name": "Rolling mean",
}

COMPONENT_SOURCE = '''\
"""Documentation for Rolling mean"""
import pandas as pd

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "SERIES"},
        "window": {"data_type": "INT", "default_value": "2"},
        "frame": {"data_type": "DATAFRAME", "default_value": '{"a": {"0": 1.5, "1": 2.5}}'},
    },
    "outputs": {"result": {"data_type": "SERIES"}, "total": {"data_type": "FLOAT"}},
    "name": "Rolling mean",
    "category": "Examples",
    "version_tag": "1.0.0",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(
    *,
    data,
    window=parse_default_value(COMPONENT_INFO, "window"),
    frame=parse_default_value(COMPONENT_INFO, "frame"),
):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    from hdutils import ComponentInputValidationException

    if window < 1:
        raise ComponentInputValidationException(
            "window must be at least 1", invalid_component_inputs=["window"], error_code="WINDOW"
        )
    return {"result": data.rolling(window).mean(), "total": float(frame["a"].sum())}
'''


def test_data_type_has_hetida_aliases_without_changing_iteration() -> None:
    assert DataType.Integer is DataType.INT
    assert DataType.MultiTSFrame is DataType.MULTITSFRAME
    assert DataType.Any.value == "ANY"
    assert [member.value for member in DataType] == [member.value for member in datatypes.DataType]
    assert all(DataType(member) == member for member in datatypes.DataType)
    assert datatypes.DataType(DataType.PlotlyJson) is datatypes.DataType.PLOTLYJSON


def test_exports() -> None:
    assert sorted(hdutils.__all__) == sorted(set(hdutils.__all__))
    assert all(hasattr(hdutils, name) for name in hdutils.__all__)
    assert MULTITSFRAME_COLUMN_NAMES == ["timestamp", "metric", "value"]


@pytest.mark.parametrize(
    ("value", "data_type", "nullable", "expected"),
    [
        pytest.param("42", "INT", False, 42, id="int"),
        pytest.param("", "INT", True, None, id="empty-nullable"),
        pytest.param("null", DataType.Float, True, None, id="null-nullable"),
        pytest.param("yes", DataType.Boolean, False, True, id="alias-member"),
        pytest.param('["a"]', "ANY", False, ["a"], id="any"),
    ],
)
def test_parse_value(value: Any, data_type: str, nullable: bool, expected: Any) -> None:
    assert parse_value(value, data_type, nullable) == expected


def test_parse_value_refuses_unknown_type() -> None:
    with pytest.raises(ValueParseError, match="Unknown data type 'NUMBER'"):
        parse_value(1, "NUMBER", False)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("window", 3, id="int"),
        pytest.param("factor", None, id="empty-float"),
        pytest.param("label", "", id="empty-string"),
    ],
)
def test_parse_default_value(name: str, expected: Any) -> None:
    assert parse_default_value(COMPONENT_INFO, name) == expected


def test_parse_default_value_of_a_series() -> None:
    series = parse_default_value(COMPONENT_INFO, "weights")
    assert series.index.tz is not None
    assert series.tolist() == [0.5]


@pytest.mark.parametrize(
    ("name", "expected_text"),
    [
        pytest.param("broken", "Input 'broken': '3.7' is not a valid INT", id="bad-default"),
        pytest.param("data", "no default_value for the input 'data'", id="no-default"),
        pytest.param("plain", "no default_value for the input 'plain'", id="plain-type"),
        pytest.param("missing", "no input 'missing'", id="unknown-input"),
    ],
)
def test_parse_default_value_refuses(name: str, expected_text: str) -> None:
    with pytest.raises(ValueParseError, match=expected_text):
        parse_default_value(COMPONENT_INFO, name)


def test_parse_single_value_dynamically_names_the_input() -> None:
    assert parse_single_value_dynamically("x", "1.5", "FLOAT", False) == 1.5
    with pytest.raises(ValueParseError, match="Input 'x'") as caught:
        parse_single_value_dynamically("x", "abc", "FLOAT", False)
    assert caught.value.context["input_name"] == "x"


def test_parse_dynamically_from_datatypes_by_name() -> None:
    parsed = parse_dynamically_from_datatypes({"a": "1", "b": 2}, {"a": "INT", "b": DataType.String})
    assert parsed == {"a": 1, "b": "2"}


def test_parse_dynamically_from_datatypes_hetida_entries() -> None:
    entries = [
        {"name": "a", "type": DataType.Integer, "value": "null"},
        {"name": "b", "type": "ANY", "value": "[1]"},
    ]
    parsed = parse_dynamically_from_datatypes(entries, True)
    assert parsed.a is None
    assert parsed.dict() == {"a": None, "b": [1]}
    assert parsed.model_dump() == parsed


@pytest.mark.parametrize(
    ("inputs", "datatypes_by_name", "expected_text"),
    [
        pytest.param({"a": 1}, {}, "No data type given for the inputs 'a'", id="missing-type"),
        pytest.param({"a": 1}, None, "second argument", id="no-types"),
        pytest.param([{"name": "a"}], False, "Give each entry", id="bad-entry"),
        pytest.param({"a": "x"}, {"a": "INT"}, "Input 'a'", id="bad-value"),
    ],
)
def test_parse_dynamically_from_datatypes_refuses(
    inputs: Any, datatypes_by_name: Any, expected_text: str
) -> None:
    with pytest.raises(ValueParseError, match=expected_text):
        parse_dynamically_from_datatypes(inputs, datatypes_by_name)


def test_plotly_fig_to_json_dict_holds_only_json() -> None:
    figure = go.Figure(go.Scatter(x=np.arange(3), y=np.array([1.0, np.nan, 3.0])))
    figure_dict = plotly_fig_to_json_dict(figure)

    def plain(value: Any) -> bool:
        if isinstance(value, dict):
            return all(isinstance(key, str) and plain(item) for key, item in value.items())
        if isinstance(value, list):
            return all(plain(item) for item in value)
        return value is None or type(value) in (str, int, float, bool)

    assert plain(figure_dict)
    assert figure_dict["data"][0]["type"] == "scatter"
    json.dumps(figure_dict, allow_nan=False)


def test_component_exception() -> None:
    error = ComponentException("bad data", error_code=42, extra_information={"rows": [3]})
    assert str(error) == "bad data"
    assert error.error_code == 42
    assert error.extra_information == {"rows": [3]}
    assert ComponentException.__is_hetida_designer_exception__ is True
    assert ComponentException("plain").error_code == ""


def test_component_exception_refuses_odd_error_codes() -> None:
    with pytest.raises(TypeError, match="error_code must be an int or a str"):
        ComponentException("bad", error_code=1.5)  # type: ignore[arg-type]


def test_component_input_validation_exception() -> None:
    error = ComponentInputValidationException(
        "bad inputs", invalid_component_inputs=["a", "b"], error_code="E1"
    )
    assert isinstance(error, ComponentException)
    assert error.extra_information == {"invalid_component_inputs": ["a", "b"]}
    assert error.error_code == "E1"
    assert error.__is_hetida_designer_exception__ is True


def test_wrapped_model_survives_pickle() -> None:
    wrapped = WrappedModelWithCustomObjects({"weights": [1, 2]}, custom_objects={"loss": "mae"})
    assert WrappedModelWithCustomObjects(model=1).custom_objects == {}
    assert pickle.loads(pickle.dumps(wrapped)) == wrapped


def test_meta_data_wrapped_describes_written_pandas_objects() -> None:
    series = pd.Series([1.0], name="x")
    series.attrs = {"unit": "K"}
    wrapped = MetaDataWrapped.model_validate(serialize_value(series, datatypes.DataType.SERIES))
    assert wrapped.hd_wrapped_data_object__ == "SERIES"
    assert wrapped.metadata__ == {"unit": "K"}
    assert wrapped.data_parsing_options__["orient"] == "split"
    assert wrapped.model_dump(by_alias=True)["__data__"] == {"name": "x", "index": [0], "data": [1.0]}


def test_hetida_component_code_runs_unchanged() -> None:
    namespace: dict[str, Any] = {}
    exec(compile(COMPONENT_SOURCE, "COMPONENT CODE", "exec"), namespace)
    main = namespace["main"]

    result = main(data=pd.Series([1.0, 2.0, 4.0]))
    pd.testing.assert_series_equal(result["result"], pd.Series([np.nan, 1.5, 3.0]))
    assert result["total"] == 4.0

    with pytest.raises(ComponentInputValidationException) as caught:
        main(data=pd.Series([1.0]), window=0)
    assert caught.value.extra_information == {"invalid_component_inputs": ["window"]}
    assert caught.value.error_code == "WINDOW"


def test_legacy_register_decorator_keeps_the_function():
    source = (
        "from hdutils import register\n\n"
        "@register(inputs={'a': 'INT'}, outputs={'b': 'INT'})\n"
        "def main(*, a):\n    return {'b': a + 1}\n"
    )
    namespace: dict[str, object] = {}
    exec(compile(source, "<component>", "exec"), namespace)
    assert namespace["main"](a=1) == {"b": 2}
