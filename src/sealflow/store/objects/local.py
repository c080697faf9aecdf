"""The object store in a local directory (the default): ``<root>/<name>/<tag>.pkl`` and ``.json``.

Each file is written to a hidden temporary file in the same directory, flushed to disk, then hard-linked
to its final name. Linking is atomic and fails if the name exists, so a file appears whole or not at
all and two writers of the same name and tag cannot both succeed; the payload is linked before the
manifest, so a visible object is complete.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sealflow.errors import StorageError
from sealflow.store.objects.envelope import read_payload
from sealflow.store.objects.manifest import ObjectManifest
from sealflow.store.objects.names import check_name, check_tag, is_valid_name
from sealflow.store.objects.protocol import (
    MANIFEST_SUFFIX,
    PAYLOAD_SUFFIX,
    exists_error,
    not_found_error,
    parse_manifest,
)

_TEMPORARY_PREFIX = "."


class LocalObjectStore:
    """Persisted objects as files below a directory, which is created on the first write."""

    def __init__(self, root: Path) -> None:
        self.root = root.absolute()

    @property
    def location(self) -> str:
        """The directory as a ``file://`` URL."""
        return self.root.as_uri()

    def write(self, manifest: ObjectManifest, payload: bytes) -> None:
        """Store the payload, then the manifest; ``ObjectExists`` if either is there already."""
        name, tag = check_name(manifest.name), check_tag(manifest.tag)
        directory = self.root / name
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._failure(f"create the directory {directory}", exc) from exc
        self._check_inside(directory)
        if (directory / f"{tag}{MANIFEST_SUFFIX}").exists():
            raise exists_error(self.location, name, tag, complete=True)
        self._publish(directory / f"{tag}{PAYLOAD_SUFFIX}", payload, complete=False)
        self._publish(directory / f"{tag}{MANIFEST_SUFFIX}", manifest.to_json(), complete=True)

    def read(self, name: str, tag: str) -> bytes:
        """The payload of ``name`` with ``tag``."""
        path = self.root / check_name(name) / f"{check_tag(tag)}{PAYLOAD_SUFFIX}"
        return self._read(path, name, tag)

    def manifest(self, name: str, tag: str) -> ObjectManifest:
        """The manifest of ``name`` with ``tag``."""
        path = self.root / check_name(name) / f"{check_tag(tag)}{MANIFEST_SUFFIX}"
        return parse_manifest(self._read(path, name, tag), name, tag, str(path))

    def manifests(self, name: str) -> list[ObjectManifest]:
        """The manifests of every complete object called ``name``."""
        directory = self.root / check_name(name)
        try:
            paths = sorted(directory.iterdir())
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise self._failure(f"list {directory}", exc) from exc
        found = []
        for path in paths:
            if path.name.startswith(_TEMPORARY_PREFIX) or path.suffix != MANIFEST_SUFFIX:
                continue
            tag = path.name.removesuffix(MANIFEST_SUFFIX)
            found.append(parse_manifest(self._read(path, name, tag), name, tag, str(path)))
        return found

    def names(self) -> list[str]:
        """Every directory below the root that is a valid object name, sorted."""
        try:
            paths = sorted(self.root.iterdir())
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise self._failure(f"list {self.root}", exc) from exc
        return [path.name for path in paths if path.is_dir() and is_valid_name(path.name)]

    def _publish(self, target: Path, data: bytes, *, complete: bool) -> None:
        """Write ``data`` to ``target`` atomically; never replace an existing file."""
        try:
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=_TEMPORARY_PREFIX, suffix=".tmp")
        except OSError as exc:
            raise self._failure(f"write into {target.parent}", exc) from exc
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.link(temporary, target)
        except FileExistsError as exc:
            name, tag = target.parent.name, target.name.removesuffix(target.suffix)
            raise exists_error(self.location, name, tag, complete=complete) from exc
        except OSError as exc:
            raise self._failure(f"write {target}", exc) from exc
        finally:
            Path(temporary).unlink(missing_ok=True)

    def _check_inside(self, path: Path) -> None:
        """Refuse a path that a symbolic link leads out of the store's directory."""
        try:
            inside = path.resolve().is_relative_to(self.root.resolve())
        except (OSError, RuntimeError) as exc:
            raise StorageError(f"cannot resolve {path}: {exc}; remove the broken link") from exc
        if not inside:
            raise StorageError(
                f"{path} is refused: a symbolic link leads out of the object store directory {self.root}; "
                "remove the link"
            )

    def _read(self, path: Path, name: str, tag: str) -> bytes:
        if path.exists() or path.is_symlink():
            self._check_inside(path)
        try:
            with path.open("rb", buffering=0) as stream:
                return read_payload(stream, os.fstat(stream.fileno()).st_size)
        except FileNotFoundError as exc:
            raise not_found_error(self.location, name, tag) from exc
        except OSError as exc:
            raise self._failure(f"read {path}", exc) from exc

    def _failure(self, action: str, exc: OSError) -> StorageError:
        return StorageError(
            f"cannot {action}: {exc.strerror or exc}; check that the object store directory {self.root} "
            "exists and is writable, or set SEALFLOW_OBJECTS_URL"
        )
