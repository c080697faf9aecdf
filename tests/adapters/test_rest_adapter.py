import re
from typing import Any

import pandas as pd
import pytest

from sealflow.adapters.protocol import RunContext, SinkRequest, SourceRequest
from sealflow.adapters.rest import RestAdapter, RestAdapterEntry, parse_rest_adapters
from sealflow.errors import AdapterError, AdapterUnavailable
from sealflow.model.datatypes import DataType
from sealflow.model.wiring import InputWiring, OutputWiring
from sealflow.runtime.results import ProcessStage
from support import component

CONTEXT = RunContext(job_id="job", transformation_id="t")
SPAN = {"timestampFrom": "2026-01-01T00:00:00Z", "timestampTo": "2026-01-01T23:59:59Z"}
PATH = "/adapters/demo"


def source(name: str, ref_id: str, type_: str, data_type: str = "SERIES", **extra: Any) -> SourceRequest:
    wiring = InputWiring(
        workflow_input_name=name, adapter_id="demo-adapter", ref_id=ref_id, type=type_, **extra
    )
    return SourceRequest(name, DataType(data_type), wiring)


def sink(name: str, ref_id: str, type_: str, data_type: str = "SERIES", **extra: Any) -> SinkRequest:
    wiring = OutputWiring(
        workflow_output_name=name, adapter_id="demo-adapter", ref_id=ref_id, type=type_, **extra
    )
    return SinkRequest(name, DataType(data_type), wiring)


def points(*values: Any, hour: int = 0) -> list[dict[str, Any]]:
    return [{"timestamp": f"2026-01-01T{hour + i:02d}:00:00Z", "value": v} for i, v in enumerate(values)]


def stamps(count: int, hour: int = 0) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(
        pd.date_range(f"2026-01-01T{hour:02d}:00:00Z", periods=count, freq="h", unit="ns"), freq=None
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", [], id="none"),
        pytest.param(
            "demo|Demo|http://ext/demo|http://int:8092",
            [RestAdapterEntry("demo", "Demo", "http://ext/demo", "http://int:8092")],
            id="one",
        ),
        pytest.param(
            " a|A|http://e/a|http://i/a , b|B|http://e/b|https://i/b ,",
            [
                RestAdapterEntry("a", "A", "http://e/a", "http://i/a"),
                RestAdapterEntry("b", "B", "http://e/b", "https://i/b"),
            ],
            id="two-with-spaces",
        ),
    ],
)
def test_registration_entries_are_parsed(text, expected):
    assert parse_rest_adapters(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("demo|Demo|http://ext", "'demo|Demo|http://ext' is malformed", id="three-parts"),
        pytest.param("demo||http://e|http://i", "is malformed", id="empty-name"),
        pytest.param("demo|Demo|http://e|int:8092", "'int:8092' is no http(s) URL", id="internal-url"),
    ],
)
def test_malformed_registration_entries_are_refused(text, message):
    with pytest.raises(AdapterError, match=re.escape(message)):
        parse_rest_adapters(text)


def test_time_series_sharing_filters_come_in_one_request_with_their_attributes(rest, adapter_service):
    adapter_service.timeseries["ts1"] = points(1.5, 2.5, 3.5)
    adapter_service.timeseries["ts2"] = points(7, 8, hour=22) + points(9, hour=23)
    adapter_service.attributes[("timeseries", "ts1")] = {"unit": "°C"}
    requests = [
        source("a", "ts1", "timeseries(float)", filters=SPAN),
        source("b", "ts2", "series(float)", filters=SPAN),
        source("c", "ts1", "timeseries(float)", filters=SPAN),
    ]

    values = rest.load(requests, CONTEXT)

    assert [r[:2] for r in adapter_service.requests] == [("GET", f"{PATH}/timeseries")]
    assert adapter_service.requests[0][2] == [
        ("id", "ts1"),
        ("id", "ts2"),
        ("from", SPAN["timestampFrom"]),
        ("to", SPAN["timestampTo"]),
    ]
    pd.testing.assert_series_equal(values["a"], pd.Series([1.5, 2.5, 3.5], index=stamps(3), name="ts1"))
    pd.testing.assert_series_equal(
        values["b"],
        pd.Series([7.0, 8.0, 9.0], index=stamps(2, hour=22).append(stamps(1, hour=23)), name="ts2"),
    )
    assert values["a"].attrs == values["c"].attrs == {"unit": "°C"}
    assert values["b"].attrs == {}


def test_filters_become_query_parameters_and_span_filters_from_and_to(rest, adapter_service):
    adapter_service.timeseries["ts1"] = points(1, 2, 3, hour=5)
    span = {"timestampFrom": "2026-01-01T06:00:00Z", "timestampTo": "2026-01-01T06:30:00Z", "quality": "good"}

    values = rest.load([source("a", "ts1", "timeseries(int)", filters=span)], CONTEXT)

    assert ("quality", "good") in adapter_service.requests[0][2]
    pd.testing.assert_series_equal(values["a"], pd.Series([2], index=stamps(1, hour=6), name="ts1"))


