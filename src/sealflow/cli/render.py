"""Rendering of revisions and results for the terminal."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table

from sealflow.model.transformation import TransformationRevision
from sealflow.runtime.results import ExecutionResult

console = Console()


def print_json(data: Any) -> None:
    """Print JSON as plain text, readable by other programs."""
    console.print_json(json.dumps(data, allow_nan=False), highlight=False)


def revisions_table(revisions: list[TransformationRevision]) -> Table:
    """A table with one revision per row."""
    table = Table(show_lines=False)
    for column in ("id", "type", "name", "tag", "state", "category"):
        table.add_column(column, overflow="fold")
    for tr in revisions:
        table.add_row(str(tr.id), tr.type.value, tr.name, tr.version_tag, tr.state.value, tr.category)
    return table


def _summary(value: Any) -> str:
    if isinstance(value, dict) and "__hd_wrapped_data_object__" in value:
        data = value.get("__data__", {})
        if isinstance(data, dict) and "data" in data:
            index, values = data.get("index", []), data["data"]
            rows = [f"{i}  {v}" for i, v in zip(index, values, strict=False)]
            return "\n".join(rows[:20] + ([f"… {len(rows) - 20} more"] if len(rows) > 20 else []))
    text = json.dumps(value, allow_nan=False)
    return text if len(text) <= 400 else text[:400] + " …"


def result_table(result: ExecutionResult) -> Table:
    """A table of a run's outputs with their types."""
    table = Table(title="outputs")
    table.add_column("name")
    table.add_column("type")
    table.add_column("value", overflow="fold")
    for name, value in result.output_results_by_output_name.items():
        table.add_row(name, result.output_types_by_output_name[name].value, _summary(value))
    return table


def failure_text(result: ExecutionResult) -> str:
    """A few lines that say where and why a run failed."""
    error = result.error
    if error is None:
        return "the run failed without an error report"
    lines = [f"{error.process_stage}: {error.type}: {error.message}"]
    if error.operator_info:
        lines.append("operator: " + " / ".join(error.operator_info.hierarchy_in_workflow.by_name))
    if error.location:
        lines.append(
            f"at {error.location.file}, line {error.location.line_number}, in {error.location.function_name}"
        )
    if error.extra_information:
        lines.append(f"details: {json.dumps(error.extra_information, default=str)}")
    return "\n".join(lines)
