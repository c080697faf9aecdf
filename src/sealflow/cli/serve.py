"""``sealflow serve``: run the REST service with uvicorn."""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Annotated

import typer

from sealflow.cli.context import state
from sealflow.logs import configure_logging
from sealflow.ops.instance import Instance

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class Role(StrEnum):
    """What a service process runs."""

    ALL = "all"
    BACKEND = "backend"
    RUNTIME = "runtime"


def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 for every interface.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8080,
    workers: Annotated[int, typer.Option(min=1, help="Number of worker processes.")] = 1,
    role: Annotated[
        Role | None,
        typer.Option(
            help="backend: the API, sending runs to SEALFLOW_RUNTIME_URL; runtime: runs the orders backends "
            "send (no asynchronous routes); all: both in one process. Default: SEALFLOW_ROLE, else all."
        ),
    ] = None,
) -> None:
    """Run the REST service (hetida designer's API paths; OpenAPI docs at /docs)."""
    import uvicorn  # the web stack is loaded only by this command, so other commands start fast

    from sealflow.service.app import create_app

    settings = state(ctx).settings
    if role is not None:
        settings = settings.model_copy(update={"role": role.value})
    Instance.open(settings).close()
    configure_logging(settings.log_format)
    if settings.auth == "off" and host not in LOOPBACK:
        typer.echo(
            f"warning: authentication is off (SEALFLOW_AUTH=off), yet the service listens on {host}: anyone "
            "who reaches it may change and run everything; set SEALFLOW_AUTH=on for any shared deployment",
            err=True,
        )
    typer.echo(f"Sealflow serves http://{host}:{port} (docs at /docs); stop with Ctrl+C", err=True)
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_config=None, access_log=False)
        return
    os.environ["SEALFLOW_HOME"] = str(settings.home.resolve())
    if settings.db_url:
        os.environ["SEALFLOW_DB_URL"] = settings.db_url
    os.environ["SEALFLOW_ROLE"] = settings.role
    uvicorn.run(
        "sealflow.service.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=None,
        access_log=False,
    )
