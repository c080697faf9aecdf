"""Outputs parsed back into Python objects by data type, and their HTML for notebooks."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from sealflow.code.outputs import HTML_ROWS, RunOutcome, decode_outputs
from sealflow.code.values import serialize_value
from sealflow.errors import ExecutionFailed
from sealflow.model.datatypes import DataType

SERIES = pd.Series([1.5, None, 3.0], index=pd.date_range("2026-01-01", periods=3, tz="UTC", unit="ns"))


@pytest.mark.parametrize(
    ("value", "data_type"),
    [
        pytest.param(SERIES, DataType.SERIES, id="series"),
        pytest.param(pd.DataFrame({"a": [1, 2], "b": ["x", None]}), DataType.DATAFRAME, id="dataframe"),
        pytest.param(7, DataType.INT, id="int"),
        pytest.param(float("nan"), DataType.FLOAT, id="nan"),
        pytest.param({"nested": [1, "two"]}, DataType.ANY, id="any"),
    ],
)
def test_encoded_outputs_come_back_as_the_values_that_were_encoded(value, data_type):
    (decoded,) = decode_outputs({"out": serialize_value(value, data_type)}, {"out": data_type}).values()
    if isinstance(value, pd.Series):
        pd.testing.assert_series_equal(decoded, value, check_freq=False)
    elif isinstance(value, pd.DataFrame):
        pd.testing.assert_frame_equal(decoded, value)
    elif value != value:
        assert decoded != decoded
    else:
        assert decoded == value


def test_plots_become_figures_and_a_skipped_plot_an_empty_figure():
    figure = go.Figure(go.Bar(y=[3, 1]))
    outputs = decode_outputs(
        {"plot": serialize_value(figure, DataType.PLOTLYJSON), "skipped": {}},
        {"plot": DataType.PLOTLYJSON, "skipped": DataType.PLOTLYJSON},
    )
    assert isinstance(outputs["plot"], go.Figure)
    assert list(outputs["plot"].data[0].y) == [3, 1]
    assert isinstance(outputs["skipped"], go.Figure)
    assert outputs["skipped"].data == ()


def test_html_shows_tables_plots_and_text_under_their_names():
    long = pd.DataFrame({"v": range(HTML_ROWS + 5)})
    outputs = decode_outputs(
        {
            "frame": serialize_value(long, DataType.DATAFRAME),
            "series": serialize_value(SERIES, DataType.SERIES),
            "plot": serialize_value(go.Figure(), DataType.PLOTLYJSON),
            "note": "<b>x</b>",
        },
        {"frame": DataType.DATAFRAME, "series": DataType.SERIES, "plot": DataType.PLOTLYJSON},
    )
    html = outputs._repr_html_()
    assert html.count("<table") == 2
    assert "… 5 more rows" in html
    assert "<th>value</th>" in html
    assert "plotly" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert [part.split("</h4>")[0] for part in html.split("<h4>")[1:]] == ["frame", "series", "plot", "note"]


def test_a_failed_outcome_says_where_it_failed():
    error = {
        "type": "ValueError",
        "message": "too few points",
        "process_stage": "EXECUTING_COMPONENT_CODE",
        "operator_info": {"hierarchy_in_workflow": {"by_name": ["Flow", "Fit"]}},
    }
    outcome = RunOutcome.from_json("Flow 1.0", {"result": "failure", "error": error, "job_id": "j"})
    assert not outcome.ok
    expected = "EXECUTING_COMPONENT_CODE: ValueError: too few points (operator Flow / Fit)"
    with pytest.raises(ExecutionFailed, match="too few points") as caught:
        outcome["y"]
    assert caught.value.message.endswith(expected)
    assert caught.value.context["job_id"] == "j"
    assert "failed" in outcome._repr_html_()
    ok = RunOutcome.from_json("Flow 1.0", {"result": "ok", "output_results_by_output_name": {"y": 1}})
    with pytest.raises(KeyError, match="returned no output 'z'; its outputs are 'y'"):
        ok["z"]
