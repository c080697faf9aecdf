"""Documentation for Actual vs. Predicted Plot

# Actual vs. Predicted Plot

Draws a marker per prediction (true value horizontally, prediction vertically) and the diagonal where both are equal.

## Inputs
* **actual** (SERIES): the true values
* **predicted** (SERIES): the predictions, matched with actual by index
* **title** (STRING, default `\""`): the title above the plot

## Outputs
* **plot** (PLOTLYJSON): the plotly figure

## Details

Points above the diagonal are overestimated, points below underestimated. Pairs with a
missing value are left out.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd
import plotly.graph_objects as go

from hdutils import plotly_fig_to_json_dict

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "actual": {"data_type": "SERIES"},
        "predicted": {"data_type": "SERIES"},
        "title": {"data_type": "STRING", "default_value": ""},
    },
    "outputs": {
        "plot": {"data_type": "PLOTLYJSON"},
    },
    "name": "Actual vs. Predicted Plot",
    "category": "Visualization",
    "description": "Scatter plot of predictions against true values with the ideal diagonal",
    "version_tag": "1.0.0",
    "id": "00deba09-e584-5304-a315-cd7cdb4a7a43",
    "revision_group_id": "00deba09-e584-5304-a315-cd7cdb4a7a43",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, actual, predicted, title=""):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    pairs = pd.DataFrame({"actual": actual, "predicted": predicted}).dropna()
    low = float(min(pairs["actual"].min(), pairs["predicted"].min()))
    high = float(max(pairs["actual"].max(), pairs["predicted"].max()))
    fig = go.Figure(
        [
            go.Scatter(
                x=pairs["actual"].tolist(),
                y=pairs["predicted"].tolist(),
                mode="markers",
                name="prediction",
            ),
            go.Scatter(x=[low, high], y=[low, high], mode="lines", name="ideal"),
        ]
    )
    fig.update_layout(title=title or None, xaxis_title="actual", yaxis_title="predicted")
    return {"plot": plotly_fig_to_json_dict(fig)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"0": 17.883, "1": 8.682, "2": 13.992, "3": -0.448, "4": 3.649, "5": 10.604, "6": 10.873, "7": 13.426, "8": 15.002, "9": 2.302, "10": 11.025, "11": 4.778, "12": 16.362, "13": 11.819, "14": 13.865, "15": 18.92, "16": 12.618, "17": 16.623, "18": 2.794, "19": 15.111, "20": 2.623, "21": 3.04, "22": 7.938, "23": 10.7, "24": 5.455, "25": 15.203, "26": 10.992, "27": 25.555, "28": 3.251, "29": 16.806, "30": 6.921, "31": 10.708, "32": -4.208, "33": 1.845, "34": 20.713, "35": -1.062, "36": -1.033, "37": -5.582, "38": 13.224, "39": 13.721}',
            },
            "workflow_input_name": "actual",
        },
        {
            "filters": {
                "value": '{"0": 16.876, "1": 10.284, "2": 15.914, "3": -0.464, "4": 2.712, "5": 10.013, "6": 10.778, "7": 12.337, "8": 17.167, "9": 2.554, "10": 12.041, "11": 5.328, "12": 17.464, "13": 11.86, "14": 13.177, "15": 20.238, "16": 12.099, "17": 15.756, "18": 3.865, "19": 14.152, "20": 1.532, "21": 4.606, "22": 8.486, "23": 10.265, "24": 4.916, "25": 13.818, "26": 12.13, "27": 25.838, "28": 4.217, "29": 18.063, "30": 6.402, "31": 11.989, "32": -3.787, "33": 2.403, "34": 19.153, "35": -0.378, "36": -1.325, "37": -6.138, "38": 13.271, "39": 13.24}',
            },
            "workflow_input_name": "predicted",
        },
    ],
}
