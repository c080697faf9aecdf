"""The library's example workflows: released, documented, runnable with their test wirings, and right.

Expected outputs are composed from the independent computations of the component tests
(``test_library_components_b``) and from numpy, pandas and scikit-learn directly.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sklearn.ensemble import RandomForestRegressor
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from test_library_components_b import (
    assert_output,
    best_split,
    expect_alert_intervals,
    expect_alerts_plot,
    expect_correlation_heatmap,
    expect_dominant_period,
    expect_exponential_smoothing,
    expect_interpolate_missing,
    expect_lag_features,
    expect_linear_trend_limit_crossing,
    expect_moving_average_points,
    expect_multi_line_plot,
    expect_multitsframe_plot,
    expect_resample_regular,
    expect_savitzky_golay,
    expect_seasonal_decomposition,
    expect_stacked_subplots,
    expect_trend_limit_plot,
    expect_volatility_score,
    expect_z_score_alerts,
    least_squares,
    lines,
    series_like,
)

from sealflow.adapters.direct import DirectProvisioning
from sealflow.adapters.protocol import AdapterRegistry
from sealflow.code import importer
from sealflow.code.values import parse_value
from sealflow.config import Settings
from sealflow.library import load_components, load_library
from sealflow.library import workflows as library_workflows
from sealflow.library.adapter_examples import load_adapter_examples
from sealflow.library.workflows import LOAD_OBJECT_ID, MODEL_NAME, MODEL_TAG, STORE_OBJECT_ID, load_workflows
from sealflow.model.datatypes import DataType, InputType, State, TransformationType
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import DIRECT_PROVISIONING
from sealflow.ops.execution import execute_transformation
from sealflow.ops.instance import Instance
from sealflow.ops.library import install_library
from sealflow.runtime.results import ExecutionResult
from sealflow.runtime.runner import run
from sealflow.store.objects import ObjectRepository, activated, open_object_store
from support import MemoryCodeSource

RELEASED_AT = datetime(2026, 11, 25, tzinfo=UTC)
WORKFLOWS = load_workflows()
COMPONENTS = load_components()
REVISIONS = {tr.id: tr for tr in [*COMPONENTS, *WORKFLOWS]}
BY_NAME = {tr.name: tr for tr in WORKFLOWS}
STORE = "Train and Store Regression Model Example"
LOAD = "Load Model and Predict Example"
PARAMS = [pytest.param(tr.name, id=tr.name) for tr in WORKFLOWS]


@pytest.fixture
def code_source() -> Iterator[MemoryCodeSource]:
    source = MemoryCodeSource()
    importer.install(source)
    source.add(*COMPONENTS)
    yield source
    importer.uninstall()


@pytest.fixture
def objects(tmp_path: Path) -> Iterator[ObjectRepository]:
    """An empty object store that Store Object and Load Object use during the test."""
    repository = ObjectRepository(open_object_store(str(tmp_path / "objects")))
    with activated(repository):
        yield repository


def run_example(tr: TransformationRevision) -> ExecutionResult:
    registry = AdapterRegistry([DirectProvisioning()])
    return run(tr, REVISIONS.__getitem__, tr.test_wiring, registry, run_pure_plot_operators=True)


def given(tr: TransformationRevision) -> dict[str, Any]:
    """The workflow's input values in a test run, parsed by type; defaults where the wiring gives none."""
    wired = {w.workflow_input_name: w.filters["value"] for w in tr.test_wiring.input_wirings}
    return {
        io.name: parse_value(
            wired.get(io.name, io.value), io.data_type, nullable=io.type is InputType.OPTIONAL
        )
        for io in tr.io_interface.inputs
        if io.name
    }


def decoded(tr: TransformationRevision, result: ExecutionResult) -> dict[str, Any]:
    types = {o.name: o.data_type for o in tr.io_interface.outputs}
    return {
        name: parse_value(value, types[name]) for name, value in result.output_results_by_output_name.items()
    }


# Expected outputs, per workflow ----------------------------------------------------------------------------


def sensor_anomaly_detection(v: dict[str, Any]) -> dict[str, Any]:
    filled = expect_interpolate_missing({"series": v["series"]})["interpolated"]
    scored = expect_z_score_alerts({"series": filled, "threshold": v["threshold"]})
    alerts = scored["alerts"]
    assert list(np.flatnonzero(alerts)) == [11, 35], "the two planted spikes, and nothing else"
    return {
        "alerts": alerts,
        "intervals": expect_alert_intervals({"alerts": alerts})["intervals"],
        "plot": expect_alerts_plot({"series": filled, "alerts": alerts})["plot"],
    }


