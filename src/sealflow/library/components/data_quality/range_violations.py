"""Documentation for Range Violations

# Range Violations

## Description
Marks the values of a series outside an allowed range and counts them.

## Inputs
* **series** (SERIES): Numeric values.
* **lower** (FLOAT): The smallest allowed value.
* **upper** (FLOAT): The largest allowed value.

## Outputs
* **is_violation** (SERIES): True where the value is below `lower` or above `upper`.
* **count** (INT): How many values violate the range.

## Details
Both bounds are allowed values. Missing values are no violations; count them with Missing Value Count. Use
it for physical limits, for example a relative humidity between 0 and 100.

## Example
`series` = -1.0, 50.0, 101.0, null, `lower` = 0 and `upper` = 100 give `is_violation` = true, false, true,
false and `count` = 2.
"""

# mypy: allow-untyped-defs
from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "lower": {"data_type": "FLOAT"},
        "upper": {"data_type": "FLOAT"},
    },
    "outputs": {
        "is_violation": {"data_type": "SERIES"},
        "count": {"data_type": "INT"},
    },
    "name": "Range Violations",
    "category": "Data Quality",
    "description": "Marks the values of a series outside an allowed range and counts them",
    "version_tag": "1.0.0",
    "id": "0f6a7689-84cf-546a-9965-1c0092f3f452",
    "revision_group_id": "f81cf558-d764-58d2-b5f3-0a80d4fc106c",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, lower, upper):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if lower > upper:
        raise ComponentInputValidationException(
            f"lower {lower} is above upper {upper}", invalid_component_inputs=["lower", "upper"]
        )
    is_violation = (series < lower) | (series > upper)
    return {"is_violation": is_violation, "count": int(is_violation.sum())}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-01T00:00:00Z": -1.0, "2026-01-01T01:00:00Z": 50.0, "2026-01-01T02:00:00Z": 101.0, "2026-01-01T03:00:00Z": null, "2026-01-01T04:00:00Z": 100.0}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "0"}, "workflow_input_name": "lower"},
        {"filters": {"value": "100"}, "workflow_input_name": "upper"},
    ],
}
