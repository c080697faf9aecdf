"""Which revisions a query selects: the filters of the exchange API, dependencies and unused revisions.

Different filters combine with AND, the values of one repeated filter with OR. Dependencies are added
after filtering and are never filtered themselves; each revision appears once, however many operators
run it. "Unused" means not contained, at any depth, in a workflow that is not DISABLED.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sealflow.model.datatypes import State, TransformationType
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.instance import Instance


@dataclass(frozen=True)
class Filters:
    """Filters on stored or imported revisions; ``None`` leaves a filter out, an empty tuple matches none."""

    type: TransformationType | None = None
    state: State | None = None
    categories: tuple[str, ...] | None = None
    category_prefix: str | None = None
    revision_group_id: UUID | None = None
    ids: tuple[UUID, ...] | None = None
    names: tuple[str, ...] | None = None
    include_deprecated: bool = True

    def matches(self, tr: TransformationRevision) -> bool:
        """Whether ``tr`` passes every filter."""
        return (
            (self.type is None or tr.type is self.type)
            and (self.state is None or tr.state is self.state)
            and (self.categories is None or tr.category in self.categories)
            and (self.category_prefix is None or tr.category.startswith(self.category_prefix))
            and (self.revision_group_id is None or tr.revision_group_id == self.revision_group_id)
            and (self.ids is None or tr.id in self.ids)
            and (self.names is None or tr.name in self.names)
            and (self.include_deprecated or tr.state is not State.DISABLED)
        )

    def repository_arguments(self) -> dict[str, Any]:
        """The keyword arguments of ``TransformationRepository.list`` for these filters."""
        return {
            "type": self.type,
            "state": self.state,
            "categories": self.categories,
            "category_prefix": self.category_prefix,
            "revision_group_id": self.revision_group_id,
            "ids": self.ids,
            "names": self.names,
            "include_deprecated": self.include_deprecated,
        }


def select_transformations(
    instance: Instance, filters: Filters, *, include_dependencies: bool = False, unused: bool = False
) -> list[TransformationRevision]:
    """Stored revisions passing ``filters`` (and unused, if asked), then their dependencies, each once."""
    selected = instance.transformations.list(**filters.repository_arguments())
    if unused:
        used = used_ids(instance.transformations.list(type=TransformationType.WORKFLOW))
        selected = [tr for tr in selected if tr.id not in used]
    if include_dependencies:
        selected = with_dependencies(selected, lambda tr: instance.transformations.dependencies(tr.id))
    return selected


def used_ids(workflows: Iterable[TransformationRevision]) -> set[UUID]:
    """Ids of the revisions contained, at any depth, in one of ``workflows`` that is not DISABLED.

    ``workflows`` must hold every stored workflow, so that nested workflows can be followed.
    """
    by_id = {tr.id: tr for tr in workflows if tr.is_workflow}
    pending = [tr for tr in by_id.values() if tr.state is not State.DISABLED]
    used: set[UUID] = set()
    while pending:
        for operator in pending.pop().workflow().operators:
            if operator.transformation_id in used:
                continue
            used.add(operator.transformation_id)
            nested = by_id.get(operator.transformation_id)
            if nested is not None:
                pending.append(nested)
    return used


def with_dependencies(
    selected: Sequence[TransformationRevision],
    dependencies_of: Callable[[TransformationRevision], Iterable[TransformationRevision]],
) -> list[TransformationRevision]:
    """``selected`` followed by the revisions its workflows use at any depth; every revision once."""
    result = list(selected)
    seen = {tr.id for tr in result}
    for tr in selected:
        if not tr.is_workflow:
            continue
        for dependency in dependencies_of(tr):
            if dependency.id not in seen:
                seen.add(dependency.id)
                result.append(dependency)
    return result


def nested_among(
    tr: TransformationRevision, candidates: dict[UUID, TransformationRevision]
) -> list[TransformationRevision]:
    """The revisions among ``candidates`` that workflow ``tr`` uses at any depth, each once."""
    found: dict[UUID, TransformationRevision] = {}
    pending = [tr]
    while pending:
        current = pending.pop()
        if not current.is_workflow:
            continue
        for operator in current.workflow().operators:
            nested = candidates.get(operator.transformation_id)
            if nested is not None and nested.id not in found:
                found[nested.id] = nested
                pending.append(nested)
    return list(found.values())
