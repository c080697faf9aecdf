"""Reading and writing input and output values by data type.

``parse_value`` turns a JSON-like value, or a string holding JSON or plain text, into the Python value of a
data type. ``serialize_value`` turns a Python value into a JSON-compatible value (it survives
``json.dumps(..., allow_nan=False)``) that ``parse_value`` reads back as an equal value.

JSON rules of ``serialize_value``:

* A non-finite float outside pandas data is written as ``"NaN"``, ``"Infinity"`` or ``"-Infinity"``, the
  spellings ``float()``, ``json.loads`` and JavaScript's ``Number()`` read back. FLOAT parsing accepts them.
* Inside pandas data a missing value (NaN, NaT, None, NA) is ``null`` and an infinite float is
  ``"Infinity"`` / ``"-Infinity"``. PLOTLYJSON follows plotly's own encoder (non-finite floats are null).
* Timestamps are ISO 8601. Timezone-aware ones are written in UTC with a ``Z`` suffix, naive ones without a
  suffix. A column uses one precision, the coarsest of whole seconds, ms, us and ns that keeps every value
  exact, so nanoseconds round-trip. Timedeltas in pandas data are integers in their dtype's unit.
* A Series becomes a wrapped ``SERIES`` with ``__data__ = {name, index, data}``; a DataFrame (also for
  MULTITSFRAME) a wrapped ``DATAFRAME`` with ``__data__ = {columns, index, data}``. Both use the split
  orient, which keeps duplicate index entries, and ``__data_parsing_options__ = {"orient": "split",
  "dtype": <dtype or {column: dtype}>, "convert_axes": false, "precise_float": true}``: valid
  ``pandas.read_json`` arguments that name the dtypes, keep the axes as written and read floats exactly.

``parse_value`` rebuilds a wrapped object with exactly these options directly: each column gets the dtype
named, missing values in object columns come back as None. Other options go to ``pandas.read_json``
unchanged, as in hetida designer. Plain (unwrapped) JSON is read by ``read_json`` without its type
inference (``dtype=False``), so values keep the types JSON gave them: read_json would turn 1.0 into 1,
"7" into 7 and large numbers into epochs. In all JSON input, a datetime-like index becomes a UTC
``DatetimeIndex`` in ns; in plain JSON frames, so does a column of ISO 8601 timestamp strings.

Not carried through JSON: index names, the unit of a datetime index (always ns), naive datetime indexes
(read as UTC), the type of an empty index (RangeIndex), and separate dtypes for duplicate column labels.
A MultiIndex is refused.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import math
import re
import reprlib
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final
from uuid import UUID

import numpy as np
import pandas as pd

from sealflow.errors import ValueParseError, ValueSerializationError
from sealflow.model.datatypes import DataType

WRAPPED_MARKER: Final = "__hd_wrapped_data_object__"
MULTITSFRAME_COLUMNS: Final = ("timestamp", "metric", "value")

_READ_JSON_OPTIONS: Final = frozenset(
    {"orient", "dtype", "convert_axes", "convert_dates", "keep_default_dates", "precise_float", "date_unit"}
)
_NUMBER_TEXT: Final = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_TIMESTAMP_TEXT: Final = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?"
)
_TRUE_TEXTS: Final = frozenset({"true", "1", "yes"})
_FALSE_TEXTS: Final = frozenset({"false", "0", "no"})
_TICKS_PER_SECOND: Final = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}
_TEXT_TYPES: Final = frozenset({DataType.STRING, DataType.ANY})

_excerpt = reprlib.Repr()
_excerpt.maxstring = 60
_excerpt.maxother = 60
_excerpt.maxlong = 40
_excerpt.maxlist = _excerpt.maxtuple = _excerpt.maxdict = 4
_excerpt.maxlevel = 2


def parse_value(value: Any, data_type: DataType, *, nullable: bool = False) -> Any:
    """Read ``value`` as a value of ``data_type``; raise ValueParseError saying what is expected."""
    try:
        parser = _PARSERS[data_type]
    except KeyError:
        names = ", ".join(DataType)
        raise ValueParseError(f"Unknown data type {data_type!r}: use one of {names}.") from None
    if value is None or (
        nullable and isinstance(value, str) and data_type not in _TEXT_TYPES and _means_null(value)
    ):
        if nullable or data_type == DataType.ANY:
            return None
        raise _parse_error(value, DataType(data_type), "a value; null is allowed only for optional inputs")
    return parser(value)


def serialize_value(value: Any, data_type: DataType) -> Any:
    """Write ``value`` of ``data_type`` as JSON-compatible data that parse_value reads back unchanged."""
    if value is None:
        return None
    try:
        writer = _WRITERS[data_type]
    except KeyError:
        names = ", ".join(DataType)
        raise ValueSerializationError(f"Unknown data type {data_type!r}: use one of {names}.") from None
    try:
        return writer(value)
    except ValueParseError as exc:
        raise ValueSerializationError(exc.message, **exc.context) from exc


def plotly_fig_to_json_dict(fig: Any) -> dict[str, Any]:
    """The plotly figure (or figure dict) as a dict of plain JSON values, as plotly.js reads it."""
    import plotly.io

    try:
        text = plotly.io.to_json(fig, validate=False)
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise ValueSerializationError(
            f"Cannot write {_show(fig)} as a plotly figure: {exc}", value_type=_type_name(fig)
        ) from exc
    result = json.loads(text)
    if not isinstance(result, dict):
        raise ValueSerializationError(
            f"Cannot write {_show(fig)} as a plotly figure: expected a figure or a figure dict.",
            value_type=_type_name(fig),
        )
    return result


# Parsing ---------------------------------------------------------------------------------------------------


def _means_null(text: str) -> bool:
    """Whether the text of an optional input stands for no value: empty, blank or "null"."""
    return not text or text.isspace() or (len(text) < 64 and text.strip() == "null")


def _show(value: Any) -> str:
    """A short, one-line excerpt of ``value`` for messages."""
    if isinstance(value, pd.DataFrame):
        labels = _excerpt.repr(list(value.columns))
        return f"a DataFrame with {len(value)} rows and the columns {labels}"
    if isinstance(value, pd.Series):
        return f"a Series of {len(value)} {value.dtype} values"
    return _excerpt.repr(value)


def _parse_error(value: Any, data_type: DataType, expected: str) -> ValueParseError:
    shown = _show(value)
    return ValueParseError(
        f"{shown} is not a valid {data_type.value}: expected {expected}.",
        data_type=data_type.value,
        value_excerpt=shown,
    )


def _unquote(text: str) -> str:
    """The stripped text, or the JSON string it holds when it is a quoted JSON string."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        try:
            decoded = json.loads(text)
        except ValueError:
            return text
        if isinstance(decoded, str):
            return decoded.strip()
    return text


