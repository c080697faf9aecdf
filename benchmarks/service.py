"""Latency of ``POST /api/transformations/execute`` over HTTP, against the engine called in-process.

Starts the service (uvicorn, one worker, SQLite in a temporary directory) on a loopback port, stores a
trivial Add component (two INT inputs), warms up, then sends sequential execute requests with direct
provisioning over one keep-alive connection. Each request serializes its JSON body and each answer is
parsed and checked. Prints median and p95 latency and executions per second, each with its ratio to
``sealflow.runtime.runner.run`` called in this process, and hetida designer's reference figures. For
orientation it also times ``ops.execution.execute_transformation`` in this process: the run plus the
execution record the service writes for every run. It measures; it asserts nothing.

The service's latency is measured with the standard library's ``http.client``, the client that adds
the least time of its own. The same requests through ``httpx`` are timed too: the difference between
the two lines is time spent in the client process, not in the service.

    python benchmarks/service.py [--requests 50] [--warmup 20]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from sealflow.adapters.protocol import wiring_from_values
from sealflow.config import Settings
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.execution import execute_transformation
from sealflow.ops.instance import Instance
from sealflow.runtime.runner import run

#: hetida designer's figures from the issue: median latency and sequential executions per second.
HETIDA_MEDIAN_MS = 3.6
HETIDA_PER_SECOND = 255

JSON_HEADERS = {"Content-Type": "application/json"}

ADD = "def main(*, a, b):\n    return {'sum': a + b}\n"


def add_component() -> TransformationRevision:
    """A released component: ``sum = a + b`` on integers."""
    return TransformationRevision.model_validate(
        {
            "name": "Add",
            "version_tag": "1.0.0",
            "type": "COMPONENT",
            "state": "RELEASED",
            "released_timestamp": datetime(2026, 1, 1, tzinfo=UTC),
            "content": ADD,
            "io_interface": {
                "inputs": [{"name": "a", "data_type": "INT"}, {"name": "b", "data_type": "INT"}],
                "outputs": [{"name": "sum", "data_type": "INT"}],
            },
        }
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_service(home: Path, port: int) -> subprocess.Popen[bytes]:
    """``uvicorn`` with the service factory in a subprocess; returns once it answers."""
    env = {**os.environ, "SEALFLOW_HOME": str(home)}
    env.pop("SEALFLOW_DB_URL", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "sealflow.service.app:app_from_environment",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the service exited with code {process.returncode}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/info", timeout=1).raise_for_status()
            return process
        except httpx.HTTPError:
            time.sleep(0.05)
    process.terminate()
    raise SystemExit("the service did not start within 60 s")


def timings(call: Callable[[], Any], count: int) -> list[float]:
    """Seconds of each of ``count`` sequential calls."""
    durations = []
    for _ in range(count):
        start = time.perf_counter()
        call()
        durations.append(time.perf_counter() - start)
    return durations


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[round(0.95 * (len(ordered) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()

    component = add_component()
    wiring = wiring_from_values({"a": 1, "b": 2})
    body = {"id": str(component.id), "wiring": wiring.model_dump(mode="json")}
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        process = start_service(Path(tmp), port)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                stored = client.put(f"/api/transformations/{component.id}", json=component.to_json_dict())
                stored.raise_for_status()

                def execute_httpx() -> None:
                    response = client.post("/api/transformations/execute", json=body)
                    assert response.json()["output_results_by_output_name"] == {"sum": 3}, response.text

                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

                def execute() -> None:
                    connection.request("POST", "/api/transformations/execute", json.dumps(body), JSON_HEADERS)
                    answer = connection.getresponse()
                    text = answer.read()
                    assert answer.status == 200, text
                    assert json.loads(text)["output_results_by_output_name"] == {"sum": 3}, text

                timings(execute, args.warmup)
                stdlib = timings(execute, args.requests)
                timings(execute_httpx, args.warmup)
                through_httpx = timings(execute_httpx, args.requests)
                connection.close()
        finally:
            process.terminate()
            process.wait(timeout=30)

        instance = Instance.open(Settings(home=Path(tmp)))
        try:
            tr = instance.transformations.get(component.id)

            def engine() -> None:
                result = run(tr, instance.transformations.get, wiring, instance.adapters)
                assert result.output_results_by_output_name == {"sum": 3}

            def recorded() -> None:
                result = execute_transformation(instance, tr, wiring)
                assert result.output_results_by_output_name == {"sum": 3}

            timings(engine, args.warmup)
            local = timings(engine, args.requests)
            timings(recorded, args.warmup)
            with_record = timings(recorded, args.requests)
        finally:
            instance.close()

    def line(label: str, values: list[float]) -> tuple[float, float, float]:
        median, high = statistics.median(values), p95(values)
        rate = len(values) / sum(values)
        print(f"  {label:<34} median {median * 1e3:7.3f} ms   p95 {high * 1e3:7.3f} ms   {rate:8.1f}/s")
        return median, high, rate

    print(
        f"{args.requests} sequential executions of an Add component (direct provisioning), after {args.warmup} warm-up"
    )
    h_median, h_p95, h_rate = line("POST /api/transformations/execute", stdlib)
    line("  the same, httpx as the client", through_httpx)
    l_median, l_p95, l_rate = line("in-process runtime.runner.run()", local)
    line("in-process run + execution record", with_record)
    print(
        f"  ratio HTTP / in-process            median {h_median / l_median:7.1f}x      "
        f"p95 {h_p95 / l_p95:7.1f}x      {h_rate / l_rate:8.3f}x per second"
    )
    print(
        f"hetida designer (from the issue)     median {HETIDA_MEDIAN_MS:7.3f} ms                   "
        f"{HETIDA_PER_SECOND:8.1f}/s"
    )
    print(
        f"  target: median at most {HETIDA_MEDIAN_MS / 2:.1f} ms; here {h_median * 1e3:.3f} ms "
        f"({h_median * 1e3 / HETIDA_MEDIAN_MS:.2f} of hetida designer's), "
        f"{h_rate / HETIDA_PER_SECOND:.1f}x its executions per second"
    )


if __name__ == "__main__":
    main()
