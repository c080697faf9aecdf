"""``sealflow library``: the base library of components and example workflows."""

from __future__ import annotations

from collections import Counter

import typer

from sealflow.cli.context import state
from sealflow.cli.render import console
from sealflow.ops.library import install_library

app = typer.Typer(help="Sealflow's base library of components and example workflows.", no_args_is_help=True)


@app.command()
def install(ctx: typer.Context) -> None:
    """Import the library into the instance; what is already there stays as it is."""
    outcomes = install_library(state(ctx).instance())
    counts = Counter(outcome.action for outcome in outcomes)
    kinds = Counter(outcome.transformation.type.value.lower() for outcome in outcomes)
    console.print(
        f"library: {kinds['component']} components, {kinds['workflow']} workflows "
        f"({counts['created']} created, {counts['updated']} updated, {counts['unchanged']} unchanged)",
        highlight=False,
    )
