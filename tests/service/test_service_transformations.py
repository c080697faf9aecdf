"""``/api/transformations``: listing with every filter, reading, create/update by the lifecycle rules, delete."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import httpx
import pytest

from sealflow.code import codegen
from sealflow.model import lifecycle
from sealflow.model.builder import WorkflowBuilder
from sealflow.model.datatypes import State
from sealflow.model.transformation import TransformationRevision
from sealflow.model.wiring import WorkflowWiring
from support import RELEASED_AT, add_component, component

Json = dict[str, Any]


def put(api: httpx.Client, tr: TransformationRevision | Json, **params: Any) -> httpx.Response:
    body = tr.to_json_dict() if isinstance(tr, TransformationRevision) else tr
    return api.put(f"/api/transformations/{body['id']}", json=body, params=params)


def stored(api: httpx.Client, tr: TransformationRevision | Json) -> Json:
    key = tr.id if isinstance(tr, TransformationRevision) else tr["id"]
    response = api.get(f"/api/transformations/{key}")
    assert response.status_code == 200, response.text
    body: Json = response.json()
    return body


def with_generated_code(tr: TransformationRevision) -> TransformationRevision:
    """``tr`` with code in the generated layout, as hetida designer writes it."""
    code = codegen.generate_code(tr)
    code = code[: code.index(codegen.END_MARKER) + len(codegen.END_MARKER)] + "\n    return {'sum': a + b}\n"
    return tr.model_copy(update={"content": code})


def draft_add(**updates: Any) -> TransformationRevision:
    draft = add_component().model_copy(update={"state": State.DRAFT, "released_timestamp": None, **updates})
    return with_generated_code(draft)


def flow(name: str, add: TransformationRevision, **fields: Any) -> TransformationRevision:
    """``total = (x + y) + z`` with two operators running ``add``."""
    builder = WorkflowBuilder()
    first, second = builder.add(add), builder.add(add)
    builder.input("x", first.input("a"))
    builder.input("y", first.input("b"))
    builder.link(first.output("sum"), second.input("a"))
    builder.input("z", second.input("b"))
    builder.output("total", second.output("sum"))
    return builder.build(name, released=RELEASED_AT, **fields)


def has_null(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, dict):
        return any(has_null(item) for item in value.values())
    if isinstance(value, list):
        return any(has_null(item) for item in value)
    return False


WIRING_A = {
    "input_wirings": [
        {
            "adapter_id": "direct_provisioning",
            "filters": {"value": "1"},
            "workflow_input_name": "a",
            "use_default_value": False,
        }
    ],
    "output_wirings": [],
    "dashboard_positionings": [],
}


# --- listing -------------------------------------------------------------------------------------------


@pytest.fixture
def catalog(api: httpx.Client) -> dict[str, TransformationRevision]:
    """Released, draft and disabled components, a workflow using one component twice, and a disabled
    workflow using the disabled component."""
    add = add_component().model_copy(update={"category": "Arithmetic"})
    add2 = component(
        "Add", {"a": "INT", "b": "INT"}, {"sum": "INT"}, "return {'sum': a + b + 0}", tag="2.0.0"
    ).model_copy(update={"category": "Arithmetic", "revision_group_id": add.revision_group_id})
    scale = component(
        "Scale", {"x": "FLOAT"}, {"y": "FLOAT"}, "return {'y': 2 * x}", state=State.DRAFT
    ).model_copy(update={"category": "Arith Extra"})
    old = component("Old", {"x": "INT"}, {"y": "INT"}, "return {'y': x}", state=State.DISABLED).model_copy(
        update={"category": "Legacy"}
    )
    builder = WorkflowBuilder()
    only = builder.add(old)
    builder.input("x", only.input("x"))
    builder.output("y", only.output("y"))
    gone = lifecycle.disable(builder.build("Gone", released=RELEASED_AT, category="Workflows"), RELEASED_AT)
    revisions = {
        "add": add,
        "add2": add2,
        "scale": scale,
        "old": old,
        "flow": flow("Flow", add, category="Workflows"),
        "gone": gone,
    }
    for tr in revisions.values():
        response = put(api, tr, update_component_code=False)
        assert response.status_code == 201, response.text
    return revisions


def listed(api: httpx.Client, params: Any) -> list[str]:
    response = api.get("/api/transformations", params=params)
    assert response.status_code == 200, response.text
    return sorted(f"{tr['name']} {tr['version_tag']}" for tr in response.json())


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        pytest.param(
            {}, ["Add 1.0.0", "Add 2.0.0", "Flow 1.0.0", "Gone 1.0.0", "Old 1.0.0", "Scale 1.0.0"], id="all"
        ),
        pytest.param({"type": "WORKFLOW"}, ["Flow 1.0.0", "Gone 1.0.0"], id="type"),
        pytest.param({"state": "DRAFT"}, ["Scale 1.0.0"], id="state"),
        pytest.param({"category": "Arithmetic"}, ["Add 1.0.0", "Add 2.0.0"], id="category"),
        pytest.param(
            [("category", "Legacy"), ("category", "Arith Extra")],
            ["Old 1.0.0", "Scale 1.0.0"],
            id="categories",
        ),
        pytest.param({"category_prefix": "Arith"}, ["Add 1.0.0", "Add 2.0.0", "Scale 1.0.0"], id="prefix"),
        pytest.param({"category_prefix": "arith"}, [], id="prefix-is-case-sensitive"),
        pytest.param([("name", "Old"), ("name", "Flow")], ["Flow 1.0.0", "Old 1.0.0"], id="names"),
        pytest.param(
            {"include_deprecated": "false"},
            ["Add 1.0.0", "Add 2.0.0", "Flow 1.0.0", "Scale 1.0.0"],
            id="deprecated",
        ),
        pytest.param({"type": "COMPONENT", "state": "RELEASED"}, ["Add 1.0.0", "Add 2.0.0"], id="and"),
        pytest.param(
            {"unused": "true"},
            ["Add 2.0.0", "Flow 1.0.0", "Gone 1.0.0", "Old 1.0.0", "Scale 1.0.0"],
            id="unused",
        ),
        pytest.param(
            {"unused": "true", "type": "WORKFLOW"}, ["Flow 1.0.0", "Gone 1.0.0"], id="unused-and-type"
        ),
        pytest.param(
            {"name": "Flow", "include_dependencies": "true"}, ["Add 1.0.0", "Flow 1.0.0"], id="dependencies"
        ),
        pytest.param(
            {"name": "Gone", "include_dependencies": "true", "include_deprecated": "false"},
            [],
            id="deprecated-workflow-left-out",
        ),
        pytest.param(
            {"name": "Gone", "include_dependencies": "true"},
            ["Gone 1.0.0", "Old 1.0.0"],
            id="disabled-dependency",
        ),
    ],
)
def test_list_filters(
    api: httpx.Client, catalog: dict[str, TransformationRevision], params: Any, expected: list[str]
):
    assert listed(api, params) == expected


def test_list_by_group_and_ids(api: httpx.Client, catalog: dict[str, TransformationRevision]):
    add, old, flow_ = catalog["add"], catalog["old"], catalog["flow"]

    assert listed(api, {"revision_group_id": str(add.revision_group_id)}) == ["Add 1.0.0", "Add 2.0.0"]
    assert listed(api, [("id", str(old.id)), ("id", str(flow_.id))]) == ["Flow 1.0.0", "Old 1.0.0"]
    assert listed(api, {"id": str(uuid4())}) == []


def test_dependencies_appear_once_however_many_operators_use_them(
    api: httpx.Client, catalog: dict[str, TransformationRevision]
):
    response = api.get(
        "/api/transformations", params={"id": str(catalog["flow"].id), "include_dependencies": True}
    )

    ids = [tr["id"] for tr in response.json()]
    assert sorted(ids) == sorted({str(catalog["flow"].id), str(catalog["add"].id)})
    assert len(catalog["flow"].workflow().operators) == 2


def test_responses_omit_nulls(api: httpx.Client, catalog: dict[str, TransformationRevision]):
    everything = api.get("/api/transformations").json()
    one = api.get(f"/api/transformations/{catalog['scale'].id}").json()

    assert not has_null(everything)
    assert not has_null(one)
    assert "released_timestamp" not in one


def test_components_as_code_come_after_the_objects(
    api: httpx.Client, catalog: dict[str, TransformationRevision]
):
    response = api.get(
        "/api/transformations", params={"components_as_code": True, "include_deprecated": False}
    )

    items = response.json()
    assert [type(item).__name__ for item in items] == ["dict", "str", "str", "str"]
    assert items[0]["name"] == "Flow"
    assert sorted(items[1:]) == sorted(catalog[key].code() for key in ("add", "add2", "scale"))


def test_export_code_options_change_the_response_only(api: httpx.Client):
    tr = draft_add()
    wired = WorkflowWiring.model_validate(
        {
            "input_wirings": [
                {"workflow_input_name": "a", "adapter_id": "direct_provisioning", "filters": {"value": "1"}},
                {"workflow_input_name": "b", "adapter_id": "local-file-adapter", "ref_id": "x.csv"},
            ]
        }
    )
    tr = tr.model_copy(update={"test_wiring": wired, "description": "Adds"})
    assert put(api, tr).status_code == 201
    before = stored(api, tr)

    def code(**params: Any) -> str:
        response = api.get("/api/transformations", params={"components_as_code": True, **params})
        assert response.status_code == 200, response.text
        text: str = response.json()[0]
        return text

    expanded = code(expand_component_code=True)
    assert expanded.startswith('"""Documentation for Add')
    assert "TEST_WIRING_FROM_PY_FILE_IMPORT" in expanded
    assert "local-file-adapter" in expanded
    assert "local-file-adapter" not in code(
        expand_component_code=True, strip_wirings_with_adapter_id="local-file-adapter"
    )
    kept = code(expand_component_code=True, keep_only_wirings_with_adapter_id="local-file-adapter")
    assert "local-file-adapter" in kept
    assert "direct_provisioning" not in kept
    assert "x.csv" not in code(expand_component_code=True, strip_wirings=True)
    assert code() == before["content"]

    object_form = api.get(
        "/api/transformations", params={"update_component_code": True, "strip_wirings": True}
    )
    assert object_form.json()[0]["test_wiring"] == {
        "input_wirings": [],
        "output_wirings": [],
        "dashboard_positionings": [],
    }
    assert stored(api, tr) == before


