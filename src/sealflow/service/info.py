"""``/api/info`` and ``/api/adapters``: what the server is and which adapters it offers.

Both answer on the event loop without touching the database (the fingerprint is read at startup), so
they stay responsive while every worker thread is busy with runs: ``/api/info`` serves as health check.
"""

from __future__ import annotations

from fastapi import APIRouter

from sealflow import __version__
from sealflow.ops.info import adapter_descriptions, environment_fingerprint, environment_summary
from sealflow.service.dependencies import InstanceDep
from sealflow.service.schemas import AdapterInfo, EnvironmentInfo, InfoResponse

router = APIRouter(prefix="/api", tags=["info"])


@router.get("/info", summary="Is the server there, and which versions does it run")
async def info(instance: InstanceDep) -> InfoResponse:
    """``Here I am``, the Sealflow version, a short summary of the environment and its full fingerprint."""
    summary = environment_summary(instance)
    return InfoResponse(
        version=__version__,
        environment=EnvironmentInfo(
            python_version=summary.python_version,
            python_implementation=summary.python_implementation,
            platform=summary.platform,
            sealflow_version=summary.sealflow_version,
            database_backend=summary.database_backend,
        ),
        fingerprint=environment_fingerprint(),
    )


@router.get("/adapters", summary="The adapters this instance offers")
async def adapters(instance: InstanceDep) -> list[AdapterInfo]:
    """Every registered adapter; in-process adapters have empty URLs."""
    return [
        AdapterInfo(id=a.id, name=a.name, url=a.url, internal_url=a.internal_url)
        for a in adapter_descriptions(instance)
    ]