def isolation_forest_detection(v: dict[str, Any]) -> dict[str, Any]:
    from sklearn.ensemble import IsolationForest

    lagged = expect_lag_features({"series": v["series"], "lags": v["lags"]})
    features, target = lagged["features"], lagged["target"]
    forest = IsolationForest(random_state=0).fit(features)
    alerts = pd.Series(forest.predict(features) == -1, index=features.index)
    return {
        "scores": series_like(forest.decision_function(features), features.index),
        "alerts": alerts,
        "plot": expect_alerts_plot({"series": target, "alerts": alerts})["plot"],
    }


def trained_regression(data: pd.DataFrame, target: str) -> tuple[pd.Series, float]:
    features = data.drop(columns=target)
    coefficients, intercept = least_squares(features, data[target])
    return series_like(coefficients, features.columns), intercept


def train_and_store(v: dict[str, Any]) -> dict[str, Any]:
    coefficients, intercept = trained_regression(v["data"], v["target_column"])
    return {"coefficients": coefficients, "intercept": intercept}


def load_and_predict(v: dict[str, Any]) -> dict[str, Any]:
    store = BY_NAME[STORE]
    training = given(store)
    assert (v["name"], v["tag"]) == (training["name"], training["tag"])
    coefficients, intercept = trained_regression(training["data"], training["target_column"])
    features = v["features"]
    predictions = features[list(coefficients.index)].to_numpy() @ coefficients.to_numpy() + intercept
    return {"predictions": series_like(predictions, features.index)}


def data_quality_report(v: dict[str, Any]) -> dict[str, Any]:
    data = v["data"]
    cells = data.to_numpy(dtype=float)
    present = (~np.isnan(cells)).sum(axis=0)
    report = pd.DataFrame(
        {
            "rows": [len(data)] * data.shape[1],
            "present": present,
            "missing": len(data) - present,
            "completeness": present / len(data),
        },
        index=data.columns,
    )
    return {
        "report": report,
        "missing_ratio": np.isnan(cells).sum() / cells.size,
        "repeated_timestamps": len(data) - len(np.unique(data.index.asi8)),
        "plot": expect_multi_line_plot({"data": data})["plot"],
    }


def remaining_useful_life(v: dict[str, Any]) -> dict[str, Any]:
    estimate = expect_linear_trend_limit_crossing(
        {"series": v["series"], "limit": v["limit"], "horizon": "30D", "frequency": "1D"}
    )
    plot = expect_trend_limit_plot(
        {"series": v["series"], "forecast": estimate["forecast"], "limit": v["limit"]}
    )
    return {
        "crossing_time": estimate["crossing_time"],
        "remaining_days": estimate["remaining_days"],
        "slope": estimate["slope"],
        "plot": plot["plot"],
    }


def seasonality_analysis(v: dict[str, Any]) -> dict[str, Any]:
    regular = expect_resample_regular({"series": v["series"], "frequency": v["frequency"]})["resampled"]
    period = expect_dominant_period({"series": regular})["period"]
    assert period == 12, "the example repeats every 12 hours"
    parts = expect_seasonal_decomposition({"series": regular, "period": period, "model": "additive"})
    return {
        "period": period,
        "seasonal": parts["seasonal"],
        "trend": parts["trend"],
        "plot": expect_stacked_subplots({"data": parts["components"]})["plot"],
    }


def smoothing_comparison(v: dict[str, Any]) -> dict[str, Any]:
    series = v["series"]
    mavg = expect_moving_average_points({"series": series, "window": v["window"]})["mavg"]
    ewm = expect_exponential_smoothing({"series": series, "alpha": v["alpha"]})["smoothed"]
    golay = expect_savitzky_golay({"series": series, "window_length": v["window_length"], "polyorder": 2})
    names = ["raw", "moving average", "exponential", "Savitzky-Golay"]
    drawn = [series, mavg, ewm, golay["smoothed"]]
    return {
        "moving_average": mavg,
        "exponential": ewm,
        "savitzky_golay": golay["smoothed"],
        "plot": [lines(values, name) for values, name in zip(drawn, names, strict=True)],
    }


def change_point_detection(v: dict[str, Any]) -> dict[str, Any]:
    series = v["series"]
    flags = pd.Series(np.arange(len(series)) == 30, index=series.index)
    shift = best_split({"series": series, "min_size": 3})
    assert shift["change_point"] == series.index[30].isoformat(), "the example steps up at point 30"
    return {
        "change_points": flags,
        "change_point": shift["change_point"],
        "mean_before": shift["mean_before"],
        "mean_after": shift["mean_after"],
        "plot": expect_alerts_plot({"series": series, "alerts": flags})["plot"],
    }


