"""Undisclosed reuse (provenance.reuse) and the pipeline that hands it to the audit."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import provenance as pv
from provenance import reuse
from provenance.corpus import Corpus

K = pv.SourceKind

_WORDS = [
    "the",
    "ministry",
    "said",
    "on",
    "Monday",
    "that",
    "talks",
    "with",
    "the",
    "delegation",
    "would",
    "resume",
    "next",
    "week",
    "in",
    "the",
    "capital",
    "after",
    "a",
    "pause",
    "of",
    "several",
    "months",
    "while",
    "officials",
    "reviewed",
    "the",
    "proposal",
    "and",
    "its",
    "cost",
    "to",
    "the",
    "budget",
    "which",
    "critics",
    "called",
    "too",
    "high",
    "for",
    "a",
    "country",
    "facing",
    "a",
    "slowing",
    "economy",
]


def article(seed: int, words: int = 120) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) + ("." if rng.random() < 0.1 else "") for _ in range(words))


def text_document(id: str, text: str, published: str | None = None) -> pv.Document:
    return pv.Document(
        id=id,
        publisher="pub",
        text=text,
        published=published,
        sources=[pv.Source("pub", K.PUBLICATION, name=f"Outlet {id}")],
    )


def test_a_copy_is_found_with_its_share() -> None:
    original = article(1)
    copy = "Our correspondent writes: " + original + " More on this story later today."
    found = list(
        reuse.find_reuse(
            [
                text_document("wire", original, "2025-04-07"),
                text_document("copy", copy, "2025-04-08"),
                text_document("other", article(2)),
            ]
        )
    )
    assert [(r.copy, r.original) for r in found] == [("copy", "wire")]
    assert found[0].share == 1.0
    assert found[0].copy_share < 1.0
    assert "holds 100% of the word 5-grams of wire" in found[0].description
    assert reuse.copy_pairs(found) == (("copy", "wire"),)


def test_without_dates_the_document_adding_text_is_the_copy() -> None:
    original = article(3)
    found = list(
        reuse.find_reuse(
            [text_document("b", original), text_document("a", original + " " + article(4, 40))]
        )
    )
    assert [(r.copy, r.original) for r in found] == [("a", "b")]


def test_the_page_without_the_wire_credit_is_the_copy_even_below_the_threshold() -> None:
    # The relay keeps the wire's dateline; the copy drops it, cuts a third of the story and
    # adds text of its own, so it holds less than half of the relay's grams. The credit
    # says which is which (without it, the one adding text would be called the copy anyway,
    # but the relay holds most of the copy, so the pair is found at all).
    story = article(20, 150).split()
    relay = "MOSCOW (Reuters) - " + " ".join(story)
    copy = " ".join(story[:70]) + " " + article(21, 20)
    docs = [text_document("relay", relay), text_document("copy", copy)]
    (found,) = reuse.find_reuse(docs)
    assert (found.copy, found.original) == ("copy", "relay")
    assert found.share < 0.5 <= found.copy_share
    # The credit settles the direction whichever way the shares lean.
    swapped = [
        text_document("relay", "MOSCOW (Reuters) - " + copy),
        text_document("copy", " ".join(story)),
    ]
    (found,) = reuse.find_reuse(swapped)
    assert (found.copy, found.original) == ("copy", "relay")


def test_a_wire_named_in_both_or_neither_leaves_the_shares_to_decide() -> None:
    original = article(22)
    longer = original + " " + article(23, 40)
    for prefix in ("", "(Reuters) "):
        docs = [text_document("b", prefix + original), text_document("a", prefix + longer)]
        assert [(r.copy, r.original) for r in reuse.find_reuse(docs)] == [("a", "b")]
    # The wires are data: a user's own list replaces the gazetteer's agencies.
    docs = [text_document("b", original), text_document("a", "(Wire X) " + longer)]
    own = reuse.ReuseConfig(wires=("Wire X",))
    assert [(r.copy, r.original) for r in reuse.find_reuse(docs, own)] == [("b", "a")]


@given(
    seed=st.integers(0, 10_000),
    kept=st.integers(40, 150),
    added=st.integers(0, 80),
    wire=st.sampled_from(["Reuters", "AP", "AFP", "Xinhua"]),
    relay_first=st.booleans(),
)
def test_property_the_page_crediting_the_wire_is_never_called_the_copy(
    seed: int, kept: int, added: int, wire: str, relay_first: bool
) -> None:
    story = article(seed, 150).split()
    relay = text_document("relay", f"MOSCOW ({wire}) - " + " ".join(story))
    copy = text_document("copy", " ".join(story[:kept]) + " " + article(seed + 1, added))
    docs = [relay, copy] if relay_first else [copy, relay]
    for found in reuse.find_reuse(docs):
        assert (found.copy, found.original) == ("copy", "relay")


def test_a_partial_copy_below_the_threshold_is_not_reported() -> None:
    original = article(5).split()
    half = " ".join(original[:40]) + " " + article(6, 80)
    docs = [
        text_document("a", " ".join(original), "2025-01-01"),
        text_document("b", half, "2025-01-02"),
    ]
    assert list(reuse.find_reuse(docs)) == []
    assert [r.copy for r in reuse.find_reuse(docs, reuse.ReuseConfig(threshold=0.3))] == ["b"]


def test_stock_phrases_pair_nobody() -> None:
    stock = "this story has been updated with more details from the ministry"
    docs = [text_document(f"d{i}", f"{article(10 + i)} {stock}") for i in range(4)]
    assert list(reuse.find_reuse(docs, reuse.ReuseConfig(max_documents=3))) == []


def test_gram_entries_are_stable_and_sorted() -> None:
    doc = text_document("a", article(7))
    entries = list(reuse.gram_entries([doc]))
    assert entries == sorted(entries)
    assert {e.gram for e in entries} == reuse.document_grams(doc)


@given(st.permutations(range(4)))
def test_property_reuse_is_independent_of_order(order: list[int]) -> None:
    base = article(8)
    docs = [
        text_document("w", base, "2025-01-01"),
        text_document("x", base + " and more", "2025-01-02"),
        text_document("y", article(9)),
        text_document("z", "Update: " + base),
    ]
    first = list(reuse.find_reuse(docs))
    assert list(reuse.find_reuse([docs[i] for i in order])) == first


def test_the_audit_reports_reuse_and_reads_it_back() -> None:
    pytest.importorskip("datasketch")
    pytest.importorskip("rapidfuzz")
    from provenance import audit_text, codec, pipeline

    base = article(11)
    docs = [
        text_document("wire", base, "2025-04-07"),
        text_document("copy", base + " " + article(12, 20), "2025-04-08"),
    ]
    run = pipeline.run(Corpus(docs))
    (found,) = run.report.corpus.reuse
    assert (found.copy, found.original) == ("copy", "wire")
    text = audit_text.render_text(run.report)
    assert "undisclosed reuse: copy holds 100% of the word 5-grams of wire" in text
    back = codec.loads_audit(codec.dumps_audit(run.report))
    assert back.corpus.reuse == run.report.corpus.reuse
