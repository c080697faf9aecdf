"""Which revisions a workflow runs as operators, directly and transitively.

One row per operator is stored (the direct uses), rewritten on every save of a workflow; closures in
either direction are computed by recursive queries, so they are never stale. Orders are deterministic:
every revision comes after the revisions it uses, ties broken by id.
"""

from __future__ import annotations

from collections.abc import Iterable
from graphlib import CycleError, TopologicalSorter
from uuid import UUID

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sealflow.errors import Conflict, StorageError
from sealflow.model.transformation import TransformationRevision
from sealflow.model.workflow import WorkflowContent
from sealflow.store.mapping import nesting_rows
from sealflow.store.tables import NestingRow, TransformationRow


def check_operators(session: Session, tr: TransformationRevision) -> None:
    """Raise ``Conflict`` unless every operator of a workflow runs a stored revision other than itself."""
    if not isinstance(tr.content, WorkflowContent) or not tr.content.operators:
        return
    operators = tr.content.operators
    wanted = {op.transformation_id for op in operators}
    stored = set(session.scalars(select(TransformationRow.id).where(TransformationRow.id.in_(wanted))))
    missing = [op for op in operators if op.transformation_id not in stored and op.transformation_id != tr.id]
    if missing:
        listed = ", ".join(f"operator {op.name!r} runs {op.transformation_id}" for op in missing)
        raise Conflict(
            f"cannot store {tr.label}: it uses revisions that are not stored ({listed}); "
            "store those revisions first",
            transformation_id=str(tr.id),
        )
    users = closure(session, tr.id, uses=False) | {tr.id}
    cyclic = [op for op in operators if op.transformation_id in users]
    if cyclic:
        listed = ", ".join(f"{op.name!r}" for op in cyclic)
        raise Conflict(
            f"cannot store {tr.label}: operator(s) {listed} would make it run itself; remove them",
            transformation_id=str(tr.id),
        )


def rewrite(session: Session, tr: TransformationRevision) -> None:
    """Replace the stored operator uses of ``tr`` by its current operators (none for a component)."""
    session.execute(delete(NestingRow).where(NestingRow.workflow_id == tr.id))
    session.add_all(nesting_rows(tr))
    session.flush()


def remove(session: Session, workflow_id: UUID) -> None:
    """Forget the operator uses of a workflow that is being deleted."""
    session.execute(delete(NestingRow).where(NestingRow.workflow_id == workflow_id))


def closure(session: Session, start: UUID, *, uses: bool, transitive: bool = True) -> set[UUID]:
    """Ids of the revisions ``start`` uses (``uses``) or of the workflows that use it, deduplicated."""
    here, there = (
        (NestingRow.workflow_id, NestingRow.nested_transformation_id)
        if uses
        else (NestingRow.nested_transformation_id, NestingRow.workflow_id)
    )
    first = select(there.label("id")).where(here == start)
    if not transitive:
        return set(session.scalars(first.distinct()))
    reach = first.cte("reach", recursive=True)
    reach = reach.union(select(there).where(here == reach.c.id))
    return set(session.scalars(select(reach.c.id)))


def edges(session: Session, ids: set[UUID]) -> list[tuple[UUID, UUID]]:
    """The (workflow, used revision) pairs among ``ids``."""
    if not ids:
        return []
    rows = session.execute(
        select(NestingRow.workflow_id, NestingRow.nested_transformation_id)
        .where(NestingRow.workflow_id.in_(ids), NestingRow.nested_transformation_id.in_(ids))
        .distinct()
    )
    return [(user, used) for user, used in rows]


def in_dependency_order(ids: Iterable[UUID], uses: Iterable[tuple[UUID, UUID]]) -> list[UUID]:
    """``ids`` ordered so that each comes after the ids it uses; ties broken by id."""
    members = set(ids)
    sorter: TopologicalSorter[UUID] = TopologicalSorter({member: set() for member in members})
    for user, used in uses:
        if user in members and used in members:
            sorter.add(user, used)
    try:
        sorter.prepare()
    except CycleError as exc:
        raise StorageError(f"stored workflows use each other in a cycle: {exc.args[1]}") from exc
    order: list[UUID] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        order.extend(ready)
        sorter.done(*ready)
    return order
