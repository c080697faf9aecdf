import datetime as dt
import io
import json
import math
from typing import Any
from uuid import UUID

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sealflow.code.values import parse_value, plotly_fig_to_json_dict, serialize_value
from sealflow.errors import InvalidInput, SealflowError, ValueParseError, ValueSerializationError
from sealflow.model.datatypes import DataType

NS_MIN, NS_MAX = -(9 * 10**18), 9 * 10**18


def through_json(value: Any, data_type: DataType) -> Any:
    """What parse_value gives for the value after it went out as JSON and came back."""
    text = json.dumps(serialize_value(value, data_type), allow_nan=False)
    return parse_value(json.loads(text), data_type)


def utc(*texts: str) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(pd.to_datetime(list(texts), utc=True, format="ISO8601")).as_unit("ns")


# Scalars -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "data_type", "expected"),
    [
        pytest.param(42, DataType.INT, 42, id="int"),
        pytest.param("42", DataType.INT, 42, id="int-text"),
        pytest.param(" -7 ", DataType.INT, -7, id="int-text-padded"),
        pytest.param(3.0, DataType.INT, 3, id="int-whole-float"),
        pytest.param("3.0", DataType.INT, 3, id="int-whole-float-text"),
        pytest.param("1e3", DataType.INT, 1000, id="int-exponent-text"),
        pytest.param('"42"', DataType.INT, 42, id="int-quoted-json"),
        pytest.param(np.int32(5), DataType.INT, 5, id="int-numpy"),
        pytest.param(12345678901234567890, DataType.INT, 12345678901234567890, id="int-big"),
        pytest.param(1.5, DataType.FLOAT, 1.5, id="float"),
        pytest.param(2, DataType.FLOAT, 2.0, id="float-from-int"),
        pytest.param("1.5", DataType.FLOAT, 1.5, id="float-text"),
        pytest.param("inf", DataType.FLOAT, math.inf, id="float-inf"),
        pytest.param("-Infinity", DataType.FLOAT, -math.inf, id="float-minus-infinity"),
        pytest.param(np.float32(0.5), DataType.FLOAT, 0.5, id="float-numpy"),
        pytest.param("plain text", DataType.STRING, "plain text", id="string"),
        pytest.param('"quoted"', DataType.STRING, '"quoted"', id="string-verbatim"),
        pytest.param(5, DataType.STRING, "5", id="string-from-int"),
        pytest.param(1.5, DataType.STRING, "1.5", id="string-from-float"),
        pytest.param(True, DataType.BOOLEAN, True, id="bool"),
        pytest.param(0, DataType.BOOLEAN, False, id="bool-zero"),
        pytest.param(1, DataType.BOOLEAN, True, id="bool-one"),
        pytest.param("TRUE", DataType.BOOLEAN, True, id="bool-text-upper"),
        pytest.param("no", DataType.BOOLEAN, False, id="bool-no"),
        pytest.param("Yes", DataType.BOOLEAN, True, id="bool-yes"),
        pytest.param("0", DataType.BOOLEAN, False, id="bool-zero-text"),
        pytest.param({"data": []}, DataType.PLOTLYJSON, {"data": []}, id="plotly-dict"),
        pytest.param('{"data": []}', DataType.PLOTLYJSON, {"data": []}, id="plotly-text"),
        pytest.param('{"a": [1, 2]}', DataType.ANY, {"a": [1, 2]}, id="any-json"),
        pytest.param('"[1, 2]"', DataType.ANY, [1, 2], id="any-double-encoded"),
        pytest.param('"not json"', DataType.ANY, "not json", id="any-quoted-text"),
        pytest.param("not json", DataType.ANY, "not json", id="any-plain-text"),
        pytest.param("", DataType.ANY, "", id="any-empty"),
        pytest.param(None, DataType.ANY, None, id="any-null"),
        pytest.param([1, "a"], DataType.ANY, [1, "a"], id="any-list"),
    ],
)
def test_parse_scalar(value: Any, data_type: DataType, expected: Any) -> None:
    parsed = parse_value(value, data_type)
    assert parsed == expected
    assert type(parsed) is type(expected)


