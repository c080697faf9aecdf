"""``sealflow remote fetch|push|sync``: move revisions between instances over their REST API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer
from rich.table import Table

from sealflow.cli.render import console, print_json
from sealflow.model.datatypes import State, TransformationType
from sealflow.ops import remote
from sealflow.ops.selection import Filters

app = typer.Typer(
    help="Fetch, push and sync revisions between instances over the REST API.", no_args_is_help=True
)

TypeOption = Annotated[TransformationType | None, typer.Option("--type", help="Only this type.")]
StateOption = Annotated[State | None, typer.Option("--state", help="Only this state.")]
CategoryOption = Annotated[
    list[str] | None, typer.Option("--category", help="Only these categories (repeatable).")
]
PrefixOption = Annotated[
    str | None, typer.Option("--category-prefix", help="Only categories starting with this (case-sensitive).")
]
IdOption = Annotated[list[UUID] | None, typer.Option("--id", help="Only these ids (repeatable).")]
NameOption = Annotated[list[str] | None, typer.Option("--name", help="Only these names (repeatable).")]
DependenciesOption = Annotated[
    bool,
    typer.Option(
        "--include-dependencies/--no-include-dependencies", help="Add what the selected workflows use."
    ),
]
AsCodeOption = Annotated[bool, typer.Option("--components-as-code", help="Fetch components as .py code.")]
OverwriteOption = Annotated[
    bool,
    typer.Option("--allow-overwrite-released", help="Let the target change RELEASED and DISABLED revisions."),
]
UpdateCodeOption = Annotated[
    bool,
    typer.Option(
        "--update-component-code/--no-update-component-code",
        help="Let the target regenerate the generated section of DRAFT component code.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the target's report as JSON.")]
TokenOption = Annotated[
    str | None,
    typer.Option(
        "--token",
        envvar="SEALFLOW_TOKEN",
        help="Bearer token for services with authentication on.",
        show_default=False,
    ),
]
SourceTokenOption = Annotated[
    str | None,
    typer.Option(
        "--source-token",
        envvar="SEALFLOW_SOURCE_TOKEN",
        help="Bearer token for the source service; default: --token.",
        show_default=False,
    ),
]


def _options(
    type_: TransformationType | None,
    state_: State | None,
    category: list[str] | None,
    category_prefix: str | None,
    id_: list[UUID] | None,
    name: list[str] | None,
    include_dependencies: bool,
    components_as_code: bool,
) -> remote.FetchOptions:
    filters = Filters(
        type=type_,
        state=state_,
        categories=tuple(category) if category else None,
        category_prefix=category_prefix,
        ids=tuple(id_) if id_ else None,
        names=tuple(name) if name else None,
    )
    return remote.FetchOptions(filters, include_dependencies, components_as_code)


def _report(target: str, pushed: list[remote.PushedItem], as_json: bool) -> None:
    """Print what the target did with each item; exit 1 if any item FAILED."""
    if as_json:
        print_json(
            {
                item.key: {
                    "status": item.status,
                    "msg": item.msg,
                    "name": item.name,
                    "version_tag": item.version_tag,
                }
                for item in pushed
            }
        )
    else:
        table = Table(title=f"pushed to {target}")
        for column in ("status", "name", "tag", "id", "message"):
            table.add_column(column, overflow="fold")
        for item in pushed:
            table.add_row(item.status, item.name or "", item.version_tag or "", item.key, item.msg)
        console.print(table)
    failed = [item for item in pushed if item.status == "FAILED"]
    counts = {status: sum(item.status == status for item in pushed) for status in remote.STATUSES}
    summary = ", ".join(f"{count} {status}" for status, count in counts.items() if count) or "nothing pushed"
    typer.echo(f"{target}: {summary}", err=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def fetch(
    url: Annotated[str, typer.Argument(help="The source service, e.g. http://localhost:8000.")],
    directory: Annotated[Path, typer.Argument(help="Folder to write the export layout into.")],
    type_: TypeOption = None,
    state_: StateOption = None,
    category: CategoryOption = None,
    category_prefix: PrefixOption = None,
    id_: IdOption = None,
    name: NameOption = None,
    include_dependencies: DependenciesOption = True,
    components_as_code: AsCodeOption = False,
    token: TokenOption = None,
) -> None:
    """Write the revisions a service lists into DIRECTORY, one file per revision."""
    options = _options(
        type_, state_, category, category_prefix, id_, name, include_dependencies, components_as_code
    )
    written = remote.write_folder(remote.fetch(url, options, token=token), directory)
    console.print(f"fetched {len(written)} revisions from {url} into {directory}", highlight=False)


@app.command()
def push(
    directory: Annotated[
        Path, typer.Argument(help="Folder with .json and .py files, e.g. from 'remote fetch'.")
    ],
    url: Annotated[str, typer.Argument(help="The target service, e.g. http://localhost:8000.")],
    allow_overwrite_released: OverwriteOption = False,
    update_component_code: UpdateCodeOption = True,
    as_json: JsonOption = False,
    token: TokenOption = None,
) -> None:
    """Import every revision in DIRECTORY into a service; exits 1 if the service failed any item."""
    items = remote.read_folder(directory)
    options = remote.PushOptions(
        allow_overwrite_released=allow_overwrite_released, update_component_code=update_component_code
    )
    _report(url, remote.push(url, items, options, token=token), as_json)


@app.command()
def sync(
    source: Annotated[str, typer.Argument(help="The service to read from.")],
    target: Annotated[str, typer.Argument(help="The service to import into.")],
    type_: TypeOption = None,
    state_: StateOption = None,
    category: CategoryOption = None,
    category_prefix: PrefixOption = None,
    id_: IdOption = None,
    name: NameOption = None,
    include_dependencies: DependenciesOption = True,
    components_as_code: AsCodeOption = False,
    allow_overwrite_released: OverwriteOption = False,
    update_component_code: UpdateCodeOption = True,
    as_json: JsonOption = False,
    token: TokenOption = None,
    source_token: SourceTokenOption = None,
) -> None:
    """Copy the revisions SOURCE lists into TARGET; exits 1 if TARGET failed any item."""
    options = _options(
        type_, state_, category, category_prefix, id_, name, include_dependencies, components_as_code
    )
    items = remote.fetch(source, options, token=source_token or token)
    push_options = remote.PushOptions(
        allow_overwrite_released=allow_overwrite_released, update_component_code=update_component_code
    )
    _report(target, remote.push(target, items, push_options, token=token), as_json)
