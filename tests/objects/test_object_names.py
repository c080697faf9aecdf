"""Names and tags of persisted objects: what is allowed, and that nothing allowed leaves its directory."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sealflow.errors import InvalidInput
from sealflow.store.objects import check_name, check_new_tag, check_tag


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("model", id="word"),
        pytest.param("Pump_Model-2", id="mixed"),
        pytest.param("1.0.0", id="version"),
        pytest.param("2026-01-31", id="date"),
        pytest.param("a", id="one-character"),
        pytest.param("v1.", id="trailing-dot"),
        pytest.param("a..b", id="inner-dots"),
        pytest.param("x" * 64, id="longest-tag"),
    ],
)
def test_allowed_names_and_tags(value: str):
    assert check_name(value) == value
    assert check_tag(value) == value
    assert check_new_tag(value) == value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param("", "is empty", id="empty"),
        pytest.param(".", "not allowed", id="dot"),
        pytest.param("..", "not allowed", id="dot-dot"),
        pytest.param("../model", "not allowed", id="parent"),
        pytest.param("a/../../b", "not allowed", id="nested-parent"),
        pytest.param("a/b", "not allowed", id="slash"),
        pytest.param("/etc/passwd", "not allowed", id="absolute"),
        pytest.param("a\\b", "not allowed", id="backslash"),
        pytest.param("..\\..\\windows", "not allowed", id="windows-parent"),
        pytest.param("C:", "not allowed", id="drive"),
        pytest.param("C:\\model", "not allowed", id="drive-path"),
        pytest.param("\\\\server\\share", "not allowed", id="unc"),
        pytest.param("a\x00b", "not allowed", id="nul"),
        pytest.param("model\n", "not allowed", id="trailing-newline"),
        pytest.param("a\tb", "not allowed", id="tab"),
        pytest.param("my model", "not allowed", id="space"),
        pytest.param(" model", "not allowed", id="leading-space"),
        pytest.param(".ssh", "not allowed", id="hidden"),
        pytest.param("-rf", "not allowed", id="leading-dash"),
        pytest.param("_private", "not allowed", id="leading-underscore"),
        pytest.param("~root", "not allowed", id="tilde"),
        pytest.param("%2e%2e", "not allowed", id="percent-encoded"),
        pytest.param("s3://bucket/key", "not allowed", id="url"),
        pytest.param("modèle", "not allowed", id="non-ascii"),
        pytest.param("a\uff0fb", "not allowed", id="fullwidth-slash"),
        pytest.param("a\u2215b", "not allowed", id="division-slash"),
        pytest.param("x" * 129, "use at most 128", id="too-long"),
        pytest.param(5, "must be a string", id="number"),
        pytest.param(None, "must be a string", id="none"),
    ],
)
def test_refused_names(value: Any, message: str):
    with pytest.raises(InvalidInput, match=message):
        check_name(value)
    with pytest.raises(InvalidInput):
        check_tag(value)


def test_tags_are_shorter_than_names():
    check_name("x" * 128)
    with pytest.raises(InvalidInput, match="use at most 64"):
        check_tag("x" * 65)


def test_latest_can_be_loaded_but_not_stored():
    assert check_tag("latest") == "latest"
    with pytest.raises(InvalidInput, match=r"'latest' is reserved.*tag of its own"):
        check_new_tag("latest")


@given(st.text(max_size=40) | st.from_regex(r"[A-Za-z0-9./\\_-]{1,12}", fullmatch=True))
def test_an_allowed_name_is_one_plain_path_segment(value: str):
    try:
        check_name(value)
    except InvalidInput:
        return
    assert value.isascii()
    assert value.isprintable()
    assert value not in {".", ".."}
    for pure in (PurePosixPath, PureWindowsPath):
        path = pure("root", value)
        assert path.parent == pure("root")
        assert path.name == value
        assert not pure(value).is_absolute()
        assert not pure(value).drive
