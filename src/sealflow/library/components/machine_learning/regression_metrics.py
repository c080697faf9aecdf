"""Documentation for Regression Metrics

# Regression Metrics

Compares predicted with true values.

## Inputs
* **actual** (SERIES): the true values
* **predicted** (SERIES): the predicted values, matched with actual by index

## Outputs
* **mae** (FLOAT): the mean absolute error
* **rmse** (FLOAT): the root mean squared error
* **r2** (FLOAT): the coefficient of determination (1 is perfect, 0 is as good as the mean)

## Details

Rows missing in either series are left out. R squared is negative when the predictions are
worse than always predicting the mean of the true values.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd
from sklearn.metrics import mean_absolute_error, r2_score, root_mean_squared_error

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "actual": {"data_type": "SERIES"},
        "predicted": {"data_type": "SERIES"},
    },
    "outputs": {
        "mae": {"data_type": "FLOAT"},
        "rmse": {"data_type": "FLOAT"},
        "r2": {"data_type": "FLOAT"},
    },
    "name": "Regression Metrics",
    "category": "Machine Learning",
    "description": "Mean absolute error, root mean squared error and R squared",
    "version_tag": "1.0.0",
    "id": "4a047ff3-e191-5860-b83b-d5d4ec769873",
    "revision_group_id": "4a047ff3-e191-5860-b83b-d5d4ec769873",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, actual, predicted):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    pairs = pd.DataFrame({"actual": actual, "predicted": predicted}).dropna().astype(float)
    if len(pairs) < 2:
        raise ComponentInputValidationException(
            "actual and predicted need at least two common rows (they are matched by index)",
            invalid_component_inputs=["actual", "predicted"],
        )
    truth, guess = pairs["actual"], pairs["predicted"]
    return {
        "mae": float(mean_absolute_error(truth, guess)),
        "rmse": float(root_mean_squared_error(truth, guess)),
        "r2": float(r2_score(truth, guess)),
    }


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
                "value": '{"0": 16.898, "1": 8.896, "2": 13.986, "3": -0.047, "4": 2.588, "5": 11.49, "6": 10.948, "7": 12.489, "8": 13.915, "9": 1.257, "10": 10.451, "11": 5.726, "12": 17.078, "13": 11.384, "14": 13.428, "15": 20.464, "16": 13.34, "17": 15.98, "18": 2.674, "19": 14.767, "20": 2.744, "21": 3.743, "22": 7.718, "23": 10.995, "24": 5.91, "25": 15.83, "26": 10.488, "27": 25.378, "28": 4.829, "29": 16.657, "30": 6.945, "31": 11.061, "32": -4.67, "33": 1.533, "34": 22.056, "35": -0.025, "36": -1.916, "37": -5.53, "38": 12.192, "39": 12.496}',
            },
            "workflow_input_name": "predicted",
        },
    ],
}
