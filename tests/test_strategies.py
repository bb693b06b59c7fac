"""The public strategies honour their bounds and draw only valid objects."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import provenance as pv
from provenance import codec, validation
from provenance import strategies as pst

CONVERTER = codec.make_converter(accelerated=False)  # plain cattrs, not the hooks under test


def schema_problems_of(value: Any, name: str) -> tuple[pv.Problem, ...]:
    return validation.schema_problems(CONVERTER.unstructure(value), name)


@given(st.integers(min_value=0, max_value=3), st.integers(min_value=0, max_value=3), st.data())
def test_documents_honour_claim_source_and_hop_bounds(
    low: int, extra: int, data: st.DataObject
) -> None:
    high = low + extra
    max_sources = data.draw(st.integers(min_value=1, max_value=5), label="max_sources")
    max_hops = data.draw(st.integers(min_value=0, max_value=3), label="max_hops")
    document = data.draw(
        pst.documents(
            min_claims=low,
            max_claims=high,
            max_sources=max_sources,
            max_hops=max_hops,
            with_text=False,
        ),
        label="document",
    )
    assert low <= len(document.claims) <= high
    assert 1 <= len(document.sources) <= max_sources
    assert all(len(claim.attribution) <= max_hops for claim in document.claims)


@given(pst.documents(max_claims=3, with_text=True))
def test_with_text_gives_text_and_spans_pointing_at_their_words(document: pv.Document) -> None:
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


@given(pst.documents(max_claims=3, with_text=False))
def test_without_text_there_are_no_spans_but_a_digest(document: pv.Document) -> None:
    assert document.text is None
    assert document.text_sha256 is not None
    assert all(claim.span is None for claim in document.claims)
    assert all(hedge.span is None for claim in document.claims for hedge in claim.hedges)


@given(pst.documents(min_claims=1, max_claims=4))
def test_chains_never_start_at_the_publisher_or_repeat_a_source(document: pv.Document) -> None:
    for claim in document.claims:
        chain = [hop.source for hop in claim.attribution]
        assert document.publisher not in chain
        assert len(set(chain)) == len(chain)
        for hop in claim.attribution:
            assert hop.quote is not None or not hop.mode.is_quote


def test_documents_reach_every_interesting_case() -> None:
    """Over some draws the strategy produces each case a test suite should see."""
    seen: set[str] = set()

    @settings(derandomize=True, database=None, max_examples=100)
    @given(pst.documents(min_claims=1, max_claims=4))
    def collect(document: pv.Document) -> None:
        if document.text is not None and not document.text.isascii():
            seen.add("non-ASCII text")
        if document.text is not None and any(ord(c) > 0xFFFF for c in document.text):
            seen.add("astral characters")
        for claim in document.claims:
            seen.add(claim.status.value)
            if claim.inherits is not None:
                seen.add("inherits")
            if claim.status_override is not None:
                seen.add("override")
            if len(claim.attribution) >= 2:
                seen.add("chain of two")

    collect()
    assert {"non-ASCII text", "astral characters", "inherits", "override", "chain of two"} <= seen
    assert {"asserted", "attributed", "reported", "hedged", "disputed"} <= seen


@given(pst.claims(max_hops=2, max_hedges=1, max_reviews=1))
def test_claims_alone_honour_bounds_and_validate(claim: pv.Claim) -> None:
    assert len(claim.attribution) <= 2
    assert len(claim.hedges) <= 1
    assert len(claim.reviews) <= 1
    assert claim.span is None
    assert schema_problems_of(claim, "claim") == ()
    if claim.status_override is None:
        assert pv.status.derive_status(claim, {}).status is claim.status


@given(pst.sources())
def test_sources_alone_validate(source: pv.Source) -> None:
    assert schema_problems_of(source, "source") == ()


@given(pst.sources(kinds=[pv.SourceKind.VAGUE_REPORTS, pv.SourceKind.GENERIC]))
def test_sources_keep_to_the_kinds_asked_for(source: pv.Source) -> None:
    assert source.kind in (pv.SourceKind.VAGUE_REPORTS, pv.SourceKind.GENERIC)


@given(pst.hops())
def test_hops_alone_validate(hop: pv.Hop) -> None:
    assert schema_problems_of(hop, "hop") == ()


@given(pst.hops(quote_modes=True), pst.hops(quote_modes=False))
def test_hops_keep_to_the_modes_asked_for(quoted: pv.Hop, other: pv.Hop) -> None:
    assert quoted.mode.is_quote and quoted.quote is not None
    assert not other.mode.is_quote


@given(pst.hedges())
def test_hedges_alone_validate(hedge: pv.Hedge) -> None:
    assert schema_problems_of(hedge, "hedge") == ()


@given(pst.reviews())
def test_reviews_alone_validate(review: pv.Review) -> None:
    assert schema_problems_of(review, "review") == ()


@given(pst.spans(max_end=20))
def test_spans_stay_in_bounds(span: pv.Span) -> None:
    assert 0 <= span.start <= span.end <= 20


@given(pst.phrases(max_words=3))
def test_phrases_are_never_blank_nor_too_long(words: str) -> None:
    assert words.strip()
    assert len(words.split(" ")) <= 3
    assert pv.Excerpt(words).text == words


@given(pst.dates(), pst.languages(), pst.ids())
def test_small_values_match_the_schema_patterns(date: str, language: str, id_: str) -> None:
    defs = validation.schema("vocabulary")["$defs"]
    document = validation.schema("document")
    assert re.search(defs["date"]["pattern"], date)
    assert re.search(defs["id"]["pattern"], id_)
    assert re.search(document["properties"]["language"]["pattern"], language)


@pytest.mark.parametrize(
    "make",
    [
        lambda: pst.documents(min_claims=3, max_claims=2),
        lambda: pst.documents(min_claims=-1),
        lambda: pst.documents(max_sources=0),
        lambda: pst.documents(max_hops=-1),
        lambda: pst.documents(max_claims=1.5),  # type: ignore[arg-type]
        lambda: pst.documents(with_text="yes"),  # type: ignore[arg-type]
        lambda: pst.claims(max_hops=-1),
        lambda: pst.sources(kinds=[]),
        lambda: pst.spans(max_end=-1),
        lambda: pst.phrases(max_words=0),
    ],
)
def test_bad_bounds_are_refused_when_the_strategy_is_made(make: Any) -> None:
    with pytest.raises(InvalidArgument):
        make()


def test_the_package_does_not_import_hypothesis() -> None:
    code = (
        "import sys, provenance, provenance.cli, provenance.codec, provenance.builder\n"
        "assert 'provenance.strategies' not in sys.modules, 'strategies imported'\n"
        "assert 'hypothesis' not in sys.modules, 'hypothesis imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# -- the Hypothesis plugin: st.from_type finds the library's strategies -----------------------

MODEL_CLASSES = [
    pv.Document,
    pv.Claim,
    pv.Source,
    pv.Hop,
    pv.Hedge,
    pv.Review,
    pv.Span,
    pv.Excerpt,
    pv.Perspective,
    pv.Rating,
    pv.Evidence,
    pv.Drafting,
]


@pytest.mark.parametrize("kind", MODEL_CLASSES, ids=lambda kind: kind.__name__)
@settings(max_examples=25)
@given(data=st.data())
def test_from_type_draws_valid_objects_of_every_model_class(
    kind: type, data: st.DataObject
) -> None:
    value = data.draw(st.from_type(kind))
    assert isinstance(value, kind)
    assert schema_problems_of(value, kind.__name__.lower()) == ()
    if kind is pv.Document:
        assert pv.loads(pv.dumps(value)) == value


def test_the_plugin_registers_exactly_the_strategies_module_offers() -> None:
    offered = pst.from_type_strategies()
    assert set(offered) == set(MODEL_CLASSES)
