"""Plain Python values in, plain Python values out: inputs for a run and the outcome of one."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from sealflow.adapters.protocol import wiring_from_values
from sealflow.code.outputs import RunOutcome
from sealflow.code.values import serialize_value
from sealflow.model.datatypes import DataType
from sealflow.model.wiring import WorkflowWiring
from sealflow.service.schemas import ExecutionResponse


def input_text(value: Any) -> str:
    """A value as the text direct provisioning reads by the input's data type.

    Text is given as it is; pandas objects and plotly figures in their wrapped JSON forms; anything else
    as JSON.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, pd.Series):
        data = serialize_value(value, DataType.SERIES)
    elif isinstance(value, pd.DataFrame):
        data = serialize_value(value, DataType.DATAFRAME)
    elif hasattr(value, "to_plotly_json"):
        data = serialize_value(value, DataType.PLOTLYJSON)
    else:
        data = serialize_value(value, DataType.ANY)
    return json.dumps(data, allow_nan=False)


def wiring_of(inputs: Mapping[str, Any]) -> WorkflowWiring:
    """A wiring that provides each input value directly."""
    return wiring_from_values({name: input_text(value) for name, value in inputs.items()})


@dataclass(frozen=True)
class ExecutionOutcome(RunOutcome):
    """The outcome of a run on a service: ``outputs`` as Python objects, ``response`` as the service sent it."""

    response: ExecutionResponse | None = None

    @classmethod
    def of(cls, label: str, response: ExecutionResponse) -> ExecutionOutcome:
        """The outcome of ``response``, its outputs parsed by their data types."""
        base = RunOutcome.from_json(label, response.model_dump(mode="json"))
        return cls(base.label, base.result, base.outputs, base.job_id, base.error, response)
