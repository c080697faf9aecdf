"""``SEALFLOW_EXECUTION_TIMEOUT``: a component that runs too long is stopped, the run fails with an error
naming the operator and the limit, its record is written, and the thread goes on serving normal runs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sealflow.config import Settings
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.execution import execute_transformation
from sealflow.ops.executions import get_execution
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import import_transformations
from sealflow.runtime.timeout import ERROR_TYPE
from support import add_component, component

LIMIT = 0.5
NO_WIRING = WorkflowWiring()
OPTIONAL: dict[str, str | tuple[str, object]] = {"unused": ("INT", 0)}


@pytest.fixture
def instance(sqlite_url: str, tmp_path: Path) -> Iterator[Instance]:
    opened = Instance.open(Settings(db_url=sqlite_url, home=tmp_path, execution_timeout=LIMIT))
    yield opened
    opened.close()


def _wired(**values: str) -> WorkflowWiring:
    return WorkflowWiring.model_validate(
        {
            "input_wirings": [
                {
                    "workflow_input_name": name,
                    "adapter_id": "direct_provisioning",
                    "filters": {"value": value},
                }
                for name, value in values.items()
            ]
        }
    )


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("while True:\n    pass", id="busy-loop"),
        pytest.param(
            "while True:\n    try:\n        sum(range(1000))\n    except Exception:\n        pass",
            id="catches-exception",
        ),
        pytest.param("import time\nwhile True:\n    time.sleep(0.05)", id="sleeps-in-steps"),
    ],
)
def test_a_component_that_runs_too_long_is_stopped_with_a_clear_error(instance: Instance, body: str):
    slow = component("Spin", OPTIONAL, {"out": "INT"}, body)
    import_transformations(instance, [slow])

    start = time.monotonic()
    result = execute_transformation(instance, slow, NO_WIRING)
    elapsed = time.monotonic() - start

    assert result.result == "failure"
    assert result.error is not None
    assert result.error.type == ERROR_TYPE
    assert "operator 'Spin' (Spin 1.0.0) was stopped" in result.error.message
    assert "time limit of 0.5 s (SEALFLOW_EXECUTION_TIMEOUT)" in result.error.message
    assert result.error.location is not None
    assert result.error.location.file == "COMPONENT CODE"
    assert elapsed < LIMIT + 1.5
    record = get_execution(instance, result.job_id)
    assert record.status == "failure"
    assert record.error is not None
    assert record.error["type"] == ERROR_TYPE


def test_a_component_that_swallows_the_stop_still_ends_the_run_as_timed_out(instance: Instance):
    stubborn = component(
        "Stubborn",
        OPTIONAL,
        {"out": "INT"},
        "import time\nend = time.monotonic() + 1.0\nwhile time.monotonic() < end:\n"
        "    try:\n        time.sleep(0.01)\n    except BaseException:\n        pass\nreturn {'out': 1}",
    )
    import_transformations(instance, [stubborn])

    result = execute_transformation(instance, stubborn, NO_WIRING)

    assert result.result == "failure"
    assert result.error is not None
    assert result.error.type == ERROR_TYPE


def test_normal_runs_in_the_same_thread_are_not_touched_afterwards(instance: Instance):
    slow = component("Spin", OPTIONAL, {"out": "INT"}, "while True:\n    pass")
    add = add_component()
    import_transformations(instance, [slow, add])

    assert execute_transformation(instance, slow, NO_WIRING).result == "failure"
    results = [execute_transformation(instance, add, _wired(a="1", b="2")) for _ in range(20)]
    time.sleep(LIMIT + 0.2)

    assert {result.result for result in results} == {"ok"}
    assert execute_transformation(instance, add, _wired(a="1", b="2")).output_results_by_output_name == {
        "sum": 3
    }


def test_runs_in_other_threads_go_on_while_one_is_stopped(instance: Instance):
    slow = component("Spin", OPTIONAL, {"out": "INT"}, "while True:\n    pass")
    add = add_component()
    import_transformations(instance, [slow, add])
    outcome: dict[str, str] = {}

    spinner = threading.Thread(
        target=lambda: outcome.update(slow=execute_transformation(instance, slow, NO_WIRING).result)
    )
    spinner.start()
    quick = [execute_transformation(instance, add, _wired(a="2", b="3")).result for _ in range(5)]
    spinner.join(timeout=10)

    assert quick == ["ok"] * 5
    assert outcome == {"slow": "failure"}
