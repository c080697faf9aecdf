"""``python -m sealflow``: the command line."""

from sealflow.cli.main import cli

cli()
