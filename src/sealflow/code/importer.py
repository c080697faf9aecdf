"""Import component code by its hash: ``sealflow_components.c_<sha256>``.

A meta-path finder resolves such a module name from a code source (the code store), checks that the text
hashes to the name before executing it, and leaves the module in ``sys.modules``: modules are cached per
hash. Classes defined in component code therefore pickle as ``sealflow_components.c_<sha256>.<Class>``,
and unpickling in any process that has the finder installed loads exactly the code that wrote the
pickle — after a restart, on a fresh worker, or after the revision was overwritten with other code.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Protocol

from sealflow.errors import CodeIntegrityError, InvalidInput
from sealflow.model.hashing import code_hash, is_code_hash

PACKAGE = "sealflow_components"
_PREFIX = f"{PACKAGE}.c_"
#: hetida designer's package for code loaded by hash; pickles made there reference it.
HETIDA_PACKAGE = "hetdesrun_loaded_components"
_PREFIXES = (_PREFIX, f"{HETIDA_PACKAGE}.by_code__hash_")


class CodeSource(Protocol):
    """Anything that returns the code text stored under a hash."""

    def get(self, code_hash: str) -> str:
        """The code text stored under ``code_hash``; ``CodeNotFound`` if there is none."""
        ...


def module_name(hash_: str) -> str:
    """The module name under which the code with this hash is imported."""
    return _PREFIX + hash_


def hash_of_module(name: str) -> str | None:
    """The code hash a module name refers to (Sealflow's or hetida designer's layout), or None."""
    for prefix in _PREFIXES:
        if name.startswith(prefix) and is_code_hash(name[len(prefix) :]):
            return name[len(prefix) :]
    return None


class HashImporter(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds and loads ``sealflow_components.c_<sha256>`` modules from a code source."""

    def __init__(self, source: CodeSource) -> None:
        self.source = source

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        """A spec for component modules; None for any other module."""
        code_hash_ = hash_of_module(fullname)
        if code_hash_ is None:
            return None
        return importlib.machinery.ModuleSpec(fullname, self, origin=f"sealflow-code:{code_hash_}")

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        """Use the default module object."""
        return None

    def exec_module(self, module: ModuleType) -> None:
        """Fetch the code, verify its hash, and execute it in the module's namespace."""
        expected = hash_of_module(module.__name__)
        if expected is None:
            raise ImportError(f"{module.__name__} is not a component module", name=module.__name__)
        text = self.source.get(expected)
        actual = code_hash(text)
        if actual != expected:
            raise CodeIntegrityError(
                f"code stored under {expected} hashes to {actual}: the code store is corrupt; "
                "restore it from a backup"
            )
        module.__file__ = f"<component {expected[:12]}>"
        exec(compile(text, module.__file__, "exec"), module.__dict__)


def install(source: CodeSource) -> HashImporter:
    """Put a hash importer for ``source`` first on ``sys.meta_path``, replacing an earlier one."""
    uninstall()
    importer = HashImporter(source)
    sys.meta_path.insert(0, importer)
    importlib.import_module(PACKAGE)
    return importer


def uninstall() -> None:
    """Remove any hash importer from ``sys.meta_path``; loaded modules stay cached."""
    sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, HashImporter)]


def installed() -> HashImporter | None:
    """The hash importer in force, if any."""
    return next((f for f in sys.meta_path if isinstance(f, HashImporter)), None)


def load(hash_: str) -> ModuleType:
    """The module of the code with this hash, imported once per process and hash."""
    if not is_code_hash(hash_):
        raise InvalidInput(f"{hash_!r} is not a code hash (64 lowercase hexadecimal digits)")
    name = module_name(hash_)
    module = sys.modules.get(name)
    # a module another thread is still executing is in sys.modules already: import_module waits for it
    if module is None or getattr(module.__spec__, "_initializing", False):
        if module is None and installed() is None:
            raise InvalidInput(f"cannot import {name}: no code store is connected; open an instance first")
        module = importlib.import_module(name)
    return module