def confusion(truth: np.ndarray, guess: np.ndarray) -> tuple[list[str], np.ndarray]:
    labels = sorted(set(truth) | set(guess))
    return labels, np.array([[np.sum((truth == a) & (guess == b)) for b in labels] for a in labels])


def classification(v: dict[str, Any]) -> dict[str, Any]:
    data, target = v["data"], v["target_column"]
    train, test = train_test_split(data, test_size=v["test_size"], random_state=0)
    scaler = StandardScaler().fit(train.drop(columns=target))
    model = LogisticRegression(max_iter=1000).fit(scaler.transform(train.drop(columns=target)), train[target])
    rows = scaler.transform(test.drop(columns=target))
    truth, guess = test[target].to_numpy(dtype=str), model.predict(rows).astype(str)
    labels, counts = confusion(truth, guess)
    tp = np.diag(counts)
    precision, recall = tp / counts.sum(axis=0), tp / counts.sum(axis=1)
    return {
        "accuracy": np.mean(truth == guess),
        "f1": np.mean(2 * precision * recall / (precision + recall)),
        "confusion_matrix": pd.DataFrame(counts, index=labels, columns=labels),
        "probabilities": pd.DataFrame(model.predict_proba(rows), index=test.index, columns=model.classes_),
    }


def regression(v: dict[str, Any]) -> dict[str, Any]:
    data, target = v["data"], v["target_column"]
    train, test = train_test_split(data, test_size=0.25, random_state=0)
    forest = RandomForestRegressor(n_estimators=v["n_estimators"], random_state=0)
    forest.fit(train.drop(columns=target), train[target])
    predicted = forest.predict(test.drop(columns=target))
    truth = test[target].to_numpy()
    error = truth - predicted
    ends = np.array([min(truth.min(), predicted.min()), max(truth.max(), predicted.max())])
    return {
        "mae": np.abs(error).mean(),
        "rmse": np.sqrt((error**2).mean()),
        "r2": 1 - (error**2).sum() / ((truth - truth.mean()) ** 2).sum(),
        "feature_importances": series_like(forest.feature_importances_, train.drop(columns=target).columns),
        "plot": [
            ("scatter", "prediction", {"x": truth, "y": predicted}),
            ("scatter", "ideal", {"x": ends, "y": ends}),
        ],
    }


def volatility(series: pd.Series, window: str, threshold: float) -> dict[str, Any]:
    score = expect_volatility_score({"series": series, "window": window})["score"]
    alerts = pd.Series(np.nan_to_num(score.to_numpy()) > threshold, index=series.index)
    return {
        "alerts": alerts,
        "score_plot": [lines(score, "volatility")],
        "alerts_plot": expect_alerts_plot({"series": series, "alerts": alerts})["plot"],
    }


def volatility_detection(v: dict[str, Any]) -> dict[str, Any]:
    expected = volatility(v["series"], v["window"], v["threshold"])
    alerts = expected["alerts"].to_numpy()
    assert alerts[22:28].all(), "the noisy stretch raises alerts"
    assert not alerts[:20].any(), "the quiet start raises none"
    return expected


def resampled_volatility(v: dict[str, Any]) -> dict[str, Any]:
    regular = expect_resample_regular({"series": v["series"], "frequency": v["frequency"]})["resampled"]
    nested = volatility(regular, "4h", v["threshold"])
    return {
        "alerts": nested["alerts"],
        "intervals": expect_alert_intervals({"alerts": nested["alerts"]})["intervals"],
        "alerts_plot": nested["alerts_plot"],
    }


def multitsframe_statistics(v: dict[str, Any]) -> dict[str, Any]:
    long = v["multitsframe"]
    metrics = sorted(set(long["metric"]))
    stamps = pd.DatetimeIndex(sorted(set(long["timestamp"])))
    wide = pd.DataFrame(
        {
            metric: [
                long.loc[(long["timestamp"] == t) & (long["metric"] == metric), "value"].item()
                for t in stamps
            ]
            for metric in metrics
        },
        index=stamps,
    )
    cells = wide.to_numpy(dtype=float)
    summary = pd.DataFrame(
        [
            [len(cells)] * len(metrics),
            cells.mean(axis=0),
            cells.std(axis=0, ddof=1),
            cells.min(axis=0),
            *np.percentile(cells, [25, 50, 75], axis=0),
            cells.max(axis=0),
        ],
        index=["count", "mean", "std", "min", "25%", "50%", "75%", "max"],
        columns=metrics,
    )
    return {
        "dataframe": wide,
        "summary": summary,
        "correlation_plot": expect_correlation_heatmap({"data": wide})["plot"],
        "plot": expect_multitsframe_plot({"multitsframe": long})["plot"],
    }


