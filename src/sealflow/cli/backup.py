"""``sealflow backup FILE`` and ``sealflow restore FILE``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from sealflow.cli.context import state
from sealflow.cli.plan import actor, print_plan, print_restore_counts
from sealflow.cli.render import console
from sealflow.ops import backup as backup_ops
from sealflow.ops import restore as restore_ops

_stderr = Console(stderr=True)


@contextmanager
def _progress_bar() -> Iterator[backup_ops.Progress]:
    """A Rich progress bar on standard error with one task per section."""
    tasks: dict[str, TaskID] = {}
    with Progress(
        TextColumn("{task.description:<16}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=_stderr,
        transient=True,
    ) as bar:

        def update(section: str, done: int, total: int | None) -> None:
            if section not in tasks:
                tasks[section] = bar.add_task(section, total=total)
            bar.update(tasks[section], completed=done, total=total)

        yield update


def backup(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The archive to write (a ZIP file; replaced if it exists).")],
) -> None:
    """Write the whole instance (revisions, code, execution records, object list) to one archive."""
    instance = state(ctx).instance()
    with _progress_bar() as progress:
        result = backup_ops.backup(instance, file, progress=progress)
    counts = ", ".join(f"{count} {name}" for name, count in result.counts.items())
    console.print(f"wrote {result.path}: {counts}", highlight=False, soft_wrap=True)


def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="An archive written by 'sealflow backup'.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only print what would change.")] = False,
    allow_overwrite: Annotated[
        bool,
        typer.Option(
            "--allow-overwrite", help="Replace stored revisions that differ (their old code stays stored)."
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Apply replacements that break the interface of released revisions."),
    ] = False,
) -> None:
    """Restore an archive into the instance in one transaction; identical items are skipped."""
    instance = state(ctx).instance()
    with _progress_bar() as progress:
        result = restore_ops.restore(
            instance,
            file,
            dry_run=dry_run,
            allow_overwrite=allow_overwrite,
            force=force,
            actor=actor(ctx),
            progress=progress,
        )
    _print_plan(result.plan, dry_run=dry_run)
    if result.impact is not None and result.impact.changes:
        print_plan(result.impact, diffs=dry_run)
    if result.snapshot is not None:
        console.print(
            f"snapshot of the instance before the restore: {result.snapshot}", highlight=False, soft_wrap=True
        )
    if dry_run:
        console.print("dry run: nothing was changed", highlight=False, soft_wrap=True)
    elif result.applied:
        console.print(f"restored {file}", highlight=False, soft_wrap=True)
    else:
        console.print(
            f"nothing to restore: {file} holds nothing this instance lacks", highlight=False, soft_wrap=True
        )


def _print_plan(plan: restore_ops.RestorePlan, *, dry_run: bool) -> None:
    print_restore_counts(plan, list_new=dry_run)
    for line in plan.conflicts:
        console.print(f"  conflicting  {line}", highlight=False, soft_wrap=True)
    if plan.objects_listed:
        console.print(
            f"objects: {plan.objects_listed} listed, {len(plan.objects_missing)} missing from this "
            "object store (backups do not hold payloads)",
            highlight=False,
        )
        for name in plan.objects_missing:
            console.print(f"  missing      {name}", highlight=False, soft_wrap=True)
