"""Settings of one Sealflow instance, read from ``SEALFLOW_*`` environment variables.

Settings are built at the composition roots only (the CLI callback, the service factory) and passed down.
"""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Where an instance keeps its data and how it behaves."""

    model_config = SettingsConfigDict(env_prefix="SEALFLOW_", extra="ignore")

    home: Path = Path(".sealflow")
    """Data directory: the embedded SQLite database and local object storage live here."""

    db_url: str | None = None
    """SQLAlchemy URL of the database; default: a SQLite file ``sealflow.db`` in ``home``."""

    @property
    def database_url(self) -> str:
        """The database URL in force."""
        if self.db_url:
            return self.db_url
        return f"sqlite:///{(self.home / 'sealflow.db').resolve()}"