def lag_forecast(v: dict[str, Any]) -> dict[str, Any]:
    lagged = expect_lag_features({"series": v["series"], "lags": v["lags"]})
    features, target = lagged["features"], lagged["target"]
    coefficients, intercept = least_squares(features, target)
    predicted = series_like(features.to_numpy() @ coefficients + intercept, features.index)
    error = target.to_numpy() - predicted.to_numpy()
    return {
        "coefficients": series_like(coefficients, features.columns),
        "rmse": np.sqrt((error**2).mean()),
        "r2": 1 - (error**2).sum() / ((target - target.mean()) ** 2).sum(),
        "plot": [lines(target, "actual"), lines(predicted, "one step ahead")],
    }


EXPECTED: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "Sensor Anomaly Detection Example": sensor_anomaly_detection,
    "Isolation Forest Anomaly Detection Example": isolation_forest_detection,
    STORE: train_and_store,
    LOAD: load_and_predict,
    "Data Quality Report Example": data_quality_report,
    "Remaining Useful Life Example": remaining_useful_life,
    "Seasonality Analysis Example": seasonality_analysis,
    "Smoothing Comparison Example": smoothing_comparison,
    "Change Point Detection Example": change_point_detection,
    "Classification Train and Evaluate Example": classification,
    "Regression with Metrics Example": regression,
    "Volatility Detection Example": volatility_detection,
    "Resampled Volatility Detection Example": resampled_volatility,
    "MULTITSFRAME Pivot and Statistics Example": multitsframe_statistics,
    "Lag Regression Forecast Example": lag_forecast,
}


# Tests -----------------------------------------------------------------------------------------------------


def test_there_are_at_least_12_examples_with_unique_names_and_ids() -> None:
    assert len(WORKFLOWS) >= 12
    assert len({tr.name for tr in WORKFLOWS}) == len(WORKFLOWS)
    assert len({tr.id for tr in WORKFLOWS} | {tr.id for tr in COMPONENTS}) == len(WORKFLOWS) + len(COMPONENTS)
    assert sorted(EXPECTED) == sorted(BY_NAME)


def test_loading_twice_gives_equal_workflows() -> None:
    again = load_workflows()

    assert again == WORKFLOWS
    assert [tr.to_json_dict() for tr in again] == [tr.to_json_dict() for tr in WORKFLOWS]


def test_the_library_lists_components_then_workflows() -> None:
    examples = load_adapter_examples()
    assert [tr.id for tr in load_library()] == [tr.id for tr in [*COMPONENTS, *WORKFLOWS, *examples]]


@pytest.mark.parametrize("name", PARAMS)
def test_example_is_a_documented_released_workflow(name: str) -> None:
    tr = BY_NAME[name]

    assert tr.type is TransformationType.WORKFLOW
    assert tr.state is State.RELEASED
    assert (tr.version_tag, tr.category, tr.released_timestamp) == ("1.0.0", "Examples", RELEASED_AT)
    assert tr.description
    assert tr.documentation.startswith(f"# {name}\n")
    for io in [*tr.io_interface.inputs, *tr.io_interface.outputs]:
        assert f"* **{io.name}** (" in tr.documentation
    listed = [line for line in tr.documentation.splitlines() if line.startswith("* ") and "**" not in line]
    operators = tr.workflow().operators
    assert len(listed) == len(operators)
    for line, operator in zip(listed, operators, strict=True):
        assert line == f"* {operator.name}" or line.startswith(f"* {operator.name} (")


@pytest.mark.parametrize("name", PARAMS)
def test_example_operators_are_released_library_revisions(name: str) -> None:
    tr = BY_NAME[name]
    earlier = {w.id for w in WORKFLOWS[: WORKFLOWS.index(tr)]}

    for operator in tr.workflow().operators:
        used = REVISIONS[operator.transformation_id]
        assert used.state is State.RELEASED
        assert used.is_workflow is (operator.type is TransformationType.WORKFLOW)
        assert not used.is_workflow or used.id in earlier, "nested workflows come first"
        assert (operator.revision_group_id, operator.version_tag) == (
            used.revision_group_id,
            used.version_tag,
        )
        interface = [(io.id, io.name, io.data_type) for io in used.io_interface.inputs]
        assert [(io.id, io.name, io.data_type) for io in operator.inputs] == interface
        assert [(io.id, io.name, io.data_type) for io in operator.outputs] == [
            (io.id, io.name, io.data_type) for io in used.io_interface.outputs
        ]


