"""Documentation for Pass Through (Any)

# Pass Through (Any)

## Description
Passes any value on unchanged.

## Inputs
* **input** (ANY): The value, any value.

## Outputs
* **output** (ANY): The same value.

## Details
A connector for workflows: it lets one ANY value feed several operators, names a value that is used in
several places, or gives a workflow an input or output of type ANY where an operator connector has another
type (such as ANY). The value is read as ANY when it enters and is not changed.

## Example
`input` = any value gives `output` = the same value.
"""

# mypy: allow-untyped-defs

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "input": {"data_type": "ANY"},
    },
    "outputs": {
        "output": {"data_type": "ANY"},
    },
    "name": "Pass Through (Any)",
    "category": "Connectors",
    "description": "Passes any value on unchanged",
    "version_tag": "1.0.0",
    "id": "7349bb51-c0e7-5d37-b600-e95107f695c1",
    "revision_group_id": "5f6a6c2e-4c6a-5c82-abf5-49291169f4ef",
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
            "filters": {"value": '{"threshold": 2.5, "labels": ["low", "high"]}'},
            "workflow_input_name": "input",
        },
    ],
}
