"""Documentation for Isolation Forest

# Isolation Forest

Trains an isolation forest on `train_data` and scores the rows of `data`: rows that are easy to isolate from the others are anomalous.

## Inputs
* **train_data** (DATAFRAME): rows of normal behaviour, one numeric column per feature
* **data** (DATAFRAME): the rows to score; needs the columns of train_data
* **n_estimators** (INT, default `100`): number of trees
* **contamination** (FLOAT, optional): expected share of anomalies in (0, 0.5]; by default automatic
* **seed** (INT, default `0`): random seed, for results that repeat exactly

## Outputs
* **model** (ANY): the trained scikit-learn IsolationForest, e.g. for Store Object
* **scores** (SERIES): the decision function per row of data; negative means anomalous
* **alerts** (SERIES): true for the rows classified as anomalies

## Details

Uses `sklearn.ensemble.IsolationForest` with `random_state=seed`, so the same inputs give
the same scores. Pass the same table as `train_data` and `data` to find outliers within one
data set. The model output holds the fitted estimator: store it with **Store Object** to
score new data later with the same model.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd
from sklearn.ensemble import IsolationForest

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "train_data": {"data_type": "DATAFRAME"},
        "data": {"data_type": "DATAFRAME"},
        "n_estimators": {"data_type": "INT", "default_value": 100},
        "contamination": {"data_type": "FLOAT", "default_value": None},
        "seed": {"data_type": "INT", "default_value": 0},
    },
    "outputs": {
        "model": {"data_type": "ANY"},
        "scores": {"data_type": "SERIES"},
        "alerts": {"data_type": "SERIES"},
    },
    "name": "Isolation Forest",
    "category": "Anomaly Detection",
    "description": "Unsupervised anomaly scores for rows of a table with an isolation forest",
    "version_tag": "1.0.0",
    "id": "63a92573-1ae8-5b2d-a7b8-d487768d5482",
    "revision_group_id": "63a92573-1ae8-5b2d-a7b8-d487768d5482",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, train_data, data, n_estimators=100, contamination=None, seed=0):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    missing = [column for column in train_data.columns if column not in data.columns]
    if missing:
        raise ComponentInputValidationException(
            f"data lacks the columns {missing} of train_data",
            invalid_component_inputs=["data"],
        )
    model = IsolationForest(
        n_estimators=n_estimators,
        contamination="auto" if contamination is None else contamination,
        random_state=seed,
    )
    model.fit(train_data)
    rows = data[list(train_data.columns)]
    scores = pd.Series(model.decision_function(rows), index=data.index, name="score")
    alerts = pd.Series(model.predict(rows) == -1, index=data.index, name="alert")
    return {"model": model, "scores": scores, "alerts": alerts}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"temperature": {"2026-01-01T00:00:00Z": 59.209, "2026-01-01T01:00:00Z": 60.528, "2026-01-01T02:00:00Z": 61.214, "2026-01-01T03:00:00Z": 58.056, "2026-01-01T04:00:00Z": 61.535, "2026-01-01T05:00:00Z": 60.51, "2026-01-01T06:00:00Z": 61.566, "2026-01-01T07:00:00Z": 60.545, "2026-01-01T08:00:00Z": 62.324, "2026-01-01T09:00:00Z": 58.124, "2026-01-01T10:00:00Z": 63.552, "2026-01-01T11:00:00Z": 62.405, "2026-01-01T12:00:00Z": 58.8, "2026-01-01T13:00:00Z": 61.32, "2026-01-01T14:00:00Z": 60.89, "2026-01-01T15:00:00Z": 56.508, "2026-01-01T16:00:00Z": 61.19, "2026-01-01T17:00:00Z": 58.829, "2026-01-01T18:00:00Z": 59.5, "2026-01-01T19:00:00Z": 58.795, "2026-01-01T20:00:00Z": 59.144, "2026-01-01T21:00:00Z": 60.143, "2026-01-01T22:00:00Z": 60.193, "2026-01-01T23:00:00Z": 56.882, "2026-01-02T00:00:00Z": 59.463, "2026-01-02T01:00:00Z": 57.31, "2026-01-02T02:00:00Z": 57.458, "2026-01-02T03:00:00Z": 59.306, "2026-01-02T04:00:00Z": 61.711, "2026-01-02T05:00:00Z": 61.262, "2026-01-02T06:00:00Z": 58.791, "2026-01-02T07:00:00Z": 58.579, "2026-01-02T08:00:00Z": 58.345, "2026-01-02T09:00:00Z": 60.285, "2026-01-02T10:00:00Z": 61.873, "2026-01-02T11:00:00Z": 60.036, "2026-01-02T12:00:00Z": 61.386, "2026-01-02T13:00:00Z": 60.631, "2026-01-02T14:00:00Z": 63.008, "2026-01-02T15:00:00Z": 55.987, "2026-01-02T16:00:00Z": 55.738, "2026-01-02T17:00:00Z": 59.603, "2026-01-02T18:00:00Z": 61.273, "2026-01-02T19:00:00Z": 59.179, "2026-01-02T20:00:00Z": 60.852, "2026-01-02T21:00:00Z": 57.653, "2026-01-02T22:00:00Z": 57.481, "2026-01-02T23:00:00Z": 58.567, "2026-01-03T00:00:00Z": 61.683, "2026-01-03T01:00:00Z": 61.393, "2026-01-03T02:00:00Z": 58.573, "2026-01-03T03:00:00Z": 60.362, "2026-01-03T04:00:00Z": 58.705, "2026-01-03T05:00:00Z": 60.04, "2026-01-03T06:00:00Z": 57.771, "2026-01-03T07:00:00Z": 59.907, "2026-01-03T08:00:00Z": 58.528, "2026-01-03T09:00:00Z": 59.911, "2026-01-03T10:00:00Z": 58.696, "2026-01-03T11:00:00Z": 58.357}, "pressure": {"2026-01-01T00:00:00Z": 3.011, "2026-01-01T01:00:00Z": 2.966, "2026-01-01T02:00:00Z": 3.002, "2026-01-01T03:00:00Z": 2.958, "2026-01-01T04:00:00Z": 3.061, "2026-01-01T05:00:00Z": 2.918, "2026-01-01T06:00:00Z": 3.077, "2026-01-01T07:00:00Z": 3.133, "2026-01-01T08:00:00Z": 2.973, "2026-01-01T09:00:00Z": 3.175, "2026-01-01T10:00:00Z": 3.203, "2026-01-01T11:00:00Z": 3.044, "2026-01-01T12:00:00Z": 2.864, "2026-01-01T13:00:00Z": 2.838, "2026-01-01T14:00:00Z": 2.982, "2026-01-01T15:00:00Z": 3.178, "2026-01-01T16:00:00Z": 3.057, "2026-01-01T17:00:00Z": 3.076, "2026-01-01T18:00:00Z": 2.975, "2026-01-01T19:00:00Z": 2.926, "2026-01-01T20:00:00Z": 3.037, "2026-01-01T21:00:00Z": 2.889, "2026-01-01T22:00:00Z": 2.98, "2026-01-01T23:00:00Z": 3.051, "2026-01-02T00:00:00Z": 3.004, "2026-01-02T01:00:00Z": 3.052, "2026-01-02T02:00:00Z": 2.955, "2026-01-02T03:00:00Z": 3.06, "2026-01-02T04:00:00Z": 3.04, "2026-01-02T05:00:00Z": 2.835, "2026-01-02T06:00:00Z": 2.896, "2026-01-02T07:00:00Z": 2.928, "2026-01-02T08:00:00Z": 3.066, "2026-01-02T09:00:00Z": 3.03, "2026-01-02T10:00:00Z": 3.028, "2026-01-02T11:00:00Z": 3.017, "2026-01-02T12:00:00Z": 3.064, "2026-01-02T13:00:00Z": 3.095, "2026-01-02T14:00:00Z": 2.945, "2026-01-02T15:00:00Z": 2.841, "2026-01-02T16:00:00Z": 3.067, "2026-01-02T17:00:00Z": 2.979, "2026-01-02T18:00:00Z": 3.005, "2026-01-02T19:00:00Z": 2.983, "2026-01-02T20:00:00Z": 2.889, "2026-01-02T21:00:00Z": 2.849, "2026-01-02T22:00:00Z": 3.096, "2026-01-02T23:00:00Z": 3.109, "2026-01-03T00:00:00Z": 3.093, "2026-01-03T01:00:00Z": 3.021, "2026-01-03T02:00:00Z": 3.027, "2026-01-03T03:00:00Z": 2.958, "2026-01-03T04:00:00Z": 3.007, "2026-01-03T05:00:00Z": 2.96, "2026-01-03T06:00:00Z": 2.946, "2026-01-03T07:00:00Z": 3.021, "2026-01-03T08:00:00Z": 3.17, "2026-01-03T09:00:00Z": 2.812, "2026-01-03T10:00:00Z": 3.06, "2026-01-03T11:00:00Z": 3.068}}',
            },
            "workflow_input_name": "train_data",
        },
        {
            "filters": {
                "value": '{"temperature": {"2026-01-05T00:00:00Z": 57.571, "2026-01-05T01:00:00Z": 60.627, "2026-01-05T02:00:00Z": 60.203, "2026-01-05T03:00:00Z": 59.072, "2026-01-05T04:00:00Z": 59.007, "2026-01-05T05:00:00Z": 75.0, "2026-01-05T06:00:00Z": 63.414, "2026-01-05T07:00:00Z": 64.695, "2026-01-05T08:00:00Z": 63.173, "2026-01-05T09:00:00Z": 59.424, "2026-01-05T10:00:00Z": 60.571, "2026-01-05T11:00:00Z": 60.754, "2026-01-05T12:00:00Z": 59.0, "2026-01-05T13:00:00Z": 59.483, "2026-01-05T14:00:00Z": 61.066, "2026-01-05T15:00:00Z": 59.157, "2026-01-05T16:00:00Z": 56.48, "2026-01-05T17:00:00Z": 45.0, "2026-01-05T18:00:00Z": 60.51, "2026-01-05T19:00:00Z": 59.326}, "pressure": {"2026-01-05T00:00:00Z": 2.97, "2026-01-05T01:00:00Z": 3.136, "2026-01-05T02:00:00Z": 3.008, "2026-01-05T03:00:00Z": 2.928, "2026-01-05T04:00:00Z": 2.994, "2026-01-05T05:00:00Z": 3.05, "2026-01-05T06:00:00Z": 2.887, "2026-01-05T07:00:00Z": 3.179, "2026-01-05T08:00:00Z": 3.144, "2026-01-05T09:00:00Z": 2.984, "2026-01-05T10:00:00Z": 2.966, "2026-01-05T11:00:00Z": 3.142, "2026-01-05T12:00:00Z": 3.9, "2026-01-05T13:00:00Z": 2.947, "2026-01-05T14:00:00Z": 3.182, "2026-01-05T15:00:00Z": 3.017, "2026-01-05T16:00:00Z": 3.033, "2026-01-05T17:00:00Z": 2.4, "2026-01-05T18:00:00Z": 2.97, "2026-01-05T19:00:00Z": 3.012}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
