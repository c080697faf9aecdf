"""``/healthz``, ``/readyz`` and ``/metrics`` over real HTTP, and a service that stays responsive while
a run spins until its time limit stops it."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families

from sealflow.config import Settings
from support import add_component, component


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_health_and_readiness_of_a_working_instance(sqlite_api: httpx.Client):
    health = sqlite_api.get("/healthz")
    ready = sqlite_api.get("/readyz")

    assert health.json() == {"status": "ok"}
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready"
    assert [(check["name"], check["ok"]) for check in ready.json()["checks"]] == [
        ("database", True),
        ("object store", True),
    ]


def test_readiness_fails_with_what_to_fix_when_the_object_store_is_not_writable(
    sqlite_url: str, tmp_path: Path, start_service: Any
):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the object store should be")
    settings = Settings(
        db_url=sqlite_url, home=tmp_path, install_library=False, objects_url=str(blocker / "objects")
    )

    with start_service(settings) as url:
        ready = httpx.get(f"{url}/readyz")

    assert ready.status_code == 503
    failed = [check for check in ready.json()["checks"] if not check["ok"]]
    assert [check["name"] for check in failed] == ["object store"]
    assert "SEALFLOW_OBJECTS_URL" in failed[0]["fix"]


def test_metrics_count_runs_operators_and_imports(sqlite_api: httpx.Client):
    add = add_component()
    before = _samples(sqlite_api.get("/metrics").text)
    wiring = {
        "input_wirings": [
            {"workflow_input_name": name, "adapter_id": "direct_provisioning", "filters": {"value": "1"}}
            for name in ("a", "b")
        ]
    }

    imported = sqlite_api.put("/api/transformations", json=[add.to_json_dict()])
    ran = sqlite_api.post("/api/transformations/execute", json={"id": str(add.id), "wiring": wiring})
    metrics = sqlite_api.get("/metrics")

    assert imported.status_code == 207
    assert ran.json()["result"] == "ok"
    assert metrics.headers["content-type"].startswith("text/plain")
    after = _samples(metrics.text)

    def grew(name: str, **labels: str) -> float:
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0.0) - before.get(key, 0.0)

    assert grew("sealflow_executions_total", result="ok") == 1
    assert grew("sealflow_execution_duration_seconds_count") == 1
    assert grew("sealflow_operator_duration_seconds_count", component="Add") == 1
    assert grew("sealflow_imported_items_total", status="SUCCESS") == 1


def test_the_service_answers_while_a_run_spins_until_its_limit(
    sqlite_url: str, tmp_path: Path, start_service: Any
):
    spin = component("Spin", {"unused": ("INT", 0)}, {"out": "INT"}, "while True:\n    pass")
    settings = Settings(db_url=sqlite_url, home=tmp_path, install_library=False, execution_timeout=2)
    outcome: dict[str, Any] = {}

    with start_service(settings) as url, httpx.Client(base_url=url, timeout=30) as client:
        assert (
            client.put(
                f"/api/transformations/{spin.id}",
                params={"update_component_code": "false"},
                json=spin.to_json_dict(),
            ).status_code
            == 201
        )

        def run() -> None:
            outcome["run"] = client.post(
                "/api/transformations/execute", json={"id": str(spin.id), "wiring": None}
            )

        runner = threading.Thread(target=run)
        runner.start()
        time.sleep(0.3)
        start = time.monotonic()
        health = client.get("/healthz")
        listed = client.get("/api/transformations")
        answered_in = time.monotonic() - start
        runner.join(timeout=20)

    assert health.status_code == 200
    assert listed.status_code == 200
    assert answered_in < 1.0
    result = outcome["run"].json()
    assert outcome["run"].status_code == 200
    assert result["result"] == "failure"
    assert result["error"]["type"] == "ExecutionTimeout"
    assert "operator 'Spin'" in result["error"]["message"]
