"""What routes get injected: the instance the application opened, and the parsed query filters."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Query, Request

from sealflow.model.datatypes import State, TransformationType
from sealflow.ops.export import WiringFilter
from sealflow.ops.instance import Instance
from sealflow.ops.selection import Filters


async def instance(request: Request) -> Instance:
    """The instance opened by the application's lifespan."""
    opened: Instance = request.app.state.instance
    return opened


async def filters(
    type: Annotated[TransformationType | None, Query(description="Only this type.")] = None,
    state: Annotated[State | None, Query(description="Only this state.")] = None,
    category: Annotated[list[str] | None, Query(description="Only these categories (repeatable).")] = None,
    category_prefix: Annotated[
        str | None, Query(description="Only categories starting with this (case-sensitive).")
    ] = None,
    revision_group_id: Annotated[UUID | None, Query(description="Only this revision group.")] = None,
    id: Annotated[list[UUID] | None, Query(description="Only these ids (repeatable).")] = None,
    name: Annotated[list[str] | None, Query(description="Only these names (repeatable).")] = None,
    include_deprecated: Annotated[bool, Query(description="false leaves out DISABLED revisions.")] = True,
) -> Filters:
    """The revision filters of a query string."""
    return Filters(
        type=type,
        state=state,
        categories=tuple(category) if category is not None else None,
        category_prefix=category_prefix,
        revision_group_id=revision_group_id,
        ids=tuple(id) if id is not None else None,
        names=tuple(name) if name is not None else None,
        include_deprecated=include_deprecated,
    )


async def wiring_filter(
    strip_wirings: Annotated[bool, Query(description="Remove all test wirings.")] = False,
    strip_wirings_with_adapter_id: Annotated[
        list[str] | None, Query(description="Remove test wirings of these adapters (repeatable).")
    ] = None,
    keep_only_wirings_with_adapter_id: Annotated[
        list[str] | None, Query(description="Keep only test wirings of these adapters (repeatable).")
    ] = None,
) -> WiringFilter:
    """Which test wirings to keep, from a query string."""
    return WiringFilter(
        strip_all=strip_wirings,
        strip_adapter_ids=tuple(strip_wirings_with_adapter_id or ()),
        keep_only_adapter_ids=tuple(keep_only_wirings_with_adapter_id or ()),
    )


InstanceDep = Annotated[Instance, Depends(instance)]
FiltersDep = Annotated[Filters, Depends(filters)]
WiringFilterDep = Annotated[WiringFilter, Depends(wiring_filter)]
