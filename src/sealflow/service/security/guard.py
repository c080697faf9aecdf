"""The one check every API route passes: who calls (a bearer token), and whether their role suffices.

``authorize`` runs as a dependency of every route, before the route's own parameters are validated, so
an unauthenticated or too weak caller learns nothing about the request's shape. With ``SEALFLOW_AUTH=off``
every caller acts as ``admin``. Tokens are never logged; refusals are, with the reason and the client.
An API token is looked up at most every ``TOKEN_CACHE_SECONDS`` per process, so a revoked token is
refused within that time.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from fastapi import FastAPI, Request
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool

from sealflow.config import Settings
from sealflow.errors import AuthenticationRequired, PermissionDenied, SealflowError
from sealflow.model.access import Role
from sealflow.model.datatypes import State
from sealflow.ops import transformations as transformation_ops
from sealflow.ops.instance import Instance
from sealflow.ops.tokens import authenticate_token
from sealflow.service.security.oidc import OidcVerifier
from sealflow.service.security.policy import UNLISTED, QueryFlag, Rule, RunsUnreleased, rule_for
from sealflow.store.tokens import PREFIX, token_hash

logger = logging.getLogger("sealflow.service.auth")

MISSING = (
    "this API needs a token: send the header 'Authorization: Bearer <token>' with an API token "
    "(an admin creates one with 'sealflow tokens create NAME --role ROLE') or an OpenID Connect token"
)
_BOOLEAN = TypeAdapter(bool)

#: An API token checked this recently is not looked up again: revoking one takes effect within this time.
TOKEN_CACHE_SECONDS = 10.0
TOKEN_CACHE_SIZE = 4096


@dataclass(frozen=True)
class Principal:
    """Who makes a request: a name, how they proved it, and their role (``None``: no Sealflow role)."""

    name: str
    kind: str
    role: Role | None


ANONYMOUS = Principal("anonymous", "anonymous caller", Role.ADMIN)


class Guard:
    """Authenticates requests and checks their roles against the policy table."""

    def __init__(self, settings: Settings) -> None:
        self.enabled = settings.auth == "on"
        self.roles_claim = settings.oidc_roles_claim
        self.oidc = OidcVerifier(settings) if self.enabled and settings.oidc_issuer else None
        self._checked: dict[str, tuple[float, Principal]] = {}

    async def authenticate(self, request: Request) -> Principal:
        """The caller a request's bearer token names; ``AuthenticationRequired`` if there is none."""
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise AuthenticationRequired(MISSING if not header else f"{MISSING} (got another scheme)")
        if token.startswith(PREFIX):
            return await self._api_token(request, token)
        if token.count(".") != 2:
            raise AuthenticationRequired("the bearer token is neither an API token (sf_...) nor a JWT")
        if self.oidc is None:
            raise AuthenticationRequired(
                "this service does not accept OpenID Connect tokens (SEALFLOW_OIDC_ISSUER is unset); "
                "use an API token"
            )
        subject, role = await run_in_threadpool(self.oidc.verify, token)
        return Principal(subject, "OpenID Connect token", role)

    async def _api_token(self, request: Request, token: str) -> Principal:
        """The caller an API token names, from the cache if it was checked in the last seconds."""
        key = token_hash(token)
        now = time.monotonic()
        cached = self._checked.get(key)
        if cached is not None and now - cached[0] < TOKEN_CACHE_SECONDS:
            return cached[1]
        instance: Instance = request.app.state.instance
        found = await run_in_threadpool(authenticate_token, instance, token)
        if found is None:
            raise AuthenticationRequired("the API token is unknown or revoked; ask an admin for a new one")
        if len(self._checked) >= TOKEN_CACHE_SIZE:
            self._checked.clear()
        principal = Principal(found.name, "API token", found.role)
        self._checked[key] = (now, principal)
        return principal

    async def required(self, request: Request, rule: Rule, holder: Role) -> tuple[Role, str]:
        """The role the request needs and why (``""`` for the route's own role)."""
        assert rule.role is not None
        needed, reason = rule.role, ""
        for escalation in rule.escalations:
            if holder.allows(escalation.role) or needed.allows(escalation.role):
                continue
            if await _applies(request, escalation):
                needed, reason = escalation.role, escalation.reason
        return needed, reason


async def authorize(request: Request) -> None:
    """Let the request through if its caller's role meets the route's rule, else 401 or 403."""
    guard: Guard = request.app.state.guard
    if not guard.enabled:
        request.state.principal = ANONYMOUS
        return
    route = request.scope.get("route")
    path = getattr(route, "path", request.url.path)
    rule = rule_for(request.method, path) or UNLISTED
    if rule.role is None:
        return
    client = request.client.host if request.client else "unknown client"
    try:
        principal = await guard.authenticate(request)
    except AuthenticationRequired as exc:
        logger.warning("refused %s %s from %s: %s", request.method, path, client, exc.message)
        raise
    request.state.principal = principal
    if principal.role is None:
        raise PermissionDenied(
            f"your {principal.kind} carries no Sealflow role in the claim {guard.roles_claim!r}; "
            f"this needs the role {rule.role.value!r} (roles: {', '.join(role.value for role in Role)})",
            required=rule.role.value,
        )
    needed, reason = await guard.required(request, rule, principal.role)
    if not principal.role.allows(needed):
        logger.warning(
            "refused %s %s from %s (%s %s): needs %s",
            request.method,
            path,
            client,
            principal.kind,
            principal.name,
            needed.value,
        )
        what = f" for {reason}" if reason else ""
        raise PermissionDenied(
            f"this needs the role {needed.value!r}{what}; your {principal.kind} {principal.name!r} has the "
            f"role {principal.role.value!r}",
            required=needed.value,
        )


async def _applies(request: Request, escalation: QueryFlag | RunsUnreleased) -> bool:
    if isinstance(escalation, QueryFlag):
        value = request.query_params.get(escalation.name)
        try:
            return value is not None and _BOOLEAN.validate_python(value)
        except ValidationError:
            return False
    try:
        body: Any = await request.json()
        transformation_id = UUID(body["id"])
    except (ValueError, RecursionError, TypeError, KeyError):
        return False
    instance: Instance = request.app.state.instance
    try:
        tr = await run_in_threadpool(transformation_ops.get_transformation, instance, transformation_id)
    except SealflowError:
        return False
    return tr.state is not State.RELEASED


def api_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every ``(method, path template)`` the application routes to a FastAPI route, sorted."""
    found: set[tuple[str, str]] = set()
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute):
            found.update((method, route.path) for method in route.methods or ())
    return sorted(found)
