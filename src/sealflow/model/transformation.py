"""Transformation revisions: components and workflows in one of the states DRAFT, RELEASED, DISABLED."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from sealflow.errors import InvalidTransformation
from sealflow.model.datatypes import State, TransformationType
from sealflow.model.fields import DescriptionStr, NameStr, VersionTag
from sealflow.model.io import IOInterface, TransformationInput, TransformationOutput
from sealflow.model.wiring import WorkflowWiring
from sealflow.model.workflow import WorkflowContent

DOCUMENTATION_TEMPLATE = """\
# {name}

## Description
{description}

## Inputs

## Outputs

## Details

## Examples
"""


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("timestamps need an offset, e.g. 2024-01-31T12:00:00+00:00")
    return value.astimezone(UTC)


class TransformationRevision(BaseModel):
    """One revision of a component or workflow, in the shape of the exchange format."""

    model_config = ConfigDict(regex_engine="python-re")

    id: UUID = Field(default_factory=uuid4)
    revision_group_id: UUID = Field(default_factory=uuid4)
    name: NameStr
    description: DescriptionStr = ""
    category: NameStr = "Other"
    version_tag: VersionTag
    state: State = State.DRAFT
    type: TransformationType
    released_timestamp: datetime | None = None
    disabled_timestamp: datetime | None = None
    documentation: str = ""
    content: str | WorkflowContent
    io_interface: IOInterface = Field(default_factory=IOInterface)
    test_wiring: WorkflowWiring = Field(default_factory=WorkflowWiring)

    @field_validator("released_timestamp", "disabled_timestamp")
    @classmethod
    def _to_utc(cls, value: datetime | None) -> datetime | None:
        return _utc(value)

    @model_validator(mode="before")
    @classmethod
    def _content_by_type(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("type") == TransformationType.WORKFLOW:
            content = data.get("content")
            if isinstance(content, str):
                raise ValueError(
                    "content of a WORKFLOW must be an object with operators and links, not a string"
                )
        return data

    @model_validator(mode="after")
    def _rules(self) -> TransformationRevision:
        if self.type is TransformationType.COMPONENT and not isinstance(self.content, str):
            raise ValueError("content of a COMPONENT must be its Python code as a string")
        _check_timestamps(self)
        if isinstance(self.content, WorkflowContent):
            self.io_interface = workflow_io_interface(self.content)
        if self.state is not State.DRAFT:
            unnamed = self.io_interface.unnamed()
            if unnamed:
                raise ValueError(
                    f"a {self.state} revision needs a name for every input and output; "
                    f"{len(unnamed)} of them have none"
                )
        if not self.documentation:
            self.documentation = DOCUMENTATION_TEMPLATE.format(name=self.name, description=self.description)
        return self

    @property
    def is_workflow(self) -> bool:
        """Whether this revision is a workflow."""
        return self.type is TransformationType.WORKFLOW

    def workflow(self) -> WorkflowContent:
        """The workflow content; an error for a component."""
        if not isinstance(self.content, WorkflowContent):
            raise InvalidTransformation(f"{self.label} is a component and has no workflow content")
        return self.content

    def code(self) -> str:
        """The component code; an error for a workflow."""
        if not isinstance(self.content, str):
            raise InvalidTransformation(f"{self.label} is a workflow and has no component code")
        return self.content

    @property
    def label(self) -> str:
        """How errors and listings name this revision."""
        return f"{self.type.lower()} {self.name!r} {self.version_tag} ({self.id})"

    def to_json_dict(self) -> dict[str, Any]:
        """The exchange-format JSON object: no nulls, UUIDs and datetimes as strings."""
        return self.model_dump(mode="json", exclude_none=True)


def _check_timestamps(tr: TransformationRevision) -> None:
    if tr.state is State.DRAFT:
        if tr.released_timestamp is not None or tr.disabled_timestamp is not None:
            raise ValueError("a DRAFT has no released_timestamp or disabled_timestamp; remove them")
    elif tr.state is State.RELEASED:
        if tr.released_timestamp is None:
            raise ValueError("a RELEASED revision needs a released_timestamp")
        if tr.disabled_timestamp is not None:
            raise ValueError("a RELEASED revision has no disabled_timestamp; remove it")
    else:
        if tr.disabled_timestamp is None:
            raise ValueError("a DISABLED revision needs a disabled_timestamp")
        if tr.released_timestamp is None:
            tr.released_timestamp = tr.disabled_timestamp


def workflow_io_interface(content: WorkflowContent) -> IOInterface:
    """The IO interface a workflow's content defines: its inputs and outputs, constants excluded."""
    return IOInterface(
        inputs=[
            TransformationInput(id=i.id, name=i.name, data_type=i.data_type, type=i.type, value=i.value)
            for i in content.inputs
        ],
        outputs=[TransformationOutput(id=o.id, name=o.name, data_type=o.data_type) for o in content.outputs],
    )


def parse_transformation(data: Any, source: str = "transformation") -> TransformationRevision:
    """Validate exchange-format JSON into a revision; errors name the field and the failed rule."""
    try:
        return TransformationRevision.model_validate(data)
    except ValidationError as exc:
        raise InvalidTransformation(describe_validation_error(exc, source)) from exc


def describe_validation_error(exc: ValidationError, source: str) -> str:
    """One line: ``source is invalid: field.path: rule; ...``."""
    errors = exc.errors()
    in_workflow = any(_union_branch(e["loc"]) == "WorkflowContent" for e in errors)
    lines = []
    for error in errors:
        loc = error["loc"]
        branch = _union_branch(loc)
        if branch == "str" and in_workflow:
            continue
        if branch:
            loc = ("content", *loc[2:])
        path = ".".join(str(part) for part in loc) or "(top level)"
        message = error["msg"].removeprefix("Value error, ")
        lines.append(f"{path}: {message}")
    return f"{source} is invalid: " + "; ".join(lines)


def _union_branch(loc: tuple[int | str, ...]) -> str:
    """Which member of the ``content`` union an error location runs through ("" for none)."""
    if len(loc) > 1 and loc[0] == "content" and isinstance(loc[1], str):
        if loc[1] == "str":
            return "str"
        if "WorkflowContent" in loc[1]:
            return "WorkflowContent"
    return ""
