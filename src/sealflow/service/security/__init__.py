"""Authentication, roles and request limits of the service.

* ``policy.py`` — the one table of which role each route needs
* ``guard.py`` — the dependency every route passes: token → caller → role check
* ``oidc.py`` — OpenID Connect tokens checked against the issuer's keys
"""

from __future__ import annotations

import logging

from fastapi import Depends, FastAPI

from sealflow.config import Settings
from sealflow.service.limits import BodyLimit, RequestLog
from sealflow.service.security.guard import Guard, authorize

logger = logging.getLogger("sealflow.service.auth")


def install_security(app: FastAPI, settings: Settings) -> None:
    """Guard every route added from now on, limit request bodies and log requests (without bodies)."""
    app.state.guard = Guard(settings)
    if settings.auth == "on":
        app.router.dependencies.append(Depends(authorize))
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestLog)
    if settings.auth == "off":
        logger.info("authentication is off: every caller may do everything (SEALFLOW_AUTH=on turns it on)")
