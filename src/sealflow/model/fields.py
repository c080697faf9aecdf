"""Constrained strings shared by the model: display names, tags and identifiers."""

from __future__ import annotations

import keyword
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

#: The characters allowed in names, categories, tags and descriptions. ``\w`` is Python's Unicode word
#: class, so models using these types validate with ``regex_engine="python-re"``.
VALID_CHARS = r"^[\w ,.\-()&+=/]+$"

ValidStr = Annotated[str, StringConstraints(pattern=VALID_CHARS, min_length=1)]
DescriptionStr = Annotated[str, StringConstraints(pattern=VALID_CHARS.replace("+$", "*$"))]
NameStr = Annotated[str, StringConstraints(pattern=VALID_CHARS, min_length=1, max_length=60)]


def _not_latest(tag: str) -> str:
    if tag.lower() == "latest":
        raise ValueError("'latest' is reserved for the newest released revision; choose another tag")
    return tag


VersionTag = Annotated[
    str,
    StringConstraints(pattern=VALID_CHARS, min_length=1, max_length=20),
    AfterValidator(_not_latest),
]


def check_identifier(name: str) -> str:
    """Accept ``name`` if it is a Python identifier and no keyword; it becomes a parameter name."""
    if not name.isidentifier() or keyword.iskeyword(name):
        raise ValueError(
            f"{name!r} is not a valid Python identifier (letters, digits, underscores; "
            "no leading digit; no keyword)"
        )
    return name


Identifier = Annotated[str, AfterValidator(check_identifier)]


def check_optional_identifier(name: str | None) -> str | None:
    """Accept an empty or missing name, else require an identifier."""
    if name is None or name == "":
        return name
    return check_identifier(name)


OptionalIdentifier = Annotated[str | None, AfterValidator(check_optional_identifier)]
