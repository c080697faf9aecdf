"""A new component as a ``.py`` file in the exchange format: ``COMPONENT_INFO``, ``main``, a test wiring.

The body passes an input of the same data type through to each output (or returns an empty value of the
output's type), and the test wiring gives every input a small sample value, so the new file runs and its
test wiring passes before a line is written. The revision returned is the one the file describes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import uuid4

from sealflow.code.codegen import END_MARKER, START_MARKER, expand_code, update_code
from sealflow.code.pyfile import io_id, transformation_from_code
from sealflow.errors import InvalidInput
from sealflow.model.datatypes import DataType, InputType, State, TransformationType
from sealflow.model.transformation import TransformationRevision, parse_transformation
from sealflow.model.wiring import DIRECT_PROVISIONING, InputWiring, WorkflowWiring

#: A sample value per data type, as direct provisioning reads it.
SAMPLES: dict[DataType, str] = {
    DataType.INT: "3",
    DataType.FLOAT: "1.5",
    DataType.STRING: "text",
    DataType.BOOLEAN: "true",
    DataType.SERIES: (
        '{"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 4.0}'
    ),
    DataType.DATAFRAME: '[{"a": 1.0, "b": 2.0}, {"a": 3.0, "b": 4.0}]',
    DataType.MULTITSFRAME: (
        '[{"timestamp": "2026-01-01T00:00:00Z", "metric": "a", "value": 1.0}, '
        '{"timestamp": "2026-01-01T01:00:00Z", "metric": "a", "value": 2.0}]'
    ),
    DataType.ANY: '{"key": "value"}',
    DataType.PLOTLYJSON: "{}",
}

#: What the body returns for an output that no input of its type can pass through to.
EMPTY: dict[DataType, str] = {
    DataType.INT: "0",
    DataType.FLOAT: "0.0",
    DataType.STRING: '""',
    DataType.BOOLEAN: "False",
    DataType.SERIES: "pd.Series(dtype=float)",
    DataType.DATAFRAME: "pd.DataFrame()",
    DataType.MULTITSFRAME: 'pd.DataFrame(columns=["timestamp", "metric", "value"])',
    DataType.ANY: "None",
    DataType.PLOTLYJSON: "{}",
}


@dataclass(frozen=True)
class Connector:
    """An input or output as given on the command line: ``name:TYPE`` or, for inputs, ``name:TYPE=default``."""

    name: str
    data_type: DataType
    default: str | None = None

    @classmethod
    def parse(cls, text: str, kind: str) -> Connector:
        """``x:SERIES``, ``window:INT=3``; ``InvalidInput`` naming the option and the fix."""
        spec, has_default, default = text.partition("=")
        name, sep, type_name = spec.partition(":")
        types = ", ".join(DataType)
        if not sep or not name.strip():
            raise InvalidInput(f"--{kind} {text!r} is not NAME:TYPE; e.g. --{kind} x:SERIES (types: {types})")
        try:
            data_type = DataType(type_name.strip().upper())
        except ValueError:
            raise InvalidInput(
                f"--{kind} {text!r} has the unknown type {type_name!r}; use one of {types}"
            ) from None
        if has_default and kind != "input":
            raise InvalidInput(f"--{kind} {text!r}: only inputs have defaults")
        return cls(name.strip(), data_type, default if has_default else None)


def new_component(
    name: str,
    inputs: Sequence[Connector],
    outputs: Sequence[Connector],
    *,
    category: str = "Other",
    description: str = "",
    version_tag: str = "0.1.0",
) -> tuple[TransformationRevision, str]:
    """A DRAFT component and the text of its ``.py`` file."""
    revision_id = uuid4()
    data = {
        "id": revision_id,
        "name": name,
        "category": category,
        "description": description,
        "version_tag": version_tag,
        "state": State.DRAFT,
        "type": TransformationType.COMPONENT,
        "content": "",
        "io_interface": {
            "inputs": [
                {"id": io_id(revision_id, "input", i.name), "name": i.name, "data_type": i.data_type}
                | ({"type": InputType.OPTIONAL, "value": i.default} if i.default is not None else {})
                for i in inputs
            ],
            "outputs": [
                {"id": io_id(revision_id, "output", o.name), "name": o.name, "data_type": o.data_type}
                for o in outputs
            ],
        },
        "test_wiring": WorkflowWiring(
            input_wirings=[
                InputWiring(
                    workflow_input_name=i.name,
                    adapter_id=DIRECT_PROVISIONING,
                    filters={"value": SAMPLES[i.data_type]},
                )
                for i in inputs
                if i.default is None
            ]
        ),
    }
    tr = parse_transformation(data, f"component {name!r}")
    body = _body(inputs, outputs)
    uses_pandas = "pd." in body
    imports = ["# add your own imports here", *(["import pandas as pd"] if uses_pandas else []), ""]
    template = "\n".join([*imports, START_MARKER, END_MARKER, body, ""])
    code = update_code(template, tr)
    text = expand_code(code, tr.model_copy(update={"content": code}))
    return transformation_from_code(text, f"component {name!r}"), text


def _body(inputs: Sequence[Connector], outputs: Sequence[Connector]) -> str:
    by_type: dict[DataType, str] = {}
    for connector in inputs:
        by_type.setdefault(connector.data_type, connector.name)
    values = {o.name: by_type.get(o.data_type, EMPTY[o.data_type]) for o in outputs}
    items = "".join(f'        "{key}": {value},\n' for key, value in values.items())
    return (
        "    # Inputs arrive parsed by their data types (SERIES as pandas.Series, DATAFRAME as\n"
        "    # pandas.DataFrame ...); return a dict with a value for every output.\n"
        f"    return {{\n{items}    }}"
        if items
        else "    return {}"
    )
