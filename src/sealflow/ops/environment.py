"""Use cases on environment fingerprints: show this one, fetch another, compare two."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from pydantic import ValidationError

from sealflow.errors import AdapterUnavailable, InvalidInput
from sealflow.repro.fingerprint import Fingerprint, current_fingerprint


def load_fingerprint(source: str) -> Fingerprint:
    """A fingerprint from ``current``, a JSON file, or an instance URL (its ``/api/info``)."""
    if source == "current":
        return current_fingerprint()
    if source.startswith(("http://", "https://")):
        url = source.rstrip("/") + "/api/info"
        try:
            response = httpx.get(url, timeout=10)
        except httpx.HTTPError as exc:
            raise AdapterUnavailable(
                f"cannot reach {url}: {exc}; check the URL and that the instance runs"
            ) from exc
        if response.status_code != 200:
            raise InvalidInput(f"{url} answered {response.status_code}; is it a Sealflow instance?")
        data = response.json().get("fingerprint")
        where = url
    else:
        path = Path(source)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise InvalidInput(
                f"cannot read {path}: {exc.strerror}; give 'current', a file or an instance URL"
            ) from exc
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}") from exc
        where = str(path)
    try:
        return Fingerprint.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(
            f"{where} holds no environment fingerprint ({exc.error_count()} problem(s))"
        ) from exc
