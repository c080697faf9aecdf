"""The environment fingerprint: what a run or a pickle depends on besides its own code.

A fingerprint lists the Python implementation and version, the platform, the Sealflow version and every
installed distribution with its version. Its id is the SHA-256 of a canonical JSON encoding, so two
processes with the same environment agree on the id, and any upgrade changes it.
"""

from __future__ import annotations

import platform
import re
import sys
from functools import lru_cache
from importlib import metadata

from pydantic import BaseModel, Field

from sealflow import __version__
from sealflow.model.hashing import document_hash

_NORMALIZE = re.compile(r"[-_.]+")


def normalize_name(name: str) -> str:
    """A distribution name in its canonical form (lowercase, runs of ``-_.`` as ``-``)."""
    return _NORMALIZE.sub("-", name).lower()


class Fingerprint(BaseModel):
    """An environment: interpreter, platform, Sealflow and installed distributions."""

    python_implementation: str
    python_version: str
    platform: str
    sealflow_version: str
    distributions: dict[str, str] = Field(default_factory=dict)

    @property
    def id(self) -> str:
        """SHA-256 (hex) of the canonical JSON of this fingerprint."""
        return document_hash(self.model_dump(mode="json"))

    @property
    def python_minor(self) -> str:
        """``major.minor`` of the Python version."""
        return ".".join(self.python_version.split(".")[:2])


def _distributions() -> dict[str, str]:
    found: dict[str, str] = {}
    for dist in metadata.distributions():
        name, version = _name_and_version(dist)
        if name:
            found.setdefault(normalize_name(name), version)
    return dict(sorted(found.items()))


def _name_and_version(dist: metadata.Distribution) -> tuple[str | None, str]:
    """Name and version from the head of the metadata file; the full parser only when they are not there.

    Scanning the header lines is an order of magnitude faster than parsing every metadata file as email.
    """
    text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or ""
    name = version = None
    for line in text.splitlines():
        if not line or (name and version):
            break
        if line.startswith("Name:"):
            name = line.removeprefix("Name:").strip()
        elif line.startswith("Version:"):
            version = line.removeprefix("Version:").strip()
    if name is None or version is None:
        return dist.metadata["Name"], dist.version
    return name, version


def take_fingerprint() -> Fingerprint:
    """The fingerprint of this process's environment, read afresh."""
    return Fingerprint(
        python_implementation=platform.python_implementation(),
        python_version=platform.python_version(),
        platform=f"{sys.platform}-{platform.machine()}",
        sealflow_version=__version__,
        distributions=_distributions(),
    )


@lru_cache(maxsize=1)
def current_fingerprint() -> Fingerprint:
    """The fingerprint of this process's environment, read once per process."""
    return take_fingerprint()


@lru_cache(maxsize=1)
def current_fingerprint_id() -> str:
    """The id of ``current_fingerprint()``, hashed once per process."""
    return current_fingerprint().id


class Change(BaseModel):
    """One difference between two fingerprints."""

    what: str
    before: str | None
    after: str | None

    def __str__(self) -> str:
        if self.before is None:
            return f"{self.what}: added {self.after}"
        if self.after is None:
            return f"{self.what}: removed (was {self.before})"
        return f"{self.what}: {self.before} -> {self.after}"


def diff(before: Fingerprint, after: Fingerprint) -> list[Change]:
    """What changed from ``before`` to ``after``: interpreter, platform, Sealflow, then distributions."""
    changes = [
        Change(what=label, before=old, after=new)
        for label, old, new in (
            (
                "python",
                f"{before.python_implementation} {before.python_version}",
                f"{after.python_implementation} {after.python_version}",
            ),
            ("platform", before.platform, after.platform),
            ("sealflow", before.sealflow_version, after.sealflow_version),
        )
        if old != new
    ]
    for name in sorted(set(before.distributions) | set(after.distributions)):
        old_version, new_version = before.distributions.get(name), after.distributions.get(name)
        if old_version != new_version:
            changes.append(Change(what=name, before=old_version, after=new_version))
    return changes
