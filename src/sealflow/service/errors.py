"""HTTP status codes for the exception tree, in one place, and the handlers that render every error.

Every error response has the body ``{"detail": <message>, "error": <error class>}``; request validation
errors add ``errors``, a list of ``{loc, msg}`` without the offending input. Nothing a client sent is
logged; server errors are logged with their traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from sealflow import errors

logger = logging.getLogger("sealflow.service")

#: Most specific first: the first matching class decides the status code.
STATUS_CODES: list[tuple[type[errors.SealflowError], int]] = [
    (errors.AuthenticationRequired, 401),
    (errors.PermissionDenied, 403),
    (errors.InvalidInput, 422),
    (errors.NotFound, 404),
    (errors.Conflict, 409),
    (errors.AdapterUnavailable, 503),
    (errors.AdapterError, 502),
    (errors.StorageError, 503),
    (errors.RuntimeUnavailable, 503),
    (errors.SealflowError, 500),
]

#: The ``error`` of a request that does not fit the API's schema.
INVALID_REQUEST = errors.InvalidInput.__name__


def status_code(error: errors.SealflowError) -> int:
    """The HTTP status code for ``error``."""
    return next(code for kind, code in STATUS_CODES if isinstance(error, kind))


def error_body(detail: str, error: str, **extra: Any) -> dict[str, Any]:
    """The JSON body of an error response."""
    return {"detail": detail, "error": error, **extra}


def install_error_handlers(app: FastAPI) -> None:
    """Render Sealflow errors, invalid requests, HTTP errors and unexpected failures as JSON."""
    app.add_exception_handler(errors.SealflowError, _sealflow_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)


async def _sealflow_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, errors.SealflowError)
    code = status_code(exc)
    if code >= 500:
        logger.error("%s %s failed: %s", request.method, request.url.path, exc.message, exc_info=exc)
    headers = {"WWW-Authenticate": "Bearer"} if code == 401 else None
    return JSONResponse(error_body(exc.message, type(exc).__name__), status_code=code, headers=headers)


async def _invalid_request(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = exc.errors()
    body = exc.body if isinstance(exc.body, dict) else {}
    detail = describe_request_errors(problems, content_of=str(body.get("type", "")))
    if "json" not in request.headers.get("content-type", "json") and any(
        problem["loc"][:1] == ("body",) for problem in problems
    ):
        detail = f"send the body as JSON with the header Content-Type: application/json; {detail}"
    listed = [{"loc": list(problem["loc"]), "msg": _message(problem)} for problem in problems]
    return JSONResponse(error_body(detail, INVALID_REQUEST, errors=listed), status_code=422)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    name = HTTPStatus(exc.status_code).phrase.title().replace(" ", "").replace("-", "")
    detail = str(exc.detail)
    if isinstance(exc.__cause__, RecursionError):
        detail = "the JSON body is nested too deeply to read; send flatter JSON"
    return JSONResponse(error_body(detail, name), status_code=exc.status_code, headers=exc.headers)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    logger.error("%s %s failed unexpectedly", request.method, request.url.path, exc_info=exc)
    return JSONResponse(
        error_body(
            f"the server failed unexpectedly ({type(exc).__name__}); the server log has the details",
            "InternalError",
        ),
        status_code=500,
    )


def describe_request_errors(problems: Sequence[Any], *, content_of: str = "") -> str:
    """One line: ``where: rule; ...``, e.g. ``body.name: String should have at most 60 characters``.

    ``content_of`` is the ``type`` of a revision in the body: errors about the other kind of ``content``
    (code for a workflow, a graph for a component) are left out.
    """
    irrelevant = {"COMPONENT": "WorkflowContent", "WORKFLOW": "str"}.get(content_of)
    lines = []
    for problem in problems:
        if problem.get("type") == "json_invalid":
            reason = (problem.get("ctx") or {}).get("error", "")
            where = problem["loc"][-1] if len(problem["loc"]) > 1 else "?"
            lines.append(f"the request body is not valid JSON: {reason} (at character {where})")
            continue
        loc = tuple(problem["loc"])
        branch = _branch(loc)
        if branch and branch == irrelevant:
            continue
        if branch:
            loc = (*loc[:2], *loc[3:])
        lines.append(f"{'.'.join(str(part) for part in loc) or 'request'}: {_message(problem)}")
    return "; ".join(lines) or "the request is invalid"


def _message(problem: Any) -> str:
    return str(problem.get("msg", "invalid")).removeprefix("Value error, ")


def _branch(loc: Sequence[Any]) -> str:
    """Which member of a revision's ``content`` union an error location runs through ("" for none)."""
    if len(loc) > 2 and loc[0] == "body" and loc[1] == "content" and isinstance(loc[2], str):
        if loc[2] == "str":
            return "str"
        if "WorkflowContent" in loc[2]:
            return "WorkflowContent"
    return ""
