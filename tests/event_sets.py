"""The same-event sets of ``tests/data/events`` as records, for tests and figures.

Each event folder holds real articles and a person's reading of them
(``reading.json``, described in ``tests/data/events/README.md``). The records
built here come from that reading, not from the extractor, so that what is
measured with them is source resolution and origin counting alone.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from provenance.builder import DocumentBuilder
from provenance.corpus import Corpus, CorpusAnalysis, analyze_corpus
from provenance.model import Hop, Source
from provenance.resolution import Resolver
from provenance.vocabulary import AttributionMode, SourceKind

EVENTS = Path(__file__).parent / "data" / "events"
NAMES = sorted(p.name for p in EVENTS.iterdir() if (p / "reading.json").is_file())
HELDOUT = Path(__file__).parent / "data" / "events-heldout"
HELDOUT_NAMES = sorted(p.name for p in HELDOUT.iterdir() if (p / "reading.json").is_file())


def folder(event: str) -> Path:
    """The folder of an event, developed on or held out."""
    return EVENTS / event if (EVENTS / event).is_dir() else HELDOUT / event


def reading(event: str) -> dict[str, Any]:
    """The hand reading of an event."""
    data: dict[str, Any] = json.loads((folder(event) / "reading.json").read_text("utf-8"))
    return data


def manifest(event: str) -> dict[str, dict[str, Any]]:
    """The manifest rows of an event, by file."""
    lines = (folder(event) / "manifest.jsonl").read_text("utf-8").splitlines()
    return {row["file"]: row for row in map(json.loads, lines)}


def stem(file: str) -> str:
    """The record id of an article file."""
    return "d" + file.removesuffix(".txt").replace(".", "_")


class RecordSources:
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


def documents(event: str) -> tuple[Corpus, dict[tuple[str, str], str]]:
    """Build one record per article from the reading; also return (doc, source id) -> mention."""
    read = reading(event)
    rows = manifest(event)
    kinds = {s["canonical"]: SourceKind(s["kind"]) for s in read["sources"]}
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in read["claims"]:
        by_file[claim["file"]].append(claim)
    mentions: dict[tuple[str, str], str] = {}
    built = []
    for file in sorted(rows):
        row = rows[file]
        publisher = Source("publisher", SourceKind.PUBLICATION, name=row["publisher"])
        builder = DocumentBuilder(id=stem(file), publisher=publisher, url=row["url"])
        sources = RecordSources(builder, kinds)
        for number, claim in enumerate(by_file.get(file, []), start=1):
            hops = [Hop(sources.of(hop), AttributionMode.PARAPHRASE) for hop in claim["chain"]]
            builder.claim(f"c{number}", claim["words"], key=claim["fact"], attribution=hops)
        built.append(builder.build())
        mentions.update({(stem(file), i): m for i, m in sources.mentions.items()})
    return Corpus(built), mentions


def resolver(event: str) -> Resolver:
    """The resolver of an event: the shipped gazetteer and the reading's document aliases."""
    aliases = reading(event)["document_aliases"]
    return Resolver(document_aliases={stem(f): a for f, a in aliases.items()})


def copies(event: str) -> list[tuple[str, str]]:
    """The copies of the reading, as (copy record id, original record id)."""
    return [(stem(c["copy"]), stem(c["original"])) for c in reading(event)["copies"]]


def analysis(event: str, *, with_copies: bool = True) -> tuple[Corpus, CorpusAnalysis]:
    """Analyse an event's records with its resolver (and its copies, unless told not to)."""
    corpus, _ = documents(event)
    found = analyze_corpus(
        corpus, resolver=resolver(event), copies=copies(event) if with_copies else ()
    )
    return corpus, found


def root(read: dict[str, Any], canonical: str) -> str:
    """Follow the reading's affiliations from ``canonical`` to what it finally speaks for."""
    by = {s["canonical"]: s for s in read["sources"]}
    seen = set()
    while by[canonical].get("affiliation") and canonical not in seen:
        seen.add(canonical)
        canonical = by[canonical]["affiliation"]
    return canonical
