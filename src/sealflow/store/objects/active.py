"""The object repository of the running instance, found by component code without configuration.

Around each execution, ``sealflow.ops`` binds the instance's repository and the run's job id in a
context variable; ``store_object`` and ``load_object`` use that binding. A context variable follows the
run into its coroutines but not into threads or processes the component starts. Outside a run (a
notebook, a script) they use the object store the ``SEALFLOW_*`` settings of the process name, and
unpickling connects to that instance's code store by itself (``sealflow_components``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sealflow.config import Settings
from sealflow.store.objects.locations import open_object_store
from sealflow.store.objects.manifest import ObjectManifest
from sealflow.store.objects.names import LATEST
from sealflow.store.objects.repository import ObjectRepository


@dataclass(frozen=True)
class Binding:
    """The repository a run uses, and the run's job id for the manifests it writes."""

    repository: ObjectRepository
    job_id: str | None = None


_ACTIVE: ContextVar[Binding | None] = ContextVar("sealflow_active_objects", default=None)


@contextmanager
def activated(repository: ObjectRepository, *, job_id: str | None = None) -> Iterator[ObjectRepository]:
    """Make ``repository`` the one ``store_object`` and ``load_object`` use, until the block ends."""
    token = _ACTIVE.set(Binding(repository, job_id))
    try:
        yield repository
    finally:
        _ACTIVE.reset(token)


def active_binding() -> Binding:
    """The binding of the current run, or the configured instance's repository outside a run."""
    binding = _ACTIVE.get()
    if binding is not None:
        return binding
    settings = Settings()
    return Binding(_configured(settings.object_store_url, settings.objects_endpoint_url))


def store_object(name: str, tag: str, obj: Any) -> ObjectManifest:
    """Persist ``obj`` as ``name`` with ``tag`` (never ``latest``); an existing tag is never overwritten."""
    binding = active_binding()
    return binding.repository.save(name, tag, obj, job_id=binding.job_id)


def load_object(name: str, tag: str = LATEST) -> Any:
    """The object persisted as ``name`` with ``tag``; ``latest`` loads the tag stored last."""
    return active_binding().repository.load(name, tag)


@functools.lru_cache(maxsize=8)
def _configured(url: str, endpoint_url: str | None) -> ObjectRepository:
    return ObjectRepository(open_object_store(url, endpoint_url=endpoint_url))
