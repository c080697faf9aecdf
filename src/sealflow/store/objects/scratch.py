"""The objects a replay sees: the instance's, plus those the replay stores, which are kept apart.

Stored objects are never overwritten, so a replay of a run that stored an object would fail on the tag
the run stored; and a replay must not add objects to the instance either. ``ScratchObjects`` stores into
a scratch store, which the replay drops afterwards. A load finds an object the replay stored first, so a
run that stores and then loads an object replays as it ran; any other load reads the instance's objects.
"""

from __future__ import annotations

from typing import Any

from sealflow.errors import ObjectNotFound
from sealflow.store.objects.manifest import ObjectManifest
from sealflow.store.objects.names import LATEST
from sealflow.store.objects.protocol import ObjectStore
from sealflow.store.objects.repository import ObjectRepository


class ScratchObjects(ObjectRepository):
    """Stores into ``scratch``; loads from ``scratch`` when it holds the object, else from ``instance``."""

    def __init__(self, instance: ObjectRepository, scratch: ObjectStore) -> None:
        super().__init__(scratch, instance.codec)
        self.instance = instance

    def manifest(self, name: str, tag: str = LATEST) -> ObjectManifest:
        """The manifest of ``name`` with ``tag``: the replay's object if it stored one, else the instance's."""
        if self._stored_here(name, tag):
            return super().manifest(name, tag)
        return self.instance.manifest(name, tag)

    def load(self, name: str, tag: str = LATEST, *, trust_legacy: bool = False) -> Any:
        """The object ``name`` with ``tag``: the replay's if it stored one, else the instance's."""
        if self._stored_here(name, tag):
            return super().load(name, tag, trust_legacy=trust_legacy)
        return self.instance.load(name, tag, trust_legacy=trust_legacy)

    def _stored_here(self, name: str, tag: str) -> bool:
        try:
            super().manifest(name, tag)
        except ObjectNotFound:
            return False
        return True
