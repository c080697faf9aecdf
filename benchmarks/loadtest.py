"""Load test: many executions through the HTTP API from concurrent clients, on loopback only.

Starts ``sealflow serve`` (``--workers`` processes, a scratch database on the local PostgreSQL server, or
SQLite with ``--db-url sqlite``) on a loopback port, stores a small component, and sends ``--runs``
executions from ``--clients`` concurrent clients, each with its own job id. It stops sending when
``--max-seconds`` have passed, so it is bounded in count and in time. Afterwards it prints p50 and p99
latency and executions per second, counts errors, and checks that every answered run has exactly one
execution record. It exits 1 on an error, a lost record or a run cut short by the time bound.

    python benchmarks/loadtest.py [--runs 10000] [--clients 20] [--max-seconds 600] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from uuid import uuid4

import httpx
from scale import bench_database, serving
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

from sealflow.adapters.protocol import wiring_from_values
from sealflow.config import Settings
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.instance import Instance

ADD = {
    "name": "Add",
    "version_tag": "1.0.0",
    "type": "COMPONENT",
    "state": "RELEASED",
    "released_timestamp": "2026-01-01T00:00:00+00:00",
    "content": "def main(*, a, b):\n    return {'sum': a + b}\n",
    "io_interface": {
        "inputs": [{"name": "a", "data_type": "INT"}, {"name": "b", "data_type": "INT"}],
        "outputs": [{"name": "sum", "data_type": "INT"}],
    },
}


class Tally:
    """Latencies, answered job ids and errors, from every client thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.job_ids: list[str] = []
        self.errors: list[str] = []
        self.sent = 0


def client_loop(url: str, body: Mapping[str, object], quota: int, deadline: float, tally: Tally) -> None:
    """Send up to ``quota`` runs until ``deadline``, each with a fresh job id."""
    with httpx.Client(base_url=url, timeout=60) as client:
        for _ in range(quota):
            if time.monotonic() > deadline:
                return
            job_id = str(uuid4())
            started = time.perf_counter()
            try:
                response = client.post("/api/transformations/execute", json={**body, "job_id": job_id})
                problem = (
                    None
                    if response.status_code == 200 and response.json()["result"] == "ok"
                    else response.text[:200]
                )
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {exc}"
            elapsed = time.perf_counter() - started
            with tally.lock:
                tally.sent += 1
                if problem is None:
                    tally.latencies.append(elapsed)
                    tally.job_ids.append(job_id)
                else:
                    tally.errors.append(problem)


def recorded(db_url: str, job_ids: list[str]) -> int:
    """How many of ``job_ids`` have an execution record."""
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT id FROM execution_records")).scalars()
            stored = {str(value) for value in rows}
    finally:
        engine.dispose()
    return len(stored & set(job_ids))


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--max-seconds", type=float, default=600.0, help="stop sending after this long")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes of the service")
    parser.add_argument(
        "--db-url", help="PostgreSQL server for a scratch database (default: local), or sqlite"
    )
    args = parser.parse_args()
    tr = TransformationRevision.model_validate(ADD)
    body = {"id": str(tr.id), "wiring": wiring_from_values({"a": 20, "b": 22}).model_dump(mode="json")}
    with (
        tempfile.TemporaryDirectory(prefix="sealflow-load-") as directory,
        bench_database(args.db_url, Path(directory)) as db_url,
    ):
        home = Path(directory)
        Instance.open(Settings(home=home, db_url=db_url, install_library=False)).close()
        with serving(home, db_url, "--workers", str(args.workers)) as url:
            httpx.put(
                f"{url}/api/transformations/{tr.id}", json=tr.to_json_dict(), timeout=60
            ).raise_for_status()
            tally = Tally()
            quotas = [
                args.runs // args.clients + (1 if i < args.runs % args.clients else 0)
                for i in range(args.clients)
            ]
            started = time.perf_counter()
            deadline = time.monotonic() + args.max_seconds
            with ThreadPoolExecutor(args.clients) as pool:
                for future in [
                    pool.submit(client_loop, url, body, quota, deadline, tally) for quota in quotas
                ]:
                    future.result()
            elapsed = time.perf_counter() - started
        found = recorded(db_url, tally.job_ids)
        backend = make_url(db_url).get_backend_name()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"Load test: {tally.sent} of {args.runs} executions sent by {args.clients} clients in {elapsed:.1f} s "
        f"({args.workers} service workers, {backend}, {os.cpu_count()} CPUs, load {load})"
    )
    if tally.latencies:
        print(
            f"  p50 {statistics.median(tally.latencies) * 1000:.1f} ms   p99 {percentile(tally.latencies, 0.99) * 1000:.1f} ms"
            f"   {len(tally.latencies) / elapsed:.0f} executions/s"
        )
    print(f"  errors: {len(tally.errors)}   records: {found} of {len(tally.job_ids)} answered runs")
    for problem in tally.errors[:5]:
        print(f"    {problem}")
    if tally.errors or found != len(tally.job_ids) or tally.sent < args.runs:
        if tally.sent < args.runs:
            print(f"  stopped by the time bound of {args.max_seconds:g} s")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
