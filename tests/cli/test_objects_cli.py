"""``sealflow objects list|check|adopt``, driven through the console script in a subprocess."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from sealflow.config import Settings
from sealflow.ops.instance import Instance
from sealflow.repro.fingerprint import current_fingerprint
from sealflow.repro.sealing import SealedCodec
from sealflow.store.objects import ObjectRepository
from sealflow.store.objects.signing import signing_key

SCRIPT = Path(sys.executable).parent / "sealflow"


def sealflow(home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("SEALFLOW_")}
    env.pop("FORCE_COLOR", None)
    env |= {"SEALFLOW_HOME": str(home), "COLUMNS": "250", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [str(SCRIPT), *map(str, args)],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An instance with a good object, one written with numpy 1.8.0, and a legacy plain pickle."""
    home = tmp_path / "home"
    settings = Settings(home=home)
    instance = Instance.open(settings)
    try:
        instance.objects.save("good", "v1", np.arange(3.0))
        here = current_fingerprint()
        older = here.model_copy(update={"distributions": {**here.distributions, "numpy": "1.8.0"}})
        codec = SealedCodec(signing_key(settings), code=instance.code, fingerprint=lambda: older)
        ObjectRepository(instance.objects.store, codec).save("pump-7", "v3", np.arange(3.0))
        ObjectRepository(instance.objects.store).save("legacy", "v1", {"a": 1})
    finally:
        instance.close()
    return home


def test_list_shows_every_object_with_its_status(home: Path) -> None:
    numpy_here = current_fingerprint().distributions["numpy"]

    listed = sealflow(home, "objects", "list", "--json")
    table = sealflow(home, "objects", "list")

    assert listed.returncode == 0, listed.stderr
    reports = {item["name"]: item for item in json.loads(listed.stdout)}
    assert {name: item["status"] for name, item in reports.items()} == {
        "good": "ok",
        "legacy": "unsigned",
        "pump-7": "mismatch",
    }
    assert reports["pump-7"]["problems"] == [f"was written with numpy 1.8.0; this runtime has {numpy_here}"]
    assert table.returncode == 0, table.stderr
    assert f"was written with numpy 1.8.0; this runtime has {numpy_here}" in table.stdout
    assert "unsigned" in table.stdout


def test_check_exits_non_zero_when_an_object_does_not_load_here(home: Path) -> None:
    good = sealflow(home, "objects", "check", "good")
    one_bad = sealflow(home, "objects", "check", "pump-7:v3")
    every = sealflow(home, "objects", "check")
    missing = sealflow(home, "objects", "check", "nobody")

    assert good.returncode == 0, good.stdout + good.stderr
    assert one_bad.returncode == 1
    assert "mismatch" in one_bad.stdout
    assert every.returncode == 1
    assert missing.returncode == 3
    assert "no object 'nobody'" in missing.stderr


def test_adopt_seals_a_legacy_pickle_into_the_object_store(home: Path, tmp_path: Path) -> None:
    legacy = tmp_path / "old-model.pkl"
    legacy.write_bytes(pickle.dumps({"weights": [1.0, 2.0]}))

    adopted = sealflow(home, "objects", "adopt", legacy, "--tag", "v1")
    checked = sealflow(home, "objects", "check", "old-model:v1", "--json")

    assert adopted.returncode == 0, adopted.stderr
    assert "as object 'old-model' tag 'v1' (ok)" in adopted.stdout
    assert checked.returncode == 0, checked.stdout
    assert json.loads(checked.stdout)[0]["sealed"] is True
