"""``/api/maintenance``: off without a secret, 403 on a wrong one, reports on success."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from uuid import uuid4

import httpx
import pytest
from pydantic import SecretStr

from sealflow.config import Settings
from sealflow.model.datatypes import State
from support import add_component, component

SECRET = "s3cr3t-maintenance-value"

PATHS = [
    pytest.param(path, id=path)
    for path in (
        "deprecate_all_but_latest_per_group",
        "delete_drafts",
        "delete_unused_deprecated",
        "purge",
        "deploy_base_trafos",
        "trigger_autoimport",
        "trigger_automimport",
    )
]


def settings(db_url: str, home: Path, **extra: object) -> Settings:
    return Settings(db_url=db_url, home=home, install_library=False, **extra)


@pytest.mark.parametrize("path", PATHS)
def test_the_endpoints_are_off_without_a_secret(serve, sqlite_url: str, tmp_path: Path, path: str):
    with serve(settings(sqlite_url, tmp_path)) as url:
        response = httpx.post(f"{url}/api/maintenance/{path}", json={"maintenance_secret": "anything"})

    assert response.status_code == 404
    assert "SEALFLOW_MAINTENANCE_SECRET" in response.json()["detail"]


@pytest.mark.parametrize("path", PATHS)
def test_a_wrong_secret_is_refused_and_logged_without_its_value(
    serve, sqlite_url: str, tmp_path: Path, path: str, caplog: pytest.LogCaptureFixture
):
    wrong = "wrong-" + uuid4().hex
    with (
        caplog.at_level(logging.INFO),
        serve(settings(sqlite_url, tmp_path, maintenance_secret=SECRET)) as url,
    ):
        response = httpx.post(f"{url}/api/maintenance/{path}", json={"maintenance_secret": wrong})

    assert response.status_code == 403
    assert response.json() == {"detail": {"authorization_error": "maintenance secret check failed"}}
    assert "maintenance secret check failed" in caplog.text
    assert wrong not in caplog.text
    assert SECRET not in caplog.text


def test_the_secret_is_never_shown_in_the_settings():
    shown = Settings(maintenance_secret=SecretStr(SECRET), install_library=False)

    assert SECRET not in repr(shown)
    assert SECRET not in shown.model_dump_json()


def test_a_missing_secret_in_the_body_is_an_invalid_request(serve, sqlite_url: str, tmp_path: Path):
    with serve(settings(sqlite_url, tmp_path, maintenance_secret=SECRET)) as url:
        response = httpx.post(f"{url}/api/maintenance/purge", json={})

    assert response.status_code == 422


def test_delete_drafts_answers_with_the_report(serve, db_url: str, tmp_path: Path):
    add = add_component()
    draft = component("Sketch", {"a": "INT"}, {"b": "INT"}, "return {'b': a}", state=State.DRAFT)
    with (
        serve(settings(db_url, tmp_path, maintenance_secret=SECRET)) as url,
        httpx.Client(base_url=url, timeout=60) as client,
    ):
        for tr in (add, draft):
            assert (
                client.put(
                    f"/api/transformations/{tr.id}",
                    params={"update_component_code": False},
                    json=tr.to_json_dict(),
                ).status_code
                == 201
            )
        response = client.post("/api/maintenance/delete_drafts", json={"maintenance_secret": SECRET})
        left = client.get("/api/transformations").json()

    assert response.status_code == 200
    body = response.json()
    assert body["success"] is True
    assert body["error"] is None
    assert [(r["id"], r["name"], r["version_tag"], r["action"]) for r in body["report"]["revisions"]] == [
        (str(draft.id), "Sketch", "1.0.0", "deleted")
    ]
    assert [tr["name"] for tr in left] == ["Add"]


def test_the_secret_can_come_from_a_file(serve, sqlite_url: str, tmp_path: Path):
    secret_file = tmp_path / "secret"
    secret_file.write_text(SECRET + "\n", encoding="utf-8")
    with serve(settings(sqlite_url, tmp_path, maintenance_secret_file=secret_file)) as url:
        response = httpx.post(
            f"{url}/api/maintenance/deprecate_all_but_latest_per_group", json={"maintenance_secret": SECRET}
        )

    assert response.status_code == 200
    assert response.json()["report"]["revisions"] == []


def test_deploy_base_trafos_imports_the_library(serve, sqlite_url: str, tmp_path: Path):
    with (
        serve(settings(sqlite_url, tmp_path, maintenance_secret=SECRET)) as url,
        httpx.Client(base_url=url, timeout=120) as client,
    ):
        response = client.post("/api/maintenance/deploy_base_trafos", json={"maintenance_secret": SECRET})
        stored = client.get("/api/transformations").json()

    assert response.status_code == 200
    assert len(response.json()["report"]["revisions"]) == len(stored) > 0


@pytest.mark.parametrize(
    "path",
    [pytest.param("trigger_autoimport", id="sealflow"), pytest.param("trigger_automimport", id="hetida")],
)
def test_trigger_autoimport_under_both_spellings(serve, sqlite_url: str, tmp_path: Path, path: str):
    autoimport_dir = tmp_path / "autoimport"
    autoimport_dir.mkdir()
    tr = add_component()
    (autoimport_dir / "adds.json").write_text(json.dumps([tr.to_json_dict()]))
    with serve(
        settings(sqlite_url, tmp_path, maintenance_secret=SECRET, autoimport_dir=autoimport_dir)
    ) as url:
        response = httpx.post(
            f"{url}/api/maintenance/{path}", json={"maintenance_secret": SECRET}, timeout=60
        )
        stored = httpx.get(f"{url}/api/transformations/{tr.id}")
    assert response.status_code == 200, response.text
    assert response.json()["success"] is True
    assert stored.status_code == 200


def test_trigger_autoimport_without_a_directory_says_how_to_set_one(serve, sqlite_url: str, tmp_path: Path):
    with serve(settings(sqlite_url, tmp_path, maintenance_secret=SECRET)) as url:
        response = httpx.post(
            f"{url}/api/maintenance/trigger_autoimport", json={"maintenance_secret": SECRET}
        )
    assert response.status_code == 422
    assert "SEALFLOW_AUTOIMPORT_DIR" in response.json()["detail"]
