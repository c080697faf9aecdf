"""The blob storage adapter: objects in the buckets of an S3-compatible service, laid out by a hierarchy.

**Layout.** A hierarchy file ``{"structure": [{name, description, below_structure_defines_object_key?,
substructure?}, ...]}`` names the end nodes (leaves). The bucket of an end node is the lowercased names
from the root down to the node flagged ``below_structure_defines_object_key`` (inclusive) joined with
``-``; without a flag, the names of all its ancestors. Its key prefix is the remaining names joined with
``/``. An object is ``<prefix>_<UTC iso>_<job id>.<pkl|parquet>``, e.g. bucket ``planta-picklingunit``, key
``Influx/Anomalies_2023-02-14T12:19:38+00:00_<job id>.pkl``.

**Wiring.** ``ref_id`` is ``<bucket>/<prefix>`` of an end node. A source's ``ref_key`` is
``"<end node> - <YYYY-MM-DD HH:MM:SS+00:00> - <job id> (pkl)"`` or an object key under the prefix. A sink's
``ref_key`` is ``"<end node> - Next Object"`` (the object gets the time and job id of the run; the filter
``object_key_suffix`` = ``"<YYYY-MM-DD HH:MM:SS+00:00> - <job id>"`` sets them) or a source-style name.
Objects are pickles; the sink filter ``object_format=parquet`` writes a DATAFRAME or MULTITSFRAME as
parquet. An existing object is never overwritten.

Credentials come from the standard AWS chain (environment, profile, role); the adapter never logs them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

import boto3
import pandas as pd
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, HTTPClientError, NoCredentialsError
from botocore.exceptions import ConnectionError as EndpointUnreachable
from pydantic import BaseModel, ValidationError

from sealflow.adapters.protocol import RunContext, SinkRequest, SourceRequest
from sealflow.code.values import parse_value
from sealflow.errors import (
    AdapterError,
    AdapterUnavailable,
    ObjectIncompatible,
    ObjectTampered,
    ObjectUnsigned,
)
from sealflow.model.datatypes import DataType
from sealflow.store.objects.codec import PICKLE, Codec

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

BLOB_STORAGE_ADAPTER: Final = "blob-storage-adapter"
NEXT_OBJECT: Final = "Next Object"

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
_JOB_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_STAMP = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+00:00"
_OBJECT_NAME = re.compile(rf"(?P<node>.+) - (?P<stamp>{_STAMP}) - (?P<job>\S+) \((?P<ext>pkl|parquet)\)")
_SUFFIX = re.compile(rf"(?P<stamp>{_STAMP}) - (?P<job>\S+)")
_FORMATS: Final = ("pkl", "parquet")

T = TypeVar("T")


class HierarchyNode(BaseModel):
    """One node of the hierarchy file."""

    name: str
    description: str = ""
    below_structure_defines_object_key: bool = False
    substructure: list[HierarchyNode] = []


class Hierarchy(BaseModel):
    """The hierarchy file: the tree whose end nodes are the adapter's sources and sinks."""

    structure: list[HierarchyNode]


@dataclass(frozen=True)
class EndNode:
    """A leaf of the hierarchy: the bucket and key prefix of its objects."""

    name: str
    bucket: str
    prefix: str

    @property
    def id(self) -> str:
        """The ``ref_id`` that names this end node in a wiring."""
        return f"{self.bucket}/{self.prefix}"

    def object_key(self, stamp: datetime, job_id: str, extension: str) -> str:
        """The key of an object written at ``stamp`` (UTC, whole seconds) by job ``job_id``."""
        return f"{self.prefix}_{stamp.isoformat(timespec='seconds')}_{job_id}.{extension}"


