"""``GET /api/executions``: every run over HTTP leaves a record that can be read back; first start."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from uuid import uuid4

import httpx

from sealflow.config import Settings
from sealflow.model.hashing import code_hash
from support import component


def canonical_digest(value: object) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_runs_are_listed_and_shown_with_their_manifest(api: httpx.Client):
    double = component("Double", {"x": "INT"}, {"y": "INT"}, "return {'y': 2 * x}  # executions api")
    failing = component("Fail", {"x": "INT"}, {"y": "INT"}, "raise ValueError('no')  # executions api")
    for tr in (double, failing):
        stored = api.put(
            f"/api/transformations/{tr.id}", json=tr.to_json_dict(), params={"update_component_code": False}
        )
        assert stored.status_code == 201, stored.text
    wiring = {"input_wirings": [{"workflow_input_name": "x", "filters": {"value": "21"}}]}
    ok = api.post("/api/transformations/execute", json={"id": str(double.id), "wiring": wiring}).json()
    bad = api.post("/api/transformations/execute", json={"id": str(failing.id), "wiring": wiring}).json()
    assert (ok["result"], bad["result"]) == ("ok", "failure")

    listed = api.get("/api/executions").json()
    assert [record["id"] for record in listed] == [bad["job_id"], ok["job_id"]]
    only_ok = api.get("/api/executions", params={"status": "ok"}).json()
    assert [record["id"] for record in only_ok] == [ok["job_id"]]
    of_double = api.get("/api/executions/", params={"transformation_id": str(double.id)}).json()
    assert [record["id"] for record in of_double] == [ok["job_id"]]

    shown = api.get(f"/api/executions/{ok['job_id']}").json()
    assert shown["code_hashes"] == [code_hash(double.code())]
    assert shown["status"] == "ok"
    (output,) = shown["outputs"]
    assert (output["name"], output["sha256"]) == ("y", canonical_digest(42))
    failed = api.get(f"/api/executions/{bad['job_id']}").json()
    assert failed["error"]["type"] == "ValueError"


def test_unknown_and_malformed_execution_ids(api: httpx.Client):
    missing = api.get(f"/api/executions/{uuid4()}")
    assert missing.status_code == 404
    assert missing.json()["error"] == "ExecutionNotFound"
    assert api.get("/api/executions/not-a-uuid").status_code == 422
    assert api.get("/api/executions", params={"limit": 0}).status_code == 422


def test_first_start_imports_the_library_once(sqlite_url: str, tmp_path: Path, start_service):
    settings = Settings(db_url=sqlite_url, home=tmp_path)
    with start_service(settings) as url, httpx.Client(base_url=url) as client:
        first = client.get("/api/transformations").json()
    assert len(first) >= 80 + 12
    names = {tr["name"] for tr in first}
    assert {"Store Object", "Load Object", "Sensor Anomaly Detection Example"} <= names
    with start_service(settings) as url, httpx.Client(base_url=url) as client:
        assert len(client.get("/api/transformations").json()) == len(first)


def test_replay_over_rest(api: httpx.Client):
    shift = component("Shift", {"s": "SERIES"}, {"t": "SERIES"}, "return {'t': s.shift(1)}  # replay api")
    stored = api.put(
        f"/api/transformations/{shift.id}", json=shift.to_json_dict(), params={"update_component_code": False}
    )
    assert stored.status_code == 201, stored.text
    series = json.dumps({"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0})
    wiring = {"input_wirings": [{"workflow_input_name": "s", "filters": {"value": series}}]}
    ran = api.post("/api/transformations/execute", json={"id": str(shift.id), "wiring": wiring}).json()
    report = api.post(f"/api/executions/{ran['job_id']}/replay")
    assert report.status_code == 200, report.text
    body = report.json()
    assert (body["verdict"], body["environment_identical"]) == ("identical", True)
    assert [item["name"] for item in body["outputs"]] == ["t"]
    assert api.post(f"/api/executions/{uuid4()}/replay").status_code == 404


def test_a_huge_offset_is_refused_not_a_server_error(api: httpx.Client):
    assert api.get("/api/executions", params={"offset": 2**63}).status_code == 422
    assert api.get("/api/executions", params={"offset": 2**31 - 1}).json() == []
