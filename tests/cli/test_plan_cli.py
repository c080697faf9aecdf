"""``sealflow plan``, ``sealflow import --force``, ``sealflow audit`` and restoring a snapshot, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sealflow.config import Settings
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import DataType
from sealflow.model.hashing import code_hash
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.instance import Instance
from support import RELEASED_AT, add_component

SCRIPT = Path(sys.executable).parent / "sealflow"


def sealflow(home: Path, db_url: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the console script on the instance in ``home`` (database ``db_url``) as the OS user."""
    env = {**os.environ, "SEALFLOW_HOME": str(home), "SEALFLOW_DB_URL": db_url, "COLUMNS": "200"}
    env.pop("SEALFLOW_ACTOR", None)
    return subprocess.run(
        [str(SCRIPT), *map(str, args)], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def flow_of(add: TransformationRevision) -> TransformationRevision:
    builder = WorkflowBuilder()
    placed = builder.add(add, "adder")
    builder.input("x", placed.input("a"))
    builder.input("y", placed.input("b"))
    builder.output("z", placed.output("sum"))
    return builder.build("Flow", released=RELEASED_AT)


def write(folder: Path, tr: TransformationRevision) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{tr.name}.json").write_text(json.dumps(tr.to_json_dict()), encoding="utf-8")


def test_a_breaking_import_is_planned_refused_forced_audited_and_restorable(db_url: str, tmp_path: Path):
    home = tmp_path / "home"
    add = add_component()
    write(tmp_path / "v1", add)
    write(tmp_path / "v1", flow_of(add))
    interface = add.io_interface.model_copy(deep=True)
    interface.outputs[0].data_type = DataType.FLOAT
    new = add.model_copy(
        update={"io_interface": interface, "content": add.code().replace("a + b", "a + b + 0.5")}
    )
    write(tmp_path / "v2", new)

    first = sealflow(home, db_url, "import", tmp_path / "v1")
    plan_json = sealflow(
        home, db_url, "plan", "import", tmp_path / "v2", "--allow-overwrite-released", "--json"
    )
    plan_text = sealflow(home, db_url, "plan", "import", tmp_path / "v2", "--allow-overwrite-released")
    refused = sealflow(
        home, db_url, "--actor", "ada", "import", tmp_path / "v2", "--allow-overwrite-released"
    )

    assert first.returncode == 0, first.stderr
    assert plan_json.returncode == 0, plan_json.stderr
    plan = json.loads(plan_json.stdout)
    assert plan["dry_run"] is True
    assert plan["plan"]["breaking"] is True
    (change,) = plan["plan"]["changes"]
    assert (change["name"], change["old_code_hash"], change["new_code_hash"]) == (
        "Add",
        code_hash(add.code()),
        code_hash(new.code()),
    )
    assert [ref["name"] for ref in change["will_break"]] == ["Flow"]
    assert "+    return {'sum': a + b + 0.5}" in change["code_diff"]
    assert "output 'sum' retyped (INT -> FLOAT)" in plan_text.stdout
    assert "BREAKING: needs --force" in plan_text.stdout
    assert refused.returncode == 4
    assert "workflows that would break: Flow 1.0.0" in refused.stderr
    assert "--force" in refused.stderr

    forced = sealflow(
        home, db_url, "--actor", "ada", "import", tmp_path / "v2", "--allow-overwrite-released", "--force"
    )
    audit = sealflow(home, db_url, "audit", "--json")

    assert forced.returncode == 0, forced.stderr
    assert "snapshot before the import: " in forced.stdout
    (entry,) = json.loads(audit.stdout)
    assert (entry["actor"], entry["action"]) == ("ada", "import")
    assert entry["old_code_hashes"] == [code_hash(add.code())]
    assert entry["new_code_hashes"] == [code_hash(new.code())]
    snapshot = Path(entry["snapshot"])
    assert snapshot.parent == home / "snapshots"
    assert snapshot.is_file()

    planned = sealflow(home, db_url, "plan", "restore", snapshot, "--json")
    restored = sealflow(home, db_url, "restore", snapshot, "--allow-overwrite", "--force")
    table = sealflow(home, db_url, "audit")

    assert planned.returncode == 0, planned.stderr
    (back,) = json.loads(planned.stdout)["plan"]["changes"]
    assert (back["old_code_hash"], back["new_code_hash"]) == (code_hash(new.code()), code_hash(add.code()))
    assert restored.returncode == 0, restored.stderr
    assert "restored" in restored.stdout
    assert "restore" in table.stdout
    assert "import" in table.stdout
    assert "ada" in table.stdout
    instance = Instance.open(Settings(home=home, db_url=db_url))
    try:
        assert instance.transformations.get(add.id).code() == add.code()
    finally:
        instance.close()
