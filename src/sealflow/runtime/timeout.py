"""A time limit for a run's component code (``SEALFLOW_EXECUTION_TIMEOUT``).

``TimeLimit`` is an operator hook. The limit counts from the first component call of a run; when it
passes while a component runs, one shared watchdog thread raises ``ExecutionTimedOut`` inside the thread
that runs it (CPython's ``PyThreadState_SetAsyncExc``). The engine turns it into the run's error, which
names the operator and the limit; the run ends as a failure and its record is written as usual. Normal
runs pay for a lock and a heap entry per component, no thread of their own.

The limit is honest about what it can stop: pure Python code stops at its next bytecode; code that is
inside a single long call into C (a big numpy operation, ``time.sleep``, a blocking read) stops as soon
as that call returns. ``ExecutionTimedOut`` derives from ``SystemExit``, so ``except Exception`` in
component code does not swallow it; a bare ``except:`` that swallows it still ends the run as timed out
when the component returns.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sealflow.runtime.engine import StageError
from sealflow.runtime.plan import Step
from sealflow.runtime.results import ExecutionError, OperatorTiming, ProcessStage

ERROR_TYPE = "ExecutionTimeout"


class ExecutionTimedOut(SystemExit):
    """Raised inside component code whose run passed its time limit."""

    message = "the run passed its time limit"

    def __init__(self, *args: object) -> None:
        super().__init__(*(args or (self.message,)))

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else self.message


class TimeLimit:
    """Stops the component that runs when a run's component code has taken ``seconds`` in all."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline: float | None = None
        self._lock = threading.Lock()
        self._running: Step | None = None
        self._thread = 0
        self._fired = False

    def message(self, step: Step) -> str:
        """What the run's error says."""
        component = step.operator.transformation_info
        return (
            f"operator {step.name!r} ({component.name} {component.tag}) was stopped: the run took longer "
            f"than its time limit of {self.seconds:g} s (SEALFLOW_EXECUTION_TIMEOUT); make it faster or "
            "raise the limit"
        )

    def before_operator(self, step: Step) -> None:
        """Start the clock on the first call; arm the watchdog for this one."""
        now = time.monotonic()
        first = self.deadline is None
        if self.deadline is None:
            self.deadline = now + self.seconds
        if now >= self.deadline:
            raise self._error(step)
        with self._lock:
            self._running, self._thread = step, threading.get_ident()
        if first:
            _WATCHDOG.schedule(self.deadline, self)

    def after_operator(self, step: Step, timing: OperatorTiming) -> None:
        """Disarm; if the limit fired but the component swallowed the stop, end the run here."""
        if self._disarm():
            raise self._error(step)

    def fire(self) -> None:
        """Called by the watchdog at the deadline: stop the component that runs now, if any."""
        with self._lock:
            if self._running is None or self._fired:
                return
            self._fired = True
            kind = type(ERROR_TYPE, (ExecutionTimedOut,), {"message": self.message(self._running)})
            _set_async_exc(self._thread, kind)

    def _disarm(self) -> bool:
        """Stop watching; return whether the limit fired (a stop not yet delivered is withdrawn)."""
        with self._lock:
            fired, self._fired = self._fired, False
            if fired:
                _set_async_exc(self._thread, None)
            self._running = None
            return fired

    def _error(self, step: Step) -> StageError:
        return StageError(
            ExecutionError(
                type=ERROR_TYPE,
                message=self.message(step),
                process_stage=ProcessStage.EXECUTING_COMPONENT_CODE,
                operator_info=step.operator.model_copy(deep=True),
            )
        )


@contextmanager
def watched(limit: TimeLimit | None) -> Iterator[None]:
    """Run a block with ``limit`` in its hooks; whatever happens, nothing is left armed afterwards."""
    try:
        yield
    finally:
        if limit is not None:
            limit._disarm()


def _set_async_exc(thread_id: int, kind: type[BaseException] | None) -> None:
    exception = ctypes.py_object(kind) if kind is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), exception)


class _Watchdog:
    """One daemon thread that calls ``fire`` on time limits whose deadline passed."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, TimeLimit]] = []
        self._order = itertools.count()
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None

    def schedule(self, deadline: float, limit: TimeLimit) -> None:
        """Call ``limit.fire()`` at ``deadline`` (monotonic seconds)."""
        with self._condition:
            heapq.heappush(self._heap, (deadline, next(self._order), limit))
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="sealflow-time-limits", daemon=True)
                self._thread.start()
            self._condition.notify()

    def _loop(self) -> None:
        while True:
            with self._condition:
                while not self._heap or self._heap[0][0] > time.monotonic():
                    wait = self._heap[0][0] - time.monotonic() if self._heap else None
                    self._condition.wait(wait)
                _, _, limit = heapq.heappop(self._heap)
            limit.fire()


_WATCHDOG = _Watchdog()
