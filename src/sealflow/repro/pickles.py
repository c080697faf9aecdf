"""What a pickle needs, read from its opcodes without executing it: modules, distributions, code hashes.

``GLOBAL`` and ``INST`` name their module in the opcode's argument. ``STACK_GLOBAL`` (protocol 4 and up)
takes module and name from the stack, where the pickler pushed them as strings just before, either
directly or from the memo; the scan follows string pushes and the memo to recover them. A global whose
module cannot be recovered this way is reported as ``UNKNOWN``, never guessed. Extension-registry
opcodes (``EXT1/2/4``) name no module at all and are reported the same way.
"""

from __future__ import annotations

import pickletools
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

from sealflow.code.importer import HETIDA_PACKAGE, PACKAGE, hash_of_module
from sealflow.errors import InvalidInput
from sealflow.repro.fingerprint import Fingerprint, normalize_name

UNKNOWN = "<unknown>"
"""Stands for a global whose module the scan cannot name."""

_STRINGS = frozenset(
    {"SHORT_BINUNICODE", "BINUNICODE", "BINUNICODE8", "UNICODE", "STRING", "BINSTRING", "SHORT_BINSTRING"}
)
_PUTS = frozenset({"PUT", "BINPUT", "LONG_BINPUT"})
_GETS = frozenset({"GET", "BINGET", "LONG_BINGET"})
_EXTENSIONS = frozenset({"EXT1", "EXT2", "EXT4"})
_COMPONENT_PACKAGES = frozenset({PACKAGE, HETIDA_PACKAGE})


def referenced_modules(data: bytes | bytearray | memoryview) -> set[str]:
    """The modules of every class and function the pickle ``data`` refers to; ``InvalidInput`` if it is
    not a pickle."""
    modules: set[str] = set()
    memo: dict[int, object] = {}
    last: list[object] = [None, None]
    try:
        for opcode, arg, _ in pickletools.genops(bytes(data) if isinstance(data, memoryview) else data):
            name = opcode.name
            if name in _STRINGS:
                value: object = arg.decode("latin-1") if isinstance(arg, bytes) else arg
            elif name in _GETS:
                value = memo.get(int(arg or 0))
            elif name == "MEMOIZE":
                memo[len(memo)] = last[-1]
                continue
            elif name in _PUTS:
                memo[int(arg or 0)] = last[-1]
                continue
            elif name in ("GLOBAL", "INST"):
                modules.add(str(arg).split(" ", 1)[0])
                value = None
            elif name == "STACK_GLOBAL":
                module = last[-2]
                modules.add(module if isinstance(module, str) and isinstance(last[-1], str) else UNKNOWN)
                value = None
            elif name in _EXTENSIONS:
                modules.add(UNKNOWN)
                value = None
            elif name in ("PROTO", "FRAME", "STOP", "POP_MARK"):
                continue
            else:
                value = None
            last = [last[-1], value]
    except (ValueError, EOFError) as exc:
        raise InvalidInput(f"the data is not a pickle, or it is cut short: {exc}") from exc
    return modules


def component_hashes(modules: Iterable[str]) -> list[str]:
    """The code hashes of the component modules among ``modules`` (Sealflow's and hetida designer's)."""
    return sorted({h for h in (hash_of_module(m) for m in modules) if h is not None})


@dataclass(frozen=True)
class Needs:
    """What a payload needs besides the interpreter: distributions by version, and component code."""

    distributions: dict[str, str]
    code_hashes: list[str]
    unknown: list[str]
    """Modules that are neither standard library, component code nor part of an installed distribution."""


def needs(modules: Iterable[str], here: Fingerprint) -> Needs:
    """The distributions (with their versions in ``here``) and component code that ``modules`` need."""
    owners = _owners()
    distributions: dict[str, str] = {}
    unknown: set[str] = set()
    for module in modules:
        top = module.split(".", 1)[0]
        if module == UNKNOWN:
            unknown.add(module)
        elif top in _COMPONENT_PACKAGES or top in sys.stdlib_module_names or top in sys.builtin_module_names:
            continue
        elif top in owners:
            for owner in owners[top]:
                if owner in here.distributions:
                    distributions[owner] = here.distributions[owner]
        else:
            unknown.add(module)
    return Needs(dict(sorted(distributions.items())), component_hashes(modules), sorted(unknown))


@lru_cache(maxsize=1)
def _owners() -> dict[str, list[str]]:
    """Top-level module name → the normalized names of the distributions that provide it."""
    return {
        top: sorted({normalize_name(name) for name in names})
        for top, names in metadata.packages_distributions().items()
    }
