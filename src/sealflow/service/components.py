"""``/api/components/code``: component code regenerated from an edited IO interface.

The web UI's component editor calls this while a user edits the inputs and outputs of a draft, so the
generated section of the code stays in step with the form; nothing is stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from fastapi import APIRouter
from pydantic import BaseModel, Field

from sealflow.code.codegen import update_code
from sealflow.model.datatypes import State
from sealflow.model.io import TransformationInput, TransformationOutput
from sealflow.model.transformation import parse_transformation
from sealflow.service.schemas import ErrorBody

router = APIRouter(prefix="/api/components", tags=["components"])


class CodeRequest(BaseModel):
    """A component's metadata, IO interface and current code, as the editor holds them.

    The state and timestamps go into ``COMPONENT_INFO`` as they are; a draft has neither timestamp.
    """

    id: UUID = Field(default_factory=uuid4)
    revision_group_id: UUID | None = None
    name: str
    category: str = "Other"
    description: str = ""
    version_tag: str = "1.0.0"
    state: State = State.DRAFT
    released_timestamp: datetime | None = None
    disabled_timestamp: datetime | None = None
    inputs: list[TransformationInput] = Field(default_factory=list)
    outputs: list[TransformationOutput] = Field(default_factory=list)
    code: str = ""


class CodeResponse(BaseModel):
    """The code with its generated section rewritten for the request's interface."""

    code: str


@router.post(
    "/code",
    summary="Generate or update component code for an IO interface",
    responses={422: {"model": ErrorBody, "description": "Invalid interface or code"}},
)
def component_code(request: CodeRequest) -> CodeResponse:
    """The request's code with the generated section (``COMPONENT_INFO`` and ``main``) rewritten."""
    data: dict[str, Any] = {
        "id": str(request.id),
        "revision_group_id": str(request.revision_group_id or request.id),
        "name": request.name,
        "category": request.category,
        "description": request.description,
        "version_tag": request.version_tag,
        "state": request.state,
        "released_timestamp": request.released_timestamp,
        "disabled_timestamp": request.disabled_timestamp,
        "type": "COMPONENT",
        "content": request.code,
        "io_interface": {
            "inputs": [i.model_dump(mode="json") for i in request.inputs],
            "outputs": [o.model_dump(mode="json") for o in request.outputs],
        },
    }
    tr = parse_transformation(data, "the component")
    return CodeResponse(code=update_code(request.code, tr))
