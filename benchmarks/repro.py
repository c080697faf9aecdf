"""Sealed objects and fingerprints: what the signature and the environment checks cost.

Stores and loads a fitted scikit-learn estimator holding about 100 MB of numpy arrays three ways, in the
same run on the same disk: a plain pickle file (``pickle.dump``/``pickle.load``, the baseline), the object
store with plain pickles, and the object store with sealed envelopes (signature, payload digest and
compatibility checks included). Prints each time, the sealed load's overhead over the baseline and the
time of the payload digest alone (BLAKE3; a load from disk takes it while reading, so it mostly overlaps
the read), then the time to take the environment fingerprint warm (afresh, after a first call) and cached.

    python benchmarks/repro.py [--megabytes 100] [--rounds 9]

Targets: sealed load at most 10 % slower than the plain pickle file; fingerprint at most 50 ms warm.
"""

from __future__ import annotations

import argparse
import pickle
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.neighbors import KNeighborsRegressor

from sealflow.repro.fingerprint import current_fingerprint, take_fingerprint
from sealflow.repro.sealing import SealedCodec
from sealflow.store.objects import ObjectRepository
from sealflow.store.objects.envelope import payload_digest
from sealflow.store.objects.local import LocalObjectStore

KEY = b"benchmark-signing-key-0123456789"
FEATURES = 1_000


def model(megabytes: int) -> KNeighborsRegressor:
    """A k-nearest-neighbours regressor whose fitted state is ``megabytes`` of training data."""
    rows = megabytes * 1024 * 1024 // (8 * FEATURES)
    generator = np.random.default_rng(7)
    features = generator.random((rows, FEATURES))
    return KNeighborsRegressor(n_neighbors=3, algorithm="brute").fit(features, generator.random(rows))


def best(function: Callable[[], Any], rounds: int) -> float:
    """The fastest of ``rounds`` calls, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()

    estimator = model(args.megabytes)
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        plain_file = root / "model.pkl"
        plain = ObjectRepository(LocalObjectStore(root / "plain"))
        sealed = ObjectRepository(LocalObjectStore(root / "sealed"), SealedCodec(KEY))
        counter = iter(range(1_000_000))

        def dump_file() -> None:
            with plain_file.open("wb") as stream:
                pickle.dump(estimator, stream, protocol=5)

        def load_file() -> Any:
            with plain_file.open("rb") as stream:
                return pickle.load(stream)

        stores = {
            "pickle file": best(dump_file, args.rounds),
            "object store, plain": best(
                lambda: plain.save("model", f"v{next(counter)}", estimator), args.rounds
            ),
            "object store, sealed": best(
                lambda: sealed.save("model", f"v{next(counter)}", estimator), args.rounds
            ),
        }
        size = plain_file.stat().st_size
        loads = {
            "pickle file": best(load_file, args.rounds),
            "object store, plain": best(lambda: plain.load("model", "v0"), args.rounds),
            "object store, sealed": best(lambda: sealed.load("model", f"v{args.rounds}"), args.rounds),
        }
        # The baseline again, last, so a drift of the machine during the run shows up.
        loads["pickle file"] = min(loads["pickle file"], best(load_file, args.rounds))
        envelope = sealed.store.read("model", f"v{args.rounds}")
        digest = best(lambda: payload_digest(envelope), args.rounds)
        assert np.array_equal(sealed.load("model", f"v{args.rounds}")._fit_X, estimator._fit_X)

    print(f"model: {type(estimator).__name__} with {size / 1e6:.1f} MB pickled; best of {args.rounds} rounds")
    baseline = loads["pickle file"]
    for what in stores:
        print(
            f"  {what:<22} store {stores[what] * 1e3:7.1f} ms   load {loads[what] * 1e3:7.1f} ms"
            f"   load vs pickle file {loads[what] / baseline:5.2f}x"
        )
    overhead = (loads["object store, sealed"] / baseline - 1) * 100
    print(f"sealed load overhead over a plain pickle file: {overhead:+.1f} % (target <= 10 %)")
    print(f"  of which the payload digest alone: {digest * 1e3:.1f} ms ({size / digest / 1e9:.2f} GB/s)")

    take_fingerprint()
    warm = best(take_fingerprint, 10)
    current_fingerprint()
    cached = best(current_fingerprint, 1000)
    print(f"fingerprint warm: {warm * 1e3:.1f} ms (target <= 50 ms); cached: {cached * 1e6:.2f} us")


if __name__ == "__main__":
    main()
