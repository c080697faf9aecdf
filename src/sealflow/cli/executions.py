"""``sealflow executions ...``: the recorded runs, and the manifest of one."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

import typer
from rich.table import Table
from rich.text import Text

from sealflow.cli.context import state
from sealflow.cli.render import console, print_json
from sealflow.model.execution import ExecutionRecord, ExecutionStatus, RecordedValue
from sealflow.ops import executions as ops
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import resolve_reference

app = typer.Typer(
    help="List recorded runs and show what each one ran, on what, and how.", no_args_is_help=True
)

_VALUE_WIDTH = 60


@app.command("list")
def list_(
    ctx: typer.Context,
    transformation: Annotated[
        str | None, typer.Option(help="Only runs of this revision (id, or name\\[@tag] of a stored one).")
    ] = None,
    status: Annotated[ExecutionStatus | None, typer.Option(help="Only runs that ended so.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many runs, newest first.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole records as JSON.")] = False,
) -> None:
    """List recorded runs, newest first."""
    instance = state(ctx).instance()
    transformation_id = _transformation_id(instance, transformation) if transformation else None
    records = ops.list_executions(instance, transformation_id=transformation_id, status=status, limit=limit)
    if as_json:
        print_json([record.model_dump(mode="json") for record in records])
    else:
        console.print(executions_table(records))


@app.command()
def show(
    ctx: typer.Context,
    execution_id: Annotated[str, typer.Argument(help="Id of the run (its job id).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the record as JSON.")] = False,
) -> None:
    """Show the manifest of one run: code hashes, value digests, timings and error."""
    record = ops.get_execution(state(ctx).instance(), execution_id)
    if as_json:
        print_json(record.model_dump(mode="json"))
        return
    for line in manifest_lines(record):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    for warning in record.warnings:
        console.print(f"warning: {warning}", markup=False, highlight=False, soft_wrap=True)
    for title, values in (("inputs", record.inputs), ("outputs", record.outputs)):
        if values:
            console.print(values_table(title, values))
    if record.operator_timings:
        console.print(operators_table(record))
    if record.error is not None:
        console.print("\n".join(error_lines(record.error)), markup=False, highlight=False, soft_wrap=True)
    if record.traceback:
        console.print(
            "traceback:\n" + record.traceback.rstrip("\n"), markup=False, highlight=False, soft_wrap=True
        )


def _transformation_id(instance: Instance, reference: str) -> UUID:
    """An id as given (its revision may be deleted since), or the id of the stored revision named so."""
    try:
        return UUID(reference)
    except ValueError:
        return resolve_reference(instance, reference).id


def _time(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S UTC")


def _row(table: Table, *cells: str) -> None:
    table.add_row(*(Text(cell) for cell in cells))


def executions_table(records: list[ExecutionRecord]) -> Table:
    """A table with one run per row."""
    table = Table()
    for column in ("id", "started", "transformation", "status", "duration", "operators"):
        table.add_column(column, overflow="fold")
    for record in records:
        _row(
            table,
            str(record.id),
            _time(record.started_at),
            f"{record.name} {record.version_tag}",
            record.status.value,
            f"{record.duration:.3f} s",
            str(record.operator_count),
        )
    return table


def manifest_lines(record: ExecutionRecord) -> list[str]:
    """What ran, when, and the code it ran."""
    return [
        f"execution {record.id}: {record.status.value}",
        f"transformation: {record.label} ({record.transformation_id}), revision group {record.revision_group_id}",
        f"started: {record.started_at.isoformat()}",
        f"finished: {record.finished_at.isoformat()} ({record.duration:.6f} s)",
        f"environment fingerprint: {record.fingerprint_hash or 'not recorded'}",
        f"closure hash: {record.closure_hash}",
        f"code hashes ({len(record.code_hashes)}):",
        *(f"  {code_hash}" for code_hash in record.code_hashes),
        *wiring_lines(record.wiring),
    ]


def wiring_lines(wiring: dict[str, Any]) -> list[str]:
    """Where each input came from and each output went, with inline input values shortened."""
    lines = []
    for item in wiring.get("input_wirings", []):
        value = (item.get("filters") or {}).get("value")
        shown = "" if value is None else f" {_shortened(str(value))}"
        lines.append(f"  input {item.get('workflow_input_name')} <- {item.get('adapter_id')}{shown}")
    for item in wiring.get("output_wirings", []):
        lines.append(f"  output {item.get('workflow_output_name')} -> {item.get('adapter_id')}")
    return ["wiring:", *lines] if lines else []


def _shortened(text: str) -> str:
    return text if len(text) <= _VALUE_WIDTH else text[: _VALUE_WIDTH - 2] + " …"


def _summary(value: RecordedValue) -> str:
    if value.problem is not None:
        return f"no digest: {value.problem}"
    if not value.inline:
        return "(not kept)"
    return _shortened(json.dumps(value.value, sort_keys=True, allow_nan=False))


def values_table(title: str, values: list[RecordedValue]) -> Table:
    """Digests, sizes and (when kept) the values of a run's inputs or outputs."""
    table = Table(title=title)
    for column in ("name", "type", "via", "sha256", "bytes", "value"):
        table.add_column(column, overflow="fold")
    for value in values:
        _row(
            table,
            value.name,
            value.data_type.value,
            value.via,
            value.sha256 or "-",
            "-" if value.size is None else str(value.size),
            _summary(value),
        )
    return table


def operators_table(record: ExecutionRecord) -> Table:
    """How long each operator ran and which code it ran."""
    table = Table(title="operators")
    for column in ("operator", "code hash", "seconds", "skipped"):
        table.add_column(column, overflow="fold")
    for timing in record.operator_timings:
        _row(
            table,
            " / ".join(timing.operator_path),
            timing.code_hash,
            f"{timing.duration:.6f}",
            "yes" if timing.skipped else "",
        )
    return table


def error_lines(error: dict[str, Any]) -> list[str]:
    """Where and why the run failed."""
    lines = [f"error: {error.get('process_stage')}: {error.get('type')}: {error.get('message')}"]
    operator = error.get("operator_info") or {}
    path = (operator.get("hierarchy_in_workflow") or {}).get("by_name")
    if path:
        lines.append("operator: " + " / ".join(path))
    location = error.get("location")
    if location:
        lines.append(
            f"at {location.get('file')}, line {location.get('line_number')}, in {location.get('function_name')}"
        )
    if error.get("extra_information"):
        lines.append(f"details: {json.dumps(error['extra_information'], default=str)}")
    return lines