def test_strip_wirings_by_adapter_keeps_the_others(api: httpx.Client):
    tr = add_component().model_copy(
        update={
            "test_wiring": WorkflowWiring.model_validate(
                {
                    "input_wirings": [
                        {"workflow_input_name": "a", "adapter_id": 1, "filters": {"value": "1"}},
                        {"workflow_input_name": "b", "adapter_id": "local-file-adapter"},
                    ]
                }
            )
        }
    )
    assert put(api, tr, update_component_code=False).status_code == 201

    response = api.get("/api/transformations", params={"strip_wirings_with_adapter_id": "1"})

    assert [w["workflow_input_name"] for w in response.json()[0]["test_wiring"]["input_wirings"]] == ["b"]


# --- reading -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "error"),
    [
        pytest.param(f"/api/transformations/{uuid4()}", 404, "TransformationNotFound", id="unknown"),
        pytest.param("/api/transformations/not-a-uuid", 422, "InvalidInput", id="no-uuid"),
    ],
)
def test_get_errors(api: httpx.Client, path: str, status: int, error: str):
    response = api.get(path)

    assert response.status_code == status
    assert response.json()["error"] == error


def test_get_answers_with_and_without_trailing_slash(api: httpx.Client):
    tr = add_component()
    assert put(api, tr, update_component_code=False).status_code == 201

    with_slash = api.get(f"/api/transformations/{tr.id}/")

    assert with_slash.status_code == 200
    assert with_slash.json() == stored(api, tr) == tr.to_json_dict()
    assert api.get("/api/transformations/").status_code == 200


