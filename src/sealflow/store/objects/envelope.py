"""The sealed envelope: a signed manifest and a payload in one file, told apart from a plain pickle.

Layout (version 1), all integers big-endian::

    MAGIC (17 bytes: NUL "sealflow-object" LF)   version (1 byte)   manifest length (4 bytes)
    manifest (canonical JSON, UTF-8)              signature (32 bytes)   zero padding   payload

The padding (up to 63 NUL bytes) makes the payload start at a multiple of ``ALIGNMENT`` from the start
of the file, so arrays laid out aligned in the payload stay aligned when they are mapped in place.

The signature is HMAC-SHA256, with the instance's signing key, over everything before it: magic,
version, length and manifest. The manifest records the payload's size and digest, and the name of the
digest, so the signature covers the payload too, and a load hashes the payload once. New envelopes use
BLAKE3 (``DIGEST``), a cryptographic hash several times faster than SHA-256 that hashes a large payload
on every core. Envelopes written before name ``sha256-of-4MiB-chunks``, the SHA-256 of the SHA-256
digests of the payload's consecutive 4 MiB chunks; they are verified with that. A file that does not
start with ``MAGIC`` is not an envelope; a plain pickle never does (no pickle opcode is NUL).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import mmap
import os
import struct
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from blake3 import blake3

from sealflow import metrics
from sealflow.errors import ObjectIncompatible, ObjectTampered, ObjectUnsigned

MAGIC = b"\x00sealflow-object\n"
VERSION = 1
_HEAD = struct.Struct(">BI")
_SIGNATURE_SIZE = 32
_PREFIX_SIZE = len(MAGIC) + _HEAD.size
_MAX_MANIFEST = 16 * 1024 * 1024
DIGEST = "blake3"
ALIGNMENT = 64
_CHUNK = 4 * 1024 * 1024
_THREADED_FROM = 1024 * 1024
"""Payloads from this size are hashed on several threads; below it, threads cost more than they save."""
_READ_CHUNK = 8 * 1024 * 1024
MAP_FROM = 1024 * 1024
"""Payloads from this size are read into a ``ReadBuffer``, hashed while they are read."""
_ANONYMOUS_POPULATED = mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | getattr(mmap, "MAP_POPULATE", 0)

Buffer = bytes | bytearray | memoryview


@dataclass(frozen=True)
class Opened:
    """A verified envelope: its manifest and a view of its payload (no copy)."""

    manifest: dict[str, Any]
    payload: memoryview


class ReadBuffer(mmap.mmap):
    """A private, writable copy of a file's or a download's bytes, read by ``read_hashing``.

    ``payload_digest`` is ``(payload offset, digest name, hex digest)`` when the bytes are an envelope
    whose payload was hashed while it was read, which ``open_envelope`` then need not do again.
    """

    payload_digest: tuple[int, str, str] | None = None


class Readable(Protocol):
    """A binary stream that reads into a buffer: an open file, an S3 object's body (its type stubs
    declare another buffer type, hence ``Any``)."""

    def readinto(self, buffer: Any, /) -> int | None: ...


def read_payload(stream: Readable, size: int) -> bytes:
    """The ``size`` bytes of ``stream`` in a writable buffer, which a decoder may map arrays onto.

    From ``MAP_FROM`` bytes on, the buffer is a ``ReadBuffer`` (``read_hashing``). ``OSError`` if the
    stream ends before ``size`` bytes.
    """
    if size >= MAP_FROM:
        return read_hashing(stream, size)  # type: ignore[return-value]
    data = bytearray(size)
    _fill(stream, memoryview(data), size, lambda start, count: None)
    return data  # type: ignore[return-value]


def read_hashing(stream: Readable, size: int) -> ReadBuffer:
    """The ``size`` bytes of ``stream``, hashing an envelope's payload while reading.

    The memory is private and allocated at once (much faster than faulting its pages in one by one as
    the read fills them), so later changes to the source cannot reach it. Each chunk is hashed on another
    thread while the next one is read. ``OSError`` if the stream ends before ``size`` bytes.
    """
    data = ReadBuffer(-1, size, flags=_ANONYMOUS_POPULATED)
    view = memoryview(data)
    hasher, start, hashed = None, 0, []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sealflow-digest") as worker:

        def hash_chunk(done: int, count: int) -> None:
            nonlocal hasher, start
            if done == 0 and (layout := _layout(view[:count])) is not None and layout[1] == DIGEST:
                start = layout[0]
                hasher = blake3(max_threads=blake3.AUTO)
            if hasher is not None and done + count > start:
                hashed.append(worker.submit(hasher.update, view[max(done, start) : done + count]))

        _fill(stream, view, size, hash_chunk)
    for chunk in hashed:
        chunk.result()
    if hasher is not None:
        data.payload_digest = (start, DIGEST, hasher.hexdigest())
    view.release()
    return data


def _fill(stream: Readable, view: memoryview, size: int, after: Callable[[int, int], None]) -> None:
    """Read ``size`` bytes into ``view`` in chunks of ``_READ_CHUNK`` (a network stream may hand over
    less per read), calling ``after(offset, count)`` for each chunk once it is full."""
    done = 0
    while done < size:
        end = min(size, done + _READ_CHUNK)
        filled = done
        while filled < end:
            count = stream.readinto(view[filled:end])
            if not count:
                raise OSError(f"the data ended after {filled} of {size} bytes; it changed while it was read")
            filled += count
        after(done, end - done)
        done = end


def is_sealed(data: Buffer) -> bool:
    """Whether ``data`` starts like a sealed envelope (of any version)."""
    return bytes(memoryview(data)[: len(MAGIC)]) == MAGIC


def seal(manifest: dict[str, Any], payload: Sequence[Buffer], key: bytes) -> bytes:
    """The envelope of ``payload`` (given in parts) with ``manifest``, which gains the payload's digest."""
    joined = b"".join(payload)
    document = {
        **manifest,
        "payload_size": len(joined),
        "payload_digest": payload_digest(joined),
        "digest": DIGEST,
    }
    encoded = json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
    head = MAGIC + _HEAD.pack(VERSION, len(encoded)) + encoded
    signature = hmac.new(key, head, hashlib.sha256).digest()
    padding = b"\0" * (-(len(head) + _SIGNATURE_SIZE) % ALIGNMENT)
    return b"".join([head, signature, padding, joined])


