"""Documentation for Constant Like

# Constant Like

## Description
Gives a constant of the shape of a series, frame or list.

## Inputs
* **data** (ANY): A list, a Series or a DataFrame (in the wrapped JSON form), or a number.
* **value** (FLOAT): The constant.

## Outputs
* **constant** (ANY): `value` everywhere `data` has an entry, with its index and columns.

## Details
Useful as a threshold line next to measured values, or to initialise a column. Missing values in `data` get
the constant too.

## Example
`data` = a series on three timestamps and `value` = 2.5 give `constant` = 2.5, 2.5, 2.5 on those timestamps.
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
        "value": {"data_type": "FLOAT"},
    },
    "outputs": {
        "constant": {"data_type": "ANY"},
    },
    "name": "Constant Like",
    "category": "Basic",
    "description": "Gives a constant of the shape of a series, frame or list",
    "version_tag": "1.0.0",
    "id": "7e1aca63-1cba-5687-8aea-aafa48faa41d",
    "revision_group_id": "6d71d569-c42e-5407-8e11-c7f9b00d4283",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, data, value):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if isinstance(data, pd.Series):
        return {"constant": pd.Series(value, index=data.index, name=data.name, dtype="float64")}
    if isinstance(data, pd.DataFrame):
        constant = pd.DataFrame(value, index=data.index, columns=data.columns, dtype="float64")
        return {"constant": constant}
    if isinstance(data, list):
        return {"constant": [value] * len(data)}
    if isinstance(data, int | float) and not isinstance(data, bool):
        return {"constant": value}
    hint = _WRAP_HINT if isinstance(data, dict) else ""
    raise ComponentInputValidationException(
        f"data must be a number, a list, a Series or a DataFrame, not a {type(data).__name__}{hint}",
        invalid_component_inputs=["data"],
    )


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "SERIES", "__data__": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": null, "2026-01-01T02:00:00Z": 3.0}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "data",
        },
        {"filters": {"value": "2.5"}, "workflow_input_name": "value"},
    ],
}
