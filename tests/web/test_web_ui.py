"""End to end in the browser: browse, edit and release a component, build and run a workflow, see failures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from sealflow.code.codegen import END_MARKER, generate_code
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.transformation import TransformationRevision
from support import RELEASED_AT, component

PLOT_BODY = """
values = [float(v) for v in series]
return {"plot": {"data": [{"type": "scatter", "y": values, "name": "series"}],
                 "layout": {"title": {"text": "Line plot"}}}}
"""


def generated(tr: TransformationRevision) -> TransformationRevision:
    """``tr`` with its code laid out as the editor writes it: generated section, then the body of main."""
    code = generate_code(tr)
    head = code[: code.index(END_MARKER) + len(END_MARKER)]
    body = tr.code()[tr.code().index(":\n") + 2 :]
    return tr.model_copy(update={"content": f"{head}\n{body}"})


def put(api: httpx.Client, *revisions: TransformationRevision) -> None:
    """Store revisions through the REST API."""
    response = api.put("/api/transformations", json=[r.to_json_dict() for r in revisions])
    assert response.status_code == 207, response.text
    assert {r["status"] for r in response.json().values()} == {"SUCCESS"}, response.text


@pytest.fixture(scope="module")
def library(ui_api: httpx.Client) -> dict[str, TransformationRevision]:
    """A plot component, a failing component and a released workflow whose second operator fails."""
    plot = generated(component("Line Plot", {"series": "SERIES"}, {"plot": "PLOTLYJSON"}, PLOT_BODY))
    double = generated(component("Double", {"x": "FLOAT"}, {"y": "FLOAT"}, "return {'y': 2 * x}"))
    broken = generated(
        component("Broken Step", {"x": "FLOAT"}, {"y": "FLOAT"}, "raise ValueError(f'cannot use {x}')")
    )
    builder = WorkflowBuilder()
    first = builder.add(double)
    second = builder.add(broken)
    builder.link(first.output("y"), second.input("x"))
    builder.input("x", first.input("x"))
    builder.output("y", second.output("y"))
    failing = builder.build("Failing Flow", released=RELEASED_AT, category="Checks")
    put(ui_api, plot, double, broken, failing)
    return {"plot": plot, "double": double, "broken": broken, "failing": failing}


def open_revision(page: Page, name: str, tag: str = "1.0.0") -> None:
    """Find a revision with the browser's search and open it."""
    page.goto("/")
    page.get_by_test_id("search").fill(name)
    group = page.locator(f'[data-testid="group"][data-name="{name}"]')
    group.locator('[data-testid="revision"]', has_text=tag).click()
    expect(page.get_by_test_id("tr-title")).to_contain_text(name)


def drag_between(page: Page, source: Any, target: Any) -> None:
    """Drag with the mouse from one element's centre to another's (links on the canvas)."""
    a = source.bounding_box()
    b = target.bounding_box()
    assert a is not None
    assert b is not None
    page.mouse.move(a["x"] + a["width"] / 2, a["y"] + a["height"] / 2)
    page.mouse.down()
    page.mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2, steps=12)
    page.mouse.up()


