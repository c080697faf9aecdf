"""The code store: content-addressed, exact, append-only and verified on every read."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from sealflow.errors import CodeIntegrityError, CodeNotFound, InvalidInput
from sealflow.model.hashing import code_hash
from sealflow.store.database import Database
from sealflow.store.tables import CodeBlobRow
from store.factories import component


def tamper(database: Database, key: str, text: str) -> None:
    """Change a stored text behind the store's back, as a hand edit of the database would."""
    with database.session() as session:
        session.execute(update(CodeBlobRow).where(CodeBlobRow.hash == key).values(text=text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("def main():\n    return {}\n", id="plain"),
        pytest.param("", id="empty"),
        pytest.param("x = 1\r\ny = 2\r\n", id="crlf"),
        pytest.param("x = 1   \n\n\n", id="trailing-whitespace"),
        pytest.param("name = 'Größe ✓ 温度'\n", id="unicode"),
        pytest.param("\tindent = True\n", id="tab"),
    ],
)
def test_put_returns_the_sha256_and_get_returns_the_exact_text(database, text):
    key = database.code.put(text)
    assert key == code_hash(text)
    assert database.code.get(key) == text
    assert database.code.has(key)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00")))
def test_any_text_round_trips_byte_for_byte(database, text):
    assert database.code.get(database.code.put(text)).encode("utf-8") == text.encode("utf-8")


def test_putting_a_text_again_stores_it_once(database):
    first = database.code.put("a = 1\n")
    second = database.code.put("a = 1\n")
    assert first == second
    assert database.code.hashes() == {first}


def test_a_changed_text_gets_a_new_hash_and_the_old_text_stays(database):
    old = database.code.put("a = 1\n")
    new = database.code.put("a = 2\n")
    assert old != new
    assert database.code.get(old) == "a = 1\n"
    assert database.code.get(new) == "a = 2\n"


def test_put_with_an_expected_hash_that_does_not_match_is_refused(database):
    with pytest.raises(CodeIntegrityError, match="hashes to"):
        database.code.put("a = 1\n", expected_hash=code_hash("a = 2\n"))
    assert database.code.hashes() == set()


def test_putting_a_text_whose_hash_holds_another_text_is_refused(database):
    key = database.code.put("a = 1\n")
    tamper(database, key, "import os; os.remove('/')\n")
    with pytest.raises(CodeIntegrityError, match="changed outside Sealflow"):
        database.code.put("a = 1\n")


def test_a_tampered_text_is_detected_on_get(database):
    key = database.code.put("a = 1\n")
    tamper(database, key, "a = 666\n")
    with pytest.raises(CodeIntegrityError, match=key):
        database.code.get(key)


def test_a_tampered_component_cannot_be_read(database):
    tr = component()
    database.transformations.insert(tr)
    tamper(database, code_hash(tr.code()), "a = 666\n")
    with pytest.raises(CodeIntegrityError, match="restore the code store"):
        database.transformations.get(tr.id)


def test_get_of_an_unknown_hash_says_so(database):
    missing = code_hash("never stored")
    with pytest.raises(CodeNotFound, match=missing):
        database.code.get(missing)
    assert not database.code.has(missing)


def test_code_with_a_nul_character_is_refused_on_every_backend(database):
    with pytest.raises(InvalidInput, match="NUL character"):
        database.code.put("a = 1\x00\n")


def test_get_of_something_that_is_no_hash_is_invalid_input(database):
    with pytest.raises(InvalidInput, match="64 lowercase hex digits"):
        database.code.get("abc")


def test_purge_deletes_exactly_the_texts_nothing_refers_to(database):
    orphan = database.code.put("orphan = True\n")
    tr = component(code="v = 1\n")
    database.transformations.insert(tr)
    overwritten = code_hash("v = 1\n")
    database.transformations.update(tr.model_copy(update={"content": "v = 2\n"}))
    current = code_hash("v = 2\n")

    assert database.code.unreferenced() == sorted([orphan, overwritten])
    assert database.code.purge_unreferenced() == sorted([orphan, overwritten])
    assert database.code.hashes() == {current}
    assert database.code.purge_unreferenced() == []
    assert database.transformations.get(tr.id).content == "v = 2\n"


def test_purge_keeps_texts_that_a_deleted_revisions_sibling_still_uses(database):
    shared = "shared = True\n"
    first, second = component(code=shared), component(code=shared)
    database.transformations.insert(first)
    database.transformations.insert(second)
    database.transformations.delete(first.id)
    assert database.code.purge_unreferenced() == []
    database.transformations.delete(second.id)
    assert database.code.purge_unreferenced() == [code_hash(shared)]
