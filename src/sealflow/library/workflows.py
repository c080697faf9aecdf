"""The library's example workflows, built in code from the library's released components.

Every workflow is RELEASED with the tag ``1.0.0`` in the category ``Examples`` and carries a test wiring
that runs it on example data. Every id in a workflow (its own, its operators', links' and inputs' and
outputs') is derived with ``uuid5`` from the workflow's slug, so each call of ``load_workflows`` returns
equal revisions. The two workflows that store and load a model are built only when the library holds
Store Object and Load Object.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid5

from sealflow.errors import InvalidTransformation
from sealflow.library import load_components
from sealflow.model.builder import Placed, Port, WorkflowBuilder
from sealflow.model.transformation import TransformationRevision, parse_transformation
from sealflow.model.wiring import DIRECT_PROVISIONING, InputWiring, WorkflowWiring

#: The namespace of the ``uuid5`` ids of the example workflows and everything inside them.
NAMESPACE = UUID("9b0e7c52-3f1d-5a8e-b6c4-2d7f1e0a9c31")
RELEASED = datetime(2026, 11, 25, tzinfo=UTC)
CATEGORY = "Examples"
STORE_OBJECT_ID = UUID("26d99461-38a9-5e92-df4f-d0fd2752879e")
LOAD_OBJECT_ID = UUID("eb8e8d6b-ba7d-dc88-14dc-6839a471d5e0")
MODEL_NAME = "example-regression-model"
MODEL_TAG = "1.0.0"

_START = datetime(2026, 1, 5, tzinfo=UTC)


def load_workflows() -> list[TransformationRevision]:
    """The example workflows, in a fixed order; a nested workflow comes before the workflows using it."""
    library = _Library(load_components())
    workflows = []
    for example in _EXAMPLES:
        tr = example(library)
        if tr is not None:
            library.add(tr)
            workflows.append(tr)
    return workflows


class _Library:
    """The released revisions workflows are built from, by name and by id."""

    def __init__(self, revisions: Iterable[TransformationRevision]) -> None:
        self._by_name: dict[str, TransformationRevision] = {}
        self._by_id: dict[UUID, TransformationRevision] = {}
        for tr in revisions:
            self.add(tr)

    def add(self, tr: TransformationRevision) -> None:
        self._by_name[tr.name] = tr
        self._by_id[tr.id] = tr

    def __getitem__(self, name: str) -> TransformationRevision:
        try:
            return self._by_name[name]
        except KeyError:
            raise InvalidTransformation(
                f"the library has no revision {name!r}, which an example workflow needs; "
                "restore its file under sealflow/library/components"
            ) from None

    def by_id(self, id: UUID) -> TransformationRevision | None:
        return self._by_id.get(id)

    def example(self, name: str, input_name: str) -> str:
        """The value the test wiring of component ``name`` gives its input ``input_name``."""
        for wiring in self[name].test_wiring.input_wirings:
            if wiring.workflow_input_name == input_name:
                return wiring.filters["value"]
        raise InvalidTransformation(f"the test wiring of {name!r} gives no value for {input_name!r}")


@dataclass
class _Draft:
    """A workflow under construction, with the text of its documentation and its test values."""

    slug: str
    name: str
    description: str
    summary: str
    details: str
    builder: WorkflowBuilder = field(default_factory=WorkflowBuilder)
    inputs: list[tuple[str, str, str]] = field(default_factory=list)
    outputs: list[tuple[str, str, str]] = field(default_factory=list)
    examples: dict[str, str] = field(default_factory=dict)
    used: list[tuple[str, str]] = field(default_factory=list)

    def add(self, tr: TransformationRevision, name: str | None = None) -> Placed:
        """Place ``tr`` as an operator, called ``name`` if given."""
        self.used.append((name or tr.name, tr.name))
        return self.builder.add(tr, name)

    def input(
        self, name: str, port: Port, doc: str, *, example: str | None = None, default: str | None = None
    ) -> None:
        """Expose ``port`` as workflow input ``name``; the test wiring gives it ``example``."""
        self.builder.input(name, port, default=default)
        shown = port.connector.data_type.value + (f", default `{default}`" if default is not None else "")
        self.inputs.append((name, shown, doc))
        if example is not None:
            self.examples[name] = example

    def output(self, name: str, port: Port, doc: str) -> None:
        """Expose ``port`` as workflow output ``name``."""
        self.builder.output(name, port)
        self.outputs.append((name, port.connector.data_type.value, doc))

    def build(self) -> TransformationRevision:
        """The released revision, with every id derived from the slug."""
        wiring = WorkflowWiring(
            input_wirings=[
                InputWiring(
                    workflow_input_name=name, adapter_id=DIRECT_PROVISIONING, filters={"value": value}
                )
                for name, value in self.examples.items()
            ]
        )
        stable_id = uuid5(NAMESPACE, self.slug)
        tr = self.builder.build(
            self.name,
            id=stable_id,
            revision_group_id=stable_id,
            category=CATEGORY,
            description=self.description,
            released=RELEASED,
            documentation=self._documentation(),
            test_wiring=wiring,
        )
        return _with_stable_ids(tr, self.slug)

    def _documentation(self) -> str:
        parts = [f"# {self.name}", "", self.summary, "", "## Inputs"]
        parts += [f"* **{name}** ({shown}): {doc}" for name, shown, doc in self.inputs]
        parts += ["", "## Outputs"]
        parts += [f"* **{name}** ({shown}): {doc}" for name, shown, doc in self.outputs]
        parts += ["", "## Details", "", self.details, "", "## Operators"]
        parts += [f"* {shown}" if shown == used else f"* {shown} ({used})" for shown, used in self.used]
        parts += ["", "## Example", "", "The test wiring runs the workflow on example data, e.g.:"]
        parts += [f"* **{name}** = `{_excerpt(value)}`" for name, value in self.examples.items()]
        return "\n".join([*parts, ""])


def _excerpt(value: str) -> str:
    return value if len(value) <= 60 else value[:57] + "..."


def _with_stable_ids(tr: TransformationRevision, slug: str) -> TransformationRevision:
    """``tr`` with the random ids the builder gave operators, links, inputs, outputs and constants
    replaced by ``uuid5`` ids from ``slug``, in the order they appear in the content."""
    content = tr.workflow()
    fresh = [
        *(operator.id for operator in content.operators),
        *(link.id for link in content.links),
        *(io.id for io in [*content.inputs, *content.outputs, *content.constants]),
    ]
    mapping = {str(old): str(uuid5(NAMESPACE, f"{slug}/{number}")) for number, old in enumerate(fresh)}
    return parse_transformation(_replaced(tr.model_dump(mode="json"), mapping), f"workflow {tr.name!r}")


def _replaced(value: Any, mapping: dict[str, str]) -> Any:
    if isinstance(value, str):
        return mapping.get(value, value)
    if isinstance(value, dict):
        return {key: _replaced(item, mapping) for key, item in value.items()}
    if isinstance(value, list):
        return [_replaced(item, mapping) for item in value]
    return value


# Example data ----------------------------------------------------------------------------------------------


def _stamp(offset: timedelta) -> str:
    return (_START + offset).strftime("%Y-%m-%dT%H:%M:%SZ")


def _series(values: Sequence[float | None], *, minutes: Sequence[int] | None = None) -> str:
    """JSON text of a series, hourly from 2026-01-05 unless ``minutes`` gives each offset."""
    offsets = minutes if minutes is not None else [60 * hour for hour in range(len(values))]
    return json.dumps(
        {
            _stamp(timedelta(minutes=offset)): None if value is None else round(value, 3)
            for offset, value in zip(offsets, values, strict=True)
        }
    )


def _sensor(count: int) -> list[float]:
    """A daily cycle with a faster wiggle, as a temperature sensor might report it."""
    return [20 + 2 * math.sin(2 * math.pi * t / 24) + 0.4 * math.sin(1.7 * t) for t in range(count)]


def _with_spikes(values: list[float], spikes: dict[int, float]) -> list[float | None]:
    return [value + spikes.get(t, 0.0) for t, value in enumerate(values)]


def _quality_frame() -> str:
    """Three hourly sensor columns with gaps, as columns of {timestamp: value}."""
    base = _sensor(24)
    columns: dict[str, list[float | None]] = {
        "temperature": list(base),
        "pressure": [round(1 + 0.01 * t, 3) for t in range(24)],
        "flow": [round(40 - value, 3) for value in base],
    }
    for name, gaps in (("temperature", (4, 5)), ("pressure", (10, 11, 12, 13, 20)), ("flow", (7,))):
        for position in gaps:
            columns[name][position] = None
    stamps = [_stamp(timedelta(hours=hour)) for hour in range(24)]
    return json.dumps(
        {
            name: {s: None if v is None else round(v, 3) for s, v in zip(stamps, values, strict=True)}
            for name, values in columns.items()
        }
    )


def _labelled_rows(library: _Library) -> str:
    """The rows of the Logistic Regression Train example with the label as the column ``state``."""
    rows = json.loads(library.example("Logistic Regression Train", "features"))
    labels = json.loads(library.example("Logistic Regression Train", "target"))
    return json.dumps([{**row, "state": labels[str(number)]} for number, row in enumerate(rows)])


# The examples ----------------------------------------------------------------------------------------------


def _sensor_anomaly_detection(library: _Library) -> TransformationRevision:
    draft = _Draft(
        "sensor-anomaly-detection",
        "Sensor Anomaly Detection Example",
        "Z-score alerts on a sensor series with gaps, as intervals and a plot",
        "Fills the gaps of a sensor series, flags values far from the mean and reports the alert "
        "intervals with a plot of the series and its alerts.",
        "Interpolate Missing Values fills gaps linearly in time, so a gap cannot hide or cause an "
        "alert. Z-Score Alerts compares each value with the mean of the whole series; Alert "
        "Intervals turns consecutive alerts into one row each.",
    )
    b = draft.builder
    fill = draft.add(library["Interpolate Missing Values"])
    scores = draft.add(library["Z-Score Alerts"])
    intervals = draft.add(library["Alert Intervals"])
    plot = draft.add(library["Series with Alerts Plot"])
    b.link(fill.output("interpolated"), scores.input("series"))
    b.link(fill.output("interpolated"), plot.input("series"))
    b.link(scores.output("alerts"), intervals.input("alerts"))
    b.link(scores.output("alerts"), plot.input("alerts"))
    values = _with_spikes(_sensor(48), {11: 6.0, 35: -6.5})
    for gap in (5, 6, 20):
        values[gap] = None
    draft.input(
        "series",
        fill.input("series"),
        "the sensor values; missing values are allowed",
        example=_series(values),
    )
    draft.input(
        "threshold", scores.input("threshold"), "z-score above which a value is an alert", default="2.5"
    )
    draft.output("alerts", scores.output("alerts"), "true at the anomalous values")
    draft.output("intervals", intervals.output("intervals"), "one row per run of consecutive alerts")
    draft.output("plot", plot.output("plot"), "the series with its alerts marked")
    return draft.build()


def _isolation_forest_detection(library: _Library) -> TransformationRevision:
    draft = _Draft(
        "isolation-forest-anomaly-detection",
        "Isolation Forest Anomaly Detection Example",
        "Unusual patterns in a series found by an isolation forest on lag features",
        "Describes every point of a series by the values before it and lets an isolation forest "
        "find the points whose recent history is unusual.",
        "Lag Features turns the series into a table of the previous `lags` values per point. The "
        "isolation forest is trained and evaluated on that table (fixed seed), and its alerts are "
        "drawn on the series.",
    )
    b = draft.builder
    lags = draft.add(library["Lag Features"])
    forest = draft.add(library["Isolation Forest"])
    plot = draft.add(library["Series with Alerts Plot"])
    b.link(lags.output("features"), forest.input("train_data"))
    b.link(lags.output("features"), forest.input("data"))
    b.link(lags.output("target"), plot.input("series"))
    b.link(forest.output("alerts"), plot.input("alerts"))
    series = _series(_with_spikes(_sensor(48), {11: 6.0, 35: -6.5}))
    draft.input("series", lags.input("series"), "the values, without gaps", example=series)
    draft.input("lags", lags.input("lags"), "how many previous values describe a point", default="3")
    draft.output(
        "scores", forest.output("scores"), "the isolation forest score per point; negative is unusual"
    )
    draft.output("alerts", forest.output("alerts"), "true at the points classified as anomalies")
    draft.output("plot", plot.output("plot"), "the series with its alerts marked")
    return draft.build()


def _train_and_store(library: _Library) -> TransformationRevision | None:
    store = library.by_id(STORE_OBJECT_ID)
    if store is None or library.by_id(LOAD_OBJECT_ID) is None:
        return None
    draft = _Draft(
        "train-and-store-regression-model",
        "Train and Store Regression Model Example",
        "Trains a linear regression and stores the model in the object store",
        "Trains a linear regression on a table and persists the fitted model with Store Object, "
        "so that Load Model and Predict Example can use it in a later run.",
        "The stored object is the fitted scikit-learn estimator. It is sealed with the code hashes "
        "and the environment of this run, so loading it later checks that it still fits. A name "
        "and tag are stored only once: store a retrained model under a new tag.",
    )
    b = draft.builder
    split = draft.add(library["Split Features and Target"])
    train = draft.add(library["Linear Regression Train"])
    keep = draft.add(store)
    b.link(split.output("features"), train.input("features"))
    b.link(split.output("target"), train.input("target"))
    b.link(train.output("model"), keep.input("obj"))
    draft.input(
        "data",
        split.input("data"),
        "the training rows",
        example=library.example("Split Features and Target", "data"),
    )
    draft.input("target_column", split.input("target_column"), "the column to predict", example="y")
    draft.input("name", keep.input("name"), "the name to store the model under", example=MODEL_NAME)
    draft.input("tag", keep.input("tag"), "the tag to store the model under", example=MODEL_TAG)
    draft.output("coefficients", train.output("coefficients"), "the fitted coefficient per feature")
    draft.output("intercept", train.output("intercept"), "the fitted intercept")
    return draft.build()


def _load_and_predict(library: _Library) -> TransformationRevision | None:
    load = library.by_id(LOAD_OBJECT_ID)
    if load is None or library.by_id(STORE_OBJECT_ID) is None:
        return None
    draft = _Draft(
        "load-model-and-predict",
        "Load Model and Predict Example",
        "Loads a stored regression model and predicts new rows with it",
        "Loads the model Train and Store Regression Model Example stored and predicts the rows of "
        "`features` with it.",
        "Run Train and Store Regression Model Example first. Load Object checks the seal of the "
        "stored model before unpickling it; the tag `latest` loads the tag stored last.",
    )
    b = draft.builder
    fetch = draft.add(load)
    predict = draft.add(library["Regression Predict"])
    b.link(fetch.output("obj"), predict.input("model"))
    draft.input("name", fetch.input("name"), "the name the model was stored under", example=MODEL_NAME)
    draft.input("tag", fetch.input("tag"), "the tag, or latest", example=MODEL_TAG)
    draft.input(
        "features",
        predict.input("features"),
        "the rows to predict",
        example=library.example("Regression Predict", "features"),
    )
    draft.output("predictions", predict.output("predictions"), "one prediction per row")
    return draft.build()


def _data_quality_report(library: _Library) -> TransformationRevision:
    draft = _Draft(
        "data-quality-report",
        "Data Quality Report Example",
        "Completeness, missing values and repeated timestamps of a table, with a plot",
        "Checks a table of sensor columns: how complete each column is, the share of missing cells "
        "and repeated timestamps, and plots the columns so the gaps show.",
        "Pass Through (DataFrame) lets the one input feed all checks. The completeness report has "
        "one row per column.",
    )
    b = draft.builder
    data = draft.add(library["Pass Through (DataFrame)"])
    report = draft.add(library["Completeness Report"])
    ratio = draft.add(library["Missing Value Ratio"])
    duplicates = draft.add(library["Duplicate Index Count"])
    plot = draft.add(library["Multi-Series Line Plot"])
    for port in (
        report.input("dataframe"),
        ratio.input("data"),
        duplicates.input("data"),
        plot.input("data"),
    ):
        b.link(data.output("output"), port)
    draft.input(
        "data", data.input("input"), "the table to check, indexed by timestamp", example=_quality_frame()
    )
    draft.output("report", report.output("report"), "rows, present, missing and completeness per column")
    draft.output("missing_ratio", ratio.output("ratio"), "the share of missing cells in the whole table")
    draft.output(
        "repeated_timestamps", duplicates.output("count"), "how many timestamps occur more than once"
    )
    draft.output("plot", plot.output("plot"), "the columns over time; gaps are missing values")
    return draft.build()


def _remaining_useful_life(library: _Library) -> TransformationRevision:
    draft = _Draft(
        "remaining-useful-life",
        "Remaining Useful Life Example",
        "When a degrading measurement reaches its limit, from a linear trend",
        "Fits a linear trend to a wear measurement, tells when it reaches the limit and draws the "
        "measurements, the forecast and the limit.",
        "The pass-through operators let the series and the limit feed both the estimate and the "
        "plot. The forecast extends 30 days past the last measurement.",
    )
    b = draft.builder
    series = draft.add(library["Pass Through (Series)"])
    limit = draft.add(library["Pass Through (Float)"])
    rul = draft.add(library["Linear Trend Limit Crossing"])
    plot = draft.add(library["Trend and Limit Plot"])
    b.link(series.output("output"), rul.input("series"))
    b.link(series.output("output"), plot.input("series"))
    b.link(limit.output("output"), rul.input("limit"))
    b.link(limit.output("output"), plot.input("limit"))
    b.link(rul.output("forecast"), plot.input("forecast"))
    example = library.example("Linear Trend Limit Crossing", "series")
    draft.input(
        "series", series.input("input"), "the wear measurements, indexed by timestamp", example=example
    )
    draft.input("limit", limit.input("input"), "the value that ends the useful life", example="45.0")
    draft.output(
        "crossing_time", rul.output("crossing_time"), "when the trend reaches the limit; empty if never"
    )
    draft.output(
        "remaining_days", rul.output("remaining_days"), "days from the last measurement to the crossing"
    )
    draft.output("slope", rul.output("slope"), "the change per day")
    draft.output("plot", plot.output("plot"), "measurements, forecast and limit")
    return draft.build()


def _seasonality_analysis(library: _Library) -> TransformationRevision:
    draft = _Draft(
        "seasonality-analysis",
        "Seasonality Analysis Example",
        "Finds the season length of a series and decomposes it into trend, season and residual",
        "Puts a series on a regular grid, finds the length of its strongest cycle and decomposes "
        "it with that period, with one subplot per component.",
        "Dominant Period feeds its period straight into Seasonal Decomposition, so the workflow "
        "adapts to daily, weekly or any other cycle in the data.",
    )
    b = draft.builder
    grid = draft.add(library["Resample to Regular Grid"])
    period = draft.add(library["Dominant Period"])
    parts = draft.add(library["Seasonal Decomposition"])
    plot = draft.add(library["Stacked Subplots"])
    b.link(grid.output("resampled"), period.input("series"))
    b.link(grid.output("resampled"), parts.input("series"))
    b.link(period.output("period"), parts.input("period"))
    b.link(parts.output("components"), plot.input("data"))
    example = library.example("Dominant Period", "series")
    draft.input("series", grid.input("series"), "the values, indexed by timestamp", example=example)
    draft.input("frequency", grid.input("frequency"), "the spacing of the regular grid", default="1h")
    draft.output("period", period.output("period"), "the season length in grid points")
    draft.output("seasonal", parts.output("seasonal"), "the seasonal pattern")
    draft.output("trend", parts.output("trend"), "the trend")
    draft.output("plot", plot.output("plot"), "observed, trend, seasonal and residual, one subplot each")
    return draft.build()


def _smoothing_comparison(library: _Library) -> TransformationRevision:
    draft = _Draft(
        "smoothing-comparison",
        "Smoothing Comparison Example",
        "A noisy series smoothed three ways, drawn on top of each other",
        "Smooths one series with a moving average, exponential smoothing and a Savitzky-Golay "
        "filter and draws all of them over the raw values.",
        "The moving average lags behind changes, exponential smoothing lags less, and the "
        "Savitzky-Golay filter keeps the height and position of peaks best.",
    )
    b = draft.builder
    raw = draft.add(library["Pass Through (Series)"])
    mavg = draft.add(library["Moving Average (Points)"])
    ewm = draft.add(library["Exponential Smoothing"])
    golay = draft.add(library["Savitzky-Golay Smoothing"])
    plot = draft.add(library["Series Overlay Plot"])
    for port in (mavg.input("series"), ewm.input("series"), golay.input("series"), plot.input("series_1")):
        b.link(raw.output("output"), port)
    b.link(mavg.output("mavg"), plot.input("series_2"))
    b.link(ewm.output("smoothed"), plot.input("series_3"))
    b.link(golay.output("smoothed"), plot.input("series_4"))
    b.constant(plot.input("labels"), "raw, moving average, exponential, Savitzky-Golay")
    example = library.example("Savitzky-Golay Smoothing", "series")
    draft.input("series", raw.input("input"), "the noisy values", example=example)
    draft.input("window", mavg.input("window"), "points per moving average window", default="5")
    draft.input("alpha", ewm.input("alpha"), "the exponential smoothing factor", default="0.3")
    draft.input(
        "window_length", golay.input("window_length"), "points per Savitzky-Golay window (odd)", default="7"
    )
    draft.output("moving_average", mavg.output("mavg"), "the moving average")
    draft.output("exponential", ewm.output("smoothed"), "the exponentially smoothed series")
    draft.output("savitzky_golay", golay.output("smoothed"), "the Savitzky-Golay smoothed series")
    draft.output("plot", plot.output("plot"), "all four series in one plot")
    return draft.build()


def _change_point_detection(library: _Library) -> TransformationRevision:
    draft = _Draft(
        "change-point-detection",
        "Change Point Detection Example",
        "Shifts of the mean found by CUSUM and by a best single split, with a plot",
        "Finds where the level of a series shifts: CUSUM reports every shift as it happens, the mean "
        "shift search the single best split with the levels before and after.",
        "Both methods see the same series through Pass Through (Series). The plot marks the CUSUM "
        "change points on the series.",
    )
    b = draft.builder
    series = draft.add(library["Pass Through (Series)"])
    cusum = draft.add(library["CUSUM Change Points"])
    shift = draft.add(library["Mean Shift Change Point"])
    plot = draft.add(library["Series with Alerts Plot"])
    for port in (cusum.input("series"), shift.input("series"), plot.input("series")):
        b.link(series.output("output"), port)
    b.link(cusum.output("change_points"), plot.input("alerts"))
    example = library.example("CUSUM Change Points", "series")
    draft.input("series", series.input("input"), "the values, indexed by timestamp", example=example)
    draft.input(
        "threshold", cusum.input("threshold"), "the CUSUM alarm level in standard deviations", default="5.0"
    )
    draft.output("change_points", cusum.output("change_points"), "true where CUSUM found a shift")
    draft.output("change_point", shift.output("change_point"), "where the best single split starts")
    draft.output("mean_before", shift.output("mean_before"), "the level before that split")
    draft.output("mean_after", shift.output("mean_after"), "the level after it")
    draft.output("plot", plot.output("plot"), "the series with the CUSUM change points marked")
    return draft.build()


def _classification(library: _Library) -> TransformationRevision:
    draft = _Draft(
        "classification",
        "Classification Train and Evaluate Example",
        "Trains a logistic regression on standardised features and evaluates it on held-out rows",
        "Splits labelled rows into training and test rows, standardises the features with the "
        "training statistics, trains a logistic regression and scores its predictions on the test "
        "rows.",
        "The scaler is fitted on the training rows only and applied to the test rows, so no "
        "information leaks from the test rows into the model. The split is seeded and repeats "
        "exactly.",
    )
    b = draft.builder
    target = draft.add(library["Pass Through (String)"])
    split = draft.add(library["Train Test Split"])
    train_xy = draft.add(library["Split Features and Target"], "Split Training Rows")
    test_xy = draft.add(library["Split Features and Target"], "Split Test Rows")
    fit = draft.add(library["Standard Scaler Fit"])
    scale = draft.add(library["Standard Scaler Transform"])
    train = draft.add(library["Logistic Regression Train"])
    predict = draft.add(library["Classification Predict"])
    metrics = draft.add(library["Classification Metrics"])
    b.link(split.output("train"), train_xy.input("data"))
    b.link(split.output("test"), test_xy.input("data"))
    b.link(target.output("output"), train_xy.input("target_column"))
    b.link(target.output("output"), test_xy.input("target_column"))
    b.link(train_xy.output("features"), fit.input("data"))
    b.link(fit.output("scaler"), scale.input("scaler"))
    b.link(test_xy.output("features"), scale.input("data"))
    b.link(fit.output("scaled"), train.input("features"))
    b.link(train_xy.output("target"), train.input("target"))
    b.link(train.output("model"), predict.input("model"))
    b.link(scale.output("scaled"), predict.input("features"))
    b.link(test_xy.output("target"), metrics.input("actual"))
    b.link(predict.output("predictions"), metrics.input("predicted"))
    draft.input(
        "data",
        split.input("data"),
        "labelled rows: feature columns and a label column",
        example=_labelled_rows(library),
    )
    draft.input("target_column", target.input("input"), "the label column", example="state")
    draft.input(
        "test_size", split.input("test_size"), "the share of rows held out for testing", default="0.25"
    )
    draft.output("accuracy", metrics.output("accuracy"), "the share of correctly classified test rows")
    draft.output("f1", metrics.output("f1"), "the macro F1 score on the test rows")
    draft.output(
        "confusion_matrix", metrics.output("confusion_matrix"), "test rows by true and predicted label"
    )
    draft.output("probabilities", predict.output("probabilities"), "the class probabilities of the test rows")
    return draft.build()


def _regression(library: _Library) -> TransformationRevision:
    draft = _Draft(
        "regression-with-metrics",
        "Regression with Metrics Example",
        "Trains a random forest regression and evaluates it on held-out rows",
        "Splits rows into training and test rows, trains a seeded random forest, predicts the test "
        "rows and reports MAE, RMSE and R squared with a plot of predictions against true values.",
        "Split, forest and therefore all metrics repeat exactly for the same data, because every "
        "random choice is seeded.",
    )
    b = draft.builder
    target = draft.add(library["Pass Through (String)"])
    split = draft.add(library["Train Test Split"])
    train_xy = draft.add(library["Split Features and Target"], "Split Training Rows")
    test_xy = draft.add(library["Split Features and Target"], "Split Test Rows")
    forest = draft.add(library["Random Forest Regression Train"])
    predict = draft.add(library["Regression Predict"])
    metrics = draft.add(library["Regression Metrics"])
    plot = draft.add(library["Actual vs. Predicted Plot"])
    b.link(split.output("train"), train_xy.input("data"))
    b.link(split.output("test"), test_xy.input("data"))
    b.link(target.output("output"), train_xy.input("target_column"))
    b.link(target.output("output"), test_xy.input("target_column"))
    b.link(train_xy.output("features"), forest.input("features"))
    b.link(train_xy.output("target"), forest.input("target"))
    b.link(forest.output("model"), predict.input("model"))
    b.link(test_xy.output("features"), predict.input("features"))
    b.link(test_xy.output("target"), metrics.input("actual"))
    b.link(predict.output("predictions"), metrics.input("predicted"))
    b.link(test_xy.output("target"), plot.input("actual"))
    b.link(predict.output("predictions"), plot.input("predicted"))
    example = library.example("Split Features and Target", "data")
    draft.input("data", split.input("data"), "rows of feature columns and a target column", example=example)
    draft.input("target_column", target.input("input"), "the column to predict", example="y")
    draft.input("n_estimators", forest.input("n_estimators"), "number of trees", default="100")
    draft.output("mae", metrics.output("mae"), "the mean absolute error on the test rows")
    draft.output("rmse", metrics.output("rmse"), "the root mean squared error on the test rows")
    draft.output("r2", metrics.output("r2"), "R squared on the test rows")
    draft.output(
        "feature_importances", forest.output("feature_importances"), "the importance of each feature"
    )
    draft.output("plot", plot.output("plot"), "predictions against true values")
    return draft.build()


def _volatility_detection(library: _Library) -> TransformationRevision:
    draft = _Draft(
        "volatility-detection",
        "Volatility Detection Example",
        "Alerts for periods in which a series fluctuates strongly",
        "Scores how strongly a series fluctuates in a trailing time window and raises alerts where "
        "the score exceeds a threshold, with plots of the score and of the alerts.",
        "The score is the rolling standard deviation of Volatility Score. Resampled Volatility "
        "Detection Example uses this workflow as a nested operator.",
    )
    b = draft.builder
    series = draft.add(library["Pass Through (Series)"])
    score = draft.add(library["Volatility Score"])
    alerts = draft.add(library["Threshold Alerts"])
    score_plot = draft.add(library["Line Plot"])
    alerts_plot = draft.add(library["Series with Alerts Plot"])
    b.link(series.output("output"), score.input("series"))
    b.link(series.output("output"), alerts_plot.input("series"))
    b.link(score.output("score"), alerts.input("series"))
    b.link(score.output("score"), score_plot.input("series"))
    b.link(alerts.output("alerts"), alerts_plot.input("alerts"))
    b.constant(score_plot.input("title"), "Volatility score")
    example = library.example("Volatility Score", "series")
    draft.input("series", series.input("input"), "the values, indexed by timestamp", example=example)
    draft.input("window", score.input("window"), "the trailing window of the score", default="4h")
    draft.input("threshold", alerts.input("upper"), "the score above which an alert is raised", example="0.5")
    draft.output("alerts", alerts.output("alerts"), "true where the score exceeds the threshold")
    draft.output("score_plot", score_plot.output("plot"), "the volatility score over time")
    draft.output("alerts_plot", alerts_plot.output("plot"), "the series with its alerts marked")
    return draft.build()


def _resampled_volatility(library: _Library) -> TransformationRevision:
    draft = _Draft(
        "resampled-volatility-detection",
        "Resampled Volatility Detection Example",
        "Volatility alerts for an irregularly sampled series, using a nested workflow",
        "Puts an irregularly sampled series on a regular grid and runs Volatility Detection "
        "Example on it as a nested workflow, then lists the alert periods.",
        "A released workflow is an operator like a component: its inputs and outputs are those "
        "the nested workflow exposes.",
    )
    b = draft.builder
    grid = draft.add(library["Resample to Regular Grid"])
    nested = draft.add(library["Volatility Detection Example"])
    intervals = draft.add(library["Alert Intervals"])
    b.link(grid.output("resampled"), nested.input("series"))
    b.link(nested.output("alerts"), intervals.input("alerts"))
    values = json.loads(library.example("Volatility Score", "series")).values()
    minutes = [60 * hour + (7 * hour) % 23 for hour in range(len(values))]
    draft.input(
        "series",
        grid.input("series"),
        "irregularly sampled values",
        example=_series(list(values), minutes=minutes),
    )
    draft.input("frequency", grid.input("frequency"), "the spacing of the regular grid", default="1h")
    draft.input(
        "threshold", nested.input("threshold"), "the score above which an alert is raised", example="0.5"
    )
    draft.output("alerts", nested.output("alerts"), "true at the grid points with volatile values")
    draft.output("intervals", intervals.output("intervals"), "one row per volatile period")
    draft.output("alerts_plot", nested.output("alerts_plot"), "the resampled series with its alerts marked")
    return draft.build()


def _multitsframe_statistics(library: _Library) -> TransformationRevision:
    draft = _Draft(
        "multitsframe-pivot-statistics",
        "MULTITSFRAME Pivot and Statistics Example",
        "Long-format measurements pivoted to columns, described and correlated",
        "Pivots a MULTITSFRAME (one row per timestamp, metric and value) into one column per "
        "metric, describes each metric and correlates them, with plots of the raw metrics and of "
        "the correlations.",
        "MultiTSFrame to DataFrame needs each metric at most once per timestamp.",
    )
    b = draft.builder
    frame = draft.add(library["Pass Through (MultiTSFrame)"])
    wide = draft.add(library["MultiTSFrame to DataFrame"])
    summary = draft.add(library["Summary Statistics"])
    heatmap = draft.add(library["Correlation Heatmap"])
    plot = draft.add(library["MULTITSFRAME Plot"])
    b.link(frame.output("output"), wide.input("multitsframe"))
    b.link(frame.output("output"), plot.input("multitsframe"))
    b.link(wide.output("dataframe"), summary.input("data"))
    b.link(wide.output("dataframe"), heatmap.input("data"))
    example = library.example("MULTITSFRAME Plot", "multitsframe")
    draft.input("multitsframe", frame.input("input"), "the measurements in long format", example=example)
    draft.output("dataframe", wide.output("dataframe"), "one column per metric, indexed by timestamp")
    draft.output("summary", summary.output("summary"), "count, mean, std, min, quartiles and max per metric")
    draft.output("correlation_plot", heatmap.output("plot"), "the correlations of the metrics")
    draft.output("plot", plot.output("plot"), "each metric over time")
    return draft.build()


def _lag_forecast(library: _Library) -> TransformationRevision:
    draft = _Draft(
        "lag-regression-forecast",
        "Lag Regression Forecast Example",
        "One-step-ahead forecast of a series from its previous values by linear regression",
        "Learns each value of a series as a linear function of the values before it (an "
        "autoregressive model), and reports how well that fits.",
        "The model is evaluated on the rows it was trained on, so the metrics describe the fit; "
        "hold out the last rows with Train Test Split (shuffle false) to test a forecast.",
    )
    b = draft.builder
    lags = draft.add(library["Lag Features"])
    train = draft.add(library["Linear Regression Train"])
    predict = draft.add(library["Regression Predict"])
    metrics = draft.add(library["Regression Metrics"])
    plot = draft.add(library["Series Overlay Plot"])
    b.link(lags.output("features"), train.input("features"))
    b.link(lags.output("target"), train.input("target"))
    b.link(train.output("model"), predict.input("model"))
    b.link(lags.output("features"), predict.input("features"))
    b.link(lags.output("target"), metrics.input("actual"))
    b.link(predict.output("predictions"), metrics.input("predicted"))
    b.link(lags.output("target"), plot.input("series_1"))
    b.link(predict.output("predictions"), plot.input("series_2"))
    b.constant(plot.input("labels"), "actual, one step ahead")
    example = library.example("Lag Features", "series")
    draft.input("series", lags.input("series"), "the values, evenly sampled", example=example)
    draft.input("lags", lags.input("lags"), "how many previous values the forecast uses", default="3")
    draft.output("coefficients", train.output("coefficients"), "the weight of each previous value")
    draft.output("rmse", metrics.output("rmse"), "the root mean squared error of the fit")
    draft.output("r2", metrics.output("r2"), "R squared of the fit")
    draft.output("plot", plot.output("plot"), "the series and its one-step-ahead forecast")
    return draft.build()


_EXAMPLES: list[Callable[[_Library], TransformationRevision | None]] = [
    _sensor_anomaly_detection,
    _isolation_forest_detection,
    _train_and_store,
    _load_and_predict,
    _data_quality_report,
    _remaining_useful_life,
    _seasonality_analysis,
    _smoothing_comparison,
    _change_point_detection,
    _classification,
    _regression,
    _volatility_detection,
    _resampled_volatility,
    _multitsframe_statistics,
    _lag_forecast,
]

__all__ = ["CATEGORY", "LOAD_OBJECT_ID", "NAMESPACE", "RELEASED", "STORE_OBJECT_ID", "load_workflows"]
