"""A backend sending runs to runtime services: by hash, pinned to an environment, surviving dead runtimes."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import httpx
import pytest

from sealflow.config import Settings
from sealflow.errors import InvalidInput
from sealflow.model.hashing import code_hash
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.dispatch import make_order
from sealflow.ops.instance import Instance
from sealflow.ops.jobs import reap, submit
from sealflow.repro.fingerprint import current_fingerprint
from sealflow.service.runtime import ScaleOut
from sealflow.store.jobs import JobRepository
from sealflow.store.snapshots import SnapshotRepository
from service.test_service_jobs import SLEEPY, store, wait_for, wiring


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def runtime_process(sqlite_url: str, tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``sealflow serve --role runtime`` in a process of its own on the test database."""
    port = free_port()
    log = tmp_path / "runtime.log"
    env = {
        **os.environ,
        "SEALFLOW_DB_URL": sqlite_url,
        "SEALFLOW_HOME": str(tmp_path),
        "SEALFLOW_INSTALL_LIBRARY": "false",
        "SEALFLOW_HEARTBEAT_INTERVAL": "0.2",
    }
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "sealflow", "serve", "--role", "runtime", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=sink,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/api/info", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert process.poll() is None, f"the runtime process ended at startup: {log.read_text()[-2000:]}"
        assert time.monotonic() < deadline, "the runtime process did not start"
        time.sleep(0.1)
    yield url, process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def backend_settings(sqlite_url: str, home: Path, runtime_url: str, **extra: object) -> Settings:
    """A backend on the test database that sends its runs to ``runtime_url``."""
    return Settings(
        db_url=sqlite_url, home=home, install_library=False, role="backend", runtime_url=runtime_url, **extra
    )


def test_runs_go_to_the_runtime_process(runtime_process, sqlite_url, tmp_path, start_service):
    runtime_url, process = runtime_process
    with (
        start_service(backend_settings(sqlite_url, tmp_path, runtime_url)) as base_url,
        httpx.Client(base_url=base_url, timeout=60) as client,
    ):
        store(client, SLEEPY)
        ran = client.post("/api/transformations/execute", json={"id": str(SLEEPY.id), "wiring": wiring(4)})
        assert ran.status_code == 200, ran.text
        assert ran.json()["output_results_by_output_name"] == {"y": 8}
        record = client.get(f"/api/executions/{ran.json()['job_id']}").json()
        assert record["code_hashes"] == [code_hash(SLEEPY.code())]
        assert record["fingerprint_hash"] == current_fingerprint().id
        assert record["warnings"] == []

        job_id = client.post(
            "/api/transformations/execute-async", json={"id": str(SLEEPY.id), "wiring": wiring(5)}
        ).json()["job_id"]
        done = wait_for(client, job_id, "ok", "failure")
        assert done["status"] == "ok"
        assert done["runtime_id"].endswith(f":{process.pid}")
        assert done["result"]["output_results_by_output_name"] == {"y": 10}
        assert httpx.post(f"{runtime_url}/api/transformations/execute-async", json={}).status_code in (
            404,
            405,
        )
        assert client.post("/api/runtime/run", json={}).status_code == 404


def test_a_runtime_killed_mid_run_fails_its_execution_with_the_cause(
    runtime_process, sqlite_url, tmp_path, start_service
):
    runtime_url, process = runtime_process
    with (
        start_service(backend_settings(sqlite_url, tmp_path, runtime_url)) as base_url,
        httpx.Client(base_url=base_url, timeout=60) as client,
    ):
        store(client, SLEEPY)
        job_id = client.post(
            "/api/transformations/execute-async", json={"id": str(SLEEPY.id), "wiring": wiring(1, 60)}
        ).json()["job_id"]
        running = wait_for(client, job_id, "running")
        deadline = time.monotonic() + 10
        while not (running.get("runtime_id") or "").endswith(f":{process.pid}"):
            assert time.monotonic() < deadline, running
            running = client.get(f"/api/executions/{job_id}").json()
        process.kill()
        process.wait(timeout=10)
        failed = wait_for(client, job_id, "ok", "failure", "cancelled", timeout=20)
        assert failed["status"] == "failure"
        assert f"the runtime at {runtime_url} dropped the connection" in failed["error"]
        assert "died" in failed["error"]
        down = client.post("/api/transformations/execute", json={"id": str(SLEEPY.id), "wiring": wiring(1)})
        assert down.status_code == 503
        assert "cannot be reached" in down.json()["detail"]


def test_a_running_job_without_heartbeat_ends_failed(sqlite_url, tmp_path, start_service):
    settings = Settings(db_url=sqlite_url, home=tmp_path, install_library=False, heartbeat_timeout=0.5)
    with start_service(settings) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
        store(client, SLEEPY)
        job_id = client.post(
            "/api/transformations/execute-async", json={"id": str(SLEEPY.id), "wiring": wiring(1)}
        ).json()["job_id"]
        wait_for(client, job_id, "ok")
    instance = Instance.open(settings)
    try:
        job = submit(instance, SLEEPY, SLEEPY.test_wiring)
        jobs = JobRepository(instance.database)
        assert jobs.start(job.id, "ghost-host:4242")
        assert reap(instance, 60) == []
        time.sleep(0.6)
        assert reap(instance, 0.5) == [job.id]
        failed = jobs.get(job.id)
        assert failed.status == "failure"
        assert failed.error is not None
        assert failed.error.startswith("runtime ghost-host:4242 stopped sending heartbeats")
        assert reap(instance, 0.5) == []
    finally:
        instance.close()


