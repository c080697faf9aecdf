"""Every run leaves an execution record: its closure's code, digests of its values, timings and error."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest

from sealflow.adapters.direct import DirectProvisioning
from sealflow.adapters.protocol import (
    AdapterRegistry,
    RunContext,
    SinkRequest,
    SourceRequest,
    wiring_from_values,
)
from sealflow.code.values import parse_value, serialize_value
from sealflow.config import Settings
from sealflow.errors import Conflict, ExecutionNotFound, InvalidInput, NotFound, StorageError
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import DataType, State
from sealflow.model.execution import ExecutionRecord
from sealflow.model.hashing import code_hash, document_hash
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import InputWiring, OutputWiring, WorkflowWiring
from sealflow.ops.execution import execute_transformation
from sealflow.ops.executions import get_execution, list_executions
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import import_transformations
from sealflow.repro.fingerprint import current_fingerprint
from sealflow.runtime.results import ExecutionResult
from support import RELEASED_AT, add_component, component

LIMIT = 64 * 1024


@pytest.fixture
def instance(db_url: str, tmp_path: Path) -> Iterator[Instance]:
    opened = Instance.open(Settings(db_url=db_url, home=tmp_path))
    yield opened
    opened.close()


def digest(serialized: Any) -> str:
    """SHA-256 of the canonical JSON of a serialized value, written out here as the records define it."""
    canonical = json.dumps(serialized, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def closure(*revisions: TransformationRevision) -> tuple[list[str], str]:
    """The sorted code hashes of the given components and their closure hash, computed here."""
    hashes = sorted({hashlib.sha256(tr.code().encode("utf-8")).hexdigest() for tr in revisions})
    return hashes, hashlib.sha256("".join(f"{h}\n" for h in hashes).encode("ascii")).hexdigest()


def negate() -> TransformationRevision:
    return component("Negate", {"x": "INT"}, {"y": "INT"}, "return {'y': -x}")


def boom() -> TransformationRevision:
    return component("Boom", {"a": "INT"}, {"b": "INT"}, "raise ValueError('boom: ' + str(a))")


def inner_flow(nested: TransformationRevision) -> TransformationRevision:
    """``w = nested(v)`` around one operator with input ``x`` and output ``y``."""
    builder = WorkflowBuilder()
    operator = builder.add(nested)
    builder.input("v", operator.input("x"))
    builder.output("w", operator.output("y"))
    return builder.build("Inner", released=RELEASED_AT)


def outer_flow(inner: TransformationRevision, second: TransformationRevision) -> TransformationRevision:
    """``total = second(a=inner(p), b=q)``; with ``Add`` as ``second``: ``total = -p + q``."""
    builder = WorkflowBuilder()
    first, last = builder.add(inner), builder.add(second)
    builder.input("p", first.input("v"))
    builder.link(first.output("w"), last.input("a"))
    if any(io.name == "b" for io in second.io_interface.inputs):
        builder.input("q", last.input("b"))
    builder.output("total", last.output(second.io_interface.outputs[0].name or ""))
    return builder.build("Outer", released=RELEASED_AT)


def run(instance: Instance, tr: TransformationRevision, values: Mapping[str, Any], **options: Any):
    result = execute_transformation(instance, tr, wiring_from_values(values), **options)
    return result, get_execution(instance, result.job_id or "")


def test_an_ok_run_records_the_whole_closure_and_its_values(instance: Instance):
    neg, add = negate(), add_component()
    inner = inner_flow(neg)
    outer = outer_flow(inner, add)
    import_transformations(instance, [neg, add, inner, outer])

    result, record = run(instance, outer, {"p": "1", "q": "5"})

    assert (result.result, result.output_results_by_output_name) == ("ok", {"total": 4})
    hashes, closure_hash = closure(neg, add)
    assert (record.code_hashes, record.closure_hash) == (hashes, closure_hash)
    assert record.id == UUID(result.job_id)
    assert (record.transformation_id, record.revision_group_id) == (outer.id, outer.revision_group_id)
    assert (record.name, record.version_tag, record.type, record.status) == (
        "Outer",
        "1.0.0",
        "WORKFLOW",
        "ok",
    )
    assert (record.error, record.traceback) == (None, None)
    assert record.fingerprint_hash == current_fingerprint().id
    assert record.revision_snapshots[0] == document_hash(outer.to_json_dict())
    assert record.wiring == wiring_from_values({"p": "1", "q": "5"}).model_dump(mode="json")
    assert [(v.name, v.via, v.sha256, v.size, v.inline, v.value) for v in record.inputs] == [
        ("p", "direct_provisioning", hashlib.sha256(b"1").hexdigest(), 1, True, 1),
        ("q", "direct_provisioning", hashlib.sha256(b"5").hexdigest(), 1, True, 5),
    ]
    assert [(v.name, v.data_type, v.sha256, v.value) for v in record.outputs] == [
        ("total", DataType.INT, hashlib.sha256(b"4").hexdigest(), 4)
    ]
    assert [(t.operator_path, t.code_hash, t.transformation_id) for t in record.operator_timings] == [
        (["Inner", "Negate"], code_hash(neg.code()), neg.id),
        (["Add"], code_hash(add.code()), add.id),
    ]
    full = result.measured_steps["internal_full"]
    assert (record.started_at, record.finished_at, record.duration) == (full.start, full.end, full.duration)
    assert record.measured_steps.keys() == result.measured_steps.keys()
    assert record.started_at.utcoffset() is not None
    assert json.loads(json.dumps(record.model_dump(mode="json")))["id"] == result.job_id


Revisions = list[TransformationRevision]


@dataclass
class Failure:
    """A run that fails, the stage it fails in, and what its record must still hold."""

    build: Callable[[], tuple[Revisions, TransformationRevision, Revisions]]
    """The revisions to store, the one to run, and the unstored ones that come with it."""
    values: dict[str, str]
    stage: str
    says: str
    ran: list[str]
    inputs: list[str]
    code_of: list[str]
    """Names of the components whose code the record must name."""


def raising() -> tuple[Revisions, TransformationRevision, Revisions]:
    neg, failing = negate(), boom()
    inner = inner_flow(neg)
    return [neg, failing, inner], outer_flow(inner, failing), []


def stored_nested() -> tuple[Revisions, TransformationRevision, Revisions]:
    neg, add = negate(), add_component()
    inner = inner_flow(neg)
    outer = outer_flow(inner, add)
    return [neg, add, inner, outer], outer, []


def draft_nested() -> tuple[Revisions, TransformationRevision, Revisions]:
    neg, add = negate(), add_component()
    inner = inner_flow(neg)
    outer = outer_flow(inner, add)
    draft = add.model_copy(update={"state": State.DRAFT, "released_timestamp": None})
    return [neg, inner], outer, [draft, outer]


def missing_nested() -> tuple[Revisions, TransformationRevision, Revisions]:
    neg, add = negate(), add_component()
    inner = inner_flow(neg)
    return [neg, inner], outer_flow(inner, add), []


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            Failure(
                raising,
                {"p": "3"},
                stage="EXECUTING_COMPONENT_CODE",
                says="boom: -3",
                ran=["Negate"],
                inputs=["p"],
                code_of=["Negate", "Boom"],
            ),
            id="component-raises",
        ),
        pytest.param(
            Failure(
                stored_nested,
                {"p": "one", "q": "5"},
                stage="PARSING_LOADED_DATA",
                says="'one'",
                ran=[],
                inputs=[],
                code_of=["Negate", "Add"],
            ),
            id="input-does-not-parse",
        ),
        pytest.param(
            Failure(
                draft_nested,
                {"p": "1", "q": "5"},
                stage="PARSING_WORKFLOW",
                says="which is a DRAFT",
                ran=[],
                inputs=[],
                code_of=["Negate", "Add"],
            ),
            id="nested-draft",
        ),
        pytest.param(
            Failure(
                missing_nested,
                {"p": "1", "q": "5"},
                stage="PARSING_WORKFLOW",
                says="cannot be loaded",
                ran=[],
                inputs=[],
                code_of=["Negate"],
            ),
            id="nested-revision-missing",
        ),
    ],
)
def test_a_failed_run_is_recorded_with_the_code_it_ran_or_would_have_run(instance: Instance, case: Failure):
    stored, target, unstored = case.build()
    import_transformations(instance, stored)
    revisions = {tr.name: tr for tr in [*stored, *unstored]}

    result, record = run(instance, target, case.values, unstored=unstored)

    assert result.result == "failure"
    assert result.error is not None
    assert record.status == "failure"
    assert record.error == result.error.model_dump(mode="json")
    assert record.error["process_stage"] == case.stage
    assert case.says in record.error["message"]
    assert record.traceback == result.traceback
    assert record.traceback
    hashes, closure_hash = closure(*(revisions[name] for name in case.code_of))
    assert (record.code_hashes, record.closure_hash) == (hashes, closure_hash)
    assert [timing.operator for timing in record.operator_timings] == case.ran
    assert [value.name for value in record.inputs] == case.inputs
    assert record.outputs == []
    assert record.wiring == wiring_from_values(case.values).model_dump(mode="json")
    for key in record.code_hashes:
        assert instance.code.has(key)


@pytest.mark.parametrize(
    ("given", "kept", "size", "in_wiring"),
    [
        pytest.param("abc", True, 5, True, id="small"),
        pytest.param("x" * (LIMIT - 2), True, LIMIT, True, id="at-the-limit"),
        pytest.param("x" * (LIMIT - 1), False, LIMIT + 1, False, id="over-the-limit"),
        pytest.param("ä" * 10923, False, 6 * 10923 + 2, False, id="escaped-over-the-limit"),
    ],
)
def test_inline_values_are_kept_when_small_and_always_digested(
    instance: Instance, given: str, kept: bool, size: int, in_wiring: bool
):
    echo = component("Echo", {"s": "STRING"}, {"t": "STRING"}, "return {'t': s}")
    import_transformations(instance, [echo])

    result, record = run(instance, echo, {"s": given})

    assert result.output_results_by_output_name == {"t": given}
    for value in (*record.inputs, *record.outputs):
        assert (value.sha256, value.size, value.inline) == (digest(given), size, kept)
        assert value.value == (given if kept else None)
    assert ("value" in record.wiring["input_wirings"][0]["filters"]) is in_wiring


def test_an_input_that_took_its_default_is_recorded_as_such(instance: Instance):
    scale = component(
        "Scale", {"x": "FLOAT", "factor": ("FLOAT", 2.5)}, {"y": "FLOAT"}, "return {'y': x * factor}"
    )
    import_transformations(instance, [scale])

    _, record = run(instance, scale, {"x": "2"})

    assert [(v.name, v.via, v.value, v.sha256) for v in record.inputs] == [
        ("x", "direct_provisioning", 2.0, digest(2.0)),
        ("factor", "default", 2.5, digest(2.5)),
    ]
    assert [(v.name, v.value) for v in record.outputs] == [("y", 5.0)]


def test_inputs_are_digested_as_parsed_even_when_a_component_changes_them(instance: Instance):
    mutate = component("Mutate", {"x": "SERIES"}, {"y": "SERIES"}, "x.iloc[0] = 99.0\nreturn {'y': x}")
    import_transformations(instance, [mutate])
    raw = json.dumps({"2026-01-01T00:00:00Z": 1.0, "2026-01-01T00:01:00Z": 2.0})

    result, record = run(instance, mutate, {"x": raw})

    (given,), (returned,) = record.inputs, record.outputs
    assert given.sha256 == digest(serialize_value(parse_value(raw, DataType.SERIES), DataType.SERIES))
    assert returned.sha256 == digest(result.output_results_by_output_name["y"])
    assert given.sha256 != returned.sha256


class MemoryAdapter:
    """An adapter that serves inputs and keeps outputs in memory."""

    key = "memory"
    name = "Memory"

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self.sent: dict[str, Any] = {}

    def load(self, requests: Sequence[SourceRequest], context: RunContext) -> dict[str, Any]:
        return {request.name: self.values[request.name] for request in requests}

    def send(self, requests: Sequence[SinkRequest], values: Mapping[str, Any], context: RunContext) -> None:
        self.sent.update(values)


def test_values_from_and_to_other_adapters_are_digested_but_not_kept(instance: Instance):
    add = add_component()
    import_transformations(instance, [add])
    memory = MemoryAdapter({"a": 40})
    instance.adapters = AdapterRegistry([DirectProvisioning(), memory])
    wiring = WorkflowWiring(
        input_wirings=[
            InputWiring(workflow_input_name="a", adapter_id="memory", ref_id="a"),
            *wiring_from_values({"b": "2"}).input_wirings,
        ],
        output_wirings=[OutputWiring(workflow_output_name="sum", adapter_id="memory", ref_id="sum")],
    )

    result = execute_transformation(instance, add, wiring)
    record = get_execution(instance, result.job_id or "")

    assert (result.result, result.output_results_by_output_name, memory.sent) == ("ok", {}, {"sum": 42})
    assert [(v.name, v.via, v.sha256, v.inline, v.value) for v in record.inputs] == [
        ("a", "memory", digest(40), False, None),
        ("b", "direct_provisioning", digest(2), True, 2),
    ]
    assert [(v.name, v.via, v.sha256, v.size, v.inline) for v in record.outputs] == [
        ("sum", "memory", digest(42), 2, False)
    ]


def test_a_given_job_id_becomes_the_record_id_once(instance: Instance):
    add = add_component()
    import_transformations(instance, [add])
    job_id = str(uuid4())

    result, record = run(instance, add, {"a": "1", "b": "2"}, job_id=job_id)
    assert (result.job_id, str(record.id)) == (job_id, job_id)

    with pytest.raises(Conflict, match=f"a run with job id {job_id} is recorded already"):
        run(instance, add, {"a": "5", "b": "5"}, job_id=job_id)
    with pytest.raises(InvalidInput, match="job id 'job-1' is no UUID"):
        run(instance, add, {"a": "5", "b": "5"}, job_id="job-1")
    assert list_executions(instance) == [record]


def test_a_wiring_that_does_not_fit_leaves_no_record(instance: Instance):
    add = add_component()
    import_transformations(instance, [add])
    with pytest.raises(InvalidInput, match="has no input"):
        execute_transformation(instance, add, wiring_from_values({"a": "1", "b": "2", "c": "3"}))
    assert list_executions(instance) == []


def test_a_record_that_cannot_be_written_fails_the_call(instance: Instance, caplog: pytest.LogCaptureFixture):
    add = add_component()
    import_transformations(instance, [add])
    with instance.database.session() as session:
        session.connection().exec_driver_sql("DROP TABLE execution_code_hashes")

    with (
        caplog.at_level(logging.ERROR, logger="sealflow.ops.execution"),
        pytest.raises(StorageError) as caught,
    ):
        execute_transformation(instance, add, wiring_from_values({"a": "1", "b": "2"}))

    result = caught.value.context["result"]
    assert isinstance(result, ExecutionResult)
    assert (result.result, result.output_results_by_output_name) == ("ok", {"sum": 3})
    message = (
        f"the run {result.job_id} of component 'Add' 1.0.0 ended ok, but its record could not be written"
    )
    assert message in str(caught.value)
    assert f"execution {result.job_id} of component 'Add' 1.0.0 ended ok" in caplog.text


def test_list_and_get_executions(instance: Instance):
    add, neg = add_component(), negate()
    import_transformations(instance, [add, neg])
    first, _ = run(instance, add, {"a": "1", "b": "2"})
    second, _ = run(instance, neg, {"x": "1"})
    third, _ = run(instance, add, {"a": "x", "b": "2"})
    ids = {name: UUID(result.job_id) for name, result in (("1", first), ("2", second), ("3", third))}

    def listed(**filters: Any) -> list[UUID]:
        return [record.id for record in list_executions(instance, **filters)]

    assert listed() == [ids["3"], ids["2"], ids["1"]]
    assert listed(transformation_id=add.id) == [ids["3"], ids["1"]]
    assert listed(transformation_id=str(add.id), status="ok") == [ids["1"]]
    assert listed(status="failure") == [ids["3"]]
    assert listed(limit=1, offset=1) == [ids["2"]]
    assert get_execution(instance, str(ids["2"])).name == "Negate"
    for record in list_executions(instance):
        assert (
            ExecutionRecord.model_validate(json.loads(json.dumps(record.model_dump(mode="json")))) == record
        )


def test_get_of_an_unknown_execution_is_not_found(instance: Instance):
    missing = uuid4()
    with pytest.raises(ExecutionNotFound) as caught:
        get_execution(instance, missing)
    assert isinstance(caught.value, NotFound)
    assert caught.value.context == {"execution_id": str(missing)}


def test_purge_keeps_the_old_code_a_recorded_run_ran(instance: Instance):
    add = add_component()
    import_transformations(instance, [add])
    _, record = run(instance, add, {"a": "1", "b": "2"})
    changed = add.model_copy(update={"content": add.code().replace("a + b", "b + a")})
    import_transformations(instance, [changed], allow_overwrite_released=True)
    orphan = instance.code.put("orphan = True\n")

    assert instance.code.purge_unreferenced() == [orphan]
    assert record.code_hashes == [code_hash(add.code())]
    assert instance.code.get(code_hash(add.code())) == add.code()


def test_a_big_inline_value_that_does_not_parse_is_left_out_of_the_wiring(instance: Instance):
    add = add_component()
    import_transformations(instance, [add])

    result, record = run(instance, add, {"a": "x" * (LIMIT + 1), "b": "2"})

    assert (result.result, record.status, record.inputs) == ("failure", "failure", [])
    assert [w["filters"] for w in record.wiring["input_wirings"]] == [{}, {"value": "2"}]
