"""``sealflow serve``: run the REST service with uvicorn."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from sealflow.cli.context import state
from sealflow.ops.instance import Instance


def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 for every interface.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8080,
    workers: Annotated[int, typer.Option(min=1, help="Number of worker processes.")] = 1,
) -> None:
    """Run the REST service (hetida designer's API paths; OpenAPI docs at /docs)."""
    import uvicorn  # the web stack is loaded only by this command, so other commands start fast

    from sealflow.service.app import create_app

    settings = state(ctx).settings
    Instance.open(settings).close()
    typer.echo(f"Sealflow serves http://{host}:{port} (docs at /docs); stop with Ctrl+C", err=True)
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port)
        return
    os.environ["SEALFLOW_HOME"] = str(settings.home.resolve())
    if settings.db_url:
        os.environ["SEALFLOW_DB_URL"] = settings.db_url
    uvicorn.run(
        "sealflow.service.app:app_from_environment", factory=True, host=host, port=port, workers=workers
    )