def payload_digest(data: Buffer, algorithm: str = DIGEST) -> str:
    """The digest of ``data`` (hex) by ``algorithm``, one of ``DIGESTS``."""
    return DIGESTS[algorithm](memoryview(data).cast("B"))


def _blake3(view: memoryview) -> str:
    threads = blake3.AUTO if view.nbytes >= _THREADED_FROM else 1
    return blake3(view, max_threads=threads).hexdigest()


def _sha256_of_chunks(view: memoryview) -> str:
    """The digest of the first envelopes: SHA-256 over the SHA-256 digests of 4 MiB chunks."""
    chunks = [view[start : start + _CHUNK] for start in range(0, view.nbytes, _CHUNK)]
    digests = _pool().map(_sha256, chunks) if len(chunks) > 2 else map(_sha256, chunks)
    return hashlib.sha256(b"".join(digests)).hexdigest()


def _sha256(chunk: memoryview) -> bytes:
    return hashlib.sha256(chunk).digest()


DIGESTS: dict[str, Callable[[memoryview], str]] = {
    DIGEST: _blake3,
    "sha256-of-4MiB-chunks": _sha256_of_chunks,
}
"""Every payload digest an envelope may name, the current one (``DIGEST``) first."""


@cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1), thread_name_prefix="sealflow-digest")


def read_manifest(data: Buffer, what: str) -> dict[str, Any]:
    """The manifest of an envelope, unverified (for listings); ``ObjectTampered`` if it is unreadable."""
    return _parse(memoryview(data), what)[0]


