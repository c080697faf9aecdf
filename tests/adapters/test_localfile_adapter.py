import json
import pickle
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from sealflow.adapters.localfile import LocalFileAdapter, decode_id, encode_id
from sealflow.adapters.protocol import RunContext, SinkRequest, SourceRequest
from sealflow.code.values import parse_value
from sealflow.errors import AdapterError
from sealflow.model.datatypes import DataType
from sealflow.model.wiring import InputWiring, OutputWiring
from sealflow.runtime.results import ProcessStage
from support import component

JOB = "0f8fad5b-d9cb-469f-a165-70867728950e"
CONTEXT = RunContext(job_id=JOB, transformation_id="t")
FRAME = pd.DataFrame({"a": [1.5, 2.5, 3.5], "b": ["x", "y", "z"]})
STAMPS = pd.DatetimeIndex(["2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"])
SERIES = pd.Series([1.0, 2.0, 3.0], index=STAMPS, name="value")
MULTI = pd.DataFrame({"timestamp": STAMPS, "metric": ["p", "q", "p"], "value": [1.0, 2.0, 3.0]})


def source(ref: str, data_type: str = "DATAFRAME", name: str = "x", **extra: Any) -> SourceRequest:
    wiring = InputWiring(workflow_input_name=name, adapter_id="local-file-adapter", ref_id=ref, **extra)
    return SourceRequest(name, DataType(data_type), wiring)


def sink(ref: str, data_type: str = "DATAFRAME", name: str = "y", **filters: str) -> SinkRequest:
    wiring = OutputWiring(
        workflow_output_name=name, adapter_id="local-file-adapter", ref_id=ref, filters=filters
    )
    return SinkRequest(name, DataType(data_type), wiring)


def load_one(adapter: LocalFileAdapter, ref: str, data_type: str = "DATAFRAME", **extra: Any) -> Any:
    request = source(ref, data_type, **extra)
    return parse_value(adapter.load([request], CONTEXT)["x"], request.data_type)


def send_one(
    adapter: LocalFileAdapter, ref: str, value: Any, data_type: str = "DATAFRAME", **filters: str
) -> None:
    adapter.send([sink(ref, data_type, **filters)], {"y": value}, CONTEXT)


def hidden_files(directory: Path) -> list[str]:
    return [path.name for path in directory.rglob(".*")]


@pytest.mark.parametrize(
    ("ref", "path"),
    [
        pytest.param("data__measure-_-1.csv", "data/measure_1.csv", id="hetida-id"),
        pytest.param("a-_--_-b__c.csv", "a__b/c.csv", id="double-underscore"),
        pytest.param("plain.csv", "plain.csv", id="plain"),
        pytest.param("data/plain.csv", "data/plain.csv", id="plain-path"),
    ],
)
def test_ids_decode_to_paths_and_back(ref: str, path: str):
    assert decode_id(ref) == path
    assert decode_id(encode_id(path)) == path


def _csv(frame: pd.DataFrame, **options: Any) -> Any:
    return lambda path: frame.to_csv(path, index=False, **options)


