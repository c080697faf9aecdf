"""``sealflow consume`` and ``sealflow mqtt-trigger``: message-driven runs."""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer

from sealflow.adapters.broker import open_broker
from sealflow.adapters.mqtt import Paths
from sealflow.cli.context import state
from sealflow.cli.run import read_inputs_json
from sealflow.errors import InvalidInput
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.consume import Queues, consume
from sealflow.ops.mqtt_trigger import Trigger, run_trigger
from sealflow.runtime.results import ExecutionResult


def _log_progress() -> None:
    """Sealflow's own log lines (one per message or window) on stderr; the libraries' stay quiet."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    sealflow = logging.getLogger("sealflow")
    sealflow.addHandler(handler)
    sealflow.setLevel(logging.INFO)
    pika = logging.getLogger("pika")
    pika.addHandler(logging.NullHandler())
    pika.propagate = False


def _stop_on_signals() -> threading.Event:
    """An event set by SIGTERM or Ctrl+C: the message in hand is finished, then the command ends."""
    stop = threading.Event()
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: stop.set())
    return stop


def consume_command(
    ctx: typer.Context,
    broker: Annotated[str, typer.Option(help="Broker URL, e.g. amqp://guest:guest@127.0.0.1:5672/.")],
    queue: Annotated[str, typer.Option(help="Queue of execution requests (execute / execute-latest JSON).")],
    reply_queue: Annotated[
        str | None, typer.Option(help="Queue for results of messages without reply_to; default: none.")
    ] = None,
    dead_letter_queue: Annotated[
        str | None,
        typer.Option(help="Queue for malformed and failed messages; default: <queue>.dead-letter."),
    ] = None,
    max_messages: Annotated[int | None, typer.Option(min=1, help="Stop after this many messages.")] = None,
    idle_timeout: Annotated[
        float | None, typer.Option(min=0, help="Stop after this many seconds without a message.")
    ] = None,
) -> None:
    """Run execution requests from a queue and publish each result, until stopped (SIGTERM, Ctrl+C)."""
    _log_progress()
    queues = Queues(queue, reply_queue, dead_letter_queue)
    connection = open_broker(broker)
    instance = state(ctx).instance()
    typer.echo(f"consuming {queue}; dead letters go to {queues.dead_letter_queue}", err=True)
    try:
        counts = consume(
            instance,
            connection,
            queues,
            max_messages=max_messages,
            idle_timeout=idle_timeout,
            stop=_stop_on_signals(),
        )
    finally:
        connection.close()
    typer.echo(
        f"replied {counts.replied}, dead-lettered {counts.dead_lettered}, repeated {counts.repeated}",
        err=True,
    )


def mqtt_trigger_command(
    ctx: typer.Context,
    topic: Annotated[str, typer.Option(help="Topic to listen to (wildcards allowed).")],
    revision_group_id: Annotated[UUID, typer.Option(help="Revision group whose newest release runs.")],
    input_name: Annotated[str, typer.Option("--input", help="Workflow input that gets each window.")],
    window: Annotated[float | None, typer.Option(min=0.001, help="Window length in seconds.")] = None,
    count: Annotated[int | None, typer.Option(min=1, help="Close a window after this many messages.")] = None,
    wiring: Annotated[
        Path | None, typer.Option(help="Wiring (JSON) of the other inputs and of the outputs.")
    ] = None,
    value_path: Annotated[str, typer.Option(help="Dotted path of the value in a payload.")] = "value",
    timestamp_path: Annotated[
        str, typer.Option(help="Dotted path of the timestamp in a payload.")
    ] = "timestamp",
    metric_path: Annotated[str, typer.Option(help="Dotted path of the metric in a payload.")] = "metric",
    broker: Annotated[
        str | None,
        typer.Option(help="MQTT broker URL (default SEALFLOW_MQTT_URL), e.g. mqtt://127.0.0.1:1883."),
    ] = None,
    max_runs: Annotated[int | None, typer.Option(min=1, help="Stop after this many runs.")] = None,
) -> None:
    """Run the newest release of a workflow each time a window of MQTT messages closes."""
    _log_progress()
    cli_state = state(ctx)
    url = broker or cli_state.settings.mqtt_url
    if not url:
        raise InvalidInput("no MQTT broker: give --broker or set SEALFLOW_MQTT_URL")
    trigger = Trigger(
        topic=topic,
        revision_group_id=revision_group_id,
        input_name=input_name,
        window_seconds=window,
        count=count,
        paths=Paths(value=value_path, timestamp=timestamp_path, metric=metric_path),
        wiring=read_inputs_json(wiring) if wiring is not None else WorkflowWiring(),
    )

    def report(result: ExecutionResult) -> None:
        typer.echo(f"{result.job_id} {result.result}")

    run_trigger(
        cli_state.instance(), url, trigger, max_runs=max_runs, stop=_stop_on_signals(), on_result=report
    )
