"""Connect a process to its instance's code store when it first imports component code.

A process that unpickles an object made by component code — a fresh worker, a notebook, a restarted
service — imports ``sealflow_components.c_<sha256>`` before anything else has opened the instance. The
package then calls ``ensure_importer``, which reads the ``SEALFLOW_*`` settings and installs a hash
importer for that instance's code store, unless one is installed already.
"""

from __future__ import annotations

from sealflow.code import importer
from sealflow.config import Settings
from sealflow.store import CodeRepository, Database


def ensure_importer(settings: Settings | None = None) -> importer.HashImporter:
    """The hash importer in force, installing one for the configured instance if there is none."""
    current = importer.installed()
    if current is not None:
        return current
    settings = settings or Settings()
    database = Database.open(settings.database_url)
    return importer.install(CodeRepository(database))
