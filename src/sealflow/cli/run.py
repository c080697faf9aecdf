"""``sealflow run``: execute a transformation and print its outputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from sealflow.adapters.protocol import wiring_from_values
from sealflow.cli.context import state
from sealflow.cli.render import console, failure_text, print_json, result_table
from sealflow.errors import ExecutionFailed, InvalidInput, InvalidWiring
from sealflow.model.transformation import describe_validation_error
from sealflow.model.wiring import InputWiring, OutputWiring, WorkflowWiring
from sealflow.ops.execution import execute_transformation, load_run_target


def _read_value(text: str) -> str:
    if text.startswith("@"):
        path = Path(text[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InvalidInput(f"cannot read input value from {path}: {exc.strerror}") from exc
    return text


def parse_input_options(options: list[str]) -> dict[str, Any]:
    """``NAME=VALUE`` pairs as raw input values; ``NAME=@FILE`` reads the value from a file."""
    values: dict[str, Any] = {}
    for option in options:
        name, sep, value = option.partition("=")
        if not sep or not name:
            raise InvalidInput(f"--input {option!r} is not NAME=VALUE; e.g. --input threshold=2.5")
        values[name.strip()] = _read_value(value)
    return values


def read_inputs_json(path: Path) -> WorkflowWiring:
    """A wiring from a JSON file holding a wiring, or an object of input values by name."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}") from exc
    if not isinstance(data, dict):
        raise InvalidInput(f"{path} must hold a JSON object of input values by name, or a wiring")
    if "input_wirings" in data or "output_wirings" in data:
        try:
            return WorkflowWiring.model_validate(data)
        except ValidationError as exc:
            raise InvalidWiring(describe_validation_error(exc, f"wiring in {path}")) from exc
    return wiring_from_values(data)


def merge_wirings(*wirings: WorkflowWiring | None) -> WorkflowWiring:
    """One wiring; for a name wired more than once, the later wiring wins."""
    inputs: dict[str, InputWiring] = {}
    outputs: dict[str, OutputWiring] = {}
    for wiring in wirings:
        if wiring is not None:
            inputs.update({w.workflow_input_name: w for w in wiring.input_wirings})
            outputs.update({w.workflow_output_name: w for w in wiring.output_wirings})
    return WorkflowWiring(input_wirings=list(inputs.values()), output_wirings=list(outputs.values()))


def run(
    ctx: typer.Context,
    target: Annotated[
        str,
        typer.Argument(
            help="A transformation JSON file, a .py component, or the id or name\\[@tag] of a stored one."
        ),
    ],
    input_: Annotated[
        list[str] | None,
        typer.Option(
            "--input", "-i", help="An input value as NAME=VALUE (JSON or plain text; @FILE reads a file)."
        ),
    ] = None,
    inputs_json: Annotated[
        Path | None, typer.Option(help="A JSON file with input values by name, or a wiring.")
    ] = None,
    test_wiring: Annotated[
        bool, typer.Option("--test-wiring", help="Take the inputs from the transformation's test wiring.")
    ] = False,
    plots: Annotated[bool, typer.Option(help="Also run operators whose outputs are all plots.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole result as JSON.")] = False,
) -> None:
    """Execute a transformation and print its outputs."""
    instance = state(ctx).instance()
    tr, unstored = load_run_target(instance, target)
    wiring = merge_wirings(
        tr.test_wiring if test_wiring else None,
        read_inputs_json(inputs_json) if inputs_json else None,
        wiring_from_values(parse_input_options(input_ or [])),
    )
    result = execute_transformation(instance, tr, wiring, run_pure_plot_operators=plots, unstored=unstored)
    if as_json:
        print_json(result.model_dump(mode="json", exclude_none=True))
    elif result.result == "ok":
        console.print(f"[bold green]ok[/] {tr.name} {tr.version_tag}", highlight=False)
        console.print(result_table(result))
    if result.result != "ok":
        raise ExecutionFailed(failure_text(result), error=result.error)
