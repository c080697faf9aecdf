"""The local file adapter: inputs from files under configured root directories, outputs written there.

**Ids.** A source or sink is a file path relative to a root directory, or an absolute path inside one. The
``ref_key`` of a wiring names it, else its ``ref_id``. hetida designer's encoding of paths is understood
(``_`` written as ``-_-``, then ``/`` as ``__``); a plain path works as well. A relative path is looked up
in each root in turn. Generic sinks write new files into a directory: ``GENERIC_ANY_SINK_AT_<dir>`` and
``GENERIC_DATAFRAME_SINK_AT_<dir>`` (``<dir>`` relative to a root, empty for the first root), with the
optional filter ``file_name`` (default ``<UTC iso>_<job id>.pkl`` or ``.csv``).

**Containment.** A path with a NUL byte or a ``..`` part is refused, and so is any path that resolves,
symlinks followed, outside every root. A generic sink's ``file_name`` must be a plain file name.

**Settings files.** ``<file>.settings.json`` holds ``{loadable, load_settings, writable, write_settings}``;
the ``*_settings`` are keyword arguments for the pandas reader or writer. Without a settings file a file is
loadable and not writable. A declared-writable file is replaced on each write; generic sinks never replace
a file. Every write goes to a temporary file in the same directory first and is then renamed into place.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Final
from uuid import uuid4

import pandas as pd
from pydantic import BaseModel, ConfigDict, ValidationError

from sealflow.adapters.protocol import RunContext, SinkRequest, SourceRequest
from sealflow.code.values import parse_value, serialize_value
from sealflow.errors import AdapterError, ObjectIncompatible, ObjectTampered, ObjectUnsigned, SealflowError
from sealflow.model.datatypes import DataType
from sealflow.store.objects.codec import PICKLE, Codec

LOCAL_FILE_ADAPTER: Final = "local-file-adapter"
GENERIC_ANY_SINK: Final = "GENERIC_ANY_SINK_AT_"
GENERIC_DATAFRAME_SINK: Final = "GENERIC_DATAFRAME_SINK_AT_"
SETTINGS_SUFFIX: Final = ".settings.json"

_COMPRESSIONS: Final = (".gz", ".bz2", ".xz", ".zip")
_FRAME_TYPES: Final = frozenset({DataType.DATAFRAME, DataType.MULTITSFRAME})
_TABULAR_TYPES: Final = _FRAME_TYPES | {DataType.SERIES, DataType.ANY}
_SUPPORTED: Final = ".csv (also .csv.gz, .csv.bz2, .csv.xz, .csv.zip), .json, .parquet, .xlsx, .pkl"


class FileSettings(BaseModel):
    """The contents of a ``<file>.settings.json``."""

    model_config = ConfigDict(extra="forbid")

    loadable: bool = True
    load_settings: dict[str, Any] = {}
    writable: bool = False
    write_settings: dict[str, Any] = {}


def decode_id(ref: str) -> str:
    """The path an id stands for: ``__`` is ``/``, then ``-_-`` is ``_``."""
    return ref.replace("__", "/").replace("-_-", "_")


def encode_id(path: str) -> str:
    """The id of a path (relative, with ``/`` separators): ``_`` becomes ``-_-``, then ``/`` becomes ``__``."""
    return path.replace("_", "-_-").replace("/", "__")


def file_format(path: Path) -> str:
    """``csv``, ``json``, ``parquet``, ``xlsx`` or ``pkl`` by the file's extension; ``""`` if unsupported."""
    name = path.name.lower()
    for compression in ("", *_COMPRESSIONS):
        if name.endswith(".csv" + compression):
            return "csv"
    suffix = path.suffix.lower()
    return {".json": "json", ".parquet": "parquet", ".xlsx": "xlsx", ".pkl": "pkl", ".pickle": "pkl"}.get(
        suffix, ""
    )


@dataclass(frozen=True)
class _Target:
    """A resolved file to write: where, in which format, with which options, and whether it may be replaced."""

    path: Path
    options: dict[str, Any]
    replace: bool