@pytest.mark.parametrize(
    ("value", "data_type", "expected_text"),
    [
        pytest.param(3.7, DataType.INT, "whole number", id="int-fraction"),
        pytest.param("3.7", DataType.INT, "whole number", id="int-fraction-text"),
        pytest.param(True, DataType.INT, "not a boolean", id="int-bool"),
        pytest.param(math.nan, DataType.INT, "whole number", id="int-nan"),
        pytest.param("3,5", DataType.INT, "whole number", id="int-comma"),
        pytest.param("", DataType.INT, "whole number", id="int-empty"),
        pytest.param([3], DataType.INT, "whole number", id="int-list"),
        pytest.param("x", DataType.FLOAT, "numeric string", id="float-text"),
        pytest.param("1_000", DataType.FLOAT, "numeric string", id="float-underscore"),
        pytest.param(False, DataType.FLOAT, "not a boolean", id="float-bool"),
        pytest.param("on", DataType.BOOLEAN, '"yes"', id="bool-on"),
        pytest.param("t", DataType.BOOLEAN, '"yes"', id="bool-t"),
        pytest.param(2, DataType.BOOLEAN, "0 or 1", id="bool-two"),
        pytest.param(True, DataType.STRING, "a string", id="string-bool"),
        pytest.param({"a": 1}, DataType.STRING, "a string", id="string-dict"),
        pytest.param("[1]", DataType.PLOTLYJSON, "JSON object", id="plotly-list"),
        pytest.param("nope", DataType.PLOTLYJSON, "JSON object", id="plotly-not-json"),
        pytest.param(None, DataType.FLOAT, "optional", id="null-required"),
        pytest.param("not json", DataType.SERIES, "JSON", id="series-not-json"),
        pytest.param(3, DataType.DATAFRAME, "JSON object or list", id="frame-number"),
    ],
)
def test_parse_refuses(value: Any, data_type: DataType, expected_text: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_value(value, data_type)
    message = str(caught.value)
    assert isinstance(caught.value, InvalidInput)
    assert f"valid {data_type.value}: expected" in message
    assert expected_text in message


def test_parse_error_shows_a_short_excerpt() -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_value("x" * 10_000, DataType.FLOAT)
    assert len(str(caught.value)) < 200
    assert caught.value.context["data_type"] == "FLOAT"


@pytest.mark.parametrize(
    ("value", "data_type", "expected"),
    [
        pytest.param(None, DataType.INT, None, id="null-int"),
        pytest.param("", DataType.FLOAT, None, id="empty-float"),
        pytest.param("null", DataType.BOOLEAN, None, id="null-text-bool"),
        pytest.param("", DataType.SERIES, None, id="empty-series"),
        pytest.param("", DataType.STRING, "", id="empty-string-kept"),
        pytest.param("null", DataType.STRING, "null", id="null-text-string-kept"),
        pytest.param("", DataType.ANY, "", id="empty-any-kept"),
        pytest.param("7", DataType.INT, 7, id="value-still-parsed"),
    ],
)
def test_parse_nullable(value: Any, data_type: DataType, expected: Any) -> None:
    assert parse_value(value, data_type, nullable=True) == expected


def test_parse_refuses_unknown_data_type() -> None:
    with pytest.raises(ValueParseError, match="Unknown data type 'NUMBER'"):
        parse_value(1, "NUMBER")  # type: ignore[arg-type]


# Series and frames -------------------------------------------------------------------------------------------


def test_plain_series_with_timestamps_gets_a_utc_index() -> None:
    series = parse_value('{"2020-01-01T00:00:00Z": 1.5, "2020-01-01T02:00:00+01:00": 2.5}', DataType.SERIES)
    pd.testing.assert_series_equal(
        series, pd.Series([1.5, 2.5], index=utc("2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z"))
    )


def test_plain_series_from_list_has_a_range_index_and_keeps_large_numbers() -> None:
    series = parse_value([50_000_000, 60_000_000], DataType.SERIES)
    pd.testing.assert_series_equal(series, pd.Series([50_000_000, 60_000_000]), check_index_type=True)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param({"a": {"0": 1.5, "1": 2.5}, "b": {"0": "x", "1": "y"}}, id="columns-orient"),
        pytest.param([{"a": 1.5, "b": "x"}, {"a": 2.5, "b": "y"}], id="records"),
        pytest.param('[{"a": 1.5, "b": "x"}, {"a": 2.5, "b": "y"}]', id="records-text"),
    ],
)
def test_plain_frame(value: Any) -> None:
    frame = parse_value(value, DataType.DATAFRAME)
    pd.testing.assert_frame_equal(frame, pd.DataFrame({"a": [1.5, 2.5], "b": ["x", "y"]}))


