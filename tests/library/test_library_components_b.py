"""The time series, anomaly detection, machine learning and visualization components of the library.

Each component file must read back as a released revision whose test wiring runs, and the outputs of
that run must equal values computed here directly with numpy, pandas, scipy or scikit-learn on the same
inputs. Plots are compared by structure: trace types, names and the plotted data.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from scipy import signal, stats
from sklearn.ensemble import IsolationForest, RandomForestRegressor
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from sealflow.adapters.direct import DirectProvisioning
from sealflow.adapters.protocol import AdapterRegistry, RunContext, SinkRequest, SourceRequest
from sealflow.code import importer
from sealflow.code.codegen import update_code
from sealflow.code.pyfile import transformation_from_code
from sealflow.code.values import parse_value
from sealflow.library import COMPONENTS_DIR
from sealflow.model.datatypes import DataType, InputType, State
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import DIRECT_PROVISIONING, OutputWiring
from sealflow.runtime.results import ExecutionResult
from sealflow.runtime.runner import run
from support import MemoryCodeSource

CATEGORIES = {
    "time_series": "Time Series",
    "anomaly_detection": "Anomaly Detection",
    "machine_learning": "Machine Learning",
    "visualization": "Visualization",
}
RELEASED_AT = datetime(2026, 11, 25, tzinfo=UTC)
FILES = sorted(path for folder in CATEGORIES for path in (COMPONENTS_DIR / folder).glob("*.py"))
CAPTURE = "capture"


def read(path: Path) -> TransformationRevision:
    return transformation_from_code(path.read_text(encoding="utf-8"), path.name)


class Capture:
    """A sink that keeps the output values sent to it, for outputs that have no JSON form (models)."""

    key = CAPTURE
    name = "Capture"

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def load(self, requests: list[SourceRequest], context: RunContext) -> dict[str, Any]:
        return {}

    def send(self, requests: list[SinkRequest], values: dict[str, Any], context: RunContext) -> None:
        self.values.update(values)


@pytest.fixture
def code_source() -> Iterator[MemoryCodeSource]:
    source = MemoryCodeSource()
    importer.install(source)
    yield source
    importer.uninstall()


def run_test_wiring(tr: TransformationRevision, source: MemoryCodeSource) -> tuple[ExecutionResult, Capture]:
    """Run ``tr`` with its test wiring; outputs of type ANY go to a capture sink instead of the response."""
    source.add(tr)
    capture = Capture()
    captured = [
        OutputWiring(workflow_output_name=o.name, adapter_id=CAPTURE)
        for o in tr.io_interface.outputs
        if o.name and o.data_type is DataType.ANY
    ]
    wiring = tr.test_wiring.model_copy(update={"output_wirings": captured})
    registry = AdapterRegistry([DirectProvisioning(), capture])
    result = run(tr, _no_nesting, wiring, registry, run_pure_plot_operators=True)
    return result, capture


def _no_nesting(_: Any) -> TransformationRevision:
    raise AssertionError("components nest nothing")


def given(tr: TransformationRevision) -> dict[str, Any]:
    """The input values of a test run: the test wiring's values, else the defaults, parsed by type."""
    wired = {w.workflow_input_name: w.filters["value"] for w in tr.test_wiring.input_wirings}
    values = {}
    for io in tr.io_interface.inputs:
        assert io.name
        raw = wired.get(io.name, io.value)
        values[io.name] = parse_value(raw, io.data_type, nullable=io.type is InputType.OPTIONAL)
    return values


def decoded(tr: TransformationRevision, result: ExecutionResult) -> dict[str, Any]:
    types = {o.name: o.data_type for o in tr.io_interface.outputs}
    return {
        name: parse_value(value, types[name]) for name, value in result.output_results_by_output_name.items()
    }


# Independent computations ----------------------------------------------------------------------------------


def seconds(index: pd.DatetimeIndex) -> np.ndarray:
    return (index.asi8 - index.asi8[0]) / 1e9


def series_like(values: Any, index: pd.Index) -> pd.Series:
    return pd.Series(np.asarray(values, dtype=float), index=index)


