"""Fixtures for the adapters: root directories, a moto S3 server, a small REST adapter service and runs.

The REST adapter service is a real web service (FastAPI on uvicorn, in a thread on a free loopback port)
that speaks the generic REST adapter protocol and keeps what it is sent in memory, so a test can look at
it independently of the client under test. The moto server runs in server mode for the whole session; each
test gets buckets of its own (the hierarchy's root name is unique), so nothing needs resetting.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import uuid4

import pandas as pd
import pytest
import uvicorn
from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from moto.server import ThreadedMotoServer

from sealflow.adapters.blob import BlobStorageAdapter
from sealflow.adapters.direct import DirectProvisioning
from sealflow.adapters.localfile import LocalFileAdapter
from sealflow.adapters.protocol import Adapter, AdapterRegistry
from sealflow.adapters.rest import RestAdapter
from sealflow.code import importer
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from sealflow.runtime.results import ExecutionResult
from sealflow.runtime.runner import run
from support import MemoryCodeSource

ADAPTER_PATH = "/adapters/demo"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


# Local files -----------------------------------------------------------------------------------------------


@pytest.fixture
def roots(tmp_path: Path) -> list[Path]:
    """Two root directories, and a directory beside them that the adapter must never reach."""
    made = [tmp_path / "root-a", tmp_path / "root-b", tmp_path / "outside"]
    for directory in made:
        directory.mkdir()
    (tmp_path / "outside" / "secret.csv").write_text("secret\n42\n")
    return made[:2]


@pytest.fixture
def unreachable_url() -> str:
    """A loopback URL nothing listens on."""
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture
def local_files(roots: list[Path]) -> LocalFileAdapter:
    return LocalFileAdapter(roots)


# Blob storage ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """URL of a moto S3 server running for the whole session."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def fake_aws(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Fake credentials in the environment; no profile, config or credentials file of the machine."""
    for variable in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_CONFIG_FILE", os.fspath(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.fspath(tmp_path / "no-aws-credentials"))


@pytest.fixture
def plant() -> str:
    """A root node name no other test uses, so that every test writes to buckets of its own."""
    return f"Plant{uuid4().hex[:10]}"


@pytest.fixture
def hierarchy_file(tmp_path: Path, plant: str) -> Path:
    """``<plant>/PicklingUnit*/Influx/Anomalies`` and ``<plant>/Models/Forecast`` (no flag)."""
    structure = {
        "structure": [
            {
                "name": plant,
                "description": "a plant",
                "substructure": [
                    {
                        "name": "PicklingUnit",
                        "description": "flagged",
                        "below_structure_defines_object_key": True,
                        "substructure": [
                            {
                                "name": "Influx",
                                "description": "",
                                "substructure": [{"name": "Anomalies", "description": ""}],
                            }
                        ],
                    },
                    {"name": "Models", "description": "", "substructure": [{"name": "Forecast"}]},
                ],
            }
        ]
    }
    path = tmp_path / "hierarchy.json"
    path.write_text(json.dumps(structure))
    return path


@pytest.fixture
def blob(hierarchy_file: Path, s3_endpoint: str, fake_aws: None) -> BlobStorageAdapter:
    return BlobStorageAdapter(hierarchy_file, endpoint_url=s3_endpoint, region="eu-central-1", timeout=5)


# REST adapter service --------------------------------------------------------------------------------------


@dataclass
class AdapterService:
    """What the REST adapter service holds, and every request it answered."""

    url: str
    timeseries: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    frames: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    metadata: dict[tuple[str, str, str], Any] = field(default_factory=dict)
    attributes: dict[tuple[str, str], Any] = field(default_factory=dict)
    requests: list[tuple[str, str, list[tuple[str, str]]]] = field(default_factory=list)

    def reset(self) -> None:
        for store in (self.timeseries, self.frames, self.metadata, self.attributes):
            store.clear()
        self.requests.clear()


def _encode_attributes(attributes: Any) -> str:
    return base64.b64encode(json.dumps(attributes).encode("utf-8")).decode("ascii")


def _decode_attributes(request: Request) -> Any:
    header = request.headers.get("Data-Attributes")
    return json.loads(base64.b64decode(header).decode("utf-8")) if header else None


def _in_span(record: dict[str, Any], request: Request) -> bool:
    stamp = pd.Timestamp(record["timestamp"])
    return pd.Timestamp(request.query_params["from"]) <= stamp <= pd.Timestamp(request.query_params["to"])


def _ndjson(records: list[dict[str, Any]], attributes: Any) -> Response:
    if not records:
        return JSONResponse({"errorCode": "RESULT_EMPTY", "message": "no data"}, status_code=404)
    headers = {"Data-Attributes": _encode_attributes(attributes)} if attributes else {}
    text = "".join(json.dumps(record) + "\n" for record in records)
    return Response(text, media_type="application/x-ndjson", headers=headers)


