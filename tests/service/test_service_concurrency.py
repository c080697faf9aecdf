"""Many concurrent clients on PostgreSQL: imports, runs (sync, async, in-process) and maintenance at once.

Afterwards every count adds up: each released import is stored once and whole, each run has exactly one
record, every job has ended ok, and the maintenance calls (which delete drafts meanwhile) removed nothing
else.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from pydantic import SecretStr

from sealflow.config import Settings
from sealflow.model.datatypes import State
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.execution import execute_transformation
from sealflow.ops.instance import Instance
from sealflow.store.executions import ExecutionRepository
from sealflow.store.jobs import JobRepository
from service.test_service_jobs import wait_for
from support import component

SECRET = "concurrency-maintenance-secret"
IMPORTERS, RELEASED_EACH, DRAFTS_EACH = 4, 10, 5
EXECUTORS, SYNC_EACH, ASYNC_EACH = 8, 12, 4
DIRECT, DIRECT_EACH = 2, 10
MAINTAINERS, MAINTENANCE_EACH = 2, 6

SHARED = component("Triple", {"x": "INT"}, {"y": "INT"}, "return {'y': 3 * x}  # concurrency")
WIRING = {"input_wirings": [{"workflow_input_name": "x", "filters": {"value": "7"}}]}


def importer(client: httpx.Client, number: int) -> list[int]:
    """Store released components and drafts in bulk, and the shared component again; the status codes."""
    released = [
        component(
            f"Released {number}-{i}", {"a": "INT"}, {"b": "INT"}, f"return {{'b': a + {i}}}  # {number}"
        )
        for i in range(RELEASED_EACH)
    ]
    drafts = [
        component(
            f"Draft {number}-{i}",
            {"a": "INT"},
            {"b": "INT"},
            f"return {{'b': a - {i}}}  # {number}",
            state=State.DRAFT,
        )
        for i in range(DRAFTS_EACH)
    ]
    codes = [
        client.put("/api/transformations", json=[tr.to_json_dict() for tr in released + drafts]).status_code
    ]
    shared = client.put(
        f"/api/transformations/{SHARED.id}",
        json=SHARED.to_json_dict(),
        params={"update_component_code": False},
    )
    return [*codes, shared.status_code]


def executor(client: httpx.Client) -> tuple[list[str], list[int]]:
    """Sync and async runs of the shared component; the job ids of the runs and every status code."""
    ids, codes = [], []
    for _ in range(SYNC_EACH):
        ran = client.post("/api/transformations/execute", json={"id": str(SHARED.id), "wiring": WIRING})
        codes.append(ran.status_code)
        if ran.status_code == 200:
            assert ran.json()["output_results_by_output_name"] == {"y": 21}, ran.text
            ids.append(ran.json()["job_id"])
    for _ in range(ASYNC_EACH):
        accepted = client.post(
            "/api/transformations/execute-async", json={"id": str(SHARED.id), "wiring": WIRING}
        )
        codes.append(accepted.status_code)
        if accepted.status_code == 202:
            ids.append(accepted.json()["job_id"])
    return ids, codes


def maintainer(client: httpx.Client) -> list[int]:
    """Maintenance calls that touch what the others write; the status codes."""
    codes = []
    for _ in range(MAINTENANCE_EACH):
        for path in ("deprecate_all_but_latest_per_group", "delete_unused_deprecated", "delete_drafts"):
            codes.append(
                client.post(f"/api/maintenance/{path}", json={"maintenance_secret": SECRET}).status_code
            )
    return codes


def direct(instance: Instance) -> list[str]:
    """Runs in this process through a second instance (its own connection pool); their ids."""
    tr = instance.transformations.get(SHARED.id)
    return [str(execute_transformation(instance, tr, tr.test_wiring).job_id) for _ in range(DIRECT_EACH)]


def test_concurrent_clients_lose_and_corrupt_nothing(postgres_schema_url: str, tmp_path: Path, start_service):
    settings = Settings(
        db_url=postgres_schema_url,
        home=tmp_path,
        install_library=False,
        maintenance_secret=SecretStr(SECRET),
        job_workers=4,
    )
    shared = SHARED.model_copy(update={"test_wiring": WorkflowWiring.model_validate(WIRING)})
    with start_service(settings) as base_url, httpx.Client(base_url=base_url, timeout=120) as client:
        assert (
            client.put(
                f"/api/transformations/{SHARED.id}",
                json=shared.to_json_dict(),
                params={"update_component_code": False},
            ).status_code
            == 201
        )
        second = Instance.open(settings)
        try:
            with ThreadPoolExecutor(IMPORTERS + EXECUTORS + DIRECT + MAINTAINERS) as pool:
                clients = [
                    httpx.Client(base_url=base_url, timeout=120)
                    for _ in range(IMPORTERS + EXECUTORS + MAINTAINERS)
                ]
                imports = [pool.submit(importer, clients[i], i) for i in range(IMPORTERS)]
                runs = [pool.submit(executor, clients[IMPORTERS + i]) for i in range(EXECUTORS)]
                directs = [pool.submit(direct, second) for _ in range(DIRECT)]
                upkeep = [
                    pool.submit(maintainer, clients[IMPORTERS + EXECUTORS + i]) for i in range(MAINTAINERS)
                ]
                codes: Counter[int] = Counter()
                for future in imports + upkeep:
                    codes.update(future.result())
                run_ids: list[str] = []
                for future in runs:
                    ids, statuses = future.result()
                    run_ids += ids
                    codes.update(statuses)
                for future in directs:
                    run_ids += future.result()
                for item in clients:
                    item.close()
            assert set(codes) <= {200, 201, 202, 207}, codes
            for job_id in run_ids:
                wait_for(client, job_id, "ok", "failure", "cancelled", "running", timeout=60)
            for job_id in run_ids:
                shown = wait_for(client, job_id, "ok", "failure", "cancelled", timeout=60)
                assert shown["status"] == "ok", shown

            expected_runs = EXECUTORS * (SYNC_EACH + ASYNC_EACH) + DIRECT * DIRECT_EACH
            assert len(run_ids) == len(set(run_ids)) == expected_runs
            recorded = ExecutionRepository(second.database).list(limit=1000)
            assert sorted(str(record.id) for record in recorded) == sorted(run_ids)
            assert all(record.status == "ok" for record in recorded)
            assert JobRepository(second.database).counts() == {"ok": EXECUTORS * ASYNC_EACH}

            stored = client.get("/api/transformations").json()
            names = Counter(tr["name"] for tr in stored)
            assert names["Triple"] == 1
            released = [tr for tr in stored if tr["name"].startswith("Released ")]
            assert len(released) == IMPORTERS * RELEASED_EACH
            assert {tr["state"] for tr in released} == {"RELEASED"}
            assert sum(1 for tr in stored if tr["name"].startswith("Draft ")) <= IMPORTERS * DRAFTS_EACH
            for tr in stored:
                shown = client.get(f"/api/transformations/{tr['id']}")
                assert shown.status_code == 200
                assert shown.json()["content"] == tr["content"]
            again = client.post("/api/transformations/execute", json={"id": str(SHARED.id), "wiring": WIRING})
            assert again.json()["result"] == "ok", again.text
        finally:
            second.close()
