"""``sealflow objects ...``: persisted objects, whether they load here, and sealing legacy pickles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from sealflow.cli.context import state
from sealflow.cli.render import console, print_json
from sealflow.ops import objects as ops

app = typer.Typer(help="List and check persisted objects; seal legacy pickles.", no_args_is_help=True)

_STYLES = {"ok": "green", "mismatch": "yellow", "unsigned": "yellow", "tampered": "red"}


def _show(reports: list[ops.ObjectReport], as_json: bool) -> None:
    if as_json:
        print_json([report.model_dump(mode="json") for report in reports])
        return
    if not reports:
        console.print("no stored objects")
        return
    table = Table()
    for column in ("name", "tag", "size", "written at", "by execution", "status", "problems"):
        table.add_column(column, overflow="fold")
    for report in reports:
        table.add_row(
            report.name,
            report.tag,
            f"{report.size:,}",
            report.written_at.isoformat(timespec="seconds"),
            report.execution_id or "-",
            f"[{_STYLES[report.status]}]{report.status}[/]",
            "\n".join(report.problems) or "-",
        )
    console.print(table)


@app.command("list")
def list_(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False,
) -> None:
    """List every stored object with its status here: ok, mismatch, unsigned or tampered."""
    _show(ops.list_objects(state(ctx).instance()), as_json)


@app.command("check")
def check(
    ctx: typer.Context,
    reference: Annotated[
        str | None,
        typer.Argument(metavar="[NAME[:TAG]]", help="One object (all tags, or one); default: all."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the reports as JSON.")] = False,
) -> None:
    """Check objects against this environment without loading them; exit code 1 if any is not ok."""
    reports = ops.check_objects(state(ctx).instance(), reference)
    _show(reports, as_json)
    if any(not report.ok for report in reports):
        raise typer.Exit(1)


@app.command("adopt")
def adopt(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A plain pickle, e.g. written by hetida designer.")],
    name: Annotated[
        str | None, typer.Option(help="Object name; default: the file name without suffix.")
    ] = None,
    tag: Annotated[str | None, typer.Option(help=f"Tag; default: {ops.ADOPTED_TAG!r}.")] = None,
) -> None:
    """Check a legacy pickle without running it, then seal it into the object store."""
    report = ops.adopt_object(state(ctx).instance(), path, name=name, tag=tag)
    console.print(
        f"sealed {path} as object {report.name!r} tag {report.tag!r} ({report.status})", highlight=False
    )
