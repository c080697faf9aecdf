"""``sealflow doctor``: check a deployment and say what to fix; ``sealflow config reference``."""

from __future__ import annotations

from typing import Annotated

import typer

from sealflow.cli.context import state
from sealflow.cli.render import print_json
from sealflow.ops.health import doctor as run_checks
from sealflow.ops.settings_reference import settings_reference

config_app = typer.Typer(help="The configuration of an instance.", no_args_is_help=True)


def doctor(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the checks as JSON.")] = False,
) -> None:
    """Check the database, migrations, object store, signing key and runtime fingerprint; exit 1 if any
    check fails. Nothing is changed."""
    checks = run_checks(state(ctx).settings)
    if as_json:
        print_json([check.to_json() for check in checks])
    else:
        for check in checks:
            mark = "ok  " if check.ok else "FAIL"
            typer.echo(f"{mark} {check.name}: {check.detail}")
            if not check.ok:
                typer.echo(f"     fix: {check.fix}")
    failed = [check.name for check in checks if not check.ok]
    if failed:
        typer.echo(f"{len(failed)} of {len(checks)} checks failed: {', '.join(failed)}", err=True)
        raise typer.Exit(1)
    typer.echo(f"all {len(checks)} checks passed", err=True)


@config_app.command()
def reference() -> None:
    """Print every setting (environment variable, default, meaning) as Markdown."""
    typer.echo(settings_reference(), nl=False)
