"""Documentation for Regression Predict

# Regression Predict

Applies a trained regression model to the rows of `features`.

## Inputs
* **model** (ANY): a fitted scikit-learn regressor (e.g. from Linear Regression Train, Random Forest Regression Train or Load Object), or a linear model as JSON `{"coefficients": {feature: c}, "intercept": b}`
* **features** (DATAFRAME): the rows to predict, with the feature columns of training

## Outputs
* **predictions** (SERIES): one prediction per row of features

## Details

The feature columns are taken by name in the order the model was trained with; extra
columns are ignored. Compare predictions with true values in **Regression Metrics**.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "model": {"data_type": "ANY"},
        "features": {"data_type": "DATAFRAME"},
    },
    "outputs": {
        "predictions": {"data_type": "SERIES"},
    },
    "name": "Regression Predict",
    "category": "Machine Learning",
    "description": "Predicts values with a trained regression model",
    "version_tag": "1.0.0",
    "id": "7190969a-d0fa-5897-b3f0-ad95f3f0dee9",
    "revision_group_id": "7190969a-d0fa-5897-b3f0-ad95f3f0dee9",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, model, features):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if isinstance(model, dict):
        try:
            weights = pd.Series(model["coefficients"], dtype=float)
            intercept = float(model.get("intercept", 0.0))
        except (KeyError, TypeError, ValueError) as error:
            raise ComponentInputValidationException(
                'a model given as JSON needs {"coefficients": {...}, "intercept": ...}',
                invalid_component_inputs=["model"],
            ) from error
        columns = list(weights.index)
    elif hasattr(model, "predict"):
        columns = list(getattr(model, "feature_names_in_", features.columns))
    else:
        raise ComponentInputValidationException(
            "model must be a fitted regressor or a linear model as JSON",
            invalid_component_inputs=["model"],
        )
    missing = [column for column in columns if column not in features.columns]
    if missing:
        raise ComponentInputValidationException(
            f"features lacks the columns {missing}", invalid_component_inputs=["features"]
        )
    rows = features[columns]
    if isinstance(model, dict):
        values = rows.to_numpy(dtype=float) @ weights.to_numpy() + intercept
    else:
        values = model.predict(rows)
    return {"predictions": pd.Series(values, index=features.index, name="prediction")}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"coefficients": {"x1": 1.5, "x2": -2.0, "x3": 0.5}, "intercept": 3.0}',
            },
            "workflow_input_name": "model",
        },
        {
            "filters": {
                "value": '[{"x1": 6.251, "x2": -2.324, "x3": 1.524}, {"x1": 8.972, "x2": 3.803, "x3": -0.428}, {"x1": 7.757, "x2": 0.098, "x3": -0.304}, {"x1": 2.252, "x2": 3.472, "x3": 0.353}, {"x1": 3.002, "x2": 1.397, "x3": -0.121}, {"x1": 8.736, "x2": 2.418, "x3": -0.197}, {"x1": 0.053, "x2": -4.085, "x3": -1.114}, {"x1": 8.212, "x2": 0.411, "x3": -0.012}, {"x1": 7.971, "x2": 0.078, "x3": -0.444}, {"x1": 4.679, "x2": 3.713, "x3": 1.166}, {"x1": 3.03, "x2": -1.387, "x3": 0.653}, {"x1": 2.784, "x2": 0.982, "x3": -0.024}]',
            },
            "workflow_input_name": "features",
        },
    ],
}
