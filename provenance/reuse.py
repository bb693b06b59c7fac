"""Undisclosed reuse: one document holding a large share of another's text.

The share of document O reused by document C is the part of O's distinct word
5-grams (case and accents ignored) that C also holds. When it reaches
:attr:`ReuseConfig.threshold`, C is reported as a copy of O (:class:`Reuse`),
and the copy relation is handed to the independence count as the pair
``(copy document id, original document id)``: the copy is not an independent
channel.

Candidates come from an inverted index of 5-grams (:func:`gram_entries`,
then grouping by gram), never from comparing every pair of documents; a gram
held by more than :attr:`ReuseConfig.max_documents` documents (a stock phrase)
pairs nobody, so the work stays linear in the number of grams. Which of two
documents is the copy: the later published, when both dates are known and
differ (but first: the one whose text names the other's publisher, a credited
copy); else the one that adds more text of its own (the smaller share of its
grams found in the other); else the larger id. A copy of a copy is reported
against the first original only. Quotations are left out of the grams: the
speaker's words are what independent reports of one statement share.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from provenance.errors import ProvenanceError
from provenance.model import Document

__all__ = [
    "GramEntry",
    "Reuse",
    "ReuseConfig",
    "copy_pairs",
    "document_grams",
    "find_reuse",
    "gram_entries",
]

_WORD = re.compile(r"\w+")
# Quoted words are the speaker's, not the outlet's prose: independent reports share them.
_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"\n]*\"")


@attrs.frozen
class ReuseConfig:
    """How reuse is found."""

    threshold: float = 0.5
    """Share of a document's 5-grams held by a later one at which that one is a copy."""
    n: int = 5
    """Words per gram."""
    max_documents: int = 50
    """A gram held by more documents than this is a stock phrase and pairs nobody."""
    min_grams: int = 20
    """Documents with fewer grams than this are too short to call copies."""
    wires: tuple[str, ...] | None = None
    """Names of wire agencies ("Reuters", "AP"). Of two documents with one text, one that
    credits a wire the other never names relays the wire, and the other is the copy.
    ``None``: the agencies of the shipped gazetteer, their names and aliases."""

    def __attrs_post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0 or self.n < 1 or self.max_documents < 2:
            raise ProvenanceError(
                "reuse needs 0 < threshold <= 1, n >= 1 and max_documents >= 2",
                expected="0 < threshold <= 1, n >= 1, max_documents >= 2",
                found=f"{self.threshold}, {self.n}, {self.max_documents}",
            )


@attrs.frozen(order=True)
class GramEntry:
    """One word n-gram of one document (its stable 64-bit hash)."""

    gram: int
    """The gram's hash (BLAKE2b, 8 bytes: the same in every process)."""
    document: str
    """The document's id."""


@attrs.frozen(order=True)
class Reuse:
    """Document ``copy`` holds ``share`` of the word 5-grams of document ``original``."""

    copy: str
    """Id of the document that reuses the other's text."""
    original: str
    """Id of the document whose text is reused."""
    share: float
    """Share of ``original``'s distinct grams that ``copy`` holds (0-1, four decimals)."""
    shared: int
    """How many distinct grams they share."""
    grams: int
    """How many distinct grams ``original`` has."""
    copy_share: float
    """Share of ``copy``'s own grams found in ``original`` (below ``share`` when the copy
    adds text of its own)."""

    @property
    def description(self) -> str:
        """One line: ``"b holds 63% of the word 5-grams of a (120 of 190)"``."""
        return (
            f"{self.copy} holds {self.share:.0%} of the word 5-grams of {self.original} "
            f"({self.shared} of {self.grams})"
        )


def _text(document: Document) -> str:
    if document.text is not None:
        return document.text
    return "\n".join(claim.text for claim in document.claims)


