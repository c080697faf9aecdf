"""Content hashes: the exact identity of component code and of a workflow's code closure."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any

_HASH = re.compile(r"^[0-9a-f]{64}$")


def code_hash(code: str) -> str:
    """SHA-256 (hex) of the exact UTF-8 bytes of a code text: what a pickle of its classes needs."""
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def is_code_hash(value: str) -> bool:
    """Whether ``value`` has the shape of a code hash (64 lowercase hex digits)."""
    return bool(_HASH.match(value))


def closure_hash(code_hashes: Iterable[str]) -> str:
    """One hash over a set of code hashes, independent of the order they are given in."""
    digest = hashlib.sha256()
    for value in sorted(set(code_hashes)):
        digest.update(value.encode("ascii"))
        digest.update(b"\n")
    return digest.hexdigest()


def canonical_json(value: Any) -> bytes:
    """The canonical encoding of a JSON-compatible value (sorted keys, no spaces, ASCII, no NaN);
    ``ValueError`` or ``TypeError`` if it has none."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False).encode("ascii")


def document_hash(document: Any) -> str:
    """SHA-256 (hex) of the canonical encoding of a JSON document."""
    return hashlib.sha256(canonical_json(document)).hexdigest()
