"""``/api/transformations``: list, read, create or update, import in bulk, delete.

Routes are plain functions (FastAPI runs them in a worker thread, so database work never blocks the
event loop); each parses its input, calls one use case in ``sealflow.ops`` and renders the result.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Body, Query, Response
from fastapi.responses import JSONResponse

from sealflow.errors import InvalidInput
from sealflow.model.transformation import TransformationRevision
from sealflow.ops import bulk_import, bundle, export, guarded, selection
from sealflow.ops import transformations as ops
from sealflow.service.audit import ActorDep
from sealflow.service.dependencies import FiltersDep, InstanceDep, WiringFilterDep
from sealflow.service.schemas import ErrorBody, ImportReport

router = APIRouter(prefix="/api/transformations", tags=["transformations"])

_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "No such revision"}}
_INVALID: dict[int | str, dict[str, Any]] = {422: {"model": ErrorBody, "description": "Invalid request"}}
_CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorBody, "description": "The stored state forbids the change, or it breaks workflows"}
}
_DRY_RUN = 'Only plan: answer `{"dry_run": true, "plan": {...}}` and change nothing.'
_FORCE = "Apply an overwrite that changes a released revision's interface and breaks workflows."


@router.get(
    "",
    summary="List revisions",
    responses={
        200: {
            "description": "Revisions as exchange-format objects (no nulls), then component code strings",
            "content": {"application/json": {"schema": {"type": "array", "items": {}}}},
        },
        **_INVALID,
    },
)
def list_transformations(
    instance: InstanceDep,
    filters: FiltersDep,
    wirings: WiringFilterDep,
    include_dependencies: Annotated[
        bool, Query(description="Add every revision the selected workflows use, at any depth, once.")
    ] = False,
    unused: Annotated[
        bool, Query(description="Only revisions that no workflow uses, unless that workflow is DISABLED.")
    ] = False,
    components_as_code: Annotated[
        bool, Query(description="Return components as code strings after the objects.")
    ] = False,
    expand_component_code: Annotated[
        bool, Query(description="Add the documentation docstring and test wiring to component code.")
    ] = False,
    update_component_code: Annotated[
        bool, Query(description="Regenerate the generated section of component code (export only).")
    ] = False,
) -> JSONResponse:
    """Stored revisions passing all filters; the code options change only this response, never the store."""
    revisions = selection.select_transformations(
        instance, filters, include_dependencies=include_dependencies, unused=unused
    )
    options = export.ExportOptions(
        components_as_code=components_as_code,
        expand_component_code=expand_component_code,
        update_component_code=update_component_code,
        wirings=wirings,
    )
    return JSONResponse(export.export_transformations(revisions, options))


@router.put(
    "",
    summary="Import revisions in bulk",
    status_code=207,
    response_model=dict[str, ImportReport],
    response_model_exclude_none=True,
    responses={**_CONFLICT, **_INVALID},
)
def import_transformations(
    instance: InstanceDep,
    actor: ActorDep,
    filters: FiltersDep,
    wirings: WiringFilterDep,
    items: Annotated[
        list[dict[str, Any] | str],
        Body(description="Exchange-format revision objects and/or component code strings."),
    ],
    include_dependencies: Annotated[
        bool, Query(description="Also import the items that selected workflows use.")
    ] = True,
    release_drafts: Annotated[bool, Query(description="Release DRAFT items (server time).")] = False,
    allow_overwrite_released: Annotated[
        bool, Query(description="Allow changing RELEASED and DISABLED revisions.")
    ] = False,
    update_component_code: Annotated[
        bool, Query(description="Regenerate the generated section of DRAFT component code.")
    ] = True,
    abort_on_error: Annotated[
        bool, Query(description="All or nothing: the first failure rolls the whole import back.")
    ] = False,
    deprecate_older_revisions: Annotated[
        bool, Query(description="Per imported group, disable all RELEASED revisions but the newest.")
    ] = False,
    dry_run: Annotated[bool, Query(description=_DRY_RUN)] = False,
    force: Annotated[bool, Query(description=_FORCE)] = False,
) -> Any:
    """Store items in nesting order; the answer reports on each, keyed by revision id."""
    options = bulk_import.ImportOptions(
        filters=filters,
        include_dependencies=include_dependencies,
        release_drafts=release_drafts,
        allow_overwrite_released=allow_overwrite_released,
        update_component_code=update_component_code,
        wirings=wirings,
        abort_on_error=abort_on_error,
        deprecate_older_revisions=deprecate_older_revisions,
    )
    if dry_run:
        return JSONResponse({"dry_run": True, "plan": guarded.plan_bulk(instance, items, options).to_json()})
    reports = guarded.bulk_planned(instance, items, options, actor=actor, force=force).result
    return {
        key: ImportReport(status=r.status, msg=r.msg, name=r.name, version_tag=r.version_tag)
        for key, r in reports.items()
    }


@router.get(
    "/manifest",
    summary="The bundle manifest of a JSON export",
    responses={
        200: {"description": "The exporting environment's fingerprint and every revision's code hash"}
    },
)
def export_manifest(
    instance: InstanceDep,
    filters: FiltersDep,
    include_dependencies: Annotated[
        bool, Query(description="Add every revision the selected workflows use, at any depth, once.")
    ] = False,
    components_as_code: Annotated[bool, Query(description="As for the export: components as code.")] = False,
    expand_component_code: Annotated[bool, Query(description="As for the export.")] = False,
    update_component_code: Annotated[bool, Query(description="As for the export.")] = False,
) -> JSONResponse:
    """The manifest of ``GET /api/transformations`` with the same query: keep it with the export."""
    revisions = selection.select_transformations(instance, filters, include_dependencies=include_dependencies)
    options = export.ExportOptions(
        components_as_code=components_as_code,
        expand_component_code=expand_component_code,
        update_component_code=update_component_code,
    )
    return JSONResponse(bundle.json_export_manifest(revisions, options))


@router.get(
    "/{id}",
    summary="Read one revision",
    responses={200: {"model": TransformationRevision}, **_NOT_FOUND, **_INVALID},
)
def get_transformation(id: UUID, instance: InstanceDep) -> JSONResponse:
    """The revision with this id, as an exchange-format object without nulls."""
    return JSONResponse(ops.get_transformation(instance, id).to_json_dict())


@router.put(
    "/{id}",
    summary="Create or update one revision",
    status_code=201,
    responses={201: {"model": TransformationRevision}, **_CONFLICT, **_INVALID},
)
def put_transformation(
    id: UUID,
    tr: Annotated[TransformationRevision, Body(description="The revision, with the id of the path.")],
    instance: InstanceDep,
    actor: ActorDep,
    allow_overwrite_released: Annotated[
        bool, Query(description="Allow changing a RELEASED or DISABLED revision.")
    ] = False,
    update_component_code: Annotated[
        bool, Query(description="Regenerate the generated section of a DRAFT component's code.")
    ] = True,
    strip_wiring: Annotated[bool, Query(description="Store the revision without its test wiring.")] = False,
    dry_run: Annotated[bool, Query(description=_DRY_RUN)] = False,
    force: Annotated[bool, Query(description=_FORCE)] = False,
) -> JSONResponse:
    """Store the revision by the lifecycle rules and answer with what is stored now (always 201).

    An overwrite of a RELEASED or DISABLED revision is planned first, refused (409) if it breaks an
    interface and ``force`` is not set, and otherwise applied after a snapshot and with an audit entry.
    """
    if "id" not in tr.model_fields_set:
        raise InvalidInput(f'the body has no id; add "id": "{id}" to it')
    if tr.id != id:
        raise InvalidInput(
            f"the id in the body ({tr.id}) differs from the id in the path ({id}); "
            "send the revision to the path of its own id"
        )
    request = guarded.PutRequest(
        tr,
        allow_overwrite_released=allow_overwrite_released,
        update_component_code=update_component_code,
        strip_wiring=strip_wiring,
    )
    if dry_run:
        return JSONResponse({"dry_run": True, "plan": guarded.plan_put(instance, request).to_json()})
    outcome = guarded.put_planned(instance, request, actor=actor, force=force).result
    return JSONResponse(outcome.transformation.to_json_dict(), status_code=201)


@router.delete(
    "/{id}",
    summary="Delete a draft",
    status_code=204,
    response_class=Response,
    responses={**_NOT_FOUND, **_CONFLICT, **_INVALID},
)
def delete_transformation(id: UUID, instance: InstanceDep) -> Response:
    """Delete a DRAFT that no workflow uses."""
    ops.delete_transformation(instance, id)
    return Response(status_code=204)
