"""Scale-out: executions per second with 1, 2 and 4 runtime processes, and a Dask batch against a loop.

Part 1 starts a backend (``sealflow serve --role backend``) and a runtime service with 1, 2 and 4 uvicorn
worker processes behind one URL (``sealflow serve --role runtime --workers N``), all on one scratch
database on the local PostgreSQL server (``--db-url sqlite`` uses a SQLite file instead), and sends ``--requests`` executions of a CPU-bound component (pure Python, about
``--work`` ms) from ``--clients`` concurrent HTTP clients. It prints executions per second and the ratio to
one runtime process.

Part 2 runs the same component ``--batch`` times: once as a sequential loop in this process (each run
resolved from the same run order and recorded, as a worker does it), once with ``sealflow.ops.batch`` on a
Dask LocalCluster of 2 worker processes. It prints both times, with and without the cluster's start.

The target is at least 1.7x with 2 workers on a 2-core machine. It measures; it asserts nothing.

    python benchmarks/scale.py [--requests 80] [--clients 8] [--batch 1000] [--work 50] [--part all]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx
from dask.distributed import LocalCluster
from sqlalchemy import create_engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from sealflow.adapters.protocol import wiring_from_values
from sealflow.config import Settings
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.batch import batch_order, run_batch
from sealflow.ops.dispatch import run_order
from sealflow.ops.instance import Instance

BUSY = """\
def main(*, n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return {"total": total}
"""

#: The local PostgreSQL server the benchmark creates its scratch database on by default.
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

#: Loop iterations the calibration times.
CALIBRATION = 200_000


def busy_component() -> TransformationRevision:
    """A released component that keeps one core busy for ``n`` loop iterations."""
    return TransformationRevision.model_validate(
        {
            "name": "Busy",
            "version_tag": "1.0.0",
            "type": "COMPONENT",
            "state": "RELEASED",
            "released_timestamp": datetime(2026, 1, 1, tzinfo=UTC),
            "content": BUSY,
            "io_interface": {
                "inputs": [{"name": "n", "data_type": "INT"}],
                "outputs": [{"name": "total", "data_type": "INT"}],
            },
        }
    )


def iterations_for(milliseconds: float) -> int:
    """Loop iterations that keep this machine's CPU busy for about ``milliseconds`` (CPU time)."""
    namespace: dict[str, Any] = {}
    exec(BUSY, namespace)  # the component's own code, timed in this process
    timings = []
    for _ in range(5):
        started = time.process_time()
        namespace["main"](n=CALIBRATION)
        timings.append(time.process_time() - started)
    return int(CALIBRATION * milliseconds / (min(timings) * 1000))


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def bench_database(url: str | None, home: Path) -> Iterator[str]:
    """A fresh database for the run: on the PostgreSQL server ``url`` names (dropped afterwards), or the
    SQLite file in ``home`` when ``url`` is ``sqlite``."""
    if url == "sqlite":
        yield f"sqlite:///{home / 'sealflow.db'}"
        return
    server = make_url(url or POSTGRES)
    name = f"sealflow_scale_{uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except OperationalError as exc:
        admin.dispose()
        raise SystemExit(
            f"PostgreSQL at {server.render_as_string()} cannot be reached ({exc}); use --db-url sqlite"
        ) from exc
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@contextmanager
def serving(home: Path, db_url: str, *args: str, **env: str) -> Iterator[str]:
    """``sealflow serve ARGS`` on a free loopback port until the block ends; yields its URL."""
    port = free_port()
    environment = {**os.environ, "SEALFLOW_HOME": str(home), "SEALFLOW_INSTALL_LIBRARY": "false", **env}
    environment["SEALFLOW_DB_URL"] = db_url
    command = [sys.executable, "-m", "sealflow", "serve", "--port", str(port), *args]
    with (home / f"serve-{port}.log").open("wb") as log:
        process = subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/info", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"sealflow serve {' '.join(args)} did not start; see {home}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


def throughput(url: str, tr: TransformationRevision, n: int, requests: int, clients: int) -> float:
    """Executions per second of ``requests`` runs sent by ``clients`` concurrent clients."""
    body = {"id": str(tr.id), "wiring": wiring_from_values({"n": n}).model_dump(mode="json")}

    def send(count: int) -> None:
        with httpx.Client(base_url=url, timeout=300) as client:
            for _ in range(count):
                response = client.post("/api/transformations/execute", json=body)
                if response.status_code != 200 or response.json()["result"] != "ok":
                    raise SystemExit(f"a run failed: {response.status_code} {response.text[:300]}")

    send(2)  # warm up: the runtime imports the code and the backend pins the environment
    shares = [requests // clients + (1 if i < requests % clients else 0) for i in range(clients)]
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(send, shares))
    return requests / (time.perf_counter() - started)


def runtimes_part(
    home: Path, db_url: str, tr: TransformationRevision, n: int, requests: int, clients: int
) -> None:
    """Part 1: executions per second with 1, 2 and 4 runtime processes."""
    print(f"Part 1: {requests} executions of the component, {clients} concurrent clients")
    base = None
    for processes in (1, 2, 4):
        with (
            serving(home, db_url, "--role", "runtime", "--workers", str(processes)) as runtime_url,
            serving(home, db_url, "--role", "backend", SEALFLOW_RUNTIME_URL=runtime_url) as backend_url,
        ):
            if processes == 1:
                stored = httpx.put(
                    f"{backend_url}/api/transformations/{tr.id}", json=tr.to_json_dict(), timeout=60
                )
                stored.raise_for_status()
            rate = throughput(backend_url, tr, n, requests, clients)
        base = base or rate
        print(f"  {processes} runtime process(es): {rate:7.1f} executions/s   ratio {rate / base:4.2f}x")


def batch_part(home: Path, db_url: str, tr: TransformationRevision, n: int, runs: int) -> None:
    """Part 2: ``runs`` executions as a sequential loop and as a Dask batch on 2 worker processes."""
    print(f"Part 2: {runs} runs of the same component, sequential loop vs Dask (2 worker processes)")
    instance = Instance.open(Settings(home=home, db_url=db_url, install_library=False))
    try:
        sets = [{"n": n} for _ in range(runs)]
        order = batch_order(instance, tr, [])
        started = time.perf_counter()
        for values in sets:
            run_order(
                instance,
                order.model_copy(update={"execution_id": uuid4(), "wiring": wiring_from_values(values)}),
            )
        sequential = time.perf_counter() - started

        started = time.perf_counter()
        with LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster:
            ready = time.perf_counter()
            rows = run_batch(instance, tr, sets, cluster=cluster.scheduler_address)
            finished = time.perf_counter()
    finally:
        instance.close()
    failed = sum(1 for row in rows if row["result"] != "ok")
    with_start, without_start = finished - started, finished - ready
    print(f"  sequential loop:         {sequential:6.1f} s  ({runs / sequential:6.1f} runs/s)")
    print(
        f"  Dask, cluster start incl: {with_start:6.1f} s  ratio {sequential / with_start:4.2f}x; "
        f"runs only: {without_start:6.1f} s  ratio {sequential / without_start:4.2f}x; failed: {failed}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=80, help="executions per runtime configuration")
    parser.add_argument("--clients", type=int, default=8, help="concurrent HTTP clients")
    parser.add_argument("--batch", type=int, default=1000, help="runs of the batch comparison")
    parser.add_argument("--work", type=int, default=50, help="milliseconds of CPU per run, roughly")
    parser.add_argument("--part", choices=["all", "runtimes", "batch"], default="all", help="what to measure")
    parser.add_argument(
        "--db-url", help=f"PostgreSQL server to create a scratch database on (default {POSTGRES}), or sqlite"
    )
    args = parser.parse_args()
    tr = busy_component()
    n = iterations_for(args.work)
    with (
        tempfile.TemporaryDirectory(prefix="sealflow-scale-") as directory,
        bench_database(args.db_url, Path(directory)) as db_url,
    ):
        home = Path(directory)
        Instance.open(Settings(home=home, db_url=db_url, install_library=False)).close()
        backend = make_url(db_url).get_backend_name()
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"Sealflow scale-out benchmark on {os.cpu_count()} CPU(s), database: {backend}, load {load}")
        print(f"CPU-bound component: {n} loop iterations, about {args.work} ms of CPU per run")
        if args.part in ("all", "runtimes"):
            runtimes_part(home, db_url, tr, n, args.requests, args.clients)
        if args.part in ("all", "batch"):
            batch_part(home, db_url, tr, n, args.batch)


if __name__ == "__main__":
    main()
