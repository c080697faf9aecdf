"""Direct provisioning: input values travel inside the wiring, outputs come back in the response."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sealflow.adapters.protocol import RunContext, SinkRequest, SourceRequest
from sealflow.errors import InvalidWiring
from sealflow.model.wiring import DIRECT_PROVISIONING


class DirectProvisioning:
    """Takes each input from ``filters.value`` of its wiring; outputs are returned, not sent."""

    key = DIRECT_PROVISIONING
    name = "Direct Provisioning"

    def load(self, requests: Sequence[SourceRequest], context: RunContext) -> dict[str, Any]:
        """The ``filters.value`` text of each wiring, to be parsed by data type."""
        values: dict[str, Any] = {}
        for request in requests:
            if "value" not in request.wiring.filters:
                raise InvalidWiring(
                    f"input {request.name!r} is wired to {DIRECT_PROVISIONING} without a value; "
                    'set filters.value, e.g. {"value": "42"}'
                )
            values[request.name] = request.wiring.filters["value"]
        return values

    def send(self, requests: Sequence[SinkRequest], values: Mapping[str, Any], context: RunContext) -> None:
        """Nothing to send: directly provisioned outputs are part of the execution response."""
