"""The configuration reference, rendered from the ``Settings`` class: one row per setting."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from pydantic import SecretStr
from pydantic_core import PydanticUndefined

from sealflow.config import Settings

HEADER = """\
| variable | default | meaning |
|---|---|---|
"""

FOOTER = """
Every text setting can also be read from a file: `SEALFLOW_<NAME>_FILE` names a file whose content
(surrounding whitespace removed) is the value, the way container secrets are mounted. A variable set
directly wins over its file.
"""


def settings_reference() -> str:
    """A Markdown table of every setting: its environment variable, default and docstring."""
    rows = []
    for name, field in Settings.model_fields.items():
        variable = f"SEALFLOW_{name.upper()}"
        meaning = " ".join((field.description or "").split()).replace("|", "\\|")
        rows.append(f"| `{variable}` | {_default(field.default, field.default_factory)} | {meaning} |\n")
    return HEADER + "".join(rows) + FOOTER


def _default(default: Any, factory: Any) -> str:
    if default is PydanticUndefined and factory is not None:
        default = factory()
    if default is None:
        return "unset"
    if isinstance(default, SecretStr):
        return "(secret)"
    if isinstance(default, str | PurePath):
        return f"`{default}`" if str(default) else "empty"
    return f"`{json.dumps(default, default=str)}`"
