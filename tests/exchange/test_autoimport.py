"""Autoimport of the sources in a directory: the use case, and once at a real service start."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx
import pytest

from exchange.folders import SCALE_PY
from sealflow.config import Settings
from sealflow.ops.autoimport import autoimport, autoimport_sources
from sealflow.ops.export import ExportOptions
from sealflow.ops.export_folder import export_folder
from sealflow.ops.instance import Instance
from sealflow.ops.selection import Filters
from service.conftest import running_service
from support import component


def autoimport_directory(source: Instance, directory: Path) -> Path:
    """A folder source, a list file filtered by its configuration, a broken source and a stray config."""
    export_folder(source, directory / "base", Filters(), ExportOptions())
    keep = [component(f"Keep {n}", {"x": "INT"}, {"y": "INT"}, "return {'y': x}") for n in ("A", "B")]
    (directory / "extra.json").write_text(json.dumps([tr.to_json_dict() for tr in keep]), encoding="utf-8")
    (directory / "extra.json.config.json").write_text(
        json.dumps(
            {
                "filter_params": {"name": ["Keep A"]},
                "update_config": {
                    "update_component_code": False,
                    "strip_wirings": True,
                    "abort_on_error": True,
                },
            }
        ),
        encoding="utf-8",
    )
    (directory / "broken").mkdir()
    (directory / "broken" / "scale.py").write_text(SCALE_PY, encoding="utf-8")
    (directory / "broken" / "bad.json").write_text("[{", encoding="utf-8")
    (directory / "gone.config.json").write_text("{}", encoding="utf-8")
    return directory


def test_every_source_is_imported_on_its_own(
    source: Instance, instance: Instance, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    directory = autoimport_directory(source, tmp_path / "auto")

    with caplog.at_level(logging.INFO, logger="sealflow.ops.autoimport"):
        results = autoimport(instance, directory)

    assert [result.source.name for result in results] == ["base", "broken", "extra.json"]
    names = {tr.name for tr in instance.transformations.list()}
    assert "Keep A" in names
    assert "Keep B" not in names
    assert "Scale" not in names
    assert len(names) == 8
    base, broken, extra = results
    assert base.report is not None
    assert base.report.counts()["created"] == 7
    assert broken.error is not None
    assert "bad.json" in str(broken.error)
    assert extra.report is not None
    assert [item.outcome.action for item in extra.report.items] == ["created"]
    log = caplog.text
    assert "gone.config.json configures no source" in log
    assert "broken was not imported" in log
    assert "bad.json is not valid JSON" in log
    assert "base: 7 revision(s) (7 created)" in log


def test_a_second_autoimport_changes_nothing(source: Instance, instance: Instance, tmp_path: Path) -> None:
    directory = autoimport_directory(source, tmp_path / "auto")
    autoimport(instance, directory)
    before = instance.transformations.list()

    results = autoimport(instance, directory)

    assert instance.transformations.list() == before
    for result in results:
        if result.report is not None:
            assert {item.outcome.action for item in result.report.items} == {"unchanged"}


@pytest.mark.parametrize(
    ("config", "cause"),
    [
        pytest.param("{", "is not valid JSON", id="broken-json"),
        pytest.param('{"update_config": {"overwrite": true}}', "update_config.overwrite", id="unknown-key"),
        pytest.param('{"filter_params": {"type": "PIPELINE"}}', "filter_params.type", id="bad-value"),
    ],
)
def test_a_bad_configuration_fails_only_its_source(
    source: Instance, instance: Instance, tmp_path: Path, config: str, cause: str
) -> None:
    directory = tmp_path / "auto"
    export_folder(source, directory / "one", Filters(), ExportOptions())
    export_folder(source, directory / "two", Filters(), ExportOptions())
    (directory / "one.config.json").write_text(config, encoding="utf-8")

    one, two = autoimport(instance, directory)

    assert one.error is not None
    assert cause in str(one.error)
    assert two.report is not None
    assert len(instance.transformations.list()) == 7


def test_sources_skip_configurations_and_hidden_files(tmp_path: Path) -> None:
    for name in ("a.json", "a.json.config.json", ".hidden.json", "notes.txt"):
        (tmp_path / name).write_text("[]", encoding="utf-8")
    (tmp_path / "folder").mkdir()

    assert [path.name for path in autoimport_sources(tmp_path)] == ["a.json", "folder"]


def test_the_service_runs_the_autoimport_when_it_starts(
    source: Instance, db_url: str, tmp_path: Path
) -> None:
    directory = autoimport_directory(source, tmp_path / "auto")
    settings = Settings(
        db_url=db_url, home=tmp_path / "service", install_library=False, autoimport_dir=directory
    )

    with running_service(settings) as base_url:
        response = httpx.get(f"{base_url}/api/transformations", timeout=60)

    assert response.status_code == 200
    assert "Keep A" in {tr["name"] for tr in response.json()}
    assert len(response.json()) == 8
