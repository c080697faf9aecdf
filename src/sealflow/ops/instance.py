"""An opened Sealflow instance: its settings, database, repositories, object store and the hash importer."""

from __future__ import annotations

from dataclasses import dataclass, field

from sealflow.adapters.protocol import AdapterRegistry
from sealflow.adapters.registry import build_adapters
from sealflow.code import importer
from sealflow.config import Settings
from sealflow.store.code import CodeRepository
from sealflow.store.database import Database
from sealflow.store.objects import ObjectRepository, open_object_store
from sealflow.store.transformations import TransformationRepository


@dataclass
class Instance:
    """Everything a use case needs to act on one instance."""

    settings: Settings
    database: Database
    transformations: TransformationRepository
    code: CodeRepository
    adapters: AdapterRegistry
    objects: ObjectRepository
    stored_documents: set[str] = field(default_factory=set)
    """Keys of append-only documents (revision snapshots, fingerprints) known to be stored already."""
    stored_code: set[str] = field(default_factory=set)
    """Code hashes this process saw stored with an execution record; the store keeps code a record uses."""

    @classmethod
    def open(cls, settings: Settings) -> Instance:
        """Open (and migrate) the instance's database and import component code from its code store.

        Adapters and the object store are configured first, so a settings error leaves nothing open.
        """
        adapters = build_adapters(settings)
        objects = ObjectRepository(
            open_object_store(settings.object_store_url, endpoint_url=settings.objects_endpoint_url)
        )
        database = Database.open(settings.database_url)
        instance = cls(
            settings,
            database,
            TransformationRepository(database),
            CodeRepository(database),
            adapters,
            objects,
        )
        importer.install(instance.code)
        return instance

    def close(self) -> None:
        """Release the database connections."""
        importer.uninstall()
        self.database.close()
