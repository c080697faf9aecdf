"""How component code finds the object store: the run's binding, or the configured instance outside a run."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from sealflow.store.objects import ObjectRepository, activated, load_object, open_object_store, store_object


def repository(path: Path) -> ObjectRepository:
    return ObjectRepository(open_object_store(path.as_uri()))


def test_inside_a_run_the_bound_repository_and_job_id_are_used(tmp_path: Path):
    bound = repository(tmp_path / "bound")

    with activated(bound, job_id="job-7"):
        manifest = store_object("model", "v1", {"a": 1})
        assert load_object("model", "v1") == {"a": 1}

    assert manifest.job_id == "job-7"
    assert bound.manifest("model", "v1") == manifest


def test_a_binding_ends_with_its_block_and_restores_the_outer_one(tmp_path: Path):
    outer, inner = repository(tmp_path / "outer"), repository(tmp_path / "inner")

    with activated(outer, job_id="outer-job"):
        with activated(inner, job_id="inner-job"):
            store_object("model", "v1", "inner")
        store_object("model", "v1", "outer")

    assert inner.load("model") == "inner"
    assert outer.load("model") == "outer"
    assert outer.manifest("model").job_id == "outer-job"


def test_the_binding_follows_the_run_into_coroutines(tmp_path: Path):
    bound = repository(tmp_path / "bound")

    async def component() -> object:
        store_object("model", "v1", [1, 2])
        await asyncio.sleep(0)
        return load_object("model", "latest")

    with activated(bound, job_id="async-job"):
        assert asyncio.run(component()) == [1, 2]

    assert bound.manifest("model").job_id == "async-job"


def test_outside_a_run_the_configured_instance_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SEALFLOW_OBJECTS_URL", raising=False)
    monkeypatch.setenv("SEALFLOW_HOME", str(tmp_path / "home"))

    manifest = store_object("notebook-model", "v1", {"b": 2})

    assert manifest.job_id is None
    assert load_object("notebook-model") == {"b": 2}
    assert (tmp_path / "home" / "objects" / "notebook-model" / "v1.pkl").is_file()
