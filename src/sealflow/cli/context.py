"""What the CLI callback builds once and every command uses: settings and the opened instance."""

from __future__ import annotations

from dataclasses import dataclass, field

import typer

from sealflow.config import Settings
from sealflow.ops.instance import Instance


@dataclass
class CliState:
    """Settings from options and environment; the instance is opened on first use."""

    settings: Settings
    _instance: Instance | None = field(default=None, repr=False)

    def instance(self) -> Instance:
        """The instance these settings name, opened (and migrated) once."""
        if self._instance is None:
            self._instance = Instance.open(self.settings)
        return self._instance


def state(ctx: typer.Context) -> CliState:
    """The CLI state of the running command."""
    obj = ctx.find_root().obj
    assert isinstance(obj, CliState)
    return obj
