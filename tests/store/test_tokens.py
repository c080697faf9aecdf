"""API tokens in the database: only a hash is stored, revoked tokens are refused, names are checked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from sealflow.errors import Conflict, InvalidInput, NotFound
from sealflow.model.access import Role
from sealflow.store.database import Database
from sealflow.store.tokens import TokenRepository, token_hash


def test_a_created_token_authenticates_with_its_role_and_only_its_hash_is_stored(database: Database):
    tokens = TokenRepository(database)

    listed, text_ = tokens.create("ci-import", Role.EDITOR)

    assert text_.startswith("sf_")
    assert len(text_) >= 40
    found = tokens.authenticate(text_)
    assert found is not None
    assert (found.name, found.role, found.id) == ("ci-import", Role.EDITOR, listed.id)
    assert found.last_used_at is not None
    with database.engine.connect() as connection:
        stored = [
            tuple(row) for row in connection.execute(text("SELECT name, role, token_hash FROM api_tokens"))
        ]
    assert stored == [("ci-import", "editor", token_hash(text_))]
    assert all(text_ not in str(value) for row in stored for value in row)


def test_unknown_and_revoked_tokens_are_refused(database: Database):
    tokens = TokenRepository(database)
    _, text_ = tokens.create("laptop", Role.VIEWER)

    revoked = tokens.revoke("laptop")

    assert revoked.revoked_at is not None
    assert tokens.authenticate(text_) is None
    assert tokens.authenticate("sf_" + "x" * 43) is None
    assert tokens.authenticate("not-a-token") is None
    assert [token.name for token in tokens.list()] == ["laptop"]
    assert tokens.revoke(str(revoked.id)).revoked_at == revoked.revoked_at


def test_last_use_is_written_at_most_once_a_minute(database: Database):
    tokens = TokenRepository(database)
    _, text_ = tokens.create("busy", Role.VIEWER)
    first = tokens.authenticate(text_)
    assert first is not None
    assert first.last_used_at is not None

    again = tokens.authenticate(text_, now=first.last_used_at + timedelta(seconds=30))
    later = tokens.authenticate(text_, now=first.last_used_at + timedelta(minutes=2))

    assert again is not None
    assert again.last_used_at == first.last_used_at
    assert later is not None
    assert later.last_used_at == first.last_used_at + timedelta(minutes=2)


@pytest.mark.parametrize("name", ["", "a b", "../x", "-lead", "x" * 65, "naïve"])
def test_bad_names_are_refused(database: Database, name: str):
    with pytest.raises(InvalidInput, match="token name"):
        TokenRepository(database).create(name, Role.VIEWER)


def test_a_name_is_taken_once_and_unknown_names_cannot_be_revoked(database: Database):
    tokens = TokenRepository(database)
    tokens.create("ci", Role.VIEWER)

    with pytest.raises(Conflict, match="'ci' exists already"):
        tokens.create("ci", Role.ADMIN)
    with pytest.raises(NotFound, match="sealflow tokens list"):
        tokens.revoke("nobody")
