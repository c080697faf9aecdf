"""Component code imported by hash: ``sealflow_components.c_<sha256>``.

Modules below this package are never files: a hash importer resolves them from the code store. If a
process imports one (typically while unpickling) before connecting to an instance, this package connects
to the instance its ``SEALFLOW_*`` environment names.
"""

from sealflow.code.bootstrap import ensure_importer

ensure_importer()
