"""Create or update one revision as a client sends it, by the lifecycle rules.

A new id is stored with the state and timestamps as sent, so imports keep their release dates. For an
id that is stored already, the sent revision is compared with the stored one:

* a change of type is refused; changes to only ``test_wiring`` and ``documentation`` pass in every
  state; any other change to a RELEASED or DISABLED revision needs ``allow_overwrite_released``;
* DRAFT→RELEASED releases what the request carries: if its content differs from the stored draft, the
  draft is updated to it first; ``released_timestamp`` is the server's time. The code text is stored
  exactly as sent, so releasing never changes a code hash;
* →DISABLED deprecates: only the state and ``disabled_timestamp`` (server time) change.

``update_component_code`` regenerates the generated section of a component's code from its IO
interface only while the revision is and stays a DRAFT, never on a state change or for frozen revisions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sealflow.code import codegen
from sealflow.model import lifecycle
from sealflow.model.datatypes import State
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import check_operators


@dataclass(frozen=True)
class PutOutcome:
    """The stored revision and what happened to it."""

    transformation: TransformationRevision
    action: str
    """One of ``created``, ``updated``, ``released``, ``disabled``, ``unchanged``."""


def put_transformation(
    instance: Instance,
    tr: TransformationRevision,
    *,
    allow_overwrite_released: bool = False,
    update_component_code: bool = True,
    strip_wiring: bool = False,
) -> PutOutcome:
    """Store ``tr`` as a new revision or as the new form of the stored one with its id, in one transaction.

    Raises ``LifecycleViolation`` for a change the stored state forbids and ``InvalidTransformation``
    for a workflow whose operators do not run stored, released revisions of their type.
    """
    if strip_wiring:
        tr = tr.model_copy(update={"test_wiring": WorkflowWiring()})
    with instance.database.transaction():
        stored = instance.transformations.find_for_update(tr.id)
        if stored is None:
            new = regenerated(tr) if update_component_code else tr
            check_operators(new, {}, instance)
            instance.transformations.insert(new)
            return PutOutcome(new, "created")
        new, action = planned_update(
            stored,
            tr,
            at=datetime.now(UTC),
            allow_overwrite_released=allow_overwrite_released,
            update_component_code=update_component_code,
        )
        if new == stored:
            return PutOutcome(stored, "unchanged")
        check_operators(new, {}, instance)
        instance.transformations.update(new)
        return PutOutcome(new, action)


def planned_update(
    stored: TransformationRevision,
    sent: TransformationRevision,
    *,
    at: datetime,
    allow_overwrite_released: bool = False,
    update_component_code: bool = True,
) -> tuple[TransformationRevision, str]:
    """What replaces ``stored`` when ``sent`` arrives at time ``at``, and the name of the change.

    Raises ``LifecycleViolation`` if the stored state forbids the change.
    """
    if stored.state is State.DRAFT and sent.state is State.RELEASED:
        draft = sent.model_copy(
            update={"state": State.DRAFT, "released_timestamp": None, "disabled_timestamp": None}
        )
        lifecycle.check_update(stored, draft)
        return lifecycle.release(draft, at), "released"
    if stored.state is not State.DISABLED and sent.state is State.DISABLED:
        unchanged_state = sent.model_copy(
            update={
                "state": stored.state,
                "released_timestamp": stored.released_timestamp,
                "disabled_timestamp": stored.disabled_timestamp,
            }
        )
        lifecycle.check_update(stored, unchanged_state, allow_overwrite_released=allow_overwrite_released)
        return lifecycle.disable(unchanged_state, at), "disabled"
    lifecycle.check_update(stored, sent, allow_overwrite_released=allow_overwrite_released)
    if update_component_code and stored.state is State.DRAFT:
        sent = regenerated(sent)
    return sent, "updated"


def regenerated(tr: TransformationRevision) -> TransformationRevision:
    """A DRAFT component with the generated section of its code rewritten; anything else as it is."""
    if tr.is_workflow or tr.state is not State.DRAFT:
        return tr
    code = codegen.update_code(tr.code(), tr)
    return tr if code == tr.code() else tr.model_copy(update={"content": code})
