"""Names and tags of persisted objects: one safe path segment or key part each.

An object is stored at ``<name>/<tag>``, locally as a path below the store's directory and on S3 as a key
below its prefix, so both must be unable to point anywhere else: an allowed name is ASCII letters,
digits, ``.``, ``_`` and ``-``, begins with a letter or digit (so never ``.``, ``..`` or a hidden file)
and has no ``/``, ``\\``, NUL, space, drive letter or other control. The tag ``latest`` is reserved: it
loads the newest tag of a name and cannot be stored.
"""

from __future__ import annotations

import re

from sealflow.errors import InvalidInput

LATEST = "latest"
"""The tag that loads the newest stored tag of a name."""

NAME_MAX = 128
TAG_MAX = 64

_ALLOWED = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*", re.ASCII)
_RULE = "letters, digits, '.', '_' and '-', beginning with a letter or digit"


def check_name(name: object) -> str:
    """``name`` if it is an allowed object name; ``InvalidInput`` saying what to change otherwise."""
    return _check(name, "name", NAME_MAX)


def is_valid_name(name: str) -> bool:
    """Whether ``name`` is an allowed object name."""
    return len(name) <= NAME_MAX and _ALLOWED.fullmatch(name) is not None


def check_tag(tag: object) -> str:
    """``tag`` if it is an allowed tag (``latest`` included); ``InvalidInput`` otherwise."""
    return _check(tag, "tag", TAG_MAX)


def check_new_tag(tag: object) -> str:
    """``tag`` if an object may be stored under it: an allowed tag other than ``latest``."""
    checked = check_tag(tag)
    if checked == LATEST:
        raise InvalidInput(
            f"the tag {LATEST!r} is reserved: it loads the newest stored tag; store the object under a "
            "tag of its own, e.g. a version or a date like '2026-01-31'"
        )
    return checked


def _check(value: object, what: str, limit: int) -> str:
    if not isinstance(value, str):
        raise InvalidInput(f"an object {what} must be a string, not a {type(value).__name__}")
    if not value:
        raise InvalidInput(f"the object {what} is empty; give one of {_RULE}")
    if len(value) > limit:
        raise InvalidInput(
            f"the object {what} {value[:20]!r}... has {len(value)} characters; use at most {limit}"
        )
    if _ALLOWED.fullmatch(value) is None:
        raise InvalidInput(f"the object {what} {value!r} is not allowed; use only {_RULE}")
    return value
