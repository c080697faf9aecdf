import io
import json
import pickle
import re
from functools import partial
from pathlib import Path
from typing import Any

import boto3
import pandas as pd
import pytest

from sealflow.adapters.blob import BlobStorageAdapter, Hierarchy, end_nodes
from sealflow.adapters.protocol import RunContext, SinkRequest, SourceRequest
from sealflow.errors import AdapterError, AdapterUnavailable
from sealflow.model.datatypes import DataType
from sealflow.model.wiring import InputWiring, OutputWiring
from sealflow.runtime.results import ProcessStage
from support import component

JOB = "94726ca0-9b4d-4b72-97be-d3ef085e16fa"
CONTEXT = RunContext(job_id=JOB, transformation_id="t")
MODEL = {"weights": [0.25, 0.75], "label": "pump"}
KEY_PATTERN = re.compile(r"Influx/Anomalies_(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00)_" + JOB + r"\.pkl")


@pytest.fixture
def s3(s3_endpoint: str, fake_aws: None) -> Any:
    """A plain S3 client on the moto server, to look at buckets independently of the adapter."""
    return boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-central-1")


def node_id(plant: str) -> str:
    return f"{plant.lower()}-picklingunit/Influx/Anomalies"


def source(ref_id: str, ref_key: str | None, data_type: str = "ANY") -> SourceRequest:
    wiring = InputWiring(
        workflow_input_name="x", adapter_id="blob-storage-adapter", ref_id=ref_id, ref_key=ref_key
    )
    return SourceRequest("x", DataType(data_type), wiring)


def sink(ref_id: str, ref_key: str | None, data_type: str = "ANY", **filters: str) -> SinkRequest:
    wiring = OutputWiring(
        workflow_output_name="y",
        adapter_id="blob-storage-adapter",
        ref_id=ref_id,
        ref_key=ref_key,
        filters=filters,
    )
    return SinkRequest("y", DataType(data_type), wiring)


def objects(s3: Any, bucket: str) -> dict[str, bytes]:
    listed = s3.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {item["Key"]: s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read() for item in listed}


def node(name: str, *children: dict[str, Any], flag: bool = False) -> dict[str, Any]:
    return {
        "name": name,
        "description": "",
        "below_structure_defines_object_key": flag,
        "substructure": list(children),
    }


@pytest.mark.parametrize(
    ("structure", "expected"),
    [
        pytest.param(
            [node("PlantA", node("PicklingUnit", node("Influx", node("Anomalies")), flag=True))],
            {"planta-picklingunit/Influx/Anomalies": ("planta-picklingunit", "Influx/Anomalies")},
            id="flag-in-the-middle",
        ),
        pytest.param(
            [node("PlantB", node("Models", node("Forecast"), node("Drift")))],
            {
                "plantb-models/Forecast": ("plantb-models", "Forecast"),
                "plantb-models/Drift": ("plantb-models", "Drift"),
            },
            id="no-flag-uses-ancestors",
        ),
        pytest.param(
            [node("PlantB", node("PicklingUnit", node("Influx", node("Anomalies"))), flag=True)],
            {"plantb/PicklingUnit/Influx/Anomalies": ("plantb", "PicklingUnit/Influx/Anomalies")},
            id="flag-at-the-root",
        ),
    ],
)
def test_end_nodes_get_bucket_and_key_prefix_from_the_hierarchy(structure, expected):
    nodes = end_nodes(Hierarchy.model_validate({"structure": structure}))

    assert {key: (end.bucket, end.prefix) for key, end in nodes.items()} == expected


@pytest.mark.parametrize(
    ("structure", "message"),
    [
        pytest.param(
            [node("Plant", node("Leaf", flag=True))], "defines the bucket itself", id="flagged-leaf"
        ),
        pytest.param(
            [node("Plant", node("Unit", node("Leaf"), flag=True), flag=True)], "only one node", id="two-flags"
        ),
        pytest.param([node("Lonely")], "has no node above it", id="root-leaf"),
        pytest.param([node("Plant A", node("Leaf"))], "a name has only letters", id="space-in-name"),
        pytest.param([node("ab", node("Leaf"))], "no valid bucket name", id="bucket-too-short"),
        pytest.param([node("p" * 64, node("Leaf"))], "no valid bucket name", id="bucket-too-long"),
        pytest.param([node("Plant", node("Leaf"), node("Leaf"))], "appears twice", id="duplicate"),
    ],
)
def test_a_hierarchy_breaking_a_rule_is_refused_naming_the_node(structure, message):
    with pytest.raises(AdapterError, match=re.escape(message)):
        end_nodes(Hierarchy.model_validate({"structure": structure}))


def test_a_sink_writes_a_new_pickle_named_by_time_and_job(blob, s3, plant):
    blob.send([sink(node_id(plant), "Anomalies - Next Object")], {"y": MODEL}, CONTEXT)

    ((key, body),) = objects(s3, f"{plant.lower()}-picklingunit").items()
    match = KEY_PATTERN.fullmatch(key)
    assert match, key
    assert pd.Timestamp(match[1]).tz is not None
    assert pickle.loads(body) == MODEL


