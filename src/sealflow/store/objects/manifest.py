"""The manifest stored beside every persisted object's payload: what it is, when and by which run.

The manifest is small JSON, written after the payload; an object exists once its manifest does. The
fields here are what a reader needs today (checksum, size, how the payload is encoded, creation time
for ``latest``, the modules the payload refers to, component code among them as
``sealflow_components.c_<sha256>``). It is not signed: a sealed payload carries its own signed manifest
(``envelope.py``) with the environment it was written in. ``format`` is versioned and unknown fields are
kept.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, ValidationError

from sealflow.errors import StorageError

FORMAT = "sealflow-object/1"


class ObjectManifest(BaseModel):
    """Facts about one stored object."""

    model_config = ConfigDict(frozen=True, extra="allow")

    format: str = FORMAT
    name: str
    tag: str
    created_at: AwareDatetime
    size: int
    sha256: str
    codec: str
    job_id: str | None = None
    modules: list[str] = []

    @classmethod
    def describe(
        cls, name: str, tag: str, payload: bytes, codec: str, job_id: str | None = None, **extra: Any
    ) -> ObjectManifest:
        """The manifest of ``payload`` stored now under ``name`` and ``tag``."""
        return cls(
            name=name,
            tag=tag,
            created_at=datetime.now(UTC),
            size=len(payload),
            sha256=hashlib.sha256(payload).hexdigest(),
            codec=codec,
            job_id=job_id,
            **extra,
        )

    def to_json(self) -> bytes:
        """The manifest as UTF-8 JSON, keys sorted."""
        return json.dumps(self.model_dump(mode="json"), sort_keys=True, indent=2).encode() + b"\n"

    @classmethod
    def from_json(cls, data: bytes, where: str) -> ObjectManifest:
        """The manifest in ``data``; ``StorageError`` naming ``where`` if it is not one."""
        try:
            return cls.model_validate_json(data)
        except ValidationError as exc:
            raise StorageError(
                f"the manifest {where} is damaged ({exc.error_count()} problem(s), first: "
                f"{exc.errors()[0]['msg']}); restore it from a backup or delete the object"
            ) from exc

    def matches(self, payload: bytes) -> bool:
        """Whether ``payload`` is the payload this manifest describes."""
        return len(payload) == self.size and hashlib.sha256(payload).hexdigest() == self.sha256
