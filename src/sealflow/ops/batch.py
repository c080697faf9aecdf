"""Batch runs on Dask distributed: one execution per input set, fanned out over the cluster's workers.

The revision is resolved once into a run order (snapshots and code hashes in the shared store); each task
carries that order, its own execution id and its input values. A worker opens the instance once per
process from the settings it is sent (the database URL among them), imports component code by hash from
the shared code store and records every run, exactly as a runtime service does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from uuid import uuid4

from pydantic import SecretStr

from sealflow.adapters.protocol import wiring_from_values
from sealflow.config import Settings
from sealflow.errors import InvalidInput, SealflowError
from sealflow.model.jobs import RunOrder
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.dispatch import make_order, run_order
from sealflow.ops.export_folder import write_atomically
from sealflow.ops.instance import Instance

#: The instance each worker process opened, by the JSON of its settings.
_WORKER_INSTANCES: dict[str, Instance] = {}


def read_input_sets(path: Path) -> list[dict[str, Any]]:
    """The input sets in a parquet file (one per row) or a JSON lines file (one object per line)."""
    if not path.is_file():
        raise InvalidInput(f"input file {path} does not exist; give a .parquet or .jsonl file")
    if path.suffix == ".parquet":
        import pandas as pd

        try:
            frame = pd.read_parquet(path)
        except (OSError, ValueError) as exc:
            raise InvalidInput(f"{path} cannot be read as parquet: {exc}") from exc
        rows: list[dict[str, Any]] = json.loads(frame.to_json(orient="records", date_format="iso"))
        return rows
    if path.suffix not in (".jsonl", ".ndjson"):
        raise InvalidInput(f"{path} is neither .parquet nor .jsonl; give one input set per row or line")
    sets = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"{path} line {number} is not JSON: {exc.msg}") from exc
        if not isinstance(item, dict):
            raise InvalidInput(f"{path} line {number} must be a JSON object of input values by name")
        sets.append(item)
    return sets


def batch_order(
    instance: Instance, tr: TransformationRevision, unstored: list[TransformationRevision]
) -> RunOrder:
    """The run order every task of a batch of ``tr`` starts from (its wiring is replaced per task)."""
    return make_order(
        instance,
        tr,
        WorkflowWiring(),
        execution_id=uuid4(),
        unstored=unstored,
        pinned_fingerprint=instance.settings.pinned_fingerprint,
        policy=instance.settings.fingerprint_policy,
    )


MAX_TASK_SIZE = 20
"""Input sets per Dask task at most: a task per set would spend a large share of a short run on
scheduling."""
TASKS_PER_BATCH = 16
"""A batch is cut into about this many tasks (fewer for small batches), so the workers stay balanced."""


def run_item(settings_json: str, order_json: str, index: int, values: dict[str, Any]) -> dict[str, Any]:
    """Run one input set in this worker process and record it; a row of the result sink."""
    instance = _WORKER_INSTANCES.get(settings_json)
    if instance is None:
        instance = Instance.open(Settings.model_validate(json.loads(settings_json)))
        _WORKER_INSTANCES[settings_json] = instance
    order = RunOrder.model_validate_json(order_json).model_copy(
        update={"execution_id": uuid4(), "wiring": wiring_from_values(values)}
    )
    row: dict[str, Any] = {"row": index, "job_id": str(order.execution_id)}
    try:
        result = run_order(instance, order)
    except SealflowError as exc:
        return {**row, "result": "failure", "error": {"type": type(exc).__name__, "message": str(exc)}}
    row["result"] = result.result
    row["outputs"] = result.output_results_by_output_name
    if result.error is not None:
        row["error"] = {"type": result.error.type, "message": result.error.message}
    return row


def run_items(
    settings_json: str, order_json: str, items: list[tuple[int, dict[str, Any]]]
) -> list[dict[str, Any]]:
    """Run several input sets, given with their row numbers, in this worker process (one Dask task)."""
    return [run_item(settings_json, order_json, index, values) for index, values in items]


@contextmanager
def dask_client(address: str | None, workers: int) -> Iterator[Any]:
    """A client of the cluster at ``address``, or of a local cluster of ``workers`` processes."""
    from dask.distributed import Client, LocalCluster

    if address is not None:
        try:
            client = Client(address, timeout="20s")  # type: ignore[no-untyped-call]
        except OSError as exc:
            raise InvalidInput(f"no Dask scheduler answers at {address}: {exc}") from exc
        with client:
            yield client
        return
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


def run_batch(
    instance: Instance,
    tr: TransformationRevision,
    sets: list[dict[str, Any]],
    *,
    unstored: list[TransformationRevision] | None = None,
    cluster: str | None = None,
    workers: int = 2,
    progress: Callable[[int], None] = lambda done: None,
) -> list[dict[str, Any]]:
    """Run ``tr`` once per input set on Dask and return one row per set, in input order."""
    from dask.distributed import as_completed

    order_json = batch_order(instance, tr, unstored or []).model_dump_json()
    settings_json = worker_settings(instance.settings)
    rows: list[dict[str, Any]] = [{} for _ in sets]
    items = list(enumerate(sets))
    size = max(1, min(MAX_TASK_SIZE, len(items) // TASKS_PER_BATCH))
    with dask_client(cluster, workers) as client:
        settings_data, order_data = client.scatter([settings_json, order_json], broadcast=True)
        futures = [
            client.submit(run_items, settings_data, order_data, items[start : start + size], pure=False)
            for start in range(0, len(items), size)
        ]
        done = 0
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            for row in future.result():
                rows[row["row"]] = row
                done += 1
            progress(done)
    return rows


def write_sink(path: Path, rows: list[dict[str, Any]]) -> None:
    """Write the result rows to ``path``: JSON lines, or parquet (outputs and errors as JSON text)."""
    if path.suffix == ".parquet":
        import pandas as pd

        frame = pd.DataFrame(
            {
                "row": [row["row"] for row in rows],
                "job_id": [row["job_id"] for row in rows],
                "result": [row["result"] for row in rows],
                "outputs": [json.dumps(row.get("outputs")) for row in rows],
                "error": [json.dumps(row["error"]) if "error" in row else None for row in rows],
            }
        )
        temporary = path.with_name(f".{path.name}.tmp")
        frame.to_parquet(temporary, index=False)
        temporary.replace(path)
        return
    write_atomically(path, "".join(json.dumps(row, allow_nan=False) + "\n" for row in rows))


def worker_settings(settings: Settings) -> str:
    """The settings as workers in other processes need them, as JSON: absolute paths, secrets included."""
    absolute = settings.model_copy(update={"db_url": settings.database_url, "home": settings.home.resolve()})
    values = {
        name: value.get_secret_value() if isinstance(value, SecretStr) else value
        for name, value in ((name, getattr(absolute, name)) for name in Settings.model_fields)
    }
    return json.dumps(values, default=str)
