"""The adapters an instance offers, built from its settings at the composition root."""

from __future__ import annotations

from sealflow.adapters.blob import BlobStorageAdapter
from sealflow.adapters.direct import DirectProvisioning
from sealflow.adapters.localfile import LocalFileAdapter
from sealflow.adapters.protocol import Adapter, AdapterRegistry
from sealflow.adapters.rest import RestAdapter, parse_rest_adapters
from sealflow.config import Settings
from sealflow.errors import AdapterError


def build_adapters(settings: Settings) -> AdapterRegistry:
    """Direct provisioning, the local file adapter, the blob storage adapter if it has a hierarchy file, and
    every REST adapter of ``settings.rest_adapters``; ``AdapterError`` if two share a key or an entry is bad.

    Nothing is contacted or read here: each adapter reaches its files or service when a run first uses it.
    """
    adapters: list[Adapter] = [
        DirectProvisioning(),
        LocalFileAdapter(settings.local_file_directories, generic_sinks=settings.local_file_generic_sinks),
    ]
    if settings.blob_hierarchy_file is not None:
        adapters.append(
            BlobStorageAdapter(
                settings.blob_hierarchy_file,
                endpoint_url=settings.blob_endpoint_url,
                region=settings.blob_region,
                allow_bucket_creation=settings.blob_allow_bucket_creation,
                timeout=settings.adapter_timeout,
            )
        )
    adapters.extend(
        RestAdapter.from_entry(entry, timeout=settings.adapter_timeout)
        for entry in parse_rest_adapters(settings.rest_adapters)
    )
    keys = [str(adapter.key) for adapter in adapters]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise AdapterError(
            f"adapter key(s) {', '.join(map(repr, duplicates))} are used twice; give each REST adapter in "
            "SEALFLOW_REST_ADAPTERS an id of its own"
        )
    return AdapterRegistry(adapters)
