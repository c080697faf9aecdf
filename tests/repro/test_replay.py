"""Replay: the recorded revisions, the recorded code by hash and the recorded inputs, compared."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import pytest
from sqlalchemy import text

from sealflow.adapters.protocol import wiring_from_values
from sealflow.code.values import parse_value
from sealflow.config import Settings
from sealflow.errors import InvalidInput
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import DataType
from sealflow.ops.execution import execute_transformation
from sealflow.ops.executions import get_execution
from sealflow.ops.instance import Instance
from sealflow.ops.replay import replay_execution
from sealflow.ops.transformations import import_transformations
from sealflow.repro.fingerprint import current_fingerprint
from sealflow.store.snapshots import SnapshotRepository
from support import component

SEALFLOW = Path(sys.executable).parent / "sealflow"
RELEASED = component("x", {}, {"y": "INT"}, "return {}").released_timestamp


@pytest.fixture
def instance(db_url: str, tmp_path: Path) -> Iterator[Instance]:
    opened = Instance.open(Settings(db_url=db_url, home=tmp_path, install_library=False))
    yield opened
    opened.close()


def scale_workflow(factor: str):
    scale = component(
        "Scale", {"s": "SERIES", "k": "FLOAT"}, {"t": "SERIES"}, f"return {{'t': s * k}}  # {factor}"
    )
    builder = WorkflowBuilder()
    op = builder.add(scale)
    builder.input("series", op.input("s"))
    builder.constant(op.input("k"), factor)
    builder.output("scaled", op.output("t"))
    return scale, builder.build("Scaled", released=RELEASED)


SERIES = '{"2026-01-01T00:00:00Z": 1.5, "2026-01-01T01:00:00Z": 2.5}'


def test_replay_is_identical_and_survives_an_overwrite_of_the_released_code(instance: Instance):
    scale, workflow = scale_workflow("2.0")
    import_transformations(instance, [scale, workflow])
    first = execute_transformation(instance, workflow, wiring_from_values({"series": SERIES}))
    report = replay_execution(instance, first.job_id or "")
    assert report.verdict == "identical"
    assert [o.verdict for o in report.outputs] == ["identical"]
    assert report.environment_identical

    changed = scale.model_copy(update={"content": scale.code().replace("s * k", "s * k + 1")})
    import_transformations(instance, [changed], allow_overwrite_released=True)
    again = execute_transformation(instance, workflow, wiring_from_values({"series": SERIES}))
    assert again.output_results_by_output_name != first.output_results_by_output_name
    assert replay_execution(instance, first.job_id or "").verdict == "identical"


def test_a_non_deterministic_component_is_flagged_with_a_tolerance_report(instance: Instance):
    noisy = component(
        "Noisy",
        {"s": "SERIES"},
        {"t": "SERIES"},
        "import itertools\nreturn {'t': s + next(COUNTER)}",
        header="import itertools\nCOUNTER = itertools.count()",
    )
    import_transformations(instance, [noisy])
    result = execute_transformation(instance, noisy, wiring_from_values({"s": SERIES}))
    report = replay_execution(instance, result.job_id or "")
    assert report.verdict == "differs"
    (output,) = report.outputs
    assert output.verdict == "differs"
    assert output.tolerance is not None
    assert (output.tolerance.cells, output.tolerance.differing) == (2, 2)
    assert output.tolerance.max_abs_diff == 1.0
    recorded = parse_value(get_execution(instance, report.execution_id).outputs[0].value, DataType.SERIES)
    # the counter lives as long as the module: the replay adds one more than the recorded run did
    assert output.tolerance.max_rel_diff == pytest.approx(1 / (recorded.iloc[0] + 1))


def test_a_run_that_stored_an_object_replays_without_touching_the_stored_objects(instance: Instance):
    keeper = component(
        "Keeper",
        {"name": "STRING", "x": "INT"},
        {"twice": "INT", "seen": "INT"},
        "store_object(name, 'v1', {'x': x})\n"
        "return {'twice': load_object(name, 'v1')['x'] * 2, 'seen': load_object('earlier')['x']}",
        header="from sealflow.store.objects import load_object, store_object",
    )
    import_transformations(instance, [keeper])
    instance.objects.save("earlier", "v1", {"x": 5})
    result = execute_transformation(instance, keeper, wiring_from_values({"name": "model", "x": 21}))
    assert result.output_results_by_output_name == {"twice": 42, "seen": 5}
    stored = instance.objects.manifest("model", "v1")

    report = replay_execution(instance, result.job_id or "")

    assert report.verdict == "identical", report
    assert report.objects_stored == ["model/v1"]
    assert instance.objects.manifest("model", "v1") == stored
    assert [m.tag for m in instance.objects.tags("model")] == ["v1"]
    assert instance.objects.load("model", "v1") == {"x": 21}


def test_inputs_that_were_not_recorded_make_replay_impossible(instance: Instance):
    echo = component("Echo", {"s": "STRING"}, {"t": "STRING"}, "return {'t': s[:3]}")
    import_transformations(instance, [echo])
    result = execute_transformation(instance, echo, wiring_from_values({"s": "x" * 70_000}))
    with pytest.raises(InvalidInput, match=r"input 's' .* was not recorded; it cannot be replayed"):
        replay_execution(instance, result.job_id or "")


def test_a_changed_environment_is_named(instance: Instance):
    echo = component("Echo", {"s": "STRING"}, {"t": "STRING"}, "return {'t': s.upper()}")
    import_transformations(instance, [echo])
    result = execute_transformation(instance, echo, wiring_from_values({"s": "abc"}))
    here = current_fingerprint()
    older = here.model_copy(update={"distributions": {**here.distributions, "numpy": "1.0.0"}})
    SnapshotRepository(instance.database).put_fingerprint(older.id, older.model_dump(mode="json"))
    with instance.database.engine.begin() as connection:
        connection.execute(
            text("UPDATE execution_records SET fingerprint_hash = :f WHERE id = :i"),
            {
                "f": older.id,
                "i": UUID(result.job_id or "").hex
                if instance.database.engine.dialect.name == "sqlite"
                else result.job_id,
            },
        )
    report = replay_execution(instance, result.job_id or "")
    assert report.verdict == "identical"
    assert not report.environment_identical
    assert report.environment_changes == [f"numpy: 1.0.0 -> {here.distributions['numpy']}"]


def test_replay_command_exit_codes(tmp_path: Path):
    env = {"SEALFLOW_HOME": str(tmp_path), "PATH": "", "COLUMNS": "200"}

    def sealflow(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([SEALFLOW, *args], env=env, capture_output=True, text=True, check=False)

    repo = Path(__file__).resolve().parents[2]
    assert (
        sealflow(
            "import-json", *map(str, sorted((repo / "examples/demo/transformations").glob("*.json")))
        ).returncode
        == 0
    )
    ran = sealflow("run", "Sensor Outlier Demo", "--test-wiring", "--json")
    job = __import__("json").loads(ran.stdout)["job_id"]
    replayed = sealflow("replay", job)
    assert replayed.returncode == 0, replayed.stderr
    assert f"execution {job}: identical" in replayed.stdout
    assert "environment: identical" in replayed.stdout
    missing = sealflow("replay", "00000000-0000-0000-0000-000000000000")
    assert missing.returncode == 3


@pytest.mark.parametrize(
    ("body", "header", "verdict", "code"),
    [
        pytest.param("return {'t': s * 2}", "", "deterministic", 0, id="deterministic"),
        pytest.param(
            "return {'t': s + random.random()}", "import random", "non-deterministic", 1, id="unseeded-random"
        ),
    ],
)
def test_verify_runs_the_test_wiring_in_two_processes(tmp_path: Path, body, header, verdict, code):
    tr = component("Maybe Random", {"s": "SERIES"}, {"t": "SERIES"}, body, header=header)
    tr = tr.model_copy(update={"test_wiring": wiring_from_values({"s": SERIES})})
    (tmp_path / "tr.json").write_text(__import__("json").dumps(tr.to_json_dict()))
    env = {"SEALFLOW_HOME": str(tmp_path / "home"), "PATH": "", "COLUMNS": "200"}
    imported = subprocess.run([SEALFLOW, "import-json", str(tmp_path / "tr.json")], env=env, check=False)
    assert imported.returncode == 0
    done = subprocess.run(
        [SEALFLOW, "verify", str(tr.id)], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == code, done.stderr
    assert f": {verdict}" in done.stdout
    assert "t: identical" in done.stdout if code == 0 else "t: differs (2/2 cells differ)" in done.stdout