# --- create and update ---------------------------------------------------------------------------------


def test_put_creates_a_revision_with_its_state_and_timestamps(api: httpx.Client):
    tr = add_component()

    response = put(api, tr)

    assert response.status_code == 201
    assert response.json() == tr.to_json_dict()
    assert stored(api, tr)["released_timestamp"] == tr.to_json_dict()["released_timestamp"]


def test_put_regenerates_the_code_of_a_draft_from_its_io_interface(api: httpx.Client):
    tr = draft_add()
    assert put(api, tr).status_code == 201
    io = tr.io_interface.model_dump(mode="json")
    io["inputs"].append({"name": "c", "data_type": "INT", "type": "OPTIONAL", "value": "0"})
    changed = tr.model_dump(mode="json") | {"io_interface": io}

    response = api.put(f"/api/transformations/{tr.id}", json=changed)

    assert response.status_code == 201
    code = response.json()["content"]
    assert '"c": {"data_type": "INT", "default_value": 0}' in code
    assert "def main(*, a, b, c=0):" in code
    assert "return {'sum': a + b}" in code
    assert stored(api, tr)["content"] == code


def test_put_keeps_draft_code_without_update_component_code(api: httpx.Client):
    tr = draft_add()
    assert put(api, tr).status_code == 201
    edited = tr.model_copy(update={"content": tr.code().replace("a + b", "b + a"), "name": "Plus"})

    response = put(api, edited, update_component_code=False)

    assert response.status_code == 201
    assert response.json()["content"] == edited.code()


