"""Persisted objects by name and tag, on any ``ObjectStore``: the rules every store shares.

Names and tags are checked before anything is stored or read; ``latest`` is refused on store and, on
load, means the tag stored last (by the ``created_at`` of the manifests; ties go to the greater tag).
An object is never overwritten. Every load checks the payload against the size and SHA-256 in its
manifest before decoding it.
"""

from __future__ import annotations

from typing import Any

from sealflow.errors import ObjectExists, ObjectNotFound, ObjectUnreadable
from sealflow.store.objects.codec import PICKLE, Codec
from sealflow.store.objects.manifest import ObjectManifest
from sealflow.store.objects.names import LATEST, check_name, check_new_tag, check_tag
from sealflow.store.objects.protocol import ObjectStore


class ObjectRepository:
    """Store and load Python objects by name and tag."""

    def __init__(self, store: ObjectStore, codec: Codec = PICKLE) -> None:
        self.store = store
        self.codec = codec

    @property
    def location(self) -> str:
        """Where the objects are kept, as a URL."""
        return self.store.location

    def save(self, name: str, tag: str, obj: Any, *, job_id: str | None = None) -> ObjectManifest:
        """Store ``obj`` as ``name`` with ``tag``; ``ObjectExists`` if that tag is taken."""
        name, tag = check_name(name), check_new_tag(tag)
        try:
            existing = self.store.manifest(name, tag)
        except ObjectNotFound:
            pass
        else:
            written_by = f" by run {existing.job_id}" if existing.job_id else ""
            raise ObjectExists(
                f"an object {name!r} with tag {tag!r} was stored already at "
                f"{existing.created_at.isoformat(timespec='seconds')}{written_by} in {self.location}; "
                "objects are never overwritten: store it under a new tag",
                name=name,
                tag=tag,
            )
        encoded = self.codec.encode(obj, f"the object {name!r} with tag {tag!r}")
        manifest = ObjectManifest.describe(
            name, tag, encoded.payload, self.codec.name, job_id, modules=list(encoded.modules)
        )
        self.store.write(manifest, encoded.payload)
        return manifest

    def manifest(self, name: str, tag: str = LATEST) -> ObjectManifest:
        """The manifest of ``name`` with ``tag``; ``latest`` gives the one stored last."""
        name, tag = check_name(name), check_tag(tag)
        if tag == LATEST:
            stored = self.tags(name)
            if not stored:
                raise ObjectNotFound(
                    f"no object {name!r} in {self.location}, so tag {LATEST!r} has nothing to load; "
                    "check the name, or store the object first",
                    name=name,
                    tag=tag,
                )
            return stored[-1]
        try:
            return self.store.manifest(name, tag)
        except ObjectNotFound as exc:
            tags = [manifest.tag for manifest in self.tags(name)]
            if not tags:
                raise
            raise ObjectNotFound(
                f"no object {name!r} with tag {tag!r} in {self.location}; its stored tags are "
                f"{', '.join(tags)} (or use {LATEST!r} for the newest)",
                name=name,
                tag=tag,
            ) from exc

    def tags(self, name: str) -> list[ObjectManifest]:
        """The manifests of every stored tag of ``name``, oldest first."""
        return sorted(self.store.manifests(check_name(name)), key=lambda m: (m.created_at, m.tag))

    def manifests(self) -> list[ObjectManifest]:
        """The manifests of every stored object, by name, then oldest first."""
        return [manifest for name in self.store.names() for manifest in self.tags(name)]

    def load(self, name: str, tag: str = LATEST) -> Any:
        """The object stored as ``name`` with ``tag``; ``latest`` loads the one stored last."""
        manifest = self.manifest(name, tag)
        what = f"the object {manifest.name!r} with tag {manifest.tag!r} in {self.location}"
        payload = self.store.read(manifest.name, manifest.tag)
        if not manifest.matches(payload):
            raise ObjectUnreadable(
                f"{what} is damaged: its payload does not match the size and SHA-256 in its manifest; "
                "restore it from a backup or store the object again under a new tag"
            )
        if manifest.codec != self.codec.name:
            raise ObjectUnreadable(
                f"{what} was written as {manifest.codec!r}, but this instance reads {self.codec.name!r}; "
                "load it with an instance configured for that format"
            )
        return self.codec.decode(payload, what)