def end_nodes(hierarchy: Hierarchy) -> dict[str, EndNode]:
    """The end nodes of ``hierarchy`` by id; ``AdapterError`` naming the node if the tree breaks a rule."""
    nodes: dict[str, EndNode] = {}

    def visit(node: HierarchyNode, path: list[HierarchyNode]) -> None:
        path = [*path, node]
        where = "/".join(item.name for item in path)
        if not _NAME.fullmatch(node.name):
            raise _hierarchy_error(f"node {where!r}: a name has only letters, digits, '.', '_' and '-'")
        for child in node.substructure:
            visit(child, path)
        if node.substructure:
            return
        flagged = [position for position, item in enumerate(path) if item.below_structure_defines_object_key]
        if len(flagged) > 1:
            raise _hierarchy_error(f"end node {where!r}: only one node above it may define the bucket")
        cut = flagged[0] + 1 if flagged else len(path) - 1
        if cut == 0:
            raise _hierarchy_error(
                f"end node {where!r} has no node above it to name its bucket; nest it in one"
            )
        if cut == len(path):
            raise _hierarchy_error(f"end node {where!r} defines the bucket itself; flag a node above it")
        bucket = "-".join(item.name.lower() for item in path[:cut])
        if not _BUCKET.fullmatch(bucket) or ".." in bucket:
            raise _hierarchy_error(
                f"end node {where!r}: {bucket!r} is no valid bucket name (3 to 63 lowercase letters, digits, "
                "'.' and '-'); rename or flag the nodes above it"
            )
        end = EndNode(node.name, bucket, "/".join(item.name for item in path[cut:]))
        if end.id in nodes:
            raise _hierarchy_error(f"end node {where!r} appears twice")
        nodes[end.id] = end

    for root in hierarchy.structure:
        visit(root, [])
    return nodes


def _hierarchy_error(message: str) -> AdapterError:
    return AdapterError(f"Blob Storage Adapter: hierarchy file: {message}")


