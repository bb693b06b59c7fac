"""End-to-end: the seed article's report in headless Chromium.

Needs the Debian ``chromium`` package (``.ci/system-packages`` installs it) and
the ``playwright`` Python package (the ``browser`` extra; its own browser
download is never used). Skips with a clear message when either is missing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    for candidate in (os.environ.get("PROVENANCE_CHROMIUM"), *CHROMIUM_CANDIDATES):
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium")
    if found is None:
        pytest.skip(
            "Chromium not found (/usr/bin/chromium): install the Debian package 'chromium' "
            "(.ci/system-packages does) to run the browser test"
        )
    return found


@pytest.fixture
def browser_page(tmp_path: Path) -> Any:
    executable = _chromium()
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="the 'playwright' package is not installed: pip install 'claim-provenance[browser]'",
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1360, "height": 1700})
            page = context.new_page()
            yield page
        finally:
            browser.close()


def test_seed_report_in_chromium(
    browser_page: Any, seed_document: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from provenance.html import render_document

    report = tmp_path / "seed-report.html"
    report.write_text(render_document(seed_document), encoding="utf-8")

    page = browser_page
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    page.on(
        "console",
        lambda message: (
            errors.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )

    def refuse(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", refuse)
    page.goto(report.as_uri())

    # The lead claim: reported, chain to "multiple reports".
    lead = page.locator('button.badge[data-claim="kosovo-takes-deportees"]')
    assert "reported" in lead.inner_text().lower()
    lead.click()
    panel = page.locator("#claim-kosovo-takes-deportees")
    assert panel.is_visible()
    assert _chain(panel) == ["One America News Network", "multiple reports"]
    assert page.locator("#claim-kosovo-statement").is_hidden()

    # The Kosovo government quote: chosen with the keyboard (Tab focus, then Enter).
    badge = page.locator('button.badge[data-claim="kosovo-statement"]')
    badge.focus()
    page.keyboard.press("Enter")
    panel = page.locator("#claim-kosovo-statement")
    assert panel.is_visible()
    assert _chain(panel) == ["One America News Network", "Reuters", "Government of Kosovo"]
    assert badge.get_attribute("aria-pressed") == "true"

    # The State Department quotes: Fox News, then the unnamed spokesperson.
    for claim_id in ("state-department-grateful", "state-department-welcome"):
        page.locator(f'button.badge[data-claim="{claim_id}"]').click()
        panel = page.locator(f"#claim-{claim_id}")
        assert panel.is_visible()
        chain = _chain(panel)
        assert chain[:2] == ["One America News Network", "Fox News"]
        assert "spokesperson" in chain[2]
        kinds = panel.locator("svg.chain g.node").evaluate_all(
            "nodes => nodes.map(n => n.getAttribute('class'))"
        )
        assert "k-unnamed" in kinds[2]

    # Clicking highlighted text selects the claim under it.
    page.locator('.seg[data-claims~="kosovo-takes-deportees"]').first.click()
    assert page.locator("#claim-kosovo-takes-deportees").is_visible()

    # PROVENANCE_SCREENSHOT_DIR keeps the screenshot somewhere lasting (CI sets it).
    shots = Path(os.environ.get("PROVENANCE_SCREENSHOT_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / "seed-report.png"
    page.locator('button.badge[data-claim="state-department-grateful"]').click()
    page.screenshot(path=str(shot), full_page=True)
    with capsys.disabled():  # shown even when the test passes
        print(f"\nscreenshot of the seed report: {shot}")
    assert shot.stat().st_size > 10_000

    remote = [url for url in requests if not url.startswith(("file:", "data:"))]
    assert remote == [], f"the page made network requests: {remote}"
    assert errors == [], f"the page raised script errors: {errors}"


def _chain(panel: Any) -> list[str]:
    labels: list[str] = panel.locator("svg.chain g.node").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('data-source'))"
    )
    return labels
