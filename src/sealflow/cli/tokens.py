"""``sealflow tokens create|list|revoke``: the service's API tokens (run on the instance, as its admin)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from sealflow.cli.context import state
from sealflow.cli.render import console, print_json
from sealflow.model.access import Role
from sealflow.ops import tokens as ops

app = typer.Typer(help="Create, list and revoke API tokens of the REST service.", no_args_is_help=True)


@app.command()
def create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A name to recognise the token by, e.g. ci-import.")],
    role: Annotated[Role, typer.Option(help="What the token may do.")] = Role.VIEWER,
) -> None:
    """Create a token; it is printed once, only its hash is stored."""
    token, text = ops.create_token(state(ctx).instance(), name, role)
    typer.echo(text)
    typer.echo(
        f"created token {token.name!r} with the role {token.role.value}; store it now, it cannot be "
        "shown again. Send it as 'Authorization: Bearer <token>' (or --token / SEALFLOW_TOKEN).",
        err=True,
    )


@app.command("list")
def list_(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the tokens as JSON.")] = False,
) -> None:
    """List every token (never the token itself): name, role, created, last used, revoked."""
    tokens = ops.list_tokens(state(ctx).instance())
    if as_json:
        print_json([token.model_dump(mode="json") for token in tokens])
        return
    table = Table()
    for column in ("name", "role", "created", "last used", "revoked", "id"):
        table.add_column(column, overflow="fold")
    for token in tokens:
        table.add_row(
            token.name,
            token.role.value,
            f"{token.created_at:%Y-%m-%d %H:%M}",
            f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never",
            f"{token.revoked_at:%Y-%m-%d %H:%M}" if token.revoked_at else "",
            str(token.id),
        )
    console.print(table)


@app.command()
def revoke(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name or id of the token.")],
) -> None:
    """Revoke a token: the service refuses it from now on."""
    token = ops.revoke_token(state(ctx).instance(), name)
    typer.echo(f"revoked token {token.name!r} ({token.role.value})", err=True)