class BlobStorageAdapter:
    """Loads inputs from and writes outputs to objects in S3 buckets laid out by a hierarchy."""

    key = BLOB_STORAGE_ADAPTER
    name = "Blob Storage Adapter"

    def __init__(
        self,
        hierarchy_file: Path,
        *,
        endpoint_url: str | None = None,
        region: str = "eu-central-1",
        allow_bucket_creation: bool = True,
        timeout: float = 30.0,
        codec: Codec = PICKLE,
    ) -> None:
        self.hierarchy_file = hierarchy_file
        self.codec = codec
        """Writes and reads ``pkl`` objects (sealed envelopes once an instance is opened)."""
        self.endpoint_url = endpoint_url
        self.region = region
        self.allow_bucket_creation = allow_bucket_creation
        self.timeout = timeout

    @cached_property
    def nodes(self) -> dict[str, EndNode]:
        """The end nodes of the hierarchy file, read on first use."""
        try:
            hierarchy = Hierarchy.model_validate_json(self.hierarchy_file.read_bytes())
        except (OSError, ValidationError) as exc:
            raise AdapterError(
                f"{self.name}: cannot read the hierarchy file {self.hierarchy_file} ({exc}); fix it or point "
                "SEALFLOW_BLOB_HIERARCHY_FILE to another"
            ) from exc
        return end_nodes(hierarchy)

    @cached_property
    def client(self) -> S3Client:
        """The S3 client, created on first use; credentials come from the standard AWS chain."""
        config = Config(
            connect_timeout=min(self.timeout, 10.0),
            read_timeout=self.timeout,
            retries={"max_attempts": 3, "mode": "standard"},
            s3={"addressing_style": "path"} if self.endpoint_url else None,
        )
        session = boto3.session.Session()
        return session.client("s3", endpoint_url=self.endpoint_url, region_name=self.region, config=config)

    @property
    def endpoint(self) -> str:
        """The endpoint in force, for messages."""
        return self.endpoint_url or f"AWS S3 ({self.region})"

    # Protocol ----------------------------------------------------------------------------------------------

    def load(self, requests: Sequence[SourceRequest], context: RunContext) -> dict[str, Any]:
        """Read the object each input names: pickles as they are, parquet as a DataFrame."""
        values: dict[str, Any] = {}
        for request in requests:
            where = f"{self.name}: input {request.name!r}"
            node = self._node(request.wiring.ref_id, where)
            key = self._source_key(node, request.wiring.ref_key, where)
            body = self._call(where, f"read s3://{node.bucket}/{key}", partial(self._read, node.bucket, key))
            values[request.name] = _decode(body, key, where, self.codec)
        return values

    def send(self, requests: Sequence[SinkRequest], values: Mapping[str, Any], context: RunContext) -> None:
        """Write each output as a new object; an existing object is never overwritten."""
        for request in requests:
            where = f"{self.name}: output {request.name!r}"
            node = self._node(request.wiring.ref_id, where)
            key = self._sink_key(node, request, context, where)
            body = _encode(values[request.name], request.data_type, key, where, self.codec)
            self._ensure_bucket(node.bucket, where)
            self._put_new(node.bucket, key, body, where)

    # Naming ------------------------------------------------------------------------------------------------

    def _node(self, ref_id: str | None, where: str) -> EndNode:
        if not ref_id or ref_id not in self.nodes:
            known = ", ".join(sorted(self.nodes)) or "none"
            raise AdapterError(
                f"{where}: ref_id {ref_id!r} is no end node of the hierarchy; use one of: {known}"
            )
        return self.nodes[ref_id]

    def _source_key(self, node: EndNode, ref_key: str | None, where: str) -> str:
        if not ref_key:
            raise AdapterError(
                f"{where}: the wiring names no object; set ref_key to "
                f"'{node.name} - <YYYY-MM-DD HH:MM:SS+00:00> - <job id> (pkl)' or an object key"
            )
        named = _OBJECT_NAME.fullmatch(ref_key)
        if named:
            return self._named_key(node, named, where)
        if not ref_key.startswith(node.prefix + "_") or ".." in ref_key.split("/"):
            raise AdapterError(
                f"{where}: object key {ref_key!r} is not under the end node {node.id!r}; "
                f"its keys start with {node.prefix + '_'!r}"
            )
        return ref_key

    def _sink_key(self, node: EndNode, request: SinkRequest, context: RunContext, where: str) -> str:
        ref_key = request.wiring.ref_key or f"{node.name} - {NEXT_OBJECT}"
        named = _OBJECT_NAME.fullmatch(ref_key)
        if named:
            return self._named_key(node, named, where)
        if ref_key != f"{node.name} - {NEXT_OBJECT}":
            raise AdapterError(
                f"{where}: ref_key {ref_key!r} names no sink of {node.id!r}; use '{node.name} - {NEXT_OBJECT}'"
            )
        extension = request.wiring.filters.get("object_format") or "pkl"
        if extension not in _FORMATS:
            raise AdapterError(f"{where}: object_format {extension!r} is unknown; use pkl or parquet")
        suffix = request.wiring.filters.get("object_key_suffix")
        if suffix:
            match = _SUFFIX.fullmatch(suffix)
            if match is None:
                raise AdapterError(
                    f"{where}: object_key_suffix {suffix!r} is invalid; use "
                    "'<YYYY-MM-DD HH:MM:SS+00:00> - <job id>'"
                )
            stamp, job_id = _stamp(match["stamp"]), match["job"]
        else:
            stamp, job_id = datetime.now(UTC).replace(microsecond=0), context.job_id
        return node.object_key(stamp, _job_id(job_id, where), extension)

    def _named_key(self, node: EndNode, named: re.Match[str], where: str) -> str:
        if named["node"] != node.name:
            raise AdapterError(
                f"{where}: {named['node']!r} is not the end node {node.id!r}; "
                f"the ref_key starts with {node.name!r}"
            )
        return node.object_key(_stamp(named["stamp"]), _job_id(named["job"], where), named["ext"])

    # Storage -----------------------------------------------------------------------------------------------

    def _read(self, bucket: str, key: str) -> bytes:
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()

    def _ensure_bucket(self, bucket: str, where: str) -> None:
        try:
            self._call(where, f"find bucket {bucket}", lambda: self.client.head_bucket(Bucket=bucket))
            return
        except AdapterError as exc:
            if exc.context.get("status") != 404:
                raise
        if not self.allow_bucket_creation:
            raise AdapterError(
                f"{where}: bucket {bucket!r} does not exist at {self.endpoint}; create it, or set "
                "SEALFLOW_BLOB_ALLOW_BUCKET_CREATION=true"
            )
        if self.region == "us-east-1":
            self._call(where, f"create bucket {bucket}", lambda: self.client.create_bucket(Bucket=bucket))
        else:
            self._call(
                where,
                f"create bucket {bucket}",
                lambda: self.client.create_bucket(
                    Bucket=bucket,
                    CreateBucketConfiguration={"LocationConstraint": self.region},  # type: ignore[typeddict-item]
                ),
            )

    def _put_new(self, bucket: str, key: str, body: bytes, where: str) -> None:
        exists = f"{where}: object {key!r} exists in bucket {bucket!r} and is never overwritten; wire another ref_key"
        try:
            self._call(
                where, f"check s3://{bucket}/{key}", lambda: self.client.head_object(Bucket=bucket, Key=key)
            )
        except AdapterError as exc:
            if exc.context.get("status") != 404:
                raise
        else:
            raise AdapterError(exists)
        try:
            self._call(
                where,
                f"write s3://{bucket}/{key}",
                lambda: self.client.put_object(Bucket=bucket, Key=key, Body=body, IfNoneMatch="*"),
            )
        except AdapterError as exc:
            if exc.context.get("status") != 412:
                raise
            raise AdapterError(exists) from None

    def _call(self, where: str, action: str, call: Callable[[], T]) -> T:
        """Run one S3 request and translate its failures into Sealflow errors."""
        try:
            return call()
        except NoCredentialsError as exc:
            raise AdapterError(
                f"{where}: no credentials for {self.endpoint}; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                "or configure an AWS profile or role"
            ) from exc
        except (EndpointUnreachable, HTTPClientError) as exc:
            raise AdapterUnavailable(
                f"{where}: blob storage at {self.endpoint} cannot be reached to {action} ({exc}); "
                "check SEALFLOW_BLOB_ENDPOINT_URL and that the service runs",
                endpoint=self.endpoint,
            ) from exc
        except BotoCoreError as exc:
            raise AdapterError(f"{where}: cannot {action} at {self.endpoint}: {exc}") from exc
        except ClientError as exc:
            error = exc.response.get("Error", {})
            code = str(error.get("Code", ""))
            status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
            if code in ("404", "NoSuchKey", "NoSuchBucket", "NotFound") or status == 404:
                message = f"{where}: cannot {action}: it does not exist at {self.endpoint}"
                raise AdapterError(message, status=404) from exc
            detail = f"{code or status} {error.get('Message', '')}".strip()
            raise AdapterError(
                f"{where}: cannot {action} at {self.endpoint}: {detail}", status=status
            ) from exc


