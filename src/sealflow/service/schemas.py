"""The API's own request and response schemas (revisions and wirings use the exchange-format models)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from sealflow.model.datatypes import DataType
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.bulk_import import ImportStatus


class ErrorBody(BaseModel):
    """Every error response: what went wrong and what to do, and the name of the error class."""

    detail: str
    error: str


class ExecutionRequest(BaseModel):
    """Run one revision; without a wiring, its stored test wiring is used."""

    id: UUID
    wiring: WorkflowWiring | None = None
    run_pure_plot_operators: bool = False
    job_id: UUID | None = None


class LatestExecutionRequest(BaseModel):
    """Run the RELEASED revision of a group with the newest release time."""

    revision_group_id: UUID
    wiring: WorkflowWiring
    run_pure_plot_operators: bool = False
    job_id: UUID | None = None


class ExecutionResponse(BaseModel):
    """The outcome of a run; also a failed run is answered with status 200 and this body."""

    model_config = ConfigDict(extra="allow")

    result: str = Field(description="ok or failure")
    output_results_by_output_name: dict[str, Any] = Field(
        default_factory=dict, description="outputs wired to direct provisioning, encoded by data type"
    )
    output_types_by_output_name: dict[str, DataType] = Field(default_factory=dict)
    job_id: str | None = None
    error: dict[str, Any] | None = Field(
        default=None, description="type, message, process_stage, operator_info, location"
    )
    traceback: str | None = None
    measured_steps: dict[str, Any] = Field(default_factory=dict)


class ImportReport(BaseModel):
    """What a bulk import did with one item."""

    status: ImportStatus
    msg: str
    name: str | None = None
    version_tag: str | None = None


class EnvironmentInfo(BaseModel):
    """The environment of the server, in short."""

    python_version: str
    python_implementation: str
    platform: str
    sealflow_version: str
    database_backend: str


class InfoResponse(BaseModel):
    """The answer of ``GET /api/info``."""

    msg: str = "Here I am"
    version: str
    environment: EnvironmentInfo
    fingerprint: dict[str, Any] = Field(
        description="The environment fingerprint: its id, Python, platform, Sealflow and every distribution"
    )


class AdapterInfo(BaseModel):
    """A registered adapter; in-process adapters have empty URLs."""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)

    id: str
    name: str
    url: str = ""
    internal_url: str = Field(default="", alias="internalUrl")