def _parse_int(value: Any) -> int:
    if type(value) is int:
        return value
    if isinstance(value, bool | np.bool_):
        raise _parse_error(value, DataType.INT, "a whole number, not a boolean")
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        number = float(value)
        if math.isfinite(number) and number.is_integer():
            return int(number)
    elif isinstance(value, str):
        text = _unquote(value)
        if _NUMBER_TEXT.fullmatch(text):
            exact = Decimal(text)
            if exact.adjusted() < 4300 and exact == exact.to_integral_value():
                return int(exact)
    raise _parse_error(
        value, DataType.INT, 'a whole number such as 3, 3.0 or "3" (fractions are not rounded)'
    )


def _parse_float(value: Any) -> float:
    if type(value) is float:
        return value
    if isinstance(value, bool | np.bool_):
        raise _parse_error(value, DataType.FLOAT, "a number, not a boolean")
    if isinstance(value, int | float | np.integer | np.floating):
        try:
            return float(value)
        except OverflowError:
            pass
    elif isinstance(value, str):
        text = _unquote(value)
        if "_" not in text:
            try:
                return float(text)
            except ValueError:
                pass
    raise _parse_error(
        value, DataType.FLOAT, 'a number or a numeric string such as "1.5", "NaN" or "-Infinity"'
    )


def _parse_bool(value: Any) -> bool:
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | float | np.integer | np.floating) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = _unquote(value).lower()
        if text in _TRUE_TEXTS:
            return True
        if text in _FALSE_TEXTS:
            return False
    raise _parse_error(
        value, DataType.BOOLEAN, 'true or false, 0 or 1, or "true", "false", "yes", "no", "1", "0"'
    )


