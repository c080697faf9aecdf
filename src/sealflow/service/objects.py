"""``/api/objects``: every persisted object and whether it loads in this environment."""

from __future__ import annotations

from fastapi import APIRouter

from sealflow.ops import objects as ops
from sealflow.ops.objects import ObjectReport
from sealflow.service.dependencies import InstanceDep

router = APIRouter(prefix="/api/objects", tags=["objects"])


@router.get("", summary="List persisted objects with their status here")
def list_objects(instance: InstanceDep) -> list[ObjectReport]:
    """Every stored object (name, tag, size, written at, by which execution, sealed or not) and its status
    here: ``ok``, ``mismatch``, ``unsigned`` or ``tampered``, with the problems found. Nothing is loaded."""
    return ops.list_objects(instance)