def test_the_suffix_filter_sets_time_and_job_and_the_object_loads_back(blob, s3, plant):
    suffix = "2023-02-14 12:19:38+00:00 - 8c71d5e1-dbf7-4a18-9c94-930a51f0bdf4"

    blob.send(
        [sink(node_id(plant), "Anomalies - Next Object", object_key_suffix=suffix)], {"y": MODEL}, CONTEXT
    )
    by_name = blob.load([source(node_id(plant), f"Anomalies - {suffix} (pkl)")], CONTEXT)["x"]
    key = "Influx/Anomalies_2023-02-14T12:19:38+00:00_8c71d5e1-dbf7-4a18-9c94-930a51f0bdf4.pkl"
    by_key = blob.load([source(node_id(plant), key)], CONTEXT)["x"]

    assert list(objects(s3, f"{plant.lower()}-picklingunit")) == [key]
    assert by_name == by_key == MODEL


def test_an_existing_object_is_never_overwritten(blob, s3, plant):
    ref_key = f"Anomalies - 2023-02-14 12:19:38+00:00 - {JOB} (pkl)"
    blob.send([sink(node_id(plant), ref_key)], {"y": MODEL}, CONTEXT)

    with pytest.raises(AdapterError, match="is never overwritten"):
        blob.send([sink(node_id(plant), ref_key)], {"y": "other"}, CONTEXT)

    (body,) = objects(s3, f"{plant.lower()}-picklingunit").values()
    assert pickle.loads(body) == MODEL


def test_a_dataframe_can_be_written_as_parquet(blob, s3, plant):
    frame = pd.DataFrame({"a": [1.5, 2.5]}, index=pd.date_range("2026-01-01", periods=2, tz="UTC"))
    forecast = f"{plant.lower()}-models/Forecast"

    blob.send(
        [sink(forecast, "Forecast - Next Object", "DATAFRAME", object_format="parquet")],
        {"y": frame},
        CONTEXT,
    )

    ((key, body),) = objects(s3, f"{plant.lower()}-models").items()
    assert re.fullmatch(rf"Forecast_\S+_{JOB}\.parquet", key), key
    pd.testing.assert_frame_equal(pd.read_parquet(io.BytesIO(body)), frame, check_freq=False)
    loaded = blob.load([source(forecast, key, "DATAFRAME")], CONTEXT)["x"]
    pd.testing.assert_frame_equal(loaded, frame, check_freq=False)


@pytest.mark.parametrize(
    ("kind", "ref_id", "ref_key", "filters", "message"),
    [
        pytest.param(
            "sink", "unknown/Node", "Node - Next Object", {}, "is no end node of the hierarchy", id="node"
        ),
        pytest.param(
            "sink", None, "Anomalies - Next Object", {}, "is no end node of the hierarchy", id="no-ref-id"
        ),
        pytest.param("sink", "{node}", "Anomalies - Later", {}, "names no sink of", id="sink-name"),
        pytest.param("sink", "{node}", "Other - Next Object", {}, "names no sink of", id="sink-other-node"),
        pytest.param(
            "sink",
            "{node}",
            "Anomalies - Next Object",
            {"object_key_suffix": "1970-01-01 00:00:00 - x"},
            "object_key_suffix '1970-01-01 00:00:00 - x' is invalid",
            id="suffix-without-offset",
        ),
        pytest.param(
            "sink",
            "{node}",
            "Anomalies - Next Object",
            {"object_key_suffix": "1970-01-01 00:00:00+00:00 - a/b"},
            "cannot be part of an object key",
            id="suffix-job-with-slash",
        ),
        pytest.param(
            "sink",
            "{node}",
            "Anomalies - Next Object",
            {"object_format": "h5"},
            "object_format 'h5'",
            id="format",
        ),
        pytest.param("source", "{node}", None, {}, "the wiring names no object", id="no-ref-key"),
        pytest.param(
            "source",
            "{node}",
            f"Other - 2023-02-14 12:19:38+00:00 - {JOB} (pkl)",
            {},
            "'Other' is not the end node",
            id="source-other-node",
        ),
        pytest.param(
            "source",
            "{node}",
            "Elsewhere/Anomalies_x.pkl",
            {},
            "is not under the end node",
            id="key-elsewhere",
        ),
        pytest.param(
            "source",
            "{node}",
            f"Anomalies - 2023-02-14 12:19:38+00:00 - {JOB} (pkl)",
            {},
            "does not exist",
            id="missing-object",
        ),
    ],
)
def test_a_bad_wiring_is_an_adapter_error_naming_the_wire(
    blob, plant, kind, ref_id, ref_key, filters, message
):
    ref_id = ref_id and ref_id.format(node=node_id(plant))

    if kind == "sink":
        call = partial(blob.send, [sink(ref_id, ref_key, **filters)], {"y": MODEL}, CONTEXT)
    else:
        call = partial(blob.load, [source(ref_id, ref_key)], CONTEXT)

    with pytest.raises(AdapterError, match=re.escape(message)) as caught:
        call()

    assert str(caught.value).startswith("Blob Storage Adapter: ")


