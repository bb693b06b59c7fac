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

from collections.abc import Callable, Mapping

import attrs

from provenance.model import Claim, Document, Review, Source
from provenance.vocabulary import (
    BROKEN_LINKS,
    CONTESTED_VERDICTS,
    FALSE_VERDICTS,
    HEARSAY_HEDGES,
    TRUE_VERDICTS,
    UNCERTAIN_HEDGES,
    AttributionMode,
    ConfidenceStatus,
    Factuality,
    HedgeCategory,
    SourceKind,
    Verdict,
)

__all__ = ["ROW_STATUS", "StatusDecision", "decide_row", "derive_status", "with_derived_status"]

_UNCOMMITTED = frozenset({Factuality.CERTAIN_UNDERSPECIFIED, Factuality.UNDERSPECIFIED})
_PARTIAL = frozenset(
    {
        Factuality.PROBABLE_POSITIVE,
        Factuality.POSSIBLE_POSITIVE,
        Factuality.PROBABLE_NEGATIVE,
        Factuality.POSSIBLE_NEGATIVE,
    }
)
_POSITIVE = frozenset(value for value in Factuality if value.polarity > 0)
_NEGATIVE = frozenset(value for value in Factuality if value.polarity < 0)
_NAMED = frozenset(kind for kind in SourceKind if kind.is_named)
_NONE: frozenset[object] = frozenset()


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
    row = decide_row(claim, sources, publisher_id, independent_origins)
    reasons = _REASONS[row](claim, sources, publisher_id, independent_origins)
    return StatusDecision(_ROW_STATUS[row], row, reasons)


def decide_row(
    claim: Claim,
    sources: Mapping[str, Source],
    publisher_id: str,
    independent_origins: int | None = None,
) -> str:
    """Return the row of the decision table that decides ``claim`` (``R1`` ... ``R13``).

    The decision alone, without the reasons :func:`derive_status` words, and so
    cheap: the document rules check every stored status with it.
    :data:`ROW_STATUS` gives the status of a row.
    """
    # R1-R4: reviews.
    reviews = claim.reviews
    if reviews:
        verdicts = {review.verdict for review in reviews}
        true_side = not verdicts.isdisjoint(TRUE_VERDICTS)
        false_side = not verdicts.isdisjoint(FALSE_VERDICTS)
        if true_side and false_side:
            return "R1"
        if false_side:
            return "R2"
        if not verdicts.isdisjoint(CONTESTED_VERDICTS):
            return "R3"
        if true_side:
            return "R4"
    attribution = claim.attribution
    # R5: a checked link that failed (any hop: R5 comes before a denial's R6).
    denied = False
    for hop in attribution:
        if hop.link_status in BROKEN_LINKS:
            return "R5"
        if hop.mode is AttributionMode.DENIED:
            denied = True
    # R6: sources on opposite sides, or a source in the chain denies it.
    factuality = claim.factuality
    values = {perspective.value for perspective in factuality} if factuality else _NONE
    if denied or (not values.isdisjoint(_POSITIVE) and not values.isdisjoint(_NEGATIVE)):
        return "R6"
    # R7: explicitly unknown.
    hedges = claim.hedges
    categories = {hedge.category for hedge in hedges} if hedges else _NONE
    if HedgeCategory.UNRESOLVED in categories:
        return "R7"
    if reviews and any(review.verdict is Verdict.UNVERIFIABLE for review in reviews):
        return "R7"
    if not values.isdisjoint(_UNCOMMITTED):
        for perspective in factuality:
            if perspective.source == publisher_id and perspective.value in _UNCOMMITTED:
                return "R7"
    # R8: corroboration, known only across documents.
    if independent_origins is not None and independent_origins >= 2:
        return "R8"
    # R9: committed only as probable or possible.
    if not categories.isdisjoint(UNCERTAIN_HEDGES) or not values.isdisjoint(_PARTIAL):
        return "R9"
    if not attribution:
        return "R11" if categories.isdisjoint(HEARSAY_HEDGES) else "R10"
    origin = sources.get(attribution[-1].source)
    return "R12" if origin is not None and origin.kind in _NAMED else "R13"


ROW_STATUS: Mapping[str, ConfidenceStatus] = {
    "R1": ConfidenceStatus.DISPUTED,
    "R2": ConfidenceStatus.REFUTED,
    "R3": ConfidenceStatus.DISPUTED,
    "R4": ConfidenceStatus.CONFIRMED,
    "R5": ConfidenceStatus.DISPUTED,
    "R6": ConfidenceStatus.DISPUTED,
    "R7": ConfidenceStatus.UNRESOLVED,
    "R8": ConfidenceStatus.CORROBORATED,
    "R9": ConfidenceStatus.HEDGED,
    "R10": ConfidenceStatus.REPORTED,
    "R11": ConfidenceStatus.ASSERTED,
    "R12": ConfidenceStatus.ATTRIBUTED,
    "R13": ConfidenceStatus.REPORTED,
}
"""The status each row of the decision table gives."""
_ROW_STATUS = ROW_STATUS