def test_wrapped_series_as_hetida_writes_it() -> None:
    wrapped = {
        "__hd_wrapped_data_object__": "SERIES",
        "__metadata__": {"unit": "K"},
        "__data__": {
            "name": "temp",
            "index": ["2020-01-01T00:00:00.000Z", "2020-01-01T00:00:00.000Z"],
            "data": [1.0, None],
        },
        "__data_parsing_options__": {"orient": "split"},
    }
    series = parse_value(json.dumps(wrapped), DataType.SERIES)
    expected = pd.Series([1.0, np.nan], index=utc("2020-01-01", "2020-01-01"), name="temp")
    pd.testing.assert_series_equal(series, expected)
    assert series.attrs == {"unit": "K"}


def test_wrapped_frame_without_metadata_gets_empty_attrs() -> None:
    wrapped = {"__hd_wrapped_data_object__": "DATAFRAME", "__data__": {"a": {"0": 1}}}
    frame = parse_value(wrapped, DataType.DATAFRAME)
    pd.testing.assert_frame_equal(frame, pd.DataFrame({"a": [1]}))
    assert frame.attrs == {}


@pytest.mark.parametrize(
    ("wrapped", "data_type", "expected_text"),
    [
        pytest.param(
            {"__hd_wrapped_data_object__": "DATAFRAME", "__data__": {}},
            DataType.SERIES,
            "a wrapped SERIES",
            id="kind-mismatch",
        ),
        pytest.param(
            {
                "__hd_wrapped_data_object__": "SERIES",
                "__data__": [1],
                "__data_parsing_options__": {"lines": 1},
            },
            DataType.SERIES,
            "parsing options among",
            id="unknown-option",
        ),
        pytest.param(
            {"__hd_wrapped_data_object__": "SERIES", "__data__": [1], "__metadata__": [1]},
            DataType.SERIES,
            "JSON objects",
            id="metadata-not-object",
        ),
        pytest.param(
            {
                "__hd_wrapped_data_object__": "SERIES",
                "__data__": {"name": None, "index": [0], "data": ["x"]},
                "__data_parsing_options__": {"orient": "split", "dtype": "float64", "convert_axes": False},
            },
            DataType.SERIES,
            "readable with its dtypes",
            id="dtype-does-not-fit",
        ),
    ],
)
def test_wrapped_refuses(wrapped: dict[str, Any], data_type: DataType, expected_text: str) -> None:
    with pytest.raises(ValueParseError, match=expected_text):
        parse_value(wrapped, data_type)


def test_pandas_values_pass_through_unchanged() -> None:
    series = pd.Series([1, 2])
    frame = pd.DataFrame({"a": [1]})
    assert parse_value(series, DataType.SERIES) is series
    assert parse_value(frame, DataType.DATAFRAME) is frame
    assert parse_value(series, DataType.ANY) is series


def test_any_unwraps_wrapped_objects() -> None:
    series = pd.Series([1.0, 2.0], name="s")
    parsed = parse_value(json.dumps(serialize_value(series, DataType.SERIES)), DataType.ANY)
    pd.testing.assert_series_equal(parsed, series)


# MULTITSFRAME ------------------------------------------------------------------------------------------------


def test_multitsframe_is_normalized() -> None:
    records = [
        {"timestamp": "2024-01-02T00:00:00Z", "metric": 7, "value": 1.0},
        {"timestamp": "2024-01-01T01:00:00+01:00", "metric": "b", "value": 2.0},
    ]
    frame = parse_value(records, DataType.MULTITSFRAME)
    expected = pd.DataFrame(
        {
            "timestamp": pd.Series(utc("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z")),
            "metric": pd.Series(["b", "7"], dtype=str),
            "value": [2.0, 1.0],
        }
    )
    pd.testing.assert_frame_equal(frame, expected)


@pytest.mark.parametrize("value", [pytest.param({}, id="object"), pytest.param([], id="list")])
def test_empty_multitsframe_has_the_three_columns(value: Any) -> None:
    frame = parse_value(value, DataType.MULTITSFRAME)
    assert list(frame.columns) == ["timestamp", "metric", "value"]
    assert len(frame) == 0
    assert str(frame["timestamp"].dtype) == "datetime64[ns, UTC]"


