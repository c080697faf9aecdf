"""Documentation for Threshold Alerts

# Threshold Alerts

Flags values below `lower` or above `upper`.

## Inputs
* **series** (SERIES): the values, indexed by timestamp
* **lower** (FLOAT, optional): values below this raise an alert; no lower limit by default
* **upper** (FLOAT, optional): values above this raise an alert; no upper limit by default

## Outputs
* **alerts** (SERIES): true where a limit is violated

## Details

A value equal to a limit raises no alert; missing values never do. Works on any score, e.g.
the output of **Volatility Score** or **Z-Score Alerts**.
"""

# mypy: allow-untyped-defs, allow-untyped-calls
import pandas as pd

from hdutils import ComponentInputValidationException

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "lower": {"data_type": "FLOAT", "default_value": None},
        "upper": {"data_type": "FLOAT", "default_value": None},
    },
    "outputs": {
        "alerts": {"data_type": "SERIES"},
    },
    "name": "Threshold Alerts",
    "category": "Anomaly Detection",
    "description": "Alerts where values leave a band between a lower and an upper limit",
    "version_tag": "1.0.0",
    "id": "d154f863-9a22-5a6a-b7d7-debab2c1db18",
    "revision_group_id": "d154f863-9a22-5a6a-b7d7-debab2c1db18",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, lower=None, upper=None):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if lower is None and upper is None:
        raise ComponentInputValidationException(
            "give lower, upper or both", invalid_component_inputs=["lower", "upper"]
        )
    values = series.astype(float)
    alerts = pd.Series(False, index=series.index, name="alert")
    if lower is not None:
        alerts |= values < lower
    if upper is not None:
        alerts |= values > upper
    return {"alerts": alerts}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-05T00:00:00Z": 19.988, "2026-01-05T01:00:00Z": 20.19, "2026-01-05T02:00:00Z": 21.872, "2026-01-05T03:00:00Z": 21.709, "2026-01-05T04:00:00Z": 22.125, "2026-01-05T05:00:00Z": 22.119, "2026-01-05T06:00:00Z": 27.317, "2026-01-05T07:00:00Z": 22.383, "2026-01-05T08:00:00Z": 22.191, "2026-01-05T09:00:00Z": 21.681, "2026-01-05T10:00:00Z": 21.684, "2026-01-05T11:00:00Z": 21.215, "2026-01-05T12:00:00Z": 20.565, "2026-01-05T13:00:00Z": 19.917, "2026-01-05T14:00:00Z": 19.436, "2026-01-05T15:00:00Z": 19.033, "2026-01-05T16:00:00Z": 19.151, "2026-01-05T17:00:00Z": 18.813, "2026-01-05T18:00:00Z": 13.161, "2026-01-05T19:00:00Z": 18.752, "2026-01-05T20:00:00Z": 19.486, "2026-01-05T21:00:00Z": 19.644, "2026-01-05T22:00:00Z": 19.929, "2026-01-05T23:00:00Z": 20.946}',
            },
            "workflow_input_name": "series",
        },
        {"filters": {"value": "16.0"}, "workflow_input_name": "lower"},
        {"filters": {"value": "24.0"}, "workflow_input_name": "upper"},
    ],
}
