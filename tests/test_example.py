"""The worked example: the seed article's record, built by examples/build_seed_record.py.

The hand-written expectations below are the real check: they say, claim by
claim, what the article gives (see DESIGN.md, "The worked example"). Comparing
with the committed JSON only guards against the script and the file drifting
apart.
"""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path
from types import ModuleType

import pytest

import provenance as pv

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NAME = "oan-2025-06-11-kosovo-deportees"
SCRIPT = EXAMPLES / "build_seed_record.py"
ARTICLE = EXAMPLES / f"{NAME}.txt"
RECORD = EXAMPLES / f"{NAME}.json"

S = pv.ConfidenceStatus
M = pv.AttributionMode
H = pv.HedgeCategory
K = pv.SourceKind


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_seed_record", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_seed_record", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def document() -> pv.Document:
    built: pv.Document = _script().build_document()
    return built


def claim_with(document: pv.Document, words: str) -> pv.Claim:
    """The one claim whose text contains ``words``."""
    found = [claim for claim in document.claims if words in claim.text]
    assert len(found) == 1, f"{len(found)} claims contain {words!r}"
    return found[0]


def chain(document: pv.Document, claim: pv.Claim) -> list[tuple[str, M]]:
    return [(document.source(hop.source).label, hop.mode) for hop in claim.attribution]


# -- The record as committed --------------------------------------------------------------


def test_script_output_equals_committed_record(document: pv.Document) -> None:
    assert pv.load(RECORD) == document


def test_script_writes_the_committed_file_byte_for_byte(tmp_path: Path) -> None:
    target = tmp_path / "record.json"
    assert _script().main(["--output", str(target)]) == 0
    assert target.read_bytes() == RECORD.read_bytes()


def test_stdout_mode_prints_the_record(capsys: pytest.CaptureFixture[str]) -> None:
    assert _script().main(["--stdout"]) == 0
    assert pv.loads(capsys.readouterr().out) == pv.load(RECORD)


def test_shipped_article_is_the_corpus_seed(corpus_dir: Path) -> None:
    seed = corpus_dir / "seed" / f"{NAME}.txt"
    assert ARTICLE.read_bytes() == seed.read_bytes()


# -- The document as a whole --------------------------------------------------------------


def test_record_holds_the_full_text_and_byline(document: pv.Document) -> None:
    with open(ARTICLE, encoding="utf-8", newline="") as handle:
        assert document.text == handle.read()
    assert document.published == "2025-06-11T10:36"
    assert document.language == "en"
    publisher = document.source(document.publisher)
    assert (publisher.kind, publisher.name) == (K.PUBLICATION, "One America News Network")
    [author] = [document.source(a) for a in document.authors]
    assert (author.kind, author.name, author.affiliation) == (
        K.NAMED_PERSON,
        "James Meyers",
        document.publisher,
    )


# How each of the article's 14 sentences begins (byline, dateline and footer left out).
SENTENCE_OPENINGS = (
    "The Republic of Kosovo has agreed",
    "Kosovo is bordered",
    "The latest announcement",
    "\u201cThe government has expressed",
    "Last week, reports",
    "It also comes after",
    "According to Fox News",
    "\u201cWe welcome cooperation",
    "Although it is presumed",
    "In May, the UK",
    "The move is being considered",
    "In 2022, Denmark",
    "They are expected",
    "That agreement is also",
    "Stay informed!",  # the footer: where the last sentence ends
)


def _body_sentences(text: str) -> list[tuple[int, int]]:
    starts = [text.index(opening) for opening in SENTENCE_OPENINGS]
    assert starts == sorted(starts)
    return list(itertools.pairwise(starts))


def test_every_sentence_of_the_body_holds_a_claim(document: pv.Document) -> None:
    assert document.text is not None
    sentences = _body_sentences(document.text)
    assert len(sentences) == 14
    for start, end in sentences:
        inside = [
            c for c in document.claims if c.span and start <= c.span.start and c.span.end <= end
        ]
        assert inside, f"no claim in {document.text[start:end]!r}"


def test_no_claim_comes_from_byline_dateline_or_footer(document: pv.Document) -> None:
    assert document.text is not None
    body_start = document.text.index("The Republic of Kosovo")
    body_end = document.text.index("Stay informed!")
    for claim in document.claims:
        assert claim.span is not None
        assert body_start <= claim.span.start and claim.span.end <= body_end


