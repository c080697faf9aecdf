"""Secrets set to known values never appear in anything Sealflow writes or answers: API responses, logs
(JSON, with the execution id), exports, backups, execution records, persisted objects, the database, or
the output of ``doctor`` and ``config reference``. Secrets come from variables and ``*_FILE`` files."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import httpx
import pytest
from sqlalchemy import create_engine, inspect, make_url, text
from sqlalchemy.pool import NullPool

from support import component

SCRIPT = Path(sys.executable).parent / "sealflow"
COMPONENT_BODY = """\
import logging
from sealflow.store.objects import store_object
logging.getLogger("component").warning("component ran with a=%s", a)
store_object("model", f"v{a}", {"weights": [a, a]})
return {"b": a + 1}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _sealflow(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def secrets(postgres_schema_url: str) -> dict[str, str]:
    return {
        "signing key": f"sign-{uuid4().hex}",
        "maintenance secret": f"maint-{uuid4().hex}",
        "database password": f"dbpw-{uuid4().hex}",
        "S3 secret": f"aws-{uuid4().hex}",
        "runtime token": f"rt-{uuid4().hex}",
    }


@pytest.fixture
def environment(tmp_path: Path, secrets: dict[str, str], postgres_schema_url: str) -> dict[str, str]:
    secret_dir = tmp_path / "run-secrets"
    secret_dir.mkdir()
    db_url = make_url(postgres_schema_url).set(password=secrets["database password"])
    (secret_dir / "db_url").write_text(db_url.render_as_string(hide_password=False) + "\n")
    (secret_dir / "maintenance").write_text(secrets["maintenance secret"] + "\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("SEALFLOW_", "AWS_"))}
    env.update(
        {
            "SEALFLOW_HOME": str(tmp_path / "home"),
            "SEALFLOW_DB_URL_FILE": str(secret_dir / "db_url"),
            "SEALFLOW_MAINTENANCE_SECRET_FILE": str(secret_dir / "maintenance"),
            "SEALFLOW_SIGNING_KEY": secrets["signing key"],
            "SEALFLOW_RUNTIME_TOKEN": secrets["runtime token"],
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY": secrets["S3 secret"],
            "SEALFLOW_AUTH": "on",
            "SEALFLOW_LOG_FORMAT": "json",
            "SEALFLOW_INSTALL_LIBRARY": "false",
        }
    )
    return env


@pytest.fixture
def served(environment: dict[str, str], tmp_path: Path) -> Iterator[tuple[str, str, Path]]:
    created = _sealflow(environment, "tokens", "create", "admin", "--role", "admin")
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    port = _free_port()
    log = tmp_path / "service.log"
    with log.open("w") as stream:
        process = subprocess.Popen(
            [str(SCRIPT), "serve", "--port", str(port)],
            env=environment,
            stdout=stream,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"{url}/healthz").status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            yield url, token, log
        finally:
            process.terminate()
            process.wait(timeout=30)


def test_no_secret_appears_in_any_written_artifact(
    served: tuple[str, str, Path], environment: dict[str, str], secrets: dict[str, str], tmp_path: Path
):
    url, token, log = served
    headers = {"Authorization": f"Bearer {token}"}
    tr = component("Secretive", {"a": "INT"}, {"b": "INT"}, COMPONENT_BODY)
    answers: list[httpx.Response] = []
    with httpx.Client(base_url=url, headers=headers, timeout=60) as client:
        stored = client.put(
            f"/api/transformations/{tr.id}", params={"update_component_code": "false"}, json=tr.to_json_dict()
        )
        assert stored.status_code == 201, stored.text
        wiring = {
            "input_wirings": [
                {"workflow_input_name": "a", "adapter_id": "direct_provisioning", "filters": {"value": "4"}}
            ]
        }
        ran = client.post("/api/transformations/execute", json={"id": str(tr.id), "wiring": wiring})
        assert ran.json()["result"] == "ok", ran.text
        execution_id = ran.json()["job_id"]
        answers += [stored, ran]
        for path in (
            "/api/info",
            "/api/adapters",
            "/readyz",
            "/metrics",
            "/openapi.json",
            "/api/executions",
            f"/api/executions/{execution_id}",
            "/api/objects",
            "/api/transformations",
        ):
            answers.append(client.get(path))
        answers.append(client.post("/api/maintenance/delete_drafts", json={"maintenance_secret": "wrong"}))
        answers.append(
            client.post(
                "/api/maintenance/delete_unused_deprecated",
                json={"maintenance_secret": secrets["maintenance secret"]},
            )
        )
    answers.append(httpx.get(f"{url}/api/info", headers={"Authorization": "Bearer sf_wrong"}))
    assert answers[-2].status_code == 200, answers[-2].text

    outputs = [
        _sealflow(environment, "export", str(tmp_path / "export")),
        _sealflow(environment, "backup", str(tmp_path / "backup.zip")),
        _sealflow(environment, "executions", "list", "--json"),
        _sealflow(environment, "doctor", "--json"),
        _sealflow(environment, "config", "reference"),
        _sealflow(environment, "tokens", "list", "--json"),
    ]
    assert all(output.returncode == 0 for output in outputs[:3]), [output.stderr for output in outputs]

    artifacts: dict[str, str] = {}
    for answer in answers:
        artifacts[f"answer {answer.request.method} {answer.request.url.path}"] = answer.text
    for output in outputs:
        artifacts[f"$ sealflow {' '.join(output.args[1:])}"] = output.stdout + output.stderr
    for root in (Path(environment["SEALFLOW_HOME"]), tmp_path / "export"):
        for path in root.rglob("*"):
            if path.is_file():
                artifacts[str(path)] = path.read_bytes().decode("latin-1")
    with zipfile.ZipFile(tmp_path / "backup.zip") as archive:
        for member in archive.namelist():
            artifacts[f"backup.zip:{member}"] = archive.read(member).decode("latin-1")
    artifacts.update(_database_dump(Path(environment["SEALFLOW_DB_URL_FILE"]).read_text().strip()))
    artifacts["service log"] = log.read_text()

    leaks = [
        f"{what} in {where}"
        for where, content in artifacts.items()
        for what, value in {**secrets, "API token": token}.items()
        if value in content
    ]
    assert not leaks, leaks
    assert any("objects" in where and where.endswith(".json") for where in artifacts), "no object was stored"
    assert len(artifacts) > 20
    records = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    assert any(
        record.get("execution_id") == execution_id and "component ran" in record["message"]
        for record in records
    )
    assert any("refused" in record["message"] for record in records)


def _database_dump(url: str) -> dict[str, str]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return {
                f"table {table}": "\n".join(
                    str(tuple(row)) for row in connection.execute(text(f'SELECT * FROM "{table}"'))
                )
                for table in inspect(connection).get_table_names()
            }
    finally:
        engine.dispose()
