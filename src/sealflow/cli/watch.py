"""``sealflow watch DIR``: re-run a component's test wiring (or a test file) each time it is saved."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer
import watchfiles
from rich.markup import escape

from sealflow.cli.devtest import print_check
from sealflow.cli.render import console
from sealflow.errors import InvalidInput
from sealflow.testing.checks import check_component, is_component_file, is_test_file, run_pytest
from sealflow.testing.local import LocalRunner


def changed_files(changes: Iterable[tuple[watchfiles.Change, str]]) -> list[Path]:
    """The ``.py`` files added or modified in one batch of changes, in a stable order."""
    return sorted(
        {
            Path(path)
            for change, path in changes
            if change != watchfiles.Change.deleted and path.endswith(".py")
        }
    )


def watch(
    directory: Annotated[Path, typer.Argument(help="Folder with .py components and test_*.py files.")],
) -> None:
    """Watch DIRECTORY: on each save, run the component's test wiring, or pytest on a saved test file."""
    if not directory.is_dir():
        raise InvalidInput(f"{directory} is no folder; give the folder that holds your components")
    root = directory.resolve()
    with LocalRunner() as runner:
        console.print(
            f"watching {escape(str(directory))} for saved .py files (Ctrl+C to stop)", highlight=False
        )
        console.file.flush()
        try:
            for changes in watchfiles.watch(
                root, watch_filter=watchfiles.PythonFilter(), raise_interrupt=False
            ):
                for path in changed_files(changes):
                    if is_test_file(path):
                        run_pytest(root, [path])
                    elif is_component_file(path):
                        print_check(check_component(runner, path), root)
                    console.file.flush()
        except KeyboardInterrupt:
            pass
