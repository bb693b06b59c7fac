"""The confidence-status decision table.

A claim's :class:`~provenance.vocabulary.ConfidenceStatus` is derived from what
its record holds, by the rows below, tried in order; the first row that matches
decides the status, and the reasons it gives (every fact that made the row
match) are recorded beside the status. The table is deterministic: the same
claim and sources always give the same status and the same reasons.

====  ==============================================================  ==============
row   when                                                             status
====  ==============================================================  ==============
R1    reviews disagree: one rates it true or mostly true, another      ``disputed``
      false or mostly false
R2    a review rates it false or mostly false                          ``refuted``
R3    a review rates it mixed, misleading or missing context           ``disputed``
R4    a review rates it true or mostly true                            ``confirmed``
R5    a link of the chain was checked and found misrepresented, not    ``disputed``
      found or retracted
R6    sources take opposite sides (a positive and a negative           ``disputed``
      factuality value), or a source in the chain denies it
R7    a hedge says it is unresolved ("remains unclear"), a review      ``unresolved``
      rates it unverifiable, or the publisher's factuality is
      ``CTu`` or ``Uu``
R8    two or more independent origins are known (only a corpus         ``corroborated``
      can tell; see :mod:`provenance.audit`)
R9    a hedge commits to it only as probable or possible (epistemic,   ``hedged``
      doxastic, prospective or conditional), or a factuality value
      is ``PR`` or ``PS``
R10   the chain is empty but a hearsay or weasel hedge stands in for   ``reported``
      a source ("reportedly", "some say")
R11   the chain is empty: the publisher asserts it alone               ``asserted``
R12   the chain's origin is a named source                             ``attributed``
R13   otherwise: the origin is unnamed, vague, generic or unknown      ``reported``
====  ==============================================================  ==============

Negation hedges change what is claimed, not how well it is established, and
do not enter the table. Reviews with verdicts ``satire``, ``not_checkable`` or
``other`` do not enter it either.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from provenance.model import Claim, Document, Review, Source
from provenance.vocabulary import (
    AttributionMode,
    ConfidenceStatus,
    Factuality,
    HedgeCategory,
    LinkStatus,
    Verdict,
)

__all__ = ["StatusDecision", "derive_status", "with_derived_status"]

_TRUE_SIDE = frozenset({Verdict.TRUE, Verdict.MOSTLY_TRUE})
_FALSE_SIDE = frozenset({Verdict.FALSE, Verdict.MOSTLY_FALSE})
_CONTESTED = frozenset({Verdict.MIXED, Verdict.MISLEADING, Verdict.MISSING_CONTEXT})
_BROKEN_LINKS = frozenset({LinkStatus.MISREPRESENTED, LinkStatus.NOT_FOUND, LinkStatus.RETRACTED})
_WEAKENING = frozenset(
    {
        HedgeCategory.EPISTEMIC,
        HedgeCategory.DOXASTIC,
        HedgeCategory.PROSPECTIVE,
        HedgeCategory.CONDITION,
    }
)
_HEARSAY = frozenset({HedgeCategory.EVIDENTIAL_HEARSAY, HedgeCategory.WEASEL})
_UNCOMMITTED = frozenset({Factuality.CERTAIN_UNDERSPECIFIED, Factuality.UNDERSPECIFIED})
_PARTIAL = frozenset(
    {
        Factuality.PROBABLE_POSITIVE,
        Factuality.POSSIBLE_POSITIVE,
        Factuality.PROBABLE_NEGATIVE,
        Factuality.POSSIBLE_NEGATIVE,
    }
)


@attrs.frozen
class StatusDecision:
    """The status the decision table gives a claim, the row that gave it, and why."""

    status: ConfidenceStatus
    """The derived status."""
    row: str
    """The table row that matched (``R1`` ... ``R13``)."""
    reasons: tuple[str, ...]
    """Every fact that made the row match, in record order."""


def _label(sources: Mapping[str, Source], source_id: str | None, publisher: str) -> str:
    source = sources.get(source_id or publisher)
    if source is None:
        return source_id or publisher
    return source.label


def derive_status(
    claim: Claim,
    context: Document | Mapping[str, Source],
    *,
    publisher: str | None = None,
    independent_origins: int | None = None,
) -> StatusDecision:
    """Derive ``claim``'s confidence status by the decision table of this module.

    ``context`` is the claim's document (or a mapping of its sources by id, with
    ``publisher`` given). ``independent_origins`` is the number of independent
    origins a corpus knows for the claim; without it, row R8 never matches.
    """
    if isinstance(context, Document):
        sources: Mapping[str, Source] = {source.id: source for source in context.sources}
        publisher_id = context.publisher
    else:
        sources = context
        publisher_id = publisher or ""

    def name(source_id: str | None) -> str:
        return _label(sources, source_id, publisher_id)

    # R1-R4: reviews.
    true_side = [r for r in claim.reviews if r.verdict in _TRUE_SIDE]
    false_side = [r for r in claim.reviews if r.verdict in _FALSE_SIDE]

    def rated(review_list: list[Review]) -> tuple[str, ...]:
        return tuple(
            f"reviewed {review.verdict.value} by {name(review.reviewer)}"
            + (f" ({review.label!r})" if review.label else "")
            for review in review_list
        )

    if true_side and false_side:
        return StatusDecision(ConfidenceStatus.DISPUTED, "R1", rated(true_side + false_side))
    if false_side:
        return StatusDecision(ConfidenceStatus.REFUTED, "R2", rated(false_side))
    contested = [r for r in claim.reviews if r.verdict in _CONTESTED]
    if contested:
        return StatusDecision(ConfidenceStatus.DISPUTED, "R3", rated(contested))
    if true_side:
        return StatusDecision(ConfidenceStatus.CONFIRMED, "R4", rated(true_side))

    # R5: a checked link that failed.
    broken = tuple(
        f"link to {name(hop.source)} at hop {index} is {hop.link_status.value}"
        for index, hop in enumerate(claim.attribution)
        if hop.link_status in _BROKEN_LINKS
    )
    if broken:
        return StatusDecision(ConfidenceStatus.DISPUTED, "R5", broken)

    # R6: sources on opposite sides.
    positive = [p for p in claim.factuality if p.value.polarity > 0]
    negative = [p for p in claim.factuality if p.value.polarity < 0]
    opposed: list[str] = []
    if positive and negative:
        opposed.extend(
            f"{name(p.source)} holds it {p.value.value}"
            for p in claim.factuality
            if p.value.polarity
        )
    opposed.extend(
        f"{name(hop.source)} denies it (hop {index})"
        for index, hop in enumerate(claim.attribution)
        if hop.mode is AttributionMode.DENIED
    )
    if opposed:
        return StatusDecision(ConfidenceStatus.DISPUTED, "R6", tuple(opposed))

    # R7: explicitly unknown.
    unknown = [
        f"hedge {h.text!r} ({h.category.value})"
        for h in claim.hedges
        if h.category is HedgeCategory.UNRESOLVED
    ]
    unknown.extend(
        f"reviewed unverifiable by {name(r.reviewer)}"
        for r in claim.reviews
        if r.verdict is Verdict.UNVERIFIABLE
    )
    unknown.extend(
        f"the publisher's factuality is {p.value.value}"
        for p in claim.factuality
        if p.source == publisher_id and p.value in _UNCOMMITTED
    )
    if unknown:
        return StatusDecision(ConfidenceStatus.UNRESOLVED, "R7", tuple(unknown))

    # R8: corroboration, known only across documents.
    if independent_origins is not None and independent_origins >= 2:
        return StatusDecision(
            ConfidenceStatus.CORROBORATED,
            "R8",
            (f"{independent_origins} independent origins",),
        )

    # R9: committed only as probable or possible.
    weak = [
        f"hedge {h.text!r} ({h.category.value})" for h in claim.hedges if h.category in _WEAKENING
    ]
    weak.extend(
        f"{name(p.source)} holds it {p.value.value}"
        for p in claim.factuality
        if p.value in _PARTIAL
    )
    if weak:
        return StatusDecision(ConfidenceStatus.HEDGED, "R9", tuple(weak))

    if not claim.attribution:
        hearsay = tuple(
            f"hedge {h.text!r} ({h.category.value}) stands in for a source"
            for h in claim.hedges
            if h.category in _HEARSAY
        )
        if hearsay:
            return StatusDecision(ConfidenceStatus.REPORTED, "R10", hearsay)
        return StatusDecision(
            ConfidenceStatus.ASSERTED, "R11", (f"asserted by {name(publisher_id)} alone",)
        )

    origin = claim.attribution[-1]
    origin_source = sources.get(origin.source)
    kind = origin_source.kind.value if origin_source else "unknown"
    if origin_source is not None and origin_source.kind.is_named:
        return StatusDecision(
            ConfidenceStatus.ATTRIBUTED,
            "R12",
            (f"origin {name(origin.source)} is {kind}",),
        )
    return StatusDecision(
        ConfidenceStatus.REPORTED,
        "R13",
        (f"origin {name(origin.source)} is {kind}",),
    )


def with_derived_status(document: Document) -> Document:
    """Return ``document`` with every claim's status and reasons set by the decision table.

    Claims that carry a ``status_override`` keep their stored status; their
    reasons are still refreshed.
    """
    sources = {source.id: source for source in document.sources}
    claims = []
    for claim in document.claims:
        decision = derive_status(claim, sources, publisher=document.publisher)
        status = claim.status if claim.status_override else decision.status
        claims.append(attrs.evolve(claim, status=status, status_reasons=decision.reasons))
    return attrs.evolve(document, claims=claims)
