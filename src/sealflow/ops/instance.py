"""An opened Sealflow instance: its settings, database, repositories, object store and the hash importer."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from sealflow.adapters.protocol import AdapterRegistry
from sealflow.adapters.registry import build_adapters
from sealflow.code import importer
from sealflow.config import Settings
from sealflow.repro.sealing import SealedCodec
from sealflow.store.code import CodeRepository
from sealflow.store.database import Database
from sealflow.store.objects import ObjectRepository, open_object_store
from sealflow.store.objects.signing import signing_key
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
    sealing: SealedCodec
    """Seals the objects of the object store and the adapters' ``.pkl`` files, and checks them on load."""
    stored_documents: set[str] = field(default_factory=set)
    """Keys of append-only documents (revision snapshots, fingerprints) known to be stored already."""
    stored_code: set[str] = field(default_factory=set)
    """Code hashes this process saw stored with an execution record; the store keeps code a record uses."""

    @classmethod
    def open(cls, settings: Settings) -> Instance:
        """Open (and migrate) the instance's database and import component code from its code store.

        Adapters and the object store are configured first, so a settings error leaves nothing open.
        """
        codec = SealedCodec(
            partial(signing_key, settings),
            policy=settings.object_policy,
            trust_legacy=settings.trust_legacy_pickles,
        )
        adapters = build_adapters(settings, codec=codec)
        objects = ObjectRepository(
            open_object_store(settings.object_store_url, endpoint_url=settings.objects_endpoint_url), codec
        )
        database = Database.open(settings.database_url)
        code = CodeRepository(database)
        codec.code = code
        instance = cls(settings, database, TransformationRepository(database), code, adapters, objects, codec)
        importer.install(instance.code)
        return instance

    def close(self) -> None:
        """Release the database connections."""
        importer.uninstall()
        self.database.close()
