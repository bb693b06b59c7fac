"""The HTML report: escaping, self-containment, overlapping claims, the seed page, the CLI."""

from __future__ import annotations

import json
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance import (
    AttributionMode,
    Claim,
    ConfidenceStatus,
    Document,
    Excerpt,
    Hedge,
    HedgeCategory,
    Hop,
    Review,
    Source,
    SourceKind,
    Span,
    Verdict,
    dump,
    write_jsonl,
)
from provenance.builder import DocumentBuilder
from provenance.cli import main
from provenance.html import (
    CorpusView,
    FindingView,
    LoopView,
    document_page,
    render_document,
    render_index,
    script_json,
)
from provenance.html._page import segments

pytest.importorskip(
    "jinja2", reason="the report needs Jinja2: pip install 'claim-provenance[report]'"
)

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class Page(HTMLParser):
    """Collects every element (tag, attributes), script bodies and the text under <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.article_text: list[str] = []
        self.text: list[str] = []
        self._stack: list[str] = []
        self._script: tuple[dict[str, str | None], list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "script":
            self._script = (attributes, [])
        if tag not in ("meta", "br", "img", "input", "link", "path", "line", "rect", "circle"):
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)
            return
        self.text.append(data)
        if "article" in self._stack:
            self.article_text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def hostile_document() -> Document:
    text = f"Intro {HOSTILE} said the <b>mayor</b>. Then </script><!-- more & less."
    builder = DocumentBuilder(
        id="hostile",
        text=text,
        title=f"Title {HOSTILE}",
        url="javascript:alert(1)",
        publisher=Source("pub", SourceKind.PUBLICATION, name=f"Pub {HOSTILE}"),
    )
    builder.add_source(Source("mayor", SourceKind.NAMED_PERSON, name="<b>mayor</b></script>"))
    builder.add_source(Source("checker", SourceKind.PUBLICATION, name="Checker & Co"))
    builder.claim(
        "c1",
        HOSTILE,
        attribution=[Hop("mayor", AttributionMode.TOLD, cue=Excerpt("said"))],
        reviews=[
            Review(
                "checker",
                Verdict.FALSE,
                label="<i>Pants</i> on Fire",
                url="javascript:alert(2)",
            )
        ],
    )
    builder.claim("c2", "</script><!-- more & less.")
    return builder.build()


def test_record_html_and_script_show_as_text() -> None:
    document = hostile_document()
    finding = FindingView("R<1>", "warning", "msg <script>x</script>", "why <b>", claim="c1")
    html = render_document(document, [finding])
    page = parse(html)

    tags = [tag for tag, _ in page.elements]
    assert "img" not in tags
    assert "b" in tags  # only our own <b> elements: check none holds the injected text
    assert all(not name.startswith("on") for _, attrs in page.elements for name in attrs)
    # Our two scripts only: the JSON data and the inline program, neither with a src.
    assert len(page.scripts) == 2
    assert all("src" not in attrs for attrs, _ in page.scripts)
    program = next(body for attrs, body in page.scripts if attrs.get("type") is None)
    assert "alert" not in program

    # The article element holds the text (with the claims' status buttons between runs).
    article = "".join(page.article_text)
    for piece in ("Intro ", HOSTILE, " said the <b>mayor</b>. Then ", "</script><!-- more & less."):
        assert piece in article
    shown = "".join(page.text)
    for literal in (
        f"Title {HOSTILE}",
        f"Pub {HOSTILE}",
        "<i>Pants</i> on Fire",
        "msg <script>x</script>",
        "why <b>",
        "javascript:alert(1)",
    ):
        assert literal in shown
    # A javascript: address is shown, never linked.
    hrefs = [attrs.get("href") or "" for tag, attrs in page.elements if tag == "a"]
    assert not any(href.lower().startswith("javascript:") for href in hrefs)


def test_embedded_data_survives_script_breaking_text() -> None:
    document = hostile_document()
    page = parse(render_document(document, []))
    data_scripts = [body for attrs, body in page.scripts if attrs.get("type") == "application/json"]
    assert len(data_scripts) == 1
    data = json.loads(data_scripts[0])
    assert [claim["text"] for claim in data["claims"]] == [HOSTILE, "</script><!-- more & less."]


@given(st.recursive(st.text() | st.integers() | st.booleans(), lambda inner: st.lists(inner)))
def test_script_json_round_trips_and_cannot_close_the_script(value: Any) -> None:
    text = script_json(value)
    assert json.loads(text) == value
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in text


def test_script_json_escapes_known_breakouts() -> None:
    text = script_json({"a": "</script><!--x-->&\u2028\u2029"})
    assert text == '{"a":"\\u003c/script\\u003e\\u003c!--x--\\u003e\\u0026\\u2028\\u2029"}'


def test_page_fetches_nothing() -> None:
    builder = DocumentBuilder(
        id="plain",
        text="Officials said the bridge will open.",
        url="https://example.org/article",
        publisher=Source("pub", SourceKind.PUBLICATION, name="Pub"),
    )
    builder.add_source(Source("officials", SourceKind.UNNAMED_GROUP, descriptor="Officials"))
    builder.claim(
        "open",
        "the bridge will open",
        attribution=[Hop("officials", AttributionMode.PARAPHRASE, cue=Excerpt("said"))],
    )
    html = render_document(builder.build(), [])
    page = parse(html)
    for tag, attrs in page.elements:
        assert tag not in ("link", "iframe", "img", "object", "embed", "video", "audio")
        assert "src" not in attrs and "srcset" not in attrs
        href = attrs.get("href")
        if href is not None and tag == "a":
            assert href == "https://example.org/article"
            assert "noopener" in (attrs.get("rel") or "")
    assert "@import" not in html
    # Every url(...) reference is to a marker inside the page.
    rest = html
    while "url(" in rest:
        rest = rest[rest.index("url(") + 4 :]
        assert rest.startswith("#")


# --- overlapping claims ---


@st.composite
def spanned_documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(alphabet="ab <>&\n", min_size=1, max_size=40))
    count = draw(st.integers(0, 6))
    claims = []
    for index in range(count):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        claims.append(
            Claim(
                id=f"c{index}",
                text=text[start:end],
                span=Span(start, end),
                status=draw(st.sampled_from(list(ConfidenceStatus))),
            )
        )
    return Document(
        id="d",
        publisher="pub",
        text=text,
        sources=[Source("pub", SourceKind.PUBLICATION, name="Pub")],
        claims=claims,
    )


@given(spanned_documents())
def test_segments_cover_the_text_and_know_their_claims(document: Document) -> None:
    assert document.text is not None
    runs = segments(document)
    assert "".join(run.text for run in runs) == document.text
    at = 0
    for run in runs:
        end = at + len(run.text)
        if run.text:
            expected = {
                claim.id
                for claim in document.claims
                if claim.span is not None and claim.span.start <= at and claim.span.end >= end
            }
            assert set(run.claims) == expected
            if run.claims:
                inner = document.claim(run.claims[0])
                assert inner.span is not None
                assert all(
                    inner.span.end - inner.span.start
                    <= (other.span.end - other.span.start if other.span else 0)
                    for other in (document.claim(c) for c in run.claims)
                )
        at = end
    badges = [badge.claim for run in runs for badge in run.badges]
    assert sorted(badges) == sorted(claim.id for claim in document.claims)


def test_nested_claims_render_with_both_badges() -> None:
    builder = DocumentBuilder(
        id="nested",
        text="He said the plan, which costs $5, is fine.",
        publisher=Source("pub", SourceKind.PUBLICATION, name="Pub"),
    )
    builder.claim("outer", "the plan, which costs $5, is fine")
    builder.claim("inner", "which costs $5")
    runs = segments(builder.build())
    assert [(run.text, run.claims) for run in runs] == [
        ("He said ", ()),
        ("the plan, ", ("outer",)),
        ("which costs $5", ("inner", "outer")),
        (", is fine", ("outer",)),
        (".", ()),
    ]
    assert [badge.claim for badge in runs[1].badges] == ["outer"]
    assert [badge.claim for badge in runs[2].badges] == ["inner"]


# --- the seed article ---


def test_seed_page_shows_the_worked_chains(seed_document: Document) -> None:
    page = document_page(seed_document)
    claims = {claim.id: claim for claim in page.claims}

    lead = claims["kosovo-takes-deportees"]
    assert lead.style.word == "reported"
    assert [node.label for node in lead.chain.nodes] == [
        "One America News Network",
        "multiple reports",
    ]
    assert lead.chain.nodes[-1].kind_class == "vague"

    readiness = claims["kosovo-statement"]
    assert [node.label for node in readiness.chain.nodes] == [
        "One America News Network",
        "Reuters",
        "Government of Kosovo",
    ]
    assert [node.kind_class for node in readiness.chain.nodes] == ["named"] * 3
    assert [edge.mode for edge in readiness.chain.edges] == ["according_to", "direct_quote"]

    for claim_id in ("state-department-grateful", "state-department-welcome"):
        nodes = claims[claim_id].chain.nodes
        assert [node.label for node in nodes[:2]] == ["One America News Network", "Fox News"]
        assert nodes[2].label == "a U.S. State Department spokesperson"
        assert nodes[2].kind_class == "unnamed"
    assert claims["state-department-welcome"].inherits == "state-department-grateful"


def test_seed_summary_counts(seed_document: Document) -> None:
    summary = document_page(seed_document).summary
    counts = {style.status: count for style, count in summary.by_status}
    assert sum(counts.values()) == summary.claims == len(seed_document.claims)
    named = sum(
        1
        for claim in seed_document.claims
        if claim.origin is not None and seed_document.source(claim.origin.source).kind.is_named
    )
    assert summary.named_origins == named


def test_hedges_and_cues_are_marked_in_the_text() -> None:
    builder = DocumentBuilder(
        id="marks",
        text="It is presumed the deal will pass, officials said.",
        publisher=Source("pub", SourceKind.PUBLICATION, name="Pub"),
    )
    builder.add_source(Source("officials", SourceKind.UNNAMED_GROUP, descriptor="officials"))
    builder.claim(
        "deal",
        "the deal will pass",
        attribution=[
            Hop(
                "officials",
                AttributionMode.PARAPHRASE,
                cue=Excerpt("said"),
                mention=Excerpt("officials"),
            )
        ],
        hedges=[Hedge("presumed", HedgeCategory.DOXASTIC)],
    )
    runs = {run.text: run for run in segments(builder.build())}
    assert runs["presumed"].mark_kinds == ("hedge",)
    assert runs["said"].mark_kinds == ("cue",)
    assert runs["officials"].mark_kinds == ("mention",)


# --- index page ---


def test_index_draws_loops_and_escapes_names() -> None:
    document = hostile_document()
    view = document_page(document, [])
    corpus = CorpusView(
        findings=(FindingView("CIRC", "error", "loop of <3> outlets", "", document="hostile"),),
        loops=(LoopView(("A <x>", "B", "C"), claim="the <claim>"),),
    )
    page = parse(render_index([(view, "hostile.html")], corpus, [("bad.json", "not <json>")]))
    circles = [attrs for tag, attrs in page.elements if tag == "circle"]
    lines = [attrs for tag, attrs in page.elements if tag == "line"]
    assert len(circles) == 3 and len(lines) == 3
    shown = "".join(page.text)
    for literal in (
        "A <x>",
        "loop of <3> outlets",
        "the <claim>",
        "not <json>",
        f"Title {HOSTILE}",
    ):
        assert literal in shown
    assert page.scripts == []
    links = [attrs.get("href") for tag, attrs in page.elements if tag == "a"]
    assert links == ["hostile.html"]


# --- command line ---


def small_document(document_id: str = "doc-1") -> Document:
    builder = DocumentBuilder(
        id=document_id,
        text="Reuters reported that the port reopened.",
        publisher=Source("pub", SourceKind.PUBLICATION, name="Pub"),
    )
    builder.add_source(Source("reuters", SourceKind.PUBLICATION, name="Reuters"))
    builder.claim(
        "port",
        "the port reopened",
        attribution=[Hop("reuters", AttributionMode.REPORTED, cue=Excerpt("reported"))],
    )
    return builder.build()


def test_cli_one_record_gives_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = tmp_path / "doc.json"
    dump(small_document(), record)
    out = tmp_path / "doc.html"
    assert main(["report", str(record), "-o", str(out)]) == 0
    page = parse(out.read_text(encoding="utf-8"))
    assert "the port reopened" in "".join(page.article_text)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.html", "doc.json"]


def test_cli_many_records_give_an_index_and_keep_going(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "docs.jsonl"
    write_jsonl([small_document("doc-1"), small_document("doc:2")], lines)
    with lines.open("a", encoding="utf-8") as handle:
        handle.write('{"not": "a record"}\n')
    out = tmp_path / "site"
    assert main(["report", str(lines), "-o", str(out)]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["doc-1.html", "doc_2.html", "index.html"]
    index = parse((out / "index.html").read_text(encoding="utf-8"))
    assert [a.get("href") for tag, a in index.elements if tag == "a"] == [
        "doc-1.html",
        "doc_2.html",
    ]
    assert f"{lines}:3" in "".join(index.text)
    err = capsys.readouterr().err
    assert f"{lines}:3: invalid record" in err
    assert "Traceback" not in err
    # A second run replaces the folder whole; no temporary folders are left behind.
    assert main(["report", str(lines), "-o", str(out)]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs.jsonl", "site"]


def test_cli_refuses_a_folder_that_is_not_a_report(tmp_path: Path) -> None:
    record = tmp_path / "doc.json"
    dump(small_document(), record)
    out = tmp_path / "busy"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["report", str(record), str(record), "-o", str(out)]) == 2
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_cli_missing_input_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(tmp_path / "nope.json"), "-o", str(tmp_path / "x.html")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_cli_without_jinja_says_how_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from provenance.html import _render as render

    record = tmp_path / "doc.json"
    dump(small_document(), record)
    render._environment.cache_clear()
    monkeypatch.setitem(sys.modules, "jinja2", None)
    try:
        assert main(["report", str(record), "-o", str(tmp_path / "x.html")]) == 2
    finally:
        render._environment.cache_clear()
    err = capsys.readouterr().err
    assert "pip install 'claim-provenance[report]'" in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.html").exists()
