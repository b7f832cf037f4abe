"""Fixtures for export and browser tests: the hand-written sample graph, and a headless
Debian Chromium driven by Playwright (skipped, with the reason, only if chromium is absent)."""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

import pytest

from kg.store import add_documents

SAMPLE = Path(__file__).parent / "sample.trig"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture
def sample_store() -> ox.Store:
    store = ox.Store()
    add_documents(store, ox.parse(path=str(SAMPLE), format=ox.RdfFormat.TRIG))
    return store


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (apt-get install -y chromium); CI installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class LoadedPage:
    page: object
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def open_explorer(browser):
    """Open an explorer page from disk, recording console errors and every request made,
    and wait until its layout has settled."""
    pages = []

    def _open(path: Path) -> LoadedPage:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        pages.append(page)
        loaded = LoadedPage(page)
        page.on("console", lambda m: loaded.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: loaded.errors.append(str(e)))
        page.on("request", lambda r: loaded.requests.append(r.url))
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.kgExplorer && window.kgExplorer.stabilized", timeout=60000)
        return loaded

    yield _open
    for page in pages:
        page.close()
