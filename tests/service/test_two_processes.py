"""Many processes, one truth: two ``sealflow serve`` processes over one PostgreSQL database.

A released component is overwritten (with ``allow_overwrite_released``) through one process while the
other has its old code in memory. Runs of the new revision run the new code on both; replays of a run of
the old revision run the old code on both; an object pickled under the old code (a class defined in the
component) unpickles on the process that never imported that code; and every execution record names
exactly the code its run was asked for.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sealflow.adapters.protocol import wiring_from_values
from sealflow.model.hashing import code_hash
from sealflow.model.transformation import TransformationRevision
from support import component

SCRIPT = Path(sys.executable).parent / "sealflow"
MODEL = """
from sealflow.store.objects import store_object


class Model:
    def answer(self):
        return "{answer}"
"""
TRAIN_BODY = 'if tag:\n    store_object("shared-model", tag, Model())\nreturn {"answer": Model().answer()}'
USE_BODY = 'return {"answer": load_object("shared-model", tag).answer()}'


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def processes(postgres_schema_url: str, tmp_path: Path) -> Iterator[tuple[httpx.Client, httpx.Client]]:
    """Clients of two service processes on one database, object store and signing key."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("SEALFLOW_")}
    env |= {
        "SEALFLOW_DB_URL": postgres_schema_url,
        "SEALFLOW_OBJECTS_URL": str(tmp_path / "objects"),
        "SEALFLOW_SIGNING_KEY": "shared-signing-key-of-both-processes",
        "SEALFLOW_INSTALL_LIBRARY": "false",
    }
    started: list[tuple[subprocess.Popen[bytes], httpx.Client]] = []
    try:
        for name in ("a", "b"):
            home, port = tmp_path / name, _free_port()
            home.mkdir()
            with (home / "stderr.log").open("wb") as log:
                process = subprocess.Popen(
                    [str(SCRIPT), "serve", "--port", str(port)],
                    env=env | {"SEALFLOW_HOME": str(home)},
                    cwd=home,
                    stdout=subprocess.DEVNULL,
                    stderr=log,
                )
            started.append((process, httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)))
        for process, client in started:
            _wait_until_up(process, client)
        yield started[0][1], started[1][1]
    finally:
        for process, client in started:
            client.close()
            process.terminate()
            process.wait(timeout=30)


def _wait_until_up(process: subprocess.Popen[bytes], client: httpx.Client) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"a service process exited with {process.returncode}; see stderr.log", pytrace=False)
        try:
            if client.get("/api/info").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail("a service process did not start within 60 s", pytrace=False)


def put(client: httpx.Client, tr: TransformationRevision, **params: Any) -> None:
    response = client.put(
        f"/api/transformations/{tr.id}",
        json=tr.to_json_dict(),
        params={"update_component_code": False, **params},
    )
    assert response.status_code == 201, response.text


def run(client: httpx.Client, tr: TransformationRevision, tag: str) -> tuple[str, str]:
    """The answer of a run and its job id."""
    body = {"id": str(tr.id), "wiring": wiring_from_values({"tag": tag}).model_dump(mode="json")}
    response = client.post("/api/transformations/execute", json=body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["result"] == "ok", result["error"]
    return result["output_results_by_output_name"]["answer"], result["job_id"]


def recorded_code(client: httpx.Client, job_id: str) -> list[str]:
    response = client.get(f"/api/executions/{job_id}")
    assert response.status_code == 200, response.text
    hashes: list[str] = response.json()["code_hashes"]
    return hashes


def test_an_overwrite_never_makes_a_process_run_other_code_than_asked_for(
    processes: tuple[httpx.Client, httpx.Client],
) -> None:
    a, b = processes
    train_old = component(
        "Train", {"tag": "STRING"}, {"answer": "STRING"}, TRAIN_BODY, header=MODEL.format(answer="old")
    )
    train_new = train_old.model_copy(
        update={"content": train_old.code().replace('return "old"', 'return "new"')}
    )
    use = component(
        "Use",
        {"tag": "STRING"},
        {"answer": "STRING"},
        USE_BODY,
        header="from sealflow.store.objects import load_object\n",
    )
    old_hash, new_hash = code_hash(train_old.code()), code_hash(train_new.code())
    put(a, train_old)
    put(a, use)
    answer, pinned = run(a, train_old, "")
    assert answer == "old"
    assert run(a, train_old, "v1")[0] == "old"

    put(b, train_new, allow_overwrite_released=True)

    # The object pickled under the old code loads on b, which never imported that code.
    assert run(b, use, "v1")[0] == "old"
    # Runs of the revision now run its new code, on the process that still holds the old code too.
    answer_a, job_a = run(a, train_new, "")
    answer_b, job_b = run(b, train_new, "")
    assert (answer_a, answer_b) == ("new", "new")
    assert recorded_code(a, job_a) == recorded_code(b, job_b) == [new_hash]
    # Replays of the run pinned to the old hash run the old code, on both processes.
    for client in (a, b):
        response = client.post(f"/api/executions/{pinned}/replay")
        assert response.status_code == 200, response.text
        assert response.json()["verdict"] == "identical", response.json()
    assert recorded_code(b, pinned) == [old_hash]
