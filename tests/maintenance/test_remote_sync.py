"""``sealflow remote fetch|push|sync`` between two real services on loopback ports."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from sealflow.config import Settings

REPO = Path(__file__).resolve().parents[2]
DEMO_FILES = sorted((REPO / "examples" / "demo" / "transformations").glob("*.json"))
SCRIPT = Path(sys.executable).parent / "sealflow"


def sealflow(home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SEALFLOW_HOME": str(home), "COLUMNS": "200"}
    return subprocess.run(
        [str(SCRIPT), *map(str, args)],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def listed(url: str, **params: Any) -> list[dict[str, Any]]:
    response = httpx.get(f"{url}/api/transformations", params=params, timeout=60)
    assert response.status_code == 200, response.text
    return sorted(response.json(), key=lambda tr: tr["id"])


@pytest.fixture
def services(serve, db_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A source service holding the demo (on ``db_url``) and an empty target service (SQLite)."""
    (tmp_path / "source").mkdir()
    (tmp_path / "target").mkdir()
    with ExitStack() as stack:
        source = stack.enter_context(
            serve(Settings(db_url=db_url, home=tmp_path / "source", install_library=False))
        )
        target_db = f"sqlite:///{tmp_path / 'target' / 'sealflow.db'}"
        target = stack.enter_context(
            serve(Settings(db_url=target_db, home=tmp_path / "target", install_library=False))
        )
        demo = [json.loads(path.read_text(encoding="utf-8")) for path in DEMO_FILES]
        response = httpx.put(f"{source}/api/transformations", json=demo, timeout=60)
        assert response.status_code == 207, response.text
        yield source, target


def test_fetch_writes_the_export_layout_and_push_imports_it(services: tuple[str, str], tmp_path: Path):
    source, target = services
    folder = tmp_path / "exported"

    fetched = sealflow(tmp_path, "remote", "fetch", source, folder)
    pushed = sealflow(tmp_path, "remote", "push", folder, target, "--json")

    assert fetched.returncode == 0, fetched
    files = sorted(path.relative_to(folder).parts[0] for path in folder.rglob("*.json"))
    assert files == ["components"] * 4 + ["workflows"]
    assert pushed.returncode == 0, pushed
    assert {report["status"] for report in json.loads(pushed.stdout).values()} == {"SUCCESS"}
    assert listed(target) == listed(source)


def test_fetch_applies_the_filters_and_components_as_code(services: tuple[str, str], tmp_path: Path):
    source, _ = services
    folder = tmp_path / "code"
    workflow = listed(source, type="WORKFLOW")[0]

    fetched = sealflow(
        tmp_path, "remote", "fetch", source, folder, "--name", workflow["name"], "--components-as-code"
    )
    only = sealflow(
        tmp_path,
        "remote",
        "fetch",
        source,
        tmp_path / "only",
        "--name",
        workflow["name"],
        "--no-include-dependencies",
    )

    assert fetched.returncode == 0, fetched
    assert len(list(folder.rglob("*.py"))) == 4
    assert len(list(folder.rglob("*.json"))) == 1
    assert only.returncode == 0, only
    assert [path.name for path in (tmp_path / "only").rglob("*.json")] == [
        next(path.name for path in folder.rglob("*.json"))
    ]


def test_sync_copies_from_the_first_url_to_the_second(services: tuple[str, str], tmp_path: Path):
    source, target = services

    outcome = sealflow(tmp_path, "remote", "sync", source, target, "--type", "COMPONENT")

    assert outcome.returncode == 0, outcome
    assert "4 SUCCESS" in outcome.stderr
    assert listed(target) == listed(source, type="COMPONENT")
    assert len(listed(source)) == 5


def test_push_reports_failed_items_and_exits_non_zero(services: tuple[str, str], tmp_path: Path):
    source, target = services
    folder = tmp_path / "exported"
    assert sealflow(tmp_path, "remote", "sync", source, target).returncode == 0
    assert sealflow(tmp_path, "remote", "fetch", source, folder, "--type", "COMPONENT").returncode == 0
    changed = sorted(folder.rglob("*.json"))[0]
    tr = json.loads(changed.read_text(encoding="utf-8"))
    tr["description"] = "changed after release"
    changed.write_text(json.dumps(tr), encoding="utf-8")

    refused = sealflow(tmp_path, "remote", "push", folder, target, "--json")
    allowed = sealflow(tmp_path, "remote", "push", folder, target, "--allow-overwrite-released", "--json")

    assert refused.returncode == 1, refused
    report = json.loads(refused.stdout)
    assert report[tr["id"]]["status"] == "FAILED"
    assert "1 FAILED" in refused.stderr
    assert allowed.returncode == 0, allowed
    assert json.loads(allowed.stdout)[tr["id"]]["status"] == "SUCCESS"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        pytest.param("closed", "cannot reach http://127.0.0.1:{port}/api/transformations", id="unreachable"),
        pytest.param("missing", "/nothing/api/transformations answered 404 Not Found", id="4xx"),
        pytest.param("docs", "/docs/api/transformations answered 404", id="not-sealflow"),
    ],
)
def test_remote_errors_are_one_line_and_name_the_url(
    serve, sqlite_url: str, tmp_path: Path, where: str, expected: str
):
    port = _closed_port()
    with serve(Settings(db_url=sqlite_url, home=tmp_path, install_library=False)) as url:
        base = {"closed": f"http://127.0.0.1:{port}", "missing": f"{url}/nothing", "docs": f"{url}/docs"}[
            where
        ]
        outcome = sealflow(tmp_path, "remote", "fetch", base, tmp_path / "out")

    assert outcome.returncode == 1, outcome
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1, outcome.stderr
    assert expected.format(port=port) in lines[0]


def test_an_answer_that_is_not_json_is_reported(tmp_path: Path):
    site = tmp_path / "site"
    (site / "api").mkdir(parents=True)
    (site / "api" / "transformations").write_text("<html>a web page</html>", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        port = server.stdout.readline().split("port ")[1].split()[0]
        outcome = sealflow(tmp_path, "remote", "fetch", f"http://127.0.0.1:{port}", tmp_path / "fetched")
    finally:
        server.kill()
        server.wait()
        if server.stdout is not None:
            server.stdout.close()

    assert outcome.returncode == 1, outcome
    assert f"http://127.0.0.1:{port}/api/transformations answered 200 but not with JSON" in outcome.stderr
