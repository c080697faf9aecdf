"""The one import engine: store revisions in nesting order, by the upsert rules, in one transaction.

Every import goes through ``store_revisions`` (folders and files, ``import-json``, the base library) or,
item by item, through ``store_revision`` (the bulk ``PUT /api/transformations``), so the same rules
decide everywhere what is created, updated, released, disabled or left unchanged.

Release and disable times belong to the instance: a revision imported in the state it is stored in
keeps the stored ``released_timestamp`` and ``disabled_timestamp``. So a ``.py`` file without them,
which reads as released "now", is unchanged on every later import instead of an overwrite.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from uuid import UUID

from sealflow.errors import Conflict, InvalidInput, NotFound
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.export import WiringFilter
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import ImportOutcome, deprecate_older_revisions, nesting_order
from sealflow.ops.upsert import put_transformation

#: Errors that concern the revisions imported, so they are reported with the file that holds them.
_REVISION_ERRORS = (InvalidInput, Conflict, NotFound)

#: Called after each stored revision with its outcome, the number stored so far and the total.
Progress = Callable[[ImportOutcome, int, int], None]


@dataclass(frozen=True)
class UpdateOptions:
    """How imported revisions are stored."""

    allow_overwrite_released: bool = False
    update_component_code: bool = False
    wirings: WiringFilter = field(default_factory=WiringFilter)
    deprecate_older_revisions: bool = False


def store_revision(instance: Instance, tr: TransformationRevision, options: UpdateOptions) -> ImportOutcome:
    """Store one revision by the upsert rules, keeping the stored release times of an unchanged state."""
    tr = options.wirings.apply(tr)
    stored = instance.transformations.find_for_update(tr.id)
    if stored is not None and stored.state is tr.state:
        tr = tr.model_copy(
            update={
                "released_timestamp": stored.released_timestamp,
                "disabled_timestamp": stored.disabled_timestamp,
            }
        )
    outcome = put_transformation(
        instance,
        tr,
        allow_overwrite_released=options.allow_overwrite_released,
        update_component_code=options.update_component_code,
    )
    return ImportOutcome(outcome.transformation, outcome.action)


def store_revisions(
    instance: Instance,
    revisions: Iterable[TransformationRevision],
    options: UpdateOptions,
    progress: Progress | None = None,
    sources: Mapping[UUID, str] | None = None,
) -> list[ImportOutcome]:
    """Store revisions in nesting order, all in one transaction: the first bad one stores none.

    With ``sources`` (where each revision was read from), an error names the source of its revision.
    """
    revisions = list(revisions)
    try:
        ordered = nesting_order(revisions)
    except _REVISION_ERRORS as exc:
        cycle = next((s for i, s in (sources or {}).items() if str(i) in exc.message), None)
        raise _located(exc, cycle) from exc
    outcomes = []
    with instance.database.transaction():
        for tr in ordered:
            try:
                outcome = store_revision(instance, tr, options)
            except _REVISION_ERRORS as exc:
                raise _located(exc, (sources or {}).get(tr.id)) from exc
            outcomes.append(outcome)
            if progress is not None:
                progress(outcome, len(outcomes), len(ordered))
        if options.deprecate_older_revisions:
            for group in sorted({tr.revision_group_id for tr in ordered}):
                deprecate_older_revisions(instance, group)
    return outcomes


def _located(exc: InvalidInput | Conflict | NotFound, source: str | None) -> Exception:
    """The same error, its message led by the source of the revision when it is known."""
    message = exc.message if source is None else f"{source}: {exc.message}"
    return type(exc)(message, **exc.context)
