"""Use case: put Sealflow's base library of components and example workflows into an instance."""

from __future__ import annotations

from sealflow.library import load_library
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import ImportOutcome, import_transformations


def install_library(instance: Instance) -> list[ImportOutcome]:
    """Import every library revision; revisions already stored unchanged are left alone."""
    return import_transformations(instance, load_library())


def install_library_if_empty(instance: Instance) -> list[ImportOutcome]:
    """Import the library into an instance that holds no transformations yet (its first start)."""
    if instance.transformations.list():
        return []
    return install_library(instance)
