"""What a change to a released revision does: its code diff, its interface changes, what breaks.

Pure functions over revisions and manifests; ``sealflow.ops.plan`` gathers their inputs from an
instance. A workflow runs a revision through operators whose connectors carry the ids of that
revision's inputs and outputs, so an operator breaks when a connector it has disappears or changes its
type, or when the revision gains a required input the operator does not feed.
"""

from __future__ import annotations

import difflib
import json
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, Field

from sealflow.model.datatypes import InputType
from sealflow.model.hashing import code_hash
from sealflow.model.io import IOConnector, IOInterface, TransformationInput
from sealflow.model.transformation import TransformationRevision

#: Module names of component code carry its hash after this prefix.
_MODULE_PREFIX = "c_"


class InterfaceChange(BaseModel):
    """One difference between the old and the new IO interface of a revision."""

    connector: Literal["input", "output"]
    name: str
    change: Literal["added", "removed", "renamed", "retyped", "now required", "now optional", "new id"]
    before: str | None = None
    after: str | None = None
    breaking: bool

    def __str__(self) -> str:
        text = f"{self.connector} {self.name!r} {self.change}"
        if self.before is not None or self.after is not None:
            text += f" ({self.before or '-'} -> {self.after or '-'})"
        return text


class Reference(BaseModel):
    """A revision named in a plan; ``reason`` says why it breaks, where it does."""

    id: str
    name: str
    version_tag: str
    reason: str | None = None

    @classmethod
    def of(cls, tr: TransformationRevision, reason: str | None = None) -> Reference:
        """The reference to ``tr``."""
        return cls(id=str(tr.id), name=tr.name, version_tag=tr.version_tag, reason=reason)

    def __str__(self) -> str:
        return f"{self.name} {self.version_tag}"


class RevisionImpact(BaseModel):
    """What changing (or deleting) one stored RELEASED or DISABLED revision affects."""

    id: str
    name: str
    version_tag: str
    type: str
    change: Literal["changed", "deleted"]
    old_code_hash: str | None = None
    new_code_hash: str | None = None
    code_diff: str = ""
    interface_changes: list[InterfaceChange] = Field(default_factory=list)
    used_by: list[Reference] = Field(default_factory=list)
    will_break: list[Reference] = Field(default_factory=list)
    objects: list[str] = Field(default_factory=list)
    """``name@tag`` of persisted objects written by its old code."""
    executions: int = 0
    """Execution records that ran its old code (for a workflow: that ran it)."""

    @property
    def breaking(self) -> bool:
        """Whether an overwrite changes the interface so that callers or workflows break."""
        return self.change == "changed" and (
            bool(self.will_break) or any(c.breaking for c in self.interface_changes)
        )


def revision_text(tr: TransformationRevision) -> str:
    """What a diff compares: a component's code, a workflow's graph as indented JSON."""
    if tr.is_workflow:
        return json.dumps(tr.workflow().model_dump(mode="json"), indent=2, sort_keys=True) + "\n"
    return tr.code()


def revision_code_hash(tr: TransformationRevision) -> str | None:
    """The code hash of a component, ``None`` for a workflow."""
    return None if tr.is_workflow else code_hash(tr.code())


