"""``PUT /api/transformations``: bulk import of objects and code strings, with a status per item."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from typing import Any
from uuid import uuid4

import httpx
import pytest

from sealflow.code import codegen
from sealflow.model import lifecycle
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import State
from sealflow.model.transformation import TransformationRevision
from support import RELEASED_AT, add_component, component

Json = dict[str, Any]


def bulk(api: httpx.Client, items: list[Any], **params: Any) -> dict[str, Json]:
    response = api.put("/api/transformations", json=items, params=params)
    assert response.status_code == 207, response.text
    reports: dict[str, Json] = response.json()
    return reports


def statuses(reports: dict[str, Json]) -> dict[str, str]:
    return {key: report["status"] for key, report in reports.items()}


def names(api: httpx.Client) -> list[str]:
    return sorted(
        f"{tr['name']} {tr['version_tag']} {tr['state']}" for tr in api.get("/api/transformations").json()
    )


def adder(name: str, add: TransformationRevision) -> TransformationRevision:
    builder = WorkflowBuilder()
    op = builder.add(add)
    builder.input("x", op.input("a"))
    builder.input("y", op.input("b"))
    builder.output("s", op.output("sum"))
    return builder.build(name, released=RELEASED_AT)


def generated(tr: TransformationRevision) -> TransformationRevision:
    code = codegen.generate_code(tr)
    code = code[: code.index(codegen.END_MARKER) + len(codegen.END_MARKER)] + "\n    return {'sum': a + b}\n"
    return tr.model_copy(update={"content": code})


def test_demo_imports_in_nesting_order_whatever_the_order_sent(api: httpx.Client, demo: list[Json]):
    reports = bulk(api, list(reversed(demo)))

    assert statuses(reports) == {tr["id"]: "SUCCESS" for tr in demo}
    assert {key: (r["name"], r["version_tag"], r["msg"]) for key, r in reports.items()} == {
        tr["id"]: (tr["name"], tr["version_tag"], "created") for tr in demo
    }
    assert len(api.get("/api/transformations").json()) == 5


def test_reimport_is_unchanged(api: httpx.Client, imported_demo: dict[str, Json], demo: list[Json]):
    reports = bulk(api, demo)

    assert {r["msg"] for r in reports.values()} == {"unchanged"}
    assert {tr["name"]: tr for tr in api.get("/api/transformations").json()} == imported_demo


def test_code_strings_are_imported_and_broken_ones_keyed_by_digest(api: httpx.Client):
    tr = generated(add_component())
    good = codegen.expand_code(tr.code(), tr)
    broken = "def main(:\n    pass\n"
    digest = hashlib.sha256(broken.encode()).hexdigest()[:16]

    reports = bulk(api, [good, broken])

    assert len(reports) == 2
    assert reports[str(tr.id)] == {
        "status": "SUCCESS",
        "msg": "created",
        "name": "Add",
        "version_tag": "1.0.0",
    }
    assert reports[f"code:{digest}"]["status"] == "FAILED"
    assert "msg" in reports[f"code:{digest}"]
    assert all(len(key) <= 40 for key in reports)
    assert api.get(f"/api/transformations/{tr.id}").json()["content"] == good


def test_invalid_objects_fail_alone(api: httpx.Client):
    add = add_component()
    bad_name = add_component().to_json_dict() | {"name": "no <tags> here"}
    no_id = {"name": "Nothing", "type": "COMPONENT"}

    reports = bulk(api, [add.to_json_dict(), bad_name, no_id])

    assert reports[str(add.id)]["status"] == "SUCCESS"
    assert reports[bad_name["id"]]["status"] == "FAILED"
    assert "name" in reports[bad_name["id"]]["msg"]
    assert reports[bad_name["id"]]["name"] == "no <tags> here"
    (no_id_key,) = [key for key in reports if key.startswith("object:")]
    assert re.fullmatch(r"object:[0-9a-f]{16}", no_id_key)
    assert reports[no_id_key]["status"] == "FAILED"
    assert "version_tag" not in reports[no_id_key]


def test_duplicate_group_and_tag_fails_with_a_clear_message(api: httpx.Client):
    add = add_component()
    twin = add_component().model_copy(update={"revision_group_id": add.revision_group_id})
    other = component("Negate", {"x": "INT"}, {"y": "INT"}, "return {'y': -x}")

    reports = bulk(api, [add.to_json_dict(), twin.to_json_dict(), other.to_json_dict()])

    assert statuses(reports) == {str(add.id): "SUCCESS", str(twin.id): "FAILED", str(other.id): "SUCCESS"}
    assert "already has a revision tagged '1.0.0'" in reports[str(twin.id)]["msg"]
    assert "choose another version tag" in reports[str(twin.id)]["msg"]


def test_same_id_twice_in_one_request_fails(api: httpx.Client):
    add = add_component()

    reports = bulk(api, [add.to_json_dict(), add.to_json_dict()])

    assert statuses(reports) == {str(add.id): "FAILED"}
    assert "given 2 times" in reports[str(add.id)]["msg"]
    assert names(api) == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        pytest.param({}, {"add": "SUCCESS", "other": "SUCCESS", "flow": "SUCCESS"}, id="no-filter"),
        pytest.param(
            {"type": "WORKFLOW"},
            {"add": "SUCCESS", "other": "IGNORED", "flow": "SUCCESS"},
            id="with-dependencies",
        ),
        pytest.param(
            {"type": "WORKFLOW", "include_dependencies": False},
            {"add": "IGNORED", "other": "IGNORED", "flow": "FAILED"},
            id="without-dependencies",
        ),
        pytest.param(
            {"name": "Negate"}, {"add": "IGNORED", "other": "SUCCESS", "flow": "IGNORED"}, id="name"
        ),
        pytest.param(
            {"include_deprecated": False},
            {"add": "SUCCESS", "other": "IGNORED", "flow": "SUCCESS"},
            id="deprecated",
        ),
        pytest.param(
            {"category": "Other", "state": "RELEASED"},
            {"add": "SUCCESS", "other": "IGNORED", "flow": "SUCCESS"},
            id="and",
        ),
    ],
)
def test_filters_ignore_items(api: httpx.Client, params: Json, expected: dict[str, str]):
    add = add_component()
    other = component("Negate", {"x": "INT"}, {"y": "INT"}, "return {'y': -x}", state=State.DISABLED)
    items = {"add": add, "other": other, "flow": adder("Flow", add)}

    reports = bulk(api, [tr.to_json_dict() for tr in items.values()], **params)

    assert {label: reports[str(tr.id)]["status"] for label, tr in items.items()} == expected
    for label, tr in items.items():
        if expected[label] == "IGNORED":
            assert reports[str(tr.id)]["msg"] == "filtered out"
    if expected["flow"] == "FAILED":
        assert "import it first" in reports[str(items["flow"].id)]["msg"]


def test_release_drafts(api: httpx.Client):
    draft = generated(add_component().model_copy(update={"state": State.DRAFT, "released_timestamp": None}))

    reports = bulk(api, [draft.to_json_dict()], release_drafts=True)
    again = bulk(api, [draft.to_json_dict()], release_drafts=True)

    assert reports[str(draft.id)]["status"] == "SUCCESS"
    stored = api.get(f"/api/transformations/{draft.id}").json()
    assert stored["state"] == "RELEASED"
    assert stored["content"] == draft.code()
    assert again[str(draft.id)] | {"msg": ""} == reports[str(draft.id)] | {"msg": ""}
    assert again[str(draft.id)]["msg"] == "unchanged"


def test_update_component_code_applies_to_drafts_only(api: httpx.Client):
    draft = generated(add_component().model_copy(update={"state": State.DRAFT, "released_timestamp": None}))
    renamed = draft.model_copy(update={"name": "Plus"})
    released = generated(add_component()).model_copy(update={"name": "Sum"})

    bulk(api, [renamed.to_json_dict(), released.to_json_dict()])
    regenerated = api.get(f"/api/transformations/{draft.id}").json()["content"]
    bulk(api, [renamed.model_copy(update={"description": "x"}).to_json_dict()], update_component_code=False)

    assert '"name": "Plus"' in regenerated
    assert api.get(f"/api/transformations/{released.id}").json()["content"] == released.code()
    assert api.get(f"/api/transformations/{draft.id}").json()["content"] == draft.code()


def test_changing_released_items_needs_allow_overwrite_released(api: httpx.Client):
    add = add_component()
    bulk(api, [add.to_json_dict()])
    changed = add.model_copy(update={"description": "changed"}).to_json_dict()

    refused = bulk(api, [changed])
    allowed = bulk(api, [changed], allow_overwrite_released=True)

    assert refused[str(add.id)]["status"] == "FAILED"
    assert "allow_overwrite_released" in refused[str(add.id)]["msg"]
    assert allowed[str(add.id)] == {
        "status": "SUCCESS",
        "msg": "updated",
        "name": "Add",
        "version_tag": "1.0.0",
    }


def test_strip_wirings_on_import(api: httpx.Client):
    wiring = {
        "input_wirings": [
            {"workflow_input_name": "a", "adapter_id": 1, "filters": {"value": "1"}},
            {"workflow_input_name": "b", "adapter_id": "local-file-adapter"},
        ]
    }
    first, second, third = (add_component().to_json_dict() | {"test_wiring": wiring} for _ in range(3))

    bulk(api, [first], strip_wirings=True)
    bulk(api, [second], strip_wirings_with_adapter_id="direct_provisioning")
    bulk(api, [third], keep_only_wirings_with_adapter_id="direct_provisioning")

    def wired(item: Json) -> list[str]:
        tr = api.get(f"/api/transformations/{item['id']}").json()
        return [w["workflow_input_name"] for w in tr["test_wiring"]["input_wirings"]]

    assert (wired(first), wired(second), wired(third)) == ([], ["b"], ["a"])


@pytest.mark.parametrize("abort", [pytest.param(True, id="abort"), pytest.param(False, id="go-on")])
def test_abort_on_error_is_all_or_nothing(api: httpx.Client, abort: bool):
    add = add_component()
    twin = component("Twin", {"a": "INT"}, {"sum": "INT"}, "return {'sum': a}").model_copy(
        update={"revision_group_id": add.revision_group_id}
    )
    flow = adder("Flow", add)
    later = component("Later", {"x": "INT"}, {"y": "INT"}, "return {'y': x}")

    reports = bulk(api, [tr.to_json_dict() for tr in (add, twin, flow, later)], abort_on_error=abort)

    if abort:
        assert statuses(reports) == {
            str(add.id): "NOT_TRIED",
            str(twin.id): "FAILED",
            str(flow.id): "NOT_TRIED",
            str(later.id): "NOT_TRIED",
        }
        assert "rolled back" in reports[str(add.id)]["msg"]
        assert "not tried" in reports[str(flow.id)]["msg"]
        assert names(api) == []
    else:
        assert statuses(reports) == {
            str(add.id): "SUCCESS",
            str(twin.id): "FAILED",
            str(flow.id): "SUCCESS",
            str(later.id): "SUCCESS",
        }
        assert names(api) == ["Add 1.0.0 RELEASED", "Flow 1.0.0 RELEASED", "Later 1.0.0 RELEASED"]


def test_abort_on_error_stops_before_storing_when_an_item_cannot_be_read(api: httpx.Client):
    add = add_component()

    reports = bulk(api, [add.to_json_dict(), "not python ("], abort_on_error=True)

    assert reports[str(add.id)]["status"] == "NOT_TRIED"
    assert names(api) == []


def test_deprecate_older_revisions(api: httpx.Client):
    first = add_component()
    second = component("Add", {"a": "INT", "b": "INT"}, {"sum": "INT"}, "return {'sum': b + a}", tag="2.0.0")
    second = second.model_copy(
        update={
            "revision_group_id": first.revision_group_id,
            "released_timestamp": RELEASED_AT + timedelta(days=1),
        }
    )
    draft = lifecycle.new_revision(first, uuid4(), "3.0.0")

    reports = bulk(
        api,
        [first.to_json_dict(), second.to_json_dict(), draft.to_json_dict()],
        deprecate_older_revisions=True,
        update_component_code=False,
    )

    assert set(statuses(reports).values()) == {"SUCCESS"}
    assert names(api) == ["Add 1.0.0 DISABLED", "Add 2.0.0 RELEASED", "Add 3.0.0 DRAFT"]
    assert api.get(f"/api/transformations/{first.id}").json()["content"] == first.code()


def test_bulk_body_must_be_a_list(api: httpx.Client):
    response = api.put("/api/transformations", json={"id": str(uuid4())})

    assert response.status_code == 422
    assert response.json()["detail"] == "body: Input should be a valid list"
