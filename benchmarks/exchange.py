"""Export to a folder and import of that folder, with 500 transformations.

Generates components (``y = x + k``, generated code) and workflows chaining four of them into a temporary
SQLite instance, then times exporting everything into a folder and importing that folder into a fresh
instance. Prints seconds and items per second for each against the target; measures, asserts nothing.

    python benchmarks/exchange.py [--transformations 500]

Target: under 5 s each for 500 transformations.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

from sealflow.code import codegen
from sealflow.config import Settings
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.transformation import TransformationRevision
from sealflow.ops.exchange import UpdateOptions
from sealflow.ops.export import ExportOptions
from sealflow.ops.export_folder import export_folder
from sealflow.ops.import_folder import import_files
from sealflow.ops.instance import Instance
from sealflow.ops.selection import Filters
from sealflow.ops.transformations import import_transformations

RELEASED = datetime(2026, 1, 1, tzinfo=UTC)
TARGET_SECONDS = 5.0
OPERATORS_PER_WORKFLOW = 4


def component(index: int) -> TransformationRevision:
    """A released component ``y = x + index`` whose code has the generated section."""
    tr = TransformationRevision.model_validate(
        {
            "name": f"Add {index}",
            "category": f"Benchmark {index % 10}",
            "version_tag": "1.0.0",
            "type": "COMPONENT",
            "state": "RELEASED",
            "released_timestamp": RELEASED,
            "content": "",
            "io_interface": {
                "inputs": [{"name": "x", "data_type": "INT"}],
                "outputs": [{"name": "y", "data_type": "INT"}],
            },
        }
    )
    code = codegen.generate_code(tr).replace("    pass\n", f"    return {{'y': x + {index}}}\n")
    return tr.model_copy(update={"content": code})


def workflow(index: int, parts: list[TransformationRevision]) -> TransformationRevision:
    """A released workflow chaining ``parts``."""
    builder = WorkflowBuilder()
    placed = [builder.add(part, f"step {n}") for n, part in enumerate(parts)]
    builder.input("x", placed[0].input("x"))
    for before, after in pairwise(placed):
        builder.link(before.output("y"), after.input("x"))
    builder.output("y", placed[-1].output("y"))
    return builder.build(f"Chain {index}", category="Benchmark flows", released=RELEASED)


def transformations(total: int) -> list[TransformationRevision]:
    """``total`` revisions: four fifths components, one fifth workflows using them."""
    workflows = total // 5
    components = [component(index) for index in range(total - workflows)]
    flows = [
        workflow(
            index, [components[(index * OPERATORS_PER_WORKFLOW + n) % len(components)] for n in range(4)]
        )
        for index in range(workflows)
    ]
    return components + flows


def report(label: str, seconds: float, items: int) -> None:
    verdict = "ok" if seconds < TARGET_SECONDS else "SLOWER THAN TARGET"
    print(
        f"{label:<8} {items} transformations in {seconds:6.2f} s  "
        f"({items / seconds:7.0f} items/s; target < {TARGET_SECONDS:.0f} s: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transformations", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        source = Instance.open(Settings(home=root / "source", install_library=False))
        target = Instance.open(Settings(home=root / "target", install_library=False))
        try:
            import_transformations(source, transformations(args.transformations))
            start = time.perf_counter()
            written = export_folder(source, root / "export", Filters(), ExportOptions())
            exported = time.perf_counter() - start
            start = time.perf_counter()
            imported = import_files(target, [root / "export"], UpdateOptions(update_component_code=True))
            importing = time.perf_counter() - start
        finally:
            source.close()
            target.close()
    report("export", exported, len(written))
    report("import", importing, len(imported.items))


if __name__ == "__main__":
    main()
