"""OpenID Connect bearer tokens, checked against a real JWKS served on a loopback port: signature,
expiry, audience and issuer are all enforced, and roles come from a configurable claim."""

from __future__ import annotations

import hmac
import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from hashlib import sha256
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from sealflow.errors import InvalidInput
from sealflow.service.app import create_app
from service.conftest import running_service

from .conftest import secured_settings

AUDIENCE = "sealflow-api"
KID = "test-key-1"


@dataclass
class IdentityProvider:
    """A discovery document and a JWKS on a loopback port, and a key to sign tokens with."""

    issuer: str
    key: rsa.RSAPrivateKey
    jwks_requests: list[str] = field(default_factory=list)

    def token(self, **overrides: Any) -> str:
        """A token signed with the provider's key; ``overrides`` replace or (as ``None``) drop claims."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": AUDIENCE,
            "sub": "user-1",
            "preferred_username": "ada",
            "iat": now,
            "exp": now + 300,
            "realm_access": {"roles": ["offline_access", "editor"]},
        }
        claims.update(overrides)
        claims = {name: value for name, value in claims.items() if value is not None}
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": KID})


def _jwk(key: rsa.RSAPrivateKey) -> dict[str, Any]:
    jwk: dict[str, Any] = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    return {**jwk, "kid": KID, "use": "sig", "alg": "RS256"}


@pytest.fixture(scope="module")
def provider() -> Iterator[IdentityProvider]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    state: dict[str, IdentityProvider] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            idp = state["idp"]
            if self.path == "/realms/main/.well-known/openid-configuration":
                body = {"issuer": idp.issuer, "jwks_uri": f"{idp.issuer}/protocol/openid-connect/certs"}
            elif self.path == "/realms/main/protocol/openid-connect/certs":
                idp.jwks_requests.append(self.path)
                body = {"keys": [_jwk(key)]}
            else:
                self.send_error(404)
                return
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state["idp"] = IdentityProvider(f"http://127.0.0.1:{server.server_address[1]}/realms/main", key)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state["idp"]
    server.shutdown()
    thread.join()
    server.server_close()


@pytest.fixture(scope="module")
def service(provider: IdentityProvider, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("oidc")
    settings = secured_settings(
        f"sqlite:///{home}/sealflow.db",
        home,
        oidc_issuer=provider.issuer,
        oidc_audience=AUDIENCE,
        oidc_roles_claim="realm_access.roles",
    )
    with running_service(settings) as url:
        yield url


def _get(service: str, token: str) -> httpx.Response:
    return httpx.get(f"{service}/api/transformations", headers={"Authorization": f"Bearer {token}"})


def test_a_valid_token_is_accepted_and_the_keys_are_fetched_once(service: str, provider: IdentityProvider):
    provider.jwks_requests.clear()

    answers = [_get(service, provider.token()) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert len(provider.jwks_requests) <= 1


def _other_key_token(provider: IdentityProvider) -> str:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    claims = {"iss": provider.issuer, "aud": AUDIENCE, "exp": int(time.time()) + 300}
    return jwt.encode(claims, other, algorithm="RS256", headers={"kid": KID})


def _public_key_as_hmac_secret(provider: IdentityProvider) -> str:
    pem = provider.key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    header = {"kid": KID, "alg": "HS256", "typ": "JWT"}
    claims = {"iss": provider.issuer, "aud": AUDIENCE, "exp": int(time.time()) + 300}
    segments = [jwt.utils.base64url_encode(json.dumps(part).encode()) for part in (header, claims)]
    signing_input = b".".join(segments)
    signature = jwt.utils.base64url_encode(hmac.new(pem, signing_input, sha256).digest())
    return (signing_input + b"." + signature).decode()


def _unsigned(provider: IdentityProvider) -> str:
    claims = {"iss": provider.issuer, "aud": AUDIENCE, "exp": int(time.time()) + 300}
    return jwt.encode(claims, None, algorithm="none", headers={"kid": KID})


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(lambda p: p.token(exp=int(time.time()) - 3600), "has expired", id="expired"),
        pytest.param(lambda p: p.token(exp=None), "lacks the claim 'exp'", id="no-exp"),
        pytest.param(lambda p: p.token(aud="another-service"), "wrong audience", id="wrong-audience"),
        pytest.param(lambda p: p.token(aud=None), "lacks the claim 'aud'", id="no-audience"),
        pytest.param(lambda p: p.token(iss="http://127.0.0.1:1/evil"), "another issuer", id="wrong-issuer"),
        pytest.param(lambda p: p.token(iss=None), "lacks the claim 'iss'", id="no-issuer"),
        pytest.param(_other_key_token, "signature does not match", id="other-key"),
        pytest.param(_public_key_as_hmac_secret, "algorithm", id="hs256-with-public-key"),
        pytest.param(_unsigned, "refused", id="alg-none"),
        pytest.param(lambda p: p.token()[:-8] + "AAAAAAAA", "refused", id="tampered-signature"),
    ],
)
def test_invalid_tokens_get_401_with_the_reason_and_are_not_logged(
    service: str, provider: IdentityProvider, make: Any, reason: str, caplog: pytest.LogCaptureFixture
):
    token = make(provider)

    with caplog.at_level(logging.INFO):
        response = _get(service, token)

    assert response.status_code == 401, response.text
    assert response.json()["error"] == "AuthenticationRequired"
    assert reason in response.json()["detail"]
    assert token not in caplog.text
    assert token.split(".")[1] not in caplog.text


def test_a_token_without_a_sealflow_role_gets_403(service: str, provider: IdentityProvider):
    response = _get(service, provider.token(realm_access={"roles": ["offline_access"]}))

    assert response.status_code == 403
    assert "no Sealflow role in the claim 'realm_access.roles'" in response.json()["detail"]


def test_the_role_in_the_claim_decides(service: str, provider: IdentityProvider):
    viewer = provider.token(realm_access={"roles": "viewer"})
    headers = {"Authorization": f"Bearer {viewer}"}

    read = httpx.get(f"{service}/api/transformations", headers=headers)
    delete = httpx.delete(
        f"{service}/api/transformations/{'0' * 8}-0000-4000-8000-{'0' * 12}", headers=headers
    )

    assert read.status_code == 200
    assert delete.status_code == 403
    assert (
        "needs the role 'editor'; your OpenID Connect token 'ada' has the role 'viewer'"
        in delete.json()["detail"]
    )


def test_an_issuer_without_an_audience_is_refused_at_startup(provider: IdentityProvider, tmp_path: Path):
    settings = secured_settings(f"sqlite:///{tmp_path}/s.db", tmp_path, oidc_issuer=provider.issuer)

    with pytest.raises(InvalidInput, match="SEALFLOW_OIDC_AUDIENCE"):
        create_app(settings)