def test_every_recorded_excerpt_stands_in_the_text(document: pv.Document) -> None:
    text = document.text
    assert text is not None
    for claim in document.claims:
        assert claim.span is not None
        assert text[claim.span.start : claim.span.end] == claim.text
        for hop in claim.attribution:
            for excerpt in (hop.cue, hop.mention):
                if excerpt is not None:
                    assert excerpt.span is not None
                    assert text[excerpt.span.start : excerpt.span.end] == excerpt.text
        for hedge in claim.hedges:
            assert hedge.span is not None
            assert text[hedge.span.start : hedge.span.end] == hedge.text


# -- Claim by claim -----------------------------------------------------------------------


def test_lead_rests_on_multiple_reports(document: pv.Document) -> None:
    claim = claim_with(document, "has agreed to take in at least 50 illegal immigrants")
    assert chain(document, claim) == [("multiple reports", M.ACCORDING_TO)]
    source = document.source(claim.attribution[0].source)
    assert (source.kind, source.plurality) == (K.VAGUE_REPORTS, pv.Plurality.SEVERAL)
    assert claim.attribution[0].date == "2025-06-11"
    assert claim.status is S.REPORTED


def test_kosovo_statement_two_hops_through_reuters(document: pv.Document) -> None:
    claim = claim_with(document, "The government has expressed its readiness")
    assert chain(document, claim) == [
        ("Reuters", M.ACCORDING_TO),
        ("Government of Kosovo", M.DIRECT_QUOTE),
    ]
    reuters, government = claim.attribution
    assert "http://www.wikidata.org/entity/Q130879" in document.source("reuters").same_as
    assert government.medium == "statement"
    assert government.quote == claim.text
    assert government.quote.endswith("the rule of law and public order")
    assert government.mention is not None and government.mention.text == "the Kosovo government"
    assert government.cue is not None and government.cue.text == "said in a statement"
    # the "according to" of this sentence, not the lead's
    assert reuters.cue is not None and reuters.cue.span is not None
    assert claim.span is not None and reuters.cue.span.start > claim.span.end
    assert document.source("kosovo-government").kind is K.NAMED_ORGANIZATION
    assert claim.status is S.ATTRIBUTED
    assert claim.hedges == ()


def test_reports_came_to_light_is_vague(document: pv.Document) -> None:
    claim = claim_with(document, "pushing Balkan nations")
    [hop] = claim.attribution
    assert document.source(hop.source).kind is K.VAGUE_REPORTS
    assert hop.cue is not None and hop.cue.text == "came to light"
    assert claim.status is S.REPORTED


def test_up_in_the_air_is_unresolved(document: pv.Document) -> None:
    claim = claim_with(document, "Haiti, Cuba, Venezuela, and Nicaragua")
    assert claim.attribution == ()
    [hedge] = claim.hedges
    assert (hedge.text, hedge.category, hedge.source) == (
        "remains up in the air",
        H.UNRESOLVED,
        None,
    )
    assert hedge.factuality is pv.Factuality.UNDERSPECIFIED
    assert claim.status is S.UNRESOLVED


def test_state_department_spokesperson_via_fox_news(document: pv.Document) -> None:
    claim = claim_with(document, "grateful to our partner Kosovo")
    assert [hop.source for hop in claim.attribution] == ["fox-news", "state-spokesperson"]
    fox, spokesperson = claim.attribution
    assert fox.mode is M.ACCORDING_TO
    assert spokesperson.mode is M.PARTIAL_QUOTE
    assert spokesperson.quote is not None
    assert spokesperson.quote.startswith("grateful to our partner Kosovo")
    assert "the U.S. is" not in spokesperson.quote  # the publisher's words are not quoted
    assert spokesperson.quote in claim.text
    source = document.source("state-spokesperson")
    assert source.kind is K.UNNAMED_INDIVIDUAL
    assert source.descriptor == "a U.S. State Department spokesperson"
    assert source.affiliation is not None
    organisation = document.source(source.affiliation)
    assert organisation.kind is K.NAMED_ORGANIZATION
    assert organisation.descriptor == "U.S. State Department"
    assert "http://www.wikidata.org/entity/Q186068" in document.source("fox-news").same_as
    # an unnamed origin: the decision table's R13, whatever its affiliation
    assert claim.status is S.REPORTED


