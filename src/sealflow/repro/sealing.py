"""Sealed objects: pickles in a signed envelope, checked against this environment before they load.

``SealedCodec`` is the codec the object store and the ``.pkl`` sinks and sources of the adapters use once
an instance is opened. Storing pickles the object (protocol 5, large buffers such as numpy arrays out of
band, so a load maps them without copying), reads the modules the pickle refers to from its opcodes,
and seals a manifest: the writer's run and code hashes, the environment fingerprint, the Python version,
the distributions those modules come from with their versions, and the component code they need.

Loading checks, in this order: the signature (a plain pickle is refused unless legacy pickles are
trusted; a changed or foreign one is refused), then compatibility (``compatibility.problems``). Under the
policy ``strict`` any problem refuses the load; under ``warn`` the object loads and each problem is
logged and noted for the execution record of the run in progress (``noting_problems``).
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any, Literal

from sealflow.code.bootstrap import ensure_importer
from sealflow.code.importer import CodeSource
from sealflow.config import Settings
from sealflow.errors import InvalidInput, ObjectIncompatible, ObjectTampered
from sealflow.repro.compatibility import code_problems, problems
from sealflow.repro.fingerprint import Fingerprint, current_fingerprint
from sealflow.repro.pickles import needs, referenced_modules
from sealflow.store.objects.active import current_run
from sealflow.store.objects.codec import PICKLE_PROTOCOL, PICKLING_ERRORS, Encoded, unpicklable, unpickle
from sealflow.store.objects.envelope import ALIGNMENT, is_sealed, open_envelope, read_manifest, seal
from sealflow.store.objects.signing import signing_key

logger = logging.getLogger(__name__)

FORMAT = "sealflow-sealed/1"
Policy = Literal["strict", "warn"]
Status = Literal["ok", "mismatch", "unsigned", "tampered"]

UNSIGNED = "is a plain pickle without a signature"
"""The problem ``inspect`` reports first for a plain pickle."""

_NOTED: ContextVar[list[str] | None] = ContextVar("sealflow_object_problems", default=None)


@contextmanager
def noting_problems() -> Iterator[list[str]]:
    """Collect the problems that loads under the ``warn`` policy find until the block ends."""
    noted: list[str] = []
    token = _NOTED.set(noted)
    try:
        yield noted
    finally:
        _NOTED.reset(token)


@dataclass(frozen=True)
class Inspection:
    """What a sealed or plain payload is, checked without unpickling it."""

    status: Status
    problems: list[str] = field(default_factory=list)
    manifest: dict[str, Any] | None = None


class SealedCodec:
    """Pickles in signed envelopes; refuses or reports what does not fit this environment."""

    name = "sealed-pickle"
    signed = True

    def __init__(
        self,
        key: bytes | Callable[[], bytes],
        *,
        code: CodeSource | None = None,
        policy: Policy = "strict",
        trust_legacy: bool = False,
        fingerprint: Callable[[], Fingerprint] = current_fingerprint,
    ) -> None:
        self._key_source = key
        self._resolved_key: bytes | None = None
        self.code = code
        self.policy = policy
        self.trust_legacy = trust_legacy
        self.fingerprint = fingerprint

    def __repr__(self) -> str:
        return f"SealedCodec(policy={self.policy!r}, trust_legacy={self.trust_legacy})"

    @property
    def _key(self) -> bytes:
        """The signing key, read (or generated) on first use."""
        if self._resolved_key is None:
            source = self._key_source
            self._resolved_key = source if isinstance(source, bytes) else source()
        return self._resolved_key

    def encode(self, obj: Any, what: str) -> Encoded:
        """The envelope of ``obj``'s pickle; ``InvalidInput`` naming ``what`` if it cannot be pickled."""
        buffers: list[pickle.PickleBuffer] = []
        try:
            stream = pickle.dumps(obj, protocol=PICKLE_PROTOCOL, buffer_callback=buffers.append)
        except PICKLING_ERRORS as exc:
            raise unpicklable(what, exc) from exc
        return self.seal_pickle(stream, [buffer.raw() for buffer in buffers])

    def seal_pickle(self, stream: bytes, buffers: list[memoryview] | None = None) -> Encoded:
        """The envelope of a pickle ``stream`` (and its out-of-band ``buffers``), without unpickling it.

        Its modules are read from the opcodes; their distributions get this environment's versions.
        """
        modules = sorted(referenced_modules(stream) - {"builtins"})
        here = self.fingerprint()
        needed = needs(modules, here)
        run = current_run()
        parts: list[bytes | memoryview] = [stream]
        sizes: list[int] = []
        offset = len(stream)
        for view in buffers or []:
            padding = -offset % ALIGNMENT
            parts.extend([b"\0" * padding, view])
            sizes.append(view.nbytes)
            offset += padding + view.nbytes
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(),
            "execution_id": run.job_id if run else None,
            "writer_code_hashes": list(run.code_hashes) if run else [],
            "fingerprint_id": here.id,
            "python": here.python_version,
            "python_implementation": here.python_implementation,
            "platform": here.platform,
            "sealflow_version": here.sealflow_version,
            "modules": modules,
            "distributions": needed.distributions,
            "code_hashes": needed.code_hashes,
            "pickle_size": len(stream),
            "buffers": sizes,
            "alignment": ALIGNMENT,
        }
        return Encoded(seal(manifest, parts, self._key), tuple(modules))

    def inspect(self, payload: bytes, what: str) -> Inspection:
        """Status and problems of ``payload`` here: signature first, then compatibility; never unpickles."""
        if not is_sealed(payload):
            try:
                modules = referenced_modules(payload)
            except InvalidInput as exc:
                return Inspection("unsigned", [f"is no sealed object and no pickle ({exc})"])
            found = [
                UNSIGNED,
                *code_problems(needs(modules, self.fingerprint()), self.code),
            ]
            return Inspection("unsigned", found)
        try:
            opened = open_envelope(payload, self._key, what)
        except ObjectTampered as exc:
            return Inspection("tampered", [str(exc).removeprefix(what).strip()], _unverified(payload, what))
        found = problems(opened.manifest, self.fingerprint(), self.code)
        return Inspection("mismatch" if found else "ok", found, opened.manifest)

    def decode(self, payload: bytes, what: str, *, trust_legacy: bool = False) -> Any:
        """The object in ``payload`` after the checks; see the module docstring for the order."""
        if not is_sealed(payload) and (trust_legacy or self.trust_legacy):
            modules = referenced_modules(payload)
            self._judge(what, code_problems(needs(modules, self.fingerprint()), self.code))
            return unpickle(payload, what)
        opened = open_envelope(payload, self._key, what)
        self._judge(what, problems(opened.manifest, self.fingerprint(), self.code))
        manifest, view = opened.manifest, opened.payload
        stream_size = int(manifest["pickle_size"])
        offset = stream_size
        buffers: list[Any] = []
        for size in manifest["buffers"]:
            offset += -offset % int(manifest.get("alignment", ALIGNMENT))
            buffers.append(
                view[offset : offset + size] if not view.readonly else bytearray(view[offset : offset + size])
            )
            offset += size
        return unpickle(view[:stream_size], what, buffers)

    def _judge(self, what: str, found: list[str]) -> None:
        """Refuse under ``strict``; under ``warn`` log and note each problem."""
        if not found:
            return
        if self.policy == "strict":
            raise ObjectIncompatible(
                f"{what} {'; it '.join(found)}. Load it where those match, or set "
                "SEALFLOW_OBJECT_POLICY=warn to load it anyway",
                problems=found,
            )
        noted = _NOTED.get()
        for problem in found:
            logger.warning("%s %s", what, problem)
            if noted is not None:
                noted.append(f"{what} {problem}")


def codec_for(settings: Settings, code: CodeSource | None = None) -> SealedCodec:
    """The sealing codec of the instance ``settings`` describe; without ``code``, the process's importer."""
    return SealedCodec(
        partial(signing_key, settings),
        code=code if code is not None else ensure_importer(settings).source,
        policy=settings.object_policy,
        trust_legacy=settings.trust_legacy_pickles,
    )


def _unverified(payload: bytes, what: str) -> dict[str, Any] | None:
    """The manifest of a damaged envelope, if it can still be read."""
    try:
        return read_manifest(payload, what)
    except ObjectTampered:
        return None
