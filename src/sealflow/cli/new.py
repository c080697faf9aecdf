"""``sealflow new component``: write a new component as a ``.py`` file in the exchange format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sealflow.cli.render import console
from sealflow.code.scaffold import Connector, new_component
from sealflow.errors import Conflict
from sealflow.ops.export_folder import slug, write_atomically

app = typer.Typer(help="Start new transformations as files.", no_args_is_help=True)


@app.command()
def component(
    name: Annotated[str, typer.Argument(help="The component's name, e.g. 'Smooth Series'.")],
    input_: Annotated[
        list[str] | None,
        typer.Option(
            "--input", "-i", help="An input as NAME:TYPE, or NAME:TYPE=DEFAULT for an optional one."
        ),
    ] = None,
    output: Annotated[
        list[str] | None, typer.Option("--output", "-o", help="An output as NAME:TYPE.")
    ] = None,
    category: Annotated[str, typer.Option(help="The category (the drawer in the designer).")] = "Other",
    description: Annotated[str, typer.Option(help="A one-line description.")] = "",
    tag: Annotated[str, typer.Option(help="The version tag.")] = "0.1.0",
    directory: Annotated[Path, typer.Option("--dir", help="Folder to write the file into.")] = Path(),
    force: Annotated[bool, typer.Option(help="Replace an existing file.")] = False,
) -> None:
    """Write a DRAFT component NAME as a .py file that runs and passes its test wiring as it is."""
    inputs = [Connector.parse(text, "input") for text in input_ or []]
    outputs = [Connector.parse(text, "output") for text in output or []]
    tr, code = new_component(
        name, inputs, outputs, category=category, description=description, version_tag=tag
    )
    path = directory / f"{slug(name).replace('-', '_') or 'component'}.py"
    if path.exists() and not force:
        raise Conflict(f"{path} exists already; choose another name or --dir, or pass --force to replace it")
    write_atomically(path, code)
    console.print(
        f"wrote {path} ({tr.name} {tr.version_tag}, DRAFT, id {tr.id})", highlight=False, soft_wrap=True
    )
    console.print(
        f"next: sealflow run {path} --test-wiring   or   sealflow test {directory}",
        highlight=False,
        soft_wrap=True,
    )
