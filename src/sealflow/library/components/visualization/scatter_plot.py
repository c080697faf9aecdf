"""Documentation for Scatter Plot

# Scatter Plot

Draws a marker for each index label present in both series: `x` horizontally, `y` vertically.

## Inputs
* **x** (SERIES): the horizontal values
* **y** (SERIES): the vertical values, matched with x by index
* **title** (STRING, default `\""`): the title above the plot

## Outputs
* **plot** (PLOTLYJSON): the plotly figure

## Details

Pairs with a missing value are left out; hovering over a marker shows its index label.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd
import plotly.graph_objects as go

from hdutils import plotly_fig_to_json_dict

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "x": {"data_type": "SERIES"},
        "y": {"data_type": "SERIES"},
        "title": {"data_type": "STRING", "default_value": ""},
    },
    "outputs": {
        "plot": {"data_type": "PLOTLYJSON"},
    },
    "name": "Scatter Plot",
    "category": "Visualization",
    "description": "Scatter plot of one series against another",
    "version_tag": "1.0.0",
    "id": "b7d80d5a-bfe0-549a-b27e-2b1f4e186911",
    "revision_group_id": "b7d80d5a-bfe0-549a-b27e-2b1f4e186911",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, x, y, title=""):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    pairs = pd.DataFrame({"x": x, "y": y}).dropna()
    fig = go.Figure(
        go.Scatter(
            x=pairs["x"].tolist(),
            y=pairs["y"].tolist(),
            mode="markers",
            text=[str(label) for label in pairs.index],
        )
    )
    fig.update_layout(
        title=title or None,
        xaxis_title=str(x.name) if x.name is not None else "x",
        yaxis_title=str(y.name) if y.name is not None else "y",
    )
    return {"plot": plotly_fig_to_json_dict(fig)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 19.827, "2026-01-05T01:00:00Z": 20.381, "2026-01-05T02:00:00Z": 21.124, "2026-01-05T03:00:00Z": 21.94, "2026-01-05T04:00:00Z": 21.835, "2026-01-05T05:00:00Z": 21.851, "2026-01-05T06:00:00Z": 22.06, "2026-01-05T07:00:00Z": 22.815, "2026-01-05T08:00:00Z": 22.027, "2026-01-05T09:00:00Z": 21.509, "2026-01-05T10:00:00Z": 21.409, "2026-01-05T11:00:00Z": 21.157, "2026-01-05T12:00:00Z": 20.686, "2026-01-05T13:00:00Z": 20.691, "2026-01-05T14:00:00Z": 19.643, "2026-01-05T15:00:00Z": 18.872, "2026-01-05T16:00:00Z": 19.521, "2026-01-05T17:00:00Z": 19.004, "2026-01-05T18:00:00Z": 18.99, "2026-01-05T19:00:00Z": 18.814, "2026-01-05T20:00:00Z": 18.957, "2026-01-05T21:00:00Z": 20.11, "2026-01-05T22:00:00Z": 19.645, "2026-01-05T23:00:00Z": 20.446}',
            },
            "workflow_input_name": "x",
        },
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 19.969, "2026-01-05T01:00:00Z": 19.674, "2026-01-05T02:00:00Z": 18.632, "2026-01-05T03:00:00Z": 18.714, "2026-01-05T04:00:00Z": 18.409, "2026-01-05T05:00:00Z": 17.664, "2026-01-05T06:00:00Z": 17.304, "2026-01-05T07:00:00Z": 17.335, "2026-01-05T08:00:00Z": 17.461, "2026-01-05T09:00:00Z": 18.015, "2026-01-05T10:00:00Z": 18.605, "2026-01-05T11:00:00Z": 18.759, "2026-01-05T12:00:00Z": 19.226, "2026-01-05T13:00:00Z": 19.848, "2026-01-05T14:00:00Z": 20.51, "2026-01-05T15:00:00Z": 20.717, "2026-01-05T16:00:00Z": 20.852, "2026-01-05T17:00:00Z": 21.428, "2026-01-05T18:00:00Z": 21.209, "2026-01-05T19:00:00Z": 21.347, "2026-01-05T20:00:00Z": 20.199, "2026-01-05T21:00:00Z": 20.151, "2026-01-05T22:00:00Z": 19.942, "2026-01-05T23:00:00Z": 19.082}',
            },
            "workflow_input_name": "y",
        },
    ],
}
