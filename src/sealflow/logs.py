"""Logging of a Sealflow process: plain text, or one JSON object per line with the run it belongs to.

``SEALFLOW_LOG_FORMAT=json`` makes every record (Sealflow's, uvicorn's and the libraries') a JSON object
with ``time``, ``level``, ``logger``, ``message`` and, during a run, ``execution_id``; a traceback goes
into ``exception``. Nothing a client sent is logged: no request bodies, no tokens, no secrets.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

EXECUTION_ID: ContextVar[str | None] = ContextVar("sealflow_execution_id", default=None)

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


@contextmanager
def execution_context(execution_id: str) -> Iterator[None]:
    """Log records made inside the block carry ``execution_id``."""
    token = EXECUTION_ID.set(execution_id)
    try:
        yield
    finally:
        EXECUTION_ID.reset(token)


class JsonFormatter(logging.Formatter):
    """One JSON object per record."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        execution_id = getattr(record, "execution_id", None) or EXECUTION_ID.get()
        if execution_id:
            entry["execution_id"] = execution_id
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(log_format: str, level: int = logging.INFO) -> None:
    """Send every log record to standard error in ``log_format`` (``text`` or ``json``)."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # a schema check at every start is no news
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True
