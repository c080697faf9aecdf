import pytest

from sealflow.adapters.direct import DirectProvisioning
from sealflow.adapters.protocol import AdapterRegistry, wiring_from_values
from sealflow.code import importer
from sealflow.runtime.runner import run
from support import MemoryCodeSource


@pytest.fixture
def code_source():
    source = MemoryCodeSource()
    importer.install(source)
    yield source
    importer.uninstall()


@pytest.fixture
def run_tr(code_source):
    """Run a revision with its nested revisions given in memory."""
    registry = AdapterRegistry([DirectProvisioning()])

    def go(tr, inputs, *nested, **options):
        revisions = {n.id: n for n in nested}
        code_source.add(tr, *nested)
        return run(tr, revisions.__getitem__, wiring_from_values(inputs), registry, **options)

    return go