@pytest.mark.parametrize(
    ("file_name", "write", "data_type", "expected"),
    [
        pytest.param("f.csv", _csv(FRAME), "DATAFRAME", FRAME, id="csv"),
        pytest.param("f.csv.gz", _csv(FRAME), "DATAFRAME", FRAME, id="csv-gz"),
        pytest.param("f.csv.zip", _csv(FRAME), "DATAFRAME", FRAME, id="csv-zip"),
        pytest.param(
            "f.json", lambda p: FRAME.to_json(p, orient="records"), "DATAFRAME", FRAME, id="json-records"
        ),
        pytest.param("f.parquet", lambda p: FRAME.to_parquet(p), "DATAFRAME", FRAME, id="parquet"),
        pytest.param("f.xlsx", lambda p: FRAME.to_excel(p, index=False), "DATAFRAME", FRAME, id="xlsx"),
        pytest.param(
            "f.pkl", lambda p: p.write_bytes(pickle.dumps(FRAME)), "DATAFRAME", FRAME, id="pkl-frame"
        ),
        pytest.param(
            "m.pkl", lambda p: p.write_bytes(pickle.dumps({"w": [1, 2]})), "ANY", {"w": [1, 2]}, id="pkl-any"
        ),
        pytest.param("m.json", lambda p: p.write_text('{"w": [1, 2]}'), "ANY", {"w": [1, 2]}, id="json-any"),
        pytest.param("n.json", lambda p: p.write_text("42"), "INT", 42, id="json-int"),
        pytest.param(
            "s.csv",
            _csv(SERIES.to_frame().reset_index(names="timestamp"), date_format="%Y-%m-%dT%H:%M:%SZ"),
            "SERIES",
            SERIES,
            id="csv-series-timestamp",
        ),
        pytest.param(
            "s.csv",
            _csv(pd.DataFrame({"v": [1, 2]})),
            "SERIES",
            pd.Series([1, 2], name="v"),
            id="csv-series-one-column",
        ),
        pytest.param(
            "s.parquet", lambda p: SERIES.to_frame().to_parquet(p), "SERIES", SERIES, id="parquet-series"
        ),
        pytest.param("m.csv", _csv(MULTI), "MULTITSFRAME", MULTI, id="csv-multitsframe"),
        pytest.param(
            "m.parquet", lambda p: MULTI.to_parquet(p), "MULTITSFRAME", MULTI, id="parquet-multitsframe"
        ),
    ],
)
def test_a_file_loads_by_its_extension_and_data_type(
    local_files, roots, file_name, write, data_type, expected
):
    write(roots[0] / file_name)

    loaded = load_one(local_files, file_name, data_type)

    if isinstance(expected, pd.DataFrame):
        pd.testing.assert_frame_equal(loaded, expected, check_dtype=False, check_index_type=False)
    elif isinstance(expected, pd.Series):
        pd.testing.assert_series_equal(loaded, expected, check_dtype=False, check_index_type=False)
    else:
        assert loaded == expected


@pytest.mark.parametrize(
    ("where", "ref"),
    [
        pytest.param("root-b/data/m_1.csv", "data/m_1.csv", id="second-root"),
        pytest.param("root-a/data/m_1.csv", "data__m-_-1.csv", id="hetida-id"),
        pytest.param("root-a/data/m_1.csv", "{tmp}/root-a/data/m_1.csv", id="absolute-inside"),
        pytest.param("root-a/data/m_1.csv", "{tmp}__root-a__data__m-_-1.csv", id="hetida-absolute-id"),
    ],
)
def test_a_file_is_found_by_path_or_id_in_any_root(local_files, tmp_path, where, ref):
    path = tmp_path / where
    path.parent.mkdir(parents=True)
    FRAME.to_csv(path, index=False)
    ref = ref.format(tmp=tmp_path)
    if ref.startswith("__"):
        ref = encode_id(ref.replace("__", "/"))

    pd.testing.assert_frame_equal(load_one(local_files, ref), FRAME)


def test_ref_key_wins_over_ref_id_and_load_settings_apply(local_files, roots):
    (roots[0] / "semi.csv").write_text("a;b\n1;2\n")
    (roots[0] / "semi.csv.settings.json").write_text('{"load_settings": {"sep": ";"}}')

    loaded = load_one(local_files, "missing.csv", ref_key="semi.csv")

    assert loaded.to_dict("records") == [{"a": 1, "b": 2}]


@pytest.mark.parametrize(
    ("files", "ref", "data_type", "message"),
    [
        pytest.param(
            {}, "missing.csv", "DATAFRAME", "'missing.csv' is not found in the root directories", id="missing"
        ),
        pytest.param({"f.txt": "x"}, "f.txt", "ANY", "unsupported extension", id="extension"),
        pytest.param(
            {"f.csv": "a\n1\n"}, "f.csv", "INT", "a INT cannot be read from f.csv", id="scalar-from-csv"
        ),
        pytest.param(
            {"f.csv": "a\n1\n", "f.csv.settings.json": '{"loadable": false}'},
            "f.csv",
            "DATAFRAME",
            "is not loadable",
            id="not-loadable",
        ),
        pytest.param(
            {"f.csv": "a\n1\n", "f.csv.settings.json": '{"loadabel": false}'},
            "f.csv",
            "DATAFRAME",
            "settings file",
            id="settings-typo",
        ),
        pytest.param(
            {"f.csv": "a,b\n1,2\n"}, "f.csv", "SERIES", "a SERIES needs one column", id="series-columns"
        ),
        pytest.param({"f.pkl": "not a pickle"}, "f.pkl", "ANY", "cannot read", id="broken-pickle"),
    ],
)
def test_a_bad_source_is_an_adapter_error_naming_input_and_file(
    local_files, roots, files, ref, data_type, message
):
    for name, text in files.items():
        (roots[0] / name).write_text(text)

    with pytest.raises(AdapterError, match=re.escape(message)) as caught:
        local_files.load([source(ref, data_type)], CONTEXT)

    assert "Local File Adapter: input 'x'" in str(caught.value)


