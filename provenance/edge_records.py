"""Edge records: what the corpus analysis reads of a document, and nothing else.

:func:`provenance.corpus.analyze_corpus` lines up sources and claims across
documents; it reads, of each document, its id and publisher, of each source
what aligns and labels it, and of each claim its key, its chain of source ids,
whether it is held or negated, and its true-or-false reviews. A
:class:`DocumentEdges` holds exactly that, as tuples of strings, enums and
small integers, so that a distributed audit can send a corpus' edges to one
reduce at a fraction of the documents' size and pickling cost, and the
in-process analysis runs over the very same records
(:func:`provenance.corpus.analyze_edges`).

The records are :class:`typing.NamedTuple` classes rather than attrs models on
purpose: a tuple is the smallest Python object that holds named fields (no
instance dictionary, no weak-reference slot) and pickles as one call, and a
reduce holds one per claim of the corpus. They are immutable and compare by
value like the attrs models.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import NamedTuple

import provenance.vocabulary
from provenance.chains import source_label
from provenance.model import Claim, Document, Source
from provenance.vocabulary import (
    FALSE_VERDICTS,
    TRUE_VERDICTS,
    AttributionMode,
    HedgeCategory,
)

__all__ = ["ClaimEdges", "DocumentEdges", "SourceEdges", "claim_stance", "document_edges"]

_SIDED = TRUE_VERDICTS | FALSE_VERDICTS


class SourceEdges(NamedTuple):
    """What aligns and labels one source of a document."""

    id: str
    """The source's id in its document."""
    # Named in full: the documentation's cross-references find the enum by this name.
    kind: provenance.vocabulary.SourceKind
    """Its kind: named kinds may be merged by name; unnamed and vague ones never are."""
    name: str | None
    """Its name (alias tables, same-name matching, the resolver)."""
    descriptor: str | None
    """Its descriptor (alias tables, the resolver)."""
    affiliation: str | None
    """The id of the source it belongs to in the same document, when given."""
    same_as: tuple[str, ...]
    """URIs of the real-world source: sources sharing one are one."""
    label: str
    """How a chain names it (:func:`provenance.chains.source_label` in its document)."""


class ClaimEdges(NamedTuple):
    """What the corpus analysis reads of one claim."""

    id: str
    """The claim's id in its document."""
    key: str | None
    """Its alignment key: claims sharing one are the same claim."""
    chain: tuple[str, ...]
    """The source ids of its attribution, hop 0 (nearest the publisher) first."""
    stance: int
    """+1 when held, -1 when negated or denied, 0 when both (:func:`claim_stance`)."""
    verdicts: tuple[provenance.vocabulary.Verdict, ...]
    """The verdicts of its reviews that rate it true or false, in review order."""


class DocumentEdges(NamedTuple):
    """What the corpus analysis reads of one document: its edge records."""

    id: str
    """The document's id (copies, loops and keyless claim groups name documents by it)."""
    publisher: str
    """The id of its publisher, the first level of every chain."""
    sources: tuple[SourceEdges, ...]
    """Its sources, in record order."""
    claims: tuple[ClaimEdges, ...]
    """Its claims, in record order."""


def claim_stance(claim: Claim) -> int:
    """+1 when the claim is held, -1 when negated or denied, 0 when both or neither."""
    negative = (
        any(hop.mode is AttributionMode.DENIED for hop in claim.attribution)
        or any(p.value.polarity < 0 for p in claim.factuality)
        or any(h.category is HedgeCategory.NEGATION for h in claim.hedges)
    )
    positive = any(p.value.polarity > 0 for p in claim.factuality) or not negative
    if positive and negative:
        return 0
    return 1 if positive else -1


# Ids, names and labels recur across a partition's documents ("c1", "s2", a person's
# name): interned, each is held once, and a pickle of the partition's edges keeps
# them shared when the reduce reads it back.
_intern = sys.intern


def _maybe(text: str | None) -> str | None:
    return None if text is None else _intern(text)


def _source(source: Source, sources: Mapping[str, Source]) -> SourceEdges:
    return SourceEdges(
        _intern(source.id),
        source.kind,
        _maybe(source.name),
        _maybe(source.descriptor),
        _maybe(source.affiliation),
        tuple(map(_intern, source.same_as)) if source.same_as else (),
        _intern(source_label(source, sources)),
    )


def _claim(claim: Claim) -> ClaimEdges:
    reviews = claim.reviews
    return ClaimEdges(
        _intern(claim.id),
        claim.key,
        tuple(_intern(hop.source) for hop in claim.attribution),
        claim_stance(claim),
        tuple(r.verdict for r in reviews if r.verdict in _SIDED) if reviews else (),
    )


def document_edges(document: Document) -> DocumentEdges:
    """Return the edge records of ``document``: what the corpus analysis reads of it."""
    sources = {source.id: source for source in document.sources}
    return DocumentEdges(
        document.id,
        _intern(document.publisher),
        tuple(_source(source, sources) for source in document.sources),
        tuple(_claim(claim) for claim in document.claims),
    )
