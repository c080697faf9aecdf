"""Factories for test execution records: a plain one and one with every field set."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

from sealflow.model.execution import ExecutionRecord, OperatorTime, RecordedValue, StepTime

STARTED = datetime(2026, 3, 4, 5, 6, 7, 891011, tzinfo=UTC)


def closure(hashes: list[str]) -> str:
    """The closure hash, computed here from its definition: SHA-256 over the sorted hashes, one a line."""
    return hashlib.sha256("".join(f"{value}\n" for value in sorted(set(hashes))).encode("ascii")).hexdigest()


def record(hashes: list[str], *, failed: bool = False, **fields: Any) -> ExecutionRecord:
    """A record of a run of a component with the given code hashes."""
    started = fields.pop("started_at", STARTED)
    data: dict[str, Any] = {
        "id": uuid4(),
        "transformation_id": uuid4(),
        "revision_group_id": uuid4(),
        "name": "Add",
        "version_tag": "1.0.0",
        "type": "COMPONENT",
        "status": "failure" if failed else "ok",
        "started_at": started,
        "finished_at": started + timedelta(milliseconds=12),
        "duration": 0.0123456789,
        "code_hashes": hashes,
        "closure_hash": closure(hashes),
        "error": {"type": "ValueError", "message": "boom", "process_stage": "EXECUTING_COMPONENT_CODE"}
        if failed
        else None,
        "traceback": "Traceback (most recent call last):\nValueError: boom\n" if failed else None,
    }
    return ExecutionRecord.model_validate(data | fields)


def full_record(hashes: list[str]) -> ExecutionRecord:
    """A record with every field set, values of several shapes included."""
    return record(
        hashes,
        failed=True,
        type="WORKFLOW",
        fingerprint_hash="f" * 64,
        wiring={
            "input_wirings": [
                {
                    "workflow_input_name": "a",
                    "adapter_id": "direct_provisioning",
                    "filters": {"value": "1"},
                    "ref_id": None,
                    "ref_id_type": None,
                    "ref_key": None,
                    "type": None,
                    "use_default_value": False,
                }
            ],
            "output_wirings": [],
        },
        inputs=[
            RecordedValue.of("a", "INT", "direct_provisioning", 1, keep=True),
            RecordedValue.of("b", "FLOAT", "default", 0.1, keep=True),
            RecordedValue.of("s", "STRING", "direct_provisioning", "Größe ✓", keep=True),
            RecordedValue.of("n", "ANY", "direct_provisioning", None, keep=True),
            RecordedValue.of("x", "SERIES", "elsewhere", {"__data__": {"data": [1.5]}}, keep=False),
            RecordedValue.unencodable("z", "ANY", "elsewhere", "no encoding"),
        ],
        outputs=[RecordedValue.of("sum", "INT", "direct_provisioning", 10**20, keep=True)],
        operator_timings=[
            OperatorTime(
                operator="Add",
                operator_path=["Flow", "Add"],
                transformation_id=uuid4(),
                code_hash=hashes[0],
                duration=1e-6,
                skipped=False,
            )
        ],
        measured_steps={
            "internal_full": StepTime(
                name="internal_full", start=STARTED, end=STARTED + timedelta(seconds=1), duration=1.000000123
            )
        },
        error={
            "type": "ValueError",
            "error_code": None,
            "message": "boom [in brackets]",
            "extra_information": {"nested": [1, 2.5, "x"]},
            "process_stage": "EXECUTING_COMPONENT_CODE",
            "operator_info": None,
            "location": {"file": "COMPONENT CODE", "function_name": "main", "line_number": 3},
        },
    )
