from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance import codec
from provenance.errors import InvalidValue, UnreadableText
from provenance.extraction import TOOL, Extractor, Lexicon, benchmark_words_per_second, extract
from provenance.model import Claim, Document
from provenance.vocabulary import AttributionMode, HedgeCategory, Plurality, SourceKind

SEED = "seed/oan-2025-06-11-kosovo-deportees.txt"


def assert_spans_match(document: Document) -> None:
    text = document.text or ""
    for claim in document.claims:
        assert claim.span is not None
        assert text[claim.span.start : claim.span.end] == claim.text
        for hop in claim.attribution:
            for excerpt in (hop.cue, hop.mention):
                if excerpt is not None and excerpt.span is not None:
                    assert text[excerpt.span.start : excerpt.span.end] == excerpt.text
        for hedge in claim.hedges:
            assert hedge.span is not None
            assert text[hedge.span.start : hedge.span.end] == hedge.text


def claim_with(document: Document, words: str) -> Claim:
    found = [claim for claim in document.claims if words in claim.text]
    assert len(found) == 1, f"{len(found)} claims contain {words!r}"
    return found[0]


@pytest.fixture
def seed(corpus_dir: Path) -> Document:
    text = (corpus_dir / SEED).read_text(encoding="utf-8")
    return extract(text, publisher="One America News", document_id="oan-kosovo")


def test_seed_lead_claim_is_sourced_to_vague_multiple_reports(seed: Document) -> None:
    sources = {s.id: s for s in seed.sources}
    claim = claim_with(seed, "The Republic of Kosovo has agreed to take in")
    assert len(claim.attribution) == 1
    origin = sources[claim.attribution[0].source]
    assert origin.kind is SourceKind.VAGUE_REPORTS
    assert origin.descriptor == "multiple reports"
    assert origin.plurality is Plurality.SEVERAL


def test_seed_kosovo_statement_is_a_direct_quote_via_reuters(seed: Document) -> None:
    sources = {s.id: s for s in seed.sources}
    claim = claim_with(seed, "The government has expressed its readiness")
    reuters, government = (sources[hop.source] for hop in claim.attribution)
    assert (reuters.kind, reuters.name) == (SourceKind.PUBLICATION, "Reuters")
    assert government.kind is SourceKind.NAMED_ORGANIZATION
    assert "Kosovo government" in (government.name or "")
    origin = claim.attribution[-1]
    assert origin.mode is AttributionMode.DIRECT_QUOTE
    assert origin.medium == "statement"
    assert origin.quote is not None and origin.quote.startswith("The government has expressed")


def test_seed_state_department_quotes_share_the_fox_news_chain(seed: Document) -> None:
    sources = {s.id: s for s in seed.sources}
    first = claim_with(seed, "grateful to our partner Kosovo")
    second = claim_with(seed, "We welcome cooperation")
    for claim in (first, second):
        fox, spokesperson = (sources[hop.source] for hop in claim.attribution)
        assert (fox.kind, fox.name) == (SourceKind.PUBLICATION, "Fox News")
        assert spokesperson.kind is SourceKind.UNNAMED_INDIVIDUAL
        assert spokesperson.affiliation is not None
        assert sources[spokesperson.affiliation].name == "U.S. State Department"
    assert [h.source for h in first.attribution] == [h.source for h in second.attribution]
    assert first.attribution[-1].mode is AttributionMode.PARTIAL_QUOTE
    assert second.attribution[-1].mode is AttributionMode.DIRECT_QUOTE
    assert second.attribution[-1].mention is not None
    assert second.attribution[-1].mention.text == "the spokesman"
    assert second.inherits == first.id


def test_seed_analysts_are_an_unnamed_group_telling_the_press(seed: Document) -> None:
    sources = {s.id: s for s in seed.sources}
    claim = claim_with(seed, "more serious attempt to stop illegal migration")
    (hop,) = claim.attribution
    analysts = sources[hop.source]
    assert analysts.kind is SourceKind.UNNAMED_GROUP
    assert analysts.descriptor == "UK-based political analysts"
    assert analysts.plurality is Plurality.SEVERAL
    assert hop.recipient == "the press"


