"""Asynchronous executions: submit, run (here or on a runtime), heartbeat, cancel, and fail the lost.

``submit`` resolves the run into a run order at once (so the job runs the code of the moment it was
submitted) and stores a pending job. A backend's ``JobRunner`` takes it in a worker thread: it runs the
order in this process, or sends it to a runtime and waits. Whichever process runs it marks it running,
keeps its heartbeat fresh and ends it with the result; the backend then POSTs the result to the job's
callback URL, if it has one and the job was not cancelled (a failing callback is only logged).

A job whose runtime process dies mid-run ends as failed with the cause: the backend that waits for it
sees the connection drop, and any backend fails running jobs whose heartbeat is older than
``heartbeat_timeout`` (a runtime that hangs, or a backend that died while waiting). No job stays
``running`` forever.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

import httpx

from sealflow.config import Settings
from sealflow.errors import Conflict, InvalidInput, SealflowError
from sealflow.model.execution import ExecutionRecord
from sealflow.model.jobs import Job, JobStatus, RunOrder
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.dispatch import make_order, run_order, runtime_id
from sealflow.ops.execution import execution_id_of
from sealflow.ops.instance import Instance
from sealflow.ops.runtimes import RuntimePool
from sealflow.runtime.results import ExecutionResult
from sealflow.store.executions import ExecutionRepository
from sealflow.store.jobs import JobRepository

logger = logging.getLogger(__name__)


class Heartbeat:
    """Keeps the heartbeat of the jobs this process runs fresh, from one background thread."""

    def __init__(self, instance: Instance, interval: float) -> None:
        self._jobs = JobRepository(instance.database)
        self._interval = interval
        self._running: set[UUID] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="sealflow-heartbeat", daemon=True)
        self._thread.start()

    @contextmanager
    def tracking(self, job_id: UUID) -> Iterator[None]:
        """Beat for ``job_id`` while the block runs."""
        with self._lock:
            self._running.add(job_id)
        try:
            yield
        finally:
            with self._lock:
                self._running.discard(job_id)

    def close(self) -> None:
        """Stop beating."""
        self._stop.set()
        self._thread.join(timeout=10)

    def _beat(self) -> None:
        while not self._stop.wait(self._interval):
            with self._lock:
                running = list(self._running)
            try:
                self._jobs.beat(running)
            except SealflowError as exc:
                logger.warning("heartbeat of %d job(s) not written: %s", len(running), exc)


def submit(
    instance: Instance,
    tr: TransformationRevision,
    wiring: WorkflowWiring,
    *,
    run_pure_plot_operators: bool = False,
    job_id: str | None = None,
    callback_url: str | None = None,
    pinned_fingerprint: str | None = None,
) -> Job:
    """Store a pending job that runs ``tr`` as it is now; its id is the id of the run's record."""
    execution_id = execution_id_of(job_id)
    if callback_url is not None:
        _check_callback(callback_url)
    if ExecutionRepository(instance.database).exists(execution_id):
        raise Conflict(
            f"a run with job id {execution_id} is recorded already; give every run its own job id",
            execution_id=str(execution_id),
        )
    order = make_order(
        instance,
        tr,
        wiring,
        execution_id=execution_id,
        run_pure_plot_operators=run_pure_plot_operators,
        job=True,
        pinned_fingerprint=pinned_fingerprint,
        policy=instance.settings.fingerprint_policy,
    )
    job = Job(
        id=execution_id,
        status=JobStatus.PENDING,
        transformation_id=tr.id,
        label=tr.label[:200],
        callback_url=callback_url,
        created_at=datetime.now(UTC),
        order=order,
    )
    JobRepository(instance.database).create(job)
    return job


def run_job(instance: Instance, order: RunOrder, heartbeat: Heartbeat) -> ExecutionResult:
    """Run a job's order in this process: mark it running, beat, end it; ``Conflict`` if it is not pending."""
    jobs = JobRepository(instance.database)
    if not jobs.start(order.execution_id, runtime_id()):
        job = jobs.get(order.execution_id)
        raise Conflict(
            f"execution {job.id} is {job.status}, not pending; it does not run again",
            execution_id=str(job.id),
        )
    with heartbeat.tracking(order.execution_id):
        try:
            result = run_order(instance, order)
        except SealflowError as exc:
            jobs.finish(order.execution_id, JobStatus.FAILURE, result=None, error=str(exc))
            raise
    status = JobStatus.OK if result.result == "ok" else JobStatus.FAILURE
    jobs.finish(
        order.execution_id, status, result=result.model_dump(mode="json", exclude_none=True), error=None
    )
    return result


