"""Documentation for MULTITSFRAME Plot

# MULTITSFRAME Plot

Draws each metric of a long-format MULTITSFRAME (columns timestamp, metric, value) as a line over time.

## Inputs
* **multitsframe** (MULTITSFRAME): the measurements in long format
* **title** (STRING, default `\""`): the title above the plot

## Outputs
* **plot** (PLOTLYJSON): the plotly figure

## Details

Metrics are drawn in alphabetical order. Each metric keeps its own timestamps, so metrics
sampled at different times need no alignment.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import plotly.graph_objects as go

from hdutils import plotly_fig_to_json_dict

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "multitsframe": {"data_type": "MULTITSFRAME"},
        "title": {"data_type": "STRING", "default_value": ""},
    },
    "outputs": {
        "plot": {"data_type": "PLOTLYJSON"},
    },
    "name": "MULTITSFRAME Plot",
    "category": "Visualization",
    "description": "Line plot with one line per metric of a MULTITSFRAME",
    "version_tag": "1.0.0",
    "id": "37a6d670-a5b6-5e9d-baf9-450d33b103a3",
    "revision_group_id": "37a6d670-a5b6-5e9d-baf9-450d33b103a3",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, multitsframe, title=""):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    fig = go.Figure()
    for metric in sorted(multitsframe["metric"].unique()):
        rows = multitsframe[multitsframe["metric"] == metric].sort_values("timestamp")
        fig.add_trace(
            go.Scatter(
                x=list(rows["timestamp"]),
                y=rows["value"].tolist(),
                mode="lines",
                name=str(metric),
            )
        )
    fig.update_layout(title=title or None)
    return {"plot": plotly_fig_to_json_dict(fig)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '[{"timestamp": "2026-01-05T00:00:00Z", "metric": "pressure", "value": 1.013}, {"timestamp": "2026-01-05T00:00:00Z", "metric": "temperature", "value": 19.709}, {"timestamp": "2026-01-05T01:00:00Z", "metric": "pressure", "value": 0.984}, {"timestamp": "2026-01-05T01:00:00Z", "metric": "temperature", "value": 20.508}, {"timestamp": "2026-01-05T02:00:00Z", "metric": "pressure", "value": 1.05}, {"timestamp": "2026-01-05T02:00:00Z", "metric": "temperature", "value": 21.474}, {"timestamp": "2026-01-05T03:00:00Z", "metric": "pressure", "value": 1.1}, {"timestamp": "2026-01-05T03:00:00Z", "metric": "temperature", "value": 22.089}, {"timestamp": "2026-01-05T04:00:00Z", "metric": "pressure", "value": 1.078}, {"timestamp": "2026-01-05T04:00:00Z", "metric": "temperature", "value": 21.777}, {"timestamp": "2026-01-05T05:00:00Z", "metric": "pressure", "value": 1.11}, {"timestamp": "2026-01-05T05:00:00Z", "metric": "temperature", "value": 22.57}, {"timestamp": "2026-01-05T06:00:00Z", "metric": "pressure", "value": 1.137}, {"timestamp": "2026-01-05T06:00:00Z", "metric": "temperature", "value": 22.13}, {"timestamp": "2026-01-05T07:00:00Z", "metric": "pressure", "value": 1.097}, {"timestamp": "2026-01-05T07:00:00Z", "metric": "temperature", "value": 22.298}, {"timestamp": "2026-01-05T08:00:00Z", "metric": "pressure", "value": 1.119}, {"timestamp": "2026-01-05T08:00:00Z", "metric": "temperature", "value": 22.454}, {"timestamp": "2026-01-05T09:00:00Z", "metric": "pressure", "value": 1.122}, {"timestamp": "2026-01-05T09:00:00Z", "metric": "temperature", "value": 21.766}, {"timestamp": "2026-01-05T10:00:00Z", "metric": "pressure", "value": 1.082}, {"timestamp": "2026-01-05T10:00:00Z", "metric": "temperature", "value": 22.212}, {"timestamp": "2026-01-05T11:00:00Z", "metric": "pressure", "value": 1.078}, {"timestamp": "2026-01-05T11:00:00Z", "metric": "temperature", "value": 20.307}]',
            },
            "workflow_input_name": "multitsframe",
        },
    ],
}
