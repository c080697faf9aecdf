"""Asynchronous executions over HTTP: 202 with a job id, status and result, callbacks, cancellation."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx
import pytest

from sealflow.config import Settings
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.instance import Instance
from sealflow.ops.jobs import submit
from support import component

SLEEPY = component(
    "Sleepy",
    {"x": "INT", "seconds": "FLOAT"},
    {"y": "INT"},
    "time.sleep(seconds)\nreturn {'y': 2 * x}",
    header="import time",
)


def wiring(x: int, seconds: float = 0.0) -> dict[str, Any]:
    """Direct values for ``x`` and ``seconds``."""
    return {
        "input_wirings": [
            {"workflow_input_name": "x", "filters": {"value": str(x)}},
            {"workflow_input_name": "seconds", "filters": {"value": str(seconds)}},
        ]
    }


def store(client: httpx.Client, *revisions: Any) -> None:
    """Store the revisions through the API."""
    for tr in revisions:
        response = client.put(
            f"/api/transformations/{tr.id}", json=tr.to_json_dict(), params={"update_component_code": False}
        )
        assert response.status_code == 201, response.text


def wait_for(client: httpx.Client, job_id: str, *statuses: str, timeout: float = 30) -> dict[str, Any]:
    """Poll ``GET /api/executions/{id}`` until its status is one of ``statuses``."""
    deadline = time.monotonic() + timeout
    while True:
        shown = client.get(f"/api/executions/{job_id}").json()
        if shown.get("status") in statuses:
            return shown
        assert time.monotonic() < deadline, f"execution {job_id} stayed {shown.get('status')}: {shown}"
        time.sleep(0.05)


@pytest.fixture
def callbacks() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A loopback HTTP server that keeps every JSON body POSTed to it."""
    received: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append(json.loads(body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/done", received
    server.shutdown()
    server.server_close()


def test_an_async_run_answers_at_once_and_its_result_follows(api: httpx.Client, callbacks):
    url, received = callbacks
    store(api, SLEEPY)
    started = time.monotonic()
    accepted = api.post(
        "/api/transformations/execute-async",
        json={"id": str(SLEEPY.id), "wiring": wiring(21, 0.5)},
        params={"callback_url": url},
    )
    assert accepted.status_code == 202, accepted.text
    assert time.monotonic() - started < 0.5
    job_id = accepted.json()["job_id"]
    assert accepted.json()["message"] == f"Execution request with job id {job_id} accepted"

    done = wait_for(api, job_id, "ok", "failure")
    assert done["status"] == "ok"
    assert done["result"]["output_results_by_output_name"] == {"y": 42}
    assert done["result"]["job_id"] == job_id
    assert done["runtime_id"]
    deadline = time.monotonic() + 10
    while not received and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [(body["result"], body["job_id"]) for body in received] == [("ok", job_id)]
    listed = api.get("/api/executions", params={"transformation_id": str(SLEEPY.id)}).json()
    assert [record["id"] for record in listed] == [job_id]


def test_execute_latest_async_and_failures(api: httpx.Client):
    store(api, SLEEPY)
    accepted = api.post(
        "/api/transformations/execute-latest-async",
        json={"revision_group_id": str(SLEEPY.revision_group_id), "wiring": wiring(1)},
    )
    assert accepted.status_code == 202, accepted.text
    assert wait_for(api, accepted.json()["job_id"], "ok", "failure")["status"] == "ok"

    unknown_input = {"input_wirings": [{"workflow_input_name": "nope", "filters": {"value": "1"}}]}
    accepted = api.post(
        "/api/transformations/execute-async", json={"id": str(SLEEPY.id), "wiring": unknown_input}
    )
    failed = wait_for(api, accepted.json()["job_id"], "ok", "failure")
    assert failed["status"] == "failure"
    assert "has no input(s) 'nope'" in failed["error"]

    missing = api.post("/api/transformations/execute-async", json={"id": str(uuid4()), "wiring": wiring(1)})
    assert missing.status_code == 404
    bad_callback = api.post(
        "/api/transformations/execute-async",
        json={"id": str(SLEEPY.id), "wiring": wiring(1)},
        params={"callback_url": "ftp://host/x"},
    )
    assert bad_callback.status_code == 422
    assert "callback_url" in bad_callback.json()["detail"]


def test_cancel_a_pending_and_a_running_execution(sqlite_url: str, tmp_path: Path, start_service):
    settings = Settings(db_url=sqlite_url, home=tmp_path, install_library=False, job_workers=1)
    with start_service(settings) as base_url, httpx.Client(base_url=base_url, timeout=30) as client:
        store(client, SLEEPY)
        first = client.post(
            "/api/transformations/execute-async", json={"id": str(SLEEPY.id), "wiring": wiring(1, 1.5)}
        ).json()["job_id"]
        second = client.post(
            "/api/transformations/execute-async", json={"id": str(SLEEPY.id), "wiring": wiring(2)}
        ).json()["job_id"]
        wait_for(client, first, "running")
        assert client.get(f"/api/executions/{second}").json()["status"] == "pending"

        cancelled = client.post(f"/api/executions/{second}/cancel")
        assert cancelled.status_code == 200, cancelled.text
        assert cancelled.json()["status"] == "cancelled"
        stopped = client.delete(f"/api/executions/{first}")
        assert stopped.json()["status"] == "cancelled"

        time.sleep(2.0)  # the first run's component returns; its result is dropped
        assert client.get(f"/api/executions/{first}").json()["status"] == "cancelled"
        assert client.get(f"/api/executions/{second}").json()["status"] == "cancelled"
        again = client.post(f"/api/executions/{second}/cancel")
        assert again.status_code == 409
        assert "has ended already (cancelled)" in again.json()["detail"]
        ran = [record["id"] for record in client.get("/api/executions").json()]
        assert ran == [first]

        sync = client.post("/api/transformations/execute", json={"id": str(SLEEPY.id), "wiring": wiring(3)})
        refused = client.post(f"/api/executions/{sync.json()['job_id']}/cancel")
        assert refused.status_code == 409
        assert "ran synchronously" in refused.json()["detail"]
        assert client.post(f"/api/executions/{uuid4()}/cancel").status_code == 404


def test_a_job_id_is_used_once(api: httpx.Client):
    store(api, SLEEPY)
    job_id = str(uuid4())
    body = {"id": str(SLEEPY.id), "wiring": wiring(1), "job_id": job_id}
    assert api.post("/api/transformations/execute-async", json=body).status_code == 202
    wait_for(api, job_id, "ok")
    again = api.post("/api/transformations/execute-async", json=body)
    assert again.status_code == 409
    assert job_id in again.json()["detail"]


def test_jobs_left_pending_run_when_a_backend_starts(sqlite_url: str, tmp_path: Path, start_service):
    settings = Settings(db_url=sqlite_url, home=tmp_path, install_library=False)
    instance = Instance.open(settings)
    try:
        instance.transformations.insert(SLEEPY)
        job = submit(instance, SLEEPY, WorkflowWiring.model_validate(wiring(8)))
    finally:
        instance.close()
    with start_service(settings) as base_url, httpx.Client(base_url=base_url, timeout=30) as client:
        done = wait_for(client, str(job.id), "ok", "failure")
    assert done["result"]["output_results_by_output_name"] == {"y": 16}