def test_create_release_build_and_run(
    page: Page, shot: Callable[[str], None], ui_api: httpx.Client, library: dict[str, Any]
) -> None:
    """A new component is edited, released, wired with a plot into a workflow, run, and its plot shown."""
    page.goto("/")
    page.get_by_test_id("new-component").click()
    page.get_by_test_id("new-name").fill("Ramp")
    page.get_by_test_id("new-category").fill("UI Tests")
    page.get_by_test_id("create").click()
    expect(page.get_by_test_id("tr-state")).to_have_text("DRAFT")

    # The IO interface drives the generated code.
    page.get_by_test_id("add-input").click()
    row = page.get_by_test_id("input-row").first
    row.get_by_label("input name").fill("n")
    row.get_by_label("input data type").select_option("INT")
    page.get_by_test_id("add-output").click()
    out = page.get_by_test_id("output-row").first
    out.get_by_label("output name").fill("series")
    out.get_by_label("output data type").select_option("SERIES")
    editor = page.locator(".cm-content")
    expect(editor).to_contain_text('"series": {"data_type": "SERIES"}')
    expect(editor).to_contain_text("def main(*, n):")

    # Write the body: import pandas, return a ramp of n points.
    editor.click()
    page.keyboard.press("Control+Home")
    page.keyboard.insert_text("import pandas as pd\n")
    page.keyboard.press("Control+End")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("End")
    page.keyboard.press("Shift+Home")
    page.keyboard.insert_text('return {"series": pd.Series([float(i) for i in range(n)])}')
    expect(editor).to_contain_text("pd.Series([float(i) for i in range(n)])")
    page.get_by_test_id("tab-documentation").click()
    page.get_by_test_id("documentation").fill("# Ramp\n\nA **rising** series of `n` points.")
    expect(page.get_by_test_id("markdown-preview").locator("strong")).to_have_text("rising")
    page.get_by_test_id("tab-editor").click()
    page.get_by_test_id("action-save").click()
    expect(page.get_by_test_id("action-info")).to_have_text("Saved.")
    shot("01-component-draft")

    page.get_by_test_id("action-release").click()
    expect(page.get_by_test_id("tr-state")).to_have_text("RELEASED")
    delete = page.get_by_test_id("action-delete")
    expect(delete).to_be_disabled()
    expect(delete).to_have_attribute(
        "title",
        "Only a DRAFT can be deleted; a RELEASED revision may be in use by workflows and runs. Disable it instead.",
    )
    stored = list(ui_api.get("/api/transformations", params={"name": "Ramp"}).json())
    assert [(t["state"], t["documentation"].splitlines()[0]) for t in stored] == [("RELEASED", "# Ramp")]
    assert "pd.Series([float(i) for i in range(n)])" in stored[0]["content"]

    # A workflow: drag both operators from the library, connect them.
    page.get_by_test_id("new-workflow").click()
    page.get_by_test_id("new-name").fill("Ramp Plot")
    page.get_by_test_id("new-category").fill("UI Tests")
    page.get_by_test_id("create").click()
    expect(page.get_by_test_id("tr-state")).to_have_text("DRAFT")
    canvas = page.get_by_test_id("canvas")
    box = canvas.bounding_box()
    assert box is not None
    page.get_by_test_id("palette-search").fill("Ramp")
    page.locator('[data-testid="palette-item"][data-name="Ramp"]').drag_to(
        canvas, target_position={"x": box["width"] * 0.15, "y": box["height"] * 0.4}
    )
    page.get_by_test_id("palette-search").fill("Line Plot")
    page.locator('[data-testid="palette-item"][data-name="Line Plot"]').drag_to(
        canvas, target_position={"x": box["width"] * 0.6, "y": box["height"] * 0.5}
    )
    ramp = page.locator('[data-testid="operator"][data-name="Ramp"]')
    plot = page.locator('[data-testid="operator"][data-name="Line Plot"]')
    expect(ramp).to_be_visible()
    expect(plot).to_be_visible()
    page.get_by_test_id("auto-layout").click()
    page.wait_for_timeout(300)
    drag_between(page, plot.get_by_test_id("out-plot"), ramp.get_by_test_id("in-n"))
    expect(page.get_by_test_id("link-notice")).to_have_text("a PLOTLYJSON output cannot feed the INT input n")
    expect(page.locator(".react-flow__edge.link:not(.io-link)")).to_have_count(0)
    drag_between(page, ramp.get_by_test_id("out-series"), plot.get_by_test_id("in-series"))
    expect(page.locator(".react-flow__edge.link:not(.io-link)")).to_have_count(1)
    expect(page.get_by_test_id("wf-input")).to_have_count(1)
    expect(page.get_by_test_id("wf-output")).to_have_count(1)
    page.get_by_test_id("action-save").click()
    expect(page.get_by_test_id("action-info")).to_have_text("Saved.")
    shot("02-workflow")

    # Execute with a manual value: the plot appears.
    page.locator('[data-testid="wiring-input"][data-name="n"] textarea').fill("12")
    page.get_by_test_id("execute").click()
    result = page.locator('[data-testid="result"][data-name="plot"]')
    expect(result.locator(".main-svg").first).to_be_visible(timeout=20_000)
    expect(result.locator(".scatterlayer .trace")).to_have_count(1)
    shot("03-workflow-plot")
    records = ui_api.get("/api/executions", params={"limit": 5}).json()
    assert records[0]["name"] == "Ramp Plot"
    assert records[0]["status"] == "ok"


def test_browse_and_search(page: Page, shot: Callable[[str], None], library: dict[str, Any]) -> None:
    """Search narrows the groups; filters by type and state; a revision chip opens the revision."""
    page.goto("/")
    page.get_by_test_id("search").fill("double")
    expect(page.get_by_test_id("group")).to_have_count(1)
    expect(page.get_by_test_id("group")).to_have_attribute("data-name", "Double")
    page.get_by_test_id("search").fill("")
    page.get_by_test_id("filter-type").select_option("WORKFLOW")
    expect(page.locator('[data-testid="group"][data-name="Failing Flow"]')).to_be_visible()
    expect(page.locator('[data-testid="group"][data-name="Double"]')).to_have_count(0)
    page.get_by_test_id("filter-type").select_option("")
    page.get_by_test_id("filter-state").select_option("DISABLED")
    expect(page.get_by_test_id("group")).to_have_count(0)
    page.get_by_test_id("filter-state").select_option("RELEASED")
    page.locator('[data-testid="group"][data-name="Double"] [data-testid="revision"]').click()
    expect(page.get_by_test_id("tr-title")).to_contain_text("Double")
    expect(page.get_by_test_id("tr-state")).to_have_text("RELEASED")
    shot("04-browse")