def open_envelope(data: Buffer, key: bytes, what: str) -> Opened:
    """The manifest and payload of the envelope ``data`` after checking its signature and digest.

    ``ObjectUnsigned`` if ``data`` is no envelope, ``ObjectTampered`` if anything signed was changed.
    """
    view = memoryview(data)
    if not is_sealed(view):
        raise ObjectUnsigned(
            f"{what} is a plain pickle without a signature; check where it comes from, then seal it with "
            "`sealflow objects adopt`, or trust legacy pickles (SEALFLOW_TRUST_LEGACY_PICKLES=true)"
        )
    manifest, end = _parse(view, what)
    expected = hmac.new(key, view[:end], hashlib.sha256).digest()
    if not hmac.compare_digest(expected, view[end : end + _SIGNATURE_SIZE]):
        metrics.record_object_verification("signature")
        raise ObjectTampered(
            f"{what} has an invalid signature: it was changed after it was written, or signed with "
            "another instance's key; restore it from a backup, or use the signing key it was written with"
        )
    start = _payload_start(end)
    if any(view[end + _SIGNATURE_SIZE : start]):
        metrics.record_object_verification("payload")
        raise ObjectTampered(f"{what} was changed after it was written: its header padding is not zero")
    payload = view[start:]
    algorithm = manifest.get("digest")
    if algorithm not in DIGESTS:
        problem = (
            f"names a payload digest this Sealflow does not know: {algorithm!r} (known: {', '.join(DIGESTS)})"
        )
        raise ObjectIncompatible(
            f"{what} {problem}; load it with the Sealflow version that wrote it", problems=[problem]
        )
    if payload.nbytes != manifest.get("payload_size") or _digest(
        data, payload, start, algorithm
    ) != manifest.get("payload_digest"):
        metrics.record_object_verification("payload")
        raise ObjectTampered(
            f"{what} was changed after it was written: its payload does not match the size and digest "
            "its signed manifest records; restore it from a backup"
        )
    metrics.record_object_verification()
    return Opened(manifest, payload)


def _digest(data: Buffer, payload: memoryview, start: int, algorithm: str) -> str:
    """The digest of ``payload``, starting at ``start`` of ``data``: the one taken while reading, if any."""
    if isinstance(data, ReadBuffer) and data.payload_digest is not None:
        offset, name, digest = data.payload_digest
        if (offset, name) == (start, algorithm):
            return digest
    return payload_digest(payload, algorithm)


def _layout(head: memoryview) -> tuple[int, Any] | None:
    """Where the payload of the envelope starting with ``head`` starts, and the name of its digest;
    ``None`` if ``head`` is no envelope or does not hold its whole header."""
    try:
        manifest, end = _parse(head, "")
    except ObjectTampered:
        return None
    return _payload_start(end), manifest.get("digest")


def _payload_start(end: int) -> int:
    """The offset of the payload of an envelope whose signature starts at ``end``."""
    return end + _SIGNATURE_SIZE + (-(end + _SIGNATURE_SIZE) % ALIGNMENT)


def _parse(view: memoryview, what: str) -> tuple[dict[str, Any], int]:
    """The manifest and the offset where the signature starts."""
    if view.nbytes < _PREFIX_SIZE or not is_sealed(view):
        raise ObjectTampered(f"{what} is not a sealed envelope: its header is missing or cut short")
    version, length = _HEAD.unpack(view[len(MAGIC) : _PREFIX_SIZE])
    if version != VERSION:
        raise ObjectTampered(
            f"{what} is a sealed envelope of version {version}; this Sealflow reads version {VERSION}: "
            "load it with the Sealflow version that wrote it"
        )
    end = _PREFIX_SIZE + length
    if length > _MAX_MANIFEST or view.nbytes < end + _SIGNATURE_SIZE:
        raise ObjectTampered(f"{what} is cut short or damaged: its manifest is incomplete")
    try:
        manifest = json.loads(bytes(view[_PREFIX_SIZE:end]))
    except ValueError as exc:
        raise ObjectTampered(f"{what} has a damaged manifest: {exc}") from exc
    if not isinstance(manifest, dict):
        raise ObjectTampered(f"{what} has a damaged manifest: it is not a JSON object")
    return manifest, end