def _parse_str(value: Any) -> str:
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_):
        return str(int(value))
    if isinstance(value, float | np.floating):
        return str(float(value))
    raise _parse_error(value, DataType.STRING, "a string (numbers are converted)")


def _parse_plotly(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    if isinstance(value, str):
        decoded = _json_or_none(value)
        if isinstance(decoded, dict):
            return decoded
    elif hasattr(value, "to_plotly_json"):
        return plotly_fig_to_json_dict(value)
    raise _parse_error(value, DataType.PLOTLYJSON, "a JSON object (a plotly figure) or a string holding one")


def _parse_any(value: Any) -> Any:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return value
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return value
    if isinstance(value, dict) and WRAPPED_MARKER in value:
        return _unwrap(value, DataType.ANY)
    return value


def _parse_series(value: Any) -> pd.Series[Any]:
    if isinstance(value, pd.Series):
        return value
    data = _decode_json(value, DataType.SERIES)
    if isinstance(data, dict) and WRAPPED_MARKER in data:
        result = _unwrap(data, DataType.SERIES)
        assert isinstance(result, pd.Series)
        return result
    series = _read_json(data, "series", {"dtype": False, "precise_float": True}, DataType.SERIES)
    assert isinstance(series, pd.Series)
    _with_utc_index(series)
    return series


def _parse_frame(value: Any, data_type: DataType = DataType.DATAFRAME) -> pd.DataFrame:
    if isinstance(value, pd.DataFrame):
        return value
    data = _decode_json(value, data_type)
    if isinstance(data, dict) and WRAPPED_MARKER in data:
        result = _unwrap(data, data_type)
        assert isinstance(result, pd.DataFrame)
        return result
    frame = _read_json(data, "frame", {"dtype": False, "precise_float": True}, data_type)
    assert isinstance(frame, pd.DataFrame)
    _with_utc_index(frame)
    for position in range(frame.shape[1]):
        stamps = _as_utc_timestamps(frame.iloc[:, position])
        if stamps is not None:
            frame.isetitem(position, stamps.array)
    return frame


def _parse_multitsframe(value: Any) -> pd.DataFrame:
    frame = _parse_frame(value, DataType.MULTITSFRAME)
    if len(frame.columns) == 0:
        empty = pd.DataFrame(
            {
                "timestamp": pd.Series([], dtype="datetime64[ns, UTC]"),
                "metric": pd.Series([], dtype=str),
                "value": pd.Series([], dtype="float64"),
            }
        )
        empty.attrs = frame.attrs
        return empty
    labels = list(frame.columns)
    if any(labels.count(name) != 1 for name in MULTITSFRAME_COLUMNS):
        raise _parse_error(
            frame, DataType.MULTITSFRAME, "a frame with the columns timestamp, metric and value, each once"
        )
    changes: dict[str, pd.Series[Any]] = {}
    timestamp = _utc_timestamps(frame["timestamp"])
    if timestamp is not frame["timestamp"]:
        changes["timestamp"] = timestamp
    metric = frame["metric"]
    nulls = int(timestamp.isna().sum()) + int(metric.isna().sum())
    if nulls:
        raise _parse_error(
            frame, DataType.MULTITSFRAME, f"no null values in the columns timestamp and metric, found {nulls}"
        )
    if metric.dtype != "str":
        changes["metric"] = metric.astype(str)
    if changes:
        frame = frame.assign(**changes)
    if not frame["timestamp"].is_monotonic_increasing:
        frame = frame.sort_values("timestamp", kind="stable")
    if not (isinstance(frame.index, pd.RangeIndex) and frame.index.equals(pd.RangeIndex(len(frame)))):
        frame = frame.reset_index(drop=True)
    return frame


def _utc_timestamps(column: pd.Series[Any]) -> pd.Series[Any]:
    """The column as UTC timestamps in ns (when in range); raise ValueParseError when it holds others."""
    dtype = column.dtype
    result = column
    try:
        if isinstance(dtype, pd.DatetimeTZDtype):
            if str(dtype.tz) != "UTC":
                result = column.dt.tz_convert("UTC")
        elif dtype.kind == "M":
            result = column.dt.tz_localize("UTC")
        elif dtype.kind == "O" or pd.api.types.is_string_dtype(dtype):
            result = pd.to_datetime(column, utc=True, format="ISO8601")
        else:
            raise TypeError(dtype)
    except (TypeError, ValueError, OverflowError) as exc:
        raise _parse_error(
            column, DataType.MULTITSFRAME, "ISO 8601 timestamps in the column timestamp"
        ) from exc
    if result.dt.unit != "ns":
        with contextlib.suppress(pd.errors.OutOfBoundsDatetime):
            result = result.dt.as_unit("ns")
    return result


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _decode_json(value: Any, data_type: DataType) -> dict[str, Any] | list[Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise _parse_error(value, data_type, "JSON data (a string that is not JSON was given)") from None
    if isinstance(value, dict | list):
        return value
    raise _parse_error(value, data_type, "a JSON object or list, or a string holding one")


def _unwrap(data: dict[str, Any], data_type: DataType) -> pd.Series[Any] | pd.DataFrame:
    """The pandas object of a wrapped ``{"__hd_wrapped_data_object__": ...}`` value."""
    kind = data[WRAPPED_MARKER]
    wanted = {DataType.SERIES: ("SERIES",), DataType.ANY: ("SERIES", "DATAFRAME")}.get(
        data_type, ("DATAFRAME",)
    )
    metadata = data.get("__metadata__") or {}
    options = data.get("__data_parsing_options__") or {}
    if kind not in wanted or "__data__" not in data:
        expected = " or ".join(f"a wrapped {name} with __data__" for name in wanted)
        raise _parse_error(data, data_type, expected)
    if not isinstance(metadata, dict) or not isinstance(options, dict):
        raise _parse_error(data, data_type, "__metadata__ and __data_parsing_options__ to be JSON objects")
    unknown = sorted(set(options) - _READ_JSON_OPTIONS)
    if unknown:
        allowed = ", ".join(sorted(_READ_JSON_OPTIONS))
        raise _parse_error(data, data_type, f"parsing options among {allowed}, not {', '.join(unknown)}")
    content = data["__data__"]
    if isinstance(content, str):
        content = _decode_json(content, data_type)
    typ = "series" if kind == "SERIES" else "frame"
    result: pd.Series[Any] | pd.DataFrame
    if _is_exact_split(options, typ):
        result = _from_split(content, typ, options["dtype"], data_type)
    else:
        result = _read_json(content, typ, {"precise_float": True, **options}, data_type)
    _with_utc_index(result)
    result.attrs = metadata
    return result


def _is_exact_split(options: dict[str, Any], typ: str) -> bool:
    """Whether ``options`` are those serialize_value writes (split, dtypes named, axes as written)."""
    return (
        options.get("orient") == "split"
        and options.get("convert_axes") is False
        and isinstance(options.get("dtype"), str if typ == "series" else dict)
        and set(options) <= {"orient", "dtype", "convert_axes", "precise_float"}
    )


def _from_split(
    content: Any, typ: str, dtype: str | dict[str, Any], data_type: DataType
) -> pd.Series[Any] | pd.DataFrame:
    """Build the object of split-orient data exactly, each column with the dtype ``dtype`` names.

    This is what ``read_json(orient="split", dtype=..., convert_axes=False)`` means, without its
    inference around the named dtypes and without its float parser, which refuses subnormal numbers.
    """
    keys = {"name", "index", "data"} if typ == "series" else {"columns", "index", "data"}
    if not isinstance(content, dict) or not set(content) <= keys or not isinstance(content.get("data"), list):
        raise _parse_error(content, data_type, f"split-orient data with the keys {', '.join(sorted(keys))}")
    rows: list[Any] = content["data"]
    try:
        index = pd.Index(content["index"]) if "index" in content else pd.RangeIndex(len(rows))
        if typ == "series":
            return _column(rows, str(dtype), index, content.get("name"))
        labels = list(content.get("columns", []))
        if any(not isinstance(row, list) or len(row) != len(labels) for row in rows):
            raise ValueError(f"every row must hold {len(labels)} values")
        assert isinstance(dtype, dict)
        cells = list(zip(*rows, strict=True)) if rows else [() for _ in labels]
        columns = [
            _column(list(cells[i]), _column_dtype(dtype, label), index) for i, label in enumerate(labels)
        ]
        frame = pd.DataFrame({position: column.array for position, column in enumerate(columns)}, index=index)
        frame.columns = pd.Index(labels) if labels else pd.RangeIndex(0)
    except (TypeError, ValueError, OverflowError) as exc:
        raise _parse_error(content, data_type, f"split-orient data readable with its dtypes ({exc})") from exc
    return frame


def _column(values: list[Any], dtype: str | None, index: pd.Index[Any], name: Any = None) -> pd.Series[Any]:
    if dtype is None:
        return pd.Series(values, index=index, name=name)
    return pd.Series(values, index=index, name=name, dtype=object).astype(dtype)  # type: ignore[call-overload, no-any-return]


def _column_dtype(dtype: dict[str, Any], label: Any) -> str | None:
    target = dtype.get(label) if isinstance(label, str) else dtype.get(_encode_key(label))
    return None if target is None else str(target)


def _read_json(
    content: Any, typ: str, kwargs: dict[str, Any], data_type: DataType
) -> pd.Series[Any] | pd.DataFrame:
    try:
        text = json.dumps(content)
        result = pd.read_json(io.StringIO(text), typ=typ, **kwargs)  # type: ignore[call-overload]
    except Exception as exc:
        kind = "Series" if typ == "series" else "DataFrame"
        raise _parse_error(content, data_type, f"data pandas can read as a {kind} ({exc})") from exc
    if not isinstance(result, pd.Series | pd.DataFrame):
        raise _parse_error(content, data_type, "data pandas can read as one Series or DataFrame")
    return result


def _with_utc_index(obj: pd.Series[Any] | pd.DataFrame) -> None:
    """Give ``obj`` (freshly read) a UTC DatetimeIndex if its index is datetime-like, else a plain one."""
    index = _normalize_index(obj.index)
    if index is not obj.index:
        obj.index = index
    if isinstance(obj, pd.DataFrame) and len(obj.columns) == 0 and not isinstance(obj.columns, pd.RangeIndex):
        obj.columns = pd.RangeIndex(0)


def _normalize_index(index: pd.Index[Any]) -> pd.Index[Any]:
    if isinstance(index, pd.RangeIndex):
        return index
    if isinstance(index, pd.DatetimeIndex):
        return _utc_ns(index)
    if len(index) == 0:
        return pd.RangeIndex(0)
    if index.dtype.kind in "iu":
        return pd.RangeIndex(len(index)) if index.equals(pd.RangeIndex(len(index))) else index
    stamps = _as_utc_timestamps(index)
    return index if stamps is None else stamps


def _as_utc_timestamps(values: pd.Index[Any] | pd.Series[Any]) -> pd.DatetimeIndex | None:
    """``values`` as UTC timestamps (ns) if all but nulls are ISO 8601 timestamp strings, else None."""
    if not pd.api.types.is_string_dtype(values.dtype):
        return None
    present = values.dropna()
    if len(present) == 0:
        return None
    ends = present[:: max(len(present) - 1, 1)].tolist()
    if not all(isinstance(text, str) and _TIMESTAMP_TEXT.fullmatch(text) for text in ends):
        return None
    if pd.api.types.infer_dtype(present, skipna=False) != "string":
        return None
    try:
        return _utc_ns(pd.DatetimeIndex(pd.to_datetime(values, utc=True, format="ISO8601")))
    except (ValueError, OverflowError):
        return None


def _utc_ns(index: pd.DatetimeIndex) -> pd.DatetimeIndex:
    if index.tz is None:
        index = index.tz_localize("UTC")
    elif str(index.tz) != "UTC":
        index = index.tz_convert("UTC")
    if index.unit != "ns":
        with contextlib.suppress(pd.errors.OutOfBoundsDatetime):
            index = index.as_unit("ns")
    return index


# Serialization ---------------------------------------------------------------------------------------------


def _type_name(value: Any) -> str:
    kind = type(value)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def _write_float(number: float) -> float | str:
    if math.isfinite(number):
        return number
    if number != number:
        return "NaN"
    return "Infinity" if number > 0 else "-Infinity"


def _encode(value: Any) -> Any:
    """``value`` as JSON-compatible data, recursively; raise ValueSerializationError for unknown types."""
    kind = type(value)
    if value is None or kind is str or kind is int or kind is bool:
        return value
    if isinstance(value, float):
        return _write_float(float(value))
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, Mapping):
        return {_encode_key(key): _encode(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if isinstance(value, np.generic):
        return _encode_numpy_scalar(value)
    if isinstance(value, np.ndarray):
        return _encode_array(value)
    if isinstance(value, pd.Series):
        return _wrap_series(value)
    if isinstance(value, pd.DataFrame):
        return _wrap_frame(value)
    if value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, dt.datetime):
        return _iso_datetime(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return pd.Timedelta(value).isoformat()
    if isinstance(value, UUID):
        return str(value)
    if hasattr(value, "to_plotly_json"):
        return plotly_fig_to_json_dict(value)
    raise ValueSerializationError(
        f"Cannot write a value of type {_type_name(value)} as JSON: convert it to numbers, strings, lists, "
        "dicts or pandas objects first.",
        value_type=_type_name(value),
    )


def _encode_key(key: Any) -> str:
    if isinstance(key, str):
        return str(key)
    encoded = _encode(key)
    if isinstance(encoded, str):
        return encoded
    if encoded is None or isinstance(encoded, bool | int | float):
        return json.dumps(encoded)
    raise ValueSerializationError(
        f"Cannot write a key of type {_type_name(key)} as a JSON object key: use strings or numbers.",
        value_type=_type_name(key),
    )


def _encode_numpy_scalar(value: np.generic) -> Any:
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return _write_float(float(value))
    if isinstance(value, np.datetime64 | np.timedelta64):
        cells = _encode_array(np.asarray(value).reshape(1))
        assert isinstance(cells, list)
        return cells[0]
    raise ValueSerializationError(
        f"Cannot write a value of type {_type_name(value)} as JSON: convert it to a number or string first.",
        value_type=_type_name(value),
    )


def _encode_array(array: np.ndarray[Any, Any]) -> Any:
    """A numpy array as nested lists; non-finite floats as in scalars, NaT as null."""
    kind = array.dtype.kind
    if kind in "biuU":
        return array.tolist()
    if kind == "f":
        return _float_cells(array, missing="NaN")
    if kind == "M":
        return _datetime_cells(array, utc=False)
    if kind == "m":
        return _with_nulls(np.vectorize(lambda t: pd.Timedelta(t).isoformat(), otypes=[object])(array), array)
    if kind == "O":
        return [_encode(item) for item in array.tolist()]
    raise ValueSerializationError(
        f"Cannot write a numpy array of dtype {array.dtype} as JSON.", value_type=f"ndarray[{array.dtype}]"
    )


def _with_nulls(cells: np.ndarray[Any, Any], times: np.ndarray[Any, Any]) -> list[Any]:
    mask = np.isnat(times)
    if not mask.any():
        return list(cells.tolist())
    out = cells.astype(object)
    out[mask] = None
    return list(out.tolist())


def _float_cells(array: np.ndarray[Any, Any], *, missing: str | None) -> list[Any]:
    if np.isfinite(array).all():
        return list(array.tolist())
    out = array.astype(object)
    out[np.isnan(array)] = missing
    out[np.isposinf(array)] = "Infinity"
    out[np.isneginf(array)] = "-Infinity"
    return list(out.tolist())


def _datetime_cells(array: np.ndarray[Any, Any], *, utc: bool) -> list[Any]:
    """ISO 8601 strings (``Z`` when ``utc``) in the coarsest unit that keeps every value exact; NaT as null."""
    unit = np.datetime_data(array.dtype)[0]
    if unit not in _TICKS_PER_SECOND:
        array = array.astype("datetime64[s]" if unit in ("Y", "M", "W", "D", "h", "m") else "datetime64[ns]")
        unit = np.datetime_data(array.dtype)[0]
    mask = np.isnat(array)
    ticks = array.view(np.int64)[~mask]
    per_second = _TICKS_PER_SECOND[unit]
    chosen = unit
    for candidate in ("s", "ms", "us"):
        step = per_second // _TICKS_PER_SECOND[candidate]
        if step <= 1:
            break
        if not np.any(ticks % step):
            chosen = candidate
            break
    text = np.datetime_as_string(array, unit=chosen, timezone="UTC" if utc else "naive")  # type: ignore[call-overload]
    return _with_nulls(text, array)


def _iso_datetime(value: dt.datetime) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        return value.isoformat()
    if isinstance(value, pd.Timestamp):
        text = value.tz_convert("UTC").isoformat()
    else:
        text = value.astimezone(dt.UTC).isoformat()
    return text.removesuffix("+00:00") + "Z"


def _cell(item: Any) -> Any:
    if item is None or item is pd.NA or item is pd.NaT:
        return None
    if isinstance(item, float):
        return None if item != item else _write_float(float(item))
    return _encode(item)


def _cells(values: pd.Series[Any] | pd.Index[Any]) -> list[Any]:
    """The values of a column or index as JSON cells: missing as null, infinities as strings."""
    dtype = values.dtype
    if isinstance(dtype, pd.DatetimeTZDtype):
        return _datetime_cells(pd.DatetimeIndex(values).tz_convert(None).to_numpy(), utc=True)
    if isinstance(dtype, np.dtype):
        array = values.to_numpy()
        kind = dtype.kind
        if kind in "biuU":
            return list(array.tolist())
        if kind == "f":
            return _float_cells(array, missing=None)
        if kind == "M":
            return _datetime_cells(array, utc=False)
        if kind == "m":
            return _with_nulls(array.view(np.int64), array)
    return [_cell(item) for item in values.to_numpy(dtype=object).tolist()]


def _refuse_multiindex(index: pd.Index[Any], what: str) -> None:
    if isinstance(index, pd.MultiIndex):
        raise ValueSerializationError(
            f"Cannot write a pandas object with a MultiIndex as {what}: call reset_index() first or "
            "join the levels into one.",
            value_type="pandas.MultiIndex",
        )


def _wrap_series(series: pd.Series[Any]) -> dict[str, Any]:
    _refuse_multiindex(series.index, "index")
    return {
        WRAPPED_MARKER: "SERIES",
        "__metadata__": _encode(series.attrs),
        "__data__": {"name": _encode(series.name), "index": _cells(series.index), "data": _cells(series)},
        "__data_parsing_options__": {
            "orient": "split",
            "dtype": str(series.dtype),
            "convert_axes": False,
            "precise_float": True,
        },
    }


def _wrap_frame(frame: pd.DataFrame) -> dict[str, Any]:
    _refuse_multiindex(frame.index, "index")
    _refuse_multiindex(frame.columns, "columns")
    columns = [_cells(frame.iloc[:, position]) for position in range(frame.shape[1])]
    rows = [list(row) for row in zip(*columns, strict=True)] if columns else [[] for _ in range(len(frame))]
    return {
        WRAPPED_MARKER: "DATAFRAME",
        "__metadata__": _encode(frame.attrs),
        "__data__": {
            "columns": [_encode(label) for label in frame.columns],
            "index": _cells(frame.index),
            "data": rows,
        },
        "__data_parsing_options__": {
            "orient": "split",
            "dtype": {_encode_key(label): str(dtype) for label, dtype in frame.dtypes.items()},
            "convert_axes": False,
            "precise_float": True,
        },
    }


def _written_by(parse: Callable[[Any], Any], write: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: write(parse(value))


def _write_plotly(value: Any) -> dict[str, Any]:
    return plotly_fig_to_json_dict(value if hasattr(value, "to_plotly_json") else _parse_plotly(value))


_PARSERS: Final[dict[DataType, Callable[[Any], Any]]] = {
    DataType.INT: _parse_int,
    DataType.FLOAT: _parse_float,
    DataType.STRING: _parse_str,
    DataType.BOOLEAN: _parse_bool,
    DataType.SERIES: _parse_series,
    DataType.DATAFRAME: _parse_frame,
    DataType.MULTITSFRAME: _parse_multitsframe,
    DataType.PLOTLYJSON: _parse_plotly,
    DataType.ANY: _parse_any,
}

_WRITERS: Final[dict[DataType, Callable[[Any], Any]]] = {
    DataType.INT: _parse_int,
    DataType.FLOAT: _written_by(_parse_float, _write_float),
    DataType.STRING: _parse_str,
    DataType.BOOLEAN: _parse_bool,
    DataType.SERIES: _written_by(_parse_series, _wrap_series),
    DataType.DATAFRAME: _written_by(_parse_frame, _wrap_frame),
    DataType.MULTITSFRAME: _written_by(_parse_multitsframe, _wrap_frame),
    DataType.PLOTLYJSON: _write_plotly,
    DataType.ANY: _encode,
}