def test_lifecycle_refusal_is_explained(
    page: Page, shot: Callable[[str], None], ui_api: httpx.Client, library: dict[str, Any]
) -> None:
    """Frozen revisions disable editing with a reason; a refused change shows the server's message."""
    open_revision(page, "Double")
    expect(page.get_by_test_id("lifecycle-note")).to_contain_text("RELEASED revisions are frozen")
    expect(page.get_by_test_id("action-release")).to_have_attribute(
        "title", "Only a DRAFT can be released; this revision is RELEASED."
    )
    expect(page.get_by_test_id("tr-name")).to_be_disabled()
    page.get_by_test_id("action-newRevision").click()
    expect(page.get_by_test_id("tr-state")).to_have_text("DRAFT")
    expect(page.get_by_test_id("tr-title")).to_contain_text("1.0.1")
    expect(page.get_by_test_id("action-disable")).to_have_attribute(
        "title", "A DRAFT is not in use anywhere: delete it instead of disabling it."
    )
    page.get_by_test_id("tr-tag").fill("1.0.0")
    page.get_by_test_id("action-save").click()
    error = page.get_by_test_id("action-error")
    expect(error).to_contain_text("already has a revision tagged '1.0.0'")
    expect(error).to_contain_text("choose another version tag")
    shot("05-lifecycle-refused")
    tags = sorted(
        t["version_tag"] for t in ui_api.get("/api/transformations", params={"name": "Double"}).json()
    )
    assert tags == ["1.0.0", "1.0.1"]
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_test_id("action-delete").click()
    expect(page.get_by_test_id("tr-page")).to_have_count(0)
    tags = sorted(
        t["version_tag"] for t in ui_api.get("/api/transformations", params={"name": "Double"}).json()
    )
    assert tags == ["1.0.0"]


def test_failing_run_highlights_operator(
    page: Page, shot: Callable[[str], None], ui_api: httpx.Client, library: dict[str, Any]
) -> None:
    """A run that fails in an operator names it and marks it red on the canvas."""
    open_revision(page, "Failing Flow")
    expect(page.locator('[data-testid="operator"]')).to_have_count(2)
    page.locator('[data-testid="wiring-input"][data-name="x"] textarea').fill("1.5")
    page.get_by_test_id("execute").click()
    expect(page.get_by_test_id("run-error-message")).to_contain_text("cannot use 3.0")
    expect(page.get_by_test_id("failing-operator")).to_contain_text("Broken Step")
    expect(page.locator('[data-testid="operator"][data-name="Broken Step"]')).to_have_attribute(
        "data-failing", "true"
    )
    expect(page.locator('[data-testid="operator"][data-name="Double"]')).to_have_attribute(
        "data-failing", "false"
    )
    shot("06-failing-run")
    page.get_by_test_id("tab-documentation").click()
    page.get_by_test_id("documentation").fill("# Failing Flow\n\nFails on purpose.")
    page.get_by_test_id("action-save").click()
    expect(page.get_by_test_id("action-info")).to_have_text("Saved.")
    stored = ui_api.get(f"/api/transformations/{library['failing'].id}").json()
    assert stored["documentation"] == "# Failing Flow\n\nFails on purpose."
    assert stored["content"] == library["failing"].to_json_dict()["content"]
    page.get_by_test_id("tab-executions").click()
    page.get_by_test_id("execution-row").first.click()
    expect(page.get_by_test_id("manifest")).to_contain_text("Code hashes")
    page.get_by_test_id("replay").click()
    expect(page.get_by_test_id("replay-verdict")).not_to_be_empty(timeout=20_000)
    shot("07-replay")


