"""The adapter contract, run over every adapter that can both load and send (local files, S3, REST)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pytest

from sealflow.adapters.protocol import Adapter, RunContext, SinkRequest, SourceRequest
from sealflow.code.values import parse_value
from sealflow.errors import AdapterError
from sealflow.model.datatypes import DataType
from sealflow.model.wiring import InputWiring, OutputWiring

CONTEXT = RunContext(job_id="0f8fad5b-d9cb-469f-a165-70867728950e", transformation_id="t")
STAMPS = pd.DatetimeIndex(["2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"]).as_unit(
    "ns"
)
SPAN = {"timestampFrom": "2026-01-01T00:00:00Z", "timestampTo": "2026-01-01T23:00:00Z"}


@dataclass
class Harness:
    """An adapter and how to wire a sink and the source that reads back what the sink wrote."""

    adapter: Adapter
    sink: Callable[[DataType], dict[str, Any]]
    source: Callable[[DataType], dict[str, Any]]
    missing: dict[str, Any]


def _local(request: pytest.FixtureRequest) -> Harness:
    extensions = {DataType.ANY: "pkl", DataType.FLOAT: "json"}

    def name(data_type: DataType) -> str:
        return f"{data_type.value.lower()}.{extensions.get(data_type, 'parquet')}"

    return Harness(
        request.getfixturevalue("local_files"),
        lambda t: {"ref_id": "GENERIC_ANY_SINK_AT_", "filters": {"file_name": name(t)}},
        lambda t: {"ref_id": name(t)},
        {"ref_id": "nothing.csv"},
    )


def _blob(request: pytest.FixtureRequest) -> Harness:
    node = f"{request.getfixturevalue('plant').lower()}-picklingunit/Influx/Anomalies"
    stamp = "2026-01-01 00:00:00+00:00"
    return Harness(
        request.getfixturevalue("blob"),
        lambda t: {
            "ref_id": node,
            "ref_key": "Anomalies - Next Object",
            "filters": {"object_key_suffix": f"{stamp} - {t.value.lower()}"},
        },
        lambda t: {"ref_id": node, "ref_key": f"Anomalies - {stamp} - {t.value.lower()} (pkl)"},
        {"ref_id": node, "ref_key": f"Anomalies - {stamp} - nothing (pkl)"},
    )


def _rest(request: pytest.FixtureRequest) -> Harness:
    wirings = {
        DataType.ANY: {
            "ref_id": "node",
            "ref_key": "model",
            "ref_id_type": "THINGNODE",
            "type": "metadata(any)",
        },
        DataType.FLOAT: {
            "ref_id": "node",
            "ref_key": "limit",
            "ref_id_type": "THINGNODE",
            "type": "metadata(float)",
        },
        DataType.DATAFRAME: {"ref_id": "frame", "type": "dataframe"},
        DataType.SERIES: {"ref_id": "series", "type": "timeseries(float)"},
        DataType.MULTITSFRAME: {"ref_id": "multi", "type": "multitsframe"},
    }
    spans = {DataType.SERIES, DataType.MULTITSFRAME}
    return Harness(
        request.getfixturevalue("rest"),
        lambda t: wirings[t],
        lambda t: {**wirings[t], "filters": SPAN} if t in spans else wirings[t],
        {"ref_id": "node", "ref_key": "nothing", "type": "metadata(any)"},
    )


@pytest.fixture(
    params=[
        pytest.param(_local, id="local-file"),
        pytest.param(_blob, id="blob-storage"),
        pytest.param(_rest, id="rest"),
    ]
)
def harness(request: pytest.FixtureRequest) -> Harness:
    make: Callable[[pytest.FixtureRequest], Harness] = request.param
    return make(request)


def _same(loaded: Any, value: Any) -> None:
    if isinstance(value, pd.DataFrame):
        pd.testing.assert_frame_equal(loaded, value, check_dtype=False)
    elif isinstance(value, pd.Series):
        pd.testing.assert_series_equal(loaded, value, check_names=False, check_freq=False)
    else:
        assert loaded == value


@pytest.mark.parametrize(
    ("data_type", "value"),
    [
        pytest.param(DataType.ANY, {"weights": [0.5, 1.5], "label": "pump"}, id="any"),
        pytest.param(DataType.FLOAT, 2.75, id="float"),
        pytest.param(DataType.DATAFRAME, pd.DataFrame({"a": [1.5, 2.5], "b": ["x", "y"]}), id="dataframe"),
        pytest.param(DataType.SERIES, pd.Series([1.0, 2.0, 3.0], index=STAMPS), id="series"),
        pytest.param(
            DataType.MULTITSFRAME,
            pd.DataFrame({"timestamp": STAMPS, "metric": ["p", "q", "p"], "value": [1.0, 2.0, 3.0]}),
            id="multitsframe",
        ),
    ],
)
def test_a_value_sent_to_a_sink_loads_back_from_its_source(harness: Harness, data_type: DataType, value: Any):
    key = harness.adapter.key
    sink = SinkRequest(
        "y", data_type, OutputWiring(workflow_output_name="y", adapter_id=key, **harness.sink(data_type))
    )
    harness.adapter.send([sink], {"y": value}, CONTEXT)

    source = InputWiring(workflow_input_name="x", adapter_id=key, **harness.source(data_type))
    loaded = harness.adapter.load([SourceRequest("x", data_type, source)], CONTEXT)

    assert list(loaded) == ["x"]
    _same(parse_value(loaded["x"], data_type), value)


def test_no_requests_load_nothing_and_send_nothing(harness: Harness):
    assert harness.adapter.load([], CONTEXT) == {}
    harness.adapter.send([], {}, CONTEXT)


def test_a_missing_source_is_an_adapter_error_naming_adapter_and_input(harness: Harness):
    wiring = InputWiring(workflow_input_name="x", adapter_id=harness.adapter.key, **harness.missing)

    with pytest.raises(AdapterError) as caught:
        harness.adapter.load([SourceRequest("x", DataType.ANY, wiring)], CONTEXT)

    assert str(caught.value).startswith(f"{harness.adapter.name}: ")
    assert "'x'" in str(caught.value)


def test_an_adapter_has_a_key_and_a_name(harness: Harness):
    assert isinstance(harness.adapter.key, str)
    assert isinstance(harness.adapter.name, str)
    assert harness.adapter.key
    assert harness.adapter.name
