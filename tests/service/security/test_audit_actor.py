"""With authentication on, the audit log names the authenticated caller, whatever header it sends."""

from __future__ import annotations

from sealflow.model.access import Role
from service.security.conftest import Secured
from support import add_component


def test_the_audit_log_names_the_token_not_the_claimed_actor(secured: Secured):
    add = add_component()
    changed = add.model_copy(update={"content": add.code().replace("a + b", "a - b")})
    with secured.client(Role.MAINTAINER) as api:
        assert api.put(f"/api/transformations/{add.id}", json=add.to_json_dict()).status_code == 201
        overwritten = api.put(
            f"/api/transformations/{add.id}",
            json=changed.to_json_dict(),
            params={"allow_overwrite_released": "true"},
            headers={"X-Sealflow-Actor": "mallory"},
        )
        entries = api.get("/api/audit").json()

    assert overwritten.status_code == 201, overwritten.text
    assert [(entry["actor"], entry["action"]) for entry in entries] == [("maintainer-token", "put")]
