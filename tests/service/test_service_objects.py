"""``GET /api/objects``: every persisted object with its status in the service's environment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import numpy as np

from sealflow.config import Settings
from sealflow.ops.instance import Instance
from sealflow.store.objects import ObjectRepository

FIELDS = {"name", "tag", "size", "written_at", "execution_id", "sealed", "status", "problems"}


def test_objects_are_listed_with_status_and_problems(
    sqlite_url: str, tmp_path: Path, start_service: Any
) -> None:
    settings = Settings(db_url=sqlite_url, home=tmp_path, install_library=False)
    instance = Instance.open(settings)
    try:
        good = instance.objects.save("pump-model", "v1", np.arange(4.0), job_id="job-1")
        ObjectRepository(instance.objects.store).save("legacy", "v1", [1, 2])
    finally:
        instance.close()

    with start_service(settings) as base_url, httpx.Client(base_url=base_url) as client:
        response = client.get("/api/objects")

    assert response.status_code == 200, response.text
    listed = response.json()
    assert [set(item) for item in listed] == [FIELDS, FIELDS]
    assert listed == [
        {
            "name": "legacy",
            "tag": "v1",
            "size": listed[0]["size"],
            "written_at": listed[0]["written_at"],
            "execution_id": None,
            "sealed": False,
            "status": "unsigned",
            "problems": ["is a plain pickle without a signature"],
        },
        {
            "name": "pump-model",
            "tag": "v1",
            "size": good.size,
            "written_at": good.created_at.isoformat().replace("+00:00", "Z"),
            "execution_id": "job-1",
            "sealed": True,
            "status": "ok",
            "problems": [],
        },
    ]