def _stamp(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S%z").astimezone(UTC)


def _job_id(job_id: str, where: str) -> str:
    if not _JOB_ID.fullmatch(job_id):
        raise AdapterError(
            f"{where}: job id {job_id!r} cannot be part of an object key; use letters, digits, '-'"
        )
    return job_id


def _decode(body: bytes, key: str, where: str, codec: Codec) -> Any:
    try:
        if key.endswith(".parquet"):
            return pd.read_parquet(io.BytesIO(body))
        return codec.decode(body, f"{where}: the object {key!r}")
    except (ObjectTampered, ObjectUnsigned, ObjectIncompatible):
        raise
    except Exception as exc:
        raise AdapterError(f"{where}: cannot read object {key!r}: {exc}") from exc


def _encode(value: Any, data_type: DataType, key: str, where: str, codec: Codec) -> bytes:
    try:
        if key.endswith(".parquet"):
            if data_type not in (DataType.DATAFRAME, DataType.MULTITSFRAME, DataType.ANY):
                raise AdapterError(f"a {data_type} cannot be written as parquet; write it as pkl")
            frame = parse_value(value, DataType.DATAFRAME if data_type is DataType.ANY else data_type)
            buffer = io.BytesIO()
            frame.to_parquet(buffer)
            return buffer.getvalue()
        return codec.encode(value, f"{where}: the value").payload
    except Exception as exc:
        raise AdapterError(f"{where}: cannot write {key!r}: {exc}") from exc