def test_missing_buckets_are_created_only_if_allowed(hierarchy_file, s3_endpoint, fake_aws, s3, plant):
    strict = BlobStorageAdapter(hierarchy_file, endpoint_url=s3_endpoint, allow_bucket_creation=False)
    bucket = f"{plant.lower()}-picklingunit"

    with pytest.raises(AdapterError, match=f"bucket '{bucket}' does not exist at {s3_endpoint}"):
        strict.send([sink(node_id(plant), "Anomalies - Next Object")], {"y": MODEL}, CONTEXT)
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    strict.send([sink(node_id(plant), "Anomalies - Next Object")], {"y": MODEL}, CONTEXT)

    assert len(objects(s3, bucket)) == 1


def test_an_unreachable_endpoint_is_reported_as_unavailable(hierarchy_file, fake_aws, plant, unreachable_url):
    endpoint = unreachable_url
    adapter = BlobStorageAdapter(hierarchy_file, endpoint_url=endpoint, timeout=2)

    with pytest.raises(AdapterUnavailable, match=re.escape(f"blob storage at {endpoint} cannot be reached")):
        adapter.load(
            [source(node_id(plant), f"Anomalies - 2023-02-14 12:19:38+00:00 - {JOB} (pkl)")], CONTEXT
        )


def test_missing_credentials_say_what_to_set(hierarchy_file, s3_endpoint, fake_aws, monkeypatch, plant):
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    adapter = BlobStorageAdapter(hierarchy_file, endpoint_url=s3_endpoint)

    with pytest.raises(
        AdapterError, match=r"no credentials .* set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
    ):
        adapter.send([sink(node_id(plant), "Anomalies - Next Object")], {"y": MODEL}, CONTEXT)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "cannot read the hierarchy file", id="missing"),
        pytest.param("{not json", "cannot read the hierarchy file", id="not-json"),
        pytest.param(json.dumps({"structure": [node("Lonely")]}), "has no node above it", id="bad-tree"),
    ],
)
def test_a_bad_hierarchy_file_is_reported_on_first_use(tmp_path: Path, content, message):
    path = tmp_path / "hierarchy.json"
    if content is not None:
        path.write_text(content)
    adapter = BlobStorageAdapter(path, endpoint_url="http://127.0.0.1:9")

    with pytest.raises(AdapterError, match=re.escape(message)):
        adapter.load([source("a/b", "c")], CONTEXT)


def test_a_run_loads_a_model_and_stores_its_result_in_blob_storage(run_wired, blob, s3, plant):
    bucket = f"{plant.lower()}-picklingunit"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    s3.put_object(
        Bucket=bucket, Key=f"Influx/Anomalies_2023-02-14T12:19:38+00:00_{JOB}.pkl", Body=pickle.dumps(MODEL)
    )
    refit = component(
        "Refit",
        {"model": "ANY"},
        {"refitted": "ANY"},
        "return {'refitted': {**model, 'label': model['label'] + '-2'}}",
    )
    wire = {
        "adapter_id": "blob-storage-adapter",
        "ref_id": node_id(plant),
        "ref_id_type": "THINGNODE",
        "type": "metadata(any)",
    }
    wiring = {
        "input_wirings": [
            {
                "workflow_input_name": "model",
                "ref_key": f"Anomalies - 2023-02-14 12:19:38+00:00 - {JOB} (pkl)",
                **wire,
            }
        ],
        "output_wirings": [
            {"workflow_output_name": "refitted", "ref_key": "Anomalies - Next Object", **wire}
        ],
    }

    result = run_wired(refit, wiring, blob)

    assert result.result == "ok", result.error
    written = {key: pickle.loads(body) for key, body in objects(s3, bucket).items() if result.job_id in key}
    assert list(written.values()) == [{**MODEL, "label": "pump-2"}]


def test_a_run_reports_an_unreachable_blob_storage_at_sending(
    run_wired, hierarchy_file, fake_aws, plant, unreachable_url
):
    endpoint = unreachable_url
    adapter = BlobStorageAdapter(hierarchy_file, endpoint_url=endpoint, timeout=2)
    const = component("Const", {"x": "INT"}, {"model": "ANY"}, "return {'model': x}")
    wiring = {
        "input_wirings": [{"workflow_input_name": "x", "filters": {"value": "1"}}],
        "output_wirings": [
            {
                "workflow_output_name": "model",
                "adapter_id": "blob-storage-adapter",
                "ref_id": node_id(plant),
                "ref_key": "Anomalies - Next Object",
            }
        ],
    }

    result = run_wired(const, wiring, adapter)

    assert result.result == "failure"
    assert result.error.type == "AdapterUnavailable"
    assert result.error.process_stage is ProcessStage.SENDING_DATA_TO_ADAPTERS
    assert endpoint in result.error.message
