"""``sealflow maintenance ...`` on a local instance, run as a user types it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from uuid import uuid4

import pytest

from sealflow.config import Settings
from sealflow.model.datatypes import State
from sealflow.ops.instance import Instance
from support import RELEASED_AT, add_component, component

SCRIPT = Path(sys.executable).parent / "sealflow"


def sealflow(home: Path, db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SEALFLOW_HOME": str(home), "SEALFLOW_DB_URL": db_url, "COLUMNS": "200"}
    return subprocess.run(
        [str(SCRIPT), *args], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def stored(db_url: str, tmp_path: Path) -> dict[str, str]:
    """An instance with a released component, a newer revision of it and a draft; names by id."""
    add = add_component()
    newer = add.model_copy(
        update={"id": uuid4(), "version_tag": "2.0.0", "released_timestamp": RELEASED_AT.replace(year=2027)}
    )
    draft = component("Sketch", {"a": "INT"}, {"b": "INT"}, "return {'b': a}", state=State.DRAFT)
    instance = Instance.open(Settings(db_url=db_url, home=tmp_path, install_library=False))
    try:
        for tr in (add, newer, draft):
            instance.transformations.insert(tr)
    finally:
        instance.close()
    return {"add": str(add.id), "newer": str(newer.id), "draft": str(draft.id)}


def states(db_url: str, home: Path) -> dict[str, str]:
    instance = Instance.open(Settings(db_url=db_url, home=home, install_library=False))
    try:
        return {str(tr.id): tr.state.value for tr in instance.transformations.list()}
    finally:
        instance.close()


def test_delete_drafts_refuses_without_confirmation(db_url: str, tmp_path: Path, stored: dict[str, str]):
    outcome = sealflow(tmp_path, db_url, "maintenance", "delete-drafts")

    assert outcome.returncode == 1, outcome
    assert "Sketch" in outcome.stderr
    assert "aborted" in outcome.stderr
    assert stored["draft"] in states(db_url, tmp_path)


def test_delete_drafts_dry_run_shows_the_report_and_changes_nothing(
    db_url: str, tmp_path: Path, stored: dict[str, str]
):
    outcome = sealflow(tmp_path, db_url, "maintenance", "delete-drafts", "--dry-run", "--json")

    assert outcome.returncode == 0, outcome
    report = json.loads(outcome.stdout)
    assert report["dry_run"] is True
    assert [(r["id"], r["action"]) for r in report["revisions"]] == [(stored["draft"], "deleted")]
    assert stored["draft"] in states(db_url, tmp_path)


def test_delete_drafts_with_yes_deletes_them(db_url: str, tmp_path: Path, stored: dict[str, str]):
    outcome = sealflow(tmp_path, db_url, "maintenance", "delete-drafts", "--yes")

    assert outcome.returncode == 0, outcome
    assert "delete_drafts: changed 1 revisions" in outcome.stdout
    assert states(db_url, tmp_path) == {stored["add"]: "RELEASED", stored["newer"]: "RELEASED"}


def test_deprecate_all_but_latest_prints_the_deprecated_revisions(
    db_url: str, tmp_path: Path, stored: dict[str, str]
):
    outcome = sealflow(tmp_path, db_url, "maintenance", "deprecate-all-but-latest", "--json")

    assert outcome.returncode == 0, outcome
    assert [r["id"] for r in json.loads(outcome.stdout)["revisions"]] == [stored["add"]]
    assert states(db_url, tmp_path)[stored["add"]] == "DISABLED"


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("delete-unused-deprecated",), id="delete-unused-deprecated"),
        pytest.param(("purge",), id="purge"),
    ],
)
def test_destructive_commands_need_confirmation(sqlite_url: str, tmp_path: Path, args: tuple[str, ...]):
    instance = Instance.open(Settings(db_url=sqlite_url, home=tmp_path, install_library=False))
    try:
        instance.transformations.insert(
            add_component().model_copy(update={"state": State.DISABLED, "disabled_timestamp": RELEASED_AT})
        )
    finally:
        instance.close()

    refused = sealflow(tmp_path, sqlite_url, "maintenance", *args)
    done = sealflow(tmp_path, sqlite_url, "maintenance", *args, "--yes", "--json")

    assert refused.returncode == 1, refused
    assert done.returncode == 0, done
    assert [r["action"] for r in json.loads(done.stdout)["revisions"]] == ["deleted"]
    assert states(sqlite_url, tmp_path) == {}


def test_autoimport_command(sqlite_url: str, tmp_path: Path):
    outcome = sealflow(tmp_path, sqlite_url, "maintenance", "autoimport", "--json")
    assert outcome.returncode == 2
    assert "SEALFLOW_AUTOIMPORT_DIR" in outcome.stderr
