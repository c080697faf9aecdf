"""The SELECT check reads literals and comments the way each database does."""

from __future__ import annotations

import pytest

from sealflow.adapters.sqlcheck import check_select
from sealflow.errors import InvalidWiring


@pytest.mark.parametrize(
    ("sql", "dialect"),
    [
        ("SELECT 1;;", "sqlite"),
        ("(SELECT a FROM t) UNION (SELECT b FROM u)", "postgresql"),
        ("WITH x AS (SELECT 1 AS a) SELECT a FROM x", "mysql"),
        ("SELECT REPLACE(name, 'a', 'b') FROM t", "mysql"),
        ("SELECT 'it''s; DROP TABLE t' FROM t", "sqlite"),
        ("SELECT $x$ ; DELETE FROM t $x$", "postgresql"),
        ("SELECT E'\\' ; DELETE' FROM t", "postgresql"),
        ("SELECT '\\' ; DELETE' FROM t", "mysql"),
        ("SELECT /* a /* nested */ DELETE */ 1", "postgresql"),
        ("SELECT 1 # ; DELETE FROM t", "mysql"),
        ('SELECT "update" FROM t', "postgresql"),
        ("SELECT `delete` FROM t", "mysql"),
    ],
)
def test_a_single_select_passes(sql: str, dialect: str):
    assert check_select(sql, dialect) == sql.rstrip(";")


@pytest.mark.parametrize(
    ("sql", "dialect", "reason"),
    [
        ("SELECT '\\' ; DELETE FROM t; --'", "postgresql", "more than one statement"),
        ("SELECT /* a /* b */ 1; DELETE FROM t; /* */", "sqlite", "more than one statement"),
        ("SELECT 1 # ; DELETE FROM t", "postgresql", "more than one statement"),
        ("UPDATE t SET a = 1", "sqlite", "begins with 'UPDATE'"),
        ("SELECT * FROM t FOR SHARE", "postgresql", "locks rows"),
        ("SELECT * FROM t INTO OUTFILE '/tmp/x'", "mysql", "'INTO'"),
        ("/*M! DELETE FROM t */ SELECT 1", "mariadb", "executable comment"),
        ("SELECT 'open", "sqlite", "is not closed"),
        ("  ;  ", "sqlite", "empty"),
    ],
)
def test_anything_else_is_refused_with_the_reason(sql: str, dialect: str, reason: str):
    with pytest.raises(InvalidWiring, match=reason):
        check_select(sql, dialect)
