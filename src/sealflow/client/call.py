"""One request and how to read its answer; an error answer as the exception of ``sealflow.errors`` it names.

An error response becomes the class the server named in its body (``{"detail", "error"}``), with the
server's message; a class the client does not know falls back to one chosen by the status code.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx
from pydantic import ValidationError

from sealflow import errors

T = TypeVar("T")

#: The exception for an error status when the body names no class the client knows.
BY_STATUS: dict[int, type[errors.SealflowError]] = {
    400: errors.InvalidInput,
    401: errors.AuthenticationRequired,
    403: errors.PermissionDenied,
    404: errors.NotFound,
    409: errors.Conflict,
    422: errors.InvalidInput,
    502: errors.AdapterError,
    503: errors.AdapterUnavailable,
}


@dataclass(frozen=True)
class Call(Generic[T]):
    """One request and how to read its answer."""

    method: str
    path: str
    parse: Callable[[httpx.Response], T]
    params: Sequence[tuple[str, str]] = ()
    json: Any = None
    ok: tuple[int, ...] = (200,)

    def request_arguments(self) -> dict[str, Any]:
        """Keyword arguments for ``httpx.Client.request`` (and the async one)."""
        arguments: dict[str, Any] = {"params": list(self.params)}
        if self.json is not None:
            arguments["json"] = self.json
        return arguments

    def result(self, response: httpx.Response) -> T:
        """The parsed answer; the mapped exception for an error status."""
        if response.status_code not in self.ok:
            raise error_of(response)
        try:
            return self.parse(response)
        except (ValueError, ValidationError) as exc:
            if isinstance(exc, errors.SealflowError):
                raise
            raise errors.RemoteError(
                f"{self.method} {response.request.url} answered {response.status_code} with a body the "
                f"client cannot read ({exc}); is it a Sealflow service of the same version?"
            ) from exc


def error_of(response: httpx.Response) -> errors.SealflowError:
    """The exception an error response stands for, carrying the server's message."""
    where = f"{response.request.method} {response.request.url}"
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict) or "detail" not in body:
        return errors.RemoteError(
            f"{where} answered {response.status_code} {response.reason_phrase} without an error body; "
            "is it a Sealflow service?",
            status=response.status_code,
        )
    detail = body["detail"]
    message = detail if isinstance(detail, str) else json.dumps(detail)
    name = str(body.get("error", ""))
    known = getattr(errors, name, None)
    if isinstance(known, type) and issubclass(known, errors.SealflowError):
        kind = known
    else:
        kind = BY_STATUS.get(response.status_code, errors.RemoteError)
        if kind is errors.RemoteError:
            message = f"{where} answered {response.status_code} {response.reason_phrase}: {message}"
    return kind(message, status=response.status_code, error=name, url=str(response.request.url))


def connection_error(method: str, url: str, exc: httpx.HTTPError, timeout: float) -> errors.RemoteError:
    """The error for a request that got no answer."""
    if isinstance(exc, httpx.TimeoutException):
        return errors.RemoteError(
            f"{method} {url} got no answer within {timeout:g} seconds; is the service up?"
        )
    return errors.RemoteError(f"cannot reach {url}: {exc}; check the URL and that the service runs")
