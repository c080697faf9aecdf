"""Import many revisions at once and report on each: the bulk ``PUT /api/transformations``.

Items are exchange-format objects or component code strings. Each item is parsed on its own, so one
broken item fails alone. Items that no filter selects are IGNORED unless a selected workflow uses them;
the rest are stored in nesting order (what a workflow uses comes first), each by the rules of
``put_transformation``. Without ``abort_on_error`` every item is a transaction of its own; with it the
whole import is one transaction that the first failure rolls back, and nothing is stored.

Reports are keyed by revision id; an item whose id cannot be read is keyed by a short digest of it
(``code:<sha256 prefix>`` or ``object:<sha256 prefix>``), never by the item itself.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from sealflow.code.pyfile import transformation_from_code
from sealflow.errors import Conflict, InvalidInput, NotFound, SealflowError
from sealflow.model import lifecycle
from sealflow.model.datatypes import State
from sealflow.model.transformation import TransformationRevision, parse_transformation
from sealflow.ops.exchange import UpdateOptions, store_revision
from sealflow.ops.export import WiringFilter
from sealflow.ops.instance import Instance
from sealflow.ops.selection import Filters, nested_among
from sealflow.ops.transformations import deprecate_older_revisions, nesting_order

#: Errors that concern one item; anything else (an unreachable database) ends the whole import.
ITEM_ERRORS = (InvalidInput, Conflict, NotFound)

_DIGEST_LENGTH = 16


class ImportStatus(StrEnum):
    """The outcome of one item."""

    SUCCESS = "SUCCESS"
    FAILED = "FAILED"
    IGNORED = "IGNORED"
    NOT_TRIED = "NOT_TRIED"


@dataclass(frozen=True)
class ItemReport:
    """What happened to one item, with the name and tag of its revision when they are known."""

    status: ImportStatus
    msg: str
    name: str | None = None
    version_tag: str | None = None


@dataclass(frozen=True)
class ImportOptions:
    """Which items to import and how."""

    filters: Filters = field(default_factory=Filters)
    include_dependencies: bool = True
    release_drafts: bool = False
    allow_overwrite_released: bool = False
    update_component_code: bool = True
    wirings: WiringFilter = field(default_factory=WiringFilter)
    abort_on_error: bool = False
    deprecate_older_revisions: bool = False


@dataclass
class _Item:
    key: str
    tr: TransformationRevision | None = None
    error: str = ""
    name: str | None = None
    version_tag: str | None = None


class _Aborted(Exception):
    """Ends an import with ``abort_on_error`` at its first failure."""


def import_items(instance: Instance, items: Sequence[Any], options: ImportOptions) -> dict[str, ItemReport]:
    """Import ``items`` and report on each, keyed by revision id (or a digest when that is unknown)."""
    parsed = _mark_duplicates([_parse(item, index) for index, item in enumerate(items)])
    reports: dict[str, ItemReport] = {}
    valid = {item.tr.id: item for item in parsed if item.tr is not None and not item.error}
    for item in parsed:
        if item.error:
            reports[item.key] = _report(item, ImportStatus.FAILED, item.error)
    selected = _selected(valid, options)
    for key, item in valid.items():
        if key not in selected:
            reports[item.key] = _report(item, ImportStatus.IGNORED, "filtered out")
    try:
        ordered = [valid[tr.id] for tr in nesting_order([selected[key] for key in selected])]
    except InvalidInput as exc:
        for key in selected:
            reports[valid[key].key] = _report(valid[key], ImportStatus.FAILED, exc.message)
        return reports
    failed = next((key for key, r in reports.items() if r.status is ImportStatus.FAILED), None)
    if options.abort_on_error and failed is not None:
        for item in ordered:
            reports[item.key] = _report(item, ImportStatus.NOT_TRIED, f"not tried: item {failed} failed")
        return reports
    with _rolled_back_on_abort(instance, options, ordered, reports):
        _store_in_order(instance, ordered, options, reports)
    return reports


def _parse(item: Any, index: int) -> _Item:
    if isinstance(item, str):
        key = "code:" + hashlib.sha256(item.encode("utf-8", "surrogatepass")).hexdigest()[:_DIGEST_LENGTH]
        try:
            tr = transformation_from_code(item, f"code string {key} (item {index})")
        except SealflowError as exc:
            return _Item(key, error=exc.message)
        return _Item(str(tr.id), tr, name=tr.name, version_tag=tr.version_tag)
    if not isinstance(item, dict):
        return _Item(f"item:{index}", error=f"item {index} is neither a transformation object nor code")
    key = _object_key(item)
    name, tag = item.get("name"), item.get("version_tag")
    try:
        tr = parse_transformation(item, f"item {index}")
    except SealflowError as exc:
        return _Item(
            key,
            error=exc.message,
            name=name if isinstance(name, str) else None,
            version_tag=tag if isinstance(tag, str) else None,
        )
    return _Item(str(tr.id), tr, name=tr.name, version_tag=tr.version_tag)


def _object_key(item: dict[str, Any]) -> str:
    try:
        return str(UUID(str(item.get("id"))))
    except ValueError:
        text = json.dumps(item, sort_keys=True, default=str)
        return "object:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:_DIGEST_LENGTH]


def _mark_duplicates(items: list[_Item]) -> list[_Item]:
    counts = Counter(item.key for item in items)
    unique: dict[str, _Item] = {}
    for item in items:
        if counts[item.key] > 1:
            item.error = (
                f"{item.key} is given {counts[item.key]} times in the request; send each revision once"
            )
            item.tr = None
        unique.setdefault(item.key, item)
    return list(unique.values())


def _selected(valid: dict[UUID, _Item], options: ImportOptions) -> dict[UUID, TransformationRevision]:
    revisions = {key: item.tr for key, item in valid.items() if item.tr is not None}
    selected = {key: tr for key, tr in revisions.items() if options.filters.matches(tr)}
    if options.include_dependencies:
        for tr in list(selected.values()):
            selected.update({nested.id: nested for nested in nested_among(tr, revisions)})
    return {key: selected[key] for key in revisions if key in selected}


@contextmanager
def _rolled_back_on_abort(
    instance: Instance, options: ImportOptions, ordered: list[_Item], reports: dict[str, ItemReport]
) -> Iterator[None]:
    try:
        with instance.database.transaction() if options.abort_on_error else nullcontext():
            yield
    except _Aborted as stop:
        failed = str(stop)
        for item in ordered:
            report = reports.get(item.key)
            if report is None:
                reports[item.key] = _report(item, ImportStatus.NOT_TRIED, f"not tried: item {failed} failed")
            elif report.status is ImportStatus.SUCCESS:
                reports[item.key] = _report(
                    item, ImportStatus.NOT_TRIED, f"rolled back: item {failed} failed, so nothing was stored"
                )


def _store_in_order(
    instance: Instance, ordered: list[_Item], options: ImportOptions, reports: dict[str, ItemReport]
) -> None:
    groups: set[UUID] = set()
    for item in ordered:
        assert item.tr is not None
        try:
            action = _store(instance, item.tr, options)
        except ITEM_ERRORS as exc:
            reports[item.key] = _report(item, ImportStatus.FAILED, exc.message)
            if options.abort_on_error:
                raise _Aborted(item.key) from exc
            continue
        reports[item.key] = _report(item, ImportStatus.SUCCESS, action)
        groups.add(item.tr.revision_group_id)
    if options.deprecate_older_revisions:
        for group in sorted(groups):
            deprecate_older_revisions(instance, group)


def _store(instance: Instance, tr: TransformationRevision, options: ImportOptions) -> str:
    tr = options.wirings.apply(tr)
    if options.release_drafts and tr.state is State.DRAFT:
        stored = instance.transformations.find(tr.id)
        if stored is not None and stored.state is not State.DRAFT:
            tr = tr.model_copy(
                update={
                    "state": stored.state,
                    "released_timestamp": stored.released_timestamp,
                    "disabled_timestamp": stored.disabled_timestamp,
                }
            )
        else:
            tr = lifecycle.release(tr, datetime.now(UTC))
    update = UpdateOptions(
        allow_overwrite_released=options.allow_overwrite_released,
        update_component_code=options.update_component_code,
    )
    return store_revision(instance, tr, update).action


def _report(item: _Item, status: ImportStatus, msg: str) -> ItemReport:
    return ItemReport(status, msg, item.name, item.version_tag)
