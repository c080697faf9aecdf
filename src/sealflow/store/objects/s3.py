"""The object store in an S3 bucket (AWS or any S3-compatible service): keys ``<prefix>/<name>/<tag>.pkl``
and ``.json``.

A ``PutObject`` replaces a key as a whole, so each key appears whole or not at all. Writes are
conditional (``If-None-Match: *``): a key that exists is never replaced, and of two writers of the same
name and tag only one succeeds. Services that ignore the condition still get a check for the manifest
before the write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from sealflow.errors import StorageError
from sealflow.store.objects.envelope import read_payload
from sealflow.store.objects.manifest import ObjectManifest
from sealflow.store.objects.names import check_name, check_tag, is_valid_name
from sealflow.store.objects.protocol import (
    MANIFEST_SUFFIX,
    PAYLOAD_SUFFIX,
    exists_error,
    not_found_error,
    parse_manifest,
)

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

_MISSING = frozenset({"NoSuchKey", "404", "NotFound"})
_TAKEN = frozenset({"PreconditionFailed", "412", "ConditionalRequestConflict", "409"})


class S3ObjectStore:
    """Persisted objects as keys below a prefix of a bucket; the bucket must exist."""

    def __init__(self, client: S3Client, bucket: str, prefix: str = "") -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix.strip("/")

    @property
    def location(self) -> str:
        """The bucket and prefix as an ``s3://`` URL."""
        return f"s3://{self.bucket}/{self.prefix}".rstrip("/")

    def write(self, manifest: ObjectManifest, payload: bytes) -> None:
        """Store the payload, then the manifest; ``ObjectExists`` if either is there already."""
        name, tag = check_name(manifest.name), check_tag(manifest.tag)
        manifest_key = self._key(name, tag, MANIFEST_SUFFIX)
        if self._exists(manifest_key):
            raise exists_error(self.location, name, tag, complete=True)
        self._put(self._key(name, tag, PAYLOAD_SUFFIX), payload, name, tag, complete=False)
        self._put(manifest_key, manifest.to_json(), name, tag, complete=True)

    def read(self, name: str, tag: str) -> bytes:
        """The payload of ``name`` with ``tag``, in a writable buffer; a large envelope's payload is
        hashed while it downloads (``envelope.read_payload``)."""
        return self._get(self._key(name, tag, PAYLOAD_SUFFIX), name, tag)

    def manifest(self, name: str, tag: str) -> ObjectManifest:
        """The manifest of ``name`` with ``tag``."""
        key = self._key(name, tag, MANIFEST_SUFFIX)
        return parse_manifest(self._get(key, name, tag), name, tag, self._url(key))

    def manifests(self, name: str) -> list[ObjectManifest]:
        """The manifests of every complete object called ``name``."""
        directory = self._directory(name)
        keys: list[str] = []
        try:
            pages = self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=directory, Delimiter="/"
            )
            for page in pages:
                keys += [item["Key"] for item in page.get("Contents", [])]
        except (BotoCoreError, ClientError) as exc:
            raise self._failure(f"list {self._url(directory)}", exc) from exc
        found = []
        for key in sorted(keys):
            if not key.endswith(MANIFEST_SUFFIX):
                continue
            tag = key[len(directory) :].removesuffix(MANIFEST_SUFFIX)
            found.append(parse_manifest(self._get(key, name, tag), name, tag, self._url(key)))
        return found

    def names(self) -> list[str]:
        """Every key prefix below the store's prefix that is a valid object name, sorted."""
        root = f"{self.prefix}/" if self.prefix else ""
        found: list[str] = []
        try:
            pages = self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=root, Delimiter="/"
            )
            for page in pages:
                found += [item["Prefix"][len(root) :].rstrip("/") for item in page.get("CommonPrefixes", [])]
        except (BotoCoreError, ClientError) as exc:
            raise self._failure(f"list {self.location}", exc) from exc
        return sorted(name for name in found if is_valid_name(name))

    def _directory(self, name: str) -> str:
        """The prefix of every key of ``name``, ending in ``/``."""
        return f"{self.prefix}/{check_name(name)}/" if self.prefix else f"{check_name(name)}/"

    def _key(self, name: str, tag: str, suffix: str) -> str:
        return f"{self._directory(name)}{check_tag(tag)}{suffix}"

    def _url(self, key: str) -> str:
        return f"s3://{self.bucket}/{key}"

    def _exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if _code(exc) in _MISSING:
                return False
            raise self._failure(f"look up {self._url(key)}", exc) from exc
        except BotoCoreError as exc:
            raise self._failure(f"look up {self._url(key)}", exc) from exc
        return True

    def _put(self, key: str, data: bytes, name: str, tag: str, *, complete: bool) -> None:
        try:
            self.client.put_object(Bucket=self.bucket, Key=key, Body=data, IfNoneMatch="*")
        except ClientError as exc:
            if _code(exc) in _TAKEN:
                raise exists_error(self.location, name, tag, complete=complete) from exc
            raise self._failure(f"write {self._url(key)}", exc) from exc
        except BotoCoreError as exc:
            raise self._failure(f"write {self._url(key)}", exc) from exc

    def _get(self, key: str, name: str, tag: str) -> bytes:
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=key)
            return read_payload(response["Body"], response["ContentLength"])
        except ClientError as exc:
            if _code(exc) in _MISSING:
                raise not_found_error(self.location, name, tag) from exc
            raise self._failure(f"read {self._url(key)}", exc) from exc
        except (BotoCoreError, OSError) as exc:
            raise self._failure(f"read {self._url(key)}", exc) from exc

    def _failure(self, action: str, exc: BotoCoreError | ClientError | OSError) -> StorageError:
        if isinstance(exc, ClientError) and _code(exc) == "NoSuchBucket":
            return StorageError(
                f"cannot {action}: the bucket {self.bucket!r} does not exist; create it, or point "
                "SEALFLOW_OBJECTS_URL at an existing one"
            )
        return StorageError(
            f"cannot {action}: {exc}; check SEALFLOW_OBJECTS_URL, SEALFLOW_OBJECTS_ENDPOINT_URL and the "
            "AWS credentials of this process"
        )


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))
