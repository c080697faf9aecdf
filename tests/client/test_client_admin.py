"""The client's calls for plans, the audit log, persisted objects, maintenance and tokens, on the real service."""

from __future__ import annotations

from pathlib import Path

import pytest

from sealflow import errors
from sealflow.client import Client
from sealflow.config import Settings
from sealflow.model.access import Role
from sealflow.model.datatypes import State
from sealflow.ops.instance import Instance
from sealflow.ops.tokens import create_token
from service.conftest import running_service
from support import component

SECRET = "maintenance-secret-for-tests"


def test_an_overwrite_is_planned_then_applied_and_audited(service_url: str):
    first = component("Shift", {"x": "INT"}, {"y": "INT"}, "return {'y': x + 1}")
    changed = first.model_copy(update={"content": first.code().replace("x + 1", "x + 2")})
    with Client(service_url) as client:
        client.put_transformation(first)
        plan = client.plan_put(changed, allow_overwrite_released=True)
        assert [change["id"] for change in plan["changes"]] == [str(first.id)]
        assert plan["breaking"] is False
        assert client.get_transformation(first.id).content == first.content
        assert client.audit_log() == []
        with pytest.raises(errors.LifecycleViolation):
            client.put_transformation(changed)
        client.put_transformation(changed, allow_overwrite_released=True)
        assert client.execute(first.id, {"x": 1})["y"] == 3
        (entry,) = client.audit_log()
        assert [str(target.id) for target in entry.targets] == [str(first.id)]
        assert entry.old_code_hashes != entry.new_code_hashes
        bulk = client.plan_import([first], allow_overwrite_released=True)
        assert [change["id"] for change in bulk["changes"]] == [str(first.id)]


def test_objects_stored_by_a_run_are_listed(service_url: str):
    keeper = component(
        "Keep",
        {"value": "INT"},
        {"stored": "STRING"},
        "store_object('answer', f'v{value}', {'value': value})\nreturn {'stored': f'v{value}'}",
        header="from sealflow.store.objects import store_object",
    )
    with Client(service_url) as client:
        client.put_transformation(keeper)
        outcome = client.execute(keeper.id, {"value": 42})
        (stored,) = client.list_objects()
    assert (stored.name, stored.tag, stored.status) == ("answer", "v42", "ok")
    assert stored.execution_id == outcome.job_id


def test_maintenance_runs_with_the_secret_and_dry_run_changes_nothing(sqlite_url: str, tmp_path: Path):
    draft = component("Sketch", {"a": "INT"}, {"b": "INT"}, "return {'b': a}", state=State.DRAFT)
    settings = Settings(db_url=sqlite_url, home=tmp_path, install_library=False, maintenance_secret=SECRET)
    with running_service(settings) as url, Client(url) as client:
        client.put_transformation(draft, update_component_code=False)
        planned = client.maintenance("delete_drafts", SECRET, dry_run=True)
        assert planned["success"] is True
        assert [tr.id for tr in client.list_transformations()] == [draft.id]
        done = client.maintenance("delete_drafts", SECRET)
        assert done["success"] is True
        assert client.list_transformations() == []
        with pytest.raises(errors.PermissionDenied, match="maintenance secret check failed"):
            client.maintenance("delete_drafts", "wrong")


def test_with_authentication_on_the_token_decides(sqlite_url: str, tmp_path: Path):
    settings = Settings(db_url=sqlite_url, home=tmp_path, install_library=False, auth="on")
    instance = Instance.open(settings)
    try:
        _, viewer = create_token(instance, "reader", Role.VIEWER)
        _, editor = create_token(instance, "writer", Role.EDITOR)
    finally:
        instance.close()
    tr = component("Add One", {"x": "INT"}, {"y": "INT"}, "return {'y': x + 1}")
    with running_service(settings) as url:
        with Client(url) as anonymous, pytest.raises(errors.AuthenticationRequired):
            anonymous.list_transformations()
        with Client(url, token=viewer) as client, pytest.raises(errors.PermissionDenied):
            client.put_transformation(tr)
        with Client(url, token=editor) as client:
            client.put_transformation(tr)
        with Client(url, token=viewer) as client:
            assert client.execute(tr.id, {"x": 1})["y"] == 2