class LocalFileAdapter:
    """Loads inputs from files under root directories and writes outputs to files there."""

    key = LOCAL_FILE_ADAPTER
    name = "Local File Adapter"

    def __init__(self, roots: Sequence[Path], *, generic_sinks: bool = True, codec: Codec = PICKLE) -> None:
        if not roots:
            raise AdapterError(f"{self.name}: no root directory configured; set SEALFLOW_LOCAL_FILE_ROOTS")
        self.roots = [Path(root).absolute() for root in roots]
        self.generic_sinks = generic_sinks
        self.codec = codec
        """Writes and reads ``.pkl`` files (sealed envelopes once an instance is opened)."""

    # Protocol ----------------------------------------------------------------------------------------------

    def load(self, requests: Sequence[SourceRequest], context: RunContext) -> dict[str, Any]:
        """Read the file of each input by its extension and the input's data type."""
        values: dict[str, Any] = {}
        for request in requests:
            where = f"{self.name}: input {request.name!r}"
            ref = _reference(request.wiring.ref_key, request.wiring.ref_id, where)
            path = self.locate(ref, where, Path.is_file)
            settings = _read_settings(path, where)
            if not settings.loadable:
                raise AdapterError(f"{where}: {path} is not loadable: its settings file says loadable false")
            values[request.name] = _read(path, request.data_type, settings.load_settings, where, self.codec)
        return values

    def send(self, requests: Sequence[SinkRequest], values: Mapping[str, Any], context: RunContext) -> None:
        """Write each output to its file (declared writable) or as a new file through a generic sink."""
        for request in requests:
            where = f"{self.name}: output {request.name!r}"
            target = self._target(request, context, where)
            _write(target, values[request.name], request.data_type, where, self.codec)

    # Paths -------------------------------------------------------------------------------------------------

    def locate(self, ref: str, where: str, accept: Callable[[Path], bool]) -> Path:
        """The resolved path ``ref`` names inside a root, the first one ``accept`` takes.

        Raise ``AdapterError`` naming the path and the rule if it leaves the roots, or naming the roots if no
        candidate is accepted.
        """
        if "\x00" in ref:
            raise self._refused(ref, where, "it contains a NUL byte")
        for text in dict.fromkeys((decode_id(ref), ref)):
            relative = PurePosixPath(text)
            if ".." in relative.parts:
                raise self._refused(ref, where, "'..' is not allowed in a path")
            candidates = [Path(text)] if relative.is_absolute() else [root / text for root in self.roots]
            for candidate in candidates:
                resolved = self._contained(candidate, ref, where)
                if accept(resolved):
                    return resolved
        raise AdapterError(
            f"{where}: {ref!r} is not found in the root directories {self._roots_text()}; "
            "give a path relative to a root, e.g. 'data/measurements.csv'"
        )

    def _contained(self, path: Path, ref: str, where: str) -> Path:
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError) as exc:
            raise self._refused(ref, where, f"it cannot be resolved ({exc})") from exc
        for root in self.roots:
            if resolved.is_relative_to(root.resolve()):
                return resolved
        rule = "it is outside" if resolved == path else f"it resolves to {resolved}, outside"
        raise self._refused(ref, where, f"{rule} the root directories {self._roots_text()}")

    def _refused(self, ref: str, where: str, rule: str) -> AdapterError:
        return AdapterError(f"{where}: path {ref!r} is refused: {rule}", path=ref)

    def _roots_text(self) -> str:
        return ", ".join(str(root) for root in self.roots)

    # Sinks -------------------------------------------------------------------------------------------------

    def _target(self, request: SinkRequest, context: RunContext, where: str) -> _Target:
        ref = _reference(request.wiring.ref_key, request.wiring.ref_id, where)
        for prefix, extension in ((GENERIC_ANY_SINK, ".pkl"), (GENERIC_DATAFRAME_SINK, ".csv")):
            if ref.startswith(prefix):
                if not self.generic_sinks:
                    raise AdapterError(
                        f"{where}: generic sinks are switched off (SEALFLOW_LOCAL_FILE_GENERIC_SINKS); "
                        "write to a file declared writable in its settings file"
                    )
                directory = self._generic_directory(ref.removeprefix(prefix), where)
                default = f"{datetime.now(UTC).isoformat()}_{context.job_id}{extension}"
                name = _plain_file_name(request.wiring.filters.get("file_name") or default, where)
                path = self._contained(directory / name, name, where)
                return _Target(path, {}, replace=False)
        path = self.locate(ref, where, lambda p: p.is_file() or _settings_path(p).is_file())
        if path.name.endswith(SETTINGS_SUFFIX):
            raise self._refused(ref, where, "settings files cannot be written through the adapter")
        settings = _read_settings(path, where)
        if not settings.writable:
            generic = (
                f"{GENERIC_DATAFRAME_SINK}<dir> or {GENERIC_ANY_SINK}<dir>" if self.generic_sinks else ""
            )
            raise AdapterError(
                f"{where}: {path} is not writable; declare it in {_settings_path(path).name} with "
                '{"writable": true}' + (f", or write a new file through {generic}" if generic else "")
            )
        return _Target(path, dict(settings.write_settings), replace=True)

    def _generic_directory(self, directory_id: str, where: str) -> Path:
        if directory_id in ("", "."):
            return self.roots[0].resolve()
        return self.locate(directory_id, where, Path.is_dir)


