"""The queue consumer on the real RabbitMQ: replies, dead letters, and no message run twice."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import pytest

from ops.rabbit import AMQP_URL, Rabbit
from sealflow.adapters.broker import open_broker
from sealflow.config import Settings
from sealflow.errors import InvalidInput
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.consume import REASON_HEADER, ConsumeCounts, Queues, consume
from sealflow.ops.execution import execute_transformation
from sealflow.ops.executions import list_executions
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import import_transformations
from sealflow.store.consumed import ConsumedMessageRepository
from support import add_component, component

WIRING = {
    "input_wirings": [
        {"workflow_input_name": "a", "adapter_id": "direct_provisioning", "filters": {"value": "1"}},
        {"workflow_input_name": "b", "adapter_id": "direct_provisioning", "filters": {"value": "2"}},
    ]
}


@pytest.fixture
def instance(tmp_path: Path) -> Iterator[Instance]:
    opened = Instance.open(Settings(home=tmp_path))
    yield opened
    opened.close()


@pytest.fixture
def queues(rabbit: Rabbit) -> Queues:
    return Queues(rabbit.queue("requests"), rabbit.queue("replies"), rabbit.queue("dead"))


def run_consumer(instance: Instance, queues: Queues, messages: int) -> ConsumeCounts:
    broker = open_broker(AMQP_URL)
    try:
        return consume(instance, broker, queues, max_messages=messages, idle_timeout=5, poll=0.1)
    finally:
        broker.close()


def test_a_request_is_run_and_answered_with_the_http_json(instance: Instance, rabbit: Rabbit, queues: Queues):
    add = add_component()
    import_transformations(instance, [add])
    job_id = str(uuid4())
    rabbit.publish(queues.requests, {"id": str(add.id), "wiring": WIRING, "job_id": job_id}, message_id="m-1")

    counts = run_consumer(instance, queues, 1)

    [reply] = rabbit.drain(queues.replies)
    body = reply.json()
    assert (body["result"], body["job_id"], body["output_results_by_output_name"]) == (
        "ok",
        job_id,
        {"sum": 3},
    )
    assert body["output_types_by_output_name"] == {"sum": "INT"}
    assert (reply.properties.message_id, reply.properties.correlation_id) == (job_id, "m-1")
    assert counts == ConsumeCounts(replied=1)
    assert [str(record.id) for record in list_executions(instance)] == [job_id]
    assert rabbit.count(queues.requests) == 0


def test_execute_latest_runs_the_newest_release_and_answers_reply_to(
    instance: Instance, rabbit: Rabbit, queues: Queues
):
    add = add_component()
    import_transformations(instance, [add])
    private = rabbit.queue("private")
    rabbit.publish(
        queues.requests, {"revision_group_id": str(add.revision_group_id), "wiring": WIRING}, reply_to=private
    )

    run_consumer(instance, queues, 1)

    [reply] = rabbit.drain(private)
    assert reply.json()["output_results_by_output_name"] == {"sum": 3}
    assert rabbit.drain(queues.replies) == []


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"{not json", "malformed request: "),
        ({"wiring": WIRING}, "malformed request: give either id (execute) or revision_group_id"),
        ({"id": str(uuid4()), "wiring": WIRING}, "TransformationNotFound: "),
        ({"id": "ADD", "wiring": {"input_wirings": []}}, "InvalidWiring: "),
    ],
)
def test_unrunnable_messages_go_to_the_dead_letter_queue_with_the_reason(
    instance: Instance, rabbit: Rabbit, queues: Queues, body: object, reason: str
):
    add = add_component()
    import_transformations(instance, [add])
    if isinstance(body, dict) and body.get("id") == "ADD":
        body = {**body, "id": str(add.id)}
    rabbit.publish(queues.requests, body, message_id="bad")

    counts = run_consumer(instance, queues, 1)

    [dead] = rabbit.drain(queues.dead_letters or "")
    assert dead.properties.headers[REASON_HEADER].startswith(reason)
    assert dead.body == (body if isinstance(body, bytes) else json.dumps(body).encode())
    [reply] = rabbit.drain(queues.replies)
    assert set(reply.json()) == {"detail", "error"}
    assert counts == ConsumeCounts(dead_lettered=1)
    assert list_executions(instance) == []


def test_a_failed_run_is_answered_and_dead_lettered(instance: Instance, rabbit: Rabbit, queues: Queues):
    failing = component("Fail", {"a": "INT"}, {"b": "INT"}, "raise ValueError('sensor offline')")
    import_transformations(instance, [failing])
    wiring = {"input_wirings": [WIRING["input_wirings"][0]]}
    rabbit.publish(queues.requests, {"id": str(failing.id), "wiring": wiring})

    run_consumer(instance, queues, 1)

    [reply] = rabbit.drain(queues.replies)
    assert reply.json()["result"] == "failure"
    assert "sensor offline" in reply.json()["error"]["message"]
    [dead] = rabbit.drain(queues.dead_letters or "")
    assert "sensor offline" in dead.properties.headers[REASON_HEADER]
    assert dead.properties.headers["x-sealflow-job-id"] == reply.json()["job_id"]
    assert len(list_executions(instance)) == 1


def test_a_message_delivered_again_is_not_run_again(instance: Instance, rabbit: Rabbit, queues: Queues):
    add = add_component()
    import_transformations(instance, [add])
    request = {"id": str(add.id), "wiring": WIRING}
    rabbit.publish(queues.requests, request, message_id="same")
    rabbit.publish(queues.requests, request, message_id="same")
    rabbit.publish(queues.requests, request, message_id="other")

    counts = run_consumer(instance, queues, 3)

    assert counts == ConsumeCounts(replied=2, repeated=1)
    replies = [reply.json()["job_id"] for reply in rabbit.drain(queues.replies)]
    assert len(replies) == 3
    assert replies[0] == replies[1] != replies[2]
    assert len(list_executions(instance)) == 2


def test_the_default_dead_letter_queue_is_named_after_the_queue():
    assert Queues("jobs").dead_letter_queue == "jobs.dead-letter"


def test_a_broker_url_of_another_kind_is_refused():
    with pytest.raises(InvalidInput, match="amqp://"):
        open_broker("kafka://127.0.0.1:9092")


def test_a_run_recorded_before_a_crash_is_answered_from_its_record(
    instance: Instance, rabbit: Rabbit, queues: Queues
):
    add = add_component()
    import_transformations(instance, [add])
    job_id = uuid4()
    ConsumedMessageRepository(instance.database).claim(queues.requests, "m-7", job_id)
    execute_transformation(instance, add, WorkflowWiring.model_validate(WIRING), job_id=str(job_id))
    rabbit.publish(queues.requests, {"id": str(add.id), "wiring": WIRING}, message_id="m-7")

    counts = run_consumer(instance, queues, 1)

    assert counts == ConsumeCounts(repeated=1)
    [reply] = rabbit.drain(queues.replies)
    assert (reply.json()["job_id"], reply.json()["result"]) == (str(job_id), "ok")
    assert reply.json()["output_results_by_output_name"] == {"sum": 3}
    assert [record.id for record in list_executions(instance)] == [job_id]


def test_a_refused_or_failed_message_delivered_again_is_dead_lettered_again_without_a_run(
    instance: Instance, rabbit: Rabbit, queues: Queues
):
    failing = component("Fail", {"a": "INT"}, {"b": "INT"}, "raise ValueError('sensor offline')")
    import_transformations(instance, [failing])
    failed = {"id": str(failing.id), "wiring": {"input_wirings": [WIRING["input_wirings"][0]]}}
    unknown = {"id": str(uuid4()), "wiring": WIRING}
    for body, message_id in ((failed, "f"), (unknown, "u"), (failed, "f"), (unknown, "u")):
        rabbit.publish(queues.requests, body, message_id=message_id)

    counts = run_consumer(instance, queues, 4)

    assert counts == ConsumeCounts(dead_lettered=2, repeated=2)
    reasons = [dead.properties.headers[REASON_HEADER] for dead in rabbit.drain(queues.dead_letters or "")]
    assert [reason.split(":")[0] for reason in reasons] == [
        reasons[0].split(":")[0],
        "TransformationNotFound",
    ] * 2
    assert "sensor offline" in reasons[2]
    assert len(list_executions(instance)) == 1
