"""Export forms of revisions: filtered test wirings, regenerated or expanded code, components as code.

Everything here returns transformed copies for the response or file at hand; nothing that is stored
changes. Regenerating or expanding code changes its text and so its hash: such an export is a new
code text, not the one that runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sealflow.code import codegen
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import DIRECT_PROVISIONING, InputWiring, OutputWiring, WorkflowWiring


def adapter_key(value: int | str) -> str:
    """An adapter id as wirings store it: ``1`` and ``"1"`` stand for direct provisioning."""
    return DIRECT_PROVISIONING if str(value) == "1" else str(value)


@dataclass(frozen=True)
class WiringFilter:
    """Which parts of the test wirings to keep."""

    strip_all: bool = False
    strip_adapter_ids: tuple[str, ...] = ()
    keep_only_adapter_ids: tuple[str, ...] = ()
    """Keep only wirings of these adapters; empty keeps all."""

    def apply(self, tr: TransformationRevision) -> TransformationRevision:
        """``tr`` with its test wiring filtered (``tr`` itself if nothing changes)."""
        if self.strip_all:
            wiring = WorkflowWiring()
        elif self.strip_adapter_ids or self.keep_only_adapter_ids:
            wiring = tr.test_wiring.model_copy(
                update={
                    "input_wirings": self._kept(tr.test_wiring.input_wirings),
                    "output_wirings": self._kept(tr.test_wiring.output_wirings),
                }
            )
        else:
            return tr
        if wiring == tr.test_wiring:
            return tr
        return tr.model_copy(update={"test_wiring": wiring})

    def _kept(self, wirings: Iterable[InputWiring | OutputWiring]) -> list[Any]:
        strip = {adapter_key(key) for key in self.strip_adapter_ids}
        keep = {adapter_key(key) for key in self.keep_only_adapter_ids}
        return [
            wiring
            for wiring in wirings
            if adapter_key(wiring.adapter_id) not in strip
            and (not keep or adapter_key(wiring.adapter_id) in keep)
        ]


@dataclass(frozen=True)
class ExportOptions:
    """How revisions are written out."""

    components_as_code: bool = False
    expand_component_code: bool = False
    update_component_code: bool = False
    wirings: WiringFilter = field(default_factory=WiringFilter)


def export_transformations(
    revisions: Sequence[TransformationRevision], options: ExportOptions
) -> list[dict[str, Any] | str]:
    """Exchange-format JSON objects (no nulls); with ``components_as_code`` components come after them
    as code strings. Code is regenerated (``update_component_code``) before it is expanded."""
    objects: list[dict[str, Any] | str] = []
    codes: list[dict[str, Any] | str] = []
    for tr in revisions:
        tr = options.wirings.apply(tr)
        if tr.is_workflow:
            objects.append(tr.to_json_dict())
            continue
        code = tr.code()
        if options.update_component_code:
            code = codegen.update_code(code, tr)
        if options.expand_component_code:
            code = codegen.expand_code(code, tr)
        if options.components_as_code:
            codes.append(code)
        else:
            objects.append(tr.model_copy(update={"content": code}).to_json_dict())
    return objects + codes
