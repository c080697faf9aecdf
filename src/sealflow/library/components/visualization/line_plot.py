"""Documentation for Line Plot

# Line Plot

Draws a series as a line over its index.

## Inputs
* **series** (SERIES): the values to draw
* **title** (STRING, default `\""`): the title above the plot

## Outputs
* **plot** (PLOTLYJSON): the plotly figure

## Details

Missing values leave gaps in the line.
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
        "title": {"data_type": "STRING", "default_value": ""},
    },
    "outputs": {
        "plot": {"data_type": "PLOTLYJSON"},
    },
    "name": "Line Plot",
    "category": "Visualization",
    "description": "Line plot of one series",
    "version_tag": "1.0.0",
    "id": "cb53b87c-f7d5-5e6f-a116-a0777b213c18",
    "revision_group_id": "cb53b87c-f7d5-5e6f-a116-a0777b213c18",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, title=""):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    values = series.sort_index()
    fig = go.Figure(
        go.Scatter(
            x=_axis(values.index),
            y=values.tolist(),
            mode="lines",
            name=str(values.name) if values.name is not None else "value",
        )
    )
    fig.update_layout(title=title or None)
    return {"plot": plotly_fig_to_json_dict(fig)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 19.745, "2026-01-05T01:00:00Z": 20.664, "2026-01-05T02:00:00Z": 21.637, "2026-01-05T03:00:00Z": 21.828, "2026-01-05T04:00:00Z": 22.044, "2026-01-05T05:00:00Z": 22.628, "2026-01-05T06:00:00Z": 22.519, "2026-01-05T07:00:00Z": 22.906, "2026-01-05T08:00:00Z": 21.731, "2026-01-05T09:00:00Z": 21.902, "2026-01-05T10:00:00Z": 21.663, "2026-01-05T11:00:00Z": 20.865, "2026-01-05T12:00:00Z": 20.606, "2026-01-05T13:00:00Z": 19.815, "2026-01-05T14:00:00Z": 19.296, "2026-01-05T15:00:00Z": 19.702, "2026-01-05T16:00:00Z": 18.348, "2026-01-05T17:00:00Z": 18.451, "2026-01-05T18:00:00Z": 18.776, "2026-01-05T19:00:00Z": 18.717, "2026-01-05T20:00:00Z": 19.559, "2026-01-05T21:00:00Z": 19.83, "2026-01-05T22:00:00Z": 20.18, "2026-01-05T23:00:00Z": 21.096}',
            },
            "workflow_input_name": "series",
        },
    ],
}
