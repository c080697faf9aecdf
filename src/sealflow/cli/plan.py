"""``sealflow plan import|restore`` and ``sealflow audit``: what a change would do, and what changes did."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.syntax import Syntax
from rich.table import Table

from sealflow.cli.context import state
from sealflow.cli.render import console, print_json
from sealflow.ops import restore as restore_ops
from sealflow.ops.audit import audit_log, who
from sealflow.ops.exchange import UpdateOptions
from sealflow.ops.guarded import plan_import
from sealflow.ops.plan import Plan

app = typer.Typer(help="Show what a change would do before making it.", no_args_is_help=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")]
_SHORT = 12


def actor(ctx: typer.Context) -> str:
    """Who the audit log names for this command (``--actor``, ``SEALFLOW_ACTOR`` or the OS user)."""
    return who(state(ctx).settings, None, "cli")


def _short(code_hash: str | None) -> str:
    return code_hash[:_SHORT] if code_hash else "-"


def bundle_differs(bundle: dict[str, Any] | None) -> bool:
    """Whether a bundle comparison found any difference."""
    return bundle is not None and any(bundle[key] for key in ("environment", "code", "transformed", "edited"))


def print_bundle(bundle: dict[str, Any] | None, out: Console = console) -> None:
    """Print how the instance differs from an imported bundle's manifest."""
    if bundle is None:
        return
    say = out.print
    say(
        f"bundle {bundle['manifest']}: exported with Sealflow {bundle.get('exported_with') or '?'}",
        highlight=False,
        soft_wrap=True,
    )
    environment = bundle["environment"]
    if environment:
        say(f"  environment differs from the exporting one in {len(environment)} point(s):", highlight=False)
        for change in environment[:20]:
            say(f"    {change}", highlight=False, soft_wrap=True)
        if len(environment) > 20:
            say(f"    ... {len(environment) - 20} more (--json lists all)", highlight=False)
    else:
        say("  environment: same as the exporting one", highlight=False)
    for item in bundle["code"]:
        say(
            f"  code differs here: {item['name']} {item['version_tag']}: bundle {_short(item['bundle_code_hash'])}"
            f", this instance {_short(item['target_code_hash'])}",
            highlight=False,
            soft_wrap=True,
        )
    for item in bundle["transformed"]:
        say(
            f"  code transformed on export ({', '.join(item['how'])}): {item['name']} {item['version_tag']} "
            f"from {_short(item['original_code_hash'])} to {_short(item['code_hash'])}",
            highlight=False,
            soft_wrap=True,
        )
    for item in bundle["edited"]:
        say(
            f"  edited after export: {item['name']} {item['version_tag']} "
            f"({_short(item['manifest_code_hash'])} in the manifest, {_short(item['file_code_hash'])} in the file)",
            highlight=False,
            soft_wrap=True,
        )


def print_plan(plan: Plan, *, diffs: bool = True) -> None:
    """Print a plan: a table of the released revisions it changes, their diffs, then the bundle."""
    print_bundle(plan.bundle)
    if not plan.changes:
        console.print(
            f"{plan.action}: {len(plan.touched)} revision(s) touched, no RELEASED or DISABLED revision changes",
            highlight=False,
        )
    else:
        table = Table(title=f"{plan.action}: released revisions that change")
        for column in (
            "change",
            "name",
            "tag",
            "code",
            "interface",
            "used by",
            "will break",
            "objects",
            "runs",
        ):
            table.add_column(column, overflow="fold")
        for c in plan.changes:
            table.add_row(
                c.change,
                c.name,
                c.version_tag,
                f"{_short(c.old_code_hash)} -> {_short(c.new_code_hash)}",
                "\n".join(str(i) for i in c.interface_changes) or "unchanged",
                "\n".join(str(r) for r in c.used_by) or "-",
                "\n".join(f"{r}: {r.reason}" for r in c.will_break) or "-",
                "\n".join(c.objects) or "-",
                str(c.executions),
            )
        console.print(table)
        if diffs:
            for c in plan.changes:
                if c.code_diff:
                    console.print(Syntax(c.code_diff, "diff", word_wrap=True))
        verdict = "BREAKING: needs --force" if plan.breaking else "no interface breaks"
        console.print(f"{len(plan.changes)} released revision(s) change; {verdict}", highlight=False)
    for note in plan.notes:
        console.print(f"note: {note}", highlight=False, soft_wrap=True)


