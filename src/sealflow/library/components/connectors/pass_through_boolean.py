"""Documentation for Pass Through (Boolean)

# Pass Through (Boolean)

## Description
Passes true or false on unchanged.

## Inputs
* **input** (BOOLEAN): The value, true or false.

## Outputs
* **output** (BOOLEAN): The same value.

## Details
A connector for workflows: it lets one BOOLEAN value feed several operators, names a value that is used in
several places, or gives a workflow an input or output of type BOOLEAN where an operator connector has
another type (such as ANY). The value is read as BOOLEAN when it enters and is not changed.

## Example
`input` = true or false gives `output` = the same value.
"""

# mypy: allow-untyped-defs

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "input": {"data_type": "BOOLEAN"},
    },
    "outputs": {
        "output": {"data_type": "BOOLEAN"},
    },
    "name": "Pass Through (Boolean)",
    "category": "Connectors",
    "description": "Passes true or false on unchanged",
    "version_tag": "1.0.0",
    "id": "cabe3b97-71ef-535c-a399-28644d014cbc",
    "revision_group_id": "5c2e8e4f-64b1-5f85-8d47-fdfe6a632cb8",
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
        {"filters": {"value": "true"}, "workflow_input_name": "input"},
    ],
}
