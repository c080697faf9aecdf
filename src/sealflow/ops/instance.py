"""An opened Sealflow instance: its settings, database, repositories and the hash importer."""

from __future__ import annotations

from dataclasses import dataclass

from sealflow.adapters.direct import DirectProvisioning
from sealflow.adapters.protocol import AdapterRegistry
from sealflow.code import importer
from sealflow.config import Settings
from sealflow.store.code import CodeRepository
from sealflow.store.database import Database
from sealflow.store.transformations import TransformationRepository


@dataclass
class Instance:
    """Everything a use case needs to act on one instance."""

    settings: Settings
    database: Database
    transformations: TransformationRepository
    code: CodeRepository
    adapters: AdapterRegistry

    @classmethod
    def open(cls, settings: Settings) -> Instance:
        """Open (and migrate) the instance's database and import component code from its code store."""
        database = Database.open(settings.database_url)
        instance = cls(
            settings,
            database,
            TransformationRepository(database),
            CodeRepository(database),
            AdapterRegistry([DirectProvisioning()]),
        )
        importer.install(instance.code)
        return instance

    def close(self) -> None:
        """Release the database connections."""
        importer.uninstall()
        self.database.close()
