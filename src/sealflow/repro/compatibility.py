"""Whether a sealed object's manifest fits this environment, and exactly what differs if not.

Checked: the Python minor version, the exact version of every distribution whose modules the payload
refers to, and that the code store holds every component code the payload refers to
(``sealflow_components.c_<hash>`` or hetida designer's ``hetdesrun_loaded_components.by_code__hash_<hash>``).
Each problem is a phrase that follows the object's name, e.g. "was written with scikit-learn 1.8.0; this
runtime has 1.9.1".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sealflow.code.importer import CodeSource
from sealflow.errors import NotFound
from sealflow.repro.fingerprint import Fingerprint
from sealflow.repro.pickles import UNKNOWN, Needs


def problems(manifest: Mapping[str, Any], here: Fingerprint, code: CodeSource | None) -> list[str]:
    """What keeps the object a verified ``manifest`` describes from loading as written, here."""
    found: list[str] = []
    written = str(manifest.get("python", ""))
    if ".".join(written.split(".")[:2]) != here.python_minor:
        found.append(f"was written with Python {written}; this runtime has {here.python_version}")
    distributions = manifest.get("distributions") or {}
    for name, version in sorted(distributions.items()):
        installed = here.distributions.get(name)
        if installed is None:
            found.append(f"was written with {name} {version}; this runtime does not have {name} installed")
        elif installed != version:
            found.append(f"was written with {name} {version}; this runtime has {installed}")
    needed = Needs(dict(distributions), list(manifest.get("code_hashes") or []), [])
    return found + code_problems(needed, code)


def code_problems(needed: Needs, code: CodeSource | None) -> list[str]:
    """Globals the scan could not name, and component code ``needed`` that the code store does not hold."""
    found = (
        ["refers to a global whose module cannot be read from its opcodes (unusual; it may be crafted)"]
        if UNKNOWN in needed.unknown
        else []
    )
    for hash_ in needed.code_hashes:
        if code is None:
            found.append(f"needs component code {hash_}, but no code store is connected")
            continue
        try:
            code.get(hash_)
        except NotFound:
            found.append(
                f"needs component code {hash_}, which this instance's code store does not hold; import "
                "the transformation revision whose code it is"
            )
    return found
