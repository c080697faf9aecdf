"""Plans over REST: ``dry_run`` and ``force`` on the PUT endpoints and maintenance, and ``/api/audit``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from sealflow.config import Settings
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import DataType
from sealflow.model.hashing import code_hash
from sealflow.model.transformation import TransformationRevision
from support import RELEASED_AT, add_component

AUDIT_KEYS = {
    "id",
    "at",
    "actor",
    "action",
    "summary",
    "targets",
    "old_code_hashes",
    "new_code_hashes",
    "snapshot",
}


def flow_of(add: TransformationRevision) -> TransformationRevision:
    builder = WorkflowBuilder()
    placed = builder.add(add, "adder")
    builder.input("x", placed.input("a"))
    builder.input("y", placed.input("b"))
    builder.output("z", placed.output("sum"))
    return builder.build("Flow", released=RELEASED_AT)


def put(api: httpx.Client, tr: TransformationRevision, **params: Any) -> httpx.Response:
    return api.put(f"/api/transformations/{tr.id}", json=tr.to_json_dict(), params=params)


def retyped(add: TransformationRevision) -> TransformationRevision:
    interface = add.io_interface.model_copy(deep=True)
    interface.outputs[0].data_type = DataType.FLOAT
    return add.model_copy(update={"io_interface": interface})


def test_put_plans_refuses_breaking_overwrites_and_audits_forced_ones(api: httpx.Client):
    add = add_component()
    assert put(api, add).status_code == 201
    assert put(api, flow_of(add)).status_code == 201
    new = retyped(add)

    dry = put(api, new, allow_overwrite_released="true", dry_run="true")
    refused = put(api, new, allow_overwrite_released="true")
    unchanged = api.get(f"/api/transformations/{add.id}").json()

    assert dry.status_code == 200, dry.text
    assert dry.json()["dry_run"] is True
    plan = dry.json()["plan"]
    assert plan["breaking"] is True
    (change,) = plan["changes"]
    assert {
        "id",
        "name",
        "version_tag",
        "old_code_hash",
        "new_code_hash",
        "code_diff",
        "interface_changes",
        "used_by",
        "will_break",
        "objects",
        "executions",
    } <= set(change)
    assert [ref["name"] for ref in change["used_by"]] == ["Flow"]
    assert [ref["name"] for ref in change["will_break"]] == ["Flow"]
    assert refused.status_code == 409
    assert "workflows that would break: Flow 1.0.0" in refused.json()["detail"]
    assert "force=true" in refused.json()["detail"]
    assert unchanged["io_interface"]["outputs"][0]["data_type"] == "INT"
    assert api.get("/api/audit").json() == []

    forced = api.put(
        f"/api/transformations/{add.id}",
        json=new.to_json_dict(),
        params={"allow_overwrite_released": "true", "force": "true"},
        headers={"X-Sealflow-Actor": "eve"},
    )
    audit = api.get("/api/audit", params={"limit": 10, "offset": 0})

    assert forced.status_code == 201, forced.text
    (entry,) = audit.json()
    assert set(entry) == AUDIT_KEYS
    assert (entry["actor"], entry["action"]) == ("eve", "put")
    assert entry["targets"] == [{"id": str(add.id), "name": "Add", "version_tag": "1.0.0"}]
    assert entry["old_code_hashes"] == entry["new_code_hashes"] == [code_hash(add.code())]
    assert Path(entry["snapshot"]).is_file()
    assert api.get("/api/audit", params={"offset": 1}).json() == []


def test_bulk_put_dry_run_changes_nothing(api: httpx.Client):
    add = add_component()
    assert put(api, add).status_code == 201
    changed = add.model_copy(update={"content": add.code().replace("a + b", "a - b")})

    dry = api.put(
        "/api/transformations",
        json=[changed.to_json_dict()],
        params={"allow_overwrite_released": "true", "dry_run": "true"},
    )

    assert dry.status_code == 200, dry.text
    (change,) = dry.json()["plan"]["changes"]
    assert (change["old_code_hash"], change["new_code_hash"]) == (
        code_hash(add.code()),
        code_hash(changed.code()),
    )
    assert dry.json()["plan"]["breaking"] is False
    assert api.get(f"/api/transformations/{add.id}").json()["content"] == add.code()

    applied = api.put(
        "/api/transformations", json=[changed.to_json_dict()], params={"allow_overwrite_released": "true"}
    )
    assert applied.status_code == 207
    assert [entry["action"] for entry in api.get("/api/audit").json()] == ["bulk_import"]


def test_purge_over_rest_plans_in_a_dry_run_and_audits_a_real_run(
    sqlite_url: str, tmp_path: Path, start_service
):
    settings = Settings(db_url=sqlite_url, home=tmp_path, install_library=False, maintenance_secret="s3cret")
    with start_service(settings) as base_url, httpx.Client(base_url=base_url, timeout=60) as api:
        add = add_component()
        assert put(api, add).status_code == 201
        body = {"maintenance_secret": "s3cret"}

        dry = api.post("/api/maintenance/purge", json=body, params={"dry_run": "true"})
        still = api.get("/api/transformations").json()
        done = api.post("/api/maintenance/purge", json=body, headers={"X-Sealflow-Actor": "ops"})

        assert dry.status_code == 200, dry.text
        assert dry.json()["report"]["dry_run"] is True
        assert [c["name"] for c in dry.json()["report"]["plan"]["changes"]] == ["Add"]
        assert len(still) == 1
        assert done.status_code == 200, done.text
        assert Path(done.json()["report"]["snapshot"]).is_file()
        (entry,) = api.get("/api/audit").json()
        assert (entry["actor"], entry["action"], entry["snapshot"]) == (
            "ops",
            "purge",
            done.json()["report"]["snapshot"],
        )
        assert api.get("/api/transformations").json() == []


def test_a_json_export_has_its_manifest(api: httpx.Client):
    add = add_component()
    assert put(api, add).status_code == 201

    plain = api.get("/api/transformations/manifest")
    expanded = api.get("/api/transformations/manifest", params={"expand_component_code": "true"})
    exported = api.get("/api/transformations", params={"expand_component_code": "true"}).json()

    assert plain.status_code == 200, plain.text
    assert plain.json()["format"] == "sealflow-bundle/1"
    (entry,) = plain.json()["revisions"]
    assert (entry["id"], entry["code_hash"], entry["file"]) == (str(add.id), code_hash(add.code()), None)
    (entry,) = expanded.json()["revisions"]
    assert entry["code_transformed"] == ["expand_component_code"]
    assert entry["original_code_hash"] == code_hash(add.code())
    assert entry["code_hash"] == code_hash(exported[0]["content"])
