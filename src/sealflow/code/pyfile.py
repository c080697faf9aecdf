"""Reading a component revision from a ``.py`` file, without running the file.

``COMPONENT_INFO`` and ``TEST_WIRING_FROM_PY_FILE_IMPORT`` are taken from their top-level assignments
with ``ast.literal_eval``; what the file leaves out gets the defaults of the exchange format. Inputs
and outputs keep the ids ``COMPONENT_INFO`` gives them; otherwise their ids are derived with
``uuid5`` from the revision id and the connector's kind and name, so reading the same file again gives
the same ids. The code text becomes the revision's content exactly as given: it is never rewritten.
"""

from __future__ import annotations

import ast
import inspect
import json
from datetime import UTC, datetime
from typing import Any, Literal
from uuid import UUID, uuid4, uuid5

from pydantic import ValidationError

from sealflow.code.codegen import (
    COMPONENT_INFO,
    DOCUMENTATION_HEADER,
    TEST_WIRING,
    assigned_value,
    parse_code,
)
from sealflow.errors import InvalidTransformation
from sealflow.model.datatypes import DataType, State, TransformationType
from sealflow.model.transformation import (
    TransformationRevision,
    describe_validation_error,
    parse_transformation,
)
from sealflow.model.wiring import WorkflowWiring

#: The namespace of the ``uuid5`` ids of inputs and outputs read without an explicit id.
IO_ID_NAMESPACE = UUID("14d85a66-b186-4fe5-af1d-c290b936edfd")

_KEPT_AS_TEXT = frozenset({DataType.STRING.value, DataType.ANY.value})
_DATA_TYPES = [data_type.value for data_type in DataType]


def io_id(revision_id: UUID, kind: Literal["input", "output"], name: str) -> UUID:
    """The stable id of an input or output that a ``.py`` file names without an id."""
    return uuid5(IO_ID_NAMESPACE, f"{revision_id}/{kind}/{name}")


def transformation_from_code(code: str, source: str = "<code>") -> TransformationRevision:
    """The component revision a ``.py`` file describes; errors name ``source``, the line and the fix."""
    tree = parse_code(code, source)
    info = _component_info(tree, source)
    revision_id = _revision_id(info, source)
    state = info.get("state", State.RELEASED.value)
    now = datetime.now(UTC)
    data: dict[str, Any] = {
        "id": revision_id,
        "revision_group_id": info.get("revision_group_id", uuid4()),
        "name": info.get("name", "Unnamed Component"),
        "description": info.get("description", "No description provided"),
        "category": info.get("category", "Other"),
        "version_tag": info.get("version_tag", "1.0.0"),
        "state": state,
        "type": TransformationType.COMPONENT,
        "documentation": _documentation(tree),
        "content": code,
        "io_interface": {
            "inputs": [
                _input(name, spec, revision_id, source) for name, spec in _specs(info, "input", source)
            ],
            "outputs": [
                {
                    "id": spec.get("id", io_id(revision_id, "output", name)),
                    "name": name,
                    "data_type": spec["data_type"],
                }
                for name, spec in _specs(info, "output", source)
            ],
        },
        "test_wiring": _test_wiring(tree, source),
    }
    for key in ("released_timestamp", "disabled_timestamp"):
        if key in info:
            data[key] = info[key]
    if state != State.DRAFT.value:
        data.setdefault("released_timestamp", now)
    if state == State.DISABLED.value:
        data.setdefault("disabled_timestamp", now)
    return parse_transformation(data, source)


def _component_info(tree: ast.Module, source: str) -> dict[Any, Any]:
    node = assigned_value(tree, COMPONENT_INFO)
    if node is None:
        raise InvalidTransformation(
            f"{source} has no top-level assignment {COMPONENT_INFO} = {{...}}, so it describes no "
            "component; add one with at least the inputs and outputs, e.g. "
            f'{COMPONENT_INFO} = {{"inputs": {{"x": {{"data_type": "FLOAT"}}}}, "outputs": {{}}}}'
        )
    info = _literal(node, COMPONENT_INFO, source)
    if not isinstance(info, dict):
        raise InvalidTransformation(
            f"{source}, line {node.lineno}: {COMPONENT_INFO} is a {type(info).__name__}; make it a dict"
        )
    return info