def test_seed_hedges_carry_their_categories(seed: Document) -> None:
    hedges = [(h.text, h.category) for claim in seed.claims for h in claim.hedges]
    assert ("remains up in the air", HedgeCategory.UNRESOLVED) in hedges
    assert ("remains unclear", HedgeCategory.UNRESOLVED) in hedges
    assert ("it is presumed", HedgeCategory.DOXASTIC) in hedges
    assert hedges.count(("expected to", HedgeCategory.PROSPECTIVE)) == 2
    unresolved = claim_with(seed, "remains up in the air")
    assert unresolved.attribution == ()
    assert unresolved.status.value == "unresolved"


def test_seed_unattributed_text_is_asserted_by_the_publisher_and_footer_left_out(
    seed: Document,
) -> None:
    bordered = claim_with(seed, "Kosovo is bordered by Albania")
    assert bordered.attribution == ()
    assert bordered.status.value == "asserted"
    assert not [c for c in seed.claims if "Subscribe here" in c.text]
    assert not [c for c in seed.claims if "James Meyers" in c.text]


def test_seed_draft_validates_and_is_marked_as_drafted(seed: Document) -> None:
    assert seed.drafted_by is not None
    assert seed.drafted_by.tool == TOOL
    assert seed.drafted_by.created is not None
    assert_spans_match(seed)
    assert codec.loads(codec.dumps(seed)) == seed


def test_speaker_then_quote_and_quote_then_speaker() -> None:
    text = 'Smith said: "We will win." "They lost," the coach added.'
    document = extract(text)
    sources = {s.id: s for s in document.sources}
    first = claim_with(document, "We will win")
    second = claim_with(document, "They lost")
    assert sources[first.attribution[-1].source].name == "Smith"
    assert first.attribution[-1].mode is AttributionMode.DIRECT_QUOTE
    assert second.attribution[-1].mention is not None
    assert second.attribution[-1].mention.text == "the coach"


def test_a_quote_over_two_paragraphs_is_one_content() -> None:
    text = "\u201cFirst part of it.\n\n\u201cSecond part of it,\u201d the mayor said."
    document = extract(text)
    claim = claim_with(document, "Second part")
    assert claim.text.startswith("\u201cFirst part")
    assert claim.attribution[-1].mode is AttributionMode.DIRECT_QUOTE


def test_nominal_cue_and_according_to_chain() -> None:
    document = extract(
        "Reports emerged that the plant closed. The plant closed, the firm said in a "
        "statement, according to Reuters."
    )
    sources = {s.id: s for s in document.sources}
    reported = claim_with(document, "that the plant closed")
    (hop,) = reported.attribution
    assert sources[hop.source].kind is SourceKind.VAGUE_REPORTS
    assert hop.mode is AttributionMode.REPORTED
    chained = [c for c in document.claims if c.text == "The plant closed"]
    (claim,) = chained
    assert [sources[h.source].label for h in claim.attribution] == ["Reuters", "the firm"]
    assert claim.attribution[-1].medium == "statement"


def only_attribution(text: str) -> tuple[str, str, str]:
    """Return (mention, cue, content) words of the one attributed claim of ``text``."""
    (claim,) = [c for c in extract(text).claims if c.attribution]
    (hop,) = claim.attribution
    assert hop.mention is not None and hop.cue is not None
    return hop.mention.text, hop.cue.text, claim.text


def test_an_infinitive_cue_joins_its_governing_verb() -> None:
    assert only_attribution("D'Souza went on to explain that the Clintons were rich.") == (
        "D'Souza",
        "went on to explain",
        "that the Clintons were rich",
    )
    assert only_attribution("Her directors continued to assure her that it was worth it.")[:2] == (
        "Her directors",
        "continued to assure",
    )