def test_a_dataframe_gets_its_timestamp_column_as_sorted_index(rest, adapter_service):
    adapter_service.frames[("dataframe", "df1")] = [
        {"timestamp": "2026-01-01T01:00:00Z", "a": 2.0, "b": "y"},
        {"timestamp": "2026-01-01T00:00:00Z", "a": 1.0, "b": "x"},
    ]
    adapter_service.attributes[("dataframe", "df1")] = {"plant": "north"}

    frame = rest.load([source("f", "df1", "dataframe", "DATAFRAME")], CONTEXT)["f"]

    assert frame.index.equals(stamps(2))
    assert frame["a"].tolist() == [1.0, 2.0]
    assert frame["timestamp"].tolist() == stamps(2).tolist()
    assert frame.attrs == {"plant": "north"}


def test_a_multitsframe_loads_within_its_span(rest, adapter_service):
    adapter_service.frames[("multitsframe", "m1")] = [
        {"timestamp": "2026-01-02T00:00:00Z", "metric": "late", "value": 9.0},
        {"timestamp": "2026-01-01T00:00:00Z", "metric": "p", "value": 1.0},
    ]

    frame = rest.load([source("m", "m1", "multitsframe", "MULTITSFRAME", filters=SPAN)], CONTEXT)["m"]

    assert frame.to_dict("records") == [{"timestamp": stamps(1)[0], "metric": "p", "value": 1.0}]


@pytest.mark.parametrize(
    ("type_", "data_type", "extra", "empty"),
    [
        pytest.param("timeseries(float)", "SERIES", {"filters": SPAN}, pd.Series, id="timeseries"),
        pytest.param("dataframe", "DATAFRAME", {}, pd.DataFrame, id="dataframe"),
        pytest.param("multitsframe", "MULTITSFRAME", {"filters": SPAN}, pd.DataFrame, id="multitsframe"),
    ],
)
def test_result_empty_means_empty_data(rest, adapter_service, type_, data_type, extra, empty):
    value = rest.load([source("x", "nothing", type_, data_type, **extra)], CONTEXT)["x"]

    assert isinstance(value, empty)
    assert len(value) == 0


@pytest.mark.parametrize(
    ("ref_id_type", "owner"),
    [
        pytest.param("SOURCE", "sources", id="source"),
        pytest.param("SINK", "sinks", id="sink"),
        pytest.param("THINGNODE", "thingNodes", id="thing-node"),
        pytest.param(None, "sources", id="default"),
    ],
)
def test_metadata_come_from_their_owner(rest, adapter_service, ref_id_type, owner):
    adapter_service.metadata[(owner, "plant/a", "limit")] = {"max": 90}
    request = source("m", "plant/a", "metadata(any)", "ANY", ref_key="limit", ref_id_type=ref_id_type)

    assert rest.load([request], CONTEXT) == {"m": {"max": 90}}
    assert adapter_service.requests[0][1] == f"{PATH}/{owner}/plant/a/metadata/limit"


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        pytest.param(
            source("x", "broken", "dataframe", "DATAFRAME"),
            f"GET {PATH}/dataframe answered 500 Internal Server Error",
            id="500",
        ),
        pytest.param(
            source("x", "forbidden", "timeseries(float)", filters=SPAN),
            f"GET {PATH}/timeseries answered 403 Forbidden",
            id="403",
        ),
        pytest.param(
            source("x", "node", "metadata(int)", "INT", ref_key="nope"),
            f"GET {PATH}/sources/node/metadata/nope answered 404 Not Found",
            id="404-not-empty",
        ),
        pytest.param(
            source("x", "ts1", "timeseries(float)", filters={"timestampFrom": "2026-01-01T00:00:00Z"}),
            "needs the filters timestampFrom and timestampTo",
            id="no-span",
        ),
        pytest.param(
            source("x", "node", "metadata(int)", "INT"), "needs the metadatum's key in ref_key", id="no-key"
        ),
        pytest.param(source("x", "", "dataframe", "DATAFRAME"), "set ref_id", id="no-ref-id"),
        pytest.param(
            SourceRequest("x", DataType.ANY, InputWiring(workflow_input_name="x", ref_id="a")),
            "set the wiring's type",
            id="no-type",
        ),
    ],
)
def test_failures_name_the_adapter_the_path_and_the_status(rest, adapter_service, request_, message):
    with pytest.raises(AdapterError, match=re.escape(message)) as caught:
        rest.load([request_], CONTEXT)

    assert str(caught.value).startswith("Demo Adapter: ")


def test_an_unreachable_service_is_reported_as_unavailable(unreachable_url):
    adapter = RestAdapter("demo-adapter", "Demo Adapter", "http://ext", unreachable_url, timeout=2)

    with pytest.raises(
        AdapterUnavailable, match=re.escape(f"Demo Adapter at {unreachable_url} cannot be reached")
    ):
        adapter.load([source("x", "df1", "dataframe", "DATAFRAME")], CONTEXT)


