"""``sealflow maintenance ...``: instance-wide maintenance on the local instance.

Destructive commands first show what they would delete and ask; ``--yes`` skips the question and
``--dry-run`` only shows the report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from sealflow.cli.context import state
from sealflow.cli.plan import actor
from sealflow.cli.render import console, print_json
from sealflow.ops import maintenance as ops
from sealflow.ops.guarded import maintenance_planned
from sealflow.ops.instance import Instance

app = typer.Typer(help="Deprecate, delete and purge revisions of the whole instance.", no_args_is_help=True)
_stderr = Console(stderr=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print the report as JSON.")]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Show the report without changing anything.")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]


def report_table(report: ops.MaintenanceReport) -> Table:
    """A table with one changed revision per row."""
    title = f"{report.action}{' (dry run)' if report.dry_run else ''}"
    table = Table(title=title)
    for column in ("action", "type", "name", "tag", "state", "id"):
        table.add_column(column, overflow="fold")
    for change in report.revisions:
        action = change.action + (f": {change.reason}" if change.reason else "")
        table.add_row(action, change.type, change.name, change.version_tag, change.state, change.id)
    return table


def show(report: ops.MaintenanceReport, as_json: bool) -> None:
    """Print the report as a table with a summary line, or as JSON."""
    if as_json:
        print_json(report.to_json())
        return
    if report.revisions:
        console.print(report_table(report))
    verb = "would change" if report.dry_run else "changed"
    summary = f"{report.action}: {verb} {len(report.revisions)} revisions"
    kept = report.changed("kept")
    if kept:
        summary += f" ({len(kept)} kept)"
    if report.purged_code_hashes:
        summary += (
            f", {'would purge' if report.dry_run else 'purged'} {len(report.purged_code_hashes)} code texts"
        )
    console.print(summary, highlight=False)


def _run(
    ctx: typer.Context,
    action: Callable[..., ops.MaintenanceReport],
    *,
    as_json: bool,
    dry_run: bool,
    confirm: bool,
) -> None:
    instance: Instance = state(ctx).instance()
    if dry_run:
        show(action(instance, dry_run=True), as_json)
        return
    if confirm:
        plan = action(instance, dry_run=True)
        if not plan.revisions and not plan.purged_code_hashes:
            show(plan, as_json)
            return
        _stderr.print(report_table(plan))
        typer.confirm(f"{len(plan.revisions)} revisions are affected; go ahead?", abort=True, err=True)
    applied = maintenance_planned(instance, action, actor=actor(ctx))
    show(applied.result, as_json)
    if applied.snapshot is not None and not as_json:
        console.print(f"snapshot before the change: {applied.snapshot}", highlight=False, soft_wrap=True)


@app.command("deprecate-all-but-latest")
def deprecate_all_but_latest(
    ctx: typer.Context, as_json: JsonOption = False, dry_run: DryRunOption = False
) -> None:
    """Disable every RELEASED revision but the newest one of its revision group."""
    _run(ctx, ops.deprecate_all_but_latest_per_group, as_json=as_json, dry_run=dry_run, confirm=False)


@app.command("delete-drafts")
def delete_drafts(
    ctx: typer.Context, as_json: JsonOption = False, dry_run: DryRunOption = False, yes: YesOption = False
) -> None:
    """Delete every DRAFT revision."""
    _run(ctx, ops.delete_drafts, as_json=as_json, dry_run=dry_run, confirm=not yes)


@app.command("delete-unused-deprecated")
def delete_unused_deprecated(
    ctx: typer.Context, as_json: JsonOption = False, dry_run: DryRunOption = False, yes: YesOption = False
) -> None:
    """Delete the DISABLED revisions that no workflow, unless DISABLED itself, contains at any depth."""
    _run(ctx, ops.delete_unused_deprecated, as_json=as_json, dry_run=dry_run, confirm=not yes)


@app.command()
def purge(
    ctx: typer.Context, as_json: JsonOption = False, dry_run: DryRunOption = False, yes: YesOption = False
) -> None:
    """Delete every revision and the code nothing refers to any more (code of recorded runs stays)."""
    _run(ctx, ops.purge, as_json=as_json, dry_run=dry_run, confirm=not yes)


@app.command()
def autoimport(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Import the instance's autoimport directory."""
    show(ops.trigger_autoimport(state(ctx).instance()), as_json)
