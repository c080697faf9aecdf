"""Conversion between domain types (``sealflow.model``) and database rows (``tables``).

A component's code is not part of its row: the row holds the code hash, and reading a revision joins
the code text from the code store. Likewise an execution record's code hashes are rows of their own.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from sealflow.errors import StorageError
from sealflow.model.execution import ExecutionRecord
from sealflow.model.transformation import TransformationRevision
from sealflow.model.workflow import WorkflowContent
from sealflow.store.statements import Columns
from sealflow.store.tables import ExecutionRow, NestingRow, TransformationRow


def to_row(
    tr: TransformationRevision, code_hash: str | None, row: TransformationRow | None = None
) -> TransformationRow:
    """Fill ``row`` (or a new row) with every field of ``tr``; components point at ``code_hash``."""
    row = row if row is not None else TransformationRow(id=tr.id)
    row.revision_group_id = tr.revision_group_id
    row.name = tr.name
    row.description = tr.description
    row.category = tr.category
    row.version_tag = tr.version_tag
    row.state = tr.state.value
    row.type = tr.type.value
    row.released_timestamp = tr.released_timestamp
    row.disabled_timestamp = tr.disabled_timestamp
    row.documentation = tr.documentation
    row.io_interface = tr.io_interface.model_dump(mode="json")
    row.test_wiring = tr.test_wiring.model_dump(mode="json")
    if isinstance(tr.content, WorkflowContent):
        row.workflow_content = tr.content.model_dump(mode="json")
        row.code_hash = None
    else:
        row.workflow_content = None
        row.code_hash = code_hash
    return row


def to_revision(row: TransformationRow | Columns, code: str | None) -> TransformationRevision:
    """The domain revision stored in ``row`` (an ORM row or a Core row of the table); ``code`` is the
    component's text from the code store."""
    content: str | dict[str, Any] | None = row.workflow_content if row.type == "WORKFLOW" else code
    data = {
        "id": row.id,
        "revision_group_id": row.revision_group_id,
        "name": row.name,
        "description": row.description,
        "category": row.category,
        "version_tag": row.version_tag,
        "state": row.state,
        "type": row.type,
        "released_timestamp": row.released_timestamp,
        "disabled_timestamp": row.disabled_timestamp,
        "documentation": row.documentation,
        "content": content,
        "io_interface": row.io_interface,
        "test_wiring": row.test_wiring,
    }
    try:
        return TransformationRevision.model_validate(data)
    except ValidationError as exc:
        raise StorageError(
            f"stored {label(row)} is no longer a valid revision ({exc.error_count()} problem(s), "
            f"first: {exc.errors()[0]['msg']}); repair or re-import it"
        ) from exc


def nesting_rows(tr: TransformationRevision) -> list[NestingRow]:
    """One row per operator of a workflow (none for a component)."""
    if not isinstance(tr.content, WorkflowContent):
        return []
    return [
        NestingRow(workflow_id=tr.id, operator_id=op.id, nested_transformation_id=op.transformation_id)
        for op in tr.content.operators
    ]


def code_blob_row(code_hash: str, text: str) -> dict[str, Any]:
    """Column values of a new code store entry."""
    return {"hash": code_hash, "text": text, "size": len(text.encode("utf-8"))}


def label(row: TransformationRow | Columns) -> str:
    """How errors name a stored revision (as ``TransformationRevision.label`` does)."""
    return f"{row.type.lower()} {row.name!r} {row.version_tag} ({row.id})"


def execution_values(record: ExecutionRecord) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The column values of an execution record's row, and of one row per code hash it ran."""
    data = record.model_dump(mode="json", exclude={"code_hashes"})
    row = {
        **data,
        "id": record.id,
        "transformation_id": record.transformation_id,
        "revision_group_id": record.revision_group_id,
        "started_at": record.started_at,
        "finished_at": record.finished_at,
    }
    return row, [{"execution_id": record.id, "code_hash": key} for key in record.code_hashes]


def to_execution(row: ExecutionRow, code_hashes: list[str]) -> ExecutionRecord:
    """The execution record stored in ``row`` with the code hashes stored for it."""
    data = {column.key: getattr(row, column.key) for column in ExecutionRow.__table__.columns}
    try:
        return ExecutionRecord.model_validate({**data, "code_hashes": code_hashes})
    except ValidationError as exc:
        raise StorageError(
            f"stored execution record {row.id} is no longer valid ({exc.error_count()} problem(s), "
            f"first: {exc.errors()[0]['msg']}); it was changed outside Sealflow"
        ) from exc
