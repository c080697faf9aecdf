"""Documentation for Correlation Matrix

# Correlation Matrix

## Description
Gives the pairwise correlations of the numeric columns of a frame.

## Inputs
* **dataframe** (DATAFRAME): The frame; its numeric columns are compared.
* **method** (STRING, optional, default `pearson`): pearson (linear), spearman (rank) or kendall (rank concordance).

## Outputs
* **correlations** (DATAFRAME): A square frame: the correlation of every pair of numeric columns, 1.0 on the diagonal.

## Details
Each pair uses the rows where both columns have a value. Correlations range from -1 (opposite) over 0
(unrelated) to 1 (together). A column without variation has no correlation (NaN).

## Example
`dataframe` with the columns a = 1, 2, 3, b = 2, 4, 6 and c = 3, 2, 1 gives 1.0 for a with b and -1.0 for a
with c.
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
        "dataframe": {"data_type": "DATAFRAME"},
        "method": {"data_type": "STRING", "default_value": "pearson"},
    },
    "outputs": {
        "correlations": {"data_type": "DATAFRAME"},
    },
    "name": "Correlation Matrix",
    "category": "Statistic",
    "description": "Gives the pairwise correlations of the numeric columns of a frame",
    "version_tag": "1.0.0",
    "id": "3d857458-8ec1-579f-ae21-c4981141355d",
    "revision_group_id": "ef80177f-108b-5757-b348-52716ca5d249",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, dataframe, method="pearson"):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    how = _choice(method, ("pearson", "spearman", "kendall"), "method")
    with np.errstate(divide="ignore", invalid="ignore"):
        return {"correlations": dataframe.corr(method=how, numeric_only=True)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"a": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": 4.0}, "b": {"2026-01-01T00:00:00Z": 2.0, "2026-01-01T01:00:00Z": 4.1, "2026-01-01T02:00:00Z": 5.9, "2026-01-01T03:00:00Z": 8.2}, "c": {"2026-01-01T00:00:00Z": 4.0, "2026-01-01T01:00:00Z": 1.0, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": 0.5}}',
            },
            "workflow_input_name": "dataframe",
        },
    ],
}