@pytest.mark.parametrize(
    ("records", "expected_text"),
    [
        pytest.param([{"metric": "a", "value": 1}], "columns timestamp, metric and value", id="missing"),
        pytest.param([{"timestamp": None, "metric": "a", "value": 1}], "no null values", id="null-time"),
        pytest.param(
            [{"timestamp": "2024-01-01T00:00:00Z", "metric": None, "value": 1}],
            "no null values",
            id="null-metric",
        ),
        pytest.param([{"timestamp": "yesterday", "metric": "a", "value": 1}], "ISO 8601", id="bad-time"),
    ],
)
def test_multitsframe_refuses(records: list[dict[str, Any]], expected_text: str) -> None:
    with pytest.raises(ValueParseError, match=expected_text):
        parse_value(records, DataType.MULTITSFRAME)


# Serialization -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "data_type", "expected"),
    [
        pytest.param(np.int64(3), DataType.INT, 3, id="int-numpy"),
        pytest.param(3.0, DataType.INT, 3, id="int-whole-float"),
        pytest.param(math.nan, DataType.FLOAT, "NaN", id="float-nan"),
        pytest.param(math.inf, DataType.FLOAT, "Infinity", id="float-inf"),
        pytest.param(np.float32(-math.inf), DataType.FLOAT, "-Infinity", id="float-numpy-minus-inf"),
        pytest.param(np.bool_(True), DataType.BOOLEAN, True, id="bool-numpy"),
        pytest.param(None, DataType.SERIES, None, id="null"),
        pytest.param(np.array([[1, 2], [3, 4]]), DataType.ANY, [[1, 2], [3, 4]], id="array"),
        pytest.param(np.array([1.0, math.nan]), DataType.ANY, [1.0, "NaN"], id="array-nan"),
        pytest.param(
            UUID("12345678-1234-5678-1234-567812345678"),
            DataType.ANY,
            "12345678-1234-5678-1234-567812345678",
            id="uuid",
        ),
        pytest.param(
            dt.datetime(2024, 1, 1, 13, tzinfo=dt.timezone(dt.timedelta(hours=1))),
            DataType.ANY,
            "2024-01-01T12:00:00Z",
            id="datetime-aware",
        ),
        pytest.param(
            dt.datetime(2024, 1, 1, 12, 0, 0, 5), DataType.ANY, "2024-01-01T12:00:00.000005", id="naive"
        ),
        pytest.param(
            pd.Timestamp("2024-01-01T00:00:00.123456789Z"),
            DataType.ANY,
            "2024-01-01T00:00:00.123456789Z",
            id="timestamp-ns",
        ),
        pytest.param(dt.date(2024, 2, 29), DataType.ANY, "2024-02-29", id="date"),
        pytest.param(pd.NaT, DataType.ANY, None, id="nat"),
        pytest.param(
            {"a": (np.int8(1), np.float64(2.5)), 3: {"nested": [np.nan]}},
            DataType.ANY,
            {"a": [1, 2.5], "3": {"nested": ["NaN"]}},
            id="nested",
        ),
        pytest.param({"a": [1]}, DataType.PLOTLYJSON, {"a": [1]}, id="plotly-dict"),
    ],
)
def test_serialize(value: Any, data_type: DataType, expected: Any) -> None:
    written = serialize_value(value, data_type)
    assert written == expected
    json.dumps(written, allow_nan=False)


@pytest.mark.parametrize(
    ("value", "data_type", "expected_text"),
    [
        pytest.param({1, 2}, DataType.ANY, "type set", id="set"),
        pytest.param(object(), DataType.ANY, "type object", id="object"),
        pytest.param({"a": b"x"}, DataType.ANY, "type bytes", id="nested-bytes"),
        pytest.param(3.7, DataType.INT, "valid INT", id="int-fraction"),
        pytest.param("x", DataType.BOOLEAN, "valid BOOLEAN", id="bool-text"),
        pytest.param(
            pd.Series([1], index=pd.MultiIndex.from_tuples([("a", 1)])),
            DataType.SERIES,
            "MultiIndex",
            id="multi",
        ),
        pytest.param(
            pd.DataFrame({"a": [1]}), DataType.MULTITSFRAME, "valid MULTITSFRAME", id="multits-columns"
        ),
    ],
)
def test_serialize_refuses(value: Any, data_type: DataType, expected_text: str) -> None:
    with pytest.raises(ValueSerializationError, match=expected_text) as caught:
        serialize_value(value, data_type)
    assert isinstance(caught.value, SealflowError)


