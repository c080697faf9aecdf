"""Opening a sealed envelope counts a verification in the metrics, and a failed check also a mismatch."""

from __future__ import annotations

import pytest

from sealflow import metrics
from sealflow.errors import ObjectTampered
from sealflow.store.objects.envelope import open_envelope, seal

KEY = b"k" * 32


def _counts() -> tuple[float, float, float]:
    sample = metrics.REGISTRY.get_sample_value
    return (
        sample("sealflow_object_verifications_total") or 0.0,
        sample("sealflow_object_mismatches_total", {"kind": "signature"}) or 0.0,
        sample("sealflow_object_mismatches_total", {"kind": "payload"}) or 0.0,
    )


def test_verifications_and_mismatches_are_counted():
    envelope = seal({"name": "m"}, [b"payload bytes"], KEY)
    before = _counts()

    open_envelope(envelope, KEY, "m")
    with pytest.raises(ObjectTampered, match="invalid signature"):
        open_envelope(envelope, b"x" * 32, "m")
    with pytest.raises(ObjectTampered, match="payload does not match"):
        open_envelope(envelope[:-1] + b"X", KEY, "m")

    after = _counts()
    assert [a - b for a, b in zip(after, before, strict=True)] == [3, 1, 1]
