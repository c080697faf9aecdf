"""``sealflow batch``: one execution per input set, fanned out on a Dask cluster, results to a file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sealflow.cli.context import state
from sealflow.cli.render import console
from sealflow.errors import ExecutionFailed
from sealflow.ops.batch import read_input_sets, run_batch, write_sink
from sealflow.ops.execution import load_run_target


def batch(
    ctx: typer.Context,
    target: Annotated[
        str, typer.Argument(help="A transformation JSON file, or the id or name\\[@tag] of a stored one.")
    ],
    inputs: Annotated[
        Path, typer.Option(help="Input sets: a .parquet file (one per row) or .jsonl (one object per line).")
    ],
    cluster: Annotated[
        str | None,
        typer.Option(help="Address of a Dask scheduler, e.g. tcp://10.0.0.5:8786; default: local."),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes of the local cluster.")] = 2,
    output: Annotated[
        Path | None,
        typer.Option(
            help="Result file (.jsonl or .parquet); default: <inputs>.results.jsonl beside the inputs."
        ),
    ] = None,
) -> None:
    """Run a transformation once per input set on Dask and write one result row per set."""
    instance = state(ctx).instance()
    tr, unstored = load_run_target(instance, target)
    sets = read_input_sets(inputs)
    sink = output or inputs.with_name(f"{inputs.stem}.results.jsonl")
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(f"{tr.name} {tr.version_tag}", total=len(sets))
        rows = run_batch(
            instance,
            tr,
            sets,
            unstored=unstored,
            cluster=cluster,
            workers=workers,
            progress=lambda done: progress.update(task, completed=done),
        )
    write_sink(sink, rows)
    failed = [row for row in rows if row["result"] != "ok"]
    console.print(f"{len(rows) - len(failed)} ok, {len(failed)} failed; results in {sink}", highlight=False)
    if failed:
        first = failed[0]
        raise ExecutionFailed(
            f"{len(failed)} of {len(rows)} runs failed; the first, row {first['row']} "
            f"(execution {first['job_id']}): {first['error']['message']}"
        )
