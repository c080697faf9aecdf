"""What the object store contract suite sees of a backend: the store, and raw access to its container."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sealflow.store.objects import ObjectStore


@dataclass
class Backend:
    """An object store and raw access to the container it writes into."""

    store: ObjectStore
    files: Callable[[], dict[str, bytes]]
    """Every file or key in the container by its path below it, e.g. ``objects/m/v1.pkl``."""
    put_raw: Callable[[str, bytes], None]
    """Write a file or key below the container directly, bypassing the store."""
