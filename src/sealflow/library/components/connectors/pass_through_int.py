"""Documentation for Pass Through (Integer)

# Pass Through (Integer)

## Description
Passes a whole number on unchanged.

## Inputs
* **input** (INT): The value, a whole number.

## Outputs
* **output** (INT): The same value.

## Details
A connector for workflows: it lets one INT value feed several operators, names a value that is used in
several places, or gives a workflow an input or output of type INT where an operator connector has another
type (such as ANY). The value is read as INT when it enters and is not changed.

## Example
`input` = a whole number gives `output` = the same value.
"""

# mypy: allow-untyped-defs

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "input": {"data_type": "INT"},
    },
    "outputs": {
        "output": {"data_type": "INT"},
    },
    "name": "Pass Through (Integer)",
    "category": "Connectors",
    "description": "Passes a whole number on unchanged",
    "version_tag": "1.0.0",
    "id": "939fa697-5b91-53eb-b18b-0eda4f12fea4",
    "revision_group_id": "3662964a-6937-5571-966e-d18f385c217c",
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
        {"filters": {"value": "42"}, "workflow_input_name": "input"},
    ],
}
