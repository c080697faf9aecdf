"""``POST /api/transformations/execute`` and ``.../execute-latest``: runs over HTTP."""

from __future__ import annotations

import json
import threading
import time
from datetime import timedelta
from typing import Any
from uuid import uuid4

import httpx
import pandas as pd
import pytest

from sealflow.adapters.protocol import wiring_from_values
from sealflow.model import lifecycle
from sealflow.model.datatypes import State
from sealflow.model.transformation import TransformationRevision
from support import RELEASED_AT, add_component, component

Json = dict[str, Any]
DEMO = "Sensor Outlier Demo"


def store(api: httpx.Client, *revisions: TransformationRevision) -> None:
    for tr in revisions:
        response = api.put(
            f"/api/transformations/{tr.id}", json=tr.to_json_dict(), params={"update_component_code": False}
        )
        assert response.status_code == 201, response.text


def execute(api: httpx.Client, body: Json, path: str = "/api/transformations/execute") -> Json:
    response = api.post(path, json=body)
    assert response.status_code == 200, response.text
    result: Json = response.json()
    return result


def direct(values: dict[str, Any]) -> Json:
    wiring: Json = wiring_from_values(values).model_dump(mode="json")
    return wiring


def series_of(encoded: Json) -> pd.Series:
    """A series from its wrapped JSON form, read independently of Sealflow's own decoder."""
    assert encoded["__hd_wrapped_data_object__"] == "SERIES"
    data = encoded["__data__"]
    return pd.Series(data["data"], index=pd.to_datetime(data["index"], utc=True))


def expected_demo(raw: dict[str, float], threshold: float) -> tuple[pd.Series, pd.Series]:
    """The demo workflow computed with pandas: moving average of 3, then z-score outliers of the residual."""
    series = pd.Series(raw)
    series.index = pd.to_datetime(series.index, utc=True)
    smoothed = series.rolling(3, min_periods=1).mean()
    residual = series - smoothed
    outliers = (residual - residual.mean()).abs() / residual.std() > threshold
    return smoothed, outliers


def test_execute_demo_with_its_test_wiring(api: httpx.Client, imported_demo: dict[str, Json]):
    workflow = imported_demo[DEMO]
    raw = json.loads(workflow["test_wiring"]["input_wirings"][0]["filters"]["value"])

    result = execute(api, {"id": workflow["id"], "wiring": None})

    assert result["result"] == "ok"
    smoothed, outliers = expected_demo(raw, threshold=2.0)
    pd.testing.assert_series_equal(series_of(result["output_results_by_output_name"]["smoothed"]), smoothed)
    pd.testing.assert_series_equal(
        series_of(result["output_results_by_output_name"]["outliers"]), outliers, check_names=False
    )
    assert outliers.sum() == 1
    assert result["output_types_by_output_name"] == {"smoothed": "SERIES", "outliers": "SERIES"}
    assert {"internal_full", "pure_execution"} <= set(result["measured_steps"])
    assert "error" not in result
    assert "traceback" not in result


def test_execute_with_a_wiring(api: httpx.Client, imported_demo: dict[str, Json], sensor: str):
    workflow = imported_demo[DEMO]

    result = execute(api, {"id": workflow["id"], "wiring": direct({"series": sensor, "threshold": 1.5})})

    _, outliers = expected_demo(json.loads(sensor), threshold=1.5)
    got = series_of(result["output_results_by_output_name"]["outliers"])
    assert got.tolist() == outliers.tolist()
    assert api.get(f"/api/transformations/{workflow['id']}").json()["test_wiring"] == workflow["test_wiring"]


def test_execute_a_component_with_a_job_id(api: httpx.Client):
    add = add_component()
    store(api, add)
    job_id = str(uuid4())

    result = execute(api, {"id": str(add.id), "wiring": direct({"a": 1, "b": 2}), "job_id": job_id})

    assert result["output_results_by_output_name"] == {"sum": 3}
    assert result["job_id"] == job_id


def test_a_job_id_runs_once(api: httpx.Client):
    add = add_component()
    store(api, add)
    body = {"id": str(add.id), "wiring": direct({"a": 1, "b": 2}), "job_id": str(uuid4())}

    first = api.post("/api/transformations/execute", json=body)
    second = api.post("/api/transformations/execute", json=body)

    assert first.status_code == 200
    assert second.status_code == 409
    assert "give every run its own job id" in second.json()["detail"]


def test_a_failed_run_answers_200_with_the_error(api: httpx.Client):
    failing = component("Fail", {"x": "INT"}, {"y": "INT"}, "raise ValueError(f'no {x}')")
    store(api, failing)

    result = execute(api, {"id": str(failing.id), "wiring": direct({"x": 7})})

    assert result["result"] == "failure"
    assert result["output_results_by_output_name"] == {}
    assert result["error"]["type"] == "ValueError"
    assert result["error"]["message"] == "no 7"
    assert result["error"]["process_stage"] == "EXECUTING_COMPONENT_CODE"
    assert "ValueError" in result["traceback"]


