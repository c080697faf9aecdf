"""OpenID Connect bearer tokens: signature, expiry, audience and issuer checked against the issuer's keys.

The signing keys (JWKS) come from ``SEALFLOW_OIDC_JWKS_URL`` or from ``jwks_uri`` of the issuer's
discovery document; PyJWT's ``PyJWKClient`` caches them and fetches them again when a token names a key
it does not know. Only asymmetric algorithms are accepted, so a token signed with the public key as an
HMAC secret, or not signed at all, is refused. Calls block on the network: run them off the event loop.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import httpx
import jwt

from sealflow.config import Settings
from sealflow.errors import AuthenticationRequired, InvalidInput
from sealflow.model.access import Role, strongest

logger = logging.getLogger("sealflow.service.auth")

ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]
TIMEOUT = 10.0


class OidcVerifier:
    """Checks OpenID Connect tokens of one issuer for one audience."""

    def __init__(self, settings: Settings) -> None:
        if not settings.oidc_issuer:
            raise InvalidInput("OpenID Connect needs SEALFLOW_OIDC_ISSUER")
        if not settings.oidc_audience:
            raise InvalidInput(
                "SEALFLOW_OIDC_ISSUER is set but SEALFLOW_OIDC_AUDIENCE is not; set the audience (client id) "
                "that tokens for this service carry"
            )
        self.issuer = settings.oidc_issuer
        self.audience = settings.oidc_audience
        self.roles_claim = settings.oidc_roles_claim
        self._jwks_url = settings.oidc_jwks_url
        self._client: jwt.PyJWKClient | None = None
        self._lock = threading.Lock()

    def verify(self, token: str) -> tuple[str, Role | None]:
        """The subject of a valid token and its strongest Sealflow role; ``AuthenticationRequired`` if the
        token is invalid (the message says why, never what the token holds)."""
        try:
            key = self._keys().get_signing_key_from_jwt(token)
        except jwt.PyJWKClientConnectionError as exc:
            logger.error("cannot read the signing keys of %s: %s", self.issuer, exc)
            raise AuthenticationRequired(
                "the token cannot be checked now: the identity provider's signing keys cannot be read; "
                "try again later or ask the operator"
            ) from exc
        except (jwt.PyJWKClientError, jwt.DecodeError) as exc:
            raise AuthenticationRequired(f"the token was refused: {_reason(exc)}") from exc
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key.key,
                algorithms=ALGORITHMS,
                audience=self.audience,
                issuer=self.issuer,
                options={"require": ["exp", "iss", "aud"]},
                leeway=30,
            )
        except jwt.InvalidTokenError as exc:
            raise AuthenticationRequired(f"the token was refused: {_reason(exc)}") from exc
        subject = str(claims.get("preferred_username") or claims.get("sub") or "unknown subject")
        return subject, strongest(claim(claims, self.roles_claim))

    def _keys(self) -> jwt.PyJWKClient:
        with self._lock:
            if self._client is None:
                url = self._jwks_url or discover_jwks_url(self.issuer)
                self._client = jwt.PyJWKClient(url, cache_keys=True, lifespan=300, timeout=TIMEOUT)
            return self._client


def discover_jwks_url(issuer: str) -> str:
    """``jwks_uri`` of the issuer's discovery document (``<issuer>/.well-known/openid-configuration``)."""
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        response = httpx.get(url, timeout=TIMEOUT, follow_redirects=True)
        response.raise_for_status()
        jwks_uri = response.json()["jwks_uri"]
    except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
        logger.error("cannot read the discovery document %s: %s", url, exc)
        raise jwt.PyJWKClientConnectionError(f"cannot read {url}") from exc
    if not isinstance(jwks_uri, str):
        raise jwt.PyJWKClientConnectionError(f"{url} names no jwks_uri")
    return jwks_uri


def claim(claims: dict[str, Any], path: str) -> object:
    """The value at a dotted ``path`` in the claims (``realm_access.roles``), ``None`` if absent."""
    value: object = claims
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _reason(exc: Exception) -> str:
    if isinstance(exc, jwt.ExpiredSignatureError):
        return "it has expired; get a new one from the identity provider"
    if isinstance(exc, jwt.InvalidAudienceError):
        return "it is not meant for this service (wrong audience)"
    if isinstance(exc, jwt.InvalidIssuerError):
        return "it comes from another issuer than this service trusts"
    if isinstance(exc, jwt.MissingRequiredClaimError):
        return f"it lacks the claim {exc.claim!r}"
    if isinstance(exc, jwt.InvalidSignatureError):
        return "its signature does not match the identity provider's keys"
    if isinstance(exc, jwt.InvalidAlgorithmError):
        return "it is signed with an algorithm this service does not accept"
    if isinstance(exc, jwt.PyJWKClientError):
        return "it is signed with a key the identity provider does not publish"
    if isinstance(exc, jwt.DecodeError):
        return "it is not a well-formed JWT"
    return str(exc) or type(exc).__name__