def test_overwrite_shows_plan_then_audit_and_history(
    page: Page, shot: Callable[[str], None], ui_api: httpx.Client, library: dict[str, Any]
) -> None:
    """Overwriting a released revision shows the server's plan first; the audit log and runs list it."""
    wiring = {"input_wirings": [{"workflow_input_name": "x", "filters": {"value": "2"}}]}
    ran = ui_api.post(
        "/api/transformations/execute", json={"id": str(library["double"].id), "wiring": wiring}
    )
    assert ran.json()["output_results_by_output_name"] == {"y": 4.0}
    open_revision(page, "Line Plot")
    page.get_by_test_id("action-overwrite").click()
    page.get_by_test_id("tr-description").fill("Draws a series as a line")
    page.get_by_test_id("action-save").click()
    dialog = page.get_by_test_id("plan-dialog")
    expect(dialog.get_by_test_id("plan-change")).to_contain_text("Line Plot 1.0.0")
    shot("08-plan")
    page.get_by_test_id("plan-confirm").click()
    expect(page.get_by_test_id("action-info")).to_have_text("Overwritten.")
    stored = ui_api.get(f"/api/transformations/{library['plot'].id}").json()
    assert stored["description"] == "Draws a series as a line"
    assert stored["state"] == "RELEASED"

    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_test_id("audit-row").first).to_contain_text("Line Plot")
    shot("09-audit")
    page.get_by_role("link", name="Objects").click()
    expect(page.get_by_test_id("objects-view")).to_contain_text("No objects stored.")
    page.get_by_role("link", name="Executions").click()
    expect(page.get_by_test_id("execution-row").first).to_be_visible()
    shot("10-executions")


def test_nested_workflow_with_a_constant(
    page: Page, shot: Callable[[str], None], ui_api: httpx.Client, library: dict[str, Any]
) -> None:
    """A released workflow is an operator like a component; a constant feeds an input; errors point inside."""
    page.goto("/")
    page.get_by_test_id("new-workflow").click()
    page.get_by_test_id("new-name").fill("Outer Flow")
    page.get_by_test_id("create").click()
    expect(page.get_by_test_id("tr-state")).to_have_text("DRAFT")
    palette = page.get_by_test_id("palette")
    palette.locator('[data-testid="palette-item"][data-name="Double"] button').click()
    nested = palette.locator('[data-testid="palette-item"][data-name="Failing Flow"]')
    expect(nested.locator(".kind.workflow")).to_be_visible()
    nested.locator("button").click()
    page.get_by_test_id("auto-layout").click()
    page.wait_for_timeout(300)
    double = page.locator('[data-testid="operator"][data-name="Double"]')
    inner = page.locator('[data-testid="operator"][data-name="Failing Flow"]')
    drag_between(page, double.get_by_test_id("out-y"), inner.get_by_test_id("in-x"))
    double.click()
    panel = page.get_by_test_id("operator-panel")
    panel.get_by_label("feed x").select_option("constant")
    panel.get_by_label("value of x").fill("1.25")
    expect(page.locator('[data-testid="wf-constant"]')).to_contain_text("= 1.25")
    expect(page.get_by_test_id("wf-input")).to_have_count(0)
    page.get_by_test_id("action-save").click()
    expect(page.get_by_test_id("action-info")).to_have_text("Saved.")
    stored = next(t for t in ui_api.get("/api/transformations", params={"name": "Outer Flow"}).json())
    assert [(c["value"], c["connector_name"]) for c in stored["content"]["constants"]] == [("1.25", "x")]
    assert stored["io_interface"]["inputs"] == []

    page.get_by_test_id("execute").click()
    expect(page.get_by_test_id("run-error-message")).to_contain_text("cannot use 5.0")
    expect(page.get_by_test_id("failing-operator")).to_contain_text("Failing Flow \u203a Broken Step")
    expect(inner).to_have_attribute("data-failing", "true")
    shot("11-nested-failure")


def test_replay_names_the_objects_it_stored_apart(
    page: Page, shot: Callable[[str], None], ui_api: httpx.Client
) -> None:
    """A replayed run that stores an object says so; the instance's object stays as the run left it."""
    keeper = component(
        "Keeper",
        {"x": "INT"},
        {"twice": "INT"},
        "store_object('ui-model', 'v1', {'x': x})\nreturn {'twice': load_object('ui-model', 'v1')['x'] * 2}",
        header="from sealflow.store.objects import load_object, store_object",
    )
    put(ui_api, keeper)
    wiring = {"input_wirings": [{"workflow_input_name": "x", "filters": {"value": "21"}}]}
    ran = ui_api.post("/api/transformations/execute", json={"id": str(keeper.id), "wiring": wiring})
    assert ran.json()["output_results_by_output_name"] == {"twice": 42}, ran.text

    open_revision(page, "Keeper")
    page.get_by_test_id("tab-executions").click()
    page.get_by_test_id("execution-row").first.click()
    page.get_by_test_id("replay").click()
    expect(page.get_by_test_id("replay-verdict")).to_have_text("identical", timeout=20_000)
    expect(page.get_by_test_id("replay-objects")).to_contain_text("ui-model/v1")
    shot("12-replay-objects")
    tags = ui_api.get("/api/objects").json()
    assert [(o["name"], o["tag"]) for o in tags if o["name"] == "ui-model"] == [("ui-model", "v1")]
