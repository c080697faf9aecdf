"""Documentation for Summary Statistics

# Summary Statistics

## Description
Gives count, mean, standard deviation, minimum, quartiles and maximum per numeric column.

## Inputs
* **data** (ANY): A list of numbers, a Series or a DataFrame (in the wrapped JSON form).

## Outputs
* **summary** (DATAFRAME): One column per numeric column of `data` (a list or Series gives one column) and the rows count, mean, std, min, 25%, 50%, 75% and max.

## Details
Missing values are skipped; count says how many values each column has. std is the sample standard deviation
(divided by n - 1); the quartiles are interpolated linearly. An unnamed series gives the column `value`.

## Example
`data` = a series 1.0, 2.0, 3.0, 4.0 gives a column value with count 4, mean 2.5, std 1.29, min 1.0, 25%
1.75, 50% 2.5, 75% 3.25 and max 4.0.
"""

# mypy: allow-untyped-defs
import pandas as pd

from hdutils import ComponentInputValidationException

_WRAP_HINT = (
    "; JSON objects are read as dicts, so give a series or frame in the wrapped form "
    '{"__hd_wrapped_data_object__": "SERIES", "__data__": {...}}'
)


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "data": {"data_type": "ANY"},
    },
    "outputs": {
        "summary": {"data_type": "DATAFRAME"},
    },
    "name": "Summary Statistics",
    "category": "Statistic",
    "description": "Gives count, mean, standard deviation, minimum, quartiles and maximum per numeric column",
    "version_tag": "1.0.0",
    "id": "c7788ba2-1c06-5bd9-8838-05bd40094da2",
    "revision_group_id": "afa6bd69-926d-5bf0-80f0-3e74d0121004",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if isinstance(data, list):
        try:
            data = pd.Series(data, dtype="float64")
        except (TypeError, ValueError) as exc:
            raise ComponentInputValidationException(
                "data is a list that holds more than numbers", invalid_component_inputs=["data"]
            ) from exc
    if isinstance(data, pd.Series):
        data = data.to_frame("value" if data.name is None else data.name)
    if not isinstance(data, pd.DataFrame):
        hint = _WRAP_HINT if isinstance(data, dict) else ""
        raise ComponentInputValidationException(
            f"data must be a list of numbers, a Series or a DataFrame, not a {type(data).__name__}{hint}",
            invalid_component_inputs=["data"],
        )
    numeric = data.select_dtypes("number")
    if numeric.shape[1] == 0:
        raise ComponentInputValidationException(
            "data has no numeric column to describe", invalid_component_inputs=["data"]
        )
    return {"summary": numeric.describe()}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "DATAFRAME", "__data__": {"a": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": 4.0}, "b": {"2026-01-01T00:00:00Z": 10, "2026-01-01T01:00:00Z": 0, "2026-01-01T02:00:00Z": 5, "2026-01-01T03:00:00Z": 5}, "label": {"2026-01-01T00:00:00Z": "x", "2026-01-01T01:00:00Z": "y", "2026-01-01T02:00:00Z": "z", "2026-01-01T03:00:00Z": "w"}}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
    ],
}
