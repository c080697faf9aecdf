"""Verify that a released revision is deterministic: run its test wiring twice, in two processes.

Each run happens in a fresh interpreter, so no module state, cache or random generator carries over from
one to the other; both runs leave execution records. Outputs are compared by the digest of their
canonical encoding, with a tolerance report for numeric values that differ.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from typing import Any, Literal

from pydantic import BaseModel, Field

from sealflow.errors import ExecutionFailed, InvalidInput
from sealflow.model.datatypes import DataType, State
from sealflow.model.hashing import canonical_json
from sealflow.ops.instance import Instance
from sealflow.ops.replay import OutputComparison
from sealflow.ops.transformations import resolve_reference
from sealflow.repro.compare import tolerance


class VerifyReport(BaseModel):
    """Whether two runs of a revision's test wiring in two processes gave identical outputs."""

    transformation: str
    verdict: Literal["deterministic", "non-deterministic"]
    execution_ids: list[str] = Field(default_factory=list)
    outputs: list[OutputComparison] = Field(default_factory=list)


def _run_in_new_process(instance: Instance, transformation_id: str) -> dict[str, Any]:
    env = {
        **os.environ,
        "SEALFLOW_HOME": str(instance.settings.home),
        "SEALFLOW_DB_URL": instance.settings.database_url,
    }
    done = subprocess.run(
        [sys.executable, "-m", "sealflow", "run", transformation_id, "--test-wiring", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        result: dict[str, Any] = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise ExecutionFailed(
            f"the verification run of {transformation_id} did not finish: "
            f"{(done.stderr or done.stdout).strip().splitlines()[-1:] or ['no output']}"
        ) from None
    if result.get("result") != "ok":
        message = (result.get("error") or {}).get("message", "no error message")
        raise ExecutionFailed(
            f"the test wiring of {transformation_id} fails, so it cannot be verified: {message}"
        )
    return result


def _digest(value: Any) -> str:
    return hashlib.sha256(canonical_json(value)).hexdigest()


def verify_transformation(instance: Instance, reference: str) -> VerifyReport:
    """Run a released revision's test wiring twice in two new processes and compare the outputs."""
    tr = resolve_reference(instance, reference)
    if tr.state is State.DRAFT:
        raise InvalidInput(f"{tr.label} is a DRAFT; verify checks released revisions — release it first")
    first, second = (_run_in_new_process(instance, str(tr.id)) for _ in range(2))
    types: dict[str, str] = first.get("output_types_by_output_name", {})
    outputs = []
    for name, value in first.get("output_results_by_output_name", {}).items():
        other = second.get("output_results_by_output_name", {}).get(name)
        same = _digest(value) == _digest(other)
        outputs.append(
            OutputComparison(
                name=name,
                verdict="identical" if same else "differs",
                recorded_sha256=_digest(value),
                replayed_sha256=_digest(other),
                tolerance=None if same else tolerance(value, other, DataType(types.get(name, "ANY"))),
            )
        )
    deterministic = all(item.verdict == "identical" for item in outputs)
    return VerifyReport(
        transformation=tr.label,
        verdict="deterministic" if deterministic else "non-deterministic",
        execution_ids=[str(first.get("job_id")), str(second.get("job_id"))],
        outputs=outputs,
    )