def test_series_is_written_in_the_wrapped_split_format() -> None:
    series = pd.Series(
        [1.0, math.nan, math.inf], index=utc("2024-01-01", "2024-01-01", "2024-01-02"), name="x"
    )
    series.attrs = {"unit": "K"}
    assert serialize_value(series, DataType.SERIES) == {
        "__hd_wrapped_data_object__": "SERIES",
        "__metadata__": {"unit": "K"},
        "__data__": {
            "name": "x",
            "index": ["2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"],
            "data": [1.0, None, "Infinity"],
        },
        "__data_parsing_options__": {
            "orient": "split",
            "dtype": "float64",
            "convert_axes": False,
            "precise_float": True,
        },
    }


def test_timestamps_use_the_precision_the_column_needs() -> None:
    frame = pd.DataFrame(
        {
            "seconds": pd.Series(utc("2024-01-01T00:00:01Z", "2024-01-01T00:00:02Z")),
            "millis": pd.Series(utc("2024-01-01T00:00:00.5Z", "2024-01-01T00:00:00Z")),
            "nanos": pd.Series(utc("2024-01-01T00:00:00.000000001Z", "NaT")),
        }
    )
    rows = serialize_value(frame, DataType.DATAFRAME)["__data__"]["data"]
    assert rows == [
        ["2024-01-01T00:00:01Z", "2024-01-01T00:00:00.500Z", "2024-01-01T00:00:00.000000001Z"],
        ["2024-01-01T00:00:02Z", "2024-01-01T00:00:00.000Z", None],
    ]


def test_written_frame_is_readable_by_plain_read_json() -> None:
    frame = pd.DataFrame({"a": [1.5, 2.5], "b": ["x", "y"]}, index=utc("2024-01-01", "2024-01-02"))
    wrapped = serialize_value(frame, DataType.DATAFRAME)
    read = pd.read_json(
        io.StringIO(json.dumps(wrapped["__data__"])), typ="frame", **wrapped["__data_parsing_options__"]
    )
    assert read["a"].tolist() == [1.5, 2.5]
    assert read["b"].tolist() == ["x", "y"]


def test_figure_becomes_a_plain_dict() -> None:
    figure = go.Figure(go.Scatter(x=pd.date_range("2024-01-01", periods=2, tz="UTC"), y=[1.0, math.nan]))
    written = serialize_value(figure, DataType.PLOTLYJSON)
    assert written == plotly_fig_to_json_dict(figure)
    assert written["data"][0]["x"] == ["2024-01-01T00:00:00+00:00", "2024-01-02T00:00:00+00:00"]
    assert written["data"][0]["y"] == [1.0, None]
    json.dumps(written, allow_nan=False)
    assert parse_value(figure, DataType.PLOTLYJSON) == written


def test_object_columns_and_categories_round_trip() -> None:
    frame = pd.DataFrame(
        {
            "mixed": pd.Series([1, "x", None], dtype=object),
            "category": pd.Categorical(["a", "b", "a"]),
            "nullable": pd.array([1, None, 3], dtype="Int64"),
            "duration": pd.to_timedelta([1, 2, None], unit="s"),
            "berlin": pd.Series(pd.date_range("2024-03-30", periods=3, freq="D", tz="Europe/Berlin")),
        }
    )
    pd.testing.assert_frame_equal(through_json(frame, DataType.DATAFRAME), frame)


# Round trips -------------------------------------------------------------------------------------------------

finite_floats = st.floats(allow_nan=False, allow_infinity=False)
any_floats = st.floats(allow_nan=True, allow_infinity=True)
texts = st.text(max_size=20)
json_scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | finite_floats | texts
attrs = st.dictionaries(texts, json_scalars | st.lists(json_scalars, max_size=3), max_size=3)
int64s = st.integers(-(2**63), 2**63 - 1)
nanoseconds = st.integers(NS_MIN, NS_MAX)


def timestamps(values: list[int | None]) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(pd.to_datetime(values, unit="ns", utc=True)).as_unit("ns")


