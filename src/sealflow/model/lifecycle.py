"""Lifecycle rules of transformation revisions: what may change in which state.

DRAFT revisions are edited freely. Releasing freezes content, IO interface and code; disabling marks a
released revision as deprecated. Neither transition ever touches the code text: its SHA-256 is what
pickled objects and execution records refer to.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sealflow.errors import LifecycleViolation
from sealflow.model.datatypes import State
from sealflow.model.transformation import TransformationRevision

#: Fields that may change in every state: they do not affect what a run computes.
ALWAYS_EDITABLE = frozenset({"test_wiring", "documentation"})


def release(tr: TransformationRevision, at: datetime) -> TransformationRevision:
    """The released form of a draft; content and code stay exactly as they are."""
    if tr.state is not State.DRAFT:
        raise LifecycleViolation(f"{tr.label} is {tr.state}; only a DRAFT can be released")
    problems = release_blockers(tr)
    if problems:
        raise LifecycleViolation(f"{tr.label} cannot be released: " + "; ".join(problems))
    return tr.model_copy(update={"state": State.RELEASED, "released_timestamp": at})


def release_blockers(tr: TransformationRevision) -> list[str]:
    """Why a draft may not be released yet (empty when it may)."""
    problems = []
    unnamed = tr.io_interface.unnamed()
    if unnamed:
        problems.append(f"{len(unnamed)} input(s) or output(s) have no name; name them")
    if tr.is_workflow:
        if not tr.workflow().operators:
            problems.append("the workflow has no operators; add at least one")
    elif not tr.io_interface.inputs and not tr.io_interface.outputs:
        problems.append("the component has neither inputs nor outputs; declare at least one")
    return problems


def disable(tr: TransformationRevision, at: datetime) -> TransformationRevision:
    """The deprecated form of a revision; content and code stay exactly as they are."""
    if tr.state is State.DISABLED:
        raise LifecycleViolation(f"{tr.label} is already DISABLED")
    return tr.model_copy(
        update={
            "state": State.DISABLED,
            "disabled_timestamp": at,
            "released_timestamp": tr.released_timestamp or at,
        }
    )


def changed_fields(old: TransformationRevision, new: TransformationRevision) -> set[str]:
    """The names of the top-level fields in which two revisions differ."""
    return {name for name in type(old).model_fields if getattr(old, name) != getattr(new, name)}


def check_update(
    old: TransformationRevision, new: TransformationRevision, *, allow_overwrite_released: bool = False
) -> None:
    """Raise ``LifecycleViolation`` unless ``new`` may replace the stored ``old``."""
    if old.id != new.id:
        raise LifecycleViolation(f"cannot replace {old.label} by a revision with another id ({new.id})")
    if old.type is not new.type:
        raise LifecycleViolation(
            f"{old.label} is a {old.type}; a revision never changes its type — create a new one instead"
        )
    changes = changed_fields(old, new) - ALWAYS_EDITABLE
    if not changes or old.state is State.DRAFT or allow_overwrite_released:
        return
    if (
        old.state is State.RELEASED
        and new.state is State.DISABLED
        and changes <= {"state", "disabled_timestamp"}
    ):
        return
    raise LifecycleViolation(
        f"{old.label} is {old.state} and frozen; it cannot change ({', '.join(sorted(changes))}). "
        "Create a new revision (a DRAFT in the same revision group) instead, or overwrite explicitly "
        "with allow_overwrite_released"
    )


def new_revision(tr: TransformationRevision, new_id: UUID, version_tag: str) -> TransformationRevision:
    """A DRAFT in the same revision group that starts from ``tr``'s content."""
    if tr.state is State.DRAFT:
        raise LifecycleViolation(f"{tr.label} is a DRAFT already; edit it instead of starting a new revision")
    return tr.model_copy(
        update={
            "id": new_id,
            "version_tag": version_tag,
            "state": State.DRAFT,
            "released_timestamp": None,
            "disabled_timestamp": None,
        },
        deep=True,
    )