def _normal(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def document_grams(document: Document, n: int = 5) -> frozenset[int]:
    """Return the stable hashes of the word ``n``-grams of the document's own prose.

    The prose is the text (else the claims' texts) with every quotation left out:
    a gram never spans a quotation's place.
    """
    grams = set()
    for part in _QUOTED.split(_text(document)):
        words = [_normal(w) for w in _WORD.findall(part)]
        for i in range(len(words) - n + 1):
            joined = " ".join(words[i : i + n]).encode("utf-8")
            grams.add(int.from_bytes(hashlib.blake2b(joined, digest_size=8).digest(), "big"))
    return frozenset(grams)


def gram_entries(
    documents: Iterable[Document], config: ReuseConfig | None = None
) -> Iterator[GramEntry]:
    """Map step: yield one :class:`GramEntry` per distinct gram of each document."""
    config = config or ReuseConfig()
    for document in documents:
        for gram in sorted(document_grams(document, config.n)):
            yield GramEntry(gram, document.id)


def _credits(document: Document, other: Document) -> bool:
    """Whether ``document`` names ``other``'s publisher (a credited copy names its source)."""
    text = _text(document).casefold()
    return any(name.casefold() in text for name in _publisher_names(other))


def _wire_names(config: ReuseConfig) -> tuple[str, ...]:
    if config.wires is not None:
        return config.wires
    return _shipped_wires()


@functools.lru_cache(maxsize=1)
def _shipped_wires() -> tuple[str, ...]:
    from provenance.resolution import EntityKind, Gazetteer

    names = set()
    for entity in Gazetteer.default().entities:
        if entity.kind is EntityKind.AGENCY:
            names.add(entity.name)
            names.update(entity.aliases)
    return tuple(sorted(names))


def _credits_a_wire(document: Document, wires: Sequence[str]) -> bool:
    """Tell whether ``document`` names a wire or is a wire's own page.

    A wire is named as a whole word and as written ("AP", not "ap").
    """
    text = _text(document)
    if any(wire in text and re.search(rf"\b{re.escape(wire)}\b", text) for wire in wires):
        return True
    return not _publisher_names(document).isdisjoint(wires)


def _publisher_names(document: Document) -> set[str]:
    return {
        name
        for source in document.sources
        if source.id == document.publisher
        for name in (source.name, source.descriptor)
        if name
    }


def _direction(
    x: Document,
    y: Document,
    share_x: float,
    share_y: float,
    credits_a_wire: Callable[[Document], bool] = lambda _: False,
) -> tuple[Document, Document, bool]:
    """Return (copy, original, whether a credit settled it).

    ``share_x`` is the share of x's grams that y holds.
    """
    x_credits, y_credits = _credits(x, y), _credits(y, x)
    if x_credits != y_credits:  # a credit settles it
        return (x, y, True) if x_credits else (y, x, True)
    # One text, and only one of the two says whose it is ("MOSCOW (Reuters)"): that one
    # relays the wire as the wire gave it; the other took the text without the credit.
    # A wire's own page need not name itself, so its publisher counts as its credit.
    wire_x, wire_y = credits_a_wire(x), credits_a_wire(y)
    if wire_x != wire_y:
        return (y, x, True) if wire_x else (x, y, True)
    if x.published and y.published and x.published[:10] != y.published[:10]:
        return (x, y, False) if x.published[:10] > y.published[:10] else (y, x, False)
    if share_x != share_y:
        # The copy is the one that adds text of its own: less of it is found in the other.
        return (x, y, False) if share_x < share_y else (y, x, False)
    return (x, y, False) if x.id > y.id else (y, x, False)


def find_reuse(documents: Iterable[Document], config: ReuseConfig | None = None) -> Iterator[Reuse]:
    """Yield every copy relation among ``documents``, in order of (copy, original).

    A document id used twice is read once (its first use).
    """
    config = config or ReuseConfig()
    wires = _wire_names(config)
    wire_credit: dict[str, bool] = {}

    def credits_a_wire(document: Document) -> bool:
        # Read once per document, not once per pair it is in.
        if document.id not in wire_credit:
            wire_credit[document.id] = _credits_a_wire(document, wires)
        return wire_credit[document.id]

    by_id: dict[str, Document] = {}
    grams: dict[str, frozenset[int]] = {}
    holders: dict[int, list[str]] = defaultdict(list)
    for document in documents:
        if document.id in by_id:
            continue
        by_id[document.id] = document
        own = grams[document.id] = document_grams(document, config.n)
        for gram in own:
            holders[gram].append(document.id)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in holders.values():
        if 2 <= len(ids) <= config.max_documents:
            ordered: Sequence[str] = sorted(ids)
            for i, x in enumerate(ordered):
                for y in ordered[i + 1 :]:
                    shared[(x, y)] += 1
    found = []
    for (x, y), _count in shared.items():
        gx, gy = grams[x], grams[y]
        if len(gx) < config.min_grams or len(gy) < config.min_grams:
            continue
        both = len(gx & gy)
        share_x, share_y = both / len(gx), both / len(gy)
        if max(share_x, share_y) < config.threshold:
            continue
        copy, original, credited = _direction(by_id[x], by_id[y], share_x, share_y, credits_a_wire)
        copy_share, share = (share_x, share_y) if copy.id == x else (share_y, share_x)
        if share < config.threshold and not credited:
            continue  # the later document holds too little of the earlier one
        # A credit outweighs the shares: the uncredited one took the text, even when it cut
        # so much of it (and added so much) that less than the threshold of it is left.
        found.append(
            Reuse(
                copy.id,
                original.id,
                round(share, 4),
                both,
                len(grams[original.id]),
                round(copy_share, 4),
            )
        )
    # A copy of a copy: keep only the relation to the first original (X <- A <- B: drop X <- A
    # when X <- B is found too).
    originals: dict[str, set[str]] = defaultdict(set)
    for relation in found:
        originals[relation.copy].add(relation.original)
    kept = [
        relation
        for relation in found
        if not any(
            upstream in originals[relation.copy]
            for upstream in originals.get(relation.original, ())
        )
    ]
    yield from sorted(kept)


def copy_pairs(reuse: Iterable[Reuse]) -> tuple[tuple[str, str], ...]:
    """Return the copy relations as the independence count takes them: (copy id, original id)."""
    return tuple((found.copy, found.original) for found in reuse)
