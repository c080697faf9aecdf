"""Documentation for Series with Alerts Plot

# Series with Alerts Plot

Draws a series as a line and marks the points where `alerts` is true.

## Inputs
* **series** (SERIES): the values to draw
* **alerts** (SERIES): alert flags, matched with series by index; missing counts as false
* **title** (STRING, default `\""`): the title above the plot

## Outputs
* **plot** (PLOTLYJSON): the plotly figure

## Details

Alerts at index labels the series does not have are ignored. Works with the alerts of
every anomaly detection component and with change points.
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
        "alerts": {"data_type": "SERIES"},
        "title": {"data_type": "STRING", "default_value": ""},
    },
    "outputs": {
        "plot": {"data_type": "PLOTLYJSON"},
    },
    "name": "Series with Alerts Plot",
    "category": "Visualization",
    "description": "Line plot of a series with its alerts marked",
    "version_tag": "1.0.0",
    "id": "59204346-b72b-50aa-8c6c-4e7602963662",
    "revision_group_id": "59204346-b72b-50aa-8c6c-4e7602963662",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, alerts, title=""):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    values = series.sort_index()
    flags = alerts.reindex(values.index).eq(True)
    flagged = values[flags]
    fig = go.Figure(
        [
            go.Scatter(x=_axis(values.index), y=values.tolist(), mode="lines", name="value"),
            go.Scatter(
                x=_axis(flagged.index),
                y=flagged.tolist(),
                mode="markers",
                name="alert",
                marker={"color": "red", "size": 10, "symbol": "x"},
            ),
        ]
    )
    fig.update_layout(title=title or None)
    return {"plot": plotly_fig_to_json_dict(fig)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 19.827, "2026-01-05T01:00:00Z": 20.595, "2026-01-05T02:00:00Z": 20.466, "2026-01-05T03:00:00Z": 21.145, "2026-01-05T04:00:00Z": 21.705, "2026-01-05T05:00:00Z": 26.115, "2026-01-05T06:00:00Z": 25.521, "2026-01-05T07:00:00Z": 22.316, "2026-01-05T08:00:00Z": 22.004, "2026-01-05T09:00:00Z": 21.769, "2026-01-05T10:00:00Z": 21.435, "2026-01-05T11:00:00Z": 20.974, "2026-01-05T12:00:00Z": 20.362, "2026-01-05T13:00:00Z": 19.913, "2026-01-05T14:00:00Z": 19.681, "2026-01-05T15:00:00Z": 19.252, "2026-01-05T16:00:00Z": 18.773, "2026-01-05T17:00:00Z": 13.968, "2026-01-05T18:00:00Z": 18.984, "2026-01-05T19:00:00Z": 18.832, "2026-01-05T20:00:00Z": 19.149, "2026-01-05T21:00:00Z": 19.655, "2026-01-05T22:00:00Z": 20.449, "2026-01-05T23:00:00Z": 20.202}',
            },
            "workflow_input_name": "series",
        },
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": false, "2026-01-05T01:00:00Z": false, "2026-01-05T02:00:00Z": false, "2026-01-05T03:00:00Z": false, "2026-01-05T04:00:00Z": false, "2026-01-05T05:00:00Z": true, "2026-01-05T06:00:00Z": true, "2026-01-05T07:00:00Z": false, "2026-01-05T08:00:00Z": false, "2026-01-05T09:00:00Z": false, "2026-01-05T10:00:00Z": false, "2026-01-05T11:00:00Z": false, "2026-01-05T12:00:00Z": false, "2026-01-05T13:00:00Z": false, "2026-01-05T14:00:00Z": false, "2026-01-05T15:00:00Z": false, "2026-01-05T16:00:00Z": false, "2026-01-05T17:00:00Z": true, "2026-01-05T18:00:00Z": false, "2026-01-05T19:00:00Z": false, "2026-01-05T20:00:00Z": false, "2026-01-05T21:00:00Z": false, "2026-01-05T22:00:00Z": false, "2026-01-05T23:00:00Z": false}',
            },
            "workflow_input_name": "alerts",
        },
    ],
}
