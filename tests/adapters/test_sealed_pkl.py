"""The ``.pkl`` sinks and sources of the local file and blob storage adapters with a sealing codec: files
are written sealed, read back verified, and changed or plain pickles are refused with the sealing errors."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import boto3
import pytest

from sealflow.adapters.blob import BlobStorageAdapter
from sealflow.adapters.localfile import LocalFileAdapter
from sealflow.adapters.protocol import RunContext, SinkRequest, SourceRequest
from sealflow.errors import ObjectTampered, ObjectUnsigned
from sealflow.model.datatypes import DataType
from sealflow.model.wiring import InputWiring, OutputWiring
from sealflow.repro.sealing import SealedCodec
from sealflow.store.objects.envelope import is_sealed

JOB = "0f8fad5b-d9cb-469f-a165-70867728950e"
CONTEXT = RunContext(job_id=JOB, transformation_id="t")
MODEL = {"weights": [0.25, 0.75], "label": "pump"}
CODEC = SealedCodec(b"adapter-test-signing-key-0123456")


def source(adapter: str, ref_id: str, ref_key: str | None = None) -> SourceRequest:
    wiring = InputWiring(workflow_input_name="x", adapter_id=adapter, ref_id=ref_id, ref_key=ref_key)
    return SourceRequest("x", DataType.ANY, wiring)


def sink(adapter: str, ref_id: str, ref_key: str | None = None, **filters: str) -> SinkRequest:
    wiring = OutputWiring(
        workflow_output_name="y", adapter_id=adapter, ref_id=ref_id, ref_key=ref_key, filters=filters
    )
    return SinkRequest("y", DataType.ANY, wiring)


def test_the_local_file_adapter_writes_sealed_pkl_files_and_verifies_them(roots: list[Path]) -> None:
    adapter = LocalFileAdapter(roots, codec=CODEC)

    adapter.send(
        [sink("local-file-adapter", "GENERIC_ANY_SINK_AT_", file_name="m.pkl")],
        {"y": MODEL},
        CONTEXT,
    )
    written = roots[0] / "m.pkl"

    assert is_sealed(written.read_bytes())
    assert adapter.load([source("local-file-adapter", "m.pkl")], CONTEXT) == {"x": MODEL}
    changed = bytearray(written.read_bytes())
    changed[-2] ^= 1
    written.write_bytes(bytes(changed))
    with pytest.raises(ObjectTampered, match=r"Local File Adapter: input 'x': the file .*m\.pkl was changed"):
        adapter.load([source("local-file-adapter", "m.pkl")], CONTEXT)


def test_a_plain_pkl_file_is_refused_unless_legacy_pickles_are_trusted(roots: list[Path]) -> None:
    (roots[0] / "legacy.pkl").write_bytes(pickle.dumps(MODEL))

    with pytest.raises(ObjectUnsigned, match=r"legacy\.pkl is a plain pickle"):
        LocalFileAdapter(roots, codec=CODEC).load([source("local-file-adapter", "legacy.pkl")], CONTEXT)
    trusting = SealedCodec(b"adapter-test-signing-key-0123456", trust_legacy=True)
    assert LocalFileAdapter(roots, codec=trusting).load(
        [source("local-file-adapter", "legacy.pkl")], CONTEXT
    ) == {"x": MODEL}


def test_the_blob_storage_adapter_writes_sealed_objects_and_verifies_them(
    hierarchy_file: Path, s3_endpoint: str, fake_aws: None, plant: str
) -> None:
    blob = BlobStorageAdapter(
        hierarchy_file, endpoint_url=s3_endpoint, region="eu-central-1", timeout=5, codec=CODEC
    )
    node = f"{plant.lower()}-picklingunit/Influx/Anomalies"
    client: Any = boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-central-1")

    blob.send([sink("blob-storage-adapter", node, "Anomalies - Next Object")], {"y": MODEL}, CONTEXT)
    bucket = f"{plant.lower()}-picklingunit"
    [key] = [item["Key"] for item in client.list_objects_v2(Bucket=bucket)["Contents"]]
    body = client.get_object(Bucket=bucket, Key=key)["Body"].read()

    assert is_sealed(body)
    assert blob.load([source("blob-storage-adapter", node, key)], CONTEXT) == {"x": MODEL}
    forged = key.replace(".pkl", "-forged.pkl")
    client.put_object(Bucket=bucket, Key=forged, Body=pickle.dumps({"weights": [9.0]}))
    with pytest.raises(ObjectUnsigned, match=r"Blob Storage Adapter: input 'x'.*plain pickle"):
        blob.load([source("blob-storage-adapter", node, forged)], CONTEXT)
