"""Settings of one Sealflow instance, read from ``SEALFLOW_*`` environment variables.

Settings are built at the composition roots only (the CLI callback, the service factory) and passed down.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Where an instance keeps its data and how it behaves."""

    model_config = SettingsConfigDict(env_prefix="SEALFLOW_", extra="ignore")

    home: Path = Path(".sealflow")
    """Data directory: the embedded SQLite database and local object storage live here."""

    db_url: str | None = None
    """SQLAlchemy URL of the database; default: a SQLite file ``sealflow.db`` in ``home``."""

    install_library: bool = True
    """Import the base library of components and example workflows when the service starts on an
    instance that holds no transformations yet."""

    autoimport_dir: Path | None = None
    """Directory whose sources (subdirectories in the export layout, ``*.json`` lists) the service imports
    when it starts, each configured by an optional ``<source>.config.json``; unset: no autoimport."""

    objects_url: str | None = None
    """Where persisted objects live: ``file:///dir``, a plain directory or ``s3://bucket/prefix``;
    default: the directory ``objects`` in ``home``."""

    objects_endpoint_url: str | None = None
    """Endpoint of an S3-compatible service (MinIO, Ceph, ...) for an ``s3://`` objects URL; default: AWS."""

    local_file_roots: list[Path] = Field(default_factory=list)
    """Root directories of the local file adapter (a JSON list in the environment); default: ``files``
    in ``home``. Nothing outside them can be read or written through the adapter."""

    local_file_generic_sinks: bool = True
    """Whether every directory under a root offers the generic sinks ``GENERIC_ANY_SINK_AT_<dir>`` and
    ``GENERIC_DATAFRAME_SINK_AT_<dir>``."""

    blob_hierarchy_file: Path | None = None
    """JSON file with the hierarchy of the blob storage adapter; the adapter is offered only if it is set.
    Credentials come from the standard AWS chain (``AWS_ACCESS_KEY_ID`` ..., a profile or a role)."""

    blob_endpoint_url: str | None = None
    """Endpoint of the S3-compatible service of the blob storage adapter; default: AWS."""

    blob_region: str = "eu-central-1"
    """Region of the blob storage adapter's buckets."""

    blob_allow_bucket_creation: bool = True
    """Whether the blob storage adapter creates a missing bucket on its first write."""

    rest_adapters: str = ""
    """Generic REST adapters as ``id|name|externalUrl|internalUrl`` entries separated by commas; runs call
    the internal URL."""

    adapter_timeout: float = 30.0
    """Seconds an adapter waits for a REST adapter or the blob storage to answer."""

    maintenance_secret: SecretStr | None = None
    """Secret that turns on the ``/api/maintenance`` endpoints and must be sent with each call; unset
    leaves them off. Never logged or returned."""

    maintenance_secret_file: Path | None = None
    """File holding the maintenance secret (surrounding whitespace ignored); used if the secret is unset."""

    @property
    def local_file_directories(self) -> list[Path]:
        """The root directories of the local file adapter in force."""
        return list(self.local_file_roots) or [self.home / "files"]

    def maintenance_secret_value(self) -> str | None:
        """The maintenance secret in force (from the setting or its file), or ``None`` if there is none."""
        if self.maintenance_secret is not None and self.maintenance_secret.get_secret_value():
            return self.maintenance_secret.get_secret_value()
        if self.maintenance_secret_file is not None:
            return self.maintenance_secret_file.read_text(encoding="utf-8").strip() or None
        return None

    @property
    def database_url(self) -> str:
        """The database URL in force."""
        if self.db_url:
            return self.db_url
        return f"sqlite:///{(self.home / 'sealflow.db').resolve()}"

    @property
    def object_store_url(self) -> str:
        """The URL of the object store in force."""
        if self.objects_url:
            return self.objects_url
        return (self.home / "objects").resolve().as_uri()
