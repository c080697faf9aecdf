"""Use case: run the latest released workflow of a group each time an MQTT window closes.

The trigger subscribes to a topic and cuts the stream into consecutive windows (a number of seconds, a
number of messages, or whichever comes first). When a window that holds messages closes, the newest
RELEASED revision of the group runs with the window's messages as one input (a SERIES or MULTITSFRAME, by
the input's data type), given directly so that the execution record keeps it; every other input and
every output is wired by the base wiring. Empty windows run nothing. Messages arriving during a run wait
for the next window: none is lost while the connection lasts.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from uuid import UUID

from sealflow.adapters.mqtt import Message, MqttConnection, Paths, to_value
from sealflow.code.values import serialize_value
from sealflow.errors import InvalidInput
from sealflow.model.wiring import DIRECT_PROVISIONING, InputWiring, WorkflowWiring
from sealflow.ops.execution import execute_transformation
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import latest_released
from sealflow.runtime.results import ExecutionResult

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Trigger:
    """What to listen to and what to run."""

    topic: str
    revision_group_id: UUID
    input_name: str
    window_seconds: float | None = None
    count: int | None = None
    paths: Paths = field(default_factory=Paths)
    wiring: WorkflowWiring = field(default_factory=WorkflowWiring)


def run_trigger(
    instance: Instance,
    url: str,
    trigger: Trigger,
    *,
    max_runs: int | None = None,
    stop: threading.Event | None = None,
    on_result: Callable[[ExecutionResult], None] | None = None,
) -> int:
    """Run the workflow once per non-empty window until ``max_runs`` runs or ``stop``; the number of runs."""
    if trigger.window_seconds is None and trigger.count is None:
        raise InvalidInput("give a window (seconds), a count of messages, or both")
    latest_released(instance, trigger.revision_group_id)  # fail early if nothing is released
    runs = 0
    with MqttConnection(url, timeout=instance.settings.adapter_timeout) as connection:
        connection.subscribe(trigger.topic)
        while (max_runs is None or runs < max_runs) and not (stop is not None and stop.is_set()):
            window = trigger.window_seconds if trigger.window_seconds is not None else 1.0
            messages = connection.collect(window, trigger.count)
            if not messages:
                continue
            result = run_window(instance, trigger, messages)
            runs += 1
            if on_result is not None:
                on_result(result)
    return runs


def run_window(instance: Instance, trigger: Trigger, messages: Sequence[Message]) -> ExecutionResult:
    """Run the newest release of the group on one window of messages."""
    tr = latest_released(instance, trigger.revision_group_id)
    spec = next((i for i in tr.io_interface.inputs if i.name == trigger.input_name), None)
    if spec is None:
        names = ", ".join(str(i.name) for i in tr.io_interface.inputs)
        raise InvalidInput(f"{tr.label} has no input {trigger.input_name!r}; its inputs: {names}")
    where = f"MQTT trigger: input {trigger.input_name!r}"
    value = serialize_value(to_value(messages, spec.data_type, trigger.paths, where), spec.data_type)
    window_input = InputWiring(
        workflow_input_name=trigger.input_name,
        adapter_id=DIRECT_PROVISIONING,
        filters={"value": json.dumps(value, allow_nan=False)},
    )
    others = [w for w in trigger.wiring.input_wirings if w.workflow_input_name != trigger.input_name]
    wiring = trigger.wiring.model_copy(update={"input_wirings": [*others, window_input]})
    result = execute_transformation(instance, tr, wiring)
    logger.info(
        "window of %d messages on %s ran as %s: %s",
        len(messages),
        trigger.topic,
        result.job_id,
        result.result,
    )
    return result
