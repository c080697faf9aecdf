"""The instance's signing key for sealed objects: from the settings, a key file, or generated once.

Order: ``SEALFLOW_SIGNING_KEY``, then the file ``SEALFLOW_SIGNING_KEY_FILE``, then ``<home>/signing.key``,
which is created with a random key (mode 0600) on first use. The file is written under a temporary name
and linked into place, so two processes starting at once agree on one key. The key is never logged.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from sealflow.config import Settings
from sealflow.errors import InvalidInput, StorageError

KEY_FILE = "signing.key"
_MIN_LENGTH = 16


def signing_key(settings: Settings) -> bytes:
    """The key that signs and verifies this instance's sealed objects."""
    if settings.signing_key is not None and settings.signing_key.get_secret_value():
        return _checked(settings.signing_key.get_secret_value(), "SEALFLOW_SIGNING_KEY")
    if settings.signing_key_file is not None:
        try:
            text = settings.signing_key_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise InvalidInput(
                f"cannot read the signing key file {settings.signing_key_file}: {exc.strerror or exc}; "
                "fix SEALFLOW_SIGNING_KEY_FILE"
            ) from exc
        return _checked(text.strip(), f"the signing key file {settings.signing_key_file}")
    return _generated(settings.home / KEY_FILE)


def _checked(key: str, where: str) -> bytes:
    if len(key) < _MIN_LENGTH:
        raise InvalidInput(f"{where} is shorter than {_MIN_LENGTH} characters; use a long random key")
    return key.encode()


def _generated(path: Path) -> bytes:
    """The key in ``path``, written with a new random key first if the file does not exist."""
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".signing-", suffix=".tmp")
        except OSError as exc:
            raise StorageError(
                f"cannot create the signing key in {path.parent}: {exc.strerror or exc}"
            ) from exc
        try:
            os.fchmod(handle, 0o600)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(secrets.token_hex(32) + "\n")
                stream.flush()
                os.fsync(stream.fileno())
            os.link(temporary, path)
        except FileExistsError:
            pass
        except OSError as exc:
            raise StorageError(f"cannot write the signing key {path}: {exc.strerror or exc}") from exc
        finally:
            Path(temporary).unlink(missing_ok=True)
    try:
        return _checked(path.read_text(encoding="utf-8").strip(), f"the signing key file {path}")
    except OSError as exc:
        raise StorageError(f"cannot read the signing key {path}: {exc.strerror or exc}") from exc
