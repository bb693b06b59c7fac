"""Saved web pages in: the claims of the article's text, no markup, the page's metadata kept."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from provenance.cli import main
from provenance.errors import MissingDependency
from tests.fuzz.pages import news_page

pytest.importorskip("trafilatura")

ARTICLE = (
    Path(__file__).resolve().parent.parent / "examples" / "oan-2025-06-11-kosovo-deportees.txt"
)
TEXT = ARTICLE.read_text(encoding="utf-8")
PAGE = news_page(
    TEXT,
    title="Kosovo agrees to take in deportees",
    site="One America News",
    author="James Meyers",
    date="2025-06-11",
    url="https://www.oann.com/newsroom/kosovo-deportees/",
)


def _claims(document: object) -> list[str]:
    return [" ".join(claim.text.split()) for claim in document.claims]  # type: ignore[attr-defined]


def test_a_saved_page_drafts_the_claims_of_its_text_without_markup(tmp_path: Path) -> None:
    from provenance.cli.extract import draft
    from provenance.extraction import Extractor

    page = tmp_path / "kosovo.html"
    page.write_text(PAGE, encoding="utf-8")
    from_page = draft(Extractor(), page)
    from_text = Extractor().extract(TEXT)
    assert _claims(from_page) == _claims(from_text)
    for claim in from_page.claims:
        assert "<" not in claim.text and "&#" not in claim.text and "&amp;" not in claim.text
    assert from_page.text is not None and "<p>" not in from_page.text
    for claim in from_page.claims:  # spans index the extracted text, which the record keeps
        assert claim.span is not None
        assert from_page.text[claim.span.start : claim.span.end] == claim.text


def test_the_page_metadata_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "kosovo.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(page)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == "Kosovo agrees to take in deportees"
    assert record["url"] == "https://www.oann.com/newsroom/kosovo-deportees/"
    assert record["published"] == "2025-06-11"
    assert record["extensions"]["webpage"]["author"] == "James Meyers"
    assert any(source.get("name") == "One America News" for source in record["sources"])


def test_a_folder_of_pages_is_drafted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_text(PAGE, encoding="utf-8")
    (folder / "b.htm").write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(folder), "-o", str(tmp_path / "out")]) == 0
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["a.json", "b.json"]


def test_without_the_extra_a_page_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from provenance.webpage import read_webpage

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if not installed
    with pytest.raises(MissingDependency, match=r"claim-provenance\[html\]"):
        read_webpage(PAGE)
    page = tmp_path / "kosovo.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(page)]) == 2
    captured = capsys.readouterr()
    assert "claim-provenance[html]" in captured.err
    assert captured.out == ""


def test_a_page_without_an_article_is_unreadable_text() -> None:
    from provenance.errors import UnreadableText
    from provenance.webpage import read_webpage

    with pytest.raises(UnreadableText):
        read_webpage("<html><head><title>x</title></head><body></body></html>")


def test_report_reads_a_saved_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("jinja2")
    page = tmp_path / "kosovo.html"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["report", str(page), "-o", str(out)]) == 0
    assert "Kosovo" in out.read_text(encoding="utf-8")