@pytest.mark.parametrize(
    ("plots", "expected"),
    [
        pytest.param(False, {}, id="skipped"),
        pytest.param(True, {"data": [{"type": "bar", "y": [1]}]}, id="run"),
    ],
)
def test_run_pure_plot_operators(api: httpx.Client, plots: bool, expected: Json):
    plot = component(
        "Plot", {"x": "INT"}, {"fig": "PLOTLYJSON"}, "return {'fig': {'data': [{'type': 'bar', 'y': [x]}]}}"
    )
    store(api, plot)

    result = execute(api, {"id": str(plot.id), "wiring": direct({"x": 1}), "run_pure_plot_operators": plots})

    assert result["output_results_by_output_name"] == {"fig": expected}


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        pytest.param(
            {"wiring": direct({"a": 1, "b": 2, "c": 3})}, 422, "has no input(s) 'c'", id="unknown-input"
        ),
        pytest.param({"wiring": direct({"a": 1})}, 422, "input(s) 'b'", id="missing-input"),
        pytest.param({"wiring": None}, 422, "have no value", id="empty-test-wiring"),
        pytest.param({"id": str(uuid4())}, 404, "no transformation revision", id="unknown-id"),
        pytest.param({"id": "nope"}, 422, "body.id", id="bad-id"),
        pytest.param({"job_id": "not-a-uuid", "wiring": None}, 422, "body.job_id", id="bad-job-id"),
    ],
)
def test_execute_errors(api: httpx.Client, body: Json, status: int, detail: str):
    add = add_component()
    store(api, add)

    response = api.post("/api/transformations/execute", json={"id": str(add.id)} | body)

    assert response.status_code == status, response.text
    assert detail in response.json()["detail"]


def test_execute_latest_runs_the_newest_released_revision(api: httpx.Client):
    first = add_component()
    group = {"revision_group_id": first.revision_group_id}
    second = component(
        "Add", {"a": "INT", "b": "INT"}, {"sum": "INT"}, "return {'sum': 10 * (a + b)}", tag="2.0.0"
    )
    second = second.model_copy(update={**group, "released_timestamp": RELEASED_AT + timedelta(days=2)})
    older = component("Add", {"a": "INT", "b": "INT"}, {"sum": "INT"}, "return {'sum': -1}", tag="0.9.0")
    older = older.model_copy(update={**group, "released_timestamp": RELEASED_AT - timedelta(days=2)})
    newest_disabled = component(
        "Add", {"a": "INT", "b": "INT"}, {"sum": "INT"}, "return {'sum': -2}", tag="3.0.0"
    )
    newest_disabled = lifecycle.disable(
        newest_disabled.model_copy(update={**group, "released_timestamp": RELEASED_AT + timedelta(days=3)}),
        RELEASED_AT + timedelta(days=4),
    )
    draft = lifecycle.new_revision(second, uuid4(), "4.0.0")
    store(api, older, first, second, newest_disabled, draft)

    result = execute(
        api,
        {"revision_group_id": str(first.revision_group_id), "wiring": direct({"a": 1, "b": 2})},
        "/api/transformations/execute-latest/",
    )

    assert result["output_results_by_output_name"] == {"sum": 30}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        pytest.param({"revision_group_id": str(uuid4()), "wiring": {}}, 404, id="unknown-group"),
        pytest.param({"revision_group_id": "draft-group", "wiring": {}}, 404, id="only-drafts"),
        pytest.param({"revision_group_id": "draft-group"}, 422, id="no-wiring"),
    ],
)
def test_execute_latest_errors(api: httpx.Client, body: Json, status: int):
    draft = add_component().model_copy(update={"state": State.DRAFT, "released_timestamp": None})
    store(api, draft)
    if body["revision_group_id"] == "draft-group":
        body = body | {"revision_group_id": str(draft.revision_group_id)}

    response = api.post("/api/transformations/execute-latest", json=body)

    assert response.status_code == status, response.text
    if status == 404:
        assert "has no RELEASED revision" in response.json()["detail"]


def test_a_long_run_does_not_block_other_requests(sqlite_api: httpx.Client):
    slow = component("Slow", {"x": "INT"}, {"y": "INT"}, "import time\ntime.sleep(1.5)\nreturn {'y': x}")
    store(sqlite_api, slow)
    results: list[Json] = []

    def run() -> None:
        with httpx.Client(base_url=sqlite_api.base_url, timeout=30) as other:
            results.append(execute(other, {"id": str(slow.id), "wiring": direct({"x": 1})}))

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(0.3)
    start = time.perf_counter()
    info = sqlite_api.get("/api/info")
    answered_in = time.perf_counter() - start
    worker.join(timeout=30)

    assert info.status_code == 200
    assert answered_in < 0.75
    assert results[0]["output_results_by_output_name"] == {"y": 1}