def test_put_refuses_draft_code_without_generated_section_when_asked_to_update_it(api: httpx.Client):
    tr = add_component().model_copy(update={"state": State.DRAFT, "released_timestamp": None})

    refused = put(api, tr)
    stored_as_sent = put(api, tr, update_component_code=False)

    assert refused.status_code == 422
    assert "DO NOT EDIT LINES BELOW" in refused.json()["detail"]
    assert stored_as_sent.status_code == 201


def test_release_by_put_keeps_the_code_byte_identical(api: httpx.Client):
    tr = draft_add()
    assert put(api, tr).status_code == 201
    draft = stored(api, tr)
    sent_time = "2020-01-01T00:00:00+00:00"
    before = datetime.now(UTC)

    response = api.put(
        f"/api/transformations/{tr.id}", json=draft | {"state": "RELEASED", "released_timestamp": sent_time}
    )

    assert response.status_code == 201
    released = stored(api, tr)
    assert released["state"] == "RELEASED"
    assert released["content"] == draft["content"]
    assert (
        hashlib.sha256(released["content"].encode()).digest()
        == hashlib.sha256(draft["content"].encode()).digest()
    )
    assert datetime.fromisoformat(released["released_timestamp"]) >= before - timedelta(seconds=1)
    assert released == response.json()


def test_release_by_put_stores_changed_content_as_sent(api: httpx.Client):
    tr = draft_add()
    assert put(api, tr).status_code == 201
    changed = draft_add(id=tr.id, revision_group_id=tr.revision_group_id, description="Sums two numbers")
    body = changed.to_json_dict() | {"state": "RELEASED", "released_timestamp": "2020-01-01T00:00:00+00:00"}
    body["content"] += "\n# reviewed\n"

    response = api.put(f"/api/transformations/{tr.id}", json=body)

    assert response.status_code == 201
    assert response.json()["content"] == body["content"]
    assert response.json()["description"] == "Sums two numbers"


