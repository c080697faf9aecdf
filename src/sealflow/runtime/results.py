"""What a run returns: outputs, their types, timings and, on failure, a structured error."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field

from sealflow.model.datatypes import DataType


class ProcessStage(StrEnum):
    """Where in a run an error happened."""

    PARSING_WORKFLOW = "PARSING_WORKFLOW"
    LOADING_DATA_FROM_ADAPTERS = "LOADING_DATA_FROM_ADAPTERS"
    PARSING_LOADED_DATA = "PARSING_LOADED_DATA"
    EXECUTING_COMPONENT_CODE = "EXECUTING_COMPONENT_CODE"
    SENDING_DATA_TO_ADAPTERS = "SENDING_DATA_TO_ADAPTERS"
    ENCODING_RESULTS_TO_JSON = "ENCODING_RESULTS_TO_JSON"


class TransformationInfo(BaseModel):
    """The revision an operator runs."""

    id: str
    name: str
    tag: str
    type: str


class Hierarchy(BaseModel):
    """The path from the executed transformation down to an operator."""

    by_name: list[str] = Field(default_factory=list)
    by_id: list[str] = Field(default_factory=list)


class OperatorInfo(BaseModel):
    """Which operator an error or timing belongs to."""

    transformation_info: TransformationInfo
    hierarchy_in_workflow: Hierarchy


class ErrorLocation(BaseModel):
    """Where in the code an error was raised."""

    file: str
    function_name: str
    line_number: int


class ExecutionError(BaseModel):
    """A failure of a run: what, where, and the details a user needs to act."""

    type: str
    error_code: int | str | None = None
    message: str
    extra_information: dict[str, Any] | None = None
    process_stage: ProcessStage
    operator_info: OperatorInfo | None = None
    location: ErrorLocation | None = None


class MeasuredStep(BaseModel):
    """Start, end and duration (seconds) of one phase of a run."""

    name: str
    start: datetime
    end: datetime
    duration: float


class OperatorTiming(BaseModel):
    """How long one operator ran, and which code it ran."""

    operator: str
    operator_path: list[str]
    transformation_id: str
    code_hash: str
    duration: float
    skipped: bool = False


class ExecutionResult(BaseModel):
    """The outcome of one run, in the shape of the exchange format's execution response."""

    result: Literal["ok", "failure"]
    output_results_by_output_name: dict[str, Any] = Field(default_factory=dict)
    output_types_by_output_name: dict[str, DataType] = Field(default_factory=dict)
    job_id: str | None = None
    error: ExecutionError | None = None
    traceback: str | None = None
    measured_steps: dict[str, MeasuredStep] = Field(default_factory=dict)
    operator_timings: list[OperatorTiming] = Field(default_factory=list)
