"""Documentation for Standard Scaler Fit

# Standard Scaler Fit

Fits a standard scaler: each column is shifted to mean 0 and scaled to standard deviation 1.

## Inputs
* **data** (DATAFRAME): numeric columns to learn from

## Outputs
* **scaler** (ANY): the fitted scikit-learn StandardScaler, for Standard Scaler Transform
* **scaled** (DATAFRAME): data standardised with the fitted scaler

## Details

Uses `sklearn.preprocessing.StandardScaler` with the population standard deviation. Fit it
on the training rows only and apply it to test or new rows with
**Standard Scaler Transform**, so that no information leaks from the test rows.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd
from sklearn.preprocessing import StandardScaler

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "DATAFRAME"},
    },
    "outputs": {
        "scaler": {"data_type": "ANY"},
        "scaled": {"data_type": "DATAFRAME"},
    },
    "name": "Standard Scaler Fit",
    "category": "Machine Learning",
    "description": "Learns the mean and spread of each column and standardises the table",
    "version_tag": "1.0.0",
    "id": "c40d2ea2-93f7-57a6-b96c-1e573019e3ce",
    "revision_group_id": "c40d2ea2-93f7-57a6-b96c-1e573019e3ce",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    scaler = StandardScaler().fit(data)
    scaled = pd.DataFrame(scaler.transform(data), index=data.index, columns=data.columns)
    return {"scaler": scaler, "scaled": scaled}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '[{"x1": 6.251, "x2": -2.324, "x3": 1.524}, {"x1": 8.972, "x2": 3.803, "x3": -0.428}, {"x1": 7.757, "x2": 0.098, "x3": -0.304}, {"x1": 2.252, "x2": 3.472, "x3": 0.353}, {"x1": 3.002, "x2": 1.397, "x3": -0.121}, {"x1": 8.736, "x2": 2.418, "x3": -0.197}, {"x1": 0.053, "x2": -4.085, "x3": -1.114}, {"x1": 8.212, "x2": 0.411, "x3": -0.012}, {"x1": 7.971, "x2": 0.078, "x3": -0.444}, {"x1": 4.679, "x2": 3.713, "x3": 1.166}, {"x1": 3.03, "x2": -1.387, "x3": 0.653}, {"x1": 2.784, "x2": 0.982, "x3": -0.024}, {"x1": 2.549, "x2": -4.407, "x3": 0.668}, {"x1": 4.451, "x2": -1.124, "x3": -0.34}, {"x1": 5.045, "x2": -1.77, "x3": 1.052}, {"x1": 5.535, "x2": -3.498, "x3": -0.005}, {"x1": 9.955, "x2": 3.163, "x3": 0.583}, {"x1": 7.927, "x2": -1.206, "x3": -1.291}, {"x1": 6.222, "x2": 4.787, "x3": 0.347}, {"x1": 9.89, "x2": 0.9, "x3": -1.688}, {"x1": 2.153, "x2": 1.051, "x3": -2.035}, {"x1": 1.602, "x2": 1.38, "x3": -0.304}, {"x1": 6.125, "x2": 1.765, "x3": -0.9}, {"x1": 0.439, "x2": -3.492, "x3": 0.164}, {"x1": 0.357, "x2": -0.597, "x3": 2.245}, {"x1": 5.149, "x2": -2.604, "x3": -0.832}, {"x1": 4.662, "x2": -0.975, "x3": -0.624}, {"x1": 9.172, "x2": -4.033, "x3": 0.205}, {"x1": 6.292, "x2": 4.678, "x3": 0.493}, {"x1": 5.141, "x2": -2.85, "x3": -0.176}, {"x1": 4.969, "x2": 1.718, "x3": -0.206}, {"x1": 2.475, "x2": -1.996, "x3": 0.702}, {"x1": 0.118, "x2": 3.741, "x3": 0.52}, {"x1": 1.924, "x2": 1.622, "x3": -1.034}, {"x1": 6.92, "x2": -3.684, "x3": -0.079}, {"x1": 2.006, "x2": 3.451, "x3": 0.035}, {"x1": 3.695, "x2": 4.449, "x3": -1.054}, {"x1": 0.037, "x2": 4.039, "x3": 0.26}, {"x1": 8.3, "x2": 0.697, "x3": -0.858}, {"x1": 1.545, "x2": -3.545, "x3": 0.972}]',
            },
            "workflow_input_name": "data",
        },
    ],
}
