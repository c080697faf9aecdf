"""Documentation for Correlation

# Correlation

## Description
Gives the correlation of two series matched by index.

## Inputs
* **a** (SERIES): The first series.
* **b** (SERIES): The second series.
* **method** (STRING, optional, default `pearson`): pearson (linear), spearman (rank) or kendall (rank concordance).

## Outputs
* **correlation** (FLOAT): The correlation, from -1.0 to 1.0; NaN if it cannot be computed.

## Details
The series are matched by index label: only labels both have, with a value in both, are used. Fewer than two
such pairs, or a series without variation, give NaN.

## Example
`a` = 1.0, 2.0, 3.0 and `b` = 10.0, 20.0, 30.0 on the same timestamps give `correlation` = 1.0.
"""

# mypy: allow-untyped-defs
import numpy as np

from hdutils import ComponentInputValidationException


def _choice(value: str, choices: tuple[str, ...], name: str) -> str:
    """``value`` (trimmed, lower case) if it is one of ``choices``."""
    chosen = value.strip().lower()
    if chosen not in choices:
        raise ComponentInputValidationException(
            f"{name} {value!r} is not supported; use one of {', '.join(choices)}",
            invalid_component_inputs=[name],
        )
    return chosen


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "a": {"data_type": "SERIES"},
        "b": {"data_type": "SERIES"},
        "method": {"data_type": "STRING", "default_value": "pearson"},
    },
    "outputs": {
        "correlation": {"data_type": "FLOAT"},
    },
    "name": "Correlation",
    "category": "Statistic",
    "description": "Gives the correlation of two series matched by index",
    "version_tag": "1.0.0",
    "id": "68b7f024-98bd-5ab2-af6d-dac1fd0f506f",
    "revision_group_id": "f07cbd69-a953-5279-bb96-9da6020881f1",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, a, b, method="pearson"):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    how = _choice(method, ("pearson", "spearman", "kendall"), "method")
    with np.errstate(divide="ignore", invalid="ignore"):
        return {"correlation": float(a.corr(b, method=how))}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": 4.0, "2026-01-01T04:00:00Z": 5.0}',
            },
            "workflow_input_name": "a",
        },
        {
            "filters": {
                "value": '{"2026-01-01T01:00:00Z": 1.5, "2026-01-01T02:00:00Z": 2.0, "2026-01-01T03:00:00Z": 3.5, "2026-01-01T04:00:00Z": 3.0, "2026-01-01T05:00:00Z": 6.0, "2026-01-01T06:00:00Z": 7.0}',
            },
            "workflow_input_name": "b",
        },
    ],
}
