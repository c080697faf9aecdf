"""Use cases on transformation revisions: read files, import, list, release, disable, delete."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from sealflow.errors import InvalidInput, InvalidTransformation, LifecycleViolation, TransformationNotFound
from sealflow.model import lifecycle
from sealflow.model.datatypes import State
from sealflow.model.transformation import TransformationRevision, parse_transformation
from sealflow.ops.bundle import MANIFEST_NAME
from sealflow.ops.instance import Instance


def read_json_file(path: Path) -> list[TransformationRevision]:
    """The revisions in a JSON file holding one revision or a list of them."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from exc
    items = data if isinstance(data, list) else [data]
    return [
        parse_transformation(item, f"{path}" + (f" item {index}" if isinstance(data, list) else ""))
        for index, item in enumerate(items)
    ]


def nesting_order(revisions: Sequence[TransformationRevision]) -> list[TransformationRevision]:
    """The revisions ordered so that every workflow comes after the revisions it uses."""
    by_id = {tr.id: tr for tr in revisions}
    ordered: list[TransformationRevision] = []
    placed: set[UUID] = set()

    def place(tr: TransformationRevision, stack: tuple[UUID, ...]) -> None:
        if tr.id in placed:
            return
        if tr.id in stack:
            raise InvalidTransformation(f"{tr.label} uses itself through nested workflows")
        if tr.is_workflow:
            for operator in tr.workflow().operators:
                nested = by_id.get(operator.transformation_id)
                if nested is not None:
                    place(nested, (*stack, tr.id))
        placed.add(tr.id)
        ordered.append(tr)

    for tr in revisions:
        place(tr, ())
    return ordered


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did with one revision."""

    transformation: TransformationRevision
    action: str  # "created", "updated" or "unchanged"


def check_operators(
    tr: TransformationRevision, lookup: dict[UUID, TransformationRevision], instance: Instance
) -> None:
    """Every operator of a workflow must refer to an existing revision of its type that is not a draft."""
    if not tr.is_workflow:
        return
    for operator in tr.workflow().operators:
        nested = lookup.get(operator.transformation_id) or instance.transformations.find(
            operator.transformation_id
        )
        where = f"operator {operator.name!r} of {tr.label}"
        if nested is None:
            raise InvalidTransformation(
                f"{where} uses transformation {operator.transformation_id}, which is neither stored nor imported "
                "with it; import it first"
            )
        if nested.type is not operator.type or nested.state is State.DRAFT:
            raise InvalidTransformation(
                f"{where} must use a released {operator.type}, but {nested.label} is {nested.state}"
            )


def import_transformations(
    instance: Instance,
    revisions: Iterable[TransformationRevision],
    *,
    allow_overwrite_released: bool = False,
    sources: Mapping[UUID, str] | None = None,
) -> list[ImportOutcome]:
    """Store revisions in nesting order, all in one transaction: a bad one stores none.

    The work is done by the one import engine, ``sealflow.ops.exchange.store_revisions``; with
    ``sources`` (where each revision was read from), an error names the source of its revision.
    """
    from sealflow.ops.exchange import UpdateOptions, store_revisions  # a cycle: exchange uses this module

    return store_revisions(
        instance,
        revisions,
        UpdateOptions(allow_overwrite_released=allow_overwrite_released),
        sources=sources,
    )


def import_json_files(instance: Instance, paths: Sequence[Path]) -> list[ImportOutcome]:
    """Import every revision in the given JSON files, all or nothing; a bundle manifest is skipped.

    An error a revision meets while it is stored names the file it came from.
    """
    read = [(tr, path) for path in paths if path.name != MANIFEST_NAME for tr in read_json_file(path)]
    sources = {tr.id: str(path) for tr, path in read}
    return import_transformations(instance, [tr for tr, _ in read], sources=sources)


def get_transformation(instance: Instance, transformation_id: UUID) -> TransformationRevision:
    """The revision with this id; ``TransformationNotFound`` if there is none."""
    return instance.transformations.get(transformation_id)


def list_transformations(instance: Instance, **filters: Any) -> list[TransformationRevision]:
    """The stored revisions matching the filters of ``TransformationRepository.list``."""
    return instance.transformations.list(**filters)


def release_transformation(instance: Instance, transformation_id: UUID) -> TransformationRevision:
    """Release a draft; its code text and content stay byte-identical."""
    with instance.database.transaction():
        tr = instance.transformations.get(transformation_id)
        check_operators(tr, {}, instance)
        released = lifecycle.release(tr, datetime.now(UTC))
        instance.transformations.update(released)
    return released


def disable_transformation(instance: Instance, transformation_id: UUID) -> TransformationRevision:
    """Deprecate a revision; its code text and content stay byte-identical."""
    with instance.database.transaction():
        tr = instance.transformations.get(transformation_id)
        disabled = lifecycle.disable(tr, datetime.now(UTC))
        instance.transformations.update(disabled)
    return disabled


def delete_transformation(instance: Instance, transformation_id: UUID) -> None:
    """Delete a DRAFT that no workflow uses; its code stays in the code store."""
    with instance.database.transaction():
        tr = instance.transformations.get(transformation_id)
        if tr.state is not State.DRAFT:
            raise LifecycleViolation(
                f"cannot delete {tr.label}: it is {tr.state}, and only DRAFT revisions can be deleted, "
                "because runs and workflows may refer to it; disable it instead to deprecate it",
                transformation_id=str(tr.id),
            )
        instance.transformations.delete(transformation_id)


def latest_released(instance: Instance, revision_group_id: UUID) -> TransformationRevision:
    """The RELEASED revision of a group with the newest release time; ``TransformationNotFound`` if none."""
    latest = instance.transformations.latest_released(revision_group_id)
    if latest is None:
        raise TransformationNotFound(
            f"revision group {revision_group_id} has no RELEASED revision; release one, or check the "
            "revision_group_id",
            revision_group_id=str(revision_group_id),
        )
    return latest


def deprecate_older_revisions(instance: Instance, revision_group_id: UUID) -> list[TransformationRevision]:
    """Disable every RELEASED revision of a group but the latest one; returns the disabled revisions."""
    disabled = []
    with instance.database.transaction():
        latest = instance.transformations.latest_released(revision_group_id)
        for tr in instance.transformations.list(revision_group_id=revision_group_id, state=State.RELEASED):
            if latest is not None and tr.id != latest.id:
                older = lifecycle.disable(tr, datetime.now(UTC))
                instance.transformations.update(older)
                disabled.append(older)
    return disabled


def resolve_reference(instance: Instance, reference: str) -> TransformationRevision:
    """A revision by id, or by name (and ``name@tag``) when unique."""
    try:
        return instance.transformations.get(UUID(reference))
    except ValueError:
        pass
    name, _, tag = reference.partition("@")
    matches = [tr for tr in instance.transformations.list(names=[name]) if not tag or tr.version_tag == tag]
    if not matches:
        raise TransformationNotFound(
            f"no transformation with id or name {reference!r}; see 'sealflow transformations list'"
        )
    if len(matches) > 1:
        tags = ", ".join(sorted(tr.version_tag for tr in matches))
        raise InvalidInput(
            f"{len(matches)} revisions are named {name!r} (tags {tags}); add @TAG or use the id"
        )
    return matches[0]
