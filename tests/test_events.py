"""The same-event sets of ``tests/data/events``: resolution and independence against a hand reading.

Each event folder holds real articles and a person's reading of them
(``reading.json``, described in ``tests/data/events/README.md``). The records
here are built from that reading, not drafted by the extractor, so that what
is measured is source resolution and origin counting alone: every source
variant resolved to what it stands for, and every fact's independent origins
counted as the reading counts them, copies and relays included.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from provenance.builder import DocumentBuilder
from provenance.corpus import Corpus, CorpusAnalysis, analyze_corpus
from provenance.model import Hop, Source
from provenance.resolution import Resolver
from provenance.vocabulary import AttributionMode, SourceKind

EVENTS = Path(__file__).parent / "data" / "events"
NAMES = sorted(p.name for p in EVENTS.iterdir() if (p / "reading.json").is_file())


def _reading(event: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EVENTS / event / "reading.json").read_text("utf-8"))
    return data


def _manifest(event: str) -> dict[str, dict[str, Any]]:
    lines = (EVENTS / event / "manifest.jsonl").read_text("utf-8").splitlines()
    return {row["file"]: row for row in map(json.loads, lines)}


def _stem(file: str) -> str:
    return "d" + file.removesuffix(".txt").replace(".", "_")


class _Sources:
    """The sources of one record being built from the reading: one per mention."""

    def __init__(self, builder: DocumentBuilder, kinds: dict[str, SourceKind]) -> None:
        self.builder = builder
        self.kinds = kinds
        self.ids: dict[str, str] = {}
        self.first: dict[str, str] = {}  # canonical -> the source of its first mention
        self.mentions: dict[str, str] = {}  # source id -> mention, pronouns left out

    def of(self, hop: dict[str, Any]) -> str:
        mention, canonical = hop["mention"], hop["source"]
        pronoun = bool(hop.get("pronoun"))
        if pronoun:
            # Pronoun resolution is the extractor's part: use the antecedent's source,
            # or (no antecedent among the hops read) a source named as the reading names it.
            if canonical in self.first:
                return self.first[canonical]
            mention = canonical
        if mention in self.ids:
            return self.ids[mention]
        kind = self.kinds[canonical]
        source_id = f"s{len(self.ids) + 1}"
        words = {"name": mention} if kind.is_named else {"descriptor": mention}
        self.builder.add_source(Source(source_id, kind, **words))
        self.ids[mention] = source_id
        self.first.setdefault(canonical, source_id)
        if not pronoun:
            self.mentions[source_id] = mention
        return source_id


def _documents(event: str) -> tuple[Corpus, dict[tuple[str, str], str]]:
    """Build one record per article from the reading; also return (doc, source id) -> mention."""
    reading = _reading(event)
    manifest = _manifest(event)
    kinds = {s["canonical"]: SourceKind(s["kind"]) for s in reading["sources"]}
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in reading["claims"]:
        by_file[claim["file"]].append(claim)
    mentions: dict[tuple[str, str], str] = {}
    documents = []
    for file in sorted(manifest):
        row = manifest[file]
        publisher = Source("publisher", SourceKind.PUBLICATION, name=row["publisher"])
        builder = DocumentBuilder(id=_stem(file), publisher=publisher, url=row["url"])
        sources = _Sources(builder, kinds)
        for number, claim in enumerate(by_file.get(file, []), start=1):
            hops = [Hop(sources.of(hop), AttributionMode.PARAPHRASE) for hop in claim["chain"]]
            builder.claim(f"c{number}", claim["words"], key=claim["fact"], attribution=hops)
        documents.append(builder.build())
        mentions.update({(_stem(file), i): m for i, m in sources.mentions.items()})
    return Corpus(documents), mentions


def _resolver(event: str) -> Resolver:
    aliases = _reading(event)["document_aliases"]
    return Resolver(document_aliases={_stem(f): a for f, a in aliases.items()})


def _copies(event: str) -> list[tuple[str, str]]:
    return [(_stem(c["copy"]), _stem(c["original"])) for c in _reading(event)["copies"]]


def _analysis(event: str, *, copies: bool = True) -> tuple[Corpus, CorpusAnalysis]:
    corpus, _ = _documents(event)
    found = analyze_corpus(
        corpus, resolver=_resolver(event), copies=_copies(event) if copies else ()
    )
    return corpus, found


def _root(reading: dict[str, Any], canonical: str) -> str:
    by = {s["canonical"]: s for s in reading["sources"]}
    seen = set()
    while by[canonical].get("affiliation") and canonical not in seen:
        seen.add(canonical)
        canonical = by[canonical]["affiliation"]
    return canonical


def test_there_are_three_events_of_five_outlets_or_more() -> None:
    assert len(NAMES) >= 3
    for event in NAMES:
        assert len(_manifest(event)) >= 5
        reading = _reading(event)
        for claim in reading["claims"]:
            text = (EVENTS / event / claim["file"]).read_text("utf-8")
            assert claim["words"] in text, claim["id"]


@pytest.mark.parametrize("event", NAMES)
def test_every_source_variant_resolves_to_what_it_stands_for(event: str) -> None:
    reading = _reading(event)
    corpus, mentions = _documents(event)
    analysis = analyze_corpus(corpus, resolver=_resolver(event))
    index = {document.id: i for i, document in enumerate(corpus.documents)}
    expected = {}
    for claim in reading["claims"]:
        for hop in claim["chain"]:
            if not hop.get("pronoun"):
                expected[(_stem(claim["file"]), hop["mention"])] = hop["source"]
    wrong = []
    identity: dict[str, set[str]] = defaultdict(set)
    for (document, source_id), mention in mentions.items():
        canonical = expected[(document, mention)]
        found = analysis.speaks_for(index[document], source_id)
        if found != _root(reading, canonical):
            wrong.append(f"{document}: {mention!r} -> {found}, read as {_root(reading, canonical)}")
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
    reading = _reading(event)
    _, analysis = _analysis(event)
    groups = {group.key: group for group in analysis.groups}
    for fact in reading["facts"]:
        group = groups[fact["fact"]]
        assert group.independent_origins == len(fact["independent_origins"]), fact["fact"]
        labels = {label for origin in group.origins for label in origin}
        assert set(fact["independent_origins"]) <= labels, (fact["fact"], group.origins)


@pytest.mark.parametrize("event", NAMES)
def test_many_documents_with_one_named_origin_are_amplification(event: str) -> None:
    reading = _reading(event)
    _, analysis = _analysis(event)
    amplified = {a.key: a for a in analysis.amplifications}
    for fact in reading["facts"]:
        expected = len(fact["documents"]) >= 3 and len(fact["independent_origins"]) <= 1
        assert (fact["fact"] in amplified) is expected, fact["fact"]
        if expected and fact["independent_origins"]:
            assert fact["independent_origins"][0] in amplified[fact["fact"]].origin


@pytest.mark.parametrize("event", NAMES)
def test_without_resolution_the_same_origins_count_apart(event: str) -> None:
    """The reading is not trivially met: without a resolver, names alone over-count origins."""
    reading = _reading(event)
    corpus, _ = _documents(event)
    groups = {g.key: g for g in analyze_corpus(corpus).groups}
    over = [
        f["fact"]
        for f in reading["facts"]
        if groups[f["fact"]].independent_origins > len(f["independent_origins"])
    ]
    assert over