def test_outputs_are_posted_with_their_attributes(rest, adapter_service):
    series = pd.Series([1.5, 2.5], index=stamps(2), name="ignored")
    series.attrs = {"unit": "bar"}
    frame = pd.DataFrame({"a": [1, 2], "when": stamps(2)}, index=[10, 20])
    frame.attrs = {"plant": "north"}
    multi = pd.DataFrame({"timestamp": stamps(2)[::-1], "metric": ["p", "q"], "value": [1.0, 2.0]})
    requests = [
        sink("s", "out1", "timeseries(float)"),
        sink("t", "out2", "series(float)"),
        sink("f", "df9", "dataframe", "DATAFRAME"),
        sink("m", "m9", "multitsframe", "MULTITSFRAME"),
        sink(
            "k",
            "plant",
            "metadata(float)",
            "FLOAT",
            ref_key="limit",
            ref_id_type="THINGNODE",
            filters={"unit": "C"},
        ),
    ]

    rest.send(requests, {"s": series, "t": series, "f": frame, "m": multi, "k": 9.5}, CONTEXT)

    expected_points = [
        {"timestamp": "2026-01-01T00:00:00.000000000Z", "value": 1.5},
        {"timestamp": "2026-01-01T01:00:00.000000000Z", "value": 2.5},
    ]
    assert adapter_service.timeseries == {"out1": expected_points, "out2": expected_points}
    assert adapter_service.frames[("dataframe", "df9")] == [
        {"a": 1, "when": "2026-01-01T00:00:00.000000000Z"},
        {"a": 2, "when": "2026-01-01T01:00:00.000000000Z"},
    ]
    assert [r["metric"] for r in adapter_service.frames[("multitsframe", "m9")]] == ["q", "p"]
    assert adapter_service.metadata == {("thingNodes", "plant", "limit"): 9.5}
    assert adapter_service.attributes == {
        ("timeseries", "out1"): {"unit": "bar"},
        ("timeseries", "out2"): {"unit": "bar"},
        ("dataframe", "df9"): {"plant": "north"},
    }
    assert ("unit", "C") in adapter_service.requests[-1][2]


@pytest.mark.parametrize(
    ("request_", "value", "message"),
    [
        pytest.param(
            sink("s", "out1", "timeseries(float)"), pd.Series([1.0]), "needs a DatetimeIndex", id="index"
        ),
        pytest.param(
            sink("m", "m9", "multitsframe", "MULTITSFRAME"),
            pd.DataFrame({"a": [1]}),
            "timestamp, metric",
            id="multi",
        ),
        pytest.param(
            sink("k", "plant", "metadata(any)", "ANY", ref_key="limit"),
            object(),
            "cannot send the value",
            id="any",
        ),
        pytest.param(
            sink("f", "broken", "dataframe", "DATAFRAME"), pd.DataFrame({"a": [1]}), "answered 500", id="500"
        ),
    ],
)
def test_outputs_that_cannot_be_sent_are_adapter_errors(rest, adapter_service, request_, value, message):
    with pytest.raises(AdapterError, match=re.escape(message)):
        rest.send([request_], {request_.name: value}, CONTEXT)


def test_a_run_reads_and_writes_time_series_through_a_rest_adapter(run_wired, rest, adapter_service):
    adapter_service.timeseries["temperature"] = points(20.0, 21.0, 25.0)
    double = component(
        "Double",
        {"series": "SERIES"},
        {"doubled": "SERIES", "peak": "FLOAT"},
        "return {'doubled': series * 2, 'peak': float(series.max())}",
    )
    wiring = {
        "input_wirings": [
            {
                "workflow_input_name": "series",
                "adapter_id": "demo-adapter",
                "ref_id": "temperature",
                "ref_id_type": "SOURCE",
                "type": "timeseries(float)",
                "filters": SPAN,
            }
        ],
        "output_wirings": [
            {
                "workflow_output_name": "doubled",
                "adapter_id": "demo-adapter",
                "ref_id": "twice",
                "type": "timeseries(float)",
            },
            {
                "workflow_output_name": "peak",
                "adapter_id": "demo-adapter",
                "ref_id": "temperature",
                "ref_id_type": "SOURCE",
                "ref_key": "peak",
                "type": "metadata(float)",
            },
        ],
    }

    result = run_wired(double, wiring, rest)

    assert result.result == "ok", result.error
    assert [p["value"] for p in adapter_service.timeseries["twice"]] == [40.0, 42.0, 50.0]
    assert adapter_service.metadata == {("sources", "temperature", "peak"): 25.0}


def test_a_failing_rest_adapter_fails_the_run_at_loading(run_wired, rest, adapter_service):
    echo = component("Echo", {"frame": "DATAFRAME"}, {"same": "DATAFRAME"}, "return {'same': frame}")
    wiring = {
        "input_wirings": [
            {
                "workflow_input_name": "frame",
                "adapter_id": "demo-adapter",
                "ref_id": "broken",
                "type": "dataframe",
            }
        ]
    }

    result = run_wired(echo, wiring, rest)

    assert result.result == "failure"
    assert result.error.process_stage is ProcessStage.LOADING_DATA_FROM_ADAPTERS
    assert (
        "Demo Adapter: input 'frame' (broken): GET /adapters/demo/dataframe answered 500"
        in result.error.message
    )