def window_values(series: pd.Series, span: pd.Timedelta) -> Iterator[np.ndarray]:
    """For each timestamp t, the values in (t - span, t]."""
    stamps = series.index
    for t in stamps:
        yield series.to_numpy()[(stamps > t - span) & (stamps <= t)]


def expect_detrend(v: dict[str, Any]) -> dict[str, Any]:
    s = v["series"].sort_index().dropna()
    fit = stats.linregress(seconds(s.index), s.to_numpy())
    trend = series_like(fit.intercept + fit.slope * seconds(s.index), s.index)
    return {"trend": trend, "detrended": s - trend}


def expect_differences(v: dict[str, Any]) -> dict[str, Any]:
    s, p = v["series"], v["periods"]
    values = s.to_numpy(dtype=float)
    return {"differences": series_like(values[p:] - values[:-p], s.index[p:])}


def expect_dominant_period(v: dict[str, Any]) -> dict[str, Any]:
    values = v["series"].to_numpy(dtype=float)
    frequencies, power = signal.periodogram(values, detrend="constant")
    period = round(1 / frequencies[1:][np.argmax(power[1:])])
    t = np.arange(len(values))
    design = np.column_stack(
        [np.cos(2 * np.pi * t / period), np.sin(2 * np.pi * t / period), np.ones(len(t))]
    )
    (a, b, _), *_ = np.linalg.lstsq(design, values, rcond=None)
    return {"period": period, "amplitude": float(np.hypot(a, b))}


def expect_exponential_smoothing(v: dict[str, Any]) -> dict[str, Any]:
    values, alpha = v["series"].to_numpy(dtype=float), v["alpha"]
    smoothed = [values[0]]
    for value in values[1:]:
        smoothed.append(alpha * value + (1 - alpha) * smoothed[-1])
    return {"smoothed": series_like(smoothed, v["series"].index)}


def expect_interpolate_missing(v: dict[str, Any]) -> dict[str, Any]:
    s = v["series"]
    known = s.notna().to_numpy()
    x = seconds(s.index)
    filled = np.interp(x, x[known], s.to_numpy()[known])
    assert known[[0, -1]].all(), "the example has no gaps at its ends"
    return {"interpolated": series_like(filled, s.index)}


def expect_lag_features(v: dict[str, Any]) -> dict[str, Any]:
    s, lags = v["series"], v["lags"]
    values, n = s.to_numpy(dtype=float), len(s)
    features = pd.DataFrame(
        {f"lag_{k}": values[lags - k : n - k] for k in range(1, lags + 1)}, index=s.index[lags:]
    )
    return {"features": features, "target": series_like(values[lags:], s.index[lags:])}


def expect_linear_trend_limit_crossing(v: dict[str, Any]) -> dict[str, Any]:
    s, limit = v["series"], v["limit"]
    days = seconds(s.index) / 86400
    fit = stats.linregress(days, s.to_numpy(dtype=float))
    crossing = (limit - fit.intercept) / fit.slope
    assert crossing > days[-1], "the example crosses the limit in the future"
    last = s.index[-1]
    grid = pd.date_range(last, last + pd.Timedelta(v["horizon"]), freq=pd.Timedelta(v["frequency"]))
    forecast_days = (grid.asi8 - s.index.asi8[0]) / 86400e9
    return {
        "slope": fit.slope,
        "intercept": fit.intercept,
        "crossing_time": s.index[0] + pd.to_timedelta(crossing, unit="D"),
        "remaining_days": crossing - days[-1],
        "forecast": series_like(fit.intercept + fit.slope * forecast_days, grid),
    }


def expect_moving_average_points(v: dict[str, Any]) -> dict[str, Any]:
    s, window = v["series"], v["window"]
    full = np.convolve(s.to_numpy(dtype=float), np.ones(window) / window, mode="valid")
    return {"mavg": series_like(np.concatenate([np.full(window - 1, np.nan), full]), s.index)}


def expect_moving_average_time(v: dict[str, Any]) -> dict[str, Any]:
    s = v["series"]
    means = [w.mean() for w in window_values(s, pd.Timedelta(v["window"]))]
    return {"mavg": series_like(means, s.index)}