def _tricks(tmp_path: Path, roots: list[Path]) -> None:
    (roots[0] / "sub").mkdir()
    (roots[0] / "link.csv").symlink_to(tmp_path / "outside" / "secret.csv")
    (roots[0] / "linked-dir").symlink_to(tmp_path / "outside", target_is_directory=True)
    (roots[0] / "loop.csv").symlink_to(roots[0] / "loop.csv")


@pytest.mark.parametrize(
    ("ref", "rule"),
    [
        pytest.param("../outside/secret.csv", "'..' is not allowed", id="dot-dot"),
        pytest.param("sub/../../outside/secret.csv", "'..' is not allowed", id="dot-dot-inside"),
        pytest.param("..__outside__secret.csv", "'..' is not allowed", id="encoded-dot-dot"),
        pytest.param("{tmp}/outside/secret.csv", "outside the root directories", id="absolute-outside"),
        pytest.param("/etc/passwd", "outside the root directories", id="etc-passwd"),
        pytest.param("//etc/passwd", "outside the root directories", id="double-slash"),
        pytest.param("____etc__passwd", "outside the root directories", id="encoded-absolute"),
        pytest.param("link.csv", "resolves to", id="symlink-file"),
        pytest.param("linked-dir/secret.csv", "resolves to", id="symlink-directory"),
        pytest.param("f\x00.csv", "NUL byte", id="nul-byte"),
        pytest.param("loop.csv", "cannot be resolved", id="symlink-loop"),
    ],
)
def test_paths_leaving_the_roots_are_refused_for_sources_and_sinks(local_files, roots, tmp_path, ref, rule):
    _tricks(tmp_path, roots)
    ref = ref.format(tmp=tmp_path)

    with pytest.raises(AdapterError, match=re.escape(rule)) as loading:
        local_files.load([source(ref)], CONTEXT)
    with pytest.raises(AdapterError, match=re.escape(rule)) as sending:
        send_one(local_files, ref, FRAME)

    for caught in (loading, sending):
        assert f"path {ref!r} is refused" in str(caught.value)
    assert (tmp_path / "outside" / "secret.csv").read_text() == "secret\n42\n"


@pytest.mark.parametrize(
    ("ref", "file_name", "rule"),
    [
        pytest.param("GENERIC_ANY_SINK_AT_", "../escape.pkl", "plain file name", id="file-name-dot-dot"),
        pytest.param("GENERIC_ANY_SINK_AT_", "sub/x.pkl", "plain file name", id="file-name-separator"),
        pytest.param("GENERIC_ANY_SINK_AT_", "..", "plain file name", id="file-name-parent"),
        pytest.param("GENERIC_ANY_SINK_AT_", ".hidden.pkl", "not starting with '.'", id="file-name-hidden"),
        pytest.param("GENERIC_ANY_SINK_AT_", "x.csv.settings.json", "settings.json", id="file-name-settings"),
        pytest.param("GENERIC_ANY_SINK_AT_", "x\x00.pkl", "plain file name", id="file-name-nul"),
        pytest.param(
            "GENERIC_ANY_SINK_AT_..__outside", "x.pkl", "'..' is not allowed", id="directory-dot-dot"
        ),
        pytest.param("GENERIC_ANY_SINK_AT_linked-dir", "x.pkl", "resolves to", id="directory-symlink"),
        pytest.param(
            "GENERIC_ANY_SINK_AT_{tmp}/outside", "x.pkl", "outside the root", id="directory-absolute"
        ),
    ],
)
def test_generic_sinks_refuse_names_and_directories_that_leave_the_roots(
    local_files, roots, tmp_path, ref, file_name, rule
):
    _tricks(tmp_path, roots)

    with pytest.raises(AdapterError, match=re.escape(rule)):
        send_one(local_files, ref.format(tmp=tmp_path), {"a": 1}, "ANY", file_name=file_name)

    assert sorted(p.name for p in (tmp_path / "outside").iterdir()) == ["secret.csv"]
    assert not list(roots[0].rglob("*.pkl"))


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path)


