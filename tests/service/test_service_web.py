"""The web UI's share of the service: its files at ``/``, client routes, and component code generation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sealflow.config import Settings
from sealflow.service import web

UUID = "0b6f9f7a-ed0a-4dd4-a2d0-6a6e879b2370"


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A minimal build (index.html and one hashed asset) in place of the package's."""
    static = tmp_path / "static"
    (static / "assets").mkdir(parents=True)
    (static / "index.html").write_text("<!doctype html><title>Sealflow UI</title>", encoding="utf-8")
    (static / "assets" / "index-abc.js").write_text("console.log(1)", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    monkeypatch.setattr(web, "STATIC_DIR", static)
    return static


@pytest.fixture
def ui(built: Path, sqlite_url: str, tmp_path: Path, start_service) -> Iterator[httpx.Client]:
    """A client of the real service serving the minimal build."""
    settings = Settings(db_url=sqlite_url, home=tmp_path, install_library=False)
    with start_service(settings) as base_url, httpx.Client(base_url=base_url, timeout=30) as client:
        yield client


def test_ui_files_and_client_routes(ui: httpx.Client) -> None:
    """Assets are served as files; the UI's own routes get index.html; API routes stay the API's."""
    assert "Sealflow UI" in ui.get("/").text
    asset = ui.get("/assets/index-abc.js")
    assert asset.text == "console.log(1)"
    assert "immutable" in asset.headers["cache-control"]
    route = ui.get(f"/transformations/{UUID}")
    assert route.status_code == 200
    assert "Sealflow UI" in route.text
    assert ui.get("/api/info").json()["msg"] == "Here I am"
    assert ui.get("/docs").status_code == 200


def test_api_paths_and_other_methods_are_not_the_ui(ui: httpx.Client) -> None:
    """Unknown API paths and non-GET requests answer 404 in the API's error format, never index.html."""
    for path in ("/api/nothing", "/api/transformations/x/y", "/docs/extra"):
        response = ui.get(path)
        assert response.status_code == 404, path
        assert "Sealflow UI" not in response.text
    refused = ui.post(f"/transformations/{UUID}")
    assert refused.status_code == 404
    assert "detail" in refused.json()


def test_files_outside_the_build_are_not_served(ui: httpx.Client) -> None:
    """A path that climbs out of the build directory gets index.html, not the file."""
    response = ui.get("/..%2Fsecret.txt")
    assert "secret" not in response.text


def test_missing_build_says_how_to_make_one(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch, start_service
) -> None:
    """Without a build, / explains that `make setup` builds the UI."""
    monkeypatch.setattr(web, "STATIC_DIR", tmp_path / "missing")
    settings = Settings(db_url=sqlite_url, home=tmp_path, install_library=False)
    with start_service(settings) as base_url:
        response = httpx.get(f"{base_url}/")
    assert response.status_code == 200
    assert "make setup" in response.text


def test_component_code_follows_the_interface(sqlite_api: httpx.Client) -> None:
    """The generated section lists the inputs and outputs; the user's body and imports stay as they are."""
    request = {
        "name": "Scale",
        "category": "Arithmetic",
        "inputs": [{"name": "x", "data_type": "FLOAT"}],
        "outputs": [{"name": "y", "data_type": "FLOAT"}],
        "code": "",
    }
    first = sqlite_api.post("/api/components/code", json=request)
    assert first.status_code == 200, first.text
    code = first.json()["code"]
    assert "def main(*, x):" in code
    assert '"state": "DRAFT"' in code
    edited = "import math\n" + code.replace('return {"y": None}', 'return {"y": math.floor(x)}')
    request = {
        **request,
        "code": edited,
        "state": "RELEASED",
        "released_timestamp": "2026-01-02T03:04:05+00:00",
        "inputs": [*request["inputs"], {"name": "k", "data_type": "INT", "type": "OPTIONAL", "value": 2}],
    }
    second = sqlite_api.post("/api/components/code", json=request).json()["code"]
    assert second.startswith("import math\n")
    assert "def main(*, x, k=2):" in second
    assert 'return {"y": math.floor(x)}' in second
    assert '"k": {"data_type": "INT", "default_value": 2}' in second
    assert '"released_timestamp": "2026-01-02T03:04:05+00:00"' in second


def test_component_code_refuses_duplicate_names(sqlite_api: httpx.Client) -> None:
    """Two inputs of one name are refused with a message naming the name."""
    request = {
        "name": "Bad",
        "inputs": [{"name": "x", "data_type": "FLOAT"}, {"name": "x", "data_type": "INT"}],
        "code": "",
    }
    response = sqlite_api.post("/api/components/code", json=request)
    assert response.status_code == 422
    assert "'x' is used more than once" in response.json()["detail"]
