"""The same-event sets of ``tests/data/events``: resolution and independence against a hand reading.

Each event folder holds real articles and a person's reading of them
(``reading.json``, described in ``tests/data/events/README.md``). The records
here are built from that reading, not drafted by the extractor, so that what
is measured is source resolution and origin counting alone: every source
variant resolved to what it stands for, and every fact's independent origins
counted as the reading counts them, copies and relays included.
"""

from __future__ import annotations

from collections import defaultdict

import event_sets as ev
import pytest

from provenance.corpus import analyze_corpus
from provenance.vocabulary import SourceKind

NAMES = ev.NAMES


def test_there_are_three_events_of_five_outlets_or_more() -> None:
    assert len(NAMES) >= 3
    for event in NAMES:
        assert len(ev.manifest(event)) >= 5
        reading = ev.reading(event)
        for claim in reading["claims"]:
            text = (ev.EVENTS / event / claim["file"]).read_text("utf-8")
            assert claim["words"] in text, claim["id"]


@pytest.mark.parametrize("event", NAMES)
def test_every_source_variant_resolves_to_what_it_stands_for(event: str) -> None:
    reading = ev.reading(event)
    corpus, mentions = ev.documents(event)
    analysis = analyze_corpus(corpus, resolver=ev.resolver(event))
    index = {document.id: i for i, document in enumerate(corpus.documents)}
    expected = {}
    for claim in reading["claims"]:
        for hop in claim["chain"]:
            if not hop.get("pronoun"):
                expected[(ev.stem(claim["file"]), hop["mention"])] = hop["source"]
    wrong = []
    identity: dict[str, set[str]] = defaultdict(set)
    for (document, source_id), mention in mentions.items():
        canonical = expected[(document, mention)]
        found = analysis.speaks_for(index[document], source_id)
        if found != ev.root(reading, canonical):
            wrong.append(
                f"{document}: {mention!r} -> {found}, read as {ev.root(reading, canonical)}"
            )
        kind = SourceKind(
            next(s["kind"] for s in reading["sources"] if s["canonical"] == canonical)
        )
        if kind is SourceKind.NAMED_PERSON:
            identity[canonical].add(analysis.canonical(index[document], source_id))
    assert not wrong, "\n".join(wrong)
    # Every person is one source, whatever the spelling, and no two people are one.
    assert all(len(labels) == 1 for labels in identity.values()), identity
    labels = [next(iter(v)) for v in identity.values()]
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize("event", NAMES)
def test_independent_origins_are_counted_as_read(event: str) -> None:
    reading = ev.reading(event)
    _, analysis = ev.analysis(event)
    groups = {group.key: group for group in analysis.groups}
    for fact in reading["facts"]:
        group = groups[fact["fact"]]
        assert group.independent_origins == len(fact["independent_origins"]), fact["fact"]
        labels = {label for origin in group.origins for label in origin}
        assert set(fact["independent_origins"]) <= labels, (fact["fact"], group.origins)


@pytest.mark.parametrize("event", NAMES)
def test_many_documents_with_one_named_origin_are_amplification(event: str) -> None:
    reading = ev.reading(event)
    _, analysis = ev.analysis(event)
    amplified = {a.key: a for a in analysis.amplifications}
    for fact in reading["facts"]:
        expected = len(fact["documents"]) >= 3 and len(fact["independent_origins"]) <= 1
        assert (fact["fact"] in amplified) is expected, fact["fact"]
        if expected and fact["independent_origins"]:
            assert fact["independent_origins"][0] in amplified[fact["fact"]].origin


@pytest.mark.parametrize("event", NAMES)
def test_without_resolution_the_same_origins_count_apart(event: str) -> None:
    """The reading is not trivially met: without a resolver, names alone over-count origins."""
    reading = ev.reading(event)
    corpus, _ = ev.documents(event)
    groups = {g.key: g for g in analyze_corpus(corpus).groups}
    over = [
        f["fact"]
        for f in reading["facts"]
        if groups[f["fact"]].independent_origins > len(f["independent_origins"])
    ]
    assert over