def expect_rate_of_change(v: dict[str, Any]) -> dict[str, Any]:
    s = v["series"]
    hours = np.diff(seconds(s.index)) / pd.Timedelta(v["unit"]).total_seconds()
    return {"rate": series_like(np.diff(s.to_numpy(dtype=float)) / hours, s.index[1:])}


def expect_resample_regular(v: dict[str, Any]) -> dict[str, Any]:
    s, step = v["series"], int(pd.Timedelta(v["frequency"]).total_seconds())
    epoch = s.index.asi8 // 10**9
    first, last = -(-epoch[0] // step) * step, (epoch[-1] // step) * step
    grid_epoch = np.arange(first, last + 1, step)
    grid = pd.DatetimeIndex(pd.to_datetime(grid_epoch, unit="s", utc=True)).as_unit("ns")
    return {"resampled": series_like(np.interp(grid_epoch, epoch, s.to_numpy(dtype=float)), grid)}


def expect_rolling_statistics(v: dict[str, Any]) -> dict[str, Any]:
    s = v["series"]
    rows = [
        {
            "count": float(len(w)),
            "mean": w.mean(),
            "std": w.std(ddof=1) if len(w) > 1 else np.nan,
            "min": w.min(),
            "max": w.max(),
        }
        for w in window_values(s, pd.Timedelta(v["window"]))
    ]
    return {"statistics": pd.DataFrame(rows, index=s.index)}


def expect_sampling_frequency(v: dict[str, Any]) -> dict[str, Any]:
    stamps = np.unique(v["series"].index.asi8)
    gaps = np.diff(stamps)
    median = int(np.median(gaps))
    return {
        "frequency": pd.Timedelta(median, unit="ns"),
        "interval_seconds": median / 1e9,
        "regular": bool(np.all(gaps == gaps[0])),
    }


def expect_savitzky_golay(v: dict[str, Any]) -> dict[str, Any]:
    s, length, order = v["series"], v["window_length"], v["polyorder"]
    values, half, n = s.to_numpy(dtype=float), v["window_length"] // 2, len(s)
    positions = np.arange(length)
    smoothed = np.empty(n)
    for i in range(half, n - half):
        smoothed[i] = np.polyval(np.polyfit(positions, values[i - half : i + half + 1], order), half)
    head = np.polyfit(positions, values[:length], order)
    tail = np.polyfit(positions, values[-length:], order)
    smoothed[:half] = np.polyval(head, positions[:half])
    smoothed[n - half :] = np.polyval(tail, positions[length - half :])
    return {"smoothed": series_like(smoothed, s.index)}


def expect_seasonal_decomposition(v: dict[str, Any]) -> dict[str, Any]:
    s, period = v["series"], v["period"]
    assert period % 2 == 0, "the classical even-period filter below"
    assert v["model"] == "additive"
    x, half = s.to_numpy(dtype=float), period // 2
    weights = np.r_[0.5, np.ones(period - 1), 0.5] / period
    trend = np.full(len(x), np.nan)
    for i in range(half, len(x) - half):
        trend[i] = weights @ x[i - half : i + half + 1]
    detrended = x - trend
    pattern = np.array([np.nanmean(detrended[j::period]) for j in range(period)])
    seasonal = np.resize(pattern - pattern.mean(), len(x))
    parts = pd.DataFrame(
        {"observed": x, "trend": trend, "seasonal": seasonal, "residual": detrended - seasonal},
        index=s.index,
    )
    return {
        "trend": parts["trend"],
        "seasonal": parts["seasonal"],
        "residual": parts["residual"],
        "components": parts,
    }


def runs_of(flags: np.ndarray) -> list[tuple[int, int]]:
    runs, start = [], None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.append((start, i - 1))
            start = None
    return runs


def expect_alert_intervals(v: dict[str, Any]) -> dict[str, Any]:
    alerts = v["alerts"]
    runs = runs_of(alerts.to_numpy(dtype=bool))
    return {
        "intervals": pd.DataFrame(
            {
                "start": pd.DatetimeIndex([alerts.index[a] for a, _ in runs]),
                "end": pd.DatetimeIndex([alerts.index[b] for _, b in runs]),
                "points": [b - a + 1 for a, b in runs],
            }
        )
    }


def expect_cusum_change_points(v: dict[str, Any]) -> dict[str, Any]:
    s = v["series"]
    x, warmup, drift, threshold = s.to_numpy(dtype=float), v["warmup"], v["drift"], v["threshold"]
    unit = np.std(x[:warmup], ddof=1)
    changes, score = [], [0.0] * len(x)
    begin, mean = 0, None
    up = down = 0.0
    up_from = down_from = 0
    for i in range(len(x)):
        if mean is None:
            if i - begin + 1 >= warmup:
                mean, up, down = float(np.mean(x[begin : i + 1])), 0.0, 0.0
            continue
        if up == 0:
            up_from = i
        if down == 0:
            down_from = i
        deviation = (x[i] - mean) / unit
        up, down = max(0.0, up + deviation - drift), max(0.0, down - deviation - drift)
        score[i] = max(up, down)
        if score[i] > threshold:
            begin, mean = (up_from if up > threshold else down_from), None
            changes.append(begin)
    assert changes == [30], "the example steps up once, at point 30"
    flags = np.zeros(len(x), dtype=bool)
    flags[changes] = True
    return {"change_points": pd.Series(flags, index=s.index), "score": series_like(score, s.index)}


def same_predictions(
    kind: type, rows: pd.DataFrame, expected: np.ndarray, method: str = "predict"
) -> Callable[[Any], None]:
    """A check that a captured estimator is a ``kind`` and gives ``expected`` for ``rows``."""

    def check(estimator: Any) -> None:
        assert isinstance(estimator, kind)
        np.testing.assert_allclose(getattr(estimator, method)(rows), expected, rtol=1e-9, atol=1e-12)

    return check


def expect_isolation_forest(v: dict[str, Any]) -> dict[str, Any]:
    forest = IsolationForest(n_estimators=v["n_estimators"], random_state=v["seed"]).fit(v["train_data"])
    data = v["data"][list(v["train_data"].columns)]
    alerts = pd.Series(forest.predict(data) == -1, index=data.index)
    assert alerts.iloc[[5, 12, 17]].all(), "the planted anomalies are found"
    return {
        "scores": series_like(forest.decision_function(data), data.index),
        "alerts": alerts,
        "model": same_predictions(IsolationForest, data, forest.decision_function(data), "decision_function"),
    }


def best_split(v: dict[str, Any]) -> dict[str, Any]:
    """The outputs of Mean Shift Change Point, by trying every split."""
    s, least = v["series"], v["min_size"]
    x = s.to_numpy(dtype=float)
    costs = {k: np.var(x[:k]) * k + np.var(x[k:]) * (len(x) - k) for k in range(least, len(x) - least + 1)}
    k = min(costs, key=lambda split: (costs[split], split))
    before, after = x[:k].mean(), x[k:].mean()
    return {
        "change_point": s.index[k].isoformat(),
        "mean_before": before,
        "mean_after": after,
        "fitted": series_like([before] * k + [after] * (len(x) - k), s.index),
    }


def expect_mean_shift(v: dict[str, Any]) -> dict[str, Any]:
    expected = best_split(v)
    assert expected["change_point"] == v["series"].index[22].isoformat(), "the example shifts at point 22"
    return expected


def expect_rolling_z_score_alerts(v: dict[str, Any]) -> dict[str, Any]:
    s, window = v["series"], v["window"]
    x = s.to_numpy(dtype=float)
    scores = np.full(len(x), np.nan)
    for i in range(window, len(x)):
        past = x[i - window : i]
        spread = np.std(past, ddof=1)
        scores[i] = abs(x[i] - past.mean()) / spread if spread > 0 else np.nan
    return {
        "scores": series_like(scores, s.index),
        "alerts": pd.Series(np.nan_to_num(scores) > v["threshold"], index=s.index),
    }


def expect_threshold_alerts(v: dict[str, Any]) -> dict[str, Any]:
    x = v["series"].to_numpy(dtype=float)
    return {"alerts": pd.Series((x < v["lower"]) | (x > v["upper"]), index=v["series"].index)}


def expect_volatility_score(v: dict[str, Any]) -> dict[str, Any]:
    s = v["series"]
    spread = [w.std(ddof=1) if len(w) > 1 else np.nan for w in window_values(s, pd.Timedelta(v["window"]))]
    return {"score": series_like(spread, s.index)}


def expect_z_score_alerts(v: dict[str, Any]) -> dict[str, Any]:
    s = v["series"]
    scores = np.abs(stats.zscore(s.to_numpy(dtype=float), ddof=1))
    return {
        "scores": series_like(scores, s.index),
        "alerts": pd.Series(scores > v["threshold"], index=s.index),
    }


def expect_classification_metrics(v: dict[str, Any]) -> dict[str, Any]:
    truth, guess = v["actual"].to_numpy(dtype=str), v["predicted"].to_numpy(dtype=str)
    labels = sorted(set(truth) | set(guess))
    counts = np.array([[np.sum((truth == a) & (guess == b)) for b in labels] for a in labels])
    tp = np.diag(counts).astype(float)
    precision = np.divide(tp, counts.sum(axis=0), out=np.zeros(len(labels)), where=counts.sum(axis=0) > 0)
    recall = np.divide(tp, counts.sum(axis=1), out=np.zeros(len(labels)), where=counts.sum(axis=1) > 0)
    f1 = np.divide(
        2 * precision * recall, precision + recall, out=np.zeros(len(labels)), where=precision + recall > 0
    )
    return {
        "accuracy": float(np.mean(truth == guess)),
        "precision": precision.mean(),
        "recall": recall.mean(),
        "f1": f1.mean(),
        "confusion_matrix": pd.DataFrame(counts, index=labels, columns=labels),
    }


def expect_classification_predict(v: dict[str, Any]) -> dict[str, Any]:
    model, features = v["model"], v["features"]
    (second,) = model["coefficients"]
    weights = pd.Series(model["coefficients"][second])
    z = features[list(weights.index)].to_numpy(dtype=float) @ weights.to_numpy() + model["intercept"][second]
    p = 1 / (1 + np.exp(-z))
    first = next(label for label in model["classes"] if label != second)
    return {
        "predictions": pd.Series(np.where(p > 0.5, second, first), index=features.index, dtype="str"),
        "probabilities": pd.DataFrame({first: 1 - p, second: p}, index=features.index),
    }


def least_squares(features: pd.DataFrame, target: pd.Series) -> tuple[np.ndarray, float]:
    design = np.column_stack([features.to_numpy(dtype=float), np.ones(len(features))])
    solution, *_ = np.linalg.lstsq(design, target.to_numpy(dtype=float), rcond=None)
    return solution[:-1], float(solution[-1])


def expect_linear_regression_train(v: dict[str, Any]) -> dict[str, Any]:
    features, target = v["features"], v["target"]
    coefficients, intercept = least_squares(features, target)
    fitted = features.to_numpy() @ coefficients + intercept
    return {
        "coefficients": series_like(coefficients, features.columns),
        "intercept": intercept,
        "model": same_predictions(LinearRegression, features, fitted),
    }


def expect_logistic_regression_train(v: dict[str, Any]) -> dict[str, Any]:
    features, target = v["features"], v["target"]
    reference = LogisticRegression(C=v["inverse_regularization"], max_iter=v["max_iter"]).fit(
        features, target
    )
    second = str(reference.classes_[1])
    return {
        "coefficients": pd.DataFrame(reference.coef_, index=[second], columns=features.columns),
        "intercept": series_like(reference.intercept_, pd.Index([second])),
        "model": same_predictions(
            LogisticRegression, features, reference.predict_proba(features), "predict_proba"
        ),
    }


def expect_random_forest_regression_train(v: dict[str, Any]) -> dict[str, Any]:
    features, target = v["features"], v["target"]
    forest = RandomForestRegressor(
        n_estimators=v["n_estimators"], max_depth=v["max_depth"], random_state=v["seed"]
    ).fit(features, target)
    return {
        "feature_importances": series_like(forest.feature_importances_, features.columns),
        "model": same_predictions(RandomForestRegressor, features, forest.predict(features)),
    }


def expect_regression_metrics(v: dict[str, Any]) -> dict[str, Any]:
    truth, guess = v["actual"].to_numpy(dtype=float), v["predicted"].to_numpy(dtype=float)
    error = truth - guess
    return {
        "mae": np.abs(error).mean(),
        "rmse": np.sqrt((error**2).mean()),
        "r2": 1 - (error**2).sum() / ((truth - truth.mean()) ** 2).sum(),
    }


def expect_regression_predict(v: dict[str, Any]) -> dict[str, Any]:
    model, features = v["model"], v["features"]
    weights = pd.Series(model["coefficients"])
    values = features[list(weights.index)].to_numpy(dtype=float) @ weights.to_numpy() + model["intercept"]
    return {"predictions": series_like(values, features.index)}


def expect_split_features_target(v: dict[str, Any]) -> dict[str, Any]:
    data, column = v["data"], v["target_column"]
    return {"features": data[[c for c in data.columns if c != column]], "target": data[column]}


def expect_standard_scaler_fit(v: dict[str, Any]) -> dict[str, Any]:
    data = v["data"]
    values = data.to_numpy(dtype=float)
    mean, spread = values.mean(axis=0), values.std(axis=0)
    return {
        "scaled": pd.DataFrame((values - mean) / spread, index=data.index, columns=data.columns),
        "scaler": same_predictions(StandardScaler, data, (values - mean) / spread, "transform"),
    }


def expect_standard_scaler_transform(v: dict[str, Any]) -> dict[str, Any]:
    data, scaler = v["data"], v["scaler"]
    columns = list(scaler["mean"])
    values = data[columns].to_numpy(dtype=float)
    mean = np.array([scaler["mean"][c] for c in columns])
    scale = np.array([scaler["scale"][c] for c in columns])
    return {"scaled": pd.DataFrame((values - mean) / scale, index=data.index, columns=columns)}


def expect_train_test_split(v: dict[str, Any]) -> dict[str, Any]:
    data = v["data"]
    train, test = train_test_split(
        data, test_size=v["test_size"], random_state=v["seed"], shuffle=v["shuffle"]
    )
    assert len(test) == int(np.ceil(v["test_size"] * len(data)))
    assert sorted([*train.index, *test.index]) == list(data.index)
    return {"train": train, "test": test}


# Plots: the expected traces as (type, name or None, {attribute: values}) -----------------------------------


Trace = tuple[str, str | None, dict[str, Any]]


def lines(series: pd.Series, name: str | None = None) -> Trace:
    return ("scatter", name, {"x": series.index, "y": series.to_numpy(dtype=float)})


def expect_line_plot(v: dict[str, Any]) -> dict[str, Any]:
    return {"plot": [lines(v["series"], "value")]}


def expect_multi_line_plot(v: dict[str, Any]) -> dict[str, Any]:
    data = v["data"]
    return {"plot": [lines(data[column], column) for column in data.columns]}


def expect_scatter_plot(v: dict[str, Any]) -> dict[str, Any]:
    x, y = v["x"], v["y"]
    return {
        "plot": [("scatter", None, {"x": x.to_numpy(dtype=float), "y": y.loc[x.index].to_numpy(dtype=float)})]
    }


def expect_histogram(v: dict[str, Any]) -> dict[str, Any]:
    return {"plot": [("histogram", None, {"x": v["series"].to_numpy(dtype=float), "nbinsx": v["bins"]})]}


def expect_correlation_heatmap(v: dict[str, Any]) -> dict[str, Any]:
    data = v["data"]
    labels = list(data.columns)
    z = np.corrcoef(data.to_numpy(dtype=float).T)
    return {"plot": [("heatmap", None, {"z": z, "x": labels, "y": labels})]}


def expect_dataframe_heatmap(v: dict[str, Any]) -> dict[str, Any]:
    data = v["data"]
    return {
        "plot": [
            ("heatmap", None, {"z": data.to_numpy(dtype=float).T, "x": data.index, "y": list(data.columns)})
        ]
    }


def expect_alerts_plot(v: dict[str, Any]) -> dict[str, Any]:
    series, alerts = v["series"], v["alerts"]
    return {"plot": [lines(series, "value"), lines(series[alerts.to_numpy(dtype=bool)], "alert")]}


def expect_multitsframe_plot(v: dict[str, Any]) -> dict[str, Any]:
    frame = v["multitsframe"]
    traces = []
    for metric in sorted(set(frame["metric"])):
        rows = frame[frame["metric"] == metric]
        traces.append(
            lines(pd.Series(rows["value"].to_numpy(), index=pd.DatetimeIndex(rows["timestamp"])), metric)
        )
    return {"plot": traces}


def expect_actual_vs_predicted_plot(v: dict[str, Any]) -> dict[str, Any]:
    actual, predicted = v["actual"], v["predicted"]
    low = min(actual.min(), predicted.min())
    high = max(actual.max(), predicted.max())
    return {
        "plot": [
            ("scatter", "prediction", {"x": actual.to_numpy(), "y": predicted.loc[actual.index].to_numpy()}),
            ("scatter", "ideal", {"x": np.array([low, high]), "y": np.array([low, high])}),
        ]
    }


def expect_series_overlay_plot(v: dict[str, Any]) -> dict[str, Any]:
    names = [name.strip() for name in v["labels"].split(",")]
    return {"plot": [lines(v["series_1"], names[0]), lines(v["series_2"], names[1])]}


def expect_trend_limit_plot(v: dict[str, Any]) -> dict[str, Any]:
    series, forecast, limit = v["series"], v["forecast"], v["limit"]
    span = pd.DatetimeIndex([series.index[0], forecast.index[-1]])
    return {
        "plot": [
            lines(series, "measured"),
            lines(forecast, "forecast"),
            ("scatter", "limit", {"x": span, "y": np.array([limit, limit])}),
        ]
    }


def expect_stacked_subplots(v: dict[str, Any]) -> dict[str, Any]:
    data = v["data"]
    traces = []
    for number, column in enumerate(data.columns, start=1):
        suffix = "" if number == 1 else str(number)
        _, _, attributes = lines(data[column])
        traces.append(("scatter", column, {**attributes, "xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}))
    return {"plot": traces}


EXPECTATIONS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    name.removeprefix("expect_"): function
    for name, function in dict(globals()).items()
    if name.startswith("expect_") and callable(function)
}


# Comparison ------------------------------------------------------------------------------------------------


def plotted(values: Any) -> np.ndarray:
    """Plot data as an array: plotly writes arrays as lists or as base64 typed arrays."""
    if isinstance(values, dict) and "bdata" in values:
        array = np.frombuffer(base64.b64decode(values["bdata"]), dtype=np.dtype(values["dtype"]))
        return array.reshape(values["shape"]) if "shape" in values else array
    return np.array(values, dtype=object)


def assert_plotted(actual: Any, expected: Any, where: str) -> None:
    if isinstance(expected, pd.DatetimeIndex):
        stamps = pd.DatetimeIndex(pd.to_datetime(list(plotted(actual)), utc=True))
        assert stamps.equals(expected), where
    elif isinstance(expected, np.ndarray) and expected.dtype.kind == "f":
        array = plotted(actual)
        array = np.where(array == None, np.nan, array).astype(float)  # noqa: E711
        np.testing.assert_allclose(array, expected, rtol=1e-9, atol=1e-12, err_msg=where)
    elif isinstance(expected, list | pd.Index):
        assert list(plotted(actual)) == list(expected), where
    else:
        assert actual == expected, where


def assert_plot(plot: dict[str, Any], traces: list[Trace]) -> None:
    assert isinstance(plot, dict)
    assert json.loads(json.dumps(plot)) == plot, "a plot is plain JSON"
    assert len(plot["data"]) == len(traces)
    for number, (trace, (kind, name, attributes)) in enumerate(zip(plot["data"], traces, strict=True)):
        assert trace["type"] == kind, number
        if name is not None:
            assert trace["name"] == name, number
        for key, expected in attributes.items():
            assert_plotted(trace[key], expected, f"trace {number} {key}")


def assert_output(name: str, actual: Any, expected: Any) -> None:
    if isinstance(expected, pd.Series):
        pd.testing.assert_series_equal(
            actual, expected, check_names=False, check_freq=False, check_dtype=False, rtol=1e-9, atol=1e-12
        )
        assert actual.dtype.kind == expected.dtype.kind or {actual.dtype.kind, expected.dtype.kind} <= {
            "O",
            "U",
            "T",
        }
    elif isinstance(expected, pd.DataFrame):
        pd.testing.assert_frame_equal(
            actual, expected, check_freq=False, check_dtype=False, rtol=1e-9, atol=1e-12
        )
    elif isinstance(expected, list):
        assert_plot(actual, expected)
    elif isinstance(expected, pd.Timestamp):
        assert abs(pd.Timestamp(actual) - expected) <= pd.Timedelta(seconds=1), name
    elif isinstance(expected, pd.Timedelta):
        assert pd.Timedelta(pd.tseries.frequencies.to_offset(actual)) == expected, name
    elif isinstance(expected, bool | str | int) or expected is None:
        assert actual == expected, name
    else:
        assert actual == pytest.approx(float(expected), rel=1e-9, abs=1e-12), name


# Tests -----------------------------------------------------------------------------------------------------


PARAMS = [pytest.param(path, id=path.stem) for path in FILES]


def test_the_four_categories_hold_at_least_35_components() -> None:
    assert len(FILES) >= 35
    assert {path.parent.name for path in FILES} == set(CATEGORIES)


def test_names_and_ids_are_unique_within_the_whole_library() -> None:
    revisions = [
        transformation_from_code(p.read_text(encoding="utf-8"), p.name) for p in COMPONENTS_DIR.rglob("*.py")
    ]
    names = [tr.name for tr in revisions]
    assert sorted({n for n in names if names.count(n) > 1}) == []
    assert len({tr.id for tr in revisions}) == len(revisions)


def test_every_component_has_an_independent_expectation() -> None:
    assert sorted(EXPECTATIONS) == sorted(path.stem for path in FILES)


@pytest.mark.parametrize("path", PARAMS)
def test_component_file_reads_back_as_a_released_revision(path: Path) -> None:
    code = path.read_text(encoding="utf-8")
    tr = read(path)

    assert tr.state is State.RELEASED
    assert tr.version_tag == "1.0.0"
    assert tr.released_timestamp == RELEASED_AT
    assert tr.category == CATEGORIES[path.parent.name]
    assert tr.id == tr.revision_group_id
    assert tr.description
    assert tr.documentation.startswith(f"# {tr.name}\n")
    for section in ("## Inputs", "## Outputs", "## Details"):
        assert section in tr.documentation
    for io in [*tr.io_interface.inputs, *tr.io_interface.outputs]:
        assert f"* **{io.name}** (" in tr.documentation
    assert update_code(code, tr) == code, "the generated section matches the revision"
    assert read(path) == tr, "reading the file again gives the same revision"


@pytest.mark.parametrize("path", PARAMS)
def test_test_wiring_provides_every_required_input_directly(path: Path) -> None:
    tr = read(path)
    wirings = {w.workflow_input_name: w for w in tr.test_wiring.input_wirings}
    required = {io.name for io in tr.io_interface.inputs if io.type is InputType.REQUIRED}

    assert required <= set(wirings)
    assert set(wirings) <= {io.name for io in tr.io_interface.inputs}
    assert all(
        w.adapter_id == DIRECT_PROVISIONING and isinstance(w.filters["value"], str) for w in wirings.values()
    )


@pytest.mark.parametrize("path", PARAMS)
def test_test_wiring_run_gives_independently_computed_outputs(
    path: Path, code_source: MemoryCodeSource
) -> None:
    tr = read(path)
    expected = EXPECTATIONS[path.stem](given(tr))

    result, capture = run_test_wiring(tr, code_source)

    assert result.result == "ok", result.error
    outputs = {**decoded(tr, result), **capture.values}
    assert set(outputs) == {o.name for o in tr.io_interface.outputs}
    assert set(expected) == set(outputs)
    for name, value in expected.items():
        if callable(value):
            value(outputs[name])
        else:
            assert_output(name, outputs[name], value)


@pytest.mark.parametrize("path", PARAMS)
def test_two_runs_give_identical_encoded_outputs(path: Path, code_source: MemoryCodeSource) -> None:
    tr = read(path)

    first, _ = run_test_wiring(tr, code_source)
    second, _ = run_test_wiring(tr, code_source)

    assert first.result == second.result == "ok"
    encoded = json.dumps(first.output_results_by_output_name, sort_keys=True, allow_nan=False)
    assert encoded == json.dumps(second.output_results_by_output_name, sort_keys=True, allow_nan=False)