@pytest.mark.parametrize(
    ("file_name", "data_type", "value", "read", "expected"),
    [
        pytest.param("o.csv", "DATAFRAME", FRAME, _read_csv, FRAME, id="csv"),
        pytest.param("o.csv.gz", "DATAFRAME", FRAME, _read_csv, FRAME, id="csv-gz"),
        pytest.param(
            "o.json",
            "DATAFRAME",
            FRAME,
            lambda p: json.loads(p.read_text()),
            FRAME.to_dict("records"),
            id="json-records",
        ),
        pytest.param("o.parquet", "DATAFRAME", FRAME, pd.read_parquet, FRAME, id="parquet"),
        pytest.param("o.xlsx", "DATAFRAME", FRAME, pd.read_excel, FRAME, id="xlsx"),
        pytest.param(
            "o.pkl", "ANY", {"w": (1, 2)}, lambda p: pickle.loads(p.read_bytes()), {"w": (1, 2)}, id="pkl"
        ),
        pytest.param(
            "o.json", "ANY", {"w": [1, 2]}, lambda p: json.loads(p.read_text()), {"w": [1, 2]}, id="json-any"
        ),
        pytest.param(
            "o.csv",
            "SERIES",
            SERIES,
            _read_csv,
            pd.DataFrame(
                {
                    "timestamp": [
                        "2026-01-01 00:00:00+00:00",
                        "2026-01-01 01:00:00+00:00",
                        "2026-01-01 02:00:00+00:00",
                    ],
                    "value": [1.0, 2.0, 3.0],
                }
            ),
            id="csv-series",
        ),
        pytest.param("o.parquet", "MULTITSFRAME", MULTI, pd.read_parquet, MULTI, id="parquet-multitsframe"),
    ],
)
def test_generic_sinks_write_each_format(local_files, roots, file_name, data_type, value, read, expected):
    send_one(local_files, "GENERIC_DATAFRAME_SINK_AT_", value, data_type, file_name=file_name)

    written = read(roots[0] / file_name)

    if isinstance(expected, pd.DataFrame):
        pd.testing.assert_frame_equal(written, expected, check_dtype=False)
    else:
        assert written == expected
    assert hidden_files(roots[0]) == []


@pytest.mark.parametrize(
    ("ref", "extension"),
    [
        pytest.param("GENERIC_ANY_SINK_AT_", ".pkl", id="any-sink"),
        pytest.param("GENERIC_DATAFRAME_SINK_AT_", ".csv", id="dataframe-sink"),
    ],
)
def test_generic_sinks_name_new_files_by_time_and_job(local_files, roots, ref, extension):
    send_one(local_files, ref, FRAME)

    (written,) = roots[0].iterdir()
    stamp, job = written.name.removesuffix(extension).split("_")
    assert job == JOB
    assert pd.Timestamp(stamp).tz is not None


def test_generic_sinks_write_into_a_subdirectory_given_by_id(local_files, roots):
    (roots[1] / "out_dir").mkdir()

    send_one(local_files, "GENERIC_DATAFRAME_SINK_AT_out-_-dir", FRAME, file_name="r.csv")

    pd.testing.assert_frame_equal(pd.read_csv(roots[1] / "out_dir" / "r.csv"), FRAME)


def test_generic_sinks_never_replace_a_file(local_files, roots):
    (roots[0] / "r.csv").write_text("keep\n")

    with pytest.raises(AdapterError, match="exists and generic sinks never replace a file"):
        send_one(local_files, "GENERIC_DATAFRAME_SINK_AT_", FRAME, file_name="r.csv")

    assert (roots[0] / "r.csv").read_text() == "keep\n"
    assert hidden_files(roots[0]) == []


def test_generic_sinks_can_be_switched_off(roots):
    adapter = LocalFileAdapter(roots, generic_sinks=False)

    with pytest.raises(AdapterError, match="generic sinks are switched off"):
        send_one(adapter, "GENERIC_DATAFRAME_SINK_AT_", FRAME, file_name="r.csv")


