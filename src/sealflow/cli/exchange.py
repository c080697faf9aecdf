"""``sealflow export`` and ``sealflow import``: transformation revisions to and from folders and files."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any
from uuid import UUID

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sealflow.cli.context import state
from sealflow.cli.plan import actor, bundle_differs, print_bundle, print_plan
from sealflow.cli.render import console, print_json
from sealflow.model.datatypes import State, TransformationType
from sealflow.ops.exchange import UpdateOptions
from sealflow.ops.export import ExportOptions, WiringFilter
from sealflow.ops.export_folder import export_folder
from sealflow.ops.guarded import compare_import, import_planned
from sealflow.ops.selection import Filters

_stderr = Console(stderr=True)


@contextmanager
def _progress(description: str) -> Iterator[Any]:
    """A progress bar on standard error (only on a terminal); yields ``advance(done, total)``."""
    bar = Progress(
        TextColumn(description),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_stderr,
        transient=True,
        disable=not _stderr.is_terminal,
    )
    task = bar.add_task(description, total=None)

    def advance(_item: object, done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    with bar:
        yield advance


def export(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="Folder to write into (created if missing).")],
    type_: Annotated[TransformationType | None, typer.Option("--type", help="Only this type.")] = None,
    state_: Annotated[State | None, typer.Option("--state", help="Only this state.")] = None,
    category: Annotated[list[str] | None, typer.Option(help="Only these categories (repeatable).")] = None,
    category_prefix: Annotated[str | None, typer.Option(help="Only categories starting with this.")] = None,
    id_: Annotated[
        list[UUID] | None, typer.Option("--id", help="Only these revision ids (repeatable).")
    ] = None,
    name: Annotated[list[str] | None, typer.Option(help="Only these names (repeatable).")] = None,
    include_deprecated: Annotated[
        bool, typer.Option("--include-deprecated/--exclude-deprecated", help="Export DISABLED revisions.")
    ] = True,
    include_dependencies: Annotated[
        bool,
        typer.Option(help="Also export what the selected workflows use, at any depth, unfiltered."),
    ] = True,
    components_as_code: Annotated[
        bool, typer.Option(help="Write components as .py files (with COMPONENT_INFO and the test wiring).")
    ] = False,
    expand_component_code: Annotated[
        bool, typer.Option(help="Add the documentation docstring and the test wiring to component code.")
    ] = False,
    update_component_code: Annotated[
        bool, typer.Option(help="Regenerate the generated section of component code from its interface.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
) -> None:
    """Export revisions into a folder: components|workflows/<category>/<name>_<tag>_<id>.json|.py."""
    filters = Filters(
        type=type_,
        state=state_,
        categories=tuple(category) if category else None,
        category_prefix=category_prefix,
        ids=tuple(id_) if id_ else None,
        names=tuple(name) if name else None,
        include_deprecated=include_deprecated,
    )
    options = ExportOptions(
        components_as_code=components_as_code,
        expand_component_code=expand_component_code,
        update_component_code=update_component_code,
    )
    instance = state(ctx).instance()
    with _progress("exporting") as advance:
        written = export_folder(
            instance, directory, filters, options, include_dependencies=include_dependencies, progress=advance
        )
    if as_json:
        print_json(
            {
                "directory": str(directory),
                "exported": len(written),
                "files": [
                    {"id": str(f.transformation.id), "name": f.transformation.name, "path": str(f.path)}
                    for f in written
                ],
            }
        )
    else:
        console.print(f"exported {len(written)} revision(s) into {directory}", highlight=False)


def import_(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Folders (searched recursively), JSON files (a revision or a list) and .py files."
        ),
    ],
    allow_overwrite_released: Annotated[
        bool, typer.Option(help="Let changed revisions replace RELEASED and DISABLED ones.")
    ] = False,
    update_component_code: Annotated[
        bool, typer.Option(help="Regenerate the generated section of DRAFT component code.")
    ] = True,
    strip_wirings: Annotated[bool, typer.Option(help="Drop the test wirings.")] = False,
    strip_wirings_with_adapter_id: Annotated[
        list[str] | None, typer.Option(help="Drop test wirings of this adapter (repeatable).")
    ] = None,
    keep_only_wirings_with_adapter_id: Annotated[
        list[str] | None, typer.Option(help="Keep only test wirings of this adapter (repeatable).")
    ] = None,
    deprecate_older_revisions: Annotated[
        bool, typer.Option(help="Disable every RELEASED revision of an imported group but the newest.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Apply overwrites that break the interface of released revisions.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
) -> None:
    """Import revisions, all or nothing: a bad file stops the import and nothing is stored.

    Overwrites of released revisions are planned first ('sealflow plan import' shows the plan), written
    after a snapshot and recorded in the audit log.
    """
    options = UpdateOptions(
        allow_overwrite_released=allow_overwrite_released,
        update_component_code=update_component_code,
        wirings=WiringFilter(
            strip_all=strip_wirings,
            strip_adapter_ids=tuple(strip_wirings_with_adapter_id or ()),
            keep_only_adapter_ids=tuple(keep_only_wirings_with_adapter_id or ()),
        ),
        deprecate_older_revisions=deprecate_older_revisions,
    )
    instance = state(ctx).instance()
    bundle = compare_import(instance, paths)
    if bundle_differs(bundle):
        print_bundle(bundle, _stderr)
    with _progress("importing") as advance:
        applied = import_planned(
            instance, paths, options, actor=actor(ctx), force=force, progress=advance, bundle=bundle
        )
    report = applied.result
    counts = report.counts()
    snapshot = str(applied.snapshot) if applied.snapshot is not None else None
    if as_json:
        print_json(
            {
                "imported": len(report.items),
                **counts,
                "bundle": bundle,
                "plan": applied.plan.to_json(),
                "snapshot": snapshot,
                "items": [
                    {
                        "id": str(item.outcome.transformation.id),
                        "name": item.outcome.transformation.name,
                        "version_tag": item.outcome.transformation.version_tag,
                        "action": item.outcome.action,
                        "file": str(item.source),
                    }
                    for item in report.items
                ],
            }
        )
        return
    if applied.plan.changes:
        applied.plan.bundle = None
        print_plan(applied.plan, diffs=False)
    summary = ", ".join(f"{count} {action}" for action, count in counts.items())
    console.print(f"{len(report.items)} revision(s): {summary}", highlight=False)
    if snapshot is not None:
        console.print(f"snapshot before the import: {snapshot}", highlight=False, soft_wrap=True)
