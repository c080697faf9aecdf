"""Persisted objects by name and tag, on any ``ObjectStore``: the rules every store shares.

Names and tags are checked before anything is stored or read; ``latest`` is refused on store and, on
load, means the tag stored last (by the ``created_at`` of the manifests; ties go to the greater tag).
An object is never overwritten. Every load checks the payload against the size and SHA-256 in its
manifest before decoding it, unless the codec signs its payloads (a sealed envelope checks itself, with
its signature, which this manifest does not have).
"""

from __future__ import annotations

from typing import Any

from sealflow.errors import ObjectExists, ObjectNotFound, ObjectUnreadable
from sealflow.store.objects.codec import PICKLE, Codec, Encoded
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
        name, tag = self._free(name, tag)
        encoded = self.codec.encode(obj, f"the object {name!r} with tag {tag!r}")
        return self.save_encoded(name, tag, encoded, job_id)

    def save_encoded(
        self, name: str, tag: str, encoded: Encoded, job_id: str | None = None
    ) -> ObjectManifest:
        """Store a payload this repository's codec made as ``name`` with ``tag``; ``ObjectExists`` if taken."""
        name, tag = self._free(name, tag)
        manifest = ObjectManifest.describe(
            name, tag, encoded.payload, self.codec.name, job_id, modules=list(encoded.modules)
        )
        self.store.write(manifest, encoded.payload)
        return manifest

    def _free(self, name: str, tag: str) -> tuple[str, str]:
        """The checked name and tag; ``ObjectExists`` if an object has them already."""
        name, tag = check_name(name), check_new_tag(tag)
        try:
            existing = self.store.manifest(name, tag)
        except ObjectNotFound:
            return name, tag
        written_by = f" by run {existing.job_id}" if existing.job_id else ""
        raise ObjectExists(
            f"an object {name!r} with tag {tag!r} was stored already at "
            f"{existing.created_at.isoformat(timespec='seconds')}{written_by} in {self.location}; "
            "objects are never overwritten: store it under a new tag",
            name=name,
            tag=tag,
        )

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

    def load(self, name: str, tag: str = LATEST, *, trust_legacy: bool = False) -> Any:
        """The object stored as ``name`` with ``tag``; ``latest`` loads the one stored last.

        ``trust_legacy`` lets a signing codec load a plain pickle stored before objects were sealed.
        """
        manifest = self.manifest(name, tag)
        what = describe(manifest, self.location)
        payload = self.read(manifest)
        return self.codec.decode(payload, what, trust_legacy=trust_legacy)

    def read(self, manifest: ObjectManifest) -> bytes:
        """The payload of the object ``manifest`` describes, checked against it unless the codec signs."""
        what = describe(manifest, self.location)
        payload = self.store.read(manifest.name, manifest.tag)
        signed = self.codec.signed and manifest.codec == self.codec.name
        if not signed and not manifest.matches(payload):
            raise ObjectUnreadable(
                f"{what} is damaged: its payload does not match the size and SHA-256 in its manifest; "
                "restore it from a backup or store the object again under a new tag"
            )
        if manifest.codec != self.codec.name and not (self.codec.signed and manifest.codec == PICKLE.name):
            raise ObjectUnreadable(
                f"{what} was written as {manifest.codec!r}, but this instance reads {self.codec.name!r}; "
                "load it with an instance configured for that format"
            )
        return payload


def describe(manifest: ObjectManifest, location: str) -> str:
    """How messages name the object ``manifest`` describes."""
    return f"the object {manifest.name!r} with tag {manifest.tag!r} in {location}"
