"""Generic REST adapters: clients of web services that speak hetida designer's adapter protocol.

Adapters are registered by ``id|name|externalUrl|internalUrl`` entries; runs call the internal URL:

* ``timeseries(...)`` and ``series(...)``: ``GET /timeseries?id=..&from=..&to=..`` (NDJSON records
  ``{timeseriesId, timestamp, value}``; inputs sharing value type and filters are fetched in one request) and
  ``POST /timeseries?timeseriesId=..`` with ``[{timestamp, value}]``;
* ``dataframe``: ``GET /dataframe?id=..`` (NDJSON records; a parseable ``timestamp`` column also becomes the
  sorted index) and ``POST /dataframe?id=..`` with the records (the index is not sent);
* ``multitsframe``: ``GET /multitsframe?id=..&from=..&to=..`` and ``POST /multitsframe?id=..``;
* ``metadata(...)``: ``GET``/``POST /{sources|sinks|thingNodes}/{ref_id}/metadata/{ref_key}``.

The filters ``timestampFrom`` and ``timestampTo`` are sent as ``from`` and ``to`` (required for time series
and multitsframes); other filters as query parameters. A 404 whose body has ``"errorCode": "RESULT_EMPTY"``
means empty data. The header ``Data-Attributes`` (base64 of UTF-8 JSON) carries ``.attrs`` both ways, keyed
by id for loaded time series.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import quote

import httpx
import pandas as pd

from sealflow.adapters.protocol import RunContext, SinkRequest, SourceRequest
from sealflow.code.values import parse_value, serialize_value
from sealflow.errors import AdapterError, AdapterUnavailable, SealflowError
from sealflow.model.datatypes import DataType
from sealflow.model.wiring import InputWiring, OutputWiring, RefIdType

ATTRIBUTES_HEADER: Final = "Data-Attributes"

_EXTERNAL_TYPE = re.compile(
    r"(?P<kind>metadata|timeseries|series|dataframe|multitsframe)(?:\((?P<value>\w+)\))?"
)
_VALUE_TYPES: Final = {
    "int": "int",
    "integer": "int",
    "float": "float",
    "string": "string",
    "str": "string",
    "boolean": "boolean",
    "bool": "boolean",
    "any": "any",
    "object": "any",
}
_DEFAULT_TYPES: Final = {
    DataType.SERIES: "timeseries(any)",
    DataType.DATAFRAME: "dataframe",
    DataType.MULTITSFRAME: "multitsframe",
    DataType.INT: "metadata(int)",
    DataType.FLOAT: "metadata(float)",
    DataType.STRING: "metadata(string)",
    DataType.BOOLEAN: "metadata(boolean)",
}
_METADATA_OWNERS: Final = {
    RefIdType.SOURCE: "sources",
    RefIdType.SINK: "sinks",
    RefIdType.THINGNODE: "thingNodes",
}


@dataclass(frozen=True)
class RestAdapterEntry:
    """One registered REST adapter: its id (the wiring's ``adapter_id``), name and URLs."""

    id: str
    name: str
    url: str
    internal_url: str


def parse_rest_adapters(text: str) -> list[RestAdapterEntry]:
    """The entries of an ``id|name|externalUrl|internalUrl,...`` list; ``AdapterError`` naming a bad one."""
    entries = []
    for item in text.split(","):
        if not item.strip():
            continue
        parts = [part.strip() for part in item.split("|")]
        if len(parts) != 4 or not all(parts):
            raise AdapterError(
                f"REST adapter entry {item.strip()!r} is malformed; SEALFLOW_REST_ADAPTERS takes "
                "'id|name|externalUrl|internalUrl' entries separated by commas"
            )
        if not parts[3].startswith(("http://", "https://")):
            raise AdapterError(f"REST adapter {parts[0]!r}: internal URL {parts[3]!r} is no http(s) URL")
        entries.append(RestAdapterEntry(*parts))
    return entries


@dataclass(frozen=True)
class _Wired:
    """A request's wiring read for this protocol: what kind of data, which id, which parameters."""

    name: str
    role: str
    data_type: DataType
    kind: str
    value_type: str
    ref_id: str
    ref_key: str | None
    ref_id_type: RefIdType | None
    span: tuple[tuple[str, str], ...]
    params: tuple[tuple[str, str], ...]


class RestAdapter:
    """Loads inputs from and sends outputs to one generic REST adapter service."""

    def __init__(self, key: str, name: str, url: str, internal_url: str, *, timeout: float = 30.0) -> None:
        self.key = key
        self.name = name
        self.url = url
        self.internal_url = internal_url
        self.timeout = timeout

    @classmethod
    def from_entry(cls, entry: RestAdapterEntry, *, timeout: float = 30.0) -> RestAdapter:
        """The adapter a registration entry describes."""
        return cls(entry.id, entry.name, entry.url, entry.internal_url, timeout=timeout)

    # Protocol ----------------------------------------------------------------------------------------------

    def load(self, requests: Sequence[SourceRequest], context: RunContext) -> dict[str, Any]:
        """Fetch every input from the service; time series sharing type and filters in one request."""
        values: dict[str, Any] = {}
        batches: dict[tuple[Any, ...], list[_Wired]] = {}
        with self._client() as client:
            for request in requests:
                wired = self._wired(request.name, request.data_type, request.wiring, "input")
                if wired.kind == "timeseries":
                    batches.setdefault((wired.value_type, wired.span, wired.params), []).append(wired)
                elif wired.kind == "metadata":
                    values[wired.name] = self._get_metadatum(client, wired)
                else:
                    values[wired.name] = self._get_frame(client, wired)
            for batch in batches.values():
                values.update(self._get_timeseries(client, batch))
        return values

    def send(self, requests: Sequence[SinkRequest], values: Mapping[str, Any], context: RunContext) -> None:
        """Post every output to the service."""
        with self._client() as client:
            for request in requests:
                wired = self._wired(request.name, request.data_type, request.wiring, "output")
                value = values[request.name]
                if wired.kind == "metadata":
                    owner = _METADATA_OWNERS[wired.ref_id_type or RefIdType.SINK]
                    body = {"key": wired.ref_key, "value": self._encoded(value, request.data_type, wired)}
                    path = f"/{owner}/{quote(wired.ref_id, safe='')}/metadata/{quote(wired.ref_key or '', safe='')}"
                    self._request(client, "POST", path, wired, params=list(wired.params), json=body)
                    continue
                if wired.kind == "timeseries":
                    series = self._parsed(value, DataType.SERIES, wired)
                    if not isinstance(series.index, pd.DatetimeIndex):
                        raise AdapterError(
                            f"{self._where(wired)}: a time series needs a DatetimeIndex, "
                            f"not a {type(series.index).__name__}"
                        )
                    path, params, records = (
                        "/timeseries",
                        [("timeseriesId", wired.ref_id)],
                        _series_records(series),
                    )
                    attrs: dict[Any, Any] = series.attrs
                else:
                    data_type = DataType.MULTITSFRAME if wired.kind == "multitsframe" else DataType.DATAFRAME
                    frame = self._parsed(value, data_type, wired)
                    path, params, records = f"/{wired.kind}", [("id", wired.ref_id)], _frame_records(frame)
                    attrs = frame.attrs
                headers = {ATTRIBUTES_HEADER: self._attributes(attrs, wired)} if attrs else {}
                self._request(
                    client,
                    "POST",
                    path,
                    wired,
                    params=params + list(wired.params),
                    content=records,
                    headers={"Content-Type": "application/json", **headers},
                )

    # Wiring ------------------------------------------------------------------------------------------------

    def _wired(self, name: str, data_type: DataType, wiring: InputWiring | OutputWiring, role: str) -> _Wired:
        where = f"{self.name}: {role} {name!r}"
        external = wiring.type or _DEFAULT_TYPES.get(data_type)
        match = _EXTERNAL_TYPE.fullmatch(external or "")
        if match is None:
            raise AdapterError(
                f"{where}: set the wiring's type, e.g. timeseries(float), dataframe or metadata(any)"
            )
        category = "timeseries" if match["kind"] == "series" else match["kind"]
        value_type = _VALUE_TYPES.get(match["value"] or "any", "any")
        if not wiring.ref_id:
            raise AdapterError(f"{where}: the wiring names no {category} id; set ref_id")
        if category == "metadata" and not wiring.ref_key:
            raise AdapterError(f"{where}: a {external} wiring needs the metadatum's key in ref_key")
        filters: dict[str, str] = dict(wiring.filters)
        span: list[tuple[str, str]] = []
        for key, parameter in (("timestampFrom", "from"), ("timestampTo", "to")):
            if key in filters:
                span.append((parameter, filters.pop(key)))
        if category in ("timeseries", "multitsframe") and role == "input" and len(span) != 2:
            raise AdapterError(f"{where}: a {external} input needs the filters timestampFrom and timestampTo")
        return _Wired(
            name,
            role,
            data_type,
            category,
            value_type,
            wiring.ref_id,
            wiring.ref_key,
            wiring.ref_id_type,
            tuple(span),
            tuple(sorted(filters.items())),
        )

    # Loading -----------------------------------------------------------------------------------------------

    def _get_metadatum(self, client: httpx.Client, wired: _Wired) -> Any:
        owner = _METADATA_OWNERS[wired.ref_id_type or RefIdType.SOURCE]
        path = f"/{owner}/{quote(wired.ref_id, safe='')}/metadata/{quote(wired.ref_key or '', safe='')}"
        response = self._request(client, "GET", path, wired, params=list(wired.params))
        body = self._json(response, wired)
        if not isinstance(body, dict) or "value" not in body:
            raise self._bad_answer(response, wired, "a metadatum {key, value, dataType}")
        return body["value"]

    def _get_frame(self, client: httpx.Client, wired: _Wired) -> pd.DataFrame:
        params = [("id", wired.ref_id), *wired.span, *wired.params]
        response = self._request(client, "GET", f"/{wired.kind}", wired, params=params, empty_ok=True)
        records = self._records(response, wired)
        frame = pd.DataFrame.from_records(records) if records else pd.DataFrame()
        if wired.kind == "multitsframe":
            if "timestamp" in frame.columns:
                frame["timestamp"] = self._timestamps(frame["timestamp"], response, wired)
        elif "timestamp" in frame.columns:
            try:
                stamps = _utc_ns(frame["timestamp"])
            except (TypeError, ValueError, OverflowError):
                pass
            else:
                frame["timestamp"] = stamps
                frame.index = pd.DatetimeIndex(stamps).rename(None)
                frame = frame.sort_index(kind="stable")
        frame.attrs.update(self._read_attributes(response, wired))
        return frame

    def _get_timeseries(self, client: httpx.Client, batch: list[_Wired]) -> dict[str, pd.Series[Any]]:
        first = batch[0]
        ids = list(dict.fromkeys(wired.ref_id for wired in batch))
        params = [*(("id", ts_id) for ts_id in ids), *first.span, *first.params]
        response = self._request(client, "GET", "/timeseries", first, params=params, empty_ok=True)
        records = self._records(response, first)
        attributes = self._read_attributes(response, first)
        by_id: dict[str, list[dict[str, Any]]] = {ts_id: [] for ts_id in ids}
        for record in records:
            ts_id = record.get("timeseriesId")
            if ts_id not in by_id or "timestamp" not in record or "value" not in record:
                raise self._bad_answer(
                    response, first, "records {timeseriesId, timestamp, value} of the ids asked"
                )
            by_id[ts_id].append(record)
        series = {}
        for ts_id, items in by_id.items():
            stamps = self._timestamps(
                pd.Series([r["timestamp"] for r in items], dtype=object), response, first
            )
            index = pd.DatetimeIndex(stamps)
            one = _typed([r["value"] for r in items], index, ts_id, first.value_type).sort_index(
                kind="stable"
            )
            attrs = attributes.get(ts_id, {}) if isinstance(attributes, dict) else {}
            one.attrs = attrs if isinstance(attrs, dict) else {}
            series[ts_id] = one
        return {wired.name: series[wired.ref_id].copy() for wired in batch}

    # HTTP --------------------------------------------------------------------------------------------------

    def _client(self) -> httpx.Client:
        return httpx.Client(base_url=self.internal_url, timeout=self.timeout)

    def _request(
        self,
        client: httpx.Client,
        method: str,
        path: str,
        wired: _Wired,
        *,
        empty_ok: bool = False,
        **options: Any,
    ) -> httpx.Response:
        where = self._where(wired)
        try:
            response = client.request(method, path, **options)
        except httpx.TransportError as exc:
            raise AdapterUnavailable(
                f"{where}: {self.name} at {self.internal_url} cannot be reached ({type(exc).__name__}: {exc}); "
                "check that the adapter service runs and that SEALFLOW_REST_ADAPTERS names its internal URL",
                adapter=self.key,
                url=self.internal_url,
            ) from exc
        if response.status_code == 404 and empty_ok and _is_empty_result(response):
            return response
        if response.is_error:
            detail = response.text.strip().replace("\n", " ")
            excerpt = detail if len(detail) <= 200 else detail[:200] + "..."
            raise AdapterError(
                f"{where}: {method} {response.request.url.path} answered {response.status_code} "
                f"{response.reason_phrase}" + (f": {excerpt}" if excerpt else ""),
                adapter=self.key,
                status=response.status_code,
            )
        return response

    def _records(self, response: httpx.Response, wired: _Wired) -> list[dict[str, Any]]:
        if response.status_code == 404:
            return []
        records = []
        for line in response.text.splitlines():
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                raise self._bad_answer(response, wired, "NDJSON: one JSON record per line") from None
            if not isinstance(record, dict):
                raise self._bad_answer(response, wired, "NDJSON: one JSON object per line")
            records.append(record)
        return records

    def _json(self, response: httpx.Response, wired: _Wired) -> Any:
        try:
            return response.json()
        except ValueError:
            raise self._bad_answer(response, wired, "JSON") from None

    def _timestamps(self, values: pd.Series[Any], response: httpx.Response, wired: _Wired) -> pd.Series[Any]:
        try:
            return _utc_ns(values)
        except (TypeError, ValueError, OverflowError):
            raise self._bad_answer(response, wired, "ISO 8601 timestamps") from None

    def _read_attributes(self, response: httpx.Response, wired: _Wired) -> dict[str, Any]:
        header = response.headers.get(ATTRIBUTES_HEADER)
        if not header:
            return {}
        try:
            attributes = json.loads(base64.b64decode(header, validate=True).decode("utf-8"))
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise self._bad_answer(
                response, wired, f"a {ATTRIBUTES_HEADER} header of base64 UTF-8 JSON"
            ) from None
        if not isinstance(attributes, dict):
            raise self._bad_answer(response, wired, f"a {ATTRIBUTES_HEADER} header holding a JSON object")
        return attributes

    def _attributes(self, attrs: Mapping[Any, Any], wired: _Wired) -> str:
        text = json.dumps(
            self._encoded(dict(attrs), DataType.ANY, wired), allow_nan=False, ensure_ascii=False
        )
        return base64.b64encode(text.encode("utf-8")).decode("ascii")

    def _encoded(self, value: Any, data_type: DataType, wired: _Wired) -> Any:
        try:
            return serialize_value(value, data_type)
        except SealflowError as exc:
            raise AdapterError(f"{self._where(wired)}: cannot send the value: {exc}") from exc

    def _parsed(self, value: Any, data_type: DataType, wired: _Wired) -> Any:
        try:
            return parse_value(value, data_type)
        except SealflowError as exc:
            raise AdapterError(f"{self._where(wired)}: cannot send the value as {data_type}: {exc}") from exc

    def _bad_answer(self, response: httpx.Response, wired: _Wired, expected: str) -> AdapterError:
        return AdapterError(
            f"{self._where(wired)}: {response.request.method} {response.request.url.path} did not answer "
            f"with {expected}",
            adapter=self.key,
        )

    def _where(self, wired: _Wired) -> str:
        return f"{self.name}: {wired.role} {wired.name!r} ({wired.ref_id})"


def _is_empty_result(response: httpx.Response) -> bool:
    try:
        body = response.json()
    except ValueError:
        return False
    if isinstance(body, dict) and isinstance(body.get("detail"), dict):
        body = body["detail"]
    return isinstance(body, dict) and body.get("errorCode") == "RESULT_EMPTY"


def _typed(values: list[Any], index: pd.DatetimeIndex, name: str, value_type: str) -> pd.Series[Any]:
    """A loaded time series in the dtype of its value type (pandas' choice if the values do not fit it)."""
    dtype = {"float": "float64", "int": "int64", "boolean": "bool", "any": "object"}.get(value_type)
    try:
        return pd.Series(values, index=index, name=name, dtype=dtype)
    except (TypeError, ValueError):
        return pd.Series(values, index=index, name=name)


def _series_records(series: pd.Series[Any]) -> str:
    index = series.index
    assert isinstance(index, pd.DatetimeIndex)
    frame = pd.DataFrame({"timestamp": _utc(index), "value": series.to_numpy()})
    return frame.to_json(orient="records", date_format="iso", date_unit="ns")


def _frame_records(frame: pd.DataFrame) -> str:
    return frame.reset_index(drop=True).to_json(orient="records", date_format="iso", date_unit="ns")


def _utc_ns(values: pd.Series[Any]) -> pd.Series[Any]:
    """ISO 8601 texts as UTC timestamps, in ns like every other timestamp the runtime reads."""
    stamps = pd.to_datetime(values, utc=True, format="ISO8601")
    with contextlib.suppress(pd.errors.OutOfBoundsDatetime):
        stamps = stamps.dt.as_unit("ns")
    return stamps


def _utc(index: pd.DatetimeIndex) -> pd.DatetimeIndex:
    return index.tz_localize("UTC") if index.tz is None else index.tz_convert("UTC")