@st.composite
def indexes(draw: st.DrawFn, size: int) -> pd.Index:
    if size == 0 or draw(st.booleans()):
        return pd.RangeIndex(size)
    pool = draw(st.lists(nanoseconds, min_size=1, max_size=3))
    return timestamps(draw(st.lists(st.sampled_from(pool), min_size=size, max_size=size)))


@st.composite
def columns(draw: st.DrawFn, size: int) -> pd.Series:
    kind = draw(st.sampled_from(["float", "int", "str", "bool", "time"]))
    if kind == "float":
        return pd.Series(draw(st.lists(any_floats, min_size=size, max_size=size)), dtype="float64")
    if kind == "int":
        return pd.Series(draw(st.lists(int64s, min_size=size, max_size=size)), dtype="int64")
    if kind == "str":
        return pd.Series(draw(st.lists(st.none() | texts, min_size=size, max_size=size)), dtype=str)
    if kind == "bool":
        return pd.Series(draw(st.lists(st.booleans(), min_size=size, max_size=size)), dtype=bool)
    return pd.Series(timestamps(draw(st.lists(st.none() | nanoseconds, min_size=size, max_size=size))))


@st.composite
def series(draw: st.DrawFn) -> pd.Series:
    size = draw(st.integers(0, 12))
    values = draw(st.lists(any_floats, min_size=size, max_size=size))
    result = pd.Series(values, index=draw(indexes(size)), dtype="float64", name=draw(st.none() | texts))
    result.attrs = draw(attrs)
    return result


@st.composite
def frames(draw: st.DrawFn) -> pd.DataFrame:
    size = draw(st.integers(0, 8))
    names = draw(st.lists(texts, max_size=5, unique=True))
    index = draw(indexes(size))
    result = pd.DataFrame({name: draw(columns(size)).set_axis(index) for name in names}, index=index)
    result.attrs = draw(attrs)
    return result


@st.composite
def multitsframes(draw: st.DrawFn) -> pd.DataFrame:
    size = draw(st.integers(0, 10))
    frame = pd.DataFrame(
        {
            "timestamp": timestamps(draw(st.lists(nanoseconds, min_size=size, max_size=size))),
            "metric": draw(st.lists(st.sampled_from(["a", "b", "7"]), min_size=size, max_size=size)),
            "value": draw(st.lists(any_floats, min_size=size, max_size=size)),
        }
    )
    frame.attrs = draw(attrs)
    return parse_value(frame, DataType.MULTITSFRAME)


@given(value=int64s | st.integers())
def test_int_round_trip(value: int) -> None:
    assert through_json(value, DataType.INT) == value


@given(value=any_floats)
def test_float_round_trip(value: float) -> None:
    back = through_json(value, DataType.FLOAT)
    assert (math.isnan(back) and math.isnan(value)) or (
        back == value and math.copysign(1, back) == math.copysign(1, value)
    )


@given(value=st.text())
def test_string_round_trip(value: str) -> None:
    assert through_json(value, DataType.STRING) == value


@given(value=st.booleans())
def test_boolean_round_trip(value: bool) -> None:
    assert through_json(value, DataType.BOOLEAN) is value


@settings(max_examples=150, deadline=None)
@given(value=series())
def test_series_round_trip(value: pd.Series) -> None:
    back = through_json(value, DataType.SERIES)
    pd.testing.assert_series_equal(back, value, check_exact=True)
    assert back.attrs == value.attrs


@settings(max_examples=150, deadline=None)
@given(value=frames())
def test_dataframe_round_trip(value: pd.DataFrame) -> None:
    back = through_json(value, DataType.DATAFRAME)
    pd.testing.assert_frame_equal(back, value, check_exact=True)
    assert back.attrs == value.attrs


@settings(max_examples=100, deadline=None)
@given(value=multitsframes())
def test_multitsframe_round_trip(value: pd.DataFrame) -> None:
    back = through_json(value, DataType.MULTITSFRAME)
    pd.testing.assert_frame_equal(back, value, check_exact=True)
    assert back.attrs == value.attrs


def test_a_malformed_figure_is_a_serialization_error_not_a_crash():
    with pytest.raises(ValueSerializationError, match="as a plotly figure"):
        serialize_value({"data": [1]}, DataType.PLOTLYJSON)
