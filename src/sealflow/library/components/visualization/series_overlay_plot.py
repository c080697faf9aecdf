"""Documentation for Series Overlay Plot

# Series Overlay Plot

Draws up to four series as lines on a shared axis, e.g. a raw signal and smoothed versions of it.

## Inputs
* **series_1** (SERIES): the first series
* **series_2** (SERIES): the second series
* **series_3** (SERIES, optional): a third series
* **series_4** (SERIES, optional): a fourth series
* **labels** (STRING, default `\""`): legend names separated by commas; by default series_1 ... series_4
* **title** (STRING, default `\""`): the title above the plot

## Outputs
* **plot** (PLOTLYJSON): the plotly figure

## Details

Each series keeps its own index, so series of different length (e.g. after a moving
average that drops points) can be compared directly.
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
        "series_1": {"data_type": "SERIES"},
        "series_2": {"data_type": "SERIES"},
        "series_3": {"data_type": "SERIES", "default_value": None},
        "series_4": {"data_type": "SERIES", "default_value": None},
        "labels": {"data_type": "STRING", "default_value": ""},
        "title": {"data_type": "STRING", "default_value": ""},
    },
    "outputs": {
        "plot": {"data_type": "PLOTLYJSON"},
    },
    "name": "Series Overlay Plot",
    "category": "Visualization",
    "description": "Line plot of two to four series on one axis",
    "version_tag": "1.0.0",
    "id": "5ffa30a2-e77c-5f62-aa87-8fb4d5e39422",
    "revision_group_id": "5ffa30a2-e77c-5f62-aa87-8fb4d5e39422",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series_1, series_2, series_3=None, series_4=None, labels="", title=""):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    given = [s for s in (series_1, series_2, series_3, series_4) if s is not None]
    names = [label.strip() for label in labels.split(",")] if labels else []
    fig = go.Figure()
    for position, values in enumerate(given):
        values = values.sort_index()
        name = names[position] if position < len(names) else f"series_{position + 1}"
        fig.add_trace(go.Scatter(x=_axis(values.index), y=values.tolist(), mode="lines", name=name))
    fig.update_layout(title=title or None)
    return {"plot": plotly_fig_to_json_dict(fig)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 19.685, "2026-01-05T01:00:00Z": 20.459, "2026-01-05T02:00:00Z": 21.343, "2026-01-05T03:00:00Z": 21.189, "2026-01-05T04:00:00Z": 21.549, "2026-01-05T05:00:00Z": 22.504, "2026-01-05T06:00:00Z": 22.654, "2026-01-05T07:00:00Z": 22.805, "2026-01-05T08:00:00Z": 22.079, "2026-01-05T09:00:00Z": 22.149, "2026-01-05T10:00:00Z": 21.661, "2026-01-05T11:00:00Z": 21.139, "2026-01-05T12:00:00Z": 20.843, "2026-01-05T13:00:00Z": 20.223, "2026-01-05T14:00:00Z": 20.239, "2026-01-05T15:00:00Z": 19.547, "2026-01-05T16:00:00Z": 18.923, "2026-01-05T17:00:00Z": 19.164, "2026-01-05T18:00:00Z": 19.181, "2026-01-05T19:00:00Z": 18.475, "2026-01-05T20:00:00Z": 19.368, "2026-01-05T21:00:00Z": 19.631, "2026-01-05T22:00:00Z": 20.101, "2026-01-05T23:00:00Z": 20.296}',
            },
            "workflow_input_name": "series_1",
        },
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": null, "2026-01-05T01:00:00Z": null, "2026-01-05T02:00:00Z": 20.496, "2026-01-05T03:00:00Z": 20.997, "2026-01-05T04:00:00Z": 21.36, "2026-01-05T05:00:00Z": 21.747, "2026-01-05T06:00:00Z": 22.236, "2026-01-05T07:00:00Z": 22.654, "2026-01-05T08:00:00Z": 22.513, "2026-01-05T09:00:00Z": 22.344, "2026-01-05T10:00:00Z": 21.963, "2026-01-05T11:00:00Z": 21.65, "2026-01-05T12:00:00Z": 21.214, "2026-01-05T13:00:00Z": 20.735, "2026-01-05T14:00:00Z": 20.435, "2026-01-05T15:00:00Z": 20.003, "2026-01-05T16:00:00Z": 19.57, "2026-01-05T17:00:00Z": 19.211, "2026-01-05T18:00:00Z": 19.089, "2026-01-05T19:00:00Z": 18.94, "2026-01-05T20:00:00Z": 19.008, "2026-01-05T21:00:00Z": 19.158, "2026-01-05T22:00:00Z": 19.7, "2026-01-05T23:00:00Z": 20.009}',
            },
            "workflow_input_name": "series_2",
        },
        {"filters": {"value": "raw, moving average"}, "workflow_input_name": "labels"},
    ],
}
