"""`sealflow consume` as a real process: killed in the middle of a run, restarted, no run lost or doubled."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ops.rabbit import AMQP_URL, Rabbit
from sealflow.config import Settings
from sealflow.ops.executions import list_executions
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import import_transformations
from sealflow.store.consumed import ConsumedMessageRepository, message_key
from support import component

SCRIPT = Path(sys.executable).parent / "sealflow"


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_a_consumer_killed_mid_run_runs_the_message_exactly_once_after_a_restart(
    tmp_path: Path, rabbit: Rabbit
):
    home = tmp_path
    slow = component("Slow", {"a": "INT"}, {"b": "INT"}, "import time\ntime.sleep(3)\nreturn {'b': a * 2}")
    instance = Instance.open(Settings(home=home))
    import_transformations(instance, [slow])
    requests, replies = rabbit.queue("requests"), rabbit.queue("replies")
    wiring = {"input_wirings": [{"workflow_input_name": "a", "adapter_id": 1, "filters": {"value": "21"}}]}
    rabbit.publish(requests, {"id": str(slow.id), "wiring": wiring}, message_id="order-1")
    command = [str(SCRIPT), "--home", str(home), "consume", "--broker", AMQP_URL, "--queue", requests]
    command += ["--reply-queue", replies]
    claimed = ConsumedMessageRepository(instance.database)
    key = message_key(requests, "order-1")

    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: claimed.find(key) is not None, 30, "the consumer to take the message")
        time.sleep(0.5)  # inside the three-second component
    finally:
        first.kill()
        first.wait()

    assert list_executions(instance) == []
    assert rabbit.count(replies) == 0
    wait_for(lambda: rabbit.count(requests) == 1, 10, "the broker to requeue the message")

    second = subprocess.run([*command, "--max-messages", "1"], capture_output=True, text=True, timeout=60)

    assert second.returncode == 0, second.stderr
    job_id = claimed.find(key).job_id  # type: ignore[union-attr]
    assert [record.id for record in list_executions(instance)] == [job_id]
    [reply] = rabbit.drain(replies)
    assert reply.json()["job_id"] == str(job_id)
    assert reply.json()["output_results_by_output_name"] == {"b": 42}
    assert rabbit.count(requests) == 0
    instance.close()
