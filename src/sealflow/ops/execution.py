"""Use case: run a stored transformation, or one given as a JSON file, on raw input values."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from uuid import UUID

from sealflow.errors import InvalidInput
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.instance import Instance
from sealflow.ops.transformations import nesting_order, read_json_file, resolve_reference
from sealflow.runtime.results import ExecutionResult
from sealflow.runtime.runner import run


def execute_transformation(
    instance: Instance,
    tr: TransformationRevision,
    wiring: WorkflowWiring,
    *,
    run_pure_plot_operators: bool = False,
    job_id: str | None = None,
    unstored: Sequence[TransformationRevision] = (),
) -> ExecutionResult:
    """Run ``tr``; nested revisions come from ``unstored`` first, then from the store.

    The code of every unstored component goes into the code store first: whatever ran can be found again.
    """
    extra = {item.id: item for item in unstored}
    for item in unstored:
        if not item.is_workflow:
            instance.code.put(item.code())

    def resolve(transformation_id: UUID) -> TransformationRevision:
        return extra.get(transformation_id) or instance.transformations.get(transformation_id)

    return run(
        tr, resolve, wiring, instance.adapters, run_pure_plot_operators=run_pure_plot_operators, job_id=job_id
    )


def load_run_target(
    instance: Instance, path_or_reference: str
) -> tuple[TransformationRevision, list[TransformationRevision]]:
    """The revision to run and the unstored revisions that come with it.

    A path to a JSON file holding one revision runs that revision; a file holding several runs the one no
    other uses. Anything else names a stored revision by id or name.
    """
    path = Path(path_or_reference)
    if path.suffix != ".json":
        return resolve_reference(instance, path_or_reference), []
    if not path.is_file():
        raise InvalidInput(f"file {path} does not exist; give a transformation JSON file, an id or a name")
    revisions = nesting_order(read_json_file(path))
    used = {op.transformation_id for tr in revisions if tr.is_workflow for op in tr.workflow().operators}
    roots = [tr for tr in revisions if tr.id not in used]
    if len(roots) != 1:
        names = ", ".join(tr.label for tr in roots)
        raise InvalidInput(f"{path} holds {len(roots)} top-level transformations ({names}); put one per file")
    return roots[0], revisions