def _reference(ref_key: str | None, ref_id: str | None, where: str) -> str:
    ref = ref_key or ref_id
    if not ref:
        raise AdapterError(
            f"{where}: the wiring names no file; set ref_id to a path such as 'data/input.csv'"
        )
    return ref


def _plain_file_name(name: str, where: str) -> str:
    if (
        "\x00" in name
        or "/" in name
        or "\\" in name
        or name in (".", "..")
        or name.startswith(".")
        or name.endswith(SETTINGS_SUFFIX)
    ):
        raise AdapterError(
            f"{where}: file_name {name!r} is refused: it must be a plain file name without path separators, "
            f"not starting with '.' and not ending with {SETTINGS_SUFFIX}",
            path=name,
        )
    return name


def _settings_path(path: Path) -> Path:
    return path.with_name(path.name + SETTINGS_SUFFIX)


def _read_settings(path: Path, where: str) -> FileSettings:
    """The settings of ``path``; the defaults (loadable, not writable) if it has no settings file."""
    settings_path = _settings_path(path)
    if not settings_path.is_file():
        return FileSettings()
    try:
        return FileSettings.model_validate_json(settings_path.read_bytes())
    except (OSError, ValidationError) as exc:
        raise AdapterError(
            f"{where}: settings file {settings_path} is invalid ({exc}); it takes the keys loadable, "
            "load_settings, writable and write_settings"
        ) from exc


# Reading ---------------------------------------------------------------------------------------------------


def _read(path: Path, data_type: DataType, options: Mapping[str, Any], where: str, codec: Codec) -> Any:
    kind = file_format(path)
    if not kind:
        raise AdapterError(f"{where}: {path.name} has an unsupported extension; use {_SUPPORTED}")
    if kind not in ("pkl", "json") and data_type not in _TABULAR_TYPES:
        raise AdapterError(
            f"{where}: a {data_type} cannot be read from {path.name}; use a .json or .pkl file for it"
        )
    try:
        if kind == "pkl":
            return codec.decode(path.read_bytes(), f"{where}: the file {path}")
        if kind == "json":
            if options and data_type in _FRAME_TYPES:
                return pd.read_json(path, **options)
            return json.loads(path.read_text(encoding="utf-8"))
        if kind == "csv":
            frame = pd.read_csv(path, **options)
        elif kind == "parquet":
            frame = pd.read_parquet(path, **options)
        else:
            frame = pd.read_excel(path, **options)
    except (ObjectTampered, ObjectUnsigned, ObjectIncompatible):
        raise
    except Exception as exc:
        raise AdapterError(f"{where}: cannot read {path}: {exc}") from exc
    return _series_from(frame, path, where) if data_type is DataType.SERIES else frame


def _series_from(frame: pd.DataFrame, path: Path, where: str) -> pd.Series[Any]:
    """The one column of ``frame``, or its value column indexed by its ``timestamp`` column."""
    columns = [str(label) for label in frame.columns]
    if len(columns) == 2 and "timestamp" in columns:
        values = frame.drop(columns="timestamp").iloc[:, 0]
        try:
            stamps = pd.DatetimeIndex(pd.to_datetime(frame["timestamp"], utc=True, format="ISO8601"))
            with contextlib.suppress(pd.errors.OutOfBoundsDatetime):
                stamps = stamps.as_unit("ns")
        except (TypeError, ValueError, OverflowError) as exc:
            raise AdapterError(
                f"{where}: the timestamp column of {path.name} is not ISO 8601: {exc}"
            ) from exc
        return pd.Series(values.to_numpy(), index=stamps.rename(None), name=values.name)
    if len(columns) == 1:
        return frame.iloc[:, 0]
    raise AdapterError(
        f"{where}: a SERIES needs one column, or a timestamp column and one value column; "
        f"{path.name} has the columns {columns}"
    )