# -- the reasons of each row: every fact that made it match, in record order

_Reasons = Callable[[Claim, Mapping[str, Source], str, int | None], tuple[str, ...]]


def _rated(
    reviews: list[Review], sources: Mapping[str, Source], publisher_id: str
) -> tuple[str, ...]:
    return tuple(
        f"reviewed {review.verdict.value} by {_label(sources, review.reviewer, publisher_id)}"
        + (f" ({review.label!r})" if review.label else "")
        for review in reviews
    )


def _reviewed(*sides: frozenset[Verdict]) -> _Reasons:
    def reasons(
        claim: Claim, sources: Mapping[str, Source], publisher_id: str, _origins: int | None
    ) -> tuple[str, ...]:
        picked = [review for side in sides for review in claim.reviews if review.verdict in side]
        return _rated(picked, sources, publisher_id)

    return reasons


def _broken(
    claim: Claim, sources: Mapping[str, Source], publisher_id: str, _origins: int | None
) -> tuple[str, ...]:
    return tuple(
        f"link to {_label(sources, hop.source, publisher_id)} at hop {index} "
        f"is {hop.link_status.value}"
        for index, hop in enumerate(claim.attribution)
        if hop.link_status in BROKEN_LINKS
    )


def _opposed(
    claim: Claim, sources: Mapping[str, Source], publisher_id: str, _origins: int | None
) -> tuple[str, ...]:
    opposed: list[str] = []
    values = {perspective.value for perspective in claim.factuality}
    if not values.isdisjoint(_POSITIVE) and not values.isdisjoint(_NEGATIVE):
        opposed.extend(
            f"{_label(sources, p.source, publisher_id)} holds it {p.value.value}"
            for p in claim.factuality
            if p.value.polarity
        )
    opposed.extend(
        f"{_label(sources, hop.source, publisher_id)} denies it (hop {index})"
        for index, hop in enumerate(claim.attribution)
        if hop.mode is AttributionMode.DENIED
    )
    return tuple(opposed)


def _unknown(
    claim: Claim, sources: Mapping[str, Source], publisher_id: str, _origins: int | None
) -> tuple[str, ...]:
    unknown = [
        f"hedge {h.text!r} ({h.category.value})"
        for h in claim.hedges
        if h.category is HedgeCategory.UNRESOLVED
    ]
    unknown.extend(
        f"reviewed unverifiable by {_label(sources, r.reviewer, publisher_id)}"
        for r in claim.reviews
        if r.verdict is Verdict.UNVERIFIABLE
    )
    unknown.extend(
        f"the publisher's factuality is {p.value.value}"
        for p in claim.factuality
        if p.source == publisher_id and p.value in _UNCOMMITTED
    )
    return tuple(unknown)


def _corroborated(
    _claim: Claim, _sources: Mapping[str, Source], _publisher_id: str, origins: int | None
) -> tuple[str, ...]:
    return (f"{origins} independent origins",)


def _weak(
    claim: Claim, sources: Mapping[str, Source], publisher_id: str, _origins: int | None
) -> tuple[str, ...]:
    weak = [
        f"hedge {h.text!r} ({h.category.value})"
        for h in claim.hedges
        if h.category in UNCERTAIN_HEDGES
    ]
    weak.extend(
        f"{_label(sources, p.source, publisher_id)} holds it {p.value.value}"
        for p in claim.factuality
        if p.value in _PARTIAL
    )
    return tuple(weak)


def _hearsay(
    claim: Claim, _sources: Mapping[str, Source], _publisher_id: str, _origins: int | None
) -> tuple[str, ...]:
    return tuple(
        f"hedge {h.text!r} ({h.category.value}) stands in for a source"
        for h in claim.hedges
        if h.category in HEARSAY_HEDGES
    )


def _alone(
    _claim: Claim, sources: Mapping[str, Source], publisher_id: str, _origins: int | None
) -> tuple[str, ...]:
    return (f"asserted by {_label(sources, publisher_id, publisher_id)} alone",)


def _origin(
    claim: Claim, sources: Mapping[str, Source], publisher_id: str, _origins: int | None
) -> tuple[str, ...]:
    origin = claim.attribution[-1]
    origin_source = sources.get(origin.source)
    kind = origin_source.kind.value if origin_source else "unknown"
    return (f"origin {_label(sources, origin.source, publisher_id)} is {kind}",)


_REASONS: Mapping[str, _Reasons] = {
    "R1": _reviewed(TRUE_VERDICTS, FALSE_VERDICTS),
    "R2": _reviewed(FALSE_VERDICTS),
    "R3": _reviewed(CONTESTED_VERDICTS),
    "R4": _reviewed(TRUE_VERDICTS),
    "R5": _broken,
    "R6": _opposed,
    "R7": _unknown,
    "R8": _corroborated,
    "R9": _weak,
    "R10": _hearsay,
    "R11": _alone,
    "R12": _origin,
    "R13": _origin,
}


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
