"""Documentation for Standard Scaler Transform

# Standard Scaler Transform

Applies a scaler from **Standard Scaler Fit** to new rows.

## Inputs
* **scaler** (ANY): a fitted StandardScaler, or JSON `{"mean": {column: m}, "scale": {column: s}}`
* **data** (DATAFRAME): the rows to standardise; needs the columns the scaler was fitted on

## Outputs
* **scaled** (DATAFRAME): the standardised columns

## Details

Only the columns the scaler knows are transformed and returned, in the order of fitting.
The JSON form lets you apply means and scales kept elsewhere.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "scaler": {"data_type": "ANY"},
        "data": {"data_type": "DATAFRAME"},
    },
    "outputs": {
        "scaled": {"data_type": "DATAFRAME"},
    },
    "name": "Standard Scaler Transform",
    "category": "Machine Learning",
    "description": "Standardises a table with a fitted scaler",
    "version_tag": "1.0.0",
    "id": "a8659164-ebb7-5b4e-96ca-d3c74429d3e3",
    "revision_group_id": "a8659164-ebb7-5b4e-96ca-d3c74429d3e3",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, scaler, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if isinstance(scaler, dict):
        try:
            mean = pd.Series(scaler["mean"], dtype=float)
            scale = pd.Series(scaler["scale"], dtype=float)
        except (KeyError, TypeError, ValueError) as error:
            raise ComponentInputValidationException(
                'a scaler given as JSON needs {"mean": {...}, "scale": {...}} by column',
                invalid_component_inputs=["scaler"],
            ) from error
        columns = list(mean.index)
    elif hasattr(scaler, "transform") and hasattr(scaler, "feature_names_in_"):
        columns = list(scaler.feature_names_in_)
    else:
        raise ComponentInputValidationException(
            "scaler must be a fitted StandardScaler or its JSON form",
            invalid_component_inputs=["scaler"],
        )
    missing = [column for column in columns if column not in data.columns]
    if missing:
        raise ComponentInputValidationException(
            f"data lacks the columns {missing}", invalid_component_inputs=["data"]
        )
    rows = data[columns]
    if isinstance(scaler, dict):
        scaled = (rows - mean) / scale.reindex(columns)
    else:
        scaled = pd.DataFrame(scaler.transform(rows), index=rows.index, columns=columns)
    return {"scaled": scaled}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"mean": {"x1": 4.709, "x2": 0.256, "x3": -0.053}, "scale": {"x1": 2.952, "x2": 2.796, "x3": 0.848}}',
            },
            "workflow_input_name": "scaler",
        },
        {
            "filters": {
                "value": '[{"x1": 6.251, "x2": -2.324, "x3": 1.524}, {"x1": 8.972, "x2": 3.803, "x3": -0.428}, {"x1": 7.757, "x2": 0.098, "x3": -0.304}, {"x1": 2.252, "x2": 3.472, "x3": 0.353}, {"x1": 3.002, "x2": 1.397, "x3": -0.121}, {"x1": 8.736, "x2": 2.418, "x3": -0.197}, {"x1": 0.053, "x2": -4.085, "x3": -1.114}, {"x1": 8.212, "x2": 0.411, "x3": -0.012}, {"x1": 7.971, "x2": 0.078, "x3": -0.444}, {"x1": 4.679, "x2": 3.713, "x3": 1.166}]',
            },
            "workflow_input_name": "data",
        },
    ],
}
