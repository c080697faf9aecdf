"""The outcome of a run as Python objects, and how it shows in a notebook.

Encoded outputs (as a run's result or the REST API answers them) are parsed by their data type with
``parse_value``: SERIES, DATAFRAME and MULTITSFRAME become pandas objects, PLOTLYJSON becomes a
``plotly.graph_objects.Figure``. ``Outputs`` is a dict of them that a notebook renders inline;
``RunOutcome`` adds whether the run succeeded and why not.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from sealflow.code.values import parse_value
from sealflow.errors import ExecutionFailed
from sealflow.model.datatypes import DataType

#: Rows of a pandas output shown in HTML; the rest is summarised.
HTML_ROWS = 20


#: The keys of a plotly figure dict.
FIGURE_KEYS = frozenset({"data", "layout", "frames"})


def as_figure(value: Any) -> Any:
    """A plotly ``Figure`` of a figure dict (``{}`` is an empty figure); anything else as it is."""
    import plotly.graph_objects as go

    if not isinstance(value, dict) or not set(value) <= FIGURE_KEYS:
        return value
    try:
        return go.Figure(**value)
    except (ValueError, TypeError):
        return value


def decode_outputs(encoded: Mapping[str, Any], types: Mapping[str, DataType]) -> Outputs:
    """The encoded outputs parsed by their data types; plots as plotly figures."""
    outputs = Outputs()
    for name, value in encoded.items():
        data_type = DataType(types.get(name, DataType.ANY))
        parsed = parse_value(value, data_type, nullable=True)
        outputs[name] = as_figure(parsed) if data_type is DataType.PLOTLYJSON else parsed
    return outputs


def value_html(value: Any) -> str:
    """One output value as HTML: pandas as a table, figures as plotly HTML, anything else as text."""
    if isinstance(value, pd.DataFrame | pd.Series):
        frame = (
            value.to_frame(name=value.name if value.name is not None else "value")
            if isinstance(value, pd.Series)
            else value
        )
        table = str(frame.head(HTML_ROWS).to_html())
        more = len(frame) - HTML_ROWS
        return table + (f"<p>… {more} more rows</p>" if more > 0 else "")
    if hasattr(value, "to_html") and hasattr(value, "to_plotly_json"):
        return str(value.to_html(full_html=False, include_plotlyjs="cdn"))
    try:
        text = json.dumps(value, indent=2, default=str)
    except (TypeError, ValueError):
        text = repr(value)
    return f"<pre>{html.escape(text)}</pre>"


class Outputs(dict[str, Any]):
    """Output values by name; a notebook shows each under its name (pandas as tables, plots as plots)."""

    def _repr_html_(self) -> str:
        if not self:
            return "<p><em>no outputs</em></p>"
        parts = [f"<h4>{html.escape(name)}</h4>{value_html(value)}" for name, value in self.items()]
        return "<div>" + "".join(parts) + "</div>"

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display  # type: ignore[import-not-found]

        for name, value in self.items():
            display(HTML(f"<h4>{html.escape(name)}</h4>"))
            display(value)


def failure_message(label: str, error: Mapping[str, Any] | None) -> str:
    """One line that says where and why a run failed."""
    if not error:
        return f"the run of {label} failed without an error report"
    hierarchy = (error.get("operator_info") or {}).get("hierarchy_in_workflow") or {}
    where = " / ".join(hierarchy.get("by_name", []))
    text = f"{error.get('process_stage', '?')}: {error.get('type', 'Error')}: {error.get('message', '')}"
    return f"the run of {label} failed at {text}" + (f" (operator {where})" if where else "")


@dataclass(frozen=True)
class RunOutcome:
    """A finished run: ``outcome["y"]`` is the output ``y``; a failed run raises ``ExecutionFailed`` there."""

    label: str
    result: str
    outputs: Outputs
    job_id: str | None = None
    error: dict[str, Any] | None = None

    @classmethod
    def from_json(cls, label: str, body: Mapping[str, Any]) -> RunOutcome:
        """The outcome of a run from its JSON result (``result``, ``output_results_by_output_name`` ...)."""
        return cls(
            label=label,
            result=str(body.get("result", "failure")),
            outputs=decode_outputs(
                body.get("output_results_by_output_name") or {}, body.get("output_types_by_output_name") or {}
            ),
            job_id=body.get("job_id"),
            error=body.get("error"),
        )

    @property
    def ok(self) -> bool:
        """Whether the run succeeded."""
        return self.result == "ok"

    def raise_for_failure(self) -> RunOutcome:
        """This outcome; ``ExecutionFailed`` with the run's error if it failed."""
        if not self.ok:
            raise ExecutionFailed(
                failure_message(self.label, self.error), error=self.error, job_id=self.job_id
            )
        return self

    def __getitem__(self, name: str) -> Any:
        self.raise_for_failure()
        try:
            return self.outputs[name]
        except KeyError:
            known = ", ".join(map(repr, self.outputs)) or "none"
            raise KeyError(f"{self.label} returned no output {name!r}; its outputs are {known}") from None

    def _status_html(self) -> str:
        if self.ok:
            return f"<p><strong>ok</strong> {html.escape(self.label)}</p>"
        return f"<p><strong>failed</strong> {html.escape(failure_message(self.label, self.error))}</p>"

    def _repr_html_(self) -> str:
        return self._status_html() + (self.outputs._repr_html_() if self.ok else "")

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display

        display(HTML(self._status_html()))
        if self.ok:
            self.outputs._ipython_display_()
