"""Compare a recorded value with a replayed one: identical, or how much they differ."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel

from sealflow.code.values import parse_value
from sealflow.errors import SealflowError
from sealflow.model.datatypes import DataType

_NUMERIC = {DataType.INT, DataType.FLOAT, DataType.SERIES, DataType.DATAFRAME, DataType.MULTITSFRAME}


class Tolerance(BaseModel):
    """How far two numeric values lie apart, cell by cell."""

    cells: int
    differing: int
    max_abs_diff: float
    max_rel_diff: float
    shape_differs: bool = False


def _numbers(value: Any) -> np.ndarray[Any, Any] | None:
    if isinstance(value, pd.DataFrame):
        frame = value.select_dtypes(include="number")
        return frame.to_numpy(dtype=float) if frame.shape[1] else None
    if isinstance(value, pd.Series):
        return value.to_numpy(dtype=float) if pd.api.types.is_numeric_dtype(value) else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return np.array([float(value)])
    return None


def tolerance(recorded: Any, replayed: Any, data_type: DataType) -> Tolerance | None:
    """Cell-by-cell differences of two encoded numeric values; None where they cannot be compared."""
    if data_type not in _NUMERIC:
        return None
    try:
        before = _numbers(parse_value(recorded, data_type))
        after = _numbers(parse_value(replayed, data_type))
    except SealflowError:
        return None
    if before is None or after is None:
        return None
    if before.shape != after.shape:
        return Tolerance(
            cells=int(before.size),
            differing=int(before.size),
            max_abs_diff=float("inf"),
            max_rel_diff=float("inf"),
            shape_differs=True,
        )
    both_nan = np.isnan(before) & np.isnan(after)
    diff = np.where(both_nan, 0.0, np.abs(before - after))
    diff = np.where(np.isnan(diff), np.inf, diff)
    scale = np.maximum(np.abs(before), np.abs(after))
    relative = np.divide(diff, scale, out=np.zeros_like(diff), where=scale > 0)
    return Tolerance(
        cells=int(before.size),
        differing=int(np.count_nonzero(diff)),
        max_abs_diff=float(diff.max(initial=0.0)),
        max_rel_diff=float(relative.max(initial=0.0)),
    )
