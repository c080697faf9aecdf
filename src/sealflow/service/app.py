"""The composition root of the REST service: ``create_app(settings)``.

The application opens its instance when it starts (its lifespan) and closes it when it stops; nothing
happens at import time. Paths follow hetida designer's API, so its clients and scripts work, and every
route also answers with a trailing ``/``.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from sealflow import __version__
from sealflow.config import Settings
from sealflow.logs import configure_logging
from sealflow.ops.autoimport import autoimport
from sealflow.ops.info import environment_fingerprint
from sealflow.ops.instance import Instance
from sealflow.ops.library import install_library_if_empty
from sealflow.service import (
    audit,
    components,
    execution,
    executions,
    health,
    info,
    maintenance,
    objects,
    transformations,
)
from sealflow.service.errors import install_error_handlers
from sealflow.service.jobs import install_roles
from sealflow.service.runtime import ScaleOut
from sealflow.service.security import install_security
from sealflow.service.web import install_web_ui

logger = logging.getLogger(__name__)

DESCRIPTION = """\
Components and workflows that stay reproducible: store, list, import and run transformation revisions.
The paths and the JSON format are those of hetida designer's API."""


def create_app(settings: Settings) -> FastAPI:
    """The service for the instance ``settings`` name; the instance is opened (and the environment
    fingerprint read) on startup."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(environment_fingerprint)
        instance = await run_in_threadpool(Instance.open, settings)
        if settings.install_library:
            installed = await run_in_threadpool(install_library_if_empty, instance)
            if installed:
                logger.info("first start: imported %d revisions of the base library", len(installed))
        if settings.autoimport_dir is not None:
            await run_in_threadpool(autoimport, instance, settings.autoimport_dir)
        app.state.instance = instance
        # What starting made (modules, the library, the instance) lives as long as the process: keeping
        # it out of garbage collection keeps collections during requests short.
        gc.freeze()
        try:
            app.state.scale_out = await run_in_threadpool(ScaleOut.open, instance, settings)
        except BaseException:
            await run_in_threadpool(instance.close)
            raise
        try:
            yield
        finally:
            await run_in_threadpool(app.state.scale_out.close)
            await run_in_threadpool(instance.close)

    app = FastAPI(
        title="Sealflow",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        redirect_slashes=False,
    )
    install_error_handlers(app)
    install_security(app, settings)
    app.include_router(health.router)
    app.include_router(info.router)
    install_roles(app, settings)
    app.include_router(execution.router)
    app.include_router(executions.router)
    app.include_router(transformations.router)
    app.include_router(maintenance.router)
    app.include_router(components.router)
    app.include_router(audit.router)
    app.include_router(objects.router)
    install_web_ui(app)
    app.add_middleware(TrailingSlash)
    return app


def app_from_environment() -> FastAPI:
    """The service for the settings in the ``SEALFLOW_*`` environment (for ``uvicorn --factory``)."""
    settings = Settings()
    configure_logging(settings.log_format)
    return create_app(settings)


class TrailingSlash:
    """Routes a path with a trailing ``/`` like the path without it (no redirect, bodies survive)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path: str = scope["path"]
            if len(path) > 1 and path.endswith("/"):
                trimmed = path.rstrip("/") or "/"
                raw: bytes = scope.get("raw_path") or path.encode()
                scope = {**scope, "path": trimmed, "raw_path": raw.rstrip(b"/") or b"/"}
        await self.app(scope, receive, send)
