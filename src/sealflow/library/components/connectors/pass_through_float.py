"""Documentation for Pass Through (Float)

# Pass Through (Float)

## Description
Passes a number on unchanged.

## Inputs
* **input** (FLOAT): The value, a number.

## Outputs
* **output** (FLOAT): The same value.

## Details
A connector for workflows: it lets one FLOAT value feed several operators, names a value that is used in
several places, or gives a workflow an input or output of type FLOAT where an operator connector has another
type (such as ANY). The value is read as FLOAT when it enters and is not changed.

## Example
`input` = a number gives `output` = the same value.
"""

# mypy: allow-untyped-defs

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "input": {"data_type": "FLOAT"},
    },
    "outputs": {
        "output": {"data_type": "FLOAT"},
    },
    "name": "Pass Through (Float)",
    "category": "Connectors",
    "description": "Passes a number on unchanged",
    "version_tag": "1.0.0",
    "id": "1f9686fa-a4e2-54c3-a525-63ec7fb82b03",
    "revision_group_id": "194d48be-0156-581a-a16f-f5fc73e878b2",
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
        {"filters": {"value": "2.5"}, "workflow_input_name": "input"},
    ],
}
