"""The object repository of the running instance, found by component code without configuration.

Around each execution, ``sealflow.ops`` binds the instance's repository and the run's job id in a
context variable; ``store_object`` and ``load_object`` use that binding. A context variable follows the
run into its coroutines but not into threads or processes the component starts. Outside a run (a
notebook, a script) they use the object store the ``SEALFLOW_*`` settings of the process name, and
unpickling connects to that instance's code store by itself (``sealflow_components``). Objects are sealed
there too, with the codec of ``sealflow.repro.sealing``: the environment checks it needs live in a layer
above this one, so it is imported on first use, the one upward import the layer contract allows.
"""

from __future__ import annotations

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
    code_hashes: tuple[str, ...] = ()
    """The code hashes the run executes; sealed objects record them as their writer's code."""


_ACTIVE: ContextVar[Binding | None] = ContextVar("sealflow_active_objects", default=None)


@contextmanager
def activated(
    repository: ObjectRepository, *, job_id: str | None = None, code_hashes: tuple[str, ...] = ()
) -> Iterator[ObjectRepository]:
    """Make ``repository`` the one ``store_object`` and ``load_object`` use, until the block ends."""
    token = _ACTIVE.set(Binding(repository, job_id, code_hashes))
    try:
        yield repository
    finally:
        _ACTIVE.reset(token)


def current_run() -> Binding | None:
    """The binding of the run in progress, or ``None`` outside a run."""
    return _ACTIVE.get()


def active_binding() -> Binding:
    """The binding of the current run, or the configured instance's repository outside a run."""
    binding = _ACTIVE.get()
    if binding is not None:
        return binding
    settings = Settings()
    return Binding(_configured(settings.object_store_url, settings.objects_endpoint_url, settings))


def store_object(name: str, tag: str, obj: Any) -> ObjectManifest:
    """Persist ``obj`` as ``name`` with ``tag`` (never ``latest``); an existing tag is never overwritten."""
    binding = active_binding()
    return binding.repository.save(name, tag, obj, job_id=binding.job_id)


def load_object(name: str, tag: str = LATEST) -> Any:
    """The object persisted as ``name`` with ``tag``; ``latest`` loads the tag stored last."""
    return active_binding().repository.load(name, tag)


_CONFIGURED: dict[tuple[str, str | None], ObjectRepository] = {}


def _configured(url: str, endpoint_url: str | None, settings: Settings) -> ObjectRepository:
    if (url, endpoint_url) not in _CONFIGURED:
        from sealflow.repro.sealing import codec_for

        codec = codec_for(settings)
        _CONFIGURED[url, endpoint_url] = ObjectRepository(
            open_object_store(url, endpoint_url=endpoint_url), codec
        )
    return _CONFIGURED[url, endpoint_url]
