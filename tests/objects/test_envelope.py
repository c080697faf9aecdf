"""The sealed envelope and the signing key: tampering with any signed byte is caught, plain pickles are
recognised as unsigned, and the key is generated once, privately, and reused."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import pickle
import stat
from pathlib import Path

import numpy as np
import pytest
from pydantic import SecretStr

from sealflow.config import Settings
from sealflow.errors import InvalidInput, ObjectIncompatible, ObjectTampered, ObjectUnsigned
from sealflow.store.objects.envelope import (
    _HEAD,
    DIGEST,
    MAGIC,
    is_sealed,
    open_envelope,
    payload_digest,
    read_hashing,
    read_manifest,
    seal,
)
from sealflow.store.objects.signing import KEY_FILE, signing_key

KEY = b"k" * 32
PAYLOAD = pickle.dumps({"weights": list(range(100))}, protocol=5)
FIRST_DIGEST_ENVELOPE = Path(__file__).parent / "data" / "sealed-sha256-chunks.bin"
"""An envelope of ``PAYLOAD`` signed with ``KEY`` by the first release of the format, whose digest was
SHA-256 over 4 MiB chunks."""


def sealed() -> bytes:
    return seal({"format": "test", "note": "written by a test"}, [PAYLOAD[:10], PAYLOAD[10:]], KEY)


def test_an_envelope_opens_with_its_manifest_and_payload() -> None:
    opened = open_envelope(sealed(), KEY, "object 'm' tag 'v1'")

    assert bytes(opened.payload) == PAYLOAD
    assert opened.manifest["note"] == "written by a test"
    assert opened.manifest["payload_size"] == len(PAYLOAD)
    assert read_manifest(sealed(), "x") == opened.manifest


def test_an_envelope_is_never_mistaken_for_a_pickle_and_back() -> None:
    assert is_sealed(sealed())
    assert not is_sealed(PAYLOAD)
    assert not is_sealed(pickle.dumps(None, protocol=0))
    with pytest.raises(pickle.UnpicklingError):
        pickle.loads(sealed())


def test_changing_any_signed_byte_is_detected() -> None:
    data = sealed()
    for position in range(len(MAGIC) + 1, len(data), 7):
        changed = bytearray(data)
        changed[position] ^= 0x01
        with pytest.raises(ObjectTampered, match="object 'm' tag 'v1'"):
            open_envelope(bytes(changed), KEY, "object 'm' tag 'v1'")


def test_a_payload_cut_short_or_extended_is_detected() -> None:
    for data in (sealed()[:-1], sealed() + b"\0"):
        with pytest.raises(ObjectTampered, match="changed after it was written"):
            open_envelope(data, KEY, "object 'm' tag 'v1'")


def test_new_envelopes_name_their_digest() -> None:
    assert read_manifest(sealed(), "x")["digest"] == DIGEST == "blake3"


def test_an_envelope_with_the_first_digest_still_opens_and_its_payload_is_still_checked() -> None:
    data = FIRST_DIGEST_ENVELOPE.read_bytes()

    opened = open_envelope(data, KEY, "object 'm' tag 'v1'")

    assert opened.manifest["digest"] == "sha256-of-4MiB-chunks"
    assert bytes(opened.payload) == PAYLOAD
    changed = bytearray(data)
    changed[-3] ^= 0x01
    with pytest.raises(ObjectTampered, match="changed after it was written"):
        open_envelope(bytes(changed), KEY, "object 'm' tag 'v1'")


def test_a_signed_envelope_with_an_unknown_digest_is_incompatible_not_tampered() -> None:
    manifest = {**read_manifest(sealed(), "x"), "digest": "sha3-from-the-future"}
    encoded = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    head = MAGIC + _HEAD.pack(1, len(encoded)) + encoded
    signature = hmac.new(KEY, head, hashlib.sha256).digest()
    data = head + signature + b"\0" * (-len(head + signature) % 64) + PAYLOAD

    with pytest.raises(
        ObjectIncompatible, match=r"object 'm' tag 'v1' names a payload digest.*sha3-from-the-future.*blake3"
    ) as caught:
        open_envelope(data, KEY, "object 'm' tag 'v1'")
    assert "Sealflow version that wrote it" in str(caught.value)


def test_another_instances_key_is_refused() -> None:
    with pytest.raises(ObjectTampered, match=r"invalid signature.*another instance's key"):
        open_envelope(sealed(), b"x" * 32, "object 'm' tag 'v1'")


def test_a_plain_pickle_is_unsigned_and_says_how_to_seal_or_trust_it() -> None:
    with pytest.raises(ObjectUnsigned, match=r"plain pickle.*sealflow objects adopt.*TRUST_LEGACY_PICKLES"):
        open_envelope(PAYLOAD, KEY, "object 'm' tag 'v1'")


def test_a_key_is_generated_once_private_and_reused(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home")

    first = signing_key(settings)
    second = signing_key(settings)

    path = tmp_path / "home" / KEY_FILE
    assert first == second
    assert len(first) >= 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [KEY_FILE]


def test_the_configured_key_wins_then_the_key_file(tmp_path: Path) -> None:
    key_file = tmp_path / "key.txt"
    key_file.write_text("  file-key-0123456789abcdef \n", encoding="utf-8")

    assert (
        signing_key(Settings(home=tmp_path, signing_key=SecretStr("s" * 20), signing_key_file=key_file))
        == b"s" * 20
    )
    assert signing_key(Settings(home=tmp_path, signing_key_file=key_file)) == b"file-key-0123456789abcdef"
    assert not (tmp_path / KEY_FILE).exists()


def test_a_short_key_is_refused_without_showing_it(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="SEALFLOW_SIGNING_KEY is shorter than 16") as caught:
        signing_key(Settings(home=tmp_path, signing_key=SecretStr("tiny-secret")))
    assert "tiny-secret" not in str(caught.value)


def test_the_key_never_shows_in_the_settings() -> None:
    settings = Settings(signing_key=SecretStr("a-very-secret-signing-key"))

    assert "a-very-secret-signing-key" not in repr(settings)
    assert "a-very-secret-signing-key" not in settings.model_dump_json()


def _large_envelope_file(tmp_path: Path) -> tuple[Path, bytes]:
    payload = np.random.default_rng(3).bytes(3 * 1024 * 1024 + 5)
    path = tmp_path / "large.pkl"
    path.write_bytes(seal({"format": "test"}, [payload], KEY))
    return path, payload


def test_a_large_envelope_is_hashed_while_it_is_read_and_opens_with_that_digest(tmp_path: Path) -> None:
    path, payload = _large_envelope_file(tmp_path)

    with path.open("rb", buffering=0) as stream:
        data = read_hashing(stream, path.stat().st_size)

    assert data.payload_digest is not None
    start, name, digest = data.payload_digest
    assert (name, digest) == (DIGEST, payload_digest(payload))
    assert bytes(memoryview(data)[start:]) == payload
    assert bytes(open_envelope(data, KEY, "object 'm' tag 'v1'").payload) == payload


def test_a_large_envelope_changed_on_disk_is_refused_after_a_hashing_read(tmp_path: Path) -> None:
    path, _ = _large_envelope_file(tmp_path)
    changed = bytearray(path.read_bytes())
    changed[-1024 * 1024] ^= 0x01
    path.write_bytes(changed)

    with path.open("rb", buffering=0) as stream:
        data = read_hashing(stream, path.stat().st_size)

    with pytest.raises(ObjectTampered, match="payload does not match"):
        open_envelope(data, KEY, "object 'm' tag 'v1'")


def test_a_large_plain_file_is_read_whole_without_a_digest(tmp_path: Path) -> None:
    path = tmp_path / "plain.pkl"
    path.write_bytes(pickle.dumps(np.arange(300_000), protocol=5))

    with path.open("rb", buffering=0) as stream:
        data = read_hashing(stream, path.stat().st_size)

    assert data.payload_digest is None
    assert bytes(data) == path.read_bytes()


def test_a_file_that_ends_early_is_an_error_that_says_so(tmp_path: Path) -> None:
    path, _ = _large_envelope_file(tmp_path)
    size = path.stat().st_size

    with path.open("rb", buffering=0) as stream, pytest.raises(OSError, match=f"ended after {size} of"):
        read_hashing(stream, size + 10)


class Trickle:
    """A stream that hands over at most ``step`` bytes per read, like a network connection."""

    def __init__(self, data: bytes, step: int) -> None:
        self.stream = io.BytesIO(data)
        self.step = step

    def readinto(self, buffer: memoryview) -> int:
        return self.stream.readinto(buffer[: self.step])


def test_a_stream_that_hands_over_little_at_a_time_is_read_whole_and_hashed(tmp_path: Path) -> None:
    path, payload = _large_envelope_file(tmp_path)
    data = path.read_bytes()

    read = read_hashing(Trickle(data, 1000), len(data))

    assert bytes(read) == data
    assert read.payload_digest is not None
    assert read.payload_digest[1:] == (DIGEST, payload_digest(payload))
