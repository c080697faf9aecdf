"""``AsyncClient``: the REST API of a Sealflow instance from Python, with asyncio."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import Any
from uuid import UUID

import httpx

from sealflow.client import calls
from sealflow.client.call import Call, T, connection_error
from sealflow.client.connection import client_options
from sealflow.client.results import ExecutionOutcome
from sealflow.model import lifecycle
from sealflow.model.audit import AuditEntry
from sealflow.model.execution import ExecutionRecord, ExecutionStatus
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.objects import ObjectReport
from sealflow.ops.replay import ReplayReport
from sealflow.service.schemas import AdapterInfo, ImportReport, InfoResponse


class AsyncClient:
    """A connection to one service, e.g. ``AsyncClient("http://localhost:8080", token=...)``.

    Errors raise the classes of ``sealflow.errors`` the server's answer names (``NotFound``,
    ``Conflict``, ``InvalidInput`` ...) with its message; an unreachable service raises ``RemoteError``.
    """

    def __init__(
        self,
        url: str,
        token: str | None = None,
        timeout: float = 60.0,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """``transport``: an httpx transport of your own, e.g. ``httpx.AsyncHTTPTransport(retries=3)``."""
        self.url = url
        self.timeout = timeout
        self._http = httpx.AsyncClient(**client_options(url, token, timeout), transport=transport)

    async def aclose(self) -> None:
        """Close the connections."""
        await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def send(self, call: Call[T]) -> T:
        """Send one call and read its answer."""
        try:
            response = await self._http.request(call.method, call.path, **call.request_arguments())
        except httpx.HTTPError as exc:
            url = str(self._http.base_url.join(call.path))
            raise connection_error(call.method, url, exc, self.timeout) from exc
        return call.result(response)

    async def info(self) -> InfoResponse:
        """What the server is: its version and environment."""
        return await self.send(calls.info())

    async def adapters(self) -> list[AdapterInfo]:
        """The adapters the instance offers."""
        return await self.send(calls.adapters())

    async def list_transformations(self, **filters: Any) -> list[TransformationRevision]:
        """Stored revisions; filters as in ``calls.list_transformations`` (type, state, names ...)."""
        return await self.send(calls.list_transformations(**filters))

    async def get_transformation(self, id: UUID | str) -> TransformationRevision:
        """One revision by id."""
        return await self.send(calls.get_transformation(id))

    async def put_transformation(
        self, tr: TransformationRevision | Mapping[str, Any], **options: bool
    ) -> TransformationRevision:
        """Create or update a revision; options: allow_overwrite_released, update_component_code ..."""
        return await self.send(calls.put_transformation(tr, **options))

    async def import_transformations(
        self, items: Sequence[TransformationRevision | Mapping[str, Any] | str], **options: bool
    ) -> dict[str, ImportReport]:
        """Import revisions and ``.py`` code strings in bulk; one report per item."""
        return await self.send(calls.import_transformations(items, **options))

    async def plan_put(
        self, tr: TransformationRevision | Mapping[str, Any], **options: bool
    ) -> dict[str, Any]:
        """What ``put_transformation`` would change (the server's plan); nothing changes."""
        return await self.send(calls.plan_put(tr, **options))

    async def plan_import(
        self, items: Sequence[TransformationRevision | Mapping[str, Any] | str], **options: bool
    ) -> dict[str, Any]:
        """What ``import_transformations`` would change (the server's plan); nothing changes."""
        return await self.send(calls.plan_import(items, **options))

    async def release(self, id: UUID | str) -> TransformationRevision:
        """Release a draft (the server sets the time); its code stays byte for byte."""
        tr = await self.get_transformation(id)
        return await self.put_transformation(lifecycle.release(tr, datetime.now(UTC)))

    async def disable(self, id: UUID | str) -> TransformationRevision:
        """Deprecate a revision; its code stays byte for byte."""
        tr = await self.get_transformation(id)
        return await self.put_transformation(lifecycle.disable(tr, datetime.now(UTC)))

    async def delete_transformation(self, id: UUID | str) -> None:
        """Delete a draft that no workflow uses."""
        await self.send(calls.delete_transformation(id))

    async def execute(
        self,
        id: UUID | str,
        inputs: Mapping[str, Any] | None = None,
        *,
        wiring: WorkflowWiring | None = None,
        run_pure_plot_operators: bool = True,
        job_id: UUID | str | None = None,
        check: bool = True,
    ) -> ExecutionOutcome:
        """Run a revision on plain Python values (or a wiring; neither: its test wiring).

        A failed run raises ``ExecutionFailed`` unless ``check=False``.
        """
        return await self.send(
            calls.execute(
                id,
                inputs,
                wiring=wiring,
                run_pure_plot_operators=run_pure_plot_operators,
                job_id=job_id,
                check=check,
            )
        )

    async def execute_latest(
        self,
        revision_group_id: UUID | str,
        inputs: Mapping[str, Any] | None = None,
        *,
        wiring: WorkflowWiring | None = None,
        run_pure_plot_operators: bool = True,
        job_id: UUID | str | None = None,
        check: bool = True,
    ) -> ExecutionOutcome:
        """Run the newest RELEASED revision of a group on plain Python values (or a wiring)."""
        return await self.send(
            calls.execute_latest(
                revision_group_id,
                inputs,
                wiring=wiring,
                run_pure_plot_operators=run_pure_plot_operators,
                job_id=job_id,
                check=check,
            )
        )

    async def list_executions(
        self,
        *,
        transformation_id: UUID | str | None = None,
        status: ExecutionStatus | str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[ExecutionRecord]:
        """Execution records, newest first."""
        return await self.send(
            calls.list_executions(
                transformation_id=transformation_id, status=status, limit=limit, offset=offset
            )
        )

    async def get_execution(self, execution_id: UUID | str) -> ExecutionRecord:
        """The manifest of one run."""
        return await self.send(calls.get_execution(execution_id))

    async def replay(self, execution_id: UUID | str) -> ReplayReport:
        """Re-run a recorded run on the server and compare its outputs with the record."""
        return await self.send(calls.replay(execution_id))

    async def maintenance(self, action: str, secret: str, *, dry_run: bool = False) -> dict[str, Any]:
        """Run a maintenance action (e.g. ``delete_drafts``) with the instance's maintenance secret."""
        return await self.send(calls.maintenance(action, secret, dry_run=dry_run))

    async def list_objects(self) -> list[ObjectReport]:
        """Every persisted object and whether it loads on the server."""
        return await self.send(calls.list_objects())

    async def audit_log(self, *, limit: int = 50, offset: int = 0) -> list[AuditEntry]:
        """The destructive changes made on the instance, newest first."""
        return await self.send(calls.audit_log(limit=limit, offset=offset))
