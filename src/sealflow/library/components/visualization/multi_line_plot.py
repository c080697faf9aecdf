"""Documentation for Multi-Series Line Plot

# Multi-Series Line Plot

Draws every numeric column of a table as a line over the index.

## Inputs
* **data** (DATAFRAME): the columns to draw, sharing one index
* **title** (STRING, default `\""`): the title above the plot

## Outputs
* **plot** (PLOTLYJSON): the plotly figure

## Details

Columns that are not numeric are skipped. Click a legend entry to hide a line. For series
on very different scales, **Stacked Subplots** gives each its own axis.
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
        "data": {"data_type": "DATAFRAME"},
        "title": {"data_type": "STRING", "default_value": ""},
    },
    "outputs": {
        "plot": {"data_type": "PLOTLYJSON"},
    },
    "name": "Multi-Series Line Plot",
    "category": "Visualization",
    "description": "Line plot with one line per column of a table",
    "version_tag": "1.0.0",
    "id": "6be32de1-5822-54eb-a582-d2daf2933072",
    "revision_group_id": "6be32de1-5822-54eb-a582-d2daf2933072",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, title=""):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    table = data.sort_index().select_dtypes("number")
    fig = go.Figure(
        [
            go.Scatter(x=_axis(table.index), y=table[column].tolist(), mode="lines", name=str(column))
            for column in table.columns
        ]
    )
    fig.update_layout(title=title or None)
    return {"plot": plotly_fig_to_json_dict(fig)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"temperature": {"2026-01-05T00:00:00Z": 19.827, "2026-01-05T01:00:00Z": 20.381, "2026-01-05T02:00:00Z": 21.124, "2026-01-05T03:00:00Z": 21.94, "2026-01-05T04:00:00Z": 21.835, "2026-01-05T05:00:00Z": 21.851, "2026-01-05T06:00:00Z": 22.06, "2026-01-05T07:00:00Z": 22.815, "2026-01-05T08:00:00Z": 22.027, "2026-01-05T09:00:00Z": 21.509, "2026-01-05T10:00:00Z": 21.409, "2026-01-05T11:00:00Z": 21.157, "2026-01-05T12:00:00Z": 20.686, "2026-01-05T13:00:00Z": 20.691, "2026-01-05T14:00:00Z": 19.643, "2026-01-05T15:00:00Z": 18.872, "2026-01-05T16:00:00Z": 19.521, "2026-01-05T17:00:00Z": 19.004, "2026-01-05T18:00:00Z": 18.99, "2026-01-05T19:00:00Z": 18.814, "2026-01-05T20:00:00Z": 18.957, "2026-01-05T21:00:00Z": 20.11, "2026-01-05T22:00:00Z": 19.645, "2026-01-05T23:00:00Z": 20.446}, "pressure": {"2026-01-05T00:00:00Z": 1.975, "2026-01-05T01:00:00Z": 2.064, "2026-01-05T02:00:00Z": 2.108, "2026-01-05T03:00:00Z": 2.154, "2026-01-05T04:00:00Z": 2.203, "2026-01-05T05:00:00Z": 2.238, "2026-01-05T06:00:00Z": 2.236, "2026-01-05T07:00:00Z": 2.234, "2026-01-05T08:00:00Z": 2.179, "2026-01-05T09:00:00Z": 2.204, "2026-01-05T10:00:00Z": 2.14, "2026-01-05T11:00:00Z": 2.136, "2026-01-05T12:00:00Z": 2.099, "2026-01-05T13:00:00Z": 1.964, "2026-01-05T14:00:00Z": 2.01, "2026-01-05T15:00:00Z": 1.913, "2026-01-05T16:00:00Z": 1.876, "2026-01-05T17:00:00Z": 1.885, "2026-01-05T18:00:00Z": 1.899, "2026-01-05T19:00:00Z": 1.932, "2026-01-05T20:00:00Z": 2.011, "2026-01-05T21:00:00Z": 1.92, "2026-01-05T22:00:00Z": 1.999, "2026-01-05T23:00:00Z": 2.075}, "flow": {"2026-01-05T00:00:00Z": 19.969, "2026-01-05T01:00:00Z": 19.674, "2026-01-05T02:00:00Z": 18.632, "2026-01-05T03:00:00Z": 18.714, "2026-01-05T04:00:00Z": 18.409, "2026-01-05T05:00:00Z": 17.664, "2026-01-05T06:00:00Z": 17.304, "2026-01-05T07:00:00Z": 17.335, "2026-01-05T08:00:00Z": 17.461, "2026-01-05T09:00:00Z": 18.015, "2026-01-05T10:00:00Z": 18.605, "2026-01-05T11:00:00Z": 18.759, "2026-01-05T12:00:00Z": 19.226, "2026-01-05T13:00:00Z": 19.848, "2026-01-05T14:00:00Z": 20.51, "2026-01-05T15:00:00Z": 20.717, "2026-01-05T16:00:00Z": 20.852, "2026-01-05T17:00:00Z": 21.428, "2026-01-05T18:00:00Z": 21.209, "2026-01-05T19:00:00Z": 21.347, "2026-01-05T20:00:00Z": 20.199, "2026-01-05T21:00:00Z": 20.151, "2026-01-05T22:00:00Z": 19.942, "2026-01-05T23:00:00Z": 19.082}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
