"""Small builders for test revisions: components from a body of code, released or draft."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from sealflow.errors import CodeNotFound
from sealflow.model.datatypes import State
from sealflow.model.hashing import code_hash
from sealflow.model.transformation import TransformationRevision

RELEASED_AT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def component(
    name: str,
    inputs: dict[str, str | tuple[str, Any]],
    outputs: dict[str, str],
    body: str,
    *,
    state: State = State.RELEASED,
    header: str = "",
    tag: str = "1.0.0",
    is_async: bool = False,
) -> TransformationRevision:
    """A component whose ``main`` runs ``body``; an input given as (type, default) is OPTIONAL."""
    io_inputs, params = [], []
    for input_name, spec in inputs.items():
        if isinstance(spec, tuple):
            io_inputs.append({"name": input_name, "data_type": spec[0], "type": "OPTIONAL", "value": spec[1]})
            params.append(f"{input_name}=None")
        else:
            io_inputs.append({"name": input_name, "data_type": spec})
            params.insert(sum(1 for p in params if "=" not in p), input_name)
    signature = ", ".join(params)
    indented = "\n".join("    " + line for line in body.strip("\n").splitlines())
    code = f"{header}\n{'async ' if is_async else ''}def main(*, {signature}):\n{indented}\n"
    return TransformationRevision.model_validate(
        {
            "id": uuid4(),
            "name": name,
            "version_tag": tag,
            "type": "COMPONENT",
            "state": state,
            "released_timestamp": RELEASED_AT if state is not State.DRAFT else None,
            "disabled_timestamp": RELEASED_AT if state is State.DISABLED else None,
            "content": code,
            "io_interface": {
                "inputs": io_inputs,
                "outputs": [{"name": n, "data_type": t} for n, t in outputs.items()],
            },
        }
    )


def add_component(data_type: str = "INT") -> TransformationRevision:
    """``sum = a + b``."""
    return component("Add", {"a": data_type, "b": data_type}, {"sum": data_type}, "return {'sum': a + b}")


class MemoryCodeSource:
    """A code source backed by a dict, for runs without a database."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}

    def add(self, *revisions: TransformationRevision) -> None:
        for tr in revisions:
            if not tr.is_workflow:
                self.texts[code_hash(tr.code())] = tr.code()

    def get(self, hash_: str) -> str:
        if hash_ not in self.texts:
            raise CodeNotFound(f"no code {hash_}")
        return self.texts[hash_]
