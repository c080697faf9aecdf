"""Documentation for Pass Through (Plotly JSON)

# Pass Through (Plotly JSON)

## Description
Passes a plotly figure as JSON on unchanged.

## Inputs
* **input** (PLOTLYJSON): The value, a plotly figure as JSON.

## Outputs
* **output** (PLOTLYJSON): The same value.

## Details
A connector for workflows: it lets one PLOTLYJSON value feed several operators, names a value that is used
in several places, or gives a workflow an input or output of type PLOTLYJSON where an operator connector has
another type (such as ANY). The value is read as PLOTLYJSON when it enters and is not changed.

## Example
`input` = a plotly figure as JSON gives `output` = the same value.
"""

# mypy: allow-untyped-defs

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "input": {"data_type": "PLOTLYJSON"},
    },
    "outputs": {
        "output": {"data_type": "PLOTLYJSON"},
    },
    "name": "Pass Through (Plotly JSON)",
    "category": "Connectors",
    "description": "Passes a plotly figure as JSON on unchanged",
    "version_tag": "1.0.0",
    "id": "3720bcf2-b0c6-50e4-ace3-c327bd57d8e9",
    "revision_group_id": "bf6ac2b5-77de-5140-ae6b-93face61fd9e",
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
                "value": '{"data": [{"type": "scatter", "x": [1, 2], "y": [3, 4]}], "layout": {"title": {"text": "Demo"}}}',
            },
            "workflow_input_name": "input",
        },
    ],
}
