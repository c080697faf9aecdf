"""The ``sealflow`` console script, driven in a subprocess the way a user types it.

Each call starts a fresh interpreter (about a second), so related checks share a call and independent
read-only calls run side by side (``Sealflow.together``). The demo is imported once per module into a
SQLite home for the read-only tests; the first session with the demo also runs on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pandas as pd
import pytest

from sealflow import __version__
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import State
from sealflow.model.transformation import TransformationRevision, parse_transformation
from support import RELEASED_AT, add_component, component

SCRIPT = Path(sys.executable).parent / "sealflow"
REPO = Path(__file__).resolve().parents[2]
DEMO_DIR = REPO / "examples" / "demo"
DEMO_FILES = sorted((DEMO_DIR / "transformations").glob("*.json"))
SENSOR = DEMO_DIR / "sensor.json"
DEMO = "Sensor Outlier Demo"

Args = Sequence[str | Path]


@dataclass(frozen=True)
class Outcome:
    """What a user sees after one command: exit code, standard output and standard error."""

    args: tuple[str, ...]
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    def error_line(self) -> str:
        """The error message, which must be exactly one line."""
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, f"expected a one-line error, got:\n{self.err}"
        return lines[0]

    def __str__(self) -> str:
        return f"$ sealflow {' '.join(self.args)}\n[exit {self.code}]\n{self.out}\n--- stderr ---\n{self.err}"


@dataclass(frozen=True)
class Sealflow:
    """The console script with the environment of one instance."""

    env: Mapping[str, str]
    cwd: Path

    @classmethod
    def on(cls, home: Path, db_url: str | None = None) -> Sealflow:
        """The CLI of an instance in ``home`` (SQLite there unless ``db_url`` names a database)."""
        env = {key: value for key, value in os.environ.items() if not key.startswith("SEALFLOW_")}
        env.pop("FORCE_COLOR", None)
        env |= {"SEALFLOW_HOME": str(home), "COLUMNS": "200", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
        if db_url is not None:
            env["SEALFLOW_DB_URL"] = db_url
        home.mkdir(parents=True, exist_ok=True)
        return cls(env, home)

    def _run(self, args: Args) -> Outcome:
        argv = tuple(str(arg) for arg in args)
        done = subprocess.run(
            [str(SCRIPT), *argv],
            cwd=self.cwd,
            env=dict(self.env),
            capture_output=True,
            timeout=120,
            check=False,
        )
        return Outcome(argv, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))

    def __call__(self, *args: str | Path, code: int = 0) -> Outcome:
        """Run one command and check its exit code."""
        outcome = self._run(args)
        assert outcome.code == code, str(outcome)
        return outcome

    def together(self, *commands: Args) -> list[Outcome]:
        """Run independent commands at the same time; each must succeed."""
        with ThreadPoolExecutor(max_workers=len(commands)) as pool:
            outcomes = list(pool.map(self._run, commands))
        for outcome in outcomes:
            assert outcome.code == 0, str(outcome)
        return outcomes


def read_revisions(path: Path) -> list[TransformationRevision]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [parse_transformation(item) for item in (data if isinstance(data, list) else [data])]


def demo_revisions() -> list[TransformationRevision]:
    return [tr for path in DEMO_FILES for tr in read_revisions(path)]


def by_id(items: list[dict[str, Any]]) -> dict[UUID, TransformationRevision]:
    revisions = [TransformationRevision.model_validate(item) for item in items]
    return {tr.id: tr for tr in revisions}


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def sensor_values() -> dict[str, float]:
    values: dict[str, float] = json.loads(SENSOR.read_text(encoding="utf-8"))
    return values


def series_in_test_wiring() -> dict[str, float]:
    (workflow,) = read_revisions(DEMO_DIR / "transformations" / "workflows_sensor-outlier-demo.json")
    (series,) = [w for w in workflow.test_wiring.input_wirings if w.workflow_input_name == "series"]
    values: dict[str, float] = json.loads(series.filters["value"])
    return values


def default_threshold() -> float:
    (workflow,) = read_revisions(DEMO_DIR / "transformations" / "workflows_sensor-outlier-demo.json")
    (threshold,) = [i for i in workflow.io_interface.inputs if i.name == "threshold"]
    return float(threshold.value)


def expected_demo(values: Mapping[str, float], threshold: float) -> tuple[list[float], list[bool]]:
    """Moving mean over 3 points and the z-score flags of the residuals, computed here independently."""
    x = pd.Series(list(values.values()), dtype="float64")
    smoothed = x.rolling(3, min_periods=1).mean()
    residual = x - smoothed
    z = (residual - residual.mean()).abs() / residual.std()
    return smoothed.tolist(), (z > threshold).tolist()


def series_output(result: dict[str, Any], name: str) -> tuple[list[pd.Timestamp], list[Any]]:
    data = result["output_results_by_output_name"][name]["__data__"]
    return list(pd.to_datetime(data["index"])), data["data"]


def assert_demo_result(result: dict[str, Any], values: Mapping[str, float], threshold: float) -> None:
    smoothed, flags = expected_demo(values, threshold)
    assert result["result"] == "ok"
    assert result["output_types_by_output_name"] == {"smoothed": "SERIES", "outliers": "SERIES"}
    timestamps = list(pd.to_datetime(list(values)))
    assert series_output(result, "outliers") == (timestamps, flags)
    index, got = series_output(result, "smoothed")
    assert index == timestamps
    assert got == pytest.approx(smoothed, rel=1e-12)


def test_the_expected_flags_depend_on_the_threshold():
    """Guards the demo checks against passing vacuously: the thresholds used flag different points."""
    flags = {t: expected_demo(sensor_values(), t)[1] for t in (1.0, 1.35, default_threshold())}
    assert default_threshold() == 2.0
    assert [sum(f) for f in flags.values()] == [3, 2, 1]


# --- the demo, on both backends -------------------------------------------------------------------


def test_a_first_session_with_the_demo(db_url: str, tmp_path: Path):
    sealflow = Sealflow.on(tmp_path / "home", db_url=db_url)
    revisions = demo_revisions()

    imported = sealflow("import-json", *DEMO_FILES)
    for tr in revisions:
        assert f"created  {tr.label}" in imported.out
    assert "5 revision(s): 5 created, 0 updated, 0 unchanged" in imported.out
    listed, ran = sealflow.together(
        ["transformations", "list", "--json"], ["run", DEMO, "--input", f"series=@{SENSOR}", "--json"]
    )
    assert by_id(listed.json()) == {tr.id: tr for tr in revisions}
    assert_demo_result(ran.json(), sensor_values(), default_threshold())

    again = sealflow("import-json", *DEMO_FILES)
    assert "5 revision(s): 0 created, 0 updated, 5 unchanged" in again.out
    for tr in revisions:
        assert f"unchanged  {tr.label}" in again.out
    assert sealflow("transformations", "list", "--json").out == listed.out


# --- read-only commands on an instance holding the demo ------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Sealflow:
    """A SQLite instance with the demo imported; tests using it must not change it."""
    sealflow = Sealflow.on(tmp_path_factory.mktemp("demo"))
    sealflow("import-json", *DEMO_FILES)
    return sealflow


def wiring(values: Mapping[str, str]) -> dict[str, Any]:
    return {
        "input_wirings": [
            {"workflow_input_name": name, "adapter_id": "direct_provisioning", "filters": {"value": value}}
            for name, value in values.items()
        ],
        "output_wirings": [],
    }


@pytest.mark.parametrize(
    ("options", "values", "threshold"),
    [
        pytest.param(
            lambda tmp: ["--input", f"series=@{SENSOR}", "--input", "threshold=1.0"],
            sensor_values,
            1.0,
            id="threshold-option",
        ),
        pytest.param(lambda tmp: ["--test-wiring"], series_in_test_wiring, 2.0, id="test-wiring"),
        pytest.param(
            lambda tmp: ["--test-wiring", "--input", "threshold=1.0"],
            series_in_test_wiring,
            1.0,
            id="option-overrides-test-wiring",
        ),
        pytest.param(
            lambda tmp: [
                "--inputs-json",
                write_json(tmp / "inputs.json", {"series": sensor_values(), "threshold": 1.0}),
            ],
            sensor_values,
            1.0,
            id="inputs-json-object",
        ),
        pytest.param(
            lambda tmp: [
                "--inputs-json",
                write_json(
                    tmp / "wiring.json",
                    wiring({"series": SENSOR.read_text(encoding="utf-8"), "threshold": "1.35"}),
                ),
            ],
            sensor_values,
            1.35,
            id="inputs-json-wiring",
        ),
    ],
)
def test_run_the_demo_with_inputs_from(
    demo: Sealflow,
    tmp_path: Path,
    options: Callable[[Path], list[str | Path]],
    values: Callable[[], dict[str, float]],
    threshold: float,
):
    result = demo("run", DEMO, *options(tmp_path), "--json").json()
    assert_demo_result(result, values(), threshold)


def test_run_prints_a_table_of_the_outputs(demo: Sealflow):
    shown = demo("run", DEMO, "--input", f"series=@{SENSOR}")
    smoothed, flags = expected_demo(sensor_values(), default_threshold())
    assert shown.out.splitlines()[0] == f"ok {DEMO} 1.0.0"
    stamps = [pd.Timestamp(t).strftime("%Y-%m-%dT%H:%M:%SZ") for t in sensor_values()]
    for stamp, mean, flag in zip(stamps, smoothed, flags, strict=True):
        assert f"{stamp}  {mean}" in shown.out
        assert f"{stamp}  {flag}" in shown.out
    assert shown.out.count("True") == sum(flags)


def test_list_shows_every_revision(demo: Sealflow):
    table, as_json = demo.together(["transformations", "list"], ["transformations", "list", "--json"])
    revisions = demo_revisions()
    assert by_id(as_json.json()) == {tr.id: tr for tr in revisions}
    rows = [line for line in table.out.splitlines() if any(str(tr.id) in line for tr in revisions)]
    cells = sorted([cell.strip() for cell in row.split("│")[1:-1]] for row in rows)
    assert cells == sorted(
        [str(tr.id), tr.type.value, tr.name, tr.version_tag, tr.state.value, tr.category] for tr in revisions
    )


@pytest.mark.parametrize(
    ("reference", "file"),
    [
        pytest.param("Moving Average", "components_moving-average.json", id="component-by-name"),
        pytest.param(f"{DEMO}@1.0.0", "workflows_sensor-outlier-demo.json", id="workflow-by-name-and-tag"),
        pytest.param(
            "d868e6a0-791f-5382-95d4-dd473cc507c3", "components_z-score-outliers.json", id="component-by-id"
        ),
    ],
)
def test_show_prints_the_imported_revision(demo: Sealflow, reference: str, file: str):
    shown = demo("transformations", "show", reference)
    assert [TransformationRevision.model_validate(shown.json())] == read_revisions(
        DEMO_DIR / "transformations" / file
    )


def test_show_code_prints_the_code_exactly(demo: Sealflow):
    components = [tr for tr in demo_revisions() if not tr.is_workflow]
    shown = demo.together(*(["transformations", "show", tr.name, "--code"] for tr in components))
    assert [outcome.out for outcome in shown] == [tr.code() for tr in components]


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        pytest.param(
            ["run", "Sensor Outlier Dmeo"],
            3,
            ["no transformation with id or name 'Sensor Outlier Dmeo'", "transformations list"],
            id="unknown-name",
        ),
        pytest.param(
            ["transformations", "show", str(uuid4())],
            3,
            ["no transformation revision with id"],
            id="unknown-id",
        ),
        pytest.param(
            ["run", DEMO, "--input", "threshold"],
            2,
            ["'threshold' is not NAME=VALUE"],
            id="input-without-value",
        ),
        pytest.param(
            ["run", DEMO, "--input", f"series=@{SENSOR}", "--input", "window=5"],
            2,
            ["has no input(s) 'window'", "its inputs are 'series', 'threshold'"],
            id="unknown-input",
        ),
        pytest.param(
            ["transformations", "show", DEMO, "--code"],
            2,
            ["is a workflow and has no component code"],
            id="code-of-workflow",
        ),
    ],
)
def test_a_mistake_exits_with_its_code_and_one_line(
    demo: Sealflow, args: list[str], code: int, says: list[str]
):
    failed = demo(*args, code=code)
    line = failed.error_line()
    assert line.startswith("error: ")
    for words in says:
        assert words in line
    assert failed.out == ""


def test_an_invalid_wiring_file_is_bad_input(demo: Sealflow, tmp_path: Path):
    reserved_key = {"input_wirings": [{"workflow_input_name": "series", "filters": {"from": "2026-01-01"}}]}
    path = write_json(tmp_path / "wiring.json", reserved_key)
    failed = demo("run", DEMO, "--inputs-json", path, code=2)
    assert "wiring.json" in failed.error_line()


# --- the lifecycle of a draft ---------------------------------------------------------------------


def test_release_and_disable_keep_the_code_byte_identical(tmp_path: Path):
    sealflow = Sealflow.on(tmp_path / "home")
    draft = component(
        "Scale",
        {"x": "FLOAT", "factor": ("FLOAT", 2.0)},
        {"y": "FLOAT"},
        "# y = x * factor: °C → °F, grüße  \nreturn {'y': x * factor}",
        state=State.DRAFT,
    )
    path = write_json(tmp_path / "scale.json", draft.to_json_dict())
    assert "created  " + draft.label in sealflow("import-json", path).out

    assert sealflow("transformations", "release", "Scale").out == f"released {draft.label}\n"
    shown, code = sealflow.together(
        ["transformations", "show", "Scale"], ["transformations", "show", "Scale@1.0.0", "--code"]
    )
    released = TransformationRevision.model_validate(shown.json())
    assert released.state is State.RELEASED
    assert released.released_timestamp is not None
    assert released.model_copy(update={"state": State.DRAFT, "released_timestamp": None}) == draft
    assert code.out == draft.code()

    refused = sealflow("transformations", "release", str(draft.id), code=4).error_line()
    assert "is RELEASED; only a DRAFT can be released" in refused

    sealflow("transformations", "disable", "Scale")
    shown, code = sealflow.together(
        ["transformations", "show", str(draft.id)], ["transformations", "show", "Scale", "--code"]
    )
    disabled = TransformationRevision.model_validate(shown.json())
    assert disabled.state is State.DISABLED
    assert disabled.released_timestamp == released.released_timestamp
    assert disabled.disabled_timestamp is not None
    assert code.out == draft.code()

    refused = sealflow("transformations", "release", "Scale", code=4).error_line()
    assert "is DISABLED; only a DRAFT can be released" in refused


# --- running files, failures and imports that go wrong ---------------------------------------------


def test_a_json_file_runs_without_being_imported(tmp_path: Path):
    sealflow = Sealflow.on(tmp_path / "home")
    add = add_component()
    path = write_json(tmp_path / "add.json", add.to_json_dict())
    ran = sealflow("run", path, "--input", "a=1", "--input", "b=2")
    assert ran.out.splitlines()[0] == "ok Add 1.0.0"
    assert ["sum", "INT", "3"] in [
        [cell.strip() for cell in line.split("│")[1:-1]] for line in ran.out.splitlines()
    ]
    assert sealflow("transformations", "list", "--json").json() == []


def test_a_failing_component_names_the_operator_and_the_exception(tmp_path: Path):
    boom = component("Boom", {"x": "INT"}, {"y": "INT"}, "raise ZeroDivisionError(f'cannot split {x} ways')")
    builder = WorkflowBuilder()
    splitter = builder.add(boom, name="Splitter")
    builder.input("x", splitter.input("x"))
    builder.output("y", splitter.output("y"))
    flow = builder.build("Split", released=RELEASED_AT)
    path = write_json(tmp_path / "split.json", [flow.to_json_dict(), boom.to_json_dict()])

    failed = Sealflow.on(tmp_path / "home")("run", path, "--input", "x=0", code=5)
    assert failed.err.startswith("error: ")
    assert "ZeroDivisionError: cannot split 0 ways" in failed.err
    assert "operator: Splitter" in failed.err


def broken_json(tmp: Path) -> list[Path]:
    broken = tmp / "broken.json"
    broken.write_text('{"name": "Add", ', encoding="utf-8")
    return [write_json(tmp / "add.json", add_component().to_json_dict()), broken]


def second_breaks_a_rule(tmp: Path) -> list[Path]:
    bad = add_component().to_json_dict() | {"version_tag": "latest"}
    return [write_json(tmp / "pair.json", [add_component().to_json_dict(), bad])]


def second_uses_a_missing_component(tmp: Path) -> list[Path]:
    builder = WorkflowBuilder()
    adder = builder.add(add_component(), name="Adder")
    builder.input("a", adder.input("a"))
    builder.input("b", adder.input("b"))
    builder.output("sum", adder.output("sum"))
    flow = builder.build("Sum", released=RELEASED_AT)
    return [write_json(tmp / "pair.json", [add_component().to_json_dict(), flow.to_json_dict()])]


@pytest.mark.parametrize(
    ("files", "says"),
    [
        pytest.param(broken_json, ["broken.json is not valid JSON", "line 1"], id="invalid-json"),
        pytest.param(
            second_breaks_a_rule, ["pair.json item 1 is invalid", "version_tag"], id="invalid-revision"
        ),
        pytest.param(
            second_uses_a_missing_component,
            ["pair.json: ", "operator 'Adder' of workflow 'Sum'", "neither stored nor imported"],
            id="missing-operator",
        ),
    ],
)
def test_a_bad_import_stores_nothing(tmp_path: Path, files: Callable[[Path], list[Path]], says: list[str]):
    sealflow = Sealflow.on(tmp_path / "home")
    failed = sealflow("import-json", *files(tmp_path), code=2)
    assert failed.err.startswith("error: ")
    for words in says:
        assert words in failed.err
    assert sealflow("transformations", "list", "--json").json() == []


# --- version and help ---------------------------------------------------------------------------

HELP = [
    ([], "Analytics workflows on time series and tables"),
    (["run"], "Execute a transformation and print its outputs."),
    (["import-json"], "Put transformation JSON files into the store, all or nothing."),
    (["transformations"], "List, show, release and disable transformation revisions."),
    (["transformations", "list"], "List stored transformation revisions."),
    (["transformations", "show"], "Show one revision as exchange-format JSON (or just its code)."),
    (["transformations", "release"], "Release a draft"),
    (["transformations", "disable"], "Deprecate a revision"),
]


def test_version_and_help_of_every_command(tmp_path: Path):
    sealflow = Sealflow.on(tmp_path / "home")
    version, *helps = sealflow.together(["--version"], *([*command, "--help"] for command, _ in HELP))
    assert version.out == f"sealflow {__version__}\n"
    assert "SEALFLOW_HOME" in helps[0].out
    assert "SEALFLOW_DB_URL" in helps[0].out
    for (command, summary), shown in zip(HELP, helps, strict=True):
        assert f"Usage: sealflow {' '.join(command)}".rstrip() in shown.out
        assert summary in shown.out
    assert not (tmp_path / "home" / "sealflow.db").exists()


def test_help_shows_how_to_name_a_revision(tmp_path: Path):
    run, show = Sealflow.on(tmp_path / "home").together(
        ["run", "--help"], ["transformations", "show", "--help"]
    )
    assert "name[@tag]" in run.out
    assert "name[@tag]" in show.out