def _service_app(service: AdapterService) -> FastAPI:
    router = APIRouter(prefix=ADAPTER_PATH)

    def log(request: Request) -> None:
        service.requests.append((request.method, request.url.path, list(request.query_params.multi_items())))

    def refuse(ref_id: str) -> Response | None:
        if ref_id == "broken":
            return JSONResponse({"detail": "the database is down"}, status_code=500)
        if ref_id == "forbidden":
            return JSONResponse({"detail": "not for you"}, status_code=403)
        return None

    @router.get("/timeseries")
    def get_timeseries(request: Request) -> Response:
        log(request)
        ids = request.query_params.getlist("id")
        for ts_id in ids:
            refused = refuse(ts_id)
            if refused:
                return refused
        records = [
            {"timeseriesId": ts_id, **record}
            for ts_id in ids
            for record in service.timeseries.get(ts_id, [])
            if _in_span(record, request)
        ]
        attributes = {
            i: service.attributes[("timeseries", i)] for i in ids if ("timeseries", i) in service.attributes
        }
        return _ndjson(records, attributes)

    @router.post("/timeseries")
    async def post_timeseries(request: Request) -> Response:
        log(request)
        ts_id = request.query_params["timeseriesId"]
        refused = refuse(ts_id)
        if refused:
            return refused
        service.timeseries[ts_id] = await request.json()
        if (attributes := _decode_attributes(request)) is not None:
            service.attributes[("timeseries", ts_id)] = attributes
        return JSONResponse({"message": "stored"})

    def get_frame(kind: str, request: Request) -> Response:
        log(request)
        ref_id = request.query_params["id"]
        refused = refuse(ref_id)
        if refused:
            return refused
        records = service.frames.get((kind, ref_id), [])
        if kind == "multitsframe":
            records = [record for record in records if _in_span(record, request)]
        return _ndjson(records, service.attributes.get((kind, ref_id)))

    async def post_frame(kind: str, request: Request) -> Response:
        log(request)
        ref_id = request.query_params["id"]
        refused = refuse(ref_id)
        if refused:
            return refused
        service.frames[(kind, ref_id)] = await request.json()
        if (attributes := _decode_attributes(request)) is not None:
            service.attributes[(kind, ref_id)] = attributes
        return JSONResponse({"message": "stored"})

    @router.get("/dataframe")
    def get_dataframe(request: Request) -> Response:
        return get_frame("dataframe", request)

    @router.post("/dataframe")
    async def post_dataframe(request: Request) -> Response:
        return await post_frame("dataframe", request)

    @router.get("/multitsframe")
    def get_multitsframe(request: Request) -> Response:
        return get_frame("multitsframe", request)

    @router.post("/multitsframe")
    async def post_multitsframe(request: Request) -> Response:
        return await post_frame("multitsframe", request)

    @router.get("/{owner}/{ref_id:path}/metadata/{key}")
    def get_metadatum(owner: str, ref_id: str, key: str, request: Request) -> Response:
        log(request)
        if (owner, ref_id, key) not in service.metadata:
            return JSONResponse({"detail": f"no metadatum {key}"}, status_code=404)
        return JSONResponse({"key": key, "value": service.metadata[(owner, ref_id, key)], "dataType": "any"})

    @router.post("/{owner}/{ref_id:path}/metadata/{key}")
    async def post_metadatum(owner: str, ref_id: str, key: str, request: Request) -> Response:
        log(request)
        body = await request.json()
        service.metadata[(owner, ref_id, key)] = body["value"]
        return JSONResponse({"message": "stored"})

    app = FastAPI()
    app.include_router(router)
    return app


@pytest.fixture(scope="session")
def _adapter_service_session() -> Iterator[AdapterService]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    service = AdapterService(url=f"http://127.0.0.1:{port}{ADAPTER_PATH}")
    config = uvicorn.Config(_service_app(service), log_level="warning", lifespan="off", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the REST adapter service did not start", pytrace=False)
        time.sleep(0.01)
    yield service
    server.should_exit = True
    thread.join(timeout=10)
    listener.close()


@pytest.fixture
def adapter_service(_adapter_service_session: AdapterService) -> AdapterService:
    """The REST adapter service, empty."""
    _adapter_service_session.reset()
    return _adapter_service_session


@pytest.fixture
def rest(adapter_service: AdapterService) -> RestAdapter:
    return RestAdapter(
        "demo-adapter", "Demo Adapter", "http://demo.example/adapter", adapter_service.url, timeout=5
    )


# Runs ------------------------------------------------------------------------------------------------------


@pytest.fixture
def run_wired() -> Iterator[Callable[..., ExecutionResult]]:
    """Run a component with a wiring through the given adapters (direct provisioning always included)."""
    source = MemoryCodeSource()
    importer.install(source)

    def go(tr: TransformationRevision, wiring: dict[str, Any], *adapters: Adapter) -> ExecutionResult:
        source.add(tr)
        registry = AdapterRegistry([DirectProvisioning(), *adapters])
        return run(tr, {}.__getitem__, WorkflowWiring.model_validate(wiring), registry)

    yield go
    importer.uninstall()
