"""``sealflow export`` and ``sealflow import`` through the installed console script, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exchange.folders import SCALE_PY

SCRIPT = Path(sys.executable).parent / "sealflow"
DEMO_FILES = sorted(
    (Path(__file__).resolve().parents[2] / "examples" / "demo" / "transformations").glob("*.json")
)


def sealflow(home: Path, db_url: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the console script on the instance in ``home`` (database ``db_url``)."""
    env = {**os.environ, "SEALFLOW_HOME": str(home), "SEALFLOW_DB_URL": db_url}
    return subprocess.run(
        [str(SCRIPT), *map(str, args)], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def tree(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()
    }


def test_export_import_export_round_trip(db_url: str, tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path}/source.db"
    assert sealflow(tmp_path / "a", source, "import-json", *DEMO_FILES).returncode == 0
    exported = sealflow(tmp_path / "a", source, "export", tmp_path / "first", "--json")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["exported"] == len(DEMO_FILES)

    imported = sealflow(tmp_path / "b", db_url, "import", tmp_path / "first", "--json")
    again = sealflow(tmp_path / "b", db_url, "import", tmp_path / "first")
    second = sealflow(tmp_path / "b", db_url, "export", tmp_path / "second")

    assert imported.returncode == 0, imported.stderr
    summary = json.loads(imported.stdout)
    assert summary["created"] == summary["imported"] == len(DEMO_FILES)
    assert {item["action"] for item in summary["items"]} == {"created"}
    assert (
        again.stdout.strip()
        == f"{len(DEMO_FILES)} revision(s): 0 created, 0 updated, 0 released, 0 disabled, {len(DEMO_FILES)} unchanged"
    )
    assert second.returncode == 0, second.stderr
    assert tree(tmp_path / "second") == tree(tmp_path / "first")


@pytest.mark.parametrize(
    ("name", "text", "cause"),
    [
        pytest.param("bad.json", "[{", "is not valid JSON", id="broken-json"),
        pytest.param(
            "plain.py",
            "def main():\n    return {}\n",
            "has no top-level assignment COMPONENT_INFO",
            id="no-info",
        ),
    ],
)
def test_a_bad_file_exits_2_and_imports_nothing(
    sqlite_url: str, tmp_path: Path, name: str, text: str, cause: str
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scale.py").write_text(SCALE_PY, encoding="utf-8")
    (tmp_path / "in" / name).write_text(text, encoding="utf-8")

    failed = sealflow(tmp_path, sqlite_url, "import", tmp_path / "in")
    listed = sealflow(tmp_path, sqlite_url, "transformations", "list", "--json")

    assert failed.returncode == 2
    (line,) = failed.stderr.strip().splitlines()
    assert line.startswith(f"error: {tmp_path / 'in' / name}")
    assert cause in line
    assert json.loads(listed.stdout) == []


def test_export_options_and_import_options(sqlite_url: str, tmp_path: Path) -> None:
    (tmp_path / "scale.py").write_text(SCALE_PY, encoding="utf-8")
    imported = sealflow(tmp_path, sqlite_url, "import", tmp_path / "scale.py", "--strip-wirings", "--json")
    as_code = sealflow(
        tmp_path,
        sqlite_url,
        "export",
        tmp_path / "code",
        "--components-as-code",
        "--type",
        "COMPONENT",
        "--category",
        "Arithmetic",
        "--name",
        "Scale",
        "--exclude-deprecated",
    )
    none = sealflow(
        tmp_path, sqlite_url, "export", tmp_path / "none", "--category-prefix", "Nothing", "--json"
    )

    assert imported.returncode == 0, imported.stderr
    (item,) = json.loads(imported.stdout)["items"]
    assert item["action"] == "created"
    assert as_code.returncode == 0, as_code.stderr
    (path,) = (tmp_path / "code").rglob("*.py")
    assert str(path.relative_to(tmp_path / "code")).startswith("components/arithmetic/scale_100_")
    assert "TEST_WIRING_FROM_PY_FILE_IMPORT" in path.read_text(encoding="utf-8")
    assert json.loads(none.stdout)["exported"] == 0
