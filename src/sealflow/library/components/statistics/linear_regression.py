"""Documentation for Linear Regression

# Linear Regression

## Description
Fits a straight line y = slope x + intercept by least squares.

## Inputs
* **x** (SERIES): The explanatory values.
* **y** (SERIES): The values to explain, matched to `x` by index.

## Outputs
* **slope** (FLOAT): How much y grows per unit of x.
* **intercept** (FLOAT): The value of the line at x = 0.
* **r_squared** (FLOAT): The share of the variance of y the line explains (1.0 = perfect fit).
* **fitted** (SERIES): The line's value at each x used, on the index of the pairs.
* **residuals** (SERIES): y minus the fitted value, on the same index.

## Details
x and y are paired by index label; labels only one of them has, and pairs with a missing value, are left
out. The line minimises the sum of squared residuals (numpy's least squares). At least two pairs with
different x values are needed. If y does not vary, `r_squared` is NaN. To regress on time, turn the
timestamps into numbers first.

## Example
`x` = 1.0, 2.0, 3.0 and `y` = 3.0, 5.0, 7.0 on the same timestamps give `slope` = 2.0, `intercept` = 1.0,
`r_squared` = 1.0 and residuals 0.0.
"""

# mypy: allow-untyped-defs
import numpy as np
import pandas as pd

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "x": {"data_type": "SERIES"},
        "y": {"data_type": "SERIES"},
    },
    "outputs": {
        "slope": {"data_type": "FLOAT"},
        "intercept": {"data_type": "FLOAT"},
        "r_squared": {"data_type": "FLOAT"},
        "fitted": {"data_type": "SERIES"},
        "residuals": {"data_type": "SERIES"},
    },
    "name": "Linear Regression",
    "category": "Statistic",
    "description": "Fits a straight line y = slope x + intercept by least squares",
    "version_tag": "1.0.0",
    "id": "04d16d31-85b0-5ba9-98c4-51a2ca077ac4",
    "revision_group_id": "278e31f6-e128-5440-b903-375c81c8a964",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, x, y):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    for name, values in (("x", x), ("y", y)):
        if not values.index.is_unique:
            raise ComponentInputValidationException(
                f"{name} has repeated index entries, so x and y cannot be paired",
                invalid_component_inputs=[name],
            )
    try:
        pairs = pd.concat({"x": x, "y": y}, axis=1, join="inner").astype("float64").dropna()
    except (TypeError, ValueError) as exc:
        raise ComponentInputValidationException(
            f"x and y must hold numbers ({exc})", invalid_component_inputs=["x", "y"]
        ) from exc
    if len(pairs) < 2 or pairs["x"].nunique() < 2:
        raise ComponentInputValidationException(
            "a line needs at least two pairs of x and y with different x values; "
            f"x and y share {len(pairs)} index entries with values in both",
            invalid_component_inputs=["x", "y"],
        )
    design = np.column_stack([pairs["x"].to_numpy(), np.ones(len(pairs))])
    solution, *_ = np.linalg.lstsq(design, pairs["y"].to_numpy(), rcond=None)
    slope, intercept = float(solution[0]), float(solution[1])
    fitted = (slope * pairs["x"] + intercept).rename(y.name)
    residuals = (pairs["y"] - fitted).rename(y.name)
    spread = float(((pairs["y"] - pairs["y"].mean()) ** 2).sum())
    r_squared = 1.0 - float((residuals**2).sum()) / spread if spread > 0 else float("nan")
    return {
        "slope": slope,
        "intercept": intercept,
        "r_squared": r_squared,
        "fitted": fitted,
        "residuals": residuals,
    }


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 3.0, "2026-01-01T03:00:00Z": 4.0, "2026-01-01T04:00:00Z": 5.0, "2026-01-01T05:00:00Z": 6.0}',
            },
            "workflow_input_name": "x",
        },
        {
            "filters": {
                "value": '{"2026-01-01T00:00:00Z": 2.9, "2026-01-01T01:00:00Z": 5.2, "2026-01-01T02:00:00Z": 6.8, "2026-01-01T03:00:00Z": null, "2026-01-01T04:00:00Z": 11.1, "2026-01-01T05:00:00Z": 13.0}',
            },
            "workflow_input_name": "y",
        },
    ],
}
