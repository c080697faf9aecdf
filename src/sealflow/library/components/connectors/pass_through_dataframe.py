"""Documentation for Pass Through (DataFrame)

# Pass Through (DataFrame)

## Description
Passes a frame on unchanged.

## Inputs
* **input** (DATAFRAME): The value, a frame.

## Outputs
* **output** (DATAFRAME): The same value.

## Details
A connector for workflows: it lets one DATAFRAME value feed several operators, names a value that is used in
several places, or gives a workflow an input or output of type DATAFRAME where an operator connector has
another type (such as ANY). The value is read as DATAFRAME when it enters and is not changed.

## Example
`input` = a frame gives `output` = the same value.
"""

# mypy: allow-untyped-defs

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "input": {"data_type": "DATAFRAME"},
    },
    "outputs": {
        "output": {"data_type": "DATAFRAME"},
    },
    "name": "Pass Through (DataFrame)",
    "category": "Connectors",
    "description": "Passes a frame on unchanged",
    "version_tag": "1.0.0",
    "id": "2a83bc1c-54f9-51a0-8e09-a81272814e7f",
    "revision_group_id": "c31629be-57d3-5f00-9948-2bd26f0eacfc",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, input):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"output": input}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"a": {"2026-01-01T00:00:00Z": 1, "2026-01-01T01:00:00Z": 2}, "b": {"2026-01-01T00:00:00Z": 0.5, "2026-01-01T01:00:00Z": null}}',
            },
            "workflow_input_name": "input",
        },
    ],
}
