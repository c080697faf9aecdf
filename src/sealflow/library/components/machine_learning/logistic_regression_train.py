"""Documentation for Logistic Regression Train

# Logistic Regression Train

Learns class probabilities as a logistic (softmax for more than two classes) function of a linear combination of the features.

## Inputs
* **features** (DATAFRAME): one numeric column per feature, one row per sample
* **target** (SERIES): the class label of each row of features (matched by index)
* **inverse_regularization** (FLOAT, default `1.0`): the inverse strength of the L2 penalty (C); smaller is stronger
* **max_iter** (INT, default `1000`): the maximum number of solver iterations

## Outputs
* **model** (ANY): the fitted scikit-learn LogisticRegression, for Classification Predict
* **coefficients** (DATAFRAME): one row per modelled class, one column per feature
* **intercept** (SERIES): the intercept per modelled class

## Details

Uses `sklearn.linear_model.LogisticRegression` (lbfgs solver, L2 penalty). For two
classes one row of coefficients describes the second class in sorted order; for more
classes there is one row per class. Scale the features first
(**Standard Scaler Fit**) when they have very different ranges.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd
from sklearn.linear_model import LogisticRegression

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
        "inverse_regularization": {"data_type": "FLOAT", "default_value": 1.0},
        "max_iter": {"data_type": "INT", "default_value": 1000},
    },
    "outputs": {
        "model": {"data_type": "ANY"},
        "coefficients": {"data_type": "DATAFRAME"},
        "intercept": {"data_type": "SERIES"},
    },
    "name": "Logistic Regression Train",
    "category": "Machine Learning",
    "description": "Fits a logistic regression classifier",
    "version_tag": "1.0.0",
    "id": "dce01604-5e46-55b7-9834-cd1e277b647d",
    "revision_group_id": "dce01604-5e46-55b7-9834-cd1e277b647d",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, features, target, inverse_regularization=1.0, max_iter=1000):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    rows, labels = _training_rows(features, target)
    if labels.nunique() < 2:
        raise ComponentInputValidationException(
            "target needs at least two classes", invalid_component_inputs=["target"]
        )
    model = LogisticRegression(C=inverse_regularization, max_iter=max_iter).fit(rows, labels)
    classes = [str(label) for label in model.classes_]
    modelled = classes[1:] if len(classes) == 2 else classes
    coefficients = pd.DataFrame(model.coef_, index=modelled, columns=rows.columns)
    intercept = pd.Series(model.intercept_, index=modelled, name="intercept")
    return {"model": model, "coefficients": coefficients, "intercept": intercept}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '[{"temperature": 59.95, "vibration": 2.112}, {"temperature": 68.37, "vibration": 2.001}, {"temperature": 65.93, "vibration": 2.362}, {"temperature": 65.79, "vibration": 1.455}, {"temperature": 72.95, "vibration": 1.068}, {"temperature": 50.36, "vibration": 1.471}, {"temperature": 54.98, "vibration": 2.224}, {"temperature": 49.43, "vibration": 2.284}, {"temperature": 59.14, "vibration": 1.078}, {"temperature": 67.99, "vibration": 0.87}, {"temperature": 59.82, "vibration": 1.81}, {"temperature": 63.97, "vibration": 1.887}, {"temperature": 44.71, "vibration": 1.97}, {"temperature": 61.18, "vibration": 2.403}, {"temperature": 52.74, "vibration": 2.737}, {"temperature": 74.2, "vibration": 2.139}, {"temperature": 67.09, "vibration": 2.368}, {"temperature": 67.59, "vibration": 1.343}, {"temperature": 59.54, "vibration": 1.294}, {"temperature": 64.9, "vibration": 2.142}, {"temperature": 65.26, "vibration": 2.399}, {"temperature": 57.24, "vibration": 2.436}, {"temperature": 56.02, "vibration": 2.356}, {"temperature": 59.08, "vibration": 2.471}, {"temperature": 55.16, "vibration": 2.486}, {"temperature": 55.25, "vibration": 0.949}, {"temperature": 57.73, "vibration": 1.56}, {"temperature": 54.17, "vibration": 2.273}, {"temperature": 66.13, "vibration": 2.358}, {"temperature": 47.23, "vibration": 1.093}, {"temperature": 66.59, "vibration": 2.704}, {"temperature": 55.0, "vibration": 1.737}, {"temperature": 55.63, "vibration": 1.861}, {"temperature": 49.19, "vibration": 2.164}, {"temperature": 58.85, "vibration": 2.45}, {"temperature": 58.02, "vibration": 1.14}, {"temperature": 61.53, "vibration": 2.594}, {"temperature": 55.73, "vibration": 2.046}, {"temperature": 60.75, "vibration": 1.538}, {"temperature": 74.56, "vibration": 1.835}, {"temperature": 63.27, "vibration": 0.688}, {"temperature": 55.41, "vibration": 1.611}, {"temperature": 67.62, "vibration": 2.109}, {"temperature": 58.97, "vibration": 1.575}, {"temperature": 64.75, "vibration": 1.803}, {"temperature": 64.9, "vibration": 1.912}, {"temperature": 56.87, "vibration": 2.029}, {"temperature": 44.56, "vibration": 2.612}, {"temperature": 57.22, "vibration": 1.985}, {"temperature": 64.41, "vibration": 1.844}, {"temperature": 56.96, "vibration": 2.323}, {"temperature": 63.51, "vibration": 3.246}, {"temperature": 67.84, "vibration": 1.794}, {"temperature": 55.65, "vibration": 2.308}, {"temperature": 69.85, "vibration": 1.054}, {"temperature": 72.97, "vibration": 2.807}, {"temperature": 68.63, "vibration": 2.396}, {"temperature": 69.32, "vibration": 2.8}, {"temperature": 68.77, "vibration": 1.965}, {"temperature": 78.04, "vibration": 1.374}]',
            },
            "workflow_input_name": "features",
        },
        {
            "filters": {
                "value": '{"0": "fault", "1": "fault", "2": "fault", "3": "ok", "4": "fault", "5": "ok", "6": "ok", "7": "ok", "8": "ok", "9": "ok", "10": "ok", "11": "ok", "12": "ok", "13": "fault", "14": "ok", "15": "fault", "16": "fault", "17": "fault", "18": "ok", "19": "fault", "20": "fault", "21": "ok", "22": "ok", "23": "fault", "24": "ok", "25": "ok", "26": "ok", "27": "ok", "28": "fault", "29": "ok", "30": "fault", "31": "ok", "32": "ok", "33": "ok", "34": "fault", "35": "ok", "36": "fault", "37": "ok", "38": "ok", "39": "fault", "40": "ok", "41": "ok", "42": "fault", "43": "ok", "44": "fault", "45": "fault", "46": "ok", "47": "ok", "48": "ok", "49": "fault", "50": "ok", "51": "fault", "52": "fault", "53": "ok", "54": "ok", "55": "fault", "56": "fault", "57": "fault", "58": "fault", "59": "fault"}',
            },
            "workflow_input_name": "target",
        },
    ],
}
