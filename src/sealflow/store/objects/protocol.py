"""The object store port: where payloads and manifests of persisted objects are kept.

A store keeps, per object, a payload at ``<name>/<tag>.pkl`` and its manifest at ``<name>/<tag>.json``
below its root. It knows nothing about pickling or ``latest``; ``ObjectRepository`` adds those rules
once for every store. Every implementation passes the contract suite in ``tests/objects``:

* ``write`` never replaces anything: if the payload or the manifest exists, it raises ``ObjectExists``;
* the payload is complete before the manifest appears, and each appears whole or not at all, so an
  object a reader can see is always complete;
* names and tags are checked again by the store (``names.check_name``/``check_tag``) before any path or
  key is formed;
* missing objects raise ``ObjectNotFound``, failures of the medium ``StorageError``.
"""

from __future__ import annotations

from typing import Protocol

from sealflow.errors import ObjectExists, ObjectNotFound, StorageError
from sealflow.store.objects.manifest import ObjectManifest

PAYLOAD_SUFFIX = ".pkl"
MANIFEST_SUFFIX = ".json"


class ObjectStore(Protocol):
    """Keeps payloads and manifests of persisted objects by name and tag."""

    @property
    def location(self) -> str:
        """Where the store is, as a URL for messages (``file:///...``, ``s3://bucket/prefix``)."""
        ...

    def write(self, manifest: ObjectManifest, payload: bytes) -> None:
        """Store ``payload`` under the manifest's name and tag, then the manifest itself."""
        ...

    def read(self, name: str, tag: str) -> bytes:
        """The payload stored under ``name`` and ``tag``."""
        ...

    def manifest(self, name: str, tag: str) -> ObjectManifest:
        """The manifest stored under ``name`` and ``tag``."""
        ...

    def manifests(self, name: str) -> list[ObjectManifest]:
        """The manifests of every complete object called ``name``, in no particular order."""
        ...

    def names(self) -> list[str]:
        """Every name under which objects may be stored, sorted (a name may have no complete object)."""
        ...


def parse_manifest(data: bytes, name: str, tag: str, where: str) -> ObjectManifest:
    """The manifest in ``data``, which must describe ``name`` and ``tag``; ``StorageError`` otherwise."""
    manifest = ObjectManifest.from_json(data, where)
    if (manifest.name, manifest.tag) != (name, tag):
        raise StorageError(
            f"the manifest {where} describes {manifest.name!r} with tag {manifest.tag!r}; objects must "
            "not be moved or renamed in the store: put it back or restore the store from a backup"
        )
    return manifest


def exists_error(location: str, name: str, tag: str, *, complete: bool) -> ObjectExists:
    """The error for a write to a name and tag that are taken."""
    if complete:
        return ObjectExists(
            f"an object {name!r} with tag {tag!r} is stored already in {location}; objects are never "
            "overwritten: store it under a new tag",
            name=name,
            tag=tag,
        )
    return ObjectExists(
        f"the object {name!r} with tag {tag!r} in {location} is being written right now, or an earlier "
        "write of it failed halfway; store it under a new tag",
        name=name,
        tag=tag,
    )


def not_found_error(location: str, name: str, tag: str) -> ObjectNotFound:
    """The error for a read of a name and tag that hold no object."""
    return ObjectNotFound(
        f"no object {name!r} with tag {tag!r} in {location}; check name and tag, or store it first "
        "(Store Object, or store_object in component code)",
        name=name,
        tag=tag,
    )
