"""Documentation for Pass Through (String)

# Pass Through (String)

## Description
Passes a text on unchanged.

## Inputs
* **input** (STRING): The value, a text.

## Outputs
* **output** (STRING): The same value.

## Details
A connector for workflows: it lets one STRING value feed several operators, names a value that is used in
several places, or gives a workflow an input or output of type STRING where an operator connector has
another type (such as ANY). The value is read as STRING when it enters and is not changed.

## Example
`input` = a text gives `output` = the same value.
"""

# mypy: allow-untyped-defs

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "input": {"data_type": "STRING"},
    },
    "outputs": {
        "output": {"data_type": "STRING"},
    },
    "name": "Pass Through (String)",
    "category": "Connectors",
    "description": "Passes a text on unchanged",
    "version_tag": "1.0.0",
    "id": "aa490a7b-51e4-5114-bf7e-03d091b8fcd5",
    "revision_group_id": "11ed20e0-c28a-5bd1-94ca-6109e8316389",
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
        {"filters": {"value": "pump 7"}, "workflow_input_name": "input"},
    ],
}
