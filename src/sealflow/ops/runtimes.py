"""The runtimes a backend sends its runs to, and the environment it pins them to.

``SEALFLOW_RUNTIME_URL`` names one URL (behind which several uvicorn workers or replicas may run) or a
comma-separated list, used in turn. The pinned environment is ``SEALFLOW_PINNED_FINGERPRINT``, or else the
fingerprint the first runtime reports at ``GET /api/info``; it is stored, so a runtime that differs can
name the differing distributions.
"""

from __future__ import annotations

import itertools
import threading
from typing import Any

import httpx

from sealflow import errors
from sealflow.config import Settings
from sealflow.model.jobs import RunOrder
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.dispatch import fingerprint_document, make_order
from sealflow.ops.execution import execution_id_of
from sealflow.ops.instance import Instance
from sealflow.runtime.results import ExecutionResult
from sealflow.store.snapshots import SnapshotRepository

RUN_PATH = "/api/runtime/run"


class RuntimePool:
    """Sends run orders to the configured runtimes over HTTP, in turn, and pins their environment."""

    def __init__(
        self,
        urls: list[str],
        *,
        pinned: str | None = None,
        timeout: float | None = None,
        token: str | None = None,
    ) -> None:
        if not urls:
            raise errors.InvalidInput("no runtime URL given; set SEALFLOW_RUNTIME_URL to the runtime service")
        self.urls = [url.rstrip("/") for url in urls]
        self.pinned = pinned
        self._turn = itertools.cycle(self.urls)
        self._lock = threading.Lock()
        limits = httpx.Limits(max_connections=256, max_keepalive_connections=64)
        headers = {"Authorization": f"Bearer {token}"} if token else None
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=10.0), limits=limits, headers=headers
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> RuntimePool | None:
        """The pool ``settings`` configure, or ``None`` when runs stay in this process."""
        if not settings.runtime_urls:
            return None
        token = settings.runtime_token.get_secret_value() if settings.runtime_token else None
        return cls(settings.runtime_urls, pinned=settings.pinned_fingerprint, token=token)

    def close(self) -> None:
        """Close the pooled connections."""
        self._client.close()

    def pin(self, instance: Instance) -> str:
        """The pinned fingerprint id; without one, the first runtime's fingerprint is pinned and stored."""
        with self._lock:
            if self.pinned is None:
                url = self.urls[0]
                body = self._call("GET", url, "/api/info", None)
                fingerprint_id, document = fingerprint_document(body["fingerprint"])
                SnapshotRepository(instance.database).put_fingerprint(fingerprint_id, document)
                self.pinned = fingerprint_id
            return self.pinned

    def run(self, order: RunOrder) -> ExecutionResult:
        """Send ``order`` to the next runtime and return its result; errors as the runtime raised them."""
        with self._lock:
            url = next(self._turn)
        body = self._call("POST", url, RUN_PATH, order.model_dump(mode="json"))
        return ExecutionResult.model_validate(body)

    def _call(self, method: str, url: str, path: str, payload: dict[str, Any] | None) -> Any:
        try:
            response = self._client.request(method, url + path, json=payload)
        except httpx.TimeoutException as exc:
            raise errors.RuntimeUnavailable(
                f"the runtime at {url} did not answer {method} {path} in time ({type(exc).__name__})"
            ) from exc
        except httpx.RemoteProtocolError as exc:
            raise errors.RuntimeUnavailable(
                f"the runtime at {url} dropped the connection during {method} {path}: its process died or "
                f"was stopped mid-run ({exc})"
            ) from exc
        except httpx.HTTPError as exc:
            raise errors.RuntimeUnavailable(
                f"the runtime at {url} cannot be reached ({exc}); start it with 'sealflow serve --role runtime' "
                "or correct SEALFLOW_RUNTIME_URL"
            ) from exc
        if response.status_code == 200:
            return response.json()
        raise _error(url, response)


def _error(url: str, response: httpx.Response) -> errors.SealflowError:
    """The error a runtime answered with, as the same class where Sealflow has it."""
    try:
        body = response.json()
        detail, name = str(body["detail"]), str(body["error"])
    except (ValueError, KeyError, TypeError):
        return errors.RemoteError(
            f"the runtime at {url} answered {response.status_code} unlike a Sealflow runtime: "
            f"{response.text[:200]}"
        )
    kind = getattr(errors, name, None)
    if isinstance(kind, type) and issubclass(kind, errors.SealflowError):
        return kind(detail)
    return errors.RemoteError(f"the runtime at {url} answered {response.status_code}: {detail}")


def execute_on_runtime(
    instance: Instance,
    runtimes: RuntimePool,
    tr: TransformationRevision,
    wiring: WorkflowWiring,
    *,
    run_pure_plot_operators: bool = False,
    job_id: str | None = None,
) -> ExecutionResult:
    """Run ``tr`` on a runtime and return its result; the runtime records the run."""
    order = make_order(
        instance,
        tr,
        wiring,
        execution_id=execution_id_of(job_id),
        run_pure_plot_operators=run_pure_plot_operators,
        pinned_fingerprint=runtimes.pin(instance),
        policy=instance.settings.fingerprint_policy,
    )
    return runtimes.run(order)
