"""What an instance tells about itself: its environment, and the adapters it offers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sealflow.ops.instance import Instance
from sealflow.repro.fingerprint import current_fingerprint


@dataclass(frozen=True)
class EnvironmentSummary:
    """The versions a user or support needs first; never a URL or a credential."""

    python_version: str
    python_implementation: str
    platform: str
    sealflow_version: str
    database_backend: str


@dataclass(frozen=True)
class AdapterDescription:
    """An adapter as clients list it; ``url`` and ``internal_url`` are empty for in-process adapters."""

    id: str
    name: str
    url: str
    internal_url: str


def environment_summary(instance: Instance) -> EnvironmentSummary:
    """Python, platform, Sealflow version and the name of the database backend in use."""
    fingerprint = current_fingerprint()
    return EnvironmentSummary(
        python_version=fingerprint.python_version,
        python_implementation=fingerprint.python_implementation,
        platform=fingerprint.platform,
        sealflow_version=fingerprint.sealflow_version,
        database_backend=instance.database.url.get_backend_name(),
    )


def environment_fingerprint() -> dict[str, Any]:
    """The environment fingerprint of this process as JSON, with its id: what other instances compare."""
    fingerprint = current_fingerprint()
    return {"id": fingerprint.id, **fingerprint.model_dump(mode="json")}


def adapter_descriptions(instance: Instance) -> list[AdapterDescription]:
    """Every adapter of the instance, in registration order."""
    return [
        AdapterDescription(
            id=str(adapter.key),
            name=adapter.name,
            url=str(getattr(adapter, "url", "") or ""),
            internal_url=str(getattr(adapter, "internal_url", "") or ""),
        )
        for adapter in instance.adapters
    ]
