"""``sealflow backup`` and ``sealflow restore`` through the console script, as a user types them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "sealflow"
DEMO_DIR = Path(__file__).resolve().parents[2] / "examples" / "demo"
DEMO_FILES = sorted((DEMO_DIR / "transformations").glob("*.json"))


def sealflow(home: Path, *args: str | Path, code: int = 0) -> subprocess.CompletedProcess[str]:
    """Run the console script on the instance in ``home`` and check its exit code."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("SEALFLOW_")}
    env.pop("FORCE_COLOR", None)
    env |= {"SEALFLOW_HOME": str(home), "COLUMNS": "200", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    home.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [str(SCRIPT), *(str(arg) for arg in args)],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == code, f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A backup of an instance with the demo transformations and one run of the demo workflow."""
    source = tmp_path / "source"
    sealflow(source, "import-json", *DEMO_FILES)
    sealflow(source, "run", "Sensor Outlier Demo", "--test-wiring")
    written = sealflow(source, "backup", tmp_path / "backup.zip")
    assert f"wrote {tmp_path / 'backup.zip'}" in written.stdout
    assert "1 executions" in written.stdout
    return tmp_path / "backup.zip"


def test_restore_previews_applies_and_then_has_nothing_left_to_do(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "target"
    listed_before = sealflow(target, "transformations", "list", "--json").stdout

    preview = sealflow(target, "restore", archive, "--dry-run")
    assert "executions: 1 new, 0 identical, 0 conflicting" in preview.stdout
    assert "dry run: nothing was changed" in preview.stdout
    assert sealflow(target, "transformations", "list", "--json").stdout == listed_before

    applied = sealflow(target, "restore", archive)
    assert f"restored {archive}" in applied.stdout
    assert "Sensor Outlier Demo" in sealflow(target, "transformations", "list").stdout
    assert len(json.loads(sealflow(target, "executions", "list", "--json").stdout)) == 1

    again = sealflow(target, "restore", archive)
    assert "transformations: 0 new" in again.stdout
    assert "nothing to restore" in again.stdout


def test_a_tampered_archive_is_refused_with_one_line_naming_the_member(archive: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(archive) as original:
        members = {name: original.read(name) for name in original.namelist()}
    members["executions.jsonl"] = members["executions.jsonl"].replace(b'"ok"', b'"failure"')
    with zipfile.ZipFile(archive, "w") as tampered:
        for name, data in members.items():
            tampered.writestr(name, data)

    target = tmp_path / "target"
    refused = sealflow(target, "restore", archive, code=2)
    (line,) = refused.stderr.strip().splitlines()
    assert "executions.jsonl does not match the size and SHA-256" in line
    assert json.loads(sealflow(target, "executions", "list", "--json").stdout) == []


def test_a_revision_changed_since_the_backup_is_a_conflict(archive: Path, tmp_path: Path) -> None:
    moving_average = json.loads((DEMO_DIR / "transformations" / "components_moving-average.json").read_text())
    target = tmp_path / "target"
    sealflow(target, "restore", archive)
    sealflow(target, "transformations", "disable", moving_average["id"])

    refused = sealflow(target, "restore", archive, code=4)
    assert moving_average["id"] in refused.stderr
    assert "--allow-overwrite" in refused.stderr

    replaced = sealflow(target, "restore", archive, "--allow-overwrite")
    assert "snapshot of the instance before the restore" in replaced.stdout
    assert list((target / "snapshots").glob("before-restore-*.zip"))
    shown = json.loads(sealflow(target, "transformations", "show", moving_average["id"]).stdout)
    assert shown["state"] == "RELEASED"