def test_a_title_case_headline_verb_is_a_cue() -> None:
    assert only_attribution("Bellwether County Says Trump Should Win GOP Nomination.") == (
        "Bellwether County",
        "Says",
        "Trump Should Win GOP Nomination",
    )


def test_a_named_poll_after_in_is_a_source() -> None:
    mention, cue, content = only_attribution(
        "In a CBS News poll released Monday, 50 percent of respondents chose Clinton."
    )
    assert (mention, cue) == ("a CBS News poll released Monday", "In")
    assert content == "50 percent of respondents chose Clinton"
    assert all(not c.attribution for c in extract("He leads in the polls by ten points.").claims)


def test_a_tally_or_rubric_before_a_colon_is_no_speaker() -> None:
    for text in ("Clinton: 547.\n", "The Latest: Sanders wins Minnesota caucuses.\n"):
        assert all(not c.attribution for c in extract(text).claims)
    (claim,) = extract("Sanders: Endorsements prove Clinton is establishment.\n").claims
    assert claim.attribution[0].mention is not None
    assert claim.attribution[0].mention.text == "Sanders"


def test_a_user_lexicon_extends_the_rules() -> None:
    text = "The minister intoned that taxes will fall."
    assert all(not c.attribution for c in extract(text).claims)
    extra = Lexicon.from_mapping({"verbs": {"paraphrase": ["intone"]}})
    claims = extract(text, lexicon=Lexicon.default().extended(extra)).claims
    (claim,) = claims
    assert claim.attribution[0].cue is not None
    assert claim.attribution[0].cue.text == "intoned"


def test_empty_text_gives_an_empty_draft() -> None:
    document = extract("")
    assert document.claims == ()
    assert codec.loads(codec.dumps(document)) == document


def test_ten_megabytes_on_one_line_is_refused_clearly() -> None:
    with pytest.raises(UnreadableText, match="too long"):
        extract("word " * 2_000_000)


def test_binary_junk_is_refused_clearly() -> None:
    with pytest.raises(UnreadableText, match="binary"):
        extract("PK\x03\x04\x00\x00 junk")


def test_a_long_single_line_with_unbalanced_quotes_and_mixed_scripts_is_drafted() -> None:
    unit = (
        'He said "this \u201cnever ends \u0416\u0438\u0437\u043d\u044c '
        "\u4e2d\u6587 \u0639\u0631\u0628\u064a \U0001f600 "
    )
    text = unit * 5000  # 250 KB, one line, no sentence end, quotes never closed
    document = Extractor().extract(text)
    assert_spans_match(document)


WORDS = [
    "said",
    "says",
    "told",
    "according",
    "to",
    "Reuters",
    "the",
    "official",
    "he",
    "She",
    "reportedly",
    "expected",
    "remains",
    "unclear",
    ",",
    ".",
    ":",
    '"',
    "\u201c",
    "\u201d",
    "''",
    "\n",
    "\n\n",
    "Mr.",
    "U.S.",
    "that",
    "It",
    "is",
    "presumed",
    "\u2014",
    "added",
    "\u0416",
    "\u4e2d",
    "x",
    "?",
    "(",
    ")",
]


@given(st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join))
def test_every_span_indexes_the_exact_text(text: str) -> None:
    document = extract(text)
    assert_spans_match(document)
    ids = [claim.id for claim in document.claims]
    assert len(ids) == len(set(ids))


@given(st.text(max_size=300))
def test_any_text_is_drafted_or_refused_clearly(text: str) -> None:
    try:
        document = extract(text)
    except UnreadableText:
        return
    assert_spans_match(document)


def test_the_speed_measure_reads_every_text_file_of_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match="no words"):
        benchmark_words_per_second(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Trump said taxes would fall.\n", encoding="utf-8")
    assert benchmark_words_per_second(tmp_path, repeats=2) > 0
