"""``sealflow tokens``, ``sealflow doctor``, ``sealflow config reference`` and the bind warning of
``sealflow serve``, run as a user types them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from sealflow.ops.settings_reference import settings_reference

SCRIPT = Path(sys.executable).parent / "sealflow"
REPO = Path(__file__).resolve().parents[2]
OPERATIONS_GUIDE = REPO / "docs" / "operations.md"


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("SEALFLOW_")}
    return {**env, "SEALFLOW_HOME": str(home), "SEALFLOW_INSTALL_LIBRARY": "false", **extra}


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_tokens_are_shown_once_listed_without_their_text_and_revoked(tmp_path: Path):
    env = _env(tmp_path)

    created = _run(env, "tokens", "create", "ci-import", "--role", "maintainer")
    listed = _run(env, "tokens", "list")
    revoked = _run(env, "tokens", "revoke", "ci-import")
    listed_json = _run(env, "tokens", "list", "--json")
    bad_role = _run(env, "tokens", "create", "x", "--role", "root")
    again = _run(env, "tokens", "create", "ci-import")

    token = created.stdout.strip()
    assert created.returncode == 0
    assert token.startswith("sf_")
    assert "cannot be shown again" in created.stderr
    assert "ci-import" in listed.stdout
    assert "maintainer" in listed.stdout
    assert token not in listed.stdout + listed_json.stdout
    assert revoked.returncode == 0
    assert "revoked token 'ci-import'" in revoked.stderr
    assert '"revoked_at": null' not in listed_json.stdout
    assert bad_role.returncode == 2
    assert again.returncode == 4
    assert "exists already" in again.stderr


def test_doctor_passes_on_a_sound_instance(tmp_path: Path):
    env = _env(tmp_path, SEALFLOW_SIGNING_KEY="a-long-enough-signing-key-for-tests")
    assert _run(env, "tokens", "list").returncode == 0  # creates and migrates the instance

    doctor = _run(env, "doctor")

    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert [line.split(":")[0] for line in doctor.stdout.splitlines()] == [
        "ok   database",
        "ok   object store",
        "ok   signing key",
        "ok   runtime fingerprint",
    ]
    assert "all 4 checks passed" in doctor.stderr


def test_doctor_says_what_to_fix(tmp_path: Path):
    home = tmp_path / "home"
    env = _env(home)
    assert _run(env, "tokens", "list").returncode == 0
    engine = create_engine(f"sqlite:///{home / 'sealflow.db'}", poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0005'"))
    engine.dispose()
    (home / "signing.key").unlink(missing_ok=True)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")

    doctor = _run({**env, "SEALFLOW_OBJECTS_URL": str(blocker / "objects")}, "doctor")

    assert doctor.returncode == 1
    out = doctor.stdout
    assert "FAIL migrations:" in out
    assert "is at schema 0005, this version needs" in out
    assert "FAIL object store:" in out
    assert "SEALFLOW_OBJECTS_URL" in out
    assert "FAIL signing key: no signing key is configured" in out
    assert out.count("     fix: ") == 3
    assert "3 of 3 checks failed" in doctor.stderr


def test_the_operations_guide_carries_the_current_configuration_reference():
    guide = OPERATIONS_GUIDE.read_text(encoding="utf-8")

    assert settings_reference() in guide, (
        "docs/operations.md is out of date: replace its configuration reference with the output of "
        "'sealflow config reference'"
    )


def test_config_reference_prints_every_setting(tmp_path: Path):
    reference = _run(_env(tmp_path), "config", "reference")

    assert reference.returncode == 0
    assert reference.stdout == settings_reference()
    assert "| `SEALFLOW_AUTH` | `off` |" in reference.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    ("auth", "host", "warned"),
    [
        pytest.param("off", "0.0.0.0", True, id="off-everywhere"),
        pytest.param("off", "127.0.0.1", False, id="off-loopback"),
        pytest.param("on", "0.0.0.0", False, id="on-everywhere"),
    ],
)
def test_serve_warns_when_authentication_is_off_beyond_loopback(
    tmp_path: Path, auth: str, host: str, warned: bool
):
    env = _env(tmp_path, SEALFLOW_AUTH=auth)
    process = subprocess.Popen(
        [str(SCRIPT), "serve", "--host", host, "--port", str(_free_port())],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    lines = []
    try:
        assert process.stderr is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            lines.append(line)
            if "Sealflow serves" in line or not line:
                break
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stderr is not None:
            process.stderr.close()

    output = "".join(lines)
    assert "Sealflow serves" in output
    assert ("authentication is off" in output) is warned
