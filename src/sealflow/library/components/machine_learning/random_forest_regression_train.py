"""Documentation for Random Forest Regression Train

# Random Forest Regression Train

Fits an ensemble of decision trees on bootstrap samples; the prediction is their average.

## Inputs
* **features** (DATAFRAME): one numeric column per feature, one row per sample
* **target** (SERIES): the value to learn for each row of features (matched by index)
* **n_estimators** (INT, default `100`): number of trees
* **max_depth** (INT, optional): the maximum depth of each tree; unlimited by default
* **seed** (INT, default `0`): random seed, for forests that repeat exactly

## Outputs
* **model** (ANY): the fitted scikit-learn RandomForestRegressor
* **feature_importances** (SERIES): impurity-based importance per feature, summing to 1

## Details

Uses `sklearn.ensemble.RandomForestRegressor` with `random_state=seed`. Rows are matched by
index and rows with a missing value are left out. Predict with **Regression Predict**.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd
from sklearn.ensemble import RandomForestRegressor

from hdutils import ComponentInputValidationException


def _training_rows(features, target):
    joined = features.join(target.rename("__target__"), how="inner").dropna()
    if joined.empty:
        raise ComponentInputValidationException(
            "features and target share no complete rows (they are matched by index)",
            invalid_component_inputs=["features", "target"],
        )
    return joined.drop(columns="__target__"), joined["__target__"].rename(target.name)


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "features": {"data_type": "DATAFRAME"},
        "target": {"data_type": "SERIES"},
        "n_estimators": {"data_type": "INT", "default_value": 100},
        "max_depth": {"data_type": "INT", "default_value": None},
        "seed": {"data_type": "INT", "default_value": 0},
    },
    "outputs": {
        "model": {"data_type": "ANY"},
        "feature_importances": {"data_type": "SERIES"},
    },
    "name": "Random Forest Regression Train",
    "category": "Machine Learning",
    "description": "Fits a random forest regressor with a fixed seed",
    "version_tag": "1.0.0",
    "id": "cdcf0b7c-36bc-51ad-8734-8c8024ff8f39",
    "revision_group_id": "cdcf0b7c-36bc-51ad-8734-8c8024ff8f39",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, features, target, n_estimators=100, max_depth=None, seed=0):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    rows, values = _training_rows(features, target)
    model = RandomForestRegressor(n_estimators=n_estimators, max_depth=max_depth, random_state=seed).fit(
        rows, values
    )
    importances = pd.Series(model.feature_importances_, index=rows.columns, name="importance")
    return {"model": model, "feature_importances": importances}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '[{"x1": 6.251, "x2": -2.324, "x3": 1.524}, {"x1": 8.972, "x2": 3.803, "x3": -0.428}, {"x1": 7.757, "x2": 0.098, "x3": -0.304}, {"x1": 2.252, "x2": 3.472, "x3": 0.353}, {"x1": 3.002, "x2": 1.397, "x3": -0.121}, {"x1": 8.736, "x2": 2.418, "x3": -0.197}, {"x1": 0.053, "x2": -4.085, "x3": -1.114}, {"x1": 8.212, "x2": 0.411, "x3": -0.012}, {"x1": 7.971, "x2": 0.078, "x3": -0.444}, {"x1": 4.679, "x2": 3.713, "x3": 1.166}, {"x1": 3.03, "x2": -1.387, "x3": 0.653}, {"x1": 2.784, "x2": 0.982, "x3": -0.024}, {"x1": 2.549, "x2": -4.407, "x3": 0.668}, {"x1": 4.451, "x2": -1.124, "x3": -0.34}, {"x1": 5.045, "x2": -1.77, "x3": 1.052}, {"x1": 5.535, "x2": -3.498, "x3": -0.005}, {"x1": 9.955, "x2": 3.163, "x3": 0.583}, {"x1": 7.927, "x2": -1.206, "x3": -1.291}, {"x1": 6.222, "x2": 4.787, "x3": 0.347}, {"x1": 9.89, "x2": 0.9, "x3": -1.688}, {"x1": 2.153, "x2": 1.051, "x3": -2.035}, {"x1": 1.602, "x2": 1.38, "x3": -0.304}, {"x1": 6.125, "x2": 1.765, "x3": -0.9}, {"x1": 0.439, "x2": -3.492, "x3": 0.164}, {"x1": 0.357, "x2": -0.597, "x3": 2.245}, {"x1": 5.149, "x2": -2.604, "x3": -0.832}, {"x1": 4.662, "x2": -0.975, "x3": -0.624}, {"x1": 9.172, "x2": -4.033, "x3": 0.205}, {"x1": 6.292, "x2": 4.678, "x3": 0.493}, {"x1": 5.141, "x2": -2.85, "x3": -0.176}, {"x1": 4.969, "x2": 1.718, "x3": -0.206}, {"x1": 2.475, "x2": -1.996, "x3": 0.702}, {"x1": 0.118, "x2": 3.741, "x3": 0.52}, {"x1": 1.924, "x2": 1.622, "x3": -1.034}, {"x1": 6.92, "x2": -3.684, "x3": -0.079}, {"x1": 2.006, "x2": 3.451, "x3": 0.035}, {"x1": 3.695, "x2": 4.449, "x3": -1.054}, {"x1": 0.037, "x2": 4.039, "x3": 0.26}, {"x1": 8.3, "x2": 0.697, "x3": -0.858}, {"x1": 1.545, "x2": -3.545, "x3": 0.972}]',
            },
            "workflow_input_name": "features",
        },
        {
            "filters": {
                "value": '{"0": 17.883, "1": 8.682, "2": 13.992, "3": -0.448, "4": 3.649, "5": 10.604, "6": 10.873, "7": 13.426, "8": 15.002, "9": 2.302, "10": 11.025, "11": 4.778, "12": 16.362, "13": 11.819, "14": 13.865, "15": 18.92, "16": 12.618, "17": 16.623, "18": 2.794, "19": 15.111, "20": 2.623, "21": 3.04, "22": 7.938, "23": 10.7, "24": 5.455, "25": 15.203, "26": 10.992, "27": 25.555, "28": 3.251, "29": 16.806, "30": 6.921, "31": 10.708, "32": -4.208, "33": 1.845, "34": 20.713, "35": -1.062, "36": -1.033, "37": -5.582, "38": 13.224, "39": 13.721}',
            },
            "workflow_input_name": "target",
        },
        {"filters": {"value": "50"}, "workflow_input_name": "n_estimators"},
    ],
}
