"""The web UI in Debian's Chromium (headless, driven by Playwright) against a real ``sealflow serve``.

One service per test module on a free loopback port and an empty SQLite instance; tests put what they
need through the REST API. Screenshots go to ``tests/web/artifacts/`` (git-ignored). Without a built
UI the tests fail with a message saying to run ``make setup``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from sealflow.config import Settings
from sealflow.service.web import STATIC_DIR
from service.conftest import running_service

CHROMIUM = os.environ.get("SEALFLOW_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(scope="session")
def built_ui() -> Path:
    """The UI build served by the service; fails (not skips) when it is missing."""
    index = STATIC_DIR / "index.html"
    if not index.is_file():
        pytest.fail(f"the web UI is not built ({index} is missing); run `make setup`", pytrace=False)
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}; run `make setup`", pytrace=False)
    return index


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """The Playwright driver, once per session."""
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(built_ui: Path, playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless; Playwright never downloads a browser of its own."""
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def ui_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a service on an empty SQLite instance, shared by the tests of a module."""
    home = tmp_path_factory.mktemp("ui")
    settings = Settings(db_url=f"sqlite:///{home}/sealflow.db", home=home, install_library=False)
    with running_service(settings) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def ui_api(ui_url: str) -> Iterator[httpx.Client]:
    """A REST client of the same service, to put test data in and check what the UI stored."""
    with httpx.Client(base_url=ui_url, timeout=60) as client:
        yield client


@pytest.fixture
def page(browser: Browser, ui_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser page on the service; console errors fail the test, a screenshot is kept."""
    context = browser.new_context(base_url=ui_url, viewport={"width": 1500, "height": 1000})
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-final.png"), full_page=True)
    context.close()
    assert not errors, f"errors in the page: {errors}"


@pytest.fixture
def shot(page: Page) -> Callable[[str], None]:
    """Keep a screenshot of the page as a test artifact: ``shot("name")``."""

    def take(name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    return take
