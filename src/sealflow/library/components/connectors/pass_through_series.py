"""Documentation for Pass Through (Series)

# Pass Through (Series)

## Description
Passes a series on unchanged.

## Inputs
* **input** (SERIES): The value, a series.

## Outputs
* **output** (SERIES): The same value.

## Details
A connector for workflows: it lets one SERIES value feed several operators, names a value that is used in
several places, or gives a workflow an input or output of type SERIES where an operator connector has
another type (such as ANY). The value is read as SERIES when it enters and is not changed.

## Example
`input` = a series gives `output` = the same value.
"""

# mypy: allow-untyped-defs

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "input": {"data_type": "SERIES"},
    },
    "outputs": {
        "output": {"data_type": "SERIES"},
    },
    "name": "Pass Through (Series)",
    "category": "Connectors",
    "description": "Passes a series on unchanged",
    "version_tag": "1.0.0",
    "id": "d4cf6266-c350-567a-840c-4e1bf22bb303",
    "revision_group_id": "45d4b443-6a1d-51cb-a20e-77841cdba603",
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
                "value": '{"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.5, "2026-01-01T02:00:00Z": null}',
            },
            "workflow_input_name": "input",
        },
    ],
}
