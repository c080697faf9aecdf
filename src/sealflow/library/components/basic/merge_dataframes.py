"""Documentation for Merge DataFrames

# Merge DataFrames

## Description
Joins two frames on their index or on a shared column.

## Inputs
* **left** (DATAFRAME): The first frame.
* **right** (DATAFRAME): The second frame.
* **how** (STRING, optional, default `outer`): Which rows to keep: inner, outer, left or right.
* **on** (STRING, optional, default `\""`): A column both frames have to join on; empty to join on the index.

## Outputs
* **merged** (DATAFRAME): The joined frame.

## Details
`inner` keeps the keys both frames have, `outer` all keys, `left` and `right` the keys of that frame;
missing cells become NaN. An outer join is sorted by the key. Columns both frames have (other than `on`) get
the suffixes `_left` and `_right`. Joined on a column, the result has a new row number index.

## Example
`left` with the column a = 1, 2 at 00:00 and 01:00 and `right` with the column b = 10, 20 at 01:00 and
02:00, joined `outer` on the index, give a = 1, 2, NaN and b = NaN, 10, 20 at 00:00, 01:00 and 02:00.
"""

# mypy: allow-untyped-defs
import pandas as pd

from hdutils import ComponentInputValidationException

_HOWS = ("inner", "outer", "left", "right")
_SUFFIXES = ("_left", "_right")


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
        "left": {"data_type": "DATAFRAME"},
        "right": {"data_type": "DATAFRAME"},
        "how": {"data_type": "STRING", "default_value": "outer"},
        "on": {"data_type": "STRING", "default_value": ""},
    },
    "outputs": {
        "merged": {"data_type": "DATAFRAME"},
    },
    "name": "Merge DataFrames",
    "category": "Basic",
    "description": "Joins two frames on their index or on a shared column",
    "version_tag": "1.0.0",
    "id": "9049e2ea-8b11-57d8-9122-7f509544fdc2",
    "revision_group_id": "0410d068-1e7f-52a6-ad1e-e51a19cc6114",
    "state": "RELEASED",
    "released_timestamp": "2026-11-25T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, left, right, how="outer", on=""):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    how = _choice(how, _HOWS, "how")
    key = on.strip()
    if not key:
        merged = pd.merge(left, right, how=how, left_index=True, right_index=True, suffixes=_SUFFIXES)
        return {"merged": merged}
    missing = [name for name, frame in (("left", left), ("right", right)) if key not in frame.columns]
    if missing:
        raise ComponentInputValidationException(
            f"{' and '.join(missing)} {'has' if len(missing) == 1 else 'have'} no column {key!r}",
            invalid_component_inputs=[*missing, "on"],
        )
    return {"merged": pd.merge(left, right, how=how, on=key, suffixes=_SUFFIXES)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {
            "filters": {
                "value": '{"a": {"2026-01-01T00:00:00Z": 1.0, "2026-01-01T01:00:00Z": 2.0}}',
            },
            "workflow_input_name": "left",
        },
        {
            "filters": {
                "value": '{"b": {"2026-01-01T01:00:00Z": 10.0, "2026-01-01T02:00:00Z": 20.0}}',
            },
            "workflow_input_name": "right",
        },
    ],
}
