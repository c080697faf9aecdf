"""The opcode scan names exactly the modules an unpickler would import, and never executes the pickle."""

from __future__ import annotations

import collections
import datetime as dt
import io
import pickle
from pathlib import PurePosixPath
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sealflow.errors import InvalidInput
from sealflow.repro.fingerprint import current_fingerprint
from sealflow.repro.pickles import UNKNOWN, component_hashes, needs, referenced_modules


class _Recorder(pickle.Unpickler):
    """The oracle: an unpickler that notes the module of every global it is asked for."""

    def __init__(self, data: bytes, buffers: list[pickle.PickleBuffer] | None = None) -> None:
        super().__init__(io.BytesIO(data), buffers=buffers)
        self.modules: set[str] = set()

    def find_class(self, module: str, name: str) -> Any:
        self.modules.add(module)
        return super().find_class(module, name)


def imported_by_unpickling(data: bytes) -> set[str]:
    recorder = _Recorder(data)
    recorder.load()
    return recorder.modules


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.binary(max_size=20),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.fractions(),
    st.datetimes(timezones=st.just(dt.UTC) | st.none()),
    st.dates(),
    st.timedeltas(),
    st.uuids(),
    st.text(alphabet="abc/", max_size=10).map(PurePosixPath),
    st.complex_numbers(allow_nan=False, allow_infinity=False),
)


def _containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(children, max_size=4),
        st.tuples(children, children),
        st.dictionaries(st.text(max_size=5), children, max_size=4),
        st.dictionaries(st.text(max_size=5), children, max_size=3).map(collections.OrderedDict),
        st.lists(children, max_size=3).map(collections.deque),
        st.frozensets(st.integers(), max_size=4),
        st.lists(st.floats(allow_nan=False, width=32), max_size=6).map(np.array),
        st.lists(st.integers(-5, 5), min_size=1, max_size=5).map(lambda xs: pd.Series(xs, name="v")),
        st.lists(st.floats(allow_nan=False), min_size=1, max_size=4).map(
            lambda xs: pd.DataFrame({"x": xs}, index=pd.date_range("2024-01-01", periods=len(xs), tz="UTC"))
        ),
    )


objects = st.recursive(scalars, _containers, max_leaves=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(obj=objects, protocol=st.integers(0, pickle.HIGHEST_PROTOCOL))
def test_the_scan_names_the_modules_unpickling_imports(obj: Any, protocol: int) -> None:
    data = pickle.dumps(obj, protocol=protocol)

    assert referenced_modules(data) == imported_by_unpickling(data)


@settings(max_examples=50, deadline=None)
@given(obj=objects)
def test_the_scan_reads_pickles_with_out_of_band_buffers(obj: Any) -> None:
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(obj, protocol=5, buffer_callback=buffers.append)
    recorder = _Recorder(data, buffers)
    recorder.load()

    assert referenced_modules(data) == recorder.modules


class _Boom:
    def __reduce__(self) -> tuple[Any, ...]:
        return (print, ("this must never be printed",))


def test_the_scan_never_runs_the_pickle(capsys: pytest.CaptureFixture[str]) -> None:
    data = pickle.dumps([_Boom(), _Boom()], protocol=4)

    assert referenced_modules(data) == {"builtins"}
    assert capsys.readouterr().out == ""


def test_a_global_pushed_from_the_memo_is_named() -> None:
    data = pickle.dumps([dt.date(2024, 1, 1), dt.date(2024, 1, 2), dt.timedelta(1)], protocol=4)

    assert referenced_modules(data) == {"datetime"}


def test_a_global_built_from_computed_strings_is_unknown_not_guessed() -> None:
    # PROTO 4, 'os', 'system', TUPLE2, STACK_GLOBAL: the operands are not the two strings pushed last.
    crafted = b"\x80\x04\x8c\x02os\x8c\x06system\x86\x93."

    assert referenced_modules(crafted) == {UNKNOWN}


@pytest.mark.parametrize(
    "data", [b"", b"not a pickle", pickle.dumps(1)[:-1]], ids=["empty", "garbage", "cut"]
)
def test_what_is_no_pickle_is_refused_with_a_clear_error(data: bytes) -> None:
    with pytest.raises(InvalidInput, match="not a pickle"):
        referenced_modules(data)


def test_modules_map_to_their_distributions_with_this_environments_versions() -> None:
    here = current_fingerprint()
    hash_ = "a" * 64
    needed = needs(
        ["numpy.core.multiarray", "pandas.core.frame", "collections", f"sealflow_components.c_{hash_}"], here
    )

    assert needed.distributions == {
        "numpy": here.distributions["numpy"],
        "pandas": here.distributions["pandas"],
    }
    assert needed.code_hashes == [hash_]
    assert needed.unknown == []


def test_hetida_designer_module_paths_count_as_component_code() -> None:
    hash_ = "b" * 64

    assert component_hashes([f"hetdesrun_loaded_components.by_code__hash_{hash_}", "numpy"]) == [hash_]
