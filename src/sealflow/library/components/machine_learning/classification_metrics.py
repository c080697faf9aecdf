"""Documentation for Classification Metrics

# Classification Metrics

Compares predicted with true class labels.

## Inputs
* **actual** (SERIES): the true labels
* **predicted** (SERIES): the predicted labels, matched with actual by index

## Outputs
* **accuracy** (FLOAT): the share of correct predictions
* **precision** (FLOAT): precision, averaged over the classes (macro)
* **recall** (FLOAT): recall, averaged over the classes (macro)
* **f1** (FLOAT): F1 score, averaged over the classes (macro)
* **confusion_matrix** (DATAFRAME): counts with true labels as rows and predicted labels as columns

## Details

Labels are compared as text. Macro averages weigh every class equally, which matters when
classes are imbalanced; a class that is never predicted counts with precision 0.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
)

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "actual": {"data_type": "SERIES"},
        "predicted": {"data_type": "SERIES"},
    },
    "outputs": {
        "accuracy": {"data_type": "FLOAT"},
        "precision": {"data_type": "FLOAT"},
        "recall": {"data_type": "FLOAT"},
        "f1": {"data_type": "FLOAT"},
        "confusion_matrix": {"data_type": "DATAFRAME"},
    },
    "name": "Classification Metrics",
    "category": "Machine Learning",
    "description": "Accuracy, precision, recall, F1 and the confusion matrix",
    "version_tag": "1.0.0",
    "id": "bb4cbcd4-3cf1-5375-95f5-8390bc5a67a2",
    "revision_group_id": "bb4cbcd4-3cf1-5375-95f5-8390bc5a67a2",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, actual, predicted):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    pairs = pd.DataFrame({"actual": actual, "predicted": predicted}).dropna()
    if pairs.empty:
        raise ComponentInputValidationException(
            "actual and predicted share no labelled rows (they are matched by index)",
            invalid_component_inputs=["actual", "predicted"],
        )
    truth, guess = pairs["actual"].astype(str), pairs["predicted"].astype(str)
    labels = sorted(set(truth) | set(guess))
    options = {"labels": labels, "average": "macro", "zero_division": 0}
    matrix = confusion_matrix(truth, guess, labels=labels)
    return {
        "accuracy": float(accuracy_score(truth, guess)),
        "precision": float(precision_score(truth, guess, **options)),
        "recall": float(recall_score(truth, guess, **options)),
        "f1": float(f1_score(truth, guess, **options)),
        "confusion_matrix": pd.DataFrame(matrix, index=labels, columns=labels),
    }


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"0": "fault", "1": "fault", "2": "fault", "3": "ok", "4": "fault", "5": "ok", "6": "ok", "7": "ok", "8": "ok", "9": "ok", "10": "ok", "11": "ok", "12": "ok", "13": "fault", "14": "ok", "15": "fault", "16": "fault", "17": "fault", "18": "ok", "19": "fault", "20": "fault", "21": "ok", "22": "ok", "23": "fault", "24": "ok", "25": "ok", "26": "ok", "27": "ok", "28": "fault", "29": "ok", "30": "fault", "31": "ok", "32": "ok", "33": "ok", "34": "fault", "35": "ok", "36": "fault", "37": "ok", "38": "ok", "39": "fault", "40": "ok", "41": "ok", "42": "fault", "43": "ok", "44": "fault", "45": "fault", "46": "ok", "47": "ok", "48": "ok", "49": "fault", "50": "ok", "51": "fault", "52": "fault", "53": "ok", "54": "ok", "55": "fault", "56": "fault", "57": "fault", "58": "fault", "59": "fault"}',
            },
            "workflow_input_name": "actual",
        },
        {
            "filters": {
                "value": '{"0": "fault", "1": "fault", "2": "fault", "3": "ok", "4": "ok", "5": "ok", "6": "ok", "7": "ok", "8": "fault", "9": "ok", "10": "ok", "11": "ok", "12": "ok", "13": "fault", "14": "ok", "15": "fault", "16": "fault", "17": "ok", "18": "ok", "19": "fault", "20": "fault", "21": "ok", "22": "ok", "23": "fault", "24": "ok", "25": "fault", "26": "ok", "27": "fault", "28": "ok", "29": "ok", "30": "fault", "31": "ok", "32": "ok", "33": "ok", "34": "fault", "35": "fault", "36": "ok", "37": "ok", "38": "ok", "39": "fault", "40": "ok", "41": "ok", "42": "fault", "43": "ok", "44": "fault", "45": "fault", "46": "ok", "47": "ok", "48": "ok", "49": "ok", "50": "fault", "51": "ok", "52": "fault", "53": "ok", "54": "ok", "55": "fault", "56": "fault", "57": "fault", "58": "ok", "59": "ok"}',
            },
            "workflow_input_name": "predicted",
        },
    ],
}
