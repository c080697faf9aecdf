"""The IO interface of a transformation: its typed inputs and outputs."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sealflow.model.datatypes import DataType, InputType
from sealflow.model.fields import OptionalIdentifier


class Position(BaseModel):
    """Where a connector or operator sits on the workflow canvas."""

    x: int = 0
    y: int = 0


class IOConnector(BaseModel):
    """A named, typed input or output."""

    model_config = ConfigDict(extra="ignore")

    id: UUID = Field(default_factory=uuid4)
    name: OptionalIdentifier = None
    data_type: DataType


class TransformationOutput(IOConnector):
    """An output of a transformation."""


class TransformationInput(IOConnector):
    """An input of a transformation; OPTIONAL inputs may carry a default ``value``."""

    type: InputType = InputType.REQUIRED
    value: Any = None

    @model_validator(mode="after")
    def _value_only_when_optional(self) -> TransformationInput:
        if self.type is InputType.REQUIRED and self.value is not None:
            raise ValueError(
                f"input {self.name!r} is REQUIRED and so cannot have a default value; "
                "make it OPTIONAL or remove the value"
            )
        return self


def check_unique_names(connectors: list[Any], kind: str) -> None:
    """Raise ``ValueError`` if two connectors with a non-empty name share it."""
    seen: set[str] = set()
    for connector in connectors:
        if connector.name:
            if connector.name in seen:
                raise ValueError(f"{kind} name {connector.name!r} is used more than once")
            seen.add(connector.name)


class IOInterface(BaseModel):
    """The inputs and outputs of a transformation; names are unique within each list."""

    inputs: list[TransformationInput] = Field(default_factory=list)
    outputs: list[TransformationOutput] = Field(default_factory=list)

    @field_validator("inputs")
    @classmethod
    def _unique_inputs(cls, inputs: list[TransformationInput]) -> list[TransformationInput]:
        check_unique_names(inputs, "input")
        return inputs

    @field_validator("outputs")
    @classmethod
    def _unique_outputs(cls, outputs: list[TransformationOutput]) -> list[TransformationOutput]:
        check_unique_names(outputs, "output")
        return outputs

    def unnamed(self) -> list[IOConnector]:
        """Inputs and outputs without a name."""
        return [io for io in [*self.inputs, *self.outputs] if not io.name]
