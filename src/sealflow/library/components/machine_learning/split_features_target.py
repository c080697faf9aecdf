"""Documentation for Split Features and Target

# Split Features and Target

Takes the column `target_column` out of `data` as the target; the other columns are the features.

## Inputs
* **data** (DATAFRAME): the table with features and target
* **target_column** (STRING): the name of the target column

## Outputs
* **features** (DATAFRAME): all other columns
* **target** (SERIES): the target column

## Details

Both outputs keep the index of `data`, which is how the training and prediction
components match feature rows with targets.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "DATAFRAME"},
        "target_column": {"data_type": "STRING"},
    },
    "outputs": {
        "features": {"data_type": "DATAFRAME"},
        "target": {"data_type": "SERIES"},
    },
    "name": "Split Features and Target",
    "category": "Machine Learning",
    "description": "Separates the target column from the feature columns of a table",
    "version_tag": "1.0.0",
    "id": "bc2026ad-bd9b-5200-a54a-80e81e2960fe",
    "revision_group_id": "bc2026ad-bd9b-5200-a54a-80e81e2960fe",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, target_column):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if target_column not in data.columns:
        raise ComponentInputValidationException(
            f"data has no column {target_column!r}; its columns are {list(data.columns)}",
            invalid_component_inputs=["target_column"],
        )
    return {"features": data.drop(columns=target_column), "target": data[target_column]}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '[{"x1": 6.251, "x2": -2.324, "x3": 1.524, "y": 17.883}, {"x1": 8.972, "x2": 3.803, "x3": -0.428, "y": 8.682}, {"x1": 7.757, "x2": 0.098, "x3": -0.304, "y": 13.992}, {"x1": 2.252, "x2": 3.472, "x3": 0.353, "y": -0.448}, {"x1": 3.002, "x2": 1.397, "x3": -0.121, "y": 3.649}, {"x1": 8.736, "x2": 2.418, "x3": -0.197, "y": 10.604}, {"x1": 0.053, "x2": -4.085, "x3": -1.114, "y": 10.873}, {"x1": 8.212, "x2": 0.411, "x3": -0.012, "y": 13.426}, {"x1": 7.971, "x2": 0.078, "x3": -0.444, "y": 15.002}, {"x1": 4.679, "x2": 3.713, "x3": 1.166, "y": 2.302}, {"x1": 3.03, "x2": -1.387, "x3": 0.653, "y": 11.025}, {"x1": 2.784, "x2": 0.982, "x3": -0.024, "y": 4.778}, {"x1": 2.549, "x2": -4.407, "x3": 0.668, "y": 16.362}, {"x1": 4.451, "x2": -1.124, "x3": -0.34, "y": 11.819}, {"x1": 5.045, "x2": -1.77, "x3": 1.052, "y": 13.865}, {"x1": 5.535, "x2": -3.498, "x3": -0.005, "y": 18.92}, {"x1": 9.955, "x2": 3.163, "x3": 0.583, "y": 12.618}, {"x1": 7.927, "x2": -1.206, "x3": -1.291, "y": 16.623}, {"x1": 6.222, "x2": 4.787, "x3": 0.347, "y": 2.794}, {"x1": 9.89, "x2": 0.9, "x3": -1.688, "y": 15.111}, {"x1": 2.153, "x2": 1.051, "x3": -2.035, "y": 2.623}, {"x1": 1.602, "x2": 1.38, "x3": -0.304, "y": 3.04}, {"x1": 6.125, "x2": 1.765, "x3": -0.9, "y": 7.938}, {"x1": 0.439, "x2": -3.492, "x3": 0.164, "y": 10.7}, {"x1": 0.357, "x2": -0.597, "x3": 2.245, "y": 5.455}, {"x1": 5.149, "x2": -2.604, "x3": -0.832, "y": 15.203}, {"x1": 4.662, "x2": -0.975, "x3": -0.624, "y": 10.992}, {"x1": 9.172, "x2": -4.033, "x3": 0.205, "y": 25.555}, {"x1": 6.292, "x2": 4.678, "x3": 0.493, "y": 3.251}, {"x1": 5.141, "x2": -2.85, "x3": -0.176, "y": 16.806}, {"x1": 4.969, "x2": 1.718, "x3": -0.206, "y": 6.921}, {"x1": 2.475, "x2": -1.996, "x3": 0.702, "y": 10.708}, {"x1": 0.118, "x2": 3.741, "x3": 0.52, "y": -4.208}, {"x1": 1.924, "x2": 1.622, "x3": -1.034, "y": 1.845}, {"x1": 6.92, "x2": -3.684, "x3": -0.079, "y": 20.713}, {"x1": 2.006, "x2": 3.451, "x3": 0.035, "y": -1.062}, {"x1": 3.695, "x2": 4.449, "x3": -1.054, "y": -1.033}, {"x1": 0.037, "x2": 4.039, "x3": 0.26, "y": -5.582}, {"x1": 8.3, "x2": 0.697, "x3": -0.858, "y": 13.224}, {"x1": 1.545, "x2": -3.545, "x3": 0.972, "y": 13.721}]',
            },
            "workflow_input_name": "data",
        },
        {"filters": {"value": "y"}, "workflow_input_name": "target_column"},
    ],
}