def test_a_file_without_settings_is_not_writable(local_files, roots):
    (roots[0] / "r.csv").write_text("keep\n")

    with pytest.raises(
        AdapterError, match=re.escape('declare it in r.csv.settings.json with {"writable": true}')
    ):
        send_one(local_files, "r.csv", FRAME)

    assert (roots[0] / "r.csv").read_text() == "keep\n"


def test_a_settings_file_declaring_writable_makes_a_file_writable_and_loadable(local_files, roots):
    (roots[0] / "r.csv.settings.json").write_text('{"writable": true, "write_settings": {"sep": ";"}}')

    send_one(local_files, "r.csv", FRAME)
    send_one(local_files, "r.csv", FRAME.head(1))

    assert pd.read_csv(roots[0] / "r.csv", sep=";").equals(FRAME.head(1))
    assert load_one(local_files, "r.csv").columns.tolist() == ["a;b"]
    assert hidden_files(roots[0]) == []


@pytest.mark.parametrize(
    ("file_name", "data_type", "value", "message"),
    [
        pytest.param("o.csv", "INT", 3, "a INT cannot be written as .csv", id="scalar-as-csv"),
        pytest.param("o.csv", "ANY", {"a": 1}, "a dict cannot be written as .csv", id="dict-as-csv"),
        pytest.param("o.txt", "ANY", "x", "unsupported extension", id="extension"),
        pytest.param(
            "o.parquet", "DATAFRAME", pd.DataFrame({"a": [1, "x"]}), "cannot write", id="parquet-mixed-column"
        ),
        pytest.param("o.json", "MULTITSFRAME", FRAME, "timestamp, metric and value", id="not-a-multitsframe"),
    ],
)
def test_a_failed_write_leaves_nothing_behind(local_files, roots, file_name, data_type, value, message):
    with pytest.raises(AdapterError, match=re.escape(message)) as caught:
        send_one(local_files, "GENERIC_ANY_SINK_AT_", value, data_type, file_name=file_name)

    assert "Local File Adapter: output 'y'" in str(caught.value)
    assert list(roots[0].iterdir()) == []


def test_a_run_reads_a_csv_and_writes_its_results_through_the_adapter(run_wired, local_files, roots):
    FRAME.to_csv(roots[0] / "in_data.csv", index=False)
    scale = component(
        "Scale",
        {"frame": "DATAFRAME"},
        {"scaled": "DATAFRAME", "summary": "ANY"},
        "return {'scaled': frame.assign(a=frame['a'] * 2), 'summary': {'rows': len(frame)}}",
    )
    wiring = {
        "input_wirings": [
            {"workflow_input_name": "frame", "adapter_id": "local-file-adapter", "ref_id": "in-_-data.csv"}
        ],
        "output_wirings": [
            {
                "workflow_output_name": "scaled",
                "adapter_id": "local-file-adapter",
                "ref_id": "GENERIC_DATAFRAME_SINK_AT_",
                "filters": {"file_name": "scaled.csv"},
            },
            {
                "workflow_output_name": "summary",
                "adapter_id": "local-file-adapter",
                "ref_id": "GENERIC_ANY_SINK_AT_",
            },
        ],
    }

    result = run_wired(scale, wiring, local_files)

    assert result.result == "ok", result.error
    assert result.output_results_by_output_name == {}
    pd.testing.assert_frame_equal(pd.read_csv(roots[0] / "scaled.csv"), FRAME.assign(a=FRAME["a"] * 2))
    (summary,) = roots[0].glob(f"*_{result.job_id}.pkl")
    assert pickle.loads(summary.read_bytes()) == {"rows": 3}


def test_a_refused_path_fails_the_run_at_loading(run_wired, local_files):
    echo = component("Echo", {"frame": "DATAFRAME"}, {"same": "DATAFRAME"}, "return {'same': frame}")
    wiring = {
        "input_wirings": [
            {
                "workflow_input_name": "frame",
                "adapter_id": "local-file-adapter",
                "ref_id": "../outside/secret.csv",
            }
        ]
    }

    result = run_wired(echo, wiring, local_files)

    assert result.result == "failure"
    assert result.error.process_stage is ProcessStage.LOADING_DATA_FROM_ADAPTERS
    assert result.error.type == "AdapterError"
    assert "'../outside/secret.csv' is refused: '..' is not allowed" in result.error.message