def test_release_by_put_refuses_a_component_without_io(api: httpx.Client):
    tr = TransformationRevision.model_validate(
        {"name": "Empty", "version_tag": "0.1", "type": "COMPONENT", "content": ""}
    )
    assert put(api, tr, update_component_code=False).status_code == 201

    response = api.put(
        f"/api/transformations/{tr.id}",
        json=stored(api, tr) | {"state": "RELEASED", "released_timestamp": "2020-01-01T00:00:00+00:00"},
    )

    assert response.status_code == 409
    assert "neither inputs nor outputs" in response.json()["detail"]


def test_disable_by_put_changes_only_state_and_time(api: httpx.Client):
    tr = with_generated_code(add_component())
    assert put(api, tr).status_code == 201
    before = stored(api, tr)

    response = api.put(
        f"/api/transformations/{tr.id}",
        json=before | {"state": "DISABLED", "disabled_timestamp": "2020-01-01T00:00:00+00:00"},
    )

    assert response.status_code == 201
    after = stored(api, tr)
    assert after["state"] == "DISABLED"
    assert after["content"] == before["content"]
    assert after["released_timestamp"] == before["released_timestamp"]
    assert after["disabled_timestamp"] > "2020-01-02"
    assert {key for key in after if after[key] != before.get(key)} == {"state", "disabled_timestamp"}


@pytest.mark.parametrize(
    ("state", "change", "allowed"),
    [
        pytest.param(State.RELEASED, {"name": "Plus"}, False, id="released-name"),
        pytest.param(
            State.RELEASED,
            {"content": "def main(*, a, b):\n    return {'sum': a - b}\n"},
            False,
            id="released-code",
        ),
        pytest.param(
            State.RELEASED, {"state": "DRAFT", "released_timestamp": None}, False, id="released-to-draft"
        ),
        pytest.param(State.RELEASED, {"documentation": "# Add\nAdds."}, True, id="released-documentation"),
        pytest.param(
            State.RELEASED,
            {"test_wiring": WIRING_A},
            True,
            id="released-test-wiring",
        ),
        pytest.param(State.DISABLED, {"description": "changed"}, False, id="disabled-description"),
        pytest.param(
            State.DISABLED,
            {"state": "RELEASED", "disabled_timestamp": None},
            False,
            id="disabled-to-released",
        ),
        pytest.param(State.DISABLED, {"documentation": "# Add\nOld."}, True, id="disabled-documentation"),
    ],
)
def test_frozen_revisions_change_only_wiring_and_documentation(
    api: httpx.Client, state: State, change: Json, allowed: bool
):
    tr = component("Add", {"a": "INT", "b": "INT"}, {"sum": "INT"}, "return {'sum': a + b}", state=state)
    assert put(api, tr).status_code == 201
    body = {key: value for key, value in (tr.to_json_dict() | change).items() if value is not None}

    response = api.put(f"/api/transformations/{tr.id}", json=body)
    overwritten = api.put(
        f"/api/transformations/{tr.id}", json=body, params={"allow_overwrite_released": True}
    )

    if allowed:
        assert response.status_code == 201, response.text
        assert response.json()["content"] == tr.code()
    else:
        assert response.status_code == 409
        assert response.json()["error"] == "LifecycleViolation"
        detail = response.json()["detail"]
        assert f"is {state.value} and frozen" in detail
        assert "new revision" in detail
        assert "allow_overwrite_released" in detail
    assert overwritten.status_code == 201, overwritten.text
    assert {key: value for key, value in stored(api, tr).items() if key in change} == {
        key: value for key, value in change.items() if value is not None
    }


def test_overwrite_of_a_released_revision_never_regenerates_its_code(api: httpx.Client):
    tr = with_generated_code(add_component())
    assert put(api, tr).status_code == 201
    io = tr.io_interface.model_dump(mode="json")
    io["outputs"][0]["name"] = "total"

    response = api.put(
        f"/api/transformations/{tr.id}",
        json=tr.to_json_dict() | {"io_interface": io},
        params={"allow_overwrite_released": True, "force": True},
    )

    assert response.status_code == 201
    assert response.json()["content"] == tr.code()


