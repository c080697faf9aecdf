"""hetida designer's package for component code loaded by hash: ``by_code__hash_<sha256>``.

Objects pickled by a hetida designer instance reference this package. Its modules are resolved from the
code store like ``sealflow_components.c_<sha256>``; importing it connects the process to the instance its
``SEALFLOW_*`` environment names, unless a code store is connected already.
"""

from sealflow.code.bootstrap import ensure_importer

ensure_importer()
