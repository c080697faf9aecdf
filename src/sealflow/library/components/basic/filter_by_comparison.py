"""Documentation for Filter by Comparison

# Filter by Comparison

## Description
Keeps the values of a series that pass a comparison with a number.

## Inputs
* **series** (SERIES): The values to filter.
* **comparison** (STRING): How to compare each value with `value`: one of >, >=, <, <=, ==, !=.
* **value** (FLOAT): The number to compare with.

## Outputs
* **filtered** (SERIES): The values that pass, with their index, in their order.

## Details
Each value is compared with `value`, for example `series > 2.5`; the values for which this holds are kept.
Missing values never pass, not even with !=.

## Example
`series` = 1.0, 4.0, null, 2.5 (hourly), `comparison` = >= and `value` = 2.5 give `filtered` = 4.0, 2.5 on
the second and fourth timestamp.
"""

# mypy: allow-untyped-defs
import operator

from hdutils import ComponentInputValidationException

_COMPARISONS = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
}


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "comparison": {"data_type": "STRING"},
        "value": {"data_type": "FLOAT"},
    },
    "outputs": {
        "filtered": {"data_type": "SERIES"},
    },
    "name": "Filter by Comparison",
    "category": "Basic",
    "description": "Keeps the values of a series that pass a comparison with a number",
    "version_tag": "1.0.0",
    "id": "886cda40-505a-5450-95cb-7438b00acee8",
    "revision_group_id": "1938253f-d6bd-53c4-afa0-8b617768cef3",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, comparison, value):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    compare = _COMPARISONS.get(comparison.strip())
    if compare is None:
        raise ComponentInputValidationException(
            f"comparison {comparison!r} is not supported; use one of {', '.join(_COMPARISONS)}",
            invalid_component_inputs=["comparison"],
        )
    keep = compare(series, value) & series.notna()
    return {"filtered": series[keep]}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 4.0, "2026-01-01T02:00:00Z": null, "2026-01-01T03:00:00Z": 2.5}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": ">="}, "workflow_input_name": "comparison"},
        {"filters": {"value": "2.5"}, "workflow_input_name": "value"},
    ],
}
