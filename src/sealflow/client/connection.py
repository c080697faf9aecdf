"""How a client connects: the API root of a service URL, the bearer token and the timeout."""

from __future__ import annotations

from typing import Any

from sealflow.ops.remote import api_url


def client_options(url: str, token: str | None, timeout: float) -> dict[str, Any]:
    """Keyword arguments for ``httpx.Client`` and ``httpx.AsyncClient``.

    ``http://host:8080`` and ``http://host:8080/api`` both name the API; a token is sent as
    ``Authorization: Bearer <token>`` with every request.
    """
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return {"base_url": api_url(url) + "/", "headers": headers, "timeout": timeout}
