"""Documentation for Classification Predict

# Classification Predict

Applies a trained classifier to the rows of `features`.

## Inputs
* **model** (ANY): a fitted scikit-learn classifier (e.g. from Logistic Regression Train or Load Object), or a logistic model as JSON (see Details)
* **features** (DATAFRAME): the rows to classify, with the feature columns of training

## Outputs
* **predictions** (SERIES): the most probable class per row
* **probabilities** (DATAFRAME): the probability of each class (columns) per row

## Details

Class labels are returned as text. The JSON form describes a logistic regression like the
outputs of **Logistic Regression Train**: `{"classes": [...], "coefficients": {class:
{feature: c}}, "intercept": {class: b}}`, with one entry for the second class when there
are two classes, else one per class. Compare predictions with true labels in
**Classification Metrics**.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import numpy as np
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
        "probabilities": {"data_type": "DATAFRAME"},
    },
    "name": "Classification Predict",
    "category": "Machine Learning",
    "description": "Predicts class labels and probabilities with a trained classifier",
    "version_tag": "1.0.0",
    "id": "350a5312-6bb3-5ba2-a9c8-010b298a0168",
    "revision_group_id": "350a5312-6bb3-5ba2-a9c8-010b298a0168",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, model, features):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if isinstance(model, dict):
        try:
            classes = [str(label) for label in model["classes"]]
            weights = pd.DataFrame(model["coefficients"], dtype=float).T
            intercept = pd.Series(model["intercept"], dtype=float).reindex(weights.index)
        except (KeyError, TypeError, ValueError) as error:
            raise ComponentInputValidationException(
                "a model given as JSON needs classes, coefficients and intercept",
                invalid_component_inputs=["model"],
            ) from error
        columns = list(weights.columns)
    elif hasattr(model, "predict_proba"):
        classes = [str(label) for label in model.classes_]
        columns = list(getattr(model, "feature_names_in_", features.columns))
    else:
        raise ComponentInputValidationException(
            "model must be a fitted classifier or a logistic model as JSON",
            invalid_component_inputs=["model"],
        )
    missing = [column for column in columns if column not in features.columns]
    if missing:
        raise ComponentInputValidationException(
            f"features lacks the columns {missing}", invalid_component_inputs=["features"]
        )
    rows = features[columns]
    if isinstance(model, dict):
        scores = rows.to_numpy(dtype=float) @ weights.to_numpy().T + intercept.to_numpy()
        if len(classes) == 2:
            second = 1 / (1 + np.exp(-scores[:, 0]))
            probabilities = np.column_stack([1 - second, second])
        else:
            shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
            probabilities = shifted / shifted.sum(axis=1, keepdims=True)
    else:
        probabilities = model.predict_proba(rows)
    table = pd.DataFrame(probabilities, index=features.index, columns=classes)
    predictions = pd.Series(
        np.asarray(classes, dtype=object)[probabilities.argmax(axis=1)],
        index=features.index,
        name="prediction",
    )
    return {"predictions": predictions, "probabilities": table}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"classes": ["fault", "ok"], "coefficients": {"ok": {"temperature": -0.2, "vibration": -2.5}}, "intercept": {"ok": 17.0}}',
            },
            "workflow_input_name": "model",
        },
        {
            "filters": {
                "value": '[{"temperature": 59.95, "vibration": 2.112}, {"temperature": 68.37, "vibration": 2.001}, {"temperature": 65.93, "vibration": 2.362}, {"temperature": 65.79, "vibration": 1.455}, {"temperature": 72.95, "vibration": 1.068}, {"temperature": 50.36, "vibration": 1.471}, {"temperature": 54.98, "vibration": 2.224}, {"temperature": 49.43, "vibration": 2.284}, {"temperature": 59.14, "vibration": 1.078}, {"temperature": 67.99, "vibration": 0.87}, {"temperature": 59.82, "vibration": 1.81}, {"temperature": 63.97, "vibration": 1.887}]',
            },
            "workflow_input_name": "features",
        },
    ],
}
