"""Every relative link in docs/ and README.md points at a file (and heading) that exists.

Some pages link to reference pages the site build generates from the code (the API, the
command line, the schemas); they are generated here first, as the build does.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _generate_reference_pages() -> None:
    generator = ROOT / "docs" / "_generate.py"
    if generator.is_file():
        sys.path.insert(0, str(generator.parent))
        try:
            importlib.import_module("_generate").main()
        finally:
            sys.path.remove(str(generator.parent))


_generate_reference_pages()
PAGES = [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "README.md"]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _anchors(page: Path) -> set[str]:
    """GitHub-style anchors of a page's headings."""
    anchors = set()
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            anchors.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return anchors


def _relative_links(page: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    return [link for link in LINK.findall(text) if not re.match(r"[a-z]+:", link)]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    for link in _relative_links(page):
        path, _, anchor = link.partition("#")
        target = (page.parent / path).resolve() if path else page
        assert target.exists(), f"{page.name}: {link} points at nothing"
        if anchor and target.suffix == ".md":
            assert anchor in _anchors(target), f"{page.name}: no heading #{anchor} in {path}"


def test_docs_index_links_every_section() -> None:
    links = set(_relative_links(ROOT / "docs" / "index.md"))
    assert {
        "tutorial.md",
        "how-to/index.md",
        "reference/index.md",
        "explanation/index.md",
    } <= links
