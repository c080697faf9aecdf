"""Direct provisioning: input values travel inside the wiring, outputs come back in the response."""

from __future__ import annotations

from typing import Any

from sealflow.errors import InvalidWiring
from sealflow.model.wiring import DIRECT_PROVISIONING, WorkflowWiring


def inputs_from_wiring(wiring: WorkflowWiring) -> dict[str, Any]:
    """The raw input values a wiring provides directly, by workflow input name.

    Inputs wired with ``use_default_value`` are left out so that their defaults apply.
    """
    values: dict[str, Any] = {}
    for item in wiring.input_wirings:
        if item.use_default_value:
            continue
        if item.adapter_id != DIRECT_PROVISIONING:
            raise InvalidWiring(
                f"input {item.workflow_input_name!r} is wired to adapter {item.adapter_id!r}, which this "
                f"instance does not offer; use {DIRECT_PROVISIONING!r} with filters.value"
            )
        if "value" not in item.filters:
            raise InvalidWiring(
                f"input {item.workflow_input_name!r} is wired to {DIRECT_PROVISIONING} without a value; "
                'set filters.value, e.g. {"value": "42"}'
            )
        values[item.workflow_input_name] = item.filters["value"]
    return values


def check_output_wiring(wiring: WorkflowWiring) -> None:
    """Raise ``InvalidWiring`` if an output is wired to an adapter this instance does not offer."""
    for item in wiring.output_wirings:
        if item.adapter_id != DIRECT_PROVISIONING:
            raise InvalidWiring(
                f"output {item.workflow_output_name!r} is wired to adapter {item.adapter_id!r}, which this "
                f"instance does not offer; use {DIRECT_PROVISIONING!r}"
            )
