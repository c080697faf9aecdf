"""The sealed envelope and the signing key: tampering with any signed byte is caught, plain pickles are
recognised as unsigned, and the key is generated once, privately, and reused."""

from __future__ import annotations

import pickle
import stat
from pathlib import Path

import pytest
from pydantic import SecretStr

from sealflow.config import Settings
from sealflow.errors import InvalidInput, ObjectTampered, ObjectUnsigned
from sealflow.store.objects.envelope import MAGIC, is_sealed, open_envelope, read_manifest, seal
from sealflow.store.objects.signing import KEY_FILE, signing_key

KEY = b"k" * 32
PAYLOAD = pickle.dumps({"weights": list(range(100))}, protocol=5)


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
