"""Drive a Sealflow service from Python: ``Client`` (synchronous) and ``AsyncClient`` (asyncio).

::

    from sealflow.client import Client

    with Client("http://localhost:8080") as client:
        outcome = client.execute(revision_id, {"x": series, "window": 3})
        outcome["y"]  # a pandas Series
"""

from sealflow.client.aio import AsyncClient
from sealflow.client.results import ExecutionOutcome
from sealflow.client.sync import Client

__all__ = ["AsyncClient", "Client", "ExecutionOutcome"]
