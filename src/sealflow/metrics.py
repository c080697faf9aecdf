"""Prometheus metrics of a Sealflow process, served by the service at ``/metrics``.

Any layer may count here; counting is cheap and does no I/O. The metrics live in a registry of their own
(``REGISTRY``), so they hold only Sealflow's figures; each process counts for itself (several service
workers are several targets to Prometheus).
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

_SECONDS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)

EXECUTIONS = Counter(
    "sealflow_executions", "Runs by result (ok, failure, timeout).", ["result"], registry=REGISTRY
)
EXECUTION_SECONDS = Histogram(
    "sealflow_execution_duration_seconds", "Duration of whole runs.", buckets=_SECONDS, registry=REGISTRY
)
OPERATOR_SECONDS = Histogram(
    "sealflow_operator_duration_seconds",
    "Duration of each component call, by the component's name.",
    ["component"],
    buckets=_SECONDS,
    registry=REGISTRY,
)
IMPORTS = Counter(
    "sealflow_imported_items",
    "Items of imports by outcome (SUCCESS, FAILED, IGNORED, NOT_TRIED).",
    ["status"],
    registry=REGISTRY,
)
OBJECT_VERIFICATIONS = Counter(
    "sealflow_object_verifications",
    "Sealed objects whose signature was checked on loading.",
    registry=REGISTRY,
)
OBJECT_MISMATCHES = Counter(
    "sealflow_object_mismatches",
    "Sealed objects that failed their check on loading, by what failed (signature, payload).",
    ["kind"],
    registry=REGISTRY,
)


def record_execution(result: str, seconds: float) -> None:
    """Count a finished run and its duration."""
    EXECUTIONS.labels(result=result).inc()
    EXECUTION_SECONDS.observe(seconds)


def record_operator(component: str, seconds: float) -> None:
    """Note how long one component call took."""
    OPERATOR_SECONDS.labels(component=component).observe(seconds)


def record_import(status: str, count: int = 1) -> None:
    """Count imported items with one outcome."""
    IMPORTS.labels(status=status).inc(count)


def record_object_verification(mismatch: str | None = None) -> None:
    """Count a sealed object checked on loading; ``mismatch`` names what did not match, if anything."""
    OBJECT_VERIFICATIONS.inc()
    if mismatch is not None:
        OBJECT_MISMATCHES.labels(kind=mismatch).inc()
