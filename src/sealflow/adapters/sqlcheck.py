"""Checking that a SQL text is one read-only SELECT before it is sent to a database.

The text is split into words and punctuation the way the database reads it: string literals (with the
backslash escapes of MySQL and MariaDB, and PostgreSQL's ``E'...'`` and ``$tag$...$tag$``), quoted
identifiers and comments are skipped, so a keyword hidden in a literal neither refuses nor admits a query.
MySQL's executable comments (``/*! ... */``) are refused outright. The check is the first line of defence;
the adapter also runs every query in a read-only transaction.
"""

from __future__ import annotations

import re
from typing import Final

from sealflow.errors import InvalidWiring

_WORD: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
_DOLLAR_TAG: Final = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$")
_WRITING: Final = frozenset(
    {
        "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "CREATE", "DROP", "ALTER", "TRUNCATE", "RENAME",
        "GRANT", "REVOKE", "COPY", "CALL", "EXEC", "EXECUTE", "DO", "LOCK", "UNLOCK", "INTO", "SET",
        "PRAGMA", "ATTACH", "DETACH", "VACUUM", "REINDEX", "ANALYZE", "HANDLER", "LOAD", "OUTFILE",
        "DUMPFILE", "COMMIT", "ROLLBACK", "SAVEPOINT", "BEGIN", "START", "REPLACE", "PREPARE",
        "DEALLOCATE", "LISTEN", "NOTIFY", "REFRESH", "CLUSTER", "COMMENT", "SECURITY", "KILL", "SHUTDOWN",
    }
)  # fmt: skip
_LOCKING: Final = frozenset({"UPDATE", "SHARE", "NO", "KEY"})


def check_select(sql: str, dialect: str) -> str:
    """``sql`` without trailing semicolons if it is one SELECT; ``InvalidWiring`` saying why not otherwise.

    ``dialect`` is the SQLAlchemy dialect name; it decides how literals and comments are read.
    """
    tokens = _tokens(sql, mysql=dialect in ("mysql", "mariadb"), postgres=dialect == "postgresql")
    while tokens and tokens[-1] == ";":
        tokens.pop()
    if not tokens:
        raise _refused("it is empty")
    if ";" in tokens:
        raise _refused("it holds more than one statement; send a single SELECT without ';' between")
    first = next((token for token in tokens if token != "("), "")
    if first not in ("SELECT", "WITH", "VALUES"):
        raise _refused(f"it begins with {first or tokens[0]!r}; only a SELECT (or WITH ... SELECT) is run")
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if token in _WRITING and following != "(":
            raise _refused(f"it contains {token!r}; only reading queries are run")
        if token == "FOR" and following in _LOCKING:
            raise _refused("it locks rows (FOR UPDATE / FOR SHARE); only reading queries are run")
    return sql.rstrip().rstrip(";").rstrip()


def _refused(reason: str) -> InvalidWiring:
    return InvalidWiring(f"SQL query refused: {reason}. Give one SELECT statement in the filter sql_query")


def _tokens(sql: str, *, mysql: bool, postgres: bool) -> list[str]:
    """Upper-cased words and single punctuation characters of ``sql``; literals and comments left out."""
    tokens: list[str] = []
    position, end = 0, len(sql)
    while position < end:
        char = sql[position]
        rest = sql[position : position + 3]
        if char.isspace():
            position += 1
        elif rest.startswith("--") or (char == "#" and mysql):
            newline = sql.find("\n", position)
            position = end if newline < 0 else newline + 1
        elif rest.startswith("/*"):
            if rest in ("/*!", "/*M") or sql.startswith("/*M!", position):
                raise _refused("it contains an executable comment (/*! ... */)")
            position = _skip_block_comment(sql, position, nested=postgres)
        elif char in "'\"`":
            position = _skip_quoted(sql, position, char, escapes=mysql and char != "`")
        elif postgres and char in "eE" and sql.startswith("'", position + 1):
            position = _skip_quoted(sql, position + 1, "'", escapes=True)
        elif char == "$" and (tag := _DOLLAR_TAG.match(sql, position)) and postgres:
            closing = sql.find(tag.group(0), tag.end())
            if closing < 0:
                raise _refused(f"the dollar-quoted string {tag.group(0)} is not closed")
            position = closing + len(tag.group(0))
        elif word := _WORD.match(sql, position):
            tokens.append(word.group(0).upper())
            position = word.end()
        else:
            tokens.append(char)
            position += 1
    return tokens


def _skip_quoted(sql: str, start: int, quote: str, *, escapes: bool) -> int:
    """The position after the literal or quoted name opening at ``start``."""
    position = start + 1
    while position < len(sql):
        char = sql[position]
        if escapes and char == "\\":
            position += 2
            continue
        if char == quote:
            if sql.startswith(quote, position + 1):
                position += 2
                continue
            return position + 1
        position += 1
    raise _refused(f"a {quote}-quoted text opened at character {start + 1} is not closed")


def _skip_block_comment(sql: str, start: int, *, nested: bool) -> int:
    """The position after the block comment opening at ``start`` (PostgreSQL nests them)."""
    depth, position = 0, start
    while position < len(sql):
        if sql.startswith("/*", position) and (nested or depth == 0):
            depth += 1
            position += 2
        elif sql.startswith("*/", position):
            depth -= 1
            position += 2
            if depth == 0:
                return position
        else:
            position += 1
    raise _refused(f"a comment opened at character {start + 1} is not closed")