def cancel(instance: Instance, execution_id: UUID | str) -> Job:
    """Cancel a pending or running execution; ``Conflict`` if it has ended, ``ExecutionNotFound`` if unknown.

    A pending execution never starts. A running one is ended as cancelled at once and its result, when
    its component code returns, is not reported (its execution record is still written).
    """
    jobs = JobRepository(instance.database)
    job = jobs.find(execution_id)
    if job is None:
        record = ExecutionRepository(instance.database).get(execution_id)
        raise Conflict(
            f"execution {record.id} ran synchronously and ended {record.status}; nothing to cancel",
            execution_id=str(record.id),
        )
    if not jobs.cancel(job.id, "cancelled on request"):
        ended = jobs.get(job.id)
        raise Conflict(
            f"execution {job.id} has ended already ({ended.status}); only pending or running executions "
            "can be cancelled",
            execution_id=str(job.id),
        )
    return jobs.get(job.id)


def reap(instance: Instance, timeout: float) -> list[UUID]:
    """Fail running jobs whose heartbeat is older than ``timeout`` seconds; the ids failed."""
    jobs = JobRepository(instance.database)
    cutoff = datetime.now(UTC) - timedelta(seconds=timeout)
    failed = []
    for job in jobs.stale(cutoff):
        beat = job.heartbeat_at.strftime("%Y-%m-%d %H:%M:%S UTC") if job.heartbeat_at else "never"
        message = (
            f"runtime {job.runtime_id} stopped sending heartbeats (last {beat}, more than {timeout:g} s "
            "ago): its process died or hangs mid-run; run the transformation again"
        )
        if jobs.fail_if_stale(job.id, cutoff, message):
            logger.warning("execution %s failed: %s", job.id, message)
            failed.append(job.id)
    return failed


def execution_status(instance: Instance, execution_id: UUID | str) -> Job | ExecutionRecord:
    """An asynchronous execution's job (status, result), or the record of a synchronous run."""
    job = JobRepository(instance.database).find(execution_id)
    if job is None:
        return ExecutionRepository(instance.database).get(execution_id)
    if job.status is JobStatus.RUNNING and reap(instance, instance.settings.heartbeat_timeout):
        return JobRepository(instance.database).get(job.id)
    return job


class JobRunner:
    """A backend's worker threads for jobs, and the watch that fails jobs whose runtime went silent.

    On start it takes up the jobs left pending (by a backend that stopped before running them); a job
    runs once however many backends take it up, because only one can mark it running.
    """

    def __init__(
        self, instance: Instance, settings: Settings, runtimes: RuntimePool | None, heartbeat: Heartbeat
    ) -> None:
        self._instance = instance
        self._settings = settings
        self._runtimes = runtimes
        self._pool = ThreadPoolExecutor(settings.job_workers, thread_name_prefix="sealflow-job")
        self._heartbeat = heartbeat
        self._stop = threading.Event()
        self._watch = threading.Thread(target=self._reap, name="sealflow-job-watch", daemon=True)
        self._watch.start()
        self._client = httpx.Client(timeout=settings.adapter_timeout)
        for job in JobRepository(instance.database).pending():
            self.enqueue(job)

    def enqueue(self, job: Job) -> None:
        """Run ``job`` in a worker thread."""
        self._pool.submit(self._work, job)

    def close(self) -> None:
        """Wait for the running jobs (queued ones stay pending for the next start) and stop the watch."""
        self._stop.set()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._watch.join(timeout=10)
        self._client.close()

    def _work(self, job: Job) -> None:
        jobs = JobRepository(self._instance.database)
        try:
            if self._runtimes is None:
                run_job(self._instance, job.order, self._heartbeat)
            else:
                self._runtimes.run(job.order)
        except Conflict as exc:
            if type(exc) is Conflict:
                return  # cancelled before it started, or taken by another backend: nothing to report here
            jobs.fail(job.id, str(exc))
        except SealflowError as exc:
            jobs.fail(job.id, str(exc))
        except Exception as exc:  # a bug must end the job, not leave it running until it goes stale
            logger.exception("execution %s failed unexpectedly", job.id)
            jobs.fail(job.id, f"unexpected {type(exc).__name__}: {exc}")
        if job.callback_url is not None:
            self._call_back(jobs.get(job.id))

    def _call_back(self, job: Job) -> None:
        assert job.callback_url is not None
        if job.status is JobStatus.CANCELLED:
            return
        body: dict[str, Any] = job.result or {
            "result": "failure",
            "job_id": str(job.id),
            "output_results_by_output_name": {},
            "error": {"type": job.status.value, "message": job.error or f"execution {job.status}"},
        }
        try:
            self._client.post(job.callback_url, json=body).raise_for_status()
        except httpx.HTTPError as exc:
            logger.warning("callback of execution %s to %s failed: %s", job.id, job.callback_url, exc)

    def _reap(self) -> None:
        while not self._stop.wait(self._settings.heartbeat_interval):
            try:
                reap(self._instance, self._settings.heartbeat_timeout)
            except SealflowError as exc:
                logger.warning("stale executions not checked: %s", exc)


def _check_callback(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidInput(f"callback_url {url!r} is no http(s) URL; give e.g. https://host/path")
