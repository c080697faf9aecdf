"""``sealflow test DIR``: run every component's test wiring, then the user's pytest tests in DIR."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from sealflow.cli.render import console
from sealflow.errors import InvalidInput
from sealflow.testing.checks import (
    CheckResult,
    Status,
    check_component,
    is_component_file,
    is_test_file,
    python_files,
    run_pytest,
)
from sealflow.testing.local import LocalRunner

_STYLE = {Status.PASSED: "bold green", Status.FAILED: "bold red", Status.SKIPPED: "yellow"}


def print_check(result: CheckResult, directory: Path) -> None:
    """One line per component: status, file, name and tag, time, and what failed."""
    where = result.path.relative_to(directory) if result.path.is_relative_to(directory) else result.path
    timing = f" ({result.seconds * 1000:.0f} ms)" if result.status is not Status.SKIPPED else ""
    console.print(
        f"[{_STYLE[result.status]}]{result.status.value}[/] {escape(str(where))}  "
        f"{escape(result.label)}{timing}" + (f"  {escape(result.message)}" if result.message else ""),
        highlight=False,
        soft_wrap=True,
    )


def check_components(runner: LocalRunner, files: Sequence[Path], directory: Path) -> list[CheckResult]:
    """Run and print the test wiring of each component file."""
    results = []
    for path in files:
        result = check_component(runner, path)
        print_check(result, directory)
        results.append(result)
    return results


def run_tests(
    directory: Annotated[
        Path, typer.Argument(help="Folder with .py components and test_*.py files.")
    ] = Path(),
    pytest_args: Annotated[
        list[str] | None, typer.Option("--pytest-arg", help="An extra argument for pytest (repeatable).")
    ] = None,
) -> None:
    """Run every component's test wiring and the pytest tests in DIRECTORY; exit 1 if any fails."""
    if not directory.is_dir():
        raise InvalidInput(f"{directory} is no folder; give the folder that holds your components")
    files = python_files(directory)
    components = [path for path in files if is_component_file(path)]
    tests = [path for path in files if is_test_file(path)]
    with LocalRunner() as runner:
        results = check_components(runner, components, directory)
    pytest_code = run_pytest(directory, tests, pytest_args or []) if tests else None
    counts = {status: sum(r.status is status for r in results) for status in Status}
    summary = (
        f"components: {counts[Status.PASSED]} passed, {counts[Status.FAILED]} failed, "
        f"{counts[Status.SKIPPED]} skipped"
    )
    if pytest_code is not None:
        summary += f"; pytest: {'passed' if pytest_code == 0 else f'failed (exit code {pytest_code})'}"
    elif not components:
        summary = f"no components (.py files with COMPONENT_INFO) and no test_*.py files in {directory}"
    failed = counts[Status.FAILED] > 0 or pytest_code not in (None, 0)
    console.rule(f"[{'bold red' if failed else 'bold green'}]{escape(summary)}[/]")
    if failed:
        raise typer.Exit(1)
