"""``sealflow transformations ...`` and ``sealflow import-json``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from sealflow.cli.context import state
from sealflow.cli.render import console, print_json, revisions_table
from sealflow.model.datatypes import State, TransformationType
from sealflow.ops import transformations as ops

app = typer.Typer(help="List, show, release and disable transformation revisions.", no_args_is_help=True)


@app.command("list")
def list_(
    ctx: typer.Context,
    type_: Annotated[TransformationType | None, typer.Option("--type", help="Only this type.")] = None,
    state_: Annotated[State | None, typer.Option("--state", help="Only this state.")] = None,
    category: Annotated[list[str] | None, typer.Option(help="Only these categories (repeatable).")] = None,
    name: Annotated[list[str] | None, typer.Option(help="Only these names (repeatable).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON in the exchange format.")] = False,
) -> None:
    """List stored transformation revisions."""
    revisions = ops.list_transformations(
        state(ctx).instance(), type=type_, state=state_, categories=category, names=name
    )
    if as_json:
        print_json([tr.to_json_dict() for tr in revisions])
    else:
        console.print(revisions_table(revisions))


@app.command()
def show(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Id or name\\[@tag] of the revision.")],
    code: Annotated[bool, typer.Option(help="Print only the component code.")] = False,
) -> None:
    """Show one revision as exchange-format JSON (or just its code)."""
    tr = ops.resolve_reference(state(ctx).instance(), reference)
    if code:
        typer.echo(tr.code(), nl=False)
    else:
        print_json(tr.to_json_dict())


@app.command()
def release(
    ctx: typer.Context, reference: Annotated[str, typer.Argument(help="Id or name\\[@tag] of the draft.")]
) -> None:
    """Release a draft: it becomes usable in workflows and is frozen from then on."""
    instance = state(ctx).instance()
    tr = ops.release_transformation(instance, ops.resolve_reference(instance, reference).id)
    console.print(f"released {tr.label}", highlight=False)


@app.command()
def disable(
    ctx: typer.Context, reference: Annotated[str, typer.Argument(help="Id or name\\[@tag] of the revision.")]
) -> None:
    """Deprecate a revision: existing workflows keep working, new ones should not use it."""
    instance = state(ctx).instance()
    tr = ops.disable_transformation(instance, ops.resolve_reference(instance, reference).id)
    console.print(f"disabled {tr.label}", highlight=False)


def import_json(
    ctx: typer.Context,
    files: Annotated[
        list[Path], typer.Argument(help="Transformation JSON files (one revision or a list each).")
    ],
) -> None:
    """Put transformation JSON files into the store, all or nothing."""
    outcomes = ops.import_json_files(state(ctx).instance(), files)
    for outcome in outcomes:
        console.print(f"{outcome.action:>9}  {outcome.transformation.label}", highlight=False)
    counts = Counter(outcome.action for outcome in outcomes)
    summary = ", ".join(f"{counts[action]} {action}" for action in ("created", "updated", "unchanged"))
    console.print(f"{len(outcomes)} revision(s): {summary}", highlight=False)
