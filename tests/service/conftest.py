"""The service on a free loopback port, driven over real HTTP.

``api`` starts the real application with uvicorn in a background thread, once per test and database
backend (``db_url``), and yields an httpx client for it; ``sqlite_api`` does the same on SQLite only.
``imported_demo`` imports the demo transformations into ``api``.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from sealflow.config import Settings
from sealflow.service.app import create_app

REPO = Path(__file__).resolve().parents[2]
DEMO_FILES = sorted((REPO / "examples" / "demo" / "transformations").glob("*.json"))
SENSOR = REPO / "examples" / "demo" / "sensor.json"


@contextmanager
def running_service(settings: Settings) -> Iterator[str]:
    """Serve ``create_app(settings)`` on a free loopback port; yields the base URL."""
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets that name it.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(settings), log_config=None, log_level="warning", access_log=False, ws="none", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            pytest.fail("the service did not start; see the log above", pytrace=False)
        time.sleep(0.005)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@pytest.fixture
def api(db_url: str, tmp_path: Path) -> Iterator[httpx.Client]:
    """A client of the service running on an empty database, once per backend."""
    with (
        running_service(Settings(db_url=db_url, home=tmp_path, install_library=False)) as base_url,
        httpx.Client(base_url=base_url, timeout=60) as client,
    ):
        yield client


@pytest.fixture
def sqlite_service_url(sqlite_url: str, tmp_path: Path) -> Iterator[str]:
    """The base URL of the service running on an empty SQLite database."""
    with running_service(Settings(db_url=sqlite_url, home=tmp_path, install_library=False)) as base_url:
        yield base_url


@pytest.fixture
def sqlite_api(sqlite_service_url: str) -> Iterator[httpx.Client]:
    """A client of the service running on an empty SQLite database."""
    with httpx.Client(base_url=sqlite_service_url, timeout=60) as client:
        yield client


@pytest.fixture
def demo() -> list[dict[str, Any]]:
    """The demo's transformation revisions (four components and a workflow) as exchange-format objects."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in DEMO_FILES]


@pytest.fixture
def sensor() -> str:
    """The demo's sensor series as JSON text (``{timestamp: value}``)."""
    return SENSOR.read_text(encoding="utf-8")


@pytest.fixture
def imported_demo(api: httpx.Client, demo: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The demo imported in bulk into ``api``; the stored revisions by name."""
    response = api.put("/api/transformations", json=demo)
    assert response.status_code == 207, response.text
    assert {report["status"] for report in response.json().values()} == {"SUCCESS"}, response.text
    return {tr["name"]: tr for tr in api.get("/api/transformations").json()}


@pytest.fixture
def start_service():
    """``running_service`` itself, for tests that choose their own settings."""
    return running_service
