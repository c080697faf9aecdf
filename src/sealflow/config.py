"""Settings of one Sealflow instance, read from ``SEALFLOW_*`` environment variables.

Settings are built at the composition roots only (the CLI callback, the service factory) and passed down.
Any text setting can also come from a file: ``SEALFLOW_<NAME>_FILE`` names a file whose content (surrounding
whitespace removed) is the value, the way container secrets are mounted; the variable itself wins.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict


class Settings(BaseSettings):
    """Where an instance keeps its data and how it behaves."""

    model_config = SettingsConfigDict(env_prefix="SEALFLOW_", extra="ignore", use_attribute_docstrings=True)

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

    sql_databases: str = ""
    """Databases of the SQL adapter: a JSON list of ``{name, key, connection_url, append_tables,
    replace_tables, timeseries_tables}``; the adapter is offered only if one is configured."""

    sql_statement_timeout: float = 30.0
    """Seconds a query of the SQL adapter may run before the database stops it."""

    mqtt_url: str | None = None
    """MQTT broker of the MQTT adapter, e.g. ``mqtt://user:password@host:1883``; unset: no MQTT adapter."""

    maintenance_secret: SecretStr | None = None
    """Secret that turns on the ``/api/maintenance`` endpoints and must be sent with each call; unset
    leaves them off. Never logged or returned."""

    maintenance_secret_file: Path | None = None
    """File holding the maintenance secret (surrounding whitespace ignored); used if the secret is unset."""

    auth: Literal["off", "on"] = "off"
    """``on``: every API call needs a bearer token (an API token or an OpenID Connect JWT) whose role
    allows it; ``off``: no checks, and ``sealflow serve`` listens on 127.0.0.1 unless told otherwise."""

    oidc_issuer: str | None = None
    """Issuer (``iss``) of accepted OpenID Connect tokens, e.g. ``https://id.example.com/realms/main``;
    unset: only API tokens are accepted."""

    oidc_audience: str | None = None
    """Audience (``aud``) accepted OpenID Connect tokens must name; required with an issuer."""

    oidc_jwks_url: str | None = None
    """URL of the issuer's signing keys (JWKS); default: ``jwks_uri`` of the issuer's discovery document."""

    oidc_roles_claim: str = "roles"
    """Claim of an OpenID Connect token that holds its roles, a dotted path such as
    ``realm_access.roles``; a string or a list; the strongest Sealflow role in it counts."""

    max_body_bytes: int = Field(default=64 * 1024 * 1024, ge=1)
    """Largest request body the service accepts, in bytes; larger ones get 413."""

    execution_timeout: float | None = Field(default=None, gt=0)
    """Seconds a run's component code may take before the running component is stopped; unset: no limit."""

    log_format: Literal["text", "json"] = "text"
    """``json``: one JSON object per log line, with the execution id of the run it belongs to."""

    runtime_token: SecretStr | None = None
    """API token (role ``editor`` or stronger) a backend sends to its runtimes when they have
    authentication on. Never logged or returned."""

    signing_key: SecretStr | None = None
    """Key that signs persisted objects (HMAC-SHA256); unset: the key in ``signing_key_file``, else a
    random key generated into ``<home>/signing.key`` on first use. Never logged or returned."""

    signing_key_file: Path | None = None
    """File holding the signing key (surrounding whitespace ignored); used if the key is unset."""

    object_policy: Literal["strict", "warn"] = "strict"
    """What loading a sealed object written in another environment does: ``strict`` refuses it, ``warn``
    loads it and records what differs in the execution record."""

    trust_legacy_pickles: bool = False
    """Load plain (unsigned) pickles from the object store and the adapters instead of refusing them."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Options and variables first, then ``SEALFLOW_<NAME>_FILE`` files."""
        return init_settings, env_settings, FileVariables(settings_cls), dotenv_settings, file_secret_settings

    actor: str | None = None
    """Who the audit log names for changes made through the CLI; default: the operating system user."""

    snapshots_dir: Path | None = None
    """Where snapshots (backups written before destructive changes) go; default: ``snapshots`` in
    ``home``."""

    role: Literal["all", "backend", "runtime"] = "all"
    """What ``sealflow serve`` runs: ``backend`` (the API, sending runs to ``runtime_url``), ``runtime``
    (runs the orders backends send; no asynchronous routes) or ``all`` (both in one process)."""

    runtime_url: str | None = None
    """Runtime service(s) a backend sends its runs to: one URL, or several separated by commas, used in
    turn; unset: runs stay in the backend's process."""

    pinned_fingerprint: str | None = None
    """Id of the environment fingerprint runtimes must run; unset: the first runtime's fingerprint."""

    fingerprint_policy: Literal["warn", "strict"] = "warn"
    """What a runtime with another environment than the pinned one does: ``warn`` runs and records the
    difference in the execution record, ``strict`` refuses the run."""

    job_workers: int = Field(default=8, ge=1)
    """How many asynchronous executions a backend process runs (or waits for) at once."""

    heartbeat_interval: float = Field(default=2.0, gt=0)
    """Seconds between the heartbeats a runtime writes for the asynchronous executions it runs."""

    heartbeat_timeout: float = Field(default=15.0, gt=0)
    """Seconds without a heartbeat after which a running asynchronous execution is failed as lost."""

    @property
    def runtime_urls(self) -> list[str]:
        """The runtime URLs in force, in order."""
        return [url.strip() for url in (self.runtime_url or "").split(",") if url.strip()]

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


class FileVariables(PydanticBaseSettingsSource):
    """Values from the files ``SEALFLOW_<NAME>_FILE`` names (settings with their own ``*_file`` excepted)."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        """Unused: ``__call__`` reads every file at once."""
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        fields = self.settings_cls.model_fields
        values: dict[str, Any] = {}
        for name in fields:
            variable = f"SEALFLOW_{name.upper()}_FILE"
            path = os.environ.get(variable)
            if not path or f"{name}_file" in fields:
                continue
            try:
                values[name] = Path(path).read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ValueError(
                    f"cannot read {variable}={path}: {exc.strerror}; mount the file or unset it"
                ) from exc
        return values