def _literal(node: ast.expr, name: str, source: str) -> Any:
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError) as exc:
        raise InvalidTransformation(
            f"{source}, line {node.lineno}: {name} must be a literal (dicts, lists, strings, numbers, "
            "True, False, None) because the file is read without running it; write out computed parts"
        ) from exc


def _revision_id(info: dict[Any, Any], source: str) -> UUID:
    if "id" not in info:
        return uuid4()
    try:
        return UUID(str(info["id"]))
    except ValueError as exc:
        raise InvalidTransformation(
            f"{source}: the id {info['id']!r} in {COMPONENT_INFO} is no UUID; correct it or remove it "
            "to get a new one"
        ) from exc


def _specs(info: dict[Any, Any], kind: str, source: str) -> list[tuple[str, dict[Any, Any]]]:
    """The ``(name, spec)`` pairs of the inputs or outputs, each spec with a valid ``data_type``."""
    raw = info.get(f"{kind}s", {})
    if not isinstance(raw, dict):
        raise InvalidTransformation(
            f'{source}: {COMPONENT_INFO}["{kind}s"] must map each {kind} name to '
            f'{{"data_type": ...}}, not be a {type(raw).__name__}'
        )
    specs = []
    for name, spec in raw.items():
        where = f"{source}: {kind} {name!r} in {COMPONENT_INFO}"
        if isinstance(spec, str):
            spec = {"data_type": spec}
        if not isinstance(name, str) or not isinstance(spec, dict) or "data_type" not in spec:
            raise InvalidTransformation(
                f'{where} needs a name and a data_type, e.g. "{name}": {{"data_type": "FLOAT"}}'
            )
        if spec["data_type"] not in _DATA_TYPES:
            raise InvalidTransformation(
                f"{where} has the data_type {spec['data_type']!r}; use one of {', '.join(_DATA_TYPES)}"
            )
        specs.append((name, spec))
    return specs


def _input(name: str, spec: dict[Any, Any], revision_id: UUID, source: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": spec.get("id", io_id(revision_id, "input", name)),
        "name": name,
        "data_type": spec["data_type"],
    }
    if "default_value" in spec:
        entry["type"] = "OPTIONAL"
        entry["value"] = _stored_value(spec["default_value"], spec["data_type"], name, source)
    return entry


def _stored_value(default: Any, data_type: str, name: str, source: str) -> Any:
    """The stored form of a default: text for STRING and ANY as it is, anything else as JSON text."""
    if default is None or (data_type in _KEPT_AS_TEXT and isinstance(default, str)):
        return default
    try:
        return json.dumps(default)
    except (TypeError, ValueError) as exc:
        raise InvalidTransformation(
            f"{source}: the default_value of input {name!r} in {COMPONENT_INFO} cannot be stored as "
            f"JSON ({exc}); use numbers, strings, lists and dicts"
        ) from exc


def _documentation(tree: ast.Module) -> str:
    """The documentation: the module docstring, without its ``Documentation for <name>`` heading."""
    docstring = ast.get_docstring(tree, clean=False)
    if docstring is None:
        return ""
    lines = docstring.split("\n")
    if lines[0].startswith(DOCUMENTATION_HEADER) and (len(lines) == 1 or not lines[1].strip()):
        return "\n".join(lines[2:])
    return inspect.cleandoc(docstring)


def _test_wiring(tree: ast.Module, source: str) -> WorkflowWiring:
    node = assigned_value(tree, TEST_WIRING)
    if node is None:
        return WorkflowWiring()
    try:
        return WorkflowWiring.model_validate(_literal(node, TEST_WIRING, source))
    except ValidationError as exc:
        raise InvalidTransformation(
            describe_validation_error(exc, f"{source}, line {node.lineno}: {TEST_WIRING}")
        ) from exc
