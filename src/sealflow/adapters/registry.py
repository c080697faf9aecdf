"""The adapters an instance offers, built from its settings at the composition root."""

from __future__ import annotations

from sealflow.adapters.blob import BlobStorageAdapter
from sealflow.adapters.direct import DirectProvisioning
from sealflow.adapters.localfile import LocalFileAdapter
from sealflow.adapters.mqtt import MqttAdapter
from sealflow.adapters.protocol import Adapter, AdapterRegistry
from sealflow.adapters.rest import RestAdapter, parse_rest_adapters
from sealflow.adapters.sql import SqlAdapter, parse_sql_databases
from sealflow.config import Settings
from sealflow.errors import AdapterError
from sealflow.store.objects.codec import PICKLE, Codec


def build_adapters(settings: Settings, *, codec: Codec = PICKLE) -> AdapterRegistry:
    """Direct provisioning, the local file adapter, the blob storage adapter if it has a hierarchy file, the
    SQL adapter if it has databases, the MQTT adapter if it has a broker, and every REST adapter of
    ``settings.rest_adapters``; ``AdapterError`` if two share a key or an entry is bad.

    Nothing is contacted or read here: each adapter reaches its files or service when a run first uses it.
    ``codec`` writes and reads the ``.pkl`` files and objects of the local file and blob storage adapters.
    """
    adapters: list[Adapter] = [
        DirectProvisioning(),
        LocalFileAdapter(
            settings.local_file_directories, generic_sinks=settings.local_file_generic_sinks, codec=codec
        ),
    ]
    if settings.blob_hierarchy_file is not None:
        adapters.append(
            BlobStorageAdapter(
                settings.blob_hierarchy_file,
                endpoint_url=settings.blob_endpoint_url,
                region=settings.blob_region,
                allow_bucket_creation=settings.blob_allow_bucket_creation,
                timeout=settings.adapter_timeout,
                codec=codec,
            )
        )
    sql_databases = parse_sql_databases(settings.sql_databases)
    if sql_databases:
        adapters.append(SqlAdapter(sql_databases, timeout=settings.sql_statement_timeout))
    if settings.mqtt_url:
        adapters.append(MqttAdapter(settings.mqtt_url, timeout=settings.adapter_timeout))
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
