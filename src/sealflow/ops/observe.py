"""What every run gets besides its record: the time limit, metrics and the execution id in its logs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sealflow import metrics
from sealflow.config import Settings
from sealflow.logs import execution_context
from sealflow.runtime.engine import OperatorHook
from sealflow.runtime.plan import Step
from sealflow.runtime.results import ExecutionResult, OperatorTiming
from sealflow.runtime.timeout import ERROR_TYPE, TimeLimit, watched


class OperatorMetrics:
    """Notes each component call's duration in the metrics, by the component's name."""

    def before_operator(self, step: Step) -> None:
        """Nothing to do before an operator."""

    def after_operator(self, step: Step, timing: OperatorTiming) -> None:
        """Note the duration of a call that ran."""
        if not timing.skipped:
            metrics.record_operator(step.operator.transformation_info.name, timing.duration)


@contextmanager
def observed(settings: Settings, execution_id: str) -> Iterator[list[OperatorHook]]:
    """The operator hooks for one run; inside the block, log records carry the execution id."""
    limit = TimeLimit(settings.execution_timeout) if settings.execution_timeout else None
    hooks: list[OperatorHook] = [OperatorMetrics()]
    if limit is not None:
        hooks.append(limit)
    with execution_context(execution_id), watched(limit):
        yield hooks


def count_run(result: ExecutionResult) -> None:
    """Count a finished run by its outcome (``ok``, ``failure`` or ``timeout``) and its duration."""
    timed_out = result.error is not None and result.error.type == ERROR_TYPE
    full = result.measured_steps.get("internal_full")
    metrics.record_execution("timeout" if timed_out else result.result, full.duration if full else 0.0)
