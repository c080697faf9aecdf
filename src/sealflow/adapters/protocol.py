"""The adapter protocol: how a run loads its inputs and sends its outputs.

An adapter is any object with a ``key``, a ``name`` and two methods: ``load`` returns values for workflow
inputs wired to it (JSON-like raw values or ready Python values; the runtime parses both by data type),
``send`` writes output values to the sinks wired to it. Each run calls each adapter at most once for
loading and once for sending. Adapters are collected in an ``AdapterRegistry`` built at the composition
root; the runtime never knows which adapters exist.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sealflow.errors import InvalidWiring
from sealflow.model.datatypes import DataType
from sealflow.model.wiring import DIRECT_PROVISIONING, InputWiring, OutputWiring, WorkflowWiring


@dataclass(frozen=True)
class SourceRequest:
    """One workflow input to load: its name, data type and wiring."""

    name: str
    data_type: DataType
    wiring: InputWiring


@dataclass(frozen=True)
class SinkRequest:
    """One workflow output to send: its name, data type and wiring."""

    name: str
    data_type: DataType
    wiring: OutputWiring


@dataclass(frozen=True)
class RunContext:
    """What an adapter may know about the run it serves."""

    job_id: str
    transformation_id: str


class Adapter(Protocol):
    """Loads inputs from sources and sends outputs to sinks."""

    key: str
    name: str

    def load(self, requests: Sequence[SourceRequest], context: RunContext) -> dict[str, Any]:
        """Values for the requested inputs, by workflow input name."""
        ...

    def send(self, requests: Sequence[SinkRequest], values: Mapping[str, Any], context: RunContext) -> None:
        """Write each requested output value to its sink."""
        ...


class AdapterRegistry:
    """The adapters an instance offers, by key."""

    def __init__(self, adapters: Iterable[Adapter]) -> None:
        self._adapters = {str(adapter.key): adapter for adapter in adapters}

    def __iter__(self) -> Iterator[Adapter]:
        return iter(self._adapters.values())

    def get(self, key: int | str, where: str) -> Adapter:
        """The adapter with ``key``; ``InvalidWiring`` naming ``where`` if there is none."""
        adapter = self._adapters.get(str(key))
        if adapter is None:
            offered = ", ".join(sorted(self._adapters))
            raise InvalidWiring(
                f"{where} is wired to adapter {key!r}, which this instance does not offer ({offered})"
            )
        return adapter

    def load(self, requests: Sequence[SourceRequest], context: RunContext) -> dict[str, Any]:
        """Load every requested input, one call per adapter."""
        values: dict[str, Any] = {}
        for adapter, group in self._group(requests, "input"):
            values.update(adapter.load(group, context))
        return values

    def send(self, requests: Sequence[SinkRequest], values: Mapping[str, Any], context: RunContext) -> None:
        """Send every requested output, one call per adapter."""
        for adapter, group in self._group(requests, "output"):
            adapter.send(group, {r.name: values[r.name] for r in group}, context)

    def _group(self, requests: Sequence[Any], kind: str) -> list[tuple[Adapter, list[Any]]]:
        groups: dict[str, tuple[Adapter, list[Any]]] = {}
        for request in requests:
            adapter = self.get(request.wiring.adapter_id, f"{kind} {request.name!r}")
            groups.setdefault(str(adapter.key), (adapter, []))[1].append(request)
        return list(groups.values())


def is_direct(wiring: InputWiring | OutputWiring) -> bool:
    """Whether a wiring uses direct provisioning."""
    return wiring.adapter_id == DIRECT_PROVISIONING


def wiring_from_values(values: Mapping[str, Any]) -> WorkflowWiring:
    """A wiring that provides each value directly (non-strings are given as JSON text)."""
    return WorkflowWiring(
        input_wirings=[
            InputWiring(
                workflow_input_name=name,
                adapter_id=DIRECT_PROVISIONING,
                filters={"value": value if isinstance(value, str) else json.dumps(value)},
            )
            for name, value in values.items()
        ]
    )
