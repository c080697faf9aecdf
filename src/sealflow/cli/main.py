"""Entry point of the ``sealflow`` command: global options, error handling, sub-commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from sealflow import __version__
from sealflow.cli import backup as backup_commands
from sealflow.cli import batch as batch_command
from sealflow.cli import consume as consume_commands
from sealflow.cli import devtest as devtest_command
from sealflow.cli import doctor as doctor_command
from sealflow.cli import env as env_commands
from sealflow.cli import exchange as exchange_commands
from sealflow.cli import executions
from sealflow.cli import library as library_commands
from sealflow.cli import maintenance as maintenance_commands
from sealflow.cli import new as new_commands
from sealflow.cli import objects as object_commands
from sealflow.cli import plan as plan_commands
from sealflow.cli import remote as remote_commands
from sealflow.cli import replay as replay_command
from sealflow.cli import run as run_commands
from sealflow.cli import serve as serve_command
from sealflow.cli import tokens as token_commands
from sealflow.cli import transformations as transformation_commands
from sealflow.cli import watch as watch_command
from sealflow.cli.context import CliState
from sealflow.cli.exits import exit_code
from sealflow.config import Settings
from sealflow.errors import SealflowError

app = typer.Typer(
    name="sealflow",
    help="Analytics workflows on time series and tables that reproduce after every upgrade and transfer.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(transformation_commands.app, name="transformations")
app.add_typer(env_commands.app, name="env")
app.add_typer(library_commands.app, name="library")
app.add_typer(executions.app, name="executions")
app.add_typer(object_commands.app, name="objects")
app.add_typer(maintenance_commands.app, name="maintenance")
app.add_typer(plan_commands.app, name="plan")
app.command("audit")(plan_commands.audit)
app.add_typer(remote_commands.app, name="remote")
app.add_typer(new_commands.app, name="new")
app.command("run")(run_commands.run)
app.command("test")(devtest_command.run_tests)
app.command("watch")(watch_command.watch)
app.command("replay")(replay_command.replay)
app.command("verify")(replay_command.verify)
app.command("import-json")(transformation_commands.import_json)
app.command("export")(exchange_commands.export)
app.command("import")(exchange_commands.import_)
app.command("serve")(serve_command.serve)
app.command("batch")(batch_command.batch)
app.add_typer(token_commands.app, name="tokens")
app.command("doctor")(doctor_command.doctor)
app.add_typer(doctor_command.config_app, name="config")
app.command("backup")(backup_commands.backup)
app.command("restore")(backup_commands.restore)
app.command("consume")(consume_commands.consume_command)
app.command("mqtt-trigger")(consume_commands.mqtt_trigger_command)

_stderr = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sealflow {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    home: Annotated[
        Path | None,
        typer.Option(help="Data directory of the instance (env SEALFLOW_HOME; default ./.sealflow)."),
    ] = None,
    db_url: Annotated[
        str | None,
        typer.Option(
            help="SQLAlchemy database URL (env SEALFLOW_DB_URL; default: SQLite in the data directory)."
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    actor: Annotated[
        str | None,
        typer.Option(help="Who the audit log names for changes (env SEALFLOW_ACTOR; default: the OS user)."),
    ] = None,
) -> None:
    """Sealflow: components and workflows that stay reproducible."""
    overrides = {
        key: value
        for key, value in {"home": home, "db_url": db_url, "actor": actor}.items()
        if value is not None
    }
    ctx.obj = CliState(Settings().model_copy(update=overrides))


def cli(args: list[str] | None = None) -> None:
    """Run the CLI; a Sealflow error prints its one-line cause and exits with its code."""
    try:
        code = app(args=args, standalone_mode=False)
    except SealflowError as error:
        _stderr.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
        raise SystemExit(exit_code(error)) from None
    except typer.Abort:
        _stderr.print("aborted")
        raise SystemExit(1) from None
    except typer.TyperException as error:
        # usage errors (unknown option, bad value) print their own message
        show = getattr(error, "show", None)
        if show is not None:
            show()
        raise SystemExit(getattr(error, "exit_code", 2)) from None
    raise SystemExit(code if isinstance(code, int) else 0)
