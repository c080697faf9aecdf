"""The CLI's remote commands send a bearer token (``--token`` or ``SEALFLOW_TOKEN``) to services with
authentication on, and say so when a service refuses them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sealflow.model.access import Role
from support import add_component

from .conftest import Secured

SCRIPT = Path(sys.executable).parent / "sealflow"


def _sealflow(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("SEALFLOW_")}
    return subprocess.run(
        [str(SCRIPT), "--home", str(home), *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_remote_commands_send_the_token(secured: Secured, tmp_path: Path):
    add = add_component()
    with secured.client(Role.EDITOR) as editor:
        assert editor.put("/api/transformations", json=[add.to_json_dict()]).status_code == 207
    folder = tmp_path / "fetched"

    refused = _sealflow(tmp_path, "remote", "fetch", secured.url, str(folder))
    fetched = _sealflow(
        tmp_path, "remote", "fetch", secured.url, str(folder), "--token", secured.tokens[Role.VIEWER]
    )
    pushed_as_viewer = _sealflow(
        tmp_path, "remote", "push", str(folder), secured.url, SEALFLOW_TOKEN=secured.tokens[Role.VIEWER]
    )
    pushed = _sealflow(
        tmp_path, "remote", "push", str(folder), secured.url, SEALFLOW_TOKEN=secured.tokens[Role.EDITOR]
    )

    assert refused.returncode == 1
    assert "401" in refused.stderr
    assert "Authorization: Bearer" in refused.stderr
    assert fetched.returncode == 0, fetched.stderr
    assert len(list(folder.rglob("*.json"))) >= 1
    assert pushed_as_viewer.returncode == 1
    assert "needs the role 'editor'" in pushed_as_viewer.stderr
    assert pushed.returncode == 0, pushed.stderr
