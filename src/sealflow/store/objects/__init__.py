"""Persisted objects: Python objects stored by name and tag, locally or on S3.

Component code stores and loads objects with two functions and no configuration::

    from sealflow.store.objects import load_object, store_object

    store_object("pump-model", "2026-01-31", model)
    model = load_object("pump-model", "latest")

Where to change what:

* ``names.py`` — which names and tags are allowed, and the reserved tag ``latest``
* ``manifest.py`` — the JSON manifest beside each payload
* ``codec.py`` — how objects become payloads (pickle, protocol 5)
* ``repository.py`` — the rules every store shares: no overwrite, ``latest``, checksum on load
* ``protocol.py`` — the object store port; ``local.py`` (a directory) and ``s3.py`` (a bucket)
* ``locations.py`` — opening a store from an objects URL
* ``active.py`` — the repository of the running instance, and the functions for component code
"""

from sealflow.store.objects.active import activated, load_object, store_object
from sealflow.store.objects.codec import PICKLE, Codec, Encoded, PickleCodec
from sealflow.store.objects.locations import open_object_store
from sealflow.store.objects.manifest import ObjectManifest
from sealflow.store.objects.names import LATEST, check_name, check_new_tag, check_tag
from sealflow.store.objects.protocol import ObjectStore
from sealflow.store.objects.repository import ObjectRepository

__all__ = [
    "LATEST",
    "PICKLE",
    "Codec",
    "Encoded",
    "ObjectManifest",
    "ObjectRepository",
    "ObjectStore",
    "PickleCodec",
    "activated",
    "check_name",
    "check_new_tag",
    "check_tag",
    "load_object",
    "open_object_store",
    "store_object",
]
