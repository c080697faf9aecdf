"""The synchronous client against the real service: lifecycle, runs on pandas values, records, errors."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from uuid import uuid4

import httpx
import pandas as pd
import plotly.graph_objects as go
import pytest

from sealflow import errors
from sealflow.client import Client
from sealflow.model.datatypes import State
from sealflow.model.execution import ExecutionStatus
from support import component

SERIES = pd.Series(
    [1.0, 2.5, -4.0],
    index=pd.date_range("2026-01-01", periods=3, freq="h", tz="UTC", unit="ns"),
    name="level",
)


def scale(state: State = State.DRAFT):
    return component(
        "Scale", {"x": "SERIES", "factor": "FLOAT"}, {"y": "SERIES"}, "return {'y': x * factor}", state=state
    )


def test_a_draft_goes_from_put_to_run_to_release_to_disable(service_url: str):
    tr = scale()
    with Client(service_url) as client:
        stored = client.put_transformation(tr, update_component_code=False)
        assert (stored.id, stored.state, stored.content) == (tr.id, State.DRAFT, tr.content)
        assert [item.id for item in client.list_transformations(names=["Scale"])] == [tr.id]

        outcome = client.execute(tr.id, {"x": SERIES, "factor": 2})
        assert outcome.ok
        pd.testing.assert_series_equal(outcome["y"], SERIES * 2, check_freq=False)

        released = client.release(tr.id)
        assert released.state is State.RELEASED
        assert released.released_timestamp is not None
        assert client.get_transformation(tr.id).content == tr.content

        latest = client.execute_latest(tr.revision_group_id, {"x": SERIES, "factor": -1.0})
        pd.testing.assert_series_equal(latest["y"], -SERIES, check_freq=False)

        disabled = client.disable(tr.id)
        assert disabled.state is State.DISABLED
        assert client.list_transformations(include_deprecated=False) == []


def test_runs_leave_records_that_replay(service_url: str):
    tr = scale(State.RELEASED)
    with Client(service_url) as client:
        client.put_transformation(tr)
        outcome = client.execute(tr.id, {"x": SERIES, "factor": 3})
        records = client.list_executions(transformation_id=tr.id)
        assert [str(record.id) for record in records] == [outcome.job_id]
        record = client.get_execution(outcome.job_id)
        assert (record.status, record.name) == (ExecutionStatus.OK, "Scale")
        report = client.replay(outcome.job_id)
        assert report.verdict == "identical"
        assert [item.name for item in report.outputs] == ["y"]


def test_dataframes_go_in_and_come_out_as_dataframes(service_url: str):
    tr = component(
        "Total",
        {"frame": "DATAFRAME"},
        {"total": "DATAFRAME", "n": "INT"},
        "return {'total': frame.assign(total=frame.sum(axis=1)), 'n': len(frame)}",
    )
    frame = pd.DataFrame({"a": [1.5, 2.0], "b": [3.0, 4.0]}, index=pd.Index([10, 20]))
    with Client(service_url) as client:
        client.put_transformation(tr)
        outcome = client.execute(tr.id, {"frame": frame})
    assert outcome["n"] == 2
    assert outcome["total"]["total"].tolist() == [4.5, 6.0]
    assert list(outcome["total"].columns) == ["a", "b", "total"]


def test_plots_come_out_as_figures_and_render_as_html(sqlite_service_url: str):
    tr = component(
        "Plot",
        {"x": "SERIES"},
        {"figure": "PLOTLYJSON", "mean": "FLOAT"},
        "figure = go.Figure(go.Scatter(y=list(x.values)))\n"
        "return {'figure': plotly_fig_to_json_dict(figure), 'mean': float(x.mean())}",
        header="import plotly.graph_objects as go\nfrom hdutils import plotly_fig_to_json_dict",
    )
    with Client(sqlite_service_url) as client:
        client.put_transformation(tr)
        outcome = client.execute(tr.id, {"x": SERIES})
    assert isinstance(outcome["figure"], go.Figure)
    assert list(outcome["figure"].data[0].y) == [1.0, 2.5, -4.0]
    page = outcome._repr_html_()
    assert "<strong>ok</strong>" in page
    assert "plotly" in page
    assert "<h4>mean</h4>" in page


def test_a_test_wiring_runs_when_no_inputs_are_given(sqlite_service_url: str):
    tr = scale().model_validate(
        scale().model_dump()
        | {
            "test_wiring": {
                "input_wirings": [
                    {"workflow_input_name": "x", "filters": {"value": "[1, 2]"}},
                    {"workflow_input_name": "factor", "filters": {"value": "10"}},
                ]
            }
        }
    )
    with Client(sqlite_service_url) as client:
        client.put_transformation(tr, update_component_code=False)
        assert client.execute(tr.id)["y"].tolist() == [10, 20]


def test_a_failed_run_raises_with_the_components_message(sqlite_service_url: str):
    tr = component("Broken", {"x": "INT"}, {"y": "INT"}, "raise ValueError('x is too small')")
    with Client(sqlite_service_url) as client:
        client.put_transformation(tr)
        with pytest.raises(errors.ExecutionFailed, match="x is too small") as caught:
            client.execute(tr.id, {"x": 1})
        assert caught.value.context["error"]["process_stage"] == "EXECUTING_COMPONENT_CODE"
        outcome = client.execute(tr.id, {"x": 1}, check=False)
        assert not outcome.ok
        assert "failed" in outcome._repr_html_()
        with pytest.raises(errors.ExecutionFailed, match="x is too small"):
            outcome["y"]


@pytest.mark.parametrize(
    ("action", "kind", "message"),
    [
        pytest.param(
            lambda client, tr: client.get_transformation(uuid4()),
            errors.TransformationNotFound,
            "no transformation",
            id="unknown-id",
        ),
        pytest.param(
            lambda client, tr: client.delete_transformation(tr.id),
            errors.Conflict,
            "RELEASED",
            id="delete-released",
        ),
        pytest.param(
            lambda client, tr: client.execute(tr.id, {"nope": 1}),
            errors.InvalidWiring,
            "no input",
            id="unknown-input",
        ),
        pytest.param(
            lambda client, tr: client.execute(tr.id, {"x": "not a series", "factor": 1}),
            errors.ExecutionFailed,
            "SERIES",
            id="unparsable-value",
        ),
        pytest.param(
            lambda client, tr: client.release(tr.id),
            errors.LifecycleViolation,
            "only a DRAFT",
            id="release-twice",
        ),
    ],
)
def test_error_answers_raise_the_servers_exception_class(service_url: str, action, kind, message):
    tr = scale(State.RELEASED)
    with Client(service_url) as client:
        client.put_transformation(tr)
        with pytest.raises(kind, match=message) as caught:
            action(client, tr)
    assert caught.value.message


def test_an_unreachable_service_raises_remote_error():
    with (
        Client("http://127.0.0.1:9", timeout=2) as client,
        pytest.raises(errors.RemoteError, match="cannot reach"),
    ):
        client.info()


def test_a_bad_url_is_refused_before_any_request():
    with pytest.raises(errors.InvalidInput, match="no service URL"):
        Client("localhost:8080")


@pytest.fixture
def header_echo() -> Iterator[str]:
    """A real HTTP server that answers every GET with the request's headers as JSON."""

    class Echo(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps({"detail": dict(self.headers), "error": "Unauthorized"}).encode()
            self.send_response(401)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_token_is_sent_as_bearer_and_an_unknown_error_class_follows_the_status(header_echo: str):
    with (
        Client(header_echo, token="s3cret") as client,
        pytest.raises(errors.AuthenticationRequired) as caught,
    ):
        client.info()
    assert caught.value.context["status"] == 401
    assert '"Authorization": "Bearer s3cret"' in caught.value.message
    with Client(header_echo) as client, pytest.raises(errors.AuthenticationRequired) as caught:
        client.info()
    assert "Authorization" not in caught.value.message


def test_an_own_transport_is_used_and_api_urls_work_with_or_without_api(sqlite_service_url: str):
    transport = httpx.HTTPTransport(retries=2)
    with Client(sqlite_service_url + "/api/", transport=transport) as client:
        assert client.info().msg == "Here I am"
        assert {adapter.id for adapter in client.adapters()} >= {"direct_provisioning"}