def code_diff(old: TransformationRevision, new: TransformationRevision) -> str:
    """A unified diff from the old to the new code (graph) of a revision; empty if they are equal."""
    lines = difflib.unified_diff(
        revision_text(old).splitlines(keepends=True),
        revision_text(new).splitlines(keepends=True),
        fromfile=f"{old.name} {old.version_tag} (stored)",
        tofile=f"{new.name} {new.version_tag} (new)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _key(connector: IOConnector) -> str:
    return connector.name or str(connector.id)


def _input_type(connector: IOConnector) -> InputType | None:
    return connector.type if isinstance(connector, TransformationInput) else None


def _pairs(
    old: list[IOConnector], new: list[IOConnector]
) -> list[tuple[IOConnector | None, IOConnector | None]]:
    """Old and new connectors paired by id, then by name; unpaired ones with ``None``."""
    by_id = {c.id: c for c in new}
    pairs: list[tuple[IOConnector | None, IOConnector | None]] = []
    unpaired = []
    for was in old:
        now = by_id.pop(was.id, None)
        if now is None:
            unpaired.append(was)
        else:
            pairs.append((was, now))
    by_name = {_key(c): c for c in by_id.values()}
    for was in unpaired:
        pairs.append((was, by_name.pop(_key(was), None)))
    pairs.extend((None, now) for now in by_name.values())
    return sorted(pairs, key=lambda pair: next(_key(c) for c in pair if c is not None))


def _connector_changes(
    kind: Literal["input", "output"], old: list[IOConnector], new: list[IOConnector]
) -> list[InterfaceChange]:
    changes = []
    for was, now in _pairs(old, new):
        if now is None:
            assert was is not None
            changes.append(InterfaceChange(connector=kind, name=_key(was), change="removed", breaking=True))
            continue
        if was is None:
            required = _input_type(now) is InputType.REQUIRED
            changes.append(
                InterfaceChange(
                    connector=kind,
                    name=_key(now),
                    change="added",
                    after=now.data_type.value,
                    breaking=required,
                )
            )
            continue
        name = _key(was)
        if _key(now) != name:
            changes.append(
                InterfaceChange(
                    connector=kind, name=name, change="renamed", before=name, after=_key(now), breaking=True
                )
            )
        if was.data_type != now.data_type:
            changes.append(
                InterfaceChange(
                    connector=kind,
                    name=name,
                    change="retyped",
                    before=was.data_type.value,
                    after=now.data_type.value,
                    breaking=True,
                )
            )
        if _input_type(was) != _input_type(now):
            required = _input_type(now) is InputType.REQUIRED
            changes.append(
                InterfaceChange(
                    connector=kind,
                    name=name,
                    change="now required" if required else "now optional",
                    breaking=required,
                )
            )
        if was.id != now.id:
            changes.append(
                InterfaceChange(
                    connector=kind,
                    name=name,
                    change="new id",
                    before=str(was.id),
                    after=str(now.id),
                    breaking=True,
                )
            )
    return changes


def interface_changes(old: IOInterface, new: IOInterface) -> list[InterfaceChange]:
    """Inputs, then outputs, added, removed, renamed, retyped, made required or optional, or given a new
    id; connectors are paired by id, then by name."""
    return _connector_changes("input", list(old.inputs), list(new.inputs)) + _connector_changes(
        "output", list(old.outputs), list(new.outputs)
    )


def operator_breaks(workflow: TransformationRevision, revision_id: UUID, new: IOInterface) -> list[str]:
    """Why the operators of ``workflow`` that run ``revision_id`` no longer fit the interface ``new``."""
    inputs = {c.id: c for c in new.inputs}
    outputs = {c.id: c for c in new.outputs}
    reasons = []
    for operator in workflow.workflow().operators:
        if operator.transformation_id != revision_id:
            continue
        connectors: list[tuple[str, IOConnector, dict[UUID, Any]]] = [
            ("input", c, inputs) for c in operator.inputs
        ] + [("output", c, outputs) for c in operator.outputs]
        for kind, connector, available in connectors:
            now = available.get(connector.id)
            if now is None:
                reasons.append(f"operator {operator.name!r}: {kind} {_key(connector)!r} no longer exists")
            elif now.data_type != connector.data_type:
                reasons.append(
                    f"operator {operator.name!r}: {kind} {_key(connector)!r} is now "
                    f"{now.data_type.value} (was {connector.data_type.value})"
                )
        fed = {c.id for c in operator.inputs}
        for connector in new.inputs:
            if connector.type is InputType.REQUIRED and connector.id not in fed:
                reasons.append(
                    f"operator {operator.name!r}: new required input {_key(connector)!r} is not fed"
                )
    return reasons


def mentions_code(document: Any, code_hash_: str) -> bool:
    """Whether a manifest (any JSON value) names a code hash, as itself or as a module ``...c_<hash>``."""
    if isinstance(document, str):
        return document == code_hash_ or document.endswith(_MODULE_PREFIX + code_hash_)
    if isinstance(document, dict):
        return any(mentions_code(value, code_hash_) for value in document.values())
    if isinstance(document, list | tuple):
        return any(mentions_code(value, code_hash_) for value in document)
    return False