@pytest.mark.parametrize(
    ("body_update", "detail"),
    [
        pytest.param({"id": str(uuid4())}, "differs from the id in the path", id="other-id"),
        pytest.param({"id": None}, "the body has no id", id="no-id"),
    ],
)
def test_put_id_mismatch_is_422(api: httpx.Client, body_update: Json, detail: str):
    tr = add_component()
    body = {key: value for key, value in (tr.to_json_dict() | body_update).items() if value is not None}

    response = api.put(f"/api/transformations/{tr.id}", json=body)

    assert response.status_code == 422
    assert detail in response.json()["detail"]


def test_put_type_change_is_409(api: httpx.Client):
    add = add_component()
    assert put(api, add).status_code == 201
    workflow = flow("Flow", add).model_copy(
        update={"id": add.id, "state": State.DRAFT, "released_timestamp": None}
    )

    response = put(api, workflow)

    assert response.status_code == 409
    assert "never changes its type" in response.json()["detail"]


def test_put_with_strip_wiring_stores_no_test_wiring(api: httpx.Client):
    tr = add_component().model_copy(
        update={
            "test_wiring": WorkflowWiring.model_validate({"input_wirings": [{"workflow_input_name": "a"}]})
        }
    )

    response = put(api, tr, strip_wiring=True)

    assert response.status_code == 201
    assert stored(api, tr)["test_wiring"]["input_wirings"] == []


def test_workflow_operators_must_run_stored_released_revisions(api: httpx.Client):
    add = add_component()
    unknown = flow("Unknown", add_component())
    draft = add.model_copy(update={"state": State.DRAFT, "released_timestamp": None})
    assert put(api, draft, update_component_code=False).status_code == 201
    on_draft = flow("On Draft", add)

    missing = put(api, unknown)
    not_released = put(api, on_draft)

    assert missing.status_code == 422
    assert "neither stored nor imported" in missing.json()["detail"]
    assert not_released.status_code == 422
    assert "is DRAFT" in not_released.json()["detail"]


def test_put_accepts_a_trailing_slash(api: httpx.Client):
    tr = add_component()

    response = api.put(f"/api/transformations/{tr.id}/", json=tr.to_json_dict())

    assert response.status_code == 201


# --- delete --------------------------------------------------------------------------------------------


def test_delete_a_draft(api: httpx.Client):
    tr = draft_add()
    assert put(api, tr).status_code == 201

    response = api.delete(f"/api/transformations/{tr.id}")

    assert response.status_code == 204
    assert response.content == b""
    assert api.get(f"/api/transformations/{tr.id}").status_code == 404
    assert api.delete(f"/api/transformations/{tr.id}").status_code == 404


@pytest.mark.parametrize(
    "state", [pytest.param(State.RELEASED, id="released"), pytest.param(State.DISABLED, id="disabled")]
)
def test_delete_refuses_frozen_revisions(api: httpx.Client, state: State):
    tr = component("Add", {"a": "INT"}, {"sum": "INT"}, "return {'sum': a}", state=state)
    assert put(api, tr).status_code == 201

    response = api.delete(f"/api/transformations/{tr.id}")

    assert response.status_code == 409
    assert "only DRAFT revisions can be deleted" in response.json()["detail"]
    assert "disable it instead" in response.json()["detail"]


def test_delete_refuses_a_draft_that_a_workflow_uses(api: httpx.Client):
    add = add_component()
    assert put(api, add).status_code == 201
    assert put(api, flow("Flow", add)).status_code == 201
    back_to_draft = add.model_copy(update={"state": State.DRAFT, "released_timestamp": None})
    assert (
        put(api, back_to_draft, allow_overwrite_released=True, update_component_code=False).status_code == 201
    )

    response = api.delete(f"/api/transformations/{add.id}")

    assert response.status_code == 409
    assert "it is an operator in workflow 'Flow'" in response.json()["detail"]