def test_spokesman_added_inherits_the_chain(document: pv.Document) -> None:
    first = claim_with(document, "grateful to our partner Kosovo")
    claim = claim_with(document, "We welcome cooperation")
    assert claim.inherits == first.id
    assert [h.source for h in claim.attribution] == [h.source for h in first.attribution]
    last = claim.attribution[-1]
    assert last.mode is M.DIRECT_QUOTE
    assert (
        last.quote
        == claim.text
        == ("We welcome cooperation on this key Trump Administration priority")
    )
    assert last.mention is not None and last.mention.text == "the spokesman"
    assert last.cue is not None and last.cue.text == "added"
    assert claim.status is S.REPORTED


def test_presumed_but_unclear_has_two_hedges(document: pv.Document) -> None:
    claim = claim_with(document, "will fund third-party countries")
    assert claim.attribution == ()
    by_text = {hedge.text: hedge for hedge in claim.hedges}
    assert set(by_text) == {"it is presumed", "remains unclear"}
    presumed = by_text["it is presumed"]
    assert presumed.category is H.DOXASTIC
    assert presumed.factuality is pv.Factuality.PROBABLE_POSITIVE
    assert presumed.source is not None
    assert document.source(presumed.source).kind is K.GENERIC
    unclear = by_text["remains unclear"]
    assert (unclear.category, unclear.source, unclear.factuality) == (
        H.UNRESOLVED,
        None,
        pv.Factuality.UNDERSPECIFIED,
    )
    # unresolved (R7) outranks the presumption's hedged (R9)
    assert claim.status is S.UNRESOLVED


def test_uk_is_a_named_origin_with_no_intermediary(document: pv.Document) -> None:
    claim = claim_with(document, "return hubs")
    [hop] = claim.attribution
    assert document.source(hop.source).kind is K.NAMED_ORGANIZATION
    assert hop.mention is not None and hop.mention.text == "the UK"
    assert hop.date == "2025-05"
    assert claim.status is S.ATTRIBUTED


def test_uk_analysts_told_the_press(document: pv.Document) -> None:
    claim = claim_with(document, "more serious attempt to stop illegal migration")
    [hop] = claim.attribution
    analysts = document.source(hop.source)
    assert (analysts.kind, analysts.plurality) == (K.UNNAMED_GROUP, pv.Plurality.SEVERAL)
    assert analysts.descriptor == "UK-based political analysts"
    assert (hop.mode, hop.recipient) == (M.TOLD, "the press")
    assert claim.status is S.REPORTED


@pytest.mark.parametrize(
    "words",
    [
        "Kosovo is bordered by Albania",
        "Supreme Court authorized lifting",
        "Denmark and Kosovo made an agreement",
        "made moves for third-party countries",
        "promise of mass deportations",
        "with El Salvador",
    ],
)
def test_publisher_alone(document: pv.Document, words: str) -> None:
    claim = claim_with(document, words)
    assert claim.attribution == ()
    assert claim.hedges == ()
    assert claim.status is S.ASSERTED


@pytest.mark.parametrize("words", ["expected to be deported after their sentences", "$217 million"])
def test_expected_to_is_prospective(document: pv.Document, words: str) -> None:
    claim = claim_with(document, words)
    assert claim.attribution == ()
    [hedge] = claim.hedges
    assert (hedge.text, hedge.category, hedge.source) == ("expected to", H.PROSPECTIVE, None)
    assert hedge.factuality is pv.Factuality.PROBABLE_POSITIVE
    assert (
        pv.Perspective("oan", pv.Factuality.PROBABLE_POSITIVE, pv.Temporality.FUTURE)
        in claim.factuality
    )
    assert claim.span is not None and hedge.span is not None
    assert claim.span.start <= hedge.span.start < claim.span.end  # this sentence's cue
    assert claim.status is S.HEDGED


def test_no_status_is_overridden(document: pv.Document) -> None:
    for claim in document.claims:
        assert claim.status_override is None
        assert claim.status is pv.status.derive_status(claim, document).status
