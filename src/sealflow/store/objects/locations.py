"""Open the object store an objects URL names: ``file:///dir`` (or a plain directory) or
``s3://bucket/prefix``."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from sealflow.errors import InvalidInput
from sealflow.store.objects.local import LocalObjectStore
from sealflow.store.objects.protocol import ObjectStore

_FORMS = "file:///path/to/dir, a directory path, or s3://bucket/prefix"


def open_object_store(url: str, *, endpoint_url: str | None = None) -> ObjectStore:
    """The object store at ``url``; ``endpoint_url`` points ``s3://`` URLs at an S3-compatible service."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "" or (len(scheme) == 1 and url[1:2] == ":"):
        return LocalObjectStore(Path(url))
    if scheme == "file":
        if parts.netloc not in ("", "localhost"):
            raise InvalidInput(
                f"the objects URL {url!r} names the host {parts.netloc!r}; a file URL must name a "
                "local directory, e.g. file:///srv/sealflow/objects"
            )
        return LocalObjectStore(Path(url2pathname(parts.path)))
    if scheme == "s3":
        if not parts.netloc:
            raise InvalidInput(f"the objects URL {url!r} names no bucket; write s3://bucket/prefix")
        import boto3

        from sealflow.store.objects.s3 import S3ObjectStore

        return S3ObjectStore(boto3.client("s3", endpoint_url=endpoint_url), parts.netloc, parts.path)
    raise InvalidInput(f"the objects URL {url!r} has the unsupported scheme {scheme!r}; use {_FORMS}")
