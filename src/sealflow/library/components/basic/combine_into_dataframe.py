"""Documentation for Combine into DataFrame

# Combine into DataFrame

## Description
Puts a series and another series or frame side by side in one frame.

## Inputs
* **series** (SERIES): The first column.
* **series_or_dataframe** (ANY): A Series (one more column) or a DataFrame (its columns), in the wrapped JSON form.

## Outputs
* **dataframe** (DATAFRAME): The columns side by side, on the union of the indexes.

## Details
Rows are matched by index label and sorted by it; a label only one input has gets NaN in the other columns.
A series keeps its name as column name; an unnamed series is called `series` or `series_or_dataframe` after
its input. Two columns of the same name are refused.

## Example
`series` = 1.0, 2.0 at 00:00 and 01:00 (unnamed) and `series_or_dataframe` = a series named `b` with 5.0 at
01:00 give `dataframe` with the columns `series` = 1.0, 2.0 and `b` = NaN, 5.0.
"""

# mypy: allow-untyped-defs
import pandas as pd

from hdutils import ComponentInputValidationException

_WRAP_HINT = (
    "; JSON objects are read as dicts, so give a series or frame in the wrapped form "
    '{"__hd_wrapped_data_object__": "SERIES", "__data__": {...}}'
)


# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "series": {"data_type": "SERIES"},
        "series_or_dataframe": {"data_type": "ANY"},
    },
    "outputs": {
        "dataframe": {"data_type": "DATAFRAME"},
    },
    "name": "Combine into DataFrame",
    "category": "Basic",
    "description": "Puts a series and another series or frame side by side in one frame",
    "version_tag": "1.0.0",
    "id": "e0de3df0-f961-5fb0-ba8e-718388c208e5",
    "revision_group_id": "ae2632ec-7806-5545-a69d-2216e8c5711e",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, series, series_or_dataframe):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    if isinstance(series_or_dataframe, pd.Series):
        name = series_or_dataframe.name
        other = series_or_dataframe.to_frame("series_or_dataframe" if name is None else name)
    elif isinstance(series_or_dataframe, pd.DataFrame):
        other = series_or_dataframe
    else:
        raise ComponentInputValidationException(
            "series_or_dataframe must be a Series or a DataFrame, not a "
            f"{type(series_or_dataframe).__name__}{_WRAP_HINT}",
            invalid_component_inputs=["series_or_dataframe"],
        )
    first = series.to_frame("series" if series.name is None else series.name)
    clash = sorted(str(label) for label in set(first.columns) & set(other.columns))
    if clash:
        raise ComponentInputValidationException(
            f"both inputs have a column {clash[0]!r}; give one of them another name with Rename Series",
            invalid_component_inputs=["series", "series_or_dataframe"],
        )
    return {"dataframe": pd.concat([first, other], axis=1, join="outer", sort=True)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0, "2026-01-01T02:00:00Z": 3.0}',
            },
            "workflow_input_name": "series",
        },
        {
            "filters": {
                "value": '{"__hd_wrapped_data_object__": "DATAFRAME", "__data__": {"b": {"2026-01-01T01:00:00Z": 5.0, "2026-01-01T02:00:00Z": 6.0}, "c": {"2026-01-01T01:00:00Z": 7, "2026-01-01T02:00:00Z": 8}}, "__data_parsing_options__": {"dtype": false}}',
            },
            "workflow_input_name": "series_or_dataframe",
        },
    ],
}
