"""The same-event sets of tests/data/events/ as records of the claims read, with alignment.

Each event folder holds the articles (``NN-outlet.txt``), ``manifest.jsonl``
(publisher, url, title, date), ``reading.json`` (the claims read, as exact
substrings, with their chains and origins, the copies) and ``alignment.json``
(which claims of different articles are the same statement, and whether the
event is a ``dev`` or a ``heldout`` one). :func:`event_documents` builds one
Document per article holding the claims read (text, span; no chain: alignment
reads words only).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable
from pathlib import Path

import attrs

import provenance as pv
from provenance.builder import DocumentBuilder

DATA = Path(__file__).resolve().parent / "data"
FOLDERS = (DATA / "events", DATA / "events-heldout")

Pair = tuple[str, str]


@attrs.frozen
class Event:
    name: str
    part: str
    documents: tuple[pv.Document, ...]
    claim_ids: dict[str, str]
    """reading id ('01#3') -> 'document-id#claim-id'."""
    gold: frozenset[Pair]
    """Same-statement pairs across documents, as ordered 'document#claim' pairs."""
    copies: frozenset[Pair]
    """(copy document id, original document id) from the reading."""
    repeats: frozenset[Pair] = frozenset()
    """Pairs of claims of one document that the hand alignment puts in one statement (a
    statement the article makes twice), as ordered 'document#claim' pairs."""
    either_way: frozenset[frozenset[str]] = frozenset()
    """Copies of the reading marked ``either_way``: two pages carrying one wire story from
    its feed, neither taken from the other, so either may be called the copy."""

    def known_copies(self, found: Iterable[Pair]) -> frozenset[Pair]:
        """``found`` with an either-way pair turned the way the reading writes it."""
        written = {frozenset(pair): pair for pair in self.copies}
        return frozenset(
            written[frozenset(pair)] if frozenset(pair) in self.either_way else pair
            for pair in found
        )


def _document_id(file: str) -> str:
    return "d" + re.sub(r"[^A-Za-z0-9_.:-]", "_", Path(file).stem)


def _folder(name: str) -> Path:
    for root in FOLDERS:
        if (root / name / "alignment.json").is_file():
            return root / name
    raise KeyError(name)


def events() -> list[str]:
    return sorted(
        p.name
        for root in FOLDERS
        if root.is_dir()
        for p in root.iterdir()
        if (p / "alignment.json").is_file()
    )


def event(name: str) -> Event:
    folder = _folder(name)
    manifest = {
        line["file"]: line
        for line in map(json.loads, (folder / "manifest.jsonl").read_text().splitlines())
    }
    reading = json.loads((folder / "reading.json").read_text(encoding="utf-8"))
    alignment = json.loads((folder / "alignment.json").read_text(encoding="utf-8"))
    claims_of: dict[str, list[dict[str, object]]] = {}
    for claim in reading["claims"]:
        claims_of.setdefault(str(claim["file"]), []).append(claim)
    documents = []
    claim_ids: dict[str, str] = {}
    for file in sorted(manifest):
        entry = manifest[file]
        text = (folder / file).read_text(encoding="utf-8")
        document_id = _document_id(file)
        builder = DocumentBuilder(
            id=document_id,
            text=text,
            publisher=pv.Source("publisher", pv.SourceKind.PUBLICATION, name=entry["publisher"]),
            url=entry.get("url"),
            title=entry.get("title"),
            published=entry.get("published"),
        )
        after: dict[str, int] = {}
        for claim in claims_of.get(file, []):
            words = str(claim["words"])
            start = text.find(words, after.get(words, 0))
            if start < 0:
                start = text.find(words)
            after[words] = start + 1
            claim_id = "c" + str(claim["id"]).split("#")[1]
            builder.claim(claim_id, words, start=start)
            claim_ids[str(claim["id"])] = f"{document_id}#{claim_id}"
        documents.append(builder.build())
    gold: set[Pair] = set()
    repeats: set[Pair] = set()
    for statement in alignment["statements"]:
        refs = sorted(claim_ids[c] for c in statement["claims"])
        for x, y in itertools.combinations(refs, 2):
            (gold if x.split("#")[0] != y.split("#")[0] else repeats).add((x, y))
    copies = frozenset(
        (_document_id(c["copy"]), _document_id(c["original"])) for c in reading.get("copies", [])
    )
    either_way = frozenset(
        frozenset((_document_id(c["copy"]), _document_id(c["original"])))
        for c in reading.get("copies", [])
        if c.get("either_way")
    )
    return Event(
        name,
        alignment["part"],
        tuple(documents),
        claim_ids,
        frozenset(gold),
        copies,
        frozenset(repeats),
        either_way,
    )


def predicted_pairs(alignment: object) -> frozenset[Pair]:
    """Same-group pairs across documents of an Alignment."""
    found: set[Pair] = set()
    for refs in alignment.groups().values():  # type: ignore[attr-defined]
        names = sorted(str(ref) for ref in refs)
        for x, y in itertools.combinations(names, 2):
            if x.split("#")[0] != y.split("#")[0]:
                found.add((x, y))
    return frozenset(found)
