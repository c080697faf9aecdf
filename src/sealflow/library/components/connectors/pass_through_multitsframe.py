"""Documentation for Pass Through (MultiTSFrame)

# Pass Through (MultiTSFrame)

## Description
Passes a multi-series frame (timestamp, metric, value) on unchanged.

## Inputs
* **input** (MULTITSFRAME): The value, a multi-series frame (timestamp, metric, value).

## Outputs
* **output** (MULTITSFRAME): The same value.

## Details
A connector for workflows: it lets one MULTITSFRAME value feed several operators, names a value that is used
in several places, or gives a workflow an input or output of type MULTITSFRAME where an operator connector
has another type (such as ANY). The value is read as MULTITSFRAME when it enters and is not changed.

## Example
`input` = a multi-series frame (timestamp, metric, value) gives `output` = the same value.
"""

# mypy: allow-untyped-defs

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "input": {"data_type": "MULTITSFRAME"},
    },
    "outputs": {
        "output": {"data_type": "MULTITSFRAME"},
    },
    "name": "Pass Through (MultiTSFrame)",
    "category": "Connectors",
    "description": "Passes a multi-series frame (timestamp, metric, value) on unchanged",
    "version_tag": "1.0.0",
    "id": "cde464b9-178b-507b-991a-03ddf316d00c",
    "revision_group_id": "f08b5d43-9521-5acd-975e-b16c99acdbc8",
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
                "value": '{"timestamp": {"0": "2026-01-01T00:00:00Z", "1": "2026-01-01T00:00:00Z", "2": "2026-01-01T01:00:00Z"}, "metric": {"0": "pressure", "1": "temperature", "2": "pressure"}, "value": {"0": 1.0, "1": 20.5, "2": 1.1}}',
            },
            "workflow_input_name": "input",
        },
    ],
}
