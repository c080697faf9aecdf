"""Documentation for Pi

# Pi

## Description
Gives the number pi.

## Inputs
None.

## Outputs
* **pi** (FLOAT): 3.141592653589793.

## Details
A constant with no inputs, for formulas such as the area of a circle.

## Example
No inputs; `pi` = 3.141592653589793.
"""

# mypy: allow-untyped-defs
import math

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {},
    "outputs": {
        "pi": {"data_type": "FLOAT"},
    },
    "name": "Pi",
    "category": "Basic",
    "description": "Gives the number pi",
    "version_tag": "1.0.0",
    "id": "b47d5013-ebe6-5147-a388-a67ce06fbd95",
    "revision_group_id": "17a00b0e-f060-50bd-9dff-f21959f5f76f",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main():
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"pi": math.pi}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "output_wirings": [
        {"workflow_output_name": "pi"},
    ],
}
