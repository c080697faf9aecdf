import json
import subprocess
import sys
from pathlib import Path

import pytest

from sealflow.repro.fingerprint import (
    Fingerprint,
    current_fingerprint,
    diff,
    normalize_name,
    take_fingerprint,
)

SEALFLOW = Path(sys.executable).parent / "sealflow"


def test_fingerprint_lists_the_environment():
    fingerprint = take_fingerprint()
    assert fingerprint.python_version == ".".join(map(str, sys.version_info[:3]))
    assert fingerprint.distributions["pandas"] == __import__("pandas").__version__
    assert fingerprint.distributions["sealflow"] == fingerprint.sealflow_version
    assert fingerprint.python_minor == f"{sys.version_info.major}.{sys.version_info.minor}"
    assert current_fingerprint() is current_fingerprint()


def test_the_id_is_stable_across_processes_and_changes_with_any_version():
    here = current_fingerprint()
    other = subprocess.run(
        [
            sys.executable,
            "-c",
            "from sealflow.repro.fingerprint import take_fingerprint; print(take_fingerprint().id)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert other == here.id
    upgraded = here.model_copy(update={"distributions": {**here.distributions, "numpy": "99.0.0"}})
    assert upgraded.id != here.id


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        pytest.param("Scikit_Learn", "scikit-learn", id="underscore"),
        pytest.param("zope.interface", "zope-interface", id="dot"),
        pytest.param("a--b__c", "a-b-c", id="runs"),
    ],
)
def test_distribution_names_are_normalized(name, normal):
    assert normalize_name(name) == normal


def test_diff_names_every_change():
    before = Fingerprint(
        python_implementation="CPython",
        python_version="3.11.7",
        platform="linux-x86_64",
        sealflow_version="0.1.0",
        distributions={"numpy": "2.4.0", "scikit-learn": "1.8.0", "old": "1.0"},
    )
    after = before.model_copy(
        update={
            "python_version": "3.12.1",
            "distributions": {"numpy": "2.4.0", "scikit-learn": "1.9.1", "new": "2.0"},
        }
    )
    assert [str(change) for change in diff(before, after)] == [
        "python: CPython 3.11.7 -> CPython 3.12.1",
        "new: added 2.0",
        "old: removed (was 1.0)",
        "scikit-learn: 1.8.0 -> 1.9.1",
    ]
    assert diff(before, before) == []


def test_env_commands(tmp_path):
    shown = subprocess.run([SEALFLOW, "env", "--json"], capture_output=True, text=True, check=True)
    data = json.loads(shown.stdout)
    assert data["id"] == current_fingerprint().id
    saved = tmp_path / "fingerprint.json"
    saved.write_text(json.dumps({k: v for k, v in data.items() if k != "id"}))
    same = subprocess.run(
        [SEALFLOW, "env", "diff", "current", str(saved)], capture_output=True, text=True, check=False
    )
    assert same.returncode == 0
    assert "identical environments" in same.stdout
    data["distributions"]["pandas"] = "0.1"
    saved.write_text(json.dumps({k: v for k, v in data.items() if k != "id"}))
    changed = subprocess.run(
        [SEALFLOW, "env", "diff", "current", str(saved)],
        capture_output=True,
        text=True,
        check=False,
        env={"COLUMNS": "200", "PATH": ""},
    )
    assert changed.returncode == 1
    assert "pandas" in changed.stdout
    assert "0.1" in changed.stdout
    missing = subprocess.run(
        [SEALFLOW, "env", "diff", "current", str(tmp_path / "nope.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2
    assert "cannot read" in missing.stderr
