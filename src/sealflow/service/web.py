"""The web UI: the built front end (``static/``) served at ``/`` on the service's own origin.

The UI answers only requests that no API route takes (the router's fallback), so routes added later
keep working. Files of the build are served as they are; a GET of one of the UI's own routes (``/``,
``/transformations/<id>``, ``/executions``, ``/audit``, ``/objects``) answers with ``index.html``, so
they survive a reload; anything else is the API's 404. Without a build, the UI's routes answer a short
page saying how to make one.
"""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.types import Receive, Scope, Send

STATIC_DIR = Path(__file__).resolve().parent / "static"
UI_ROUTE = re.compile(r"(|transformations/[0-9a-fA-F-]{36}|executions|audit|objects)/?")

MISSING_BUILD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sealflow</title></head>
<body><h1>Sealflow</h1>
<p>The web UI has not been built. Run <code>make setup</code> in the Sealflow source directory, then
reload this page. The REST API is documented at <a href="/docs">/docs</a>.</p></body></html>
"""


def install_web_ui(app: FastAPI, static_dir: Path | None = None) -> None:
    """Serve the UI build (``static_dir``, default ``STATIC_DIR``) for GETs that no route of ``app`` takes."""
    root = (static_dir or STATIC_DIR).resolve()

    async def web_ui(scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope["path"].lstrip("/")
        response = _response(root, path) if scope.get("method") in ("GET", "HEAD") else None
        if response is None:
            raise HTTPException(status_code=404)
        await response(scope, receive, send)

    app.router.default = web_ui


def _response(root: Path, path: str) -> Response | None:
    """A file of the build, ``index.html`` for the UI's routes, the page asking for a build, or ``None``."""
    index = root / "index.html"
    route = UI_ROUTE.fullmatch(path) is not None
    if not index.is_file():
        return HTMLResponse(MISSING_BUILD) if route else None
    candidate = (root / path).resolve()
    if path and candidate.is_file() and candidate.is_relative_to(root):
        immutable = path.startswith("assets/")
        cache = "public, max-age=31536000, immutable" if immutable else "no-cache"
        return FileResponse(candidate, headers={"Cache-Control": cache})
    return FileResponse(index, headers={"Cache-Control": "no-cache"}) if route else None
