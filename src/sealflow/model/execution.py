"""Execution records: the manifest every run leaves behind.

A record says what ran (the revision, the code hashes of its whole closure and their closure hash), on
what (the wiring, and a digest of every input and output value), how it went (status, structured error,
traceback) and how long each part took.

A value is digested in one canonical encoding: the JSON its data type serializes it to, with sorted keys,
no whitespace, ASCII only and no NaN. Equal values have equal digests whatever process wrote them, so a
replay that reproduces a value reproduces its digest. The value itself is kept only when it was given
inline (direct provisioning, or an input's default) and its encoding is at most ``INLINE_LIMIT`` bytes;
otherwise the record keeps its digest and size.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sealflow.model.datatypes import DataType, TransformationType
from sealflow.model.hashing import canonical_json, closure_hash, is_code_hash
from sealflow.model.wiring import DIRECT_PROVISIONING, WorkflowWiring

#: Largest canonical encoding (bytes) of a value the record keeps; larger ones are only digested.
INLINE_LIMIT = 64 * 1024

#: ``RecordedValue.via`` of an input that took its default value.
DEFAULT_VALUE = "default"


class ExecutionStatus(StrEnum):
    """How a run ended."""

    OK = "ok"
    FAILURE = "failure"


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("timestamps need an offset, e.g. 2024-01-31T12:00:00+00:00")
    return value.astimezone(UTC)


class RecordedValue(BaseModel):
    """One input or output value of a run: its digest and size, and the value when small and inline."""

    model_config = ConfigDict(frozen=True)

    name: str
    data_type: DataType
    via: str
    """The adapter the value came from or went to; ``"default"`` for an input that took its default."""
    sha256: str | None = None
    """SHA-256 (hex) of the canonical encoding; ``None`` only when the value has no encoding."""
    size: int | None = None
    """Bytes of the canonical encoding."""
    inline: bool = False
    """Whether ``value`` holds the value (a stored ``null`` is a null value, not a missing one)."""
    value: Any = None
    problem: str | None = None
    """Why the value has no digest."""

    @classmethod
    def of(cls, name: str, data_type: DataType, via: str, serialized: Any, *, keep: bool) -> RecordedValue:
        """The record of a value serialized by its data type; kept when ``keep`` and small enough."""
        try:
            encoded = canonical_json(serialized)
        except (TypeError, ValueError) as exc:
            return cls.unencodable(name, data_type, via, f"it has no canonical JSON encoding: {exc}")
        inline = keep and len(encoded) <= INLINE_LIMIT
        return cls(
            name=name,
            data_type=data_type,
            via=via,
            sha256=hashlib.sha256(encoded).hexdigest(),
            size=len(encoded),
            inline=inline,
            value=serialized if inline else None,
        )

    @classmethod
    def unencodable(cls, name: str, data_type: DataType, via: str, problem: str) -> RecordedValue:
        """The record of a value that cannot be encoded, saying why."""
        return cls(name=name, data_type=data_type, via=via, problem=problem)


class OperatorTime(BaseModel):
    """How long one operator ran, and which code it ran."""

    model_config = ConfigDict(frozen=True)

    operator: str
    operator_path: list[str]
    transformation_id: UUID
    code_hash: str
    duration: float
    skipped: bool = False


class StepTime(BaseModel):
    """Start, end and duration (seconds) of one phase of a run."""

    model_config = ConfigDict(frozen=True)

    name: str
    start: datetime
    end: datetime
    duration: float

    @field_validator("start", "end")
    @classmethod
    def _to_utc(cls, value: datetime) -> datetime:
        return _utc(value)


class ExecutionRecord(BaseModel):
    """The manifest of one run; its id is the run's job id."""

    model_config = ConfigDict(frozen=True)

    id: UUID
    transformation_id: UUID
    revision_group_id: UUID
    name: str
    version_tag: str
    type: TransformationType
    status: ExecutionStatus
    started_at: datetime
    finished_at: datetime
    duration: float
    """Seconds from the start to the end of the run, measured with a monotonic clock."""
    wiring: dict[str, Any] = Field(default_factory=dict)
    """The wiring in the exchange format, without inline values over ``INLINE_LIMIT``."""
    code_hashes: list[str] = Field(default_factory=list)
    """Every component code of the closure, nested workflows included; sorted, each once."""
    closure_hash: str
    fingerprint_hash: str | None = None
    """Id of the environment fingerprint the run ran in."""
    inputs: list[RecordedValue] = Field(default_factory=list)
    outputs: list[RecordedValue] = Field(default_factory=list)
    operator_timings: list[OperatorTime] = Field(default_factory=list)
    measured_steps: dict[str, StepTime] = Field(default_factory=dict)
    error: dict[str, Any] | None = None
    """The structured error of the exchange format (type, message, stage, operator, location)."""
    traceback: str | None = None
    revision_snapshots: list[str] = Field(default_factory=list)
    """Content hashes of the revisions the run used, the executed one first (see ``replay``)."""
    run_pure_plot_operators: bool = False
    """Whether operators whose outputs are all plots ran."""
    warnings: list[str] = Field(default_factory=list)
    """What was unusual about the run without stopping it, e.g. an environment unlike the pinned one."""

    @field_validator("revision_snapshots", "warnings", mode="before")
    @classmethod
    def _no_snapshots(cls, value: list[str] | None) -> list[str]:
        return value or []

    @field_validator("run_pure_plot_operators", mode="before")
    @classmethod
    def _plots_unknown(cls, value: bool | None) -> bool:
        return bool(value)

    @field_validator("started_at", "finished_at")
    @classmethod
    def _to_utc(cls, value: datetime) -> datetime:
        return _utc(value)

    @field_validator("code_hashes")
    @classmethod
    def _sorted_hashes(cls, value: list[str]) -> list[str]:
        wrong = [item for item in value if not is_code_hash(item)]
        if wrong:
            raise ValueError(f"{wrong[0]!r} is no code hash; a code hash has 64 lowercase hex digits")
        return sorted(set(value))

    @model_validator(mode="after")
    def _consistent(self) -> ExecutionRecord:
        if self.closure_hash != closure_hash(self.code_hashes):
            raise ValueError(
                f"closure hash {self.closure_hash} does not match the code hashes of execution {self.id}"
            )
        if (self.status is ExecutionStatus.FAILURE) != (self.error is not None):
            raise ValueError(f"execution {self.id} must have an error exactly when it failed")
        return self

    @property
    def label(self) -> str:
        """How messages name the executed revision."""
        return f"{self.type.lower()} {self.name!r} {self.version_tag}"

    @property
    def operator_count(self) -> int:
        """How many operators the run reached."""
        return len(self.operator_timings)


def recorded_wiring(wiring: WorkflowWiring, *, dropped: Iterable[str] = ()) -> dict[str, Any]:
    """The wiring as recorded: exchange-format JSON without the direct input values that are too big.

    A direct value is left out when its text is over ``INLINE_LIMIT`` bytes, or when its input is named in
    ``dropped`` (its canonical encoding is over the limit), so a value the record does not keep is nowhere
    in it.
    """
    left_out = set(dropped)
    data = wiring.model_dump(mode="json")
    for item in data.get("input_wirings", []):
        filters = item.get("filters") or {}
        value = filters.get("value")
        if item.get("adapter_id") != DIRECT_PROVISIONING or not isinstance(value, str):
            continue
        if item.get("workflow_input_name") in left_out or len(value.encode("utf-8")) > INLINE_LIMIT:
            del filters["value"]
    return data
