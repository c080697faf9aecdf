"""``sealflow replay`` and ``sealflow verify``: is a run reproducible, is a revision deterministic."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from sealflow.cli.context import state
from sealflow.cli.render import console, print_json
from sealflow.ops.replay import ReplayReport, replay_execution
from sealflow.ops.verify import verify_transformation

EXIT_CODES = {"identical": 0, "differs": 1, "failed": 5}


def render(report: ReplayReport) -> None:
    """Print a replay report as a verdict line, a table of outputs and the environment changes."""
    console.print(f"execution {report.execution_id}: [bold]{report.verdict}[/]", highlight=False)
    if report.error:
        console.print(f"the replay failed: {report.error}", highlight=False)
    if report.outputs:
        table = Table()
        for column in ("output", "verdict", "differing cells", "max abs diff", "max rel diff"):
            table.add_column(column)
        for item in report.outputs:
            t = item.tolerance
            table.add_row(
                item.name,
                item.verdict,
                f"{t.differing}/{t.cells}" if t else "",
                f"{t.max_abs_diff:.3g}" if t else "",
                f"{t.max_rel_diff:.3g}" if t else "",
            )
        console.print(table)
    if report.objects_stored:
        console.print(
            f"objects the replay stored, kept apart and discarded: {', '.join(report.objects_stored)}",
            highlight=False,
        )
    if report.environment_identical:
        console.print("environment: identical to the recorded one", highlight=False)
    else:
        console.print("environment differs from the recorded one:", highlight=False)
        for change in report.environment_changes:
            console.print(f"  {change}", highlight=False)


def replay(
    ctx: typer.Context,
    execution_id: Annotated[
        str, typer.Argument(help="Id of the execution record (see 'sealflow executions list').")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Re-run exactly the recorded code on the recorded inputs; exit 0 identical, 1 differs, 5 failed."""
    report = replay_execution(state(ctx).instance(), execution_id)
    if as_json:
        print_json(report.model_dump(mode="json"))
    else:
        render(report)
    raise typer.Exit(EXIT_CODES[report.verdict])


def verify(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Id or name\\[@tag] of a released revision.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Run a released revision's test wiring twice, in two new processes; exit 1 if outputs differ."""
    report = verify_transformation(state(ctx).instance(), reference)
    if as_json:
        print_json(report.model_dump(mode="json"))
    else:
        console.print(f"{report.transformation}: [bold]{report.verdict}[/]", highlight=False)
        console.print(f"runs: {', '.join(report.execution_ids)}", highlight=False)
        for item in report.outputs:
            detail = (
                f" ({item.tolerance.differing}/{item.tolerance.cells} cells differ)" if item.tolerance else ""
            )
            console.print(f"  {item.name}: {item.verdict}{detail}", highlight=False)
    raise typer.Exit(0 if report.verdict == "deterministic" else 1)
