"""Documentation for Histogram

# Histogram

Counts the values of a series in equally wide bins.

## Inputs
* **series** (SERIES): the values to count
* **bins** (INT, default `20`): the maximum number of bins
* **title** (STRING, default `\""`): the title above the plot

## Outputs
* **plot** (PLOTLYJSON): the plotly figure

## Details

The figure carries the values themselves; plotly chooses bin edges with at most `bins`
bins when it draws them. Missing values are left out.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import plotly.graph_objects as go

from hdutils import plotly_fig_to_json_dict

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "bins": {"data_type": "INT", "default_value": 20},
        "title": {"data_type": "STRING", "default_value": ""},
    },
    "outputs": {
        "plot": {"data_type": "PLOTLYJSON"},
    },
    "name": "Histogram",
    "category": "Visualization",
    "description": "Histogram of the values of a series",
    "version_tag": "1.0.0",
    "id": "3a70911c-7f1e-517d-a71a-f5cf6be3741f",
    "revision_group_id": "3a70911c-7f1e-517d-a71a-f5cf6be3741f",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, bins=20, title=""):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    values = series.dropna()
    fig = go.Figure(go.Histogram(x=values.tolist(), nbinsx=bins))
    fig.update_layout(title=title or None, bargap=0.05)
    return {"plot": plotly_fig_to_json_dict(fig)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 20.099, "2026-01-05T01:00:00Z": 20.706, "2026-01-05T02:00:00Z": 21.567, "2026-01-05T03:00:00Z": 21.964, "2026-01-05T04:00:00Z": 21.98, "2026-01-05T05:00:00Z": 22.292, "2026-01-05T06:00:00Z": 21.944, "2026-01-05T07:00:00Z": 22.163, "2026-01-05T08:00:00Z": 22.228, "2026-01-05T09:00:00Z": 22.099, "2026-01-05T10:00:00Z": 21.257, "2026-01-05T11:00:00Z": 20.819, "2026-01-05T12:00:00Z": 20.755, "2026-01-05T13:00:00Z": 20.353, "2026-01-05T14:00:00Z": 19.372, "2026-01-05T15:00:00Z": 19.435, "2026-01-05T16:00:00Z": 19.471, "2026-01-05T17:00:00Z": 18.923, "2026-01-05T18:00:00Z": 19.17, "2026-01-05T19:00:00Z": 19.329, "2026-01-05T20:00:00Z": 19.043, "2026-01-05T21:00:00Z": 19.504, "2026-01-05T22:00:00Z": 19.697, "2026-01-05T23:00:00Z": 20.289, "2026-01-06T00:00:00Z": 21.141, "2026-01-06T01:00:00Z": 21.967, "2026-01-06T02:00:00Z": 22.457, "2026-01-06T03:00:00Z": 22.621, "2026-01-06T04:00:00Z": 22.608, "2026-01-06T05:00:00Z": 23.376, "2026-01-06T06:00:00Z": 23.773, "2026-01-06T07:00:00Z": 23.59, "2026-01-06T08:00:00Z": 23.494, "2026-01-06T09:00:00Z": 23.661, "2026-01-06T10:00:00Z": 23.148, "2026-01-06T11:00:00Z": 22.215, "2026-01-06T12:00:00Z": 21.139, "2026-01-06T13:00:00Z": 21.707, "2026-01-06T14:00:00Z": 20.76, "2026-01-06T15:00:00Z": 20.696, "2026-01-06T16:00:00Z": 19.994, "2026-01-06T17:00:00Z": 20.225, "2026-01-06T18:00:00Z": 19.843, "2026-01-06T19:00:00Z": 20.348, "2026-01-06T20:00:00Z": 20.248, "2026-01-06T21:00:00Z": 20.713, "2026-01-06T22:00:00Z": 21.061, "2026-01-06T23:00:00Z": 21.954}',
            },
            "workflow_input_name": "series",
        },
    ],
}
