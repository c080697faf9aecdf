"""``sealflow batch``: one recorded run per input set on Dask workers, results in a sink file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from dask.distributed import LocalCluster

from sealflow.config import Settings
from sealflow.model.hashing import code_hash
from sealflow.ops.instance import Instance
from sealflow.store.executions import ExecutionRepository
from support import component

SCRIPT = Path(sys.executable).parent / "sealflow"

SQUARE = component(
    "Square", {"x": "INT"}, {"y": "INT"}, "if x < 0:\n    raise ValueError('negative x')\nreturn {'y': x * x}"
)


def sealflow(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the console script on the instance in ``home``."""
    env = {**os.environ, "SEALFLOW_HOME": str(home), "SEALFLOW_INSTALL_LIBRARY": "false", "COLUMNS": "200"}
    env.pop("SEALFLOW_DB_URL", None)
    return subprocess.run(
        [str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=300, cwd=home, check=False
    )


def records(home: Path) -> list[str]:
    """The code hashes of every recorded run of the instance in ``home``."""
    instance = Instance.open(Settings(home=home, install_library=False))
    try:
        return [
            hash_
            for record in ExecutionRepository(instance.database).list(limit=1000)
            for hash_ in record.code_hashes
        ]
    finally:
        instance.close()


def test_a_jsonl_batch_records_every_run_and_writes_parquet(tmp_path: Path):
    (tmp_path / "square.json").write_text(json.dumps(SQUARE.to_json_dict(), default=str), encoding="utf-8")
    values = [*range(12), -1]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps({"x": x}) + "\n" for x in values), encoding="utf-8")

    done = sealflow(tmp_path, "batch", "square.json", "--inputs", "in.jsonl", "--output", "out.parquet")

    assert done.returncode == 5, done.stderr
    assert "12 ok, 1 failed; results in out.parquet" in done.stdout
    assert "1 of 13 runs failed; the first, row 12" in done.stderr
    assert "negative x" in done.stderr
    sink = pd.read_parquet(tmp_path / "out.parquet")
    assert list(sink["row"]) == list(range(13))
    assert [json.loads(text) for text in sink["outputs"][:12]] == [{"y": x * x} for x in range(12)]
    assert list(sink["result"]) == ["ok"] * 12 + ["failure"]
    assert len(set(sink["job_id"])) == 13
    assert records(tmp_path) == [code_hash(SQUARE.code())] * 13


def test_a_parquet_batch_on_a_given_cluster(tmp_path: Path):
    (tmp_path / "square.json").write_text(json.dumps(SQUARE.to_json_dict(), default=str), encoding="utf-8")
    pd.DataFrame({"x": [3, 4, 5]}).to_parquet(tmp_path / "in.parquet")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        done = sealflow(
            tmp_path, "batch", "square.json", "--inputs", "in.parquet", "--cluster", cluster.scheduler_address
        )

    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in (tmp_path / "in.results.jsonl").read_text().splitlines()]
    assert [(row["row"], row["result"], row["outputs"]) for row in rows] == [
        (0, "ok", {"y": 9}),
        (1, "ok", {"y": 16}),
        (2, "ok", {"y": 25}),
    ]
    assert len(records(tmp_path)) == 3


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("in.csv", "x\n1\n", "is neither .parquet nor .jsonl", id="csv"),
        pytest.param("in.jsonl", '{"x": 1}\n[2]\n', "in.jsonl line 2 must be a JSON object", id="not-object"),
        pytest.param("in.jsonl", '{"x": 1}\n{x\n', "in.jsonl line 2 is not JSON", id="not-json"),
    ],
)
def test_bad_input_files_are_named(tmp_path: Path, name: str, content: str, message: str):
    (tmp_path / "square.json").write_text(json.dumps(SQUARE.to_json_dict(), default=str), encoding="utf-8")
    (tmp_path / name).write_text(content, encoding="utf-8")

    done = sealflow(tmp_path, "batch", "square.json", "--inputs", name)

    assert done.returncode == 2
    assert message in done.stderr
    assert not list(tmp_path.glob("*.results.jsonl"))
