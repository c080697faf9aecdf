"""Documentation for DataFrame to MultiTSFrame

# DataFrame to MultiTSFrame

## Description
Turns a wide frame with one column per metric into a MULTITSFRAME.

## Inputs
* **dataframe** (DATAFRAME): A wide frame: timestamps as index (or in a column named timestamp) and one column per metric. A frame that already has the columns timestamp, metric and value is taken as it is.

## Outputs
* **multitsframe** (MULTITSFRAME): One row per value present, sorted by timestamp and metric.

## Details
A MULTITSFRAME holds several time series in one long table: each row is one value of one metric at one
timestamp (UTC). It is sorted by timestamp and metric.

Each column name becomes a metric name (as text) and each cell a row; missing cells are left out, so the
result holds only the values present. A frame that is already long (timestamp, metric, value) is only
checked and sorted.

## Example
`dataframe` with the columns pressure = 1.0, 1.1 and temperature = 20.5, null at 00:00 and 01:00 gives the
rows (00:00, pressure, 1.0), (00:00, temperature, 20.5), (01:00, pressure, 1.1).
"""

# mypy: allow-untyped-defs
import pandas as pd

from hdutils import ComponentInputValidationException


def _not_timestamps(problem: str) -> ComponentInputValidationException:
    return ComponentInputValidationException(
        f"dataframe needs timestamps as its index or in a column named timestamp, but has {problem}",
        invalid_component_inputs=["dataframe"],
    )


def _utc(stamps: pd.Series) -> pd.Series:
    """Timestamps, or ISO 8601 strings, as UTC timestamps."""
    if pd.api.types.is_numeric_dtype(stamps.dtype) or pd.api.types.is_bool_dtype(stamps.dtype):
        raise _not_timestamps(f"numbers ({stamps.dtype})")
    try:
        converted = pd.to_datetime(stamps, utc=True, format="ISO8601")
    except (TypeError, ValueError) as exc:
        raise _not_timestamps(f"values that are no timestamps ({exc})") from exc
    if converted.isna().any():
        raise _not_timestamps("missing timestamps")
    return converted


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "dataframe": {"data_type": "DATAFRAME"},
    },
    "outputs": {
        "multitsframe": {"data_type": "MULTITSFRAME"},
    },
    "name": "DataFrame to MultiTSFrame",
    "category": "MultiTSFrame",
    "description": "Turns a wide frame with one column per metric into a MULTITSFRAME",
    "version_tag": "1.0.0",
    "id": "f8b57f4b-5469-5d39-9341-efb402e20318",
    "revision_group_id": "220049e5-ad9b-5613-8e56-4ea4852997dc",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, dataframe):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if {"timestamp", "metric", "value"} <= set(dataframe.columns):
        long = dataframe.assign(
            timestamp=_utc(dataframe["timestamp"]), metric=dataframe["metric"].astype(str)
        )
    else:
        wide = dataframe.set_index("timestamp") if "timestamp" in dataframe.columns else dataframe
        wide = wide.set_axis(pd.DatetimeIndex(_utc(wide.index.to_series())), axis=0)
        long = wide.rename_axis(index="timestamp").reset_index()
        long = long.melt(id_vars="timestamp", var_name="metric", value_name="value")
        long = long.dropna(subset=["value"]).assign(metric=lambda rows: rows["metric"].astype(str))
    return {"multitsframe": long.sort_values(["timestamp", "metric"], kind="stable").reset_index(drop=True)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"temperature": {"2026-01-01T00:00:00Z": 20.5, "2026-01-01T01:00:00Z": null, "2026-01-01T02:00:00Z": 21.5}, "pressure": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 1.1, "2026-01-01T02:00:00Z": 1.2}}',
            },
            "workflow_input_name": "dataframe",
        },
    ],
}