# Writing ---------------------------------------------------------------------------------------------------


def _write(target: _Target, value: Any, data_type: DataType, where: str, codec: Codec) -> None:
    path = target.path
    kind = file_format(path)
    if not kind:
        raise AdapterError(f"{where}: {path.name} has an unsupported extension; use {_SUPPORTED}")
    try:
        render = _renderer(kind, value, data_type, target.options, codec, where)
    except SealflowError as exc:
        raise AdapterError(f"{where}: cannot write {path.name}: {exc}") from exc
    if not path.parent.is_dir():
        raise AdapterError(f"{where}: directory {path.parent} does not exist; create it first")
    write_atomically(path, render, replace=target.replace, where=where)


def _renderer(
    kind: str, value: Any, data_type: DataType, options: dict[str, Any], codec: Codec, where: str
) -> Callable[[Path], object]:
    """A function writing ``value`` to a path in format ``kind``; raise on values the format cannot hold."""
    if kind == "pkl":
        payload = codec.encode(value, f"{where}: the value").payload
        return lambda path: path.write_bytes(payload)
    if kind == "json":
        if data_type in _FRAME_TYPES:
            frame = _flat(parse_value(value, data_type))
            settings = {"orient": "records", "date_format": "iso", "date_unit": "ns", **options}
            return lambda path: frame.to_json(path, **settings)
        text = json.dumps(serialize_value(value, data_type), allow_nan=False, ensure_ascii=False)
        return lambda path: path.write_text(text, encoding="utf-8")
    frame = _as_frame(value, data_type, kind)
    if kind == "parquet":
        return lambda path: frame.to_parquet(path, **options)
    flat = _flat(frame)
    if kind == "xlsx":
        flat = _without_timezones(flat)
        return lambda path: flat.to_excel(path, **{"index": False, **options})
    return lambda path: flat.to_csv(path, **{"index": False, **options})


def _as_frame(value: Any, data_type: DataType, kind: str) -> pd.DataFrame:
    if data_type not in _TABULAR_TYPES:
        raise AdapterError(f"a {data_type} cannot be written as .{kind}; use a .json or .pkl file for it")
    if data_type is DataType.ANY and not isinstance(value, pd.Series | pd.DataFrame):
        raise AdapterError(f"a {type(value).__name__} cannot be written as .{kind}; use .json or .pkl")
    parsed = value if data_type is DataType.ANY else parse_value(value, data_type)
    if isinstance(parsed, pd.Series):
        return parsed.to_frame(name="value" if parsed.name is None else parsed.name)
    assert isinstance(parsed, pd.DataFrame)
    return parsed


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with a default index: a meaningful index becomes the first column."""
    index = frame.index
    if isinstance(index, pd.RangeIndex) and index.equals(pd.RangeIndex(len(frame))):
        return frame
    name = index.name or ("timestamp" if isinstance(index, pd.DatetimeIndex) else "index")
    return frame.set_axis(index.rename(name), axis=0).reset_index()


def _without_timezones(frame: pd.DataFrame) -> pd.DataFrame:
    """Excel holds no time zones: timezone-aware columns as naive UTC."""
    aware = [position for position, dtype in enumerate(frame.dtypes) if isinstance(dtype, pd.DatetimeTZDtype)]
    if not aware:
        return frame
    naive = frame.copy()
    for position in aware:
        naive.isetitem(position, frame.iloc[:, position].dt.tz_convert("UTC").dt.tz_localize(None))
    return naive


def write_atomically(path: Path, render: Callable[[Path], object], *, replace: bool, where: str) -> None:
    """Write through ``render`` to a temporary file next to ``path``, then move it into place.

    Without ``replace`` an existing file is never touched: ``AdapterError`` says it exists.
    """
    temporary = path.with_name(f".{uuid4().hex}.{path.name}")
    try:
        try:
            render(temporary)
            descriptor = os.open(temporary, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
        except Exception as exc:
            raise AdapterError(f"{where}: cannot write {path}: {exc}") from exc
        try:
            if replace:
                temporary.replace(path)
            else:
                os.link(temporary, path)
        except FileExistsError:
            raise AdapterError(
                f"{where}: {path} exists and generic sinks never replace a file; choose another file_name"
            ) from None
        except OSError as exc:
            raise AdapterError(f"{where}: cannot move the written file into place at {path}: {exc}") from exc
    finally:
        temporary.unlink(missing_ok=True)
