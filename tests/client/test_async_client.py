"""The asyncio client against the real service: the same calls, awaited."""

from __future__ import annotations

import asyncio
from uuid import uuid4

import pandas as pd
import pytest

from sealflow import errors
from sealflow.client import AsyncClient
from sealflow.model.datatypes import State
from support import component


def test_async_client_stores_runs_and_releases(service_url: str):
    tr = component(
        "Scale",
        {"x": "SERIES", "factor": "FLOAT"},
        {"y": "SERIES"},
        "return {'y': x * factor}",
        state=State.DRAFT,
    )
    series = pd.Series([1.0, 2.0], index=pd.date_range("2026-01-01", periods=2, tz="UTC"))

    async def scenario() -> None:
        async with AsyncClient(service_url) as client:
            assert (await client.info()).msg == "Here I am"
            await client.put_transformation(tr, update_component_code=False)
            runs = await asyncio.gather(
                *(client.execute(tr.id, {"x": series, "factor": factor}) for factor in (1, 2, 3))
            )
            assert [outcome["y"].tolist() for outcome in runs] == [[1, 2], [2, 4], [3, 6]]
            assert (await client.release(tr.id)).state is State.RELEASED
            records = await client.list_executions(transformation_id=tr.id)
            assert len(records) == 3
            assert (await client.replay(records[0].id)).verdict == "identical"
            with pytest.raises(errors.TransformationNotFound):
                await client.get_transformation(uuid4())

    asyncio.run(scenario())
