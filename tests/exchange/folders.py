"""Revisions and instances that the export, import and autoimport tests build on."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from sealflow.code import codegen
from sealflow.config import Settings
from sealflow.model.datatypes import DataType, State
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from sealflow.ops.instance import Instance
from store.factories import workflow
from support import add_component, component

SCALE_ID = UUID("6f1d0a52-3a59-4d43-9a53-6f0e3b8a11c1")
SCALE_GROUP = UUID("0b5e3f8e-7c1a-4f7e-8a55-2b1f4f0d9e21")

#: A hand-written component file without timestamps, the way people write them.
SCALE_PY = f'''"""Documentation for Scale

Multiplies a number by a factor."""

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {{
    "inputs": {{"x": {{"data_type": "FLOAT"}}, "factor": {{"data_type": "FLOAT", "default_value": 2.0}}}},
    "outputs": {{"y": {{"data_type": "FLOAT"}}}},
    "name": "Scale",
    "category": "Arithmetic",
    "description": "x times factor",
    "version_tag": "1.0.0",
    "id": "{SCALE_ID}",
    "revision_group_id": "{SCALE_GROUP}",
    "state": "RELEASED",
}}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, x, factor=2.0):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {{"y": x * factor}}


TEST_WIRING_FROM_PY_FILE_IMPORT = {{
    "input_wirings": [
        {{"workflow_input_name": "x", "adapter_id": "direct_provisioning", "filters": {{"value": "3"}}}}
    ]
}}
'''


def open_instance(url: str, home: Path) -> Instance:
    """An opened instance without the base library."""
    return Instance.open(Settings(db_url=url, home=home, install_library=False))


def catalogue() -> list[TransformationRevision]:
    """Components of every data type and state (with generated code), nested workflows, a test wiring."""
    types = [data_type.value for data_type in DataType]
    every_type = component(
        "Every Type",
        {data_type.lower(): data_type for data_type in types}
        | {"opt_int": ("INT", "3"), "opt_string": ("STRING", "text")},
        {f"{data_type.lower()}_out": data_type for data_type in types},
        "return {}",
    )
    add = add_component()
    wired = add.model_copy(
        update={
            "test_wiring": WorkflowWiring.model_validate(
                {
                    "input_wirings": [
                        {
                            "workflow_input_name": "a",
                            "adapter_id": "direct_provisioning",
                            "filters": {"value": "1"},
                        },
                        {
                            "workflow_input_name": "b",
                            "adapter_id": "direct_provisioning",
                            "filters": {"value": "2"},
                        },
                    ]
                }
            )
        }
    )
    negate = component("Négate Ü", {"x": "INT"}, {"y": "INT"}, "return {'y': -x}", tag="2.0 beta").model_copy(
        update={"category": "Arithmetic"}
    )
    draft = component("Draft Idea", {"x": "ANY"}, {"y": "ANY"}, "return {'y': x}", state=State.DRAFT)
    old = component("Old", {"x": "FLOAT"}, {"y": "FLOAT"}, "return {'y': x}", state=State.DISABLED)
    every_type, wired, negate, draft, old = (
        tr.model_copy(update={"content": codegen.generate_code(tr)})
        for tr in (every_type, wired, negate, draft, old)
    )
    inner = workflow("Inner", [wired, wired], category="Nested Flows")
    outer = workflow("Outer", [inner, negate], category="Nested Flows")
    return [every_type, wired, negate, draft, old, inner, outer]