@pytest.mark.parametrize("name", PARAMS)
def test_example_test_wiring_provides_every_required_input_directly(name: str) -> None:
    tr = BY_NAME[name]
    wired = {w.workflow_input_name: w for w in tr.test_wiring.input_wirings}
    required = {io.name for io in tr.io_interface.inputs if io.type is InputType.REQUIRED}

    assert required <= set(wired) <= {io.name for io in tr.io_interface.inputs}
    assert all(w.adapter_id == DIRECT_PROVISIONING for w in wired.values())
    assert all(io.data_type is not DataType.ANY for io in tr.io_interface.outputs), "every output has JSON"


@pytest.mark.parametrize("name", PARAMS)
def test_example_run_gives_independently_computed_outputs(
    name: str, code_source: MemoryCodeSource, objects: ObjectRepository
) -> None:
    tr = BY_NAME[name]
    if name == LOAD:
        assert run_example(BY_NAME[STORE]).result == "ok"
    expected = EXPECTED[name](given(tr))

    result = run_example(tr)

    assert result.result == "ok", result.error
    outputs = decoded(tr, result)
    assert set(outputs) == set(expected) == {io.name for io in tr.io_interface.outputs}
    for output, value in expected.items():
        assert_output(output, outputs[output], value)


@pytest.mark.parametrize("name", PARAMS)
def test_two_runs_give_identical_encoded_outputs(
    name: str, code_source: MemoryCodeSource, tmp_path: Path
) -> None:
    encoded = []
    for attempt in ("first", "second"):
        with activated(ObjectRepository(open_object_store(str(tmp_path / attempt)))):
            if name == LOAD:
                assert run_example(BY_NAME[STORE]).result == "ok"
            result = run_example(BY_NAME[name])
        assert result.result == "ok", result.error
        encoded.append(json.dumps(result.output_results_by_output_name, sort_keys=True, allow_nan=False))

    assert encoded[0] == encoded[1]


def test_the_nesting_example_runs_a_released_workflow_as_an_operator() -> None:
    outer = BY_NAME["Resampled Volatility Detection Example"]
    nested = [op for op in outer.workflow().operators if op.type is TransformationType.WORKFLOW]

    assert [REVISIONS[op.transformation_id].name for op in nested] == ["Volatility Detection Example"]


def test_the_stored_model_is_the_fitted_estimator(
    code_source: MemoryCodeSource, objects: ObjectRepository
) -> None:
    store = BY_NAME[STORE]
    training = given(store)

    assert run_example(store).result == "ok"

    model = objects.load(MODEL_NAME, MODEL_TAG)
    coefficients, intercept = trained_regression(training["data"], training["target_column"])
    assert isinstance(model, LinearRegression)
    np.testing.assert_allclose(model.coef_, coefficients.to_numpy(), rtol=1e-9)
    assert model.intercept_ == pytest.approx(intercept, rel=1e-9)
    assert run_example(store).result == "failure", "a name and tag are stored only once"


def test_store_and_load_examples_need_both_object_components(monkeypatch: pytest.MonkeyPatch) -> None:
    for missing in (STORE_OBJECT_ID, LOAD_OBJECT_ID):
        monkeypatch.setattr(
            library_workflows, "load_components", lambda gone=missing: [c for c in COMPONENTS if c.id != gone]
        )
        names = {tr.name for tr in library_workflows.load_workflows()}
        assert names == set(BY_NAME) - {STORE, LOAD}


def test_a_model_stored_by_one_instance_run_predicts_in_a_later_one(sqlite_url: str, tmp_path: Path) -> None:
    settings = Settings(db_url=sqlite_url, home=tmp_path)
    instance = Instance.open(settings)
    try:
        install_library(instance)
        stored = execute_transformation(instance, BY_NAME[STORE], BY_NAME[STORE].test_wiring)
    finally:
        instance.close()
    assert stored.result == "ok", stored.error

    reopened = Instance.open(settings)
    try:
        load = reopened.transformations.get(BY_NAME[LOAD].id)
        result = execute_transformation(reopened, load, load.test_wiring)
    finally:
        reopened.close()

    assert result.result == "ok", result.error
    expected = load_and_predict(given(load))
    assert_output("predictions", decoded(load, result)["predictions"], expected["predictions"])
