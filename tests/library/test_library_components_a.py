"""The arithmetic, basic, connector, data quality, statistics and MULTITSFRAME components of the library.

Every component file must read back as a released revision with documentation and a test wiring for its
required inputs. Running that test wiring must give outputs equal to values computed here on the same
inputs with numpy, scipy or plain Python, never with the component's own code path. A second table runs
options and inputs the test wirings leave out, including the errors a user would see.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from sealflow.adapters.direct import DirectProvisioning
from sealflow.adapters.protocol import AdapterRegistry, wiring_from_values
from sealflow.code import importer
from sealflow.code.pyfile import transformation_from_code
from sealflow.code.values import parse_value
from sealflow.library import COMPONENTS_DIR, load_components
from sealflow.model.datatypes import DataType, InputType, State
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import DIRECT_PROVISIONING, WorkflowWiring
from sealflow.runtime.results import ExecutionResult
from sealflow.runtime.runner import run
from support import MemoryCodeSource

CATEGORIES = {
    "arithmetic": "Arithmetic",
    "basic": "Basic",
    "connectors": "Connectors",
    "data_quality": "Data Quality",
    "statistics": "Statistic",
    "multitsframe": "MultiTSFrame",
}
FILES = sorted(path for folder in CATEGORIES for path in (COMPONENTS_DIR / folder).glob("*.py"))
RELEASED_AT = datetime(2026, 11, 25, tzinfo=UTC)
WRAPPED = "__hd_wrapped_data_object__"

Values = dict[str, Any]
Run = Callable[[TransformationRevision, WorkflowWiring], ExecutionResult]


def read(path: Path) -> TransformationRevision:
    return transformation_from_code(path.read_text(encoding="utf-8"), path.name)


def by_stem(stem: str) -> TransformationRevision:
    return read(next(path for path in FILES if path.stem == stem))


@pytest.fixture
def execute() -> Iterator[Run]:
    """Run a component revision with a wiring, its code served from memory."""
    source = MemoryCodeSource()
    importer.install(source)
    registry = AdapterRegistry([DirectProvisioning()])

    def go(tr: TransformationRevision, wiring: WorkflowWiring) -> ExecutionResult:
        source.add(tr)
        return run(tr, {}.__getitem__, wiring, registry, run_pure_plot_operators=True)

    yield go
    importer.uninstall()


def given_inputs(tr: TransformationRevision, wiring: WorkflowWiring) -> Values:
    """The input values of a run: wired values and defaults, read by data type."""
    wired = {w.workflow_input_name: w.filters["value"] for w in wiring.input_wirings}
    values: Values = {}
    for io in tr.io_interface.inputs:
        assert io.name is not None
        if io.name in wired:
            values[io.name] = parse_value(wired[io.name], io.data_type)
        elif io.type is InputType.OPTIONAL:
            values[io.name] = parse_value(io.value, io.data_type, nullable=True)
    return values


def outputs_of(tr: TransformationRevision, result: ExecutionResult) -> Values:
    assert result.result == "ok", result.error
    types = {io.name: io.data_type for io in tr.io_interface.outputs}
    return {
        name: parse_value(value, types[name]) for name, value in result.output_results_by_output_name.items()
    }


def assert_same(actual: Any, expected: Any, where: str) -> None:
    """Equal values: pandas objects with their index, dtypes and names; floats approximately."""
    if isinstance(expected, pd.DataFrame):
        assert isinstance(actual, pd.DataFrame), where
        pd.testing.assert_frame_equal(actual, expected, check_freq=False, obj=where)
    elif isinstance(expected, pd.Series):
        assert isinstance(actual, pd.Series), where
        pd.testing.assert_series_equal(actual, expected, check_freq=False, obj=where)
    elif isinstance(expected, list):
        assert isinstance(actual, list), where
        assert len(actual) == len(expected), where
        for got, wanted in zip(actual, expected, strict=True):
            assert_same(got, wanted, where)
    elif isinstance(expected, float):
        assert isinstance(actual, float), f"{where}: {actual!r} is no float"
        assert actual == pytest.approx(expected, nan_ok=True), where
    else:
        assert type(actual) is type(expected), f"{where}: {actual!r} is no {type(expected).__name__}"
        assert actual == expected, where


# Expected outputs, computed independently from the inputs -----------------------------------------------


def like(template: pd.Series, values: Any, name: Any = None) -> pd.Series:
    """A series of ``values`` on the index of ``template``, named ``name``."""
    return pd.Series(np.asarray(values), index=template.index, name=name)


def frame_like(template: pd.DataFrame, values: Any) -> pd.DataFrame:
    return pd.DataFrame(np.asarray(values), index=template.index, columns=template.columns)


def floats(series: pd.Series) -> np.ndarray:
    return series.to_numpy(dtype=float)


def missing(values: np.ndarray) -> np.ndarray:
    return np.isnan(values)


def running_total(values: np.ndarray) -> np.ndarray:
    totals = np.nancumsum(values)
    totals[missing(values)] = np.nan
    return totals


def rolling_mean_of_two(values: np.ndarray) -> np.ndarray:
    return np.concatenate([[np.nan], np.convolve(values, [0.5, 0.5], mode="valid")])


def mtsf(rows: list[tuple[Any, str, float]]) -> pd.DataFrame:
    """A MULTITSFRAME of (timestamp, metric, value) rows, in this order."""
    return pd.DataFrame(
        {
            "timestamp": pd.DatetimeIndex([row[0] for row in rows]).as_unit("ns"),
            "metric": pd.Series([row[1] for row in rows], dtype="str"),
            "value": np.array([row[2] for row in rows], dtype=float),
        }
    )


def rows_of(frame: pd.DataFrame) -> list[tuple[Any, str, float]]:
    return list(zip(frame["timestamp"], frame["metric"], frame["value"], strict=True))


def iqr_expected(v: Values) -> Values:
    values = floats(v["series"])
    first, third = np.nanpercentile(values, [25, 75])
    lower = first - v["factor"] * (third - first)
    upper = third + v["factor"] * (third - first)
    outlier = [bool(x < lower or x > upper) for x in values]
    return {"is_outlier": like(v["series"], outlier), "lower_bound": lower, "upper_bound": upper}


def zscore_expected(v: Values) -> Values:
    values = floats(v["series"])
    scores = stats.zscore(values, ddof=1, nan_policy="omit")
    outlier = [bool(abs(z) > v["threshold"]) for z in scores]
    return {"is_outlier": like(v["series"], outlier), "zscore": like(v["series"], scores)}


def freshness_expected(v: Values) -> Values:
    stamps = [t for t, x in v["data"].items() if not math.isnan(x)]
    newest = max(stamps).to_pydatetime()
    reference = datetime.fromisoformat(v["reference"].replace("Z", "+00:00"))
    return {"age_seconds": (reference - newest).total_seconds(), "newest": newest.isoformat()}


def completeness_expected(v: Values) -> Values:
    data = v["dataframe"]
    rows = len(data)
    present = [int((~missing(floats(data[column]))).sum()) for column in data.columns]
    report = pd.DataFrame(
        {
            "rows": np.full(len(present), rows, dtype="int64"),
            "present": np.array(present, dtype="int64"),
            "missing": np.array([rows - p for p in present], dtype="int64"),
            "completeness": np.array([p / rows for p in present]),
        },
        index=pd.Index(list(data.columns), dtype="str"),
    )
    return {"report": report}


def summary_expected(v: Values) -> Values:
    data = v["data"]
    columns = {}
    for name in ("a", "b"):
        values = floats(data[name])
        q1, q2, q3 = np.percentile(values, [25, 50, 75])
        columns[name] = [
            float(len(values)),
            values.mean(),
            values.std(ddof=1),
            values.min(),
            q1,
            q2,
            q3,
            values.max(),
        ]
    labels = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]
    return {"summary": pd.DataFrame(columns, index=pd.Index(labels, dtype="str"))}


def correlation_expected(v: Values) -> Values:
    b = dict(v["b"].items())
    pairs = [(x, b[t]) for t, x in v["a"].items() if t in b]
    return {"correlation": float(stats.pearsonr(*zip(*pairs, strict=True)).statistic)}


def regression_expected(v: Values) -> Values:
    y = dict(v["y"].items())
    pairs = [(t, x, y[t]) for t, x in v["x"].items() if t in y and not math.isnan(y[t])]
    index = pd.DatetimeIndex([t for t, _, _ in pairs])
    xs = np.array([x for _, x, _ in pairs])
    ys = np.array([value for _, _, value in pairs])
    fit = stats.linregress(xs, ys)
    fitted = fit.slope * xs + fit.intercept
    return {
        "slope": float(fit.slope),
        "intercept": float(fit.intercept),
        "r_squared": float(fit.rvalue**2),
        "fitted": pd.Series(fitted, index=index),
        "residuals": pd.Series(ys - fitted, index=index),
    }


def wide_to_long_expected(v: Values) -> Values:
    wide = v["dataframe"]
    rows = [
        (t, metric, wide.loc[t, metric])
        for t in wide.index
        for metric in sorted(wide.columns)
        if not math.isnan(wide.loc[t, metric])
    ]
    return {"multitsframe": mtsf(rows)}


def long_to_wide_expected(v: Values) -> Values:
    cells: dict[str, dict[Any, float]] = {}
    for t, metric, value in rows_of(v["multitsframe"]):
        cells.setdefault(metric, {})[t] = value
    wide = pd.DataFrame(cells).sort_index().sort_index(axis=1)
    wide.columns = pd.Index(list(wide.columns), dtype="str")
    return {"dataframe": wide}


def combined_expected(v: Values) -> Values:
    rows = rows_of(v["first"]) + rows_of(v["second"])
    return {"combined": mtsf(sorted(rows, key=lambda row: row[0]))}


def wrapped(kind: str, body: Any) -> str:
    return json.dumps({WRAPPED: kind, "__data__": body, "__data_parsing_options__": {"dtype": False}})


EXPECTED: dict[str, Callable[[Values], Values]] = {
    # arithmetic
    "add": lambda v: {"sum": like(v["a"], floats(v["a"]) + v["b"])},
    "subtract": lambda v: {"difference": like(v["a"], floats(v["a"]) - floats(v["b"]))},
    "multiply": lambda v: {"product": frame_like(v["a"], v["a"].to_numpy(dtype=float) * v["b"])},
    "divide": lambda v: {"quotient": like(v["a"], [0.5, math.inf, math.nan])},
    "power": lambda v: {"power": like(v["base"], [x ** v["exponent"] for x in floats(v["base"])])},
    "modulo": lambda v: {
        "remainder": like(v["a"], [math.fmod(math.fmod(x, v["b"]) + v["b"], v["b"]) for x in floats(v["a"])])
    },
    "absolute_value": lambda v: {"absolute": like(v["data"], [math.fabs(x) for x in floats(v["data"])])},
    "negate": lambda v: {"negated": like(v["data"], [0.0 - x for x in floats(v["data"])])},
    "logarithm": lambda v: {"logarithm": like(v["data"], np.log10(floats(v["data"])))},
    "exponential": lambda v: {"exponential": like(v["data"], [math.exp(x) for x in floats(v["data"])])},
    "square_root": lambda v: {"root": frame_like(v["data"], np.sqrt(v["data"].to_numpy(dtype=float)))},
    "round_values": lambda v: {
        "rounded": like(v["data"], [round(x, v["decimals"]) for x in floats(v["data"])])
    },
    "greater_than": lambda v: {"result": like(v["a"], [x > v["b"] for x in floats(v["a"])])},
    "greater_or_equal": lambda v: {"result": like(v["a"], [x >= v["b"] for x in floats(v["a"])])},
    "less_than": lambda v: {"result": like(v["b"], [v["a"] < x for x in floats(v["b"])])},
    "less_or_equal": lambda v: {
        "result": like(v["a"], [x <= y for x, y in zip(floats(v["a"]), floats(v["b"]), strict=True)])
    },
    "equal": lambda v: {"result": like(v["a"], [x == v["b"] for x in floats(v["a"])])},
    "not_equal": lambda v: {"result": [x != v["b"] for x in v["a"]]},
    "clip": lambda v: {
        "clipped": like(
            v["data"],
            [x if math.isnan(x) else min(max(x, v["lower"]), v["upper"]) for x in floats(v["data"])],
        )
    },
    "cumulative_sum": lambda v: {"cumulative_sum": like(v["data"], running_total(floats(v["data"])))},
    # basic
    "filter_by_comparison": lambda v: {
        "filtered": v["series"][[not math.isnan(x) and x >= v["value"] for x in floats(v["series"])]]
    },
    "filter_by_mask": lambda v: {
        "filtered": v["data"][[bool(v["mask"].get(t, False)) for t in v["data"].index]]
    },
    "merge_dataframes": lambda v: {"merged": pd.DataFrame({"a": v["left"]["a"], "b": v["right"]["b"]})},
    "concatenate_rows": lambda v: {
        "concatenated": pd.Series(
            [*floats(v["first"]), *floats(v["second"])], index=v["first"].index.append(v["second"].index)
        )
    },
    "resample": lambda v: {"resampled": v["data"].groupby(v["data"].index.floor("2h")).mean()},
    "shift": lambda v: {"shifted": like(v["data"], [math.nan, *floats(v["data"])[:-1]])},
    "rolling_aggregate": lambda v: {"aggregated": like(v["data"], rolling_mean_of_two(floats(v["data"])))},
    "combine_into_dataframe": lambda v: {
        "dataframe": pd.DataFrame(
            {"series": v["series"], "b": v["series_or_dataframe"]["b"], "c": v["series_or_dataframe"]["c"]}
        )
    },
    "select_column": lambda v: {
        "series": like(v["dataframe"], v["dataframe"].to_numpy()[:, 0].astype(float), name="temperature")
    },
    "select_columns": lambda v: {
        "selected": pd.DataFrame({"c": v["dataframe"]["c"], "a": v["dataframe"]["a"]})
    },
    "rename_series": lambda v: {"renamed": like(v["series"], floats(v["series"]), name=v["name"])},
    "sort_by_index": lambda v: {
        "sorted_data": pd.Series(
            [x for _, x in sorted(v["data"].items())],
            index=pd.DatetimeIndex(sorted(v["data"].index)),
        )
    },
    "column_to_index": lambda v: {
        "indexed": pd.DataFrame(
            {"value": floats(v["dataframe"]["value"])},
            index=pd.DatetimeIndex(v["dataframe"]["time"]).rename(None),
        )
    },
    "length": lambda v: {"length": v["data"].shape[0]},
    "pi": lambda v: {"pi": math.pi},
    "constant_like": lambda v: {"constant": like(v["data"], [v["value"]] * len(v["data"]))},
    "series_to_dataframe": lambda v: {
        "dataframe": pd.DataFrame({"value": floats(v["series"])}, index=v["series"].index)
    },
    "dataframe_to_series": lambda v: {
        "series": like(v["dataframe"], v["dataframe"].to_numpy()[:, 0].astype("int64"), name="x")
    },
    "to_float": lambda v: {"converted": like(v["data"], [float(text) for text in v["data"]])},
    "to_int": lambda v: {"converted": like(v["data"], np.array([int(x) for x in v["data"]], dtype="int64"))},
    "drop_nan": lambda v: {"cleaned": v["data"][~missing(v["data"].to_numpy(dtype=float)).all(axis=1)]},
    "fill_nan": lambda v: {
        "filled": like(v["data"], [v["value"] if math.isnan(x) else x for x in floats(v["data"])])
    },
    "datetime_range": lambda v: {
        "timestamps": pd.Series(
            [datetime(2026, 1, 1, tzinfo=UTC) + pd.Timedelta(minutes=15 * i) for i in range(5)],
            name="timestamp",
        )
    },
    # connectors
    **{
        f"pass_through_{kind}": lambda v: {"output": v["input"]}
        for kind in [data_type.lower() for data_type in DataType]
    },
    # data quality
    "missing_value_count": lambda v: {"count": int(missing(v["data"].to_numpy(dtype=float)).sum())},
    "missing_value_ratio": lambda v: {"ratio": float(missing(floats(v["data"])).mean())},
    "zscore_outliers": zscore_expected,
    "iqr_outliers": iqr_expected,
    "freshness": freshness_expected,
    "completeness_report": completeness_expected,
    "duplicate_index_count": lambda v: {"count": len(v["data"].index) - len(set(v["data"].index))},
    "range_violations": lambda v: {
        "is_violation": like(v["series"], [x < v["lower"] or x > v["upper"] for x in floats(v["series"])]),
        "count": sum(1 for x in floats(v["series"]) if x < v["lower"] or x > v["upper"]),
    },
    # statistics
    "mean": lambda v: {"mean": float(np.nanmean(floats(v["data"])))},
    "median": lambda v: {"median": float(np.median(floats(v["data"])))},
    "quantile": lambda v: {
        "quantile": pd.Series(
            [float(np.nanquantile(floats(v["data"][c]), v["q"])) for c in ("a", "b")],
            index=pd.Index(["a", "b"], dtype="str"),
            name=v["q"],
        )
    },
    "standard_deviation": lambda v: {"std": float(np.std(floats(v["data"]), ddof=v["ddof"]))},
    "variance": lambda v: {"variance": float(np.var(v["data"], ddof=v["ddof"]))},
    "minimum": lambda v: {
        "minimum": pd.Series(
            [float(np.nanmin(floats(v["data"][c]))) for c in ("a", "b")],
            index=pd.Index(["a", "b"], dtype="str"),
        )
    },
    "maximum": lambda v: {"maximum": float(np.nanmax(floats(v["data"])))},
    "sum_values": lambda v: {"total": float(np.nansum(floats(v["data"])))},
    "summary_statistics": summary_expected,
    "correlation_matrix": lambda v: {
        "correlations": pd.DataFrame(
            np.corrcoef(v["dataframe"].to_numpy(dtype=float).T),
            index=pd.Index(["a", "b", "c"], dtype="str"),
            columns=pd.Index(["a", "b", "c"], dtype="str"),
        )
    },
    "correlation": correlation_expected,
    "linear_regression": regression_expected,
    # MULTITSFRAME
    "dataframe_to_multitsframe": wide_to_long_expected,
    "multitsframe_to_dataframe": long_to_wide_expected,
    "filter_metrics": lambda v: {
        "filtered": mtsf([row for row in rows_of(v["multitsframe"]) if row[1] in ("temperature", "humidity")])
    },
    "metric_names": lambda v: {"names": sorted(set(v["multitsframe"]["metric"].tolist()))},
    "series_to_multitsframe": lambda v: {
        "multitsframe": mtsf([(t, v["metric"], x) for t, x in v["series"].items() if not math.isnan(x)])
    },
    "extract_metric": lambda v: {
        "series": pd.Series(
            [x for _, metric, x in rows_of(v["multitsframe"]) if metric == v["metric"]],
            index=pd.DatetimeIndex(
                [t for t, metric, _ in rows_of(v["multitsframe"]) if metric == v["metric"]]
            ),
            name=v["metric"],
        )
    },
    "combine_multitsframes": combined_expected,
}


# Every component file ------------------------------------------------------------------------------------

COMPONENT_FILES = [pytest.param(path, id=path.stem) for path in FILES]


def test_the_expected_table_covers_every_component_and_nothing_else():
    assert len(FILES) >= 45
    assert sorted(EXPECTED) == sorted(path.stem for path in FILES)


@pytest.mark.parametrize("path", COMPONENT_FILES)
def test_component_file_reads_as_a_documented_released_revision(path: Path):
    tr = read(path)
    assert tr.state is State.RELEASED
    assert tr.version_tag == "1.0.0"
    assert tr.released_timestamp == RELEASED_AT
    assert tr.category == CATEGORIES[path.parent.name]
    assert tr.description
    for heading in (f"# {tr.name}", "## Inputs", "## Outputs", "## Details", "## Example"):
        assert heading in tr.documentation
    for io in [*tr.io_interface.inputs, *tr.io_interface.outputs]:
        assert f"**{io.name}** ({io.data_type}" in tr.documentation
    wired = {w.workflow_input_name for w in tr.test_wiring.input_wirings}
    required = {io.name for io in tr.io_interface.inputs if io.type is InputType.REQUIRED}
    assert required <= wired
    assert all(
        w.adapter_id == DIRECT_PROVISIONING and "value" in w.filters for w in tr.test_wiring.input_wirings
    )


@pytest.mark.parametrize("path", COMPONENT_FILES)
def test_component_test_wiring_gives_the_expected_outputs(path: Path, execute: Run):
    tr = read(path)
    outputs = outputs_of(tr, execute(tr, tr.test_wiring))
    expected = EXPECTED[path.stem](given_inputs(tr, tr.test_wiring))
    assert sorted(outputs) == sorted(expected)
    for name, value in expected.items():
        assert_same(outputs[name], value, f"{path.stem}.{name}")


def test_library_ids_are_unique_and_loading_is_deterministic():
    first, second = load_components(), load_components()
    assert first == second
    assert len({tr.id for tr in first}) == len(first)
    assert len({tr.revision_group_id for tr in first}) == len(first)
    ours = [tr for tr in first if tr.category in CATEGORIES.values()]
    assert len(ours) == len(FILES)
    assert len({(tr.name, tr.version_tag) for tr in ours}) == len(ours)


# Options, other kinds of input, and failures ------------------------------------------------------------

SERIES_3 = wrapped(
    "SERIES", {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": None, "2026-01-01T02:00:00Z": 3.0}
)
T0, T1, T2 = (pd.Timestamp(f"2026-01-01T0{h}:00:00Z").as_unit("ns") for h in range(3))


def series_at(values: list[float], *stamps: pd.Timestamp) -> pd.Series:
    return pd.Series(values, index=pd.DatetimeIndex(list(stamps)))


VARIANTS = [
    pytest.param("add", {"a": 2, "b": 3.5}, {"sum": 5.5}, id="add-numbers"),
    pytest.param("add", {"a": [1, 2], "b": 1}, {"sum": [2.0, 3.0]}, id="add-list-and-number"),
    pytest.param("multiply", {"a": 3, "b": 4}, {"product": 12}, id="multiply-whole-numbers"),
    pytest.param("divide", {"a": 1, "b": 4}, {"quotient": 0.25}, id="divide-numbers"),
    pytest.param("power", {"base": 2, "exponent": -1}, {"power": 0.5}, id="power-negative-exponent"),
    pytest.param("modulo", {"a": -7, "b": 3}, {"remainder": 2}, id="modulo-takes-the-sign-of-b"),
    pytest.param("logarithm", {"data": 1}, {"logarithm": 0.0}, id="logarithm-natural-by-default"),
    pytest.param(
        "round_values", {"data": [0.5, 1.5, 2.5]}, {"rounded": [0.0, 2.0, 2.0]}, id="round-half-to-even"
    ),
    pytest.param("equal", {"a": "on", "b": "on"}, {"result": True}, id="equal-strings"),
    pytest.param("clip", {"data": 5, "upper": 3}, {"clipped": 3.0}, id="clip-number-upper-only"),
    pytest.param("clip", {"data": 2, "lower": 0}, {"clipped": 2}, id="clip-number-inside-keeps-type"),
    pytest.param(
        "fill_nan",
        {
            "data": wrapped(
                "SERIES",
                {
                    "2026-01-01T00:00:00Z": None,
                    "2026-01-01T01:00:00Z": 1.0,
                    "2026-01-01T02:00:00Z": None,
                    "2026-01-01T04:00:00Z": 4.0,
                    "2026-01-01T05:00:00Z": None,
                },
            ),
            "method": "interpolate",
        },
        {
            "filled": series_at(
                [math.nan, 1.0, 2.0, 4.0, math.nan],
                *(T0 + pd.Timedelta(hours=h) for h in (0, 1, 2, 4, 5)),
            )
        },
        id="fill-interpolate-by-time-inside-only",
    ),
    pytest.param(
        "fill_nan",
        {"data": SERIES_3, "method": "forward"},
        {"filled": series_at([1.0, 1.0, 3.0], T0, T1, T2)},
        id="fill-forward",
    ),
    pytest.param("drop_nan", {"data": [1, None, 3]}, {"cleaned": [1, 3]}, id="drop-nan-list"),
    pytest.param(
        "shift",
        {"data": SERIES_3, "periods": 1, "freq": "1h"},
        {"shifted": series_at([1.0, math.nan, 3.0], T1, T2, T2 + pd.Timedelta(hours=1))},
        id="shift-in-time",
    ),
    pytest.param(
        "resample",
        {"data": SERIES_3, "rule": "1h", "aggregation": "sum"},
        {"resampled": series_at([1.0, 0.0, 3.0], T0, T1, T2)},
        id="resample-sum-of-empty-interval",
    ),
    pytest.param(
        "merge_dataframes",
        {
            "left": {"key": {"0": "a", "1": "b"}, "x": {"0": 1, "1": 2}},
            "right": {"key": {"0": "b", "1": "c"}, "y": {"0": 3, "1": 4}},
            "how": "inner",
            "on": "key",
        },
        {"merged": pd.DataFrame({"key": pd.Series(["b"], dtype="str"), "x": [2], "y": [3]})},
        id="merge-inner-on-column",
    ),
    pytest.param("to_int", {"data": [3.0, -2]}, {"converted": [3, -2]}, id="to-int-whole-floats"),
    pytest.param("variance", {"data": [1, 2, 3, 4]}, {"variance": 5 / 3}, id="variance-sample-by-default"),
    pytest.param("mean", {"data": []}, {"mean": math.nan}, id="mean-of-nothing"),
    pytest.param(
        "freshness",
        {
            "data": wrapped(
                "DATAFRAME",
                {
                    "timestamp": {"0": "2026-01-01T00:00:00Z", "1": "2026-01-01T05:00:00Z"},
                    "metric": {"0": "a", "1": "a"},
                    "value": {"0": 1.0, "1": None},
                },
            ),
            "reference": "2026-01-01T01:00:00+01:00",
        },
        {"age_seconds": 0.0, "newest": "2026-01-01T00:00:00+00:00"},
        id="freshness-of-multitsframe-skips-missing-values",
    ),
]

FAILURES = [
    pytest.param("divide", {"a": 1, "b": 0}, "b is 0", id="divide-by-zero"),
    pytest.param("add", {"a": {"x": 1}, "b": 1}, "wrapped form", id="add-unwrapped-object"),
    pytest.param("power", {"base": -8, "exponent": 0.5}, "no real result", id="power-complex"),
    pytest.param("logarithm", {"data": 2, "base": 1}, "base 1.0", id="logarithm-base-one"),
    pytest.param("to_int", {"data": 2.5}, "no whole number", id="to-int-fraction"),
    pytest.param(
        "filter_by_comparison",
        {"series": {"2026-01-01T00:00:00Z": 1.0}, "comparison": "=>", "value": 1},
        "use one of >, >=",
        id="filter-unknown-comparison",
    ),
    pytest.param(
        "select_column",
        {"dataframe": {"a": {"0": 1}}, "column": "b"},
        "its columns are: a",
        id="select-missing",
    ),
    pytest.param(
        "datetime_range",
        {"start": "2026-01-01", "end": "2026-01-02", "freq": "fortnightly"},
        "is no frequency",
        id="datetime-range-bad-freq",
    ),
    pytest.param(
        "datetime_range",
        {"start": "2026-01-01", "end": "2027-01-01", "freq": "1s"},
        "more than 1000000",
        id="datetime-range-too-long",
    ),
    pytest.param(
        "linear_regression",
        {"x": {"2026-01-01T00:00:00Z": 1.0}, "y": {"2026-01-01T00:00:00Z": 2.0}},
        "at least two pairs",
        id="regression-one-point",
    ),
    pytest.param(
        "multitsframe_to_dataframe",
        {
            "multitsframe": {
                "timestamp": {"0": "2026-01-01T00:00:00Z", "1": "2026-01-01T00:00:00Z"},
                "metric": {"0": "a", "1": "a"},
                "value": {"0": 1.0, "1": 2.0},
            }
        },
        "repeated pairs",
        id="pivot-duplicates",
    ),
    pytest.param(
        "extract_metric",
        {
            "multitsframe": {
                "timestamp": {"0": "2026-01-01T00:00:00Z"},
                "metric": {"0": "a"},
                "value": {"0": 1.0},
            },
            "metric": "b",
        },
        "its metrics are: a",
        id="extract-unknown-metric",
    ),
    pytest.param(
        "dataframe_to_multitsframe",
        {"dataframe": {"a": {"0": 1.0}}},
        "needs timestamps",
        id="wide-without-time",
    ),
]


@pytest.mark.parametrize(("stem", "inputs", "expected"), VARIANTS)
def test_component_with_other_inputs(stem: str, inputs: Values, expected: Values, execute: Run):
    tr = by_stem(stem)
    outputs = outputs_of(tr, execute(tr, wiring_from_values(inputs)))
    assert sorted(outputs) == sorted(expected)
    for name, value in expected.items():
        assert_same(outputs[name], value, f"{stem}.{name}")


@pytest.mark.parametrize(("stem", "inputs", "message"), FAILURES)
def test_component_refuses_invalid_input_with_a_message(
    stem: str, inputs: Values, message: str, execute: Run
):
    result = execute(by_stem(stem), wiring_from_values(inputs))
    assert result.result == "failure"
    assert result.error is not None
    assert message in result.error.message
    assert result.error.process_stage == "EXECUTING_COMPONENT_CODE"


def test_plotlyjson_connector_keeps_the_figure(execute: Run):
    tr = by_stem("pass_through_plotlyjson")
    figure = {"data": [{"type": "bar", "x": ["a"], "y": [1]}], "layout": {}}
    result = execute(tr, wiring_from_values({"input": figure}))
    assert outputs_of(tr, result) == {"output": figure}
    assert tr.io_interface.outputs[0].data_type is DataType.PLOTLYJSON
