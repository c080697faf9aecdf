"""The pickle codec: plain pickle bytes, the modules a payload refers to, and errors that say what to do."""

from __future__ import annotations

import pickle
from collections import OrderedDict
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import pytest

from sealflow.errors import InvalidInput, ObjectUnreadable
from sealflow.store.objects import PICKLE


class Point:
    def __init__(self, x: float) -> None:
        self.x = x

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Point) and other.x == self.x


@pytest.mark.parametrize(
    ("value", "modules"),
    [
        pytest.param([1, 2.5, "three", None, b"4"], (), id="builtins-only"),
        pytest.param(Point(1.0), (__name__,), id="own-class"),
        pytest.param({"when": datetime(2026, 1, 2, tzinfo=UTC)}, ("datetime",), id="datetime"),
        pytest.param(OrderedDict(a=Decimal("1.5")), ("collections", "decimal"), id="stdlib-classes"),
        pytest.param(np.arange(3), ("numpy",), id="numpy"),
        pytest.param(pd.Series([1.0, 2.0]), ("numpy", "pandas"), id="pandas"),
    ],
)
def test_payload_is_plain_pickle_and_names_the_modules_it_needs(value: Any, modules: tuple[str, ...]):
    encoded = PICKLE.encode(value, "the object")

    assert encoded.payload == pickle.dumps(value, protocol=5)
    assert encoded.modules == tuple(sorted(encoded.modules))
    assert "builtins" not in encoded.modules
    for module in modules:
        assert any(found == module or found.startswith(f"{module}.") for found in encoded.modules), module


def test_an_object_round_trips():
    value = {"point": Point(2.0), "frame": pd.DataFrame({"a": [1, 2]})}

    decoded = PICKLE.decode(PICKLE.encode(value, "the object").payload, "the object")

    assert decoded["point"] == value["point"]
    assert decoded["frame"].equals(value["frame"])


def test_a_class_defined_inside_a_function_cannot_be_stored():
    class Local:
        pass

    with pytest.raises(InvalidInput, match=r"'m' cannot be pickled.*top level of component code"):
        PICKLE.encode(Local(), "the object 'm'")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        pytest.param(
            b"cno_such_pkg_x\nModel\n.",
            "needs the module 'no_such_pkg_x'.*install the package",
            id="missing-module",
        ),
        pytest.param(b"not a pickle", "cannot be unpickled here: UnpicklingError", id="garbage"),
    ],
)
def test_payloads_that_cannot_be_loaded_here_say_why(payload: bytes, message: str):
    with pytest.raises(ObjectUnreadable, match=message):
        PICKLE.decode(payload, "the object 'm'")