@app.command("import")
def plan_import_command(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Folders, JSON files and .py files, as for 'import'.")],
    allow_overwrite_released: Annotated[
        bool, typer.Option(help="Plan with changed revisions replacing RELEASED and DISABLED ones.")
    ] = False,
    update_component_code: Annotated[
        bool, typer.Option(help="Regenerate the generated section of DRAFT component code.")
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """What 'sealflow import' would change; nothing is changed."""
    options = UpdateOptions(
        allow_overwrite_released=allow_overwrite_released, update_component_code=update_component_code
    )
    plan = plan_import(state(ctx).instance(), paths, options)
    if as_json:
        print_json({"dry_run": True, "plan": plan.to_json()})
    else:
        print_plan(plan)


@app.command("restore")
def plan_restore_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="An archive written by 'sealflow backup'.")],
    as_json: JsonOption = False,
) -> None:
    """What 'sealflow restore --allow-overwrite' would change; nothing is changed."""
    instance = state(ctx).instance()
    archive = restore_ops.read_archive(file)
    restore_plan = restore_ops.plan_restore(instance, archive)
    impact = restore_ops.restore_impact(instance, archive, restore_plan) or Plan("restore")
    if restore_plan.blocked or restore_plan.executions.conflicting:
        impact.notes.append("this backup cannot be restored here: " + "; ".join(restore_plan.conflicts))
    if as_json:
        print_json(
            {
                "dry_run": True,
                "plan": impact.to_json(),
                "restore": {
                    "code": vars(restore_plan.code),
                    "transformations": vars(restore_plan.transformations),
                    "executions": vars(restore_plan.executions),
                    "conflicts": restore_plan.conflicts,
                    "objects_missing": restore_plan.objects_missing,
                },
            }
        )
        return
    print_restore_counts(restore_plan, list_new=False)
    print_plan(impact)


def print_restore_counts(plan: restore_ops.RestorePlan, *, list_new: bool) -> None:
    """What a restore adds, leaves and clashes with, per section; ``list_new`` names the new keys."""
    for name, changes in (
        ("code", plan.code),
        ("transformations", plan.transformations),
        ("executions", plan.executions),
    ):
        console.print(
            f"{name}: {len(changes.new)} new, {len(changes.identical)} identical, "
            f"{len(changes.conflicting)} conflicting",
            highlight=False,
        )
        if list_new:
            for key in changes.new:
                console.print(f"  new          {key}", highlight=False, soft_wrap=True)


def audit(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(min=0, help="At most this many entries.")] = 20,
    offset: Annotated[
        int, typer.Option(min=0, max=2**31 - 1, help="Skip this many of the newest entries.")
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the entries as JSON.")] = False,
) -> None:
    """Show the audit log: who changed what when, and the snapshot taken before."""
    entries = audit_log(state(ctx).instance(), limit=limit, offset=offset)
    if as_json:
        print_json([entry.model_dump(mode="json") for entry in entries])
        return
    table = Table(title="audit log (newest first)")
    for column in ("at", "actor", "action", "summary", "code", "snapshot"):
        table.add_column(column, overflow="fold")
    for entry in entries:
        table.add_row(
            entry.at.strftime("%Y-%m-%d %H:%M:%S"),
            entry.actor,
            entry.action,
            entry.summary,
            f"{len(entry.old_code_hashes)} old, {len(entry.new_code_hashes)} new",
            entry.snapshot or "-",
        )
    console.print(table)
