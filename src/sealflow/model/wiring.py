"""Wirings: which adapter provides each workflow input and receives each workflow output."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, Field, field_validator

from sealflow.model.fields import Identifier

#: The adapter that takes input values from the wiring itself and returns outputs in the response.
DIRECT_PROVISIONING = "direct_provisioning"

_FILTER_KEY = re.compile(r"^[a-zA-Z]\w+$")
_RESERVED_FILTER_KEYS = frozenset({"from", "to", "id"})
_EXTERNAL_TYPE = re.compile(
    r"^(metadata\((int|integer|float|string|str|boolean|bool|any)\)"
    r"|(timeseries|series)\((int|integer|float|string|str|boolean|bool|any|object)\)"
    r"|dataframe|multitsframe)$"
)


class RefIdType(StrEnum):
    """What a ``ref_id`` refers to in an adapter's hierarchy."""

    SOURCE = "SOURCE"
    SINK = "SINK"
    THINGNODE = "THINGNODE"


def _adapter_key(value: int | str) -> int | str:
    return DIRECT_PROVISIONING if value == 1 else value


def _filters(value: dict[str, str | None] | None) -> dict[str, str]:
    filters = {key: "" if item is None else item for key, item in (value or {}).items()}
    for key in filters:
        if not _FILTER_KEY.match(key):
            raise ValueError(
                f"filter key {key!r} must start with a letter and have only letters, digits and _"
            )
        if key in _RESERVED_FILTER_KEYS:
            raise ValueError(
                f"filter key {key!r} is reserved; use timestampFrom, timestampTo or another name"
            )
    return filters


AdapterKey = Annotated[int | str, BeforeValidator(_adapter_key)]
Filters = Annotated[dict[str, str], BeforeValidator(_filters)]


class _Wiring(BaseModel):
    adapter_id: AdapterKey = DIRECT_PROVISIONING
    ref_id: str | None = None
    ref_id_type: RefIdType | None = None
    ref_key: str | None = None
    type: str | None = None
    filters: Filters = Field(default_factory=dict)

    @field_validator("type")
    @classmethod
    def _external_type(cls, value: str | None) -> str | None:
        if value is not None and not _EXTERNAL_TYPE.match(value):
            raise ValueError(
                f"{value!r} is no external type; use e.g. metadata(float), timeseries(float), "
                "dataframe or multitsframe"
            )
        return value


class InputWiring(_Wiring):
    """Where the value of one workflow input comes from."""

    workflow_input_name: Identifier
    use_default_value: bool = False


class OutputWiring(_Wiring):
    """Where the value of one workflow output goes."""

    workflow_output_name: Identifier


class DashboardPositioning(BaseModel):
    """Placement of an output on the experimental dashboard."""

    id: str
    x: int | None = Field(default=None, ge=0)
    y: int | None = Field(default=None, ge=0)
    w: int | None = Field(default=None, ge=0)
    h: int | None = Field(default=None, ge=0)


class WorkflowWiring(BaseModel):
    """The input and output wirings of one execution."""

    input_wirings: list[InputWiring] = Field(default_factory=list)
    output_wirings: list[OutputWiring] = Field(default_factory=list)
    dashboard_positionings: list[DashboardPositioning] = Field(default_factory=list)

    @field_validator("input_wirings")
    @classmethod
    def _unique_inputs(cls, wirings: list[InputWiring]) -> list[InputWiring]:
        _check_unique([w.workflow_input_name for w in wirings], "input")
        return wirings

    @field_validator("output_wirings")
    @classmethod
    def _unique_outputs(cls, wirings: list[OutputWiring]) -> list[OutputWiring]:
        _check_unique([w.workflow_output_name for w in wirings], "output")
        return wirings


def _check_unique(names: list[str], kind: str) -> None:
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"workflow {kind} {', '.join(map(repr, duplicates))} is wired more than once")
