"""``sealflow env``: the environment fingerprint, and differences between two."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from sealflow.cli.render import console, print_json
from sealflow.ops.environment import load_fingerprint
from sealflow.repro.fingerprint import current_fingerprint, diff

app = typer.Typer(help="Show the environment fingerprint, or compare two.", invoke_without_command=True)


@app.callback()
def show(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole fingerprint as JSON.")] = False,
) -> None:
    """Print this environment's fingerprint: Python, platform, Sealflow and installed distributions."""
    if ctx.invoked_subcommand is not None:
        return
    fingerprint = current_fingerprint()
    if as_json:
        print_json({"id": fingerprint.id, **fingerprint.model_dump(mode="json")})
        return
    console.print(f"fingerprint {fingerprint.id}", highlight=False)
    console.print(
        f"python {fingerprint.python_implementation} {fingerprint.python_version} on {fingerprint.platform}, "
        f"sealflow {fingerprint.sealflow_version}, {len(fingerprint.distributions)} distributions",
        highlight=False,
    )


@app.command("diff")
def diff_(
    before: Annotated[str, typer.Argument(help="'current', a fingerprint JSON file, or an instance URL.")],
    after: Annotated[str, typer.Argument(help="'current', a fingerprint JSON file, or an instance URL.")],
) -> None:
    """Compare two environments; exit code 1 when they differ."""
    old, new = load_fingerprint(before), load_fingerprint(after)
    changes = diff(old, new)
    if not changes:
        console.print(f"identical environments ({old.id[:12]})", highlight=False)
        return
    table = Table(title=f"{old.id[:12]} -> {new.id[:12]}: {len(changes)} difference(s)")
    for column in ("what", "before", "after"):
        table.add_column(column)
    for change in changes:
        table.add_row(change.what, change.before or "-", change.after or "-")
    console.print(table)
    raise typer.Exit(1)
