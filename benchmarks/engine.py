"""Engine overhead: a chain of 100 trivial operators, one component alone, and cold import by hash.

Prints the per-operator overhead of the engine and its ratio to calling the same component functions
directly in a loop, measured in the same run, and the time to import a component by hash for the first
time (code fetched from a real SQLite code store, hash checked, compiled, executed).

    python benchmarks/engine.py [--operators 100] [--imports 200]

Targets: per-operator overhead under 0.3 ms; cold import by hash under 5 ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import timeit
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from sealflow.adapters.direct import DirectProvisioning
from sealflow.adapters.protocol import AdapterRegistry, wiring_from_values
from sealflow.code import importer
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.transformation import TransformationRevision
from sealflow.runtime.engine import execute, load_functions
from sealflow.runtime.plan import compile_plan
from sealflow.runtime.runner import run
from sealflow.store import CodeRepository, Database, TransformationRepository

RELEASED = datetime(2026, 1, 1, tzinfo=UTC)
ADD_ONE = "def main(*, x):\n    return {'y': x + 1}\n"


def add_one() -> TransformationRevision:
    """A released component: ``y = x + 1`` on integers."""
    return TransformationRevision.model_validate(
        {
            "name": "Add One",
            "version_tag": "1.0.0",
            "type": "COMPONENT",
            "state": "RELEASED",
            "released_timestamp": RELEASED,
            "content": ADD_ONE,
            "io_interface": {
                "inputs": [{"name": "x", "data_type": "INT"}],
                "outputs": [{"name": "y", "data_type": "INT"}],
            },
        }
    )


def chain(component: TransformationRevision, length: int) -> TransformationRevision:
    """A released workflow of ``length`` operators, each feeding the next."""
    builder = WorkflowBuilder()
    placed = [builder.add(component, f"step {index}") for index in range(length)]
    builder.input("x", placed[0].input("x"))
    for before, after in pairwise(placed):
        builder.link(before.output("y"), after.input("x"))
    builder.output("y", placed[-1].output("y"))
    return builder.build(f"Chain of {length}", released=RELEASED)


def best(function: Callable[[], Any], number: int, repeat: int = 7) -> float:
    """The fastest mean time of one call, in seconds, over ``repeat`` rounds of ``number`` calls."""
    return min(timeit.Timer(function).repeat(repeat=repeat, number=number)) / number


def cold_imports(codes: CodeRepository, count: int) -> list[float]:
    """Seconds to import each of ``count`` distinct components by hash for the first time."""
    hashes = [codes.put(f"{ADD_ONE}\nVARIANT = {index}\n") for index in range(count)]
    durations = []
    for hash_ in hashes:
        start = time.perf_counter()
        importer.load(hash_)
        durations.append(time.perf_counter() - start)
    return durations


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--operators", type=int, default=100)
    parser.add_argument("--imports", type=int, default=200)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp, Database.open(f"sqlite:///{Path(tmp) / 'bench.db'}") as db:
        codes, revisions = CodeRepository(db), TransformationRepository(db)
        importer.install(codes)
        component = add_one()
        workflow = chain(component, args.operators)
        revisions.insert(component)
        revisions.insert(workflow)

        plan = compile_plan(workflow, revisions.get)
        wiring, registry = wiring_from_values({"x": 0}), AdapterRegistry([DirectProvisioning()])
        functions = load_functions(plan)

        def direct() -> int:
            x = 0
            for function in functions:
                x = function(x=x)["y"]
            return x

        assert direct() == execute(plan, {"x": 0}).outputs["y"] == args.operators
        t_direct = best(direct, number=2000)
        t_engine = best(lambda: execute(plan, {"x": 0}), number=200)
        t_run = best(lambda: run(workflow, revisions.get, wiring, registry), number=20)
        single = compile_plan(component, revisions.get)
        t_single_direct = best(lambda: functions[0](x=0), number=20000)
        t_single_engine = best(lambda: execute(single, {"x": 0}), number=5000)
        t_single_run = best(lambda: run(component, revisions.get, wiring, registry), number=500)
        imports = cold_imports(codes, args.imports)
        importer.uninstall()

    n = args.operators
    overhead = (t_engine - t_direct) / n
    print(f"chain of {n} operators (best of 7 rounds)")
    print(
        f"  direct calls in a loop        {t_direct * 1e3:9.3f} ms   ({t_direct / n * 1e6:7.2f} us per operator)"
    )
    print(
        f"  engine, compiled plan         {t_engine * 1e3:9.3f} ms   ratio to direct {t_engine / t_direct:6.1f}x"
    )
    print(f"  run() incl. compile + encode  {t_run * 1e3:9.3f} ms   ratio to direct {t_run / t_direct:6.1f}x")
    print(f"  per-operator overhead         {overhead * 1e3:9.4f} ms   (target < 0.3 ms)")
    print(f"  per-operator, run()           {(t_run - t_direct) / n * 1e3:9.4f} ms")
    print("one component alone")
    print(f"  direct call                   {t_single_direct * 1e6:9.2f} us")
    print(
        f"  engine, compiled plan         {t_single_engine * 1e6:9.2f} us   ratio to direct {t_single_engine / t_single_direct:6.1f}x"
    )
    print(
        f"  run() incl. compile + encode  {t_single_run * 1e6:9.2f} us   ratio to direct {t_single_run / t_single_direct:6.1f}x"
    )
    ordered = sorted(imports)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(f"cold import by hash ({len(imports)} distinct components, SQLite code store)")
    print(
        f"  median {statistics.median(imports) * 1e3:.3f} ms   p95 {p95 * 1e3:.3f} ms   max {ordered[-1] * 1e3:.3f} ms   (target < 5 ms)"
    )


if __name__ == "__main__":
    main()