def test_a_runtime_refuses_code_its_order_does_not_list(runtime_process, sqlite_url, tmp_path):
    runtime_url, _ = runtime_process
    instance = Instance.open(Settings(db_url=sqlite_url, home=tmp_path, install_library=False))
    try:
        instance.transformations.insert(SLEEPY)
        order = make_order(instance, SLEEPY, SLEEPY.test_wiring, execution_id=uuid4())
    finally:
        instance.close()
    forged = order.model_copy(update={"code_hashes": ["0" * 64]}).model_dump(mode="json")
    refused = httpx.post(f"{runtime_url}/api/runtime/run", json=forged, timeout=30)
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"] == "InvalidInput"
    assert "which the run order does not list" in refused.json()["detail"]


@pytest.mark.parametrize("policy", ["warn", "strict"])
def test_a_runtime_unlike_the_pinned_environment(policy, sqlite_url, tmp_path, start_service):
    here = current_fingerprint()
    pinned = here.model_copy(update={"distributions": {**here.distributions, "numpy": "0.0.1"}})
    runtime = Settings(db_url=sqlite_url, home=tmp_path, install_library=False, role="runtime")
    with start_service(runtime) as runtime_url:
        backend = backend_settings(
            sqlite_url, tmp_path, runtime_url, pinned_fingerprint=pinned.id, fingerprint_policy=policy
        )
        with start_service(backend) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
            instance = Instance.open(backend)
            SnapshotRepository(instance.database).put_fingerprint(pinned.id, pinned.model_dump(mode="json"))
            instance.close()
            store(client, SLEEPY)
            ran = client.post(
                "/api/transformations/execute", json={"id": str(SLEEPY.id), "wiring": wiring(1)}
            )
            expected = f"numpy: 0.0.1 -> {here.distributions['numpy']}"
            if policy == "strict":
                assert ran.status_code == 409, ran.text
                assert ran.json()["error"] == "EnvironmentMismatch"
                assert expected in ran.json()["detail"]
                assert client.get("/api/executions").json() == []
            else:
                assert ran.status_code == 200, ran.text
                (warning,) = client.get(f"/api/executions/{ran.json()['job_id']}").json()["warnings"]
                assert f"not the pinned {pinned.id[:12]}" in warning
                assert expected in warning


def test_without_a_pin_the_first_runtime_is_pinned(sqlite_url, tmp_path, start_service):
    runtime = Settings(db_url=sqlite_url, home=tmp_path, install_library=False, role="runtime")
    with start_service(runtime) as runtime_url:
        backend = backend_settings(sqlite_url, tmp_path, runtime_url, fingerprint_policy="strict")
        with start_service(backend) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
            store(client, SLEEPY)
            ran = client.post(
                "/api/transformations/execute", json={"id": str(SLEEPY.id), "wiring": wiring(1)}
            )
            assert ran.status_code == 200, ran.text
            record = client.get(f"/api/executions/{ran.json()['job_id']}").json()
            assert record["warnings"] == []
        instance = Instance.open(backend)
        try:
            assert SnapshotRepository(instance.database).get_fingerprint(current_fingerprint().id) is not None
        finally:
            instance.close()


def test_a_backend_needs_a_runtime_url(sqlite_url, tmp_path):
    settings = Settings(db_url=sqlite_url, home=tmp_path, install_library=False, role="backend")
    instance = Instance.open(settings)
    try:
        with pytest.raises(InvalidInput, match="set SEALFLOW_RUNTIME_URL"):
            ScaleOut.open(instance, settings)
    finally:
        instance.close()


def test_a_killed_runtime_nobody_waits_for_is_found_by_its_stale_heartbeat(
    runtime_process, sqlite_url, tmp_path, start_service
):
    runtime_url, process = runtime_process
    settings = Settings(
        db_url=sqlite_url, home=tmp_path, install_library=False, heartbeat_interval=0.2, heartbeat_timeout=1.5
    )
    instance = Instance.open(settings)
    try:
        instance.transformations.insert(SLEEPY)
        job = submit(instance, SLEEPY, WorkflowWiring.model_validate(wiring(1, 60)))
        sender = threading.Thread(
            target=lambda: _post_quietly(f"{runtime_url}/api/runtime/run", job.order.model_dump(mode="json")),
            daemon=True,
        )
        sender.start()
        # A starting backend takes over pending jobs: start it only once the runtime has claimed this one.
        jobs, deadline = JobRepository(instance.database), time.monotonic() + 30
        while jobs.get(job.id).status != "running":
            assert time.monotonic() < deadline, "the runtime did not start the job"
            time.sleep(0.05)
    finally:
        instance.close()
    with start_service(settings) as base_url, httpx.Client(base_url=base_url, timeout=30) as client:
        running = wait_for(client, str(job.id), "running")
        assert running["runtime_id"].endswith(f":{process.pid}")
        first_beat = running["heartbeat_at"]
        deadline = time.monotonic() + 10
        while client.get(f"/api/executions/{job.id}").json()["heartbeat_at"] == first_beat:
            assert time.monotonic() < deadline, "the runtime wrote no heartbeat"
            time.sleep(0.1)
        process.kill()
        process.wait(timeout=10)
        failed = wait_for(client, str(job.id), "failure", timeout=20)
    assert failed["error"].startswith(f"runtime {running['runtime_id']} stopped sending heartbeats")
    assert "its process died or hangs mid-run" in failed["error"]
    sender.join(timeout=10)


def _post_quietly(url: str, body: dict[str, object]) -> None:
    """POST ``body`` and ignore the outcome (the receiving process is killed on purpose)."""
    with contextlib.suppress(httpx.HTTPError):
        httpx.post(url, json=body, timeout=120)
