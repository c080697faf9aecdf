"""Documentation for Trend and Limit Plot

# Trend and Limit Plot

Draws measured values, a forecast and a horizontal limit line, e.g. for a remaining useful life estimate.

## Inputs
* **series** (SERIES): the measured values
* **forecast** (SERIES): the forecast, e.g. from Linear Trend Limit Crossing
* **limit** (FLOAT): the limit to draw as a horizontal line
* **title** (STRING, default `\""`): the title above the plot

## Outputs
* **plot** (PLOTLYJSON): the plotly figure

## Details

The limit line spans from the earliest to the latest timestamp of both series.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import plotly.graph_objects as go

from hdutils import plotly_fig_to_json_dict


def _axis(index):
    return list(index)


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "forecast": {"data_type": "SERIES"},
        "limit": {"data_type": "FLOAT"},
        "title": {"data_type": "STRING", "default_value": ""},
    },
    "outputs": {
        "plot": {"data_type": "PLOTLYJSON"},
    },
    "name": "Trend and Limit Plot",
    "category": "Visualization",
    "description": "Measurements, their forecast trend and a limit line in one plot",
    "version_tag": "1.0.0",
    "id": "2c419004-582d-5409-b677-81e70701fe02",
    "revision_group_id": "2c419004-582d-5409-b677-81e70701fe02",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, forecast, limit, title=""):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    measured, ahead = series.sort_index(), forecast.sort_index()
    start = min(measured.index.min(), ahead.index.min())
    end = max(measured.index.max(), ahead.index.max())
    fig = go.Figure(
        [
            go.Scatter(x=_axis(measured.index), y=measured.tolist(), mode="markers+lines", name="measured"),
            go.Scatter(
                x=_axis(ahead.index),
                y=ahead.tolist(),
                mode="lines",
                name="forecast",
                line={"dash": "dash"},
            ),
            go.Scatter(
                x=[start, end],
                y=[limit, limit],
                mode="lines",
                name="limit",
                line={"color": "red"},
            ),
        ]
    )
    fig.update_layout(title=title or None)
    return {"plot": plotly_fig_to_json_dict(fig)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 10.0, "2026-01-06T00:00:00Z": 11.052, "2026-01-07T00:00:00Z": 11.873, "2026-01-08T00:00:00Z": 12.442, "2026-01-09T00:00:00Z": 12.973, "2026-01-10T00:00:00Z": 13.712, "2026-01-11T00:00:00Z": 14.716, "2026-01-12T00:00:00Z": 15.797, "2026-01-13T00:00:00Z": 16.697, "2026-01-14T00:00:00Z": 17.324, "2026-01-15T00:00:00Z": 17.837, "2026-01-16T00:00:00Z": 18.5, "2026-01-17T00:00:00Z": 19.439, "2026-01-18T00:00:00Z": 20.526, "2026-01-19T00:00:00Z": 21.497, "2026-01-20T00:00:00Z": 22.195, "2026-01-21T00:00:00Z": 22.714, "2026-01-22T00:00:00Z": 23.312, "2026-01-23T00:00:00Z": 24.175, "2026-01-24T00:00:00Z": 25.245, "2026-01-25T00:00:00Z": 26.274, "2026-01-26T00:00:00Z": 27.051, "2026-01-27T00:00:00Z": 27.597, "2026-01-28T00:00:00Z": 28.146, "2026-01-29T00:00:00Z": 28.928, "2026-01-30T00:00:00Z": 29.96, "2026-01-31T00:00:00Z": 31.029, "2026-02-01T00:00:00Z": 31.887, "2026-02-02T00:00:00Z": 32.481, "2026-02-03T00:00:00Z": 33.001}',
            },
            "workflow_input_name": "series",
        },
        {
            "filters": {
                "value": '{"2026-02-04T00:00:00Z": 33.2, "2026-02-05T00:00:00Z": 34.0, "2026-02-06T00:00:00Z": 34.8, "2026-02-07T00:00:00Z": 35.6, "2026-02-08T00:00:00Z": 36.4, "2026-02-09T00:00:00Z": 37.2, "2026-02-10T00:00:00Z": 38.0, "2026-02-11T00:00:00Z": 38.8, "2026-02-12T00:00:00Z": 39.6, "2026-02-13T00:00:00Z": 40.4, "2026-02-14T00:00:00Z": 41.2}',
            },
            "workflow_input_name": "forecast",
        },
        {"filters": {"value": "40.0"}, "workflow_input_name": "limit"},
    ],
}
