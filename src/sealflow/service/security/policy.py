"""Which role each API route needs, in one table, and the rules that raise it for some requests.

Every API route has an entry, keyed by its method and path template; a route without one is refused
(and a test fails), so a new route cannot slip out unguarded. ``None`` marks a public route (health,
readiness, metrics). A rule may ask for a stronger role when a request does more than its route
usually does: imports that overwrite released revisions, runs of revisions that are not released.
"""

from __future__ import annotations

from dataclasses import dataclass

from sealflow.model.access import Role


@dataclass(frozen=True)
class QueryFlag:
    """The stronger role applies when the query parameter ``name`` is true."""

    name: str
    role: Role
    reason: str


@dataclass(frozen=True)
class RunsUnreleased:
    """The stronger role applies when the revision the body's ``id`` names is not RELEASED."""

    role: Role
    reason: str


Escalation = QueryFlag | RunsUnreleased


@dataclass(frozen=True)
class Rule:
    """The role a route needs (``None``: public) and what can raise it."""

    role: Role | None
    escalations: tuple[Escalation, ...] = ()


PUBLIC = Rule(None)
VIEWER = Rule(Role.VIEWER)
EDITOR = Rule(Role.EDITOR)
MAINTAINER = Rule(Role.MAINTAINER)
ADMIN = Rule(Role.ADMIN)

_OVERWRITE = QueryFlag(
    "allow_overwrite_released",
    Role.MAINTAINER,
    "changing RELEASED or DISABLED revisions (allow_overwrite_released)",
)
_UNRELEASED = RunsUnreleased(Role.EDITOR, "running a revision that is not RELEASED")

POLICY: dict[tuple[str, str], Rule] = {
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/readyz"): PUBLIC,
    ("GET", "/metrics"): PUBLIC,
    ("GET", "/api/info"): VIEWER,
    ("GET", "/api/adapters"): VIEWER,
    ("GET", "/api/transformations"): VIEWER,
    ("PUT", "/api/transformations"): Rule(Role.EDITOR, (_OVERWRITE,)),
    ("GET", "/api/transformations/manifest"): VIEWER,
    ("GET", "/api/transformations/{id}"): VIEWER,
    ("PUT", "/api/transformations/{id}"): Rule(Role.EDITOR, (_OVERWRITE,)),
    ("DELETE", "/api/transformations/{id}"): EDITOR,
    ("POST", "/api/transformations/execute"): Rule(Role.VIEWER, (_UNRELEASED,)),
    ("POST", "/api/transformations/execute-latest"): VIEWER,
    ("POST", "/api/transformations/execute-async"): Rule(Role.VIEWER, (_UNRELEASED,)),
    ("POST", "/api/transformations/execute-latest-async"): VIEWER,
    ("POST", "/api/executions/{execution_id}/cancel"): EDITOR,
    ("DELETE", "/api/executions/{execution_id}"): EDITOR,
    ("POST", "/api/runtime/run"): EDITOR,
    ("GET", "/api/audit"): MAINTAINER,
    ("GET", "/api/objects"): VIEWER,
    ("GET", "/api/executions"): VIEWER,
    ("GET", "/api/executions/{execution_id}"): VIEWER,
    ("POST", "/api/executions/{execution_id}/replay"): EDITOR,
    ("POST", "/api/components/code"): EDITOR,
    ("POST", "/api/maintenance/deprecate_all_but_latest_per_group"): MAINTAINER,
    ("POST", "/api/maintenance/delete_drafts"): MAINTAINER,
    ("POST", "/api/maintenance/delete_unused_deprecated"): MAINTAINER,
    ("POST", "/api/maintenance/purge"): MAINTAINER,
    ("POST", "/api/maintenance/deploy_base_trafos"): MAINTAINER,
    ("POST", "/api/maintenance/trigger_autoimport"): MAINTAINER,
    ("POST", "/api/maintenance/trigger_automimport"): MAINTAINER,
}

#: What a route without an entry needs: nothing passes, so a forgotten entry fails closed.
UNLISTED = Rule(Role.ADMIN)


def rule_for(method: str, path: str) -> Rule | None:
    """The rule of the route ``method path`` (its path template), ``None`` if the table has no entry."""
    return POLICY.get((method.upper(), path))
