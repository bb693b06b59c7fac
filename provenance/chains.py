"""Chain analysis: what one claim's attribution chain says about its sourcing.

A chain is read as *levels*: level 0 is the publisher of the document, level
``i + 1`` is the source of hop ``i`` (nearest first), and the last level is the
origin. A claim with no hops has one level, and its origin is the publisher.

Everything here is a pure function of the model: no I/O, no corpus knowledge
(for that see :mod:`provenance.corpus`). :func:`analyze_chain` gathers the
whole analysis of one claim into a :class:`ChainAnalysis`;
:func:`describe_chain` writes a chain for people to read::

    One America News <- Fox News <- unnamed U.S. State Department spokesperson
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping

import attrs

from provenance.model import Claim, Document, Hedge, Source
from provenance.vocabulary import (
    RELAYING_MODES,
    WEAKENING_HEDGES,
    AttributionMode,
    Factuality,
    LinkStatus,
    SourceKind,
)

__all__ = [
    "ChainAnalysis",
    "HedgeShift",
    "Link",
    "OriginClass",
    "analyze_chain",
    "describe_chain",
    "origin_class",
    "source_label",
]


_CERTAIN = frozenset({Factuality.CERTAIN_POSITIVE, Factuality.CERTAIN_NEGATIVE})
_UNCERTAIN = frozenset(
    {
        Factuality.PROBABLE_POSITIVE,
        Factuality.POSSIBLE_POSITIVE,
        Factuality.PROBABLE_NEGATIVE,
        Factuality.POSSIBLE_NEGATIVE,
        Factuality.CERTAIN_UNDERSPECIFIED,
        Factuality.UNDERSPECIFIED,
    }
)
_ARTICLE = re.compile(r"^(?:a|an|the|one)\s+", re.IGNORECASE)


class OriginClass(enum.StrEnum):
    """How identifiable a chain's origin is."""

    NAMED = "named"
    """A named source: a person, an organisation, a publication, a document, the author."""
    UNNAMED = "unnamed"
    """An identifiable but unnamed source ("a senior official", "analysts")."""
    VAGUE = "vague"
    """No identifiable source at all ("multiple reports", "it is believed", unknown)."""


def origin_class(source: Source | None) -> OriginClass:
    """Classify ``source`` (``None``, a source the record lacks, counts as vague)."""
    if source is None or source.kind.is_vague:
        return OriginClass.VAGUE
    if source.kind.is_named:
        return OriginClass.NAMED
    return OriginClass.UNNAMED


def source_label(source: Source | None, sources: Mapping[str, Source] | None = None) -> str:
    """Return a short label for ``source``, as a reader wants it in a chain.

    Named sources give their name. Unnamed ones say so and carry the words the
    text uses ("unnamed U.S. State Department spokesperson"), or, with no words,
    their affiliation ("unnamed source of Reuters"). Vague ones give their words
    in double quotes followed by ``(vague)``.
    """
    if source is None:
        return "unknown source"
    affiliation = None
    if source.affiliation is not None and sources is not None:
        parent = sources.get(source.affiliation)
        if parent is not None and parent.id != source.id:
            affiliation = parent.name or parent.descriptor
    if source.kind.is_named:
        return source.name or source.descriptor or source.id
    if source.kind in (SourceKind.UNNAMED_INDIVIDUAL, SourceKind.UNNAMED_GROUP):
        words = _ARTICLE.sub("", source.descriptor or "").strip()
        if words:
            return words if words.lower().startswith("unnamed") else f"unnamed {words}"
        noun = "source" if source.kind is SourceKind.UNNAMED_INDIVIDUAL else "sources"
        return f"unnamed {noun} of {affiliation}" if affiliation else f"unnamed {noun}"
    wording = source.descriptor or source.name
    kind = "vague" if source.kind is SourceKind.VAGUE_REPORTS else source.kind.value
    return f'"{wording}" ({kind})' if wording else f"{kind} source"


@attrs.frozen
class Link:
    """One hop seen as a link between two levels, with whose word it rests on."""

    index: int
    """The hop's position in the chain (0 is the source the publisher cites)."""
    citing: str
    """Id of the source at the level before (the publisher for hop 0)."""
    cited: str
    """Id of the hop's source."""
    mode: AttributionMode
    """How the claim is attributed."""
    asserted_by: str
    """Id of the source whose word the link rests on (the publisher when the record says none)."""
    link_status: LinkStatus
    """What is known of the link beyond that word."""

    @property
    def checked(self) -> bool:
        """Whether anything beyond the citing text's word is known of the link."""
        return self.link_status is not LinkStatus.AS_REPORTED

    @property
    def broken(self) -> bool:
        """Whether the link was checked and found misrepresented, missing or retracted."""
        return self.link_status in (
            LinkStatus.MISREPRESENTED,
            LinkStatus.NOT_FOUND,
            LinkStatus.RETRACTED,
        )


@attrs.frozen
class HedgeShift:
    """A weakening one level of a chain carries that a level nearer the reader does not."""

    from_level: int
    """The level that hedges (1 is the first hop's source)."""
    to_level: int
    """The nearer level that does not (0 is the publisher)."""
    hardened: bool
    """``True`` when the nearer level states the claim flatly (a certain factuality value),
    ``False`` when it merely drops the hedge."""
    cue: str
    """The hedge's words, or the uncertain factuality value (``"PR+"``) the deeper level holds."""
    hedge_index: int | None = None
    """The hedge's position in the claim's ``hedges``; ``None`` for a factuality value."""


@attrs.frozen
class ChainAnalysis:
    """Everything one claim's chain says about its sourcing."""

    claim: str
    """Id of the claim."""
    levels: tuple[str, ...]
    """Source ids, the publisher first, then each hop's source; the last is the origin."""
    origin: str
    """Id of the origin: the last hop's source, or the publisher for an empty chain."""
    origin_class: OriginClass
    """Whether the origin is named, unnamed or vague."""
    intermediaries: tuple[str, ...]
    """Ids of the hop sources between the publisher and the origin."""
    links: tuple[Link, ...]
    """One per hop, nearest first."""
    stops_at_intermediary: bool
    """The last hop is a publication relaying someone else: no origin is reached."""
    hedges_by_level: tuple[tuple[int, ...], ...]
    """For each level, the positions in ``claim.hedges`` of the hedges that qualify it."""
    shifts: tuple[HedgeShift, ...]
    """Hedges hardened or dropped on the way to the reader."""
    labels: tuple[str, ...]
    """A readable label for each level (see :func:`source_label`)."""

    @property
    def depth(self) -> int:
        """The number of hops (0 when the publisher asserts the claim alone)."""
        return len(self.links)

    @property
    def asserted_only(self) -> tuple[Link, ...]:
        """The links known only by the citing text's word (``as_reported``)."""
        return tuple(link for link in self.links if not link.checked)

    @property
    def checked_links(self) -> tuple[Link, ...]:
        """The links that were located or otherwise checked."""
        return tuple(link for link in self.links if link.checked)

    @property
    def description(self) -> str:
        """The chain written out, publisher first: ``"OAN <- Reuters <- Kosovo government"``."""
        if len(self.labels) == 1:
            return f"{self.labels[0]} (no source given)"
        return " <- ".join(self.labels)


def _sources(context: Document | Mapping[str, Source]) -> Mapping[str, Source]:
    if isinstance(context, Document):
        return {source.id: source for source in context.sources}
    return context


def describe_chain(
    claim: Claim,
    context: Document | Mapping[str, Source],
    *,
    publisher: str | None = None,
) -> str:
    """Write ``claim``'s chain for people: ``"OAN <- Fox News <- unnamed spokesperson"``.

    ``context`` is the claim's document, or its sources by id with ``publisher``.
    """
    return analyze_chain(claim, context, publisher=publisher).description


def analyze_chain(
    claim: Claim,
    context: Document | Mapping[str, Source],
    *,
    publisher: str | None = None,
) -> ChainAnalysis:
    """Analyse ``claim``'s attribution chain.

    ``context`` is the claim's document, or a mapping of its sources by id
    (then ``publisher`` names the publisher's id). Ids the record does not hold
    are tolerated: such a source counts as vague and is labelled by its id.
    """
    sources = _sources(context)
    publisher_id = context.publisher if isinstance(context, Document) else (publisher or "")
    hops = claim.attribution
    levels = (publisher_id, *(hop.source for hop in hops))
    origin = levels[-1]
    links = []
    for index, hop in enumerate(hops):
        links.append(
            Link(
                index=index,
                citing=levels[index],
                cited=hop.source,
                mode=hop.mode,
                asserted_by=hop.asserted_by or publisher_id,
                link_status=hop.link_status,
            )
        )
    stops = False
    if hops:
        last = sources.get(hops[-1].source)
        stops = (
            last is not None
            and last.kind is SourceKind.PUBLICATION
            and hops[-1].mode in RELAYING_MODES
        )
    by_level = _hedges_by_level(claim, levels)
    labels = tuple(
        source_label(sources.get(level), sources) if level in sources else level for level in levels
    )
    return ChainAnalysis(
        claim=claim.id,
        levels=levels,
        origin=origin,
        origin_class=origin_class(sources.get(origin)),
        intermediaries=tuple(hop.source for hop in hops[:-1]),
        links=tuple(links),
        stops_at_intermediary=stops,
        hedges_by_level=by_level,
        shifts=_shifts(claim, levels, by_level),
        labels=labels,
    )


def _hedges_by_level(claim: Claim, levels: tuple[str, ...]) -> tuple[tuple[int, ...], ...]:
    """Assign each hedge to the deepest level whose source it qualifies (publisher for none)."""
    position = {source: level for level, source in enumerate(levels)}
    buckets: list[list[int]] = [[] for _ in levels]
    for index, hedge in enumerate(claim.hedges):
        level = 0 if hedge.source is None else position.get(hedge.source)
        if level is not None:
            buckets[level].append(index)
    return tuple(tuple(bucket) for bucket in buckets)


def _carried_in_text(claim: Claim, hedge: Hedge) -> bool:
    """Whether the hedge's words stand inside the claim as the publisher words it."""
    if (
        hedge.span is not None
        and claim.span is not None
        and claim.span.start <= hedge.span.start
        and hedge.span.end <= claim.span.end
    ):
        return True
    return hedge.text.casefold() in claim.text.casefold()


def _shifts(
    claim: Claim, levels: tuple[str, ...], by_level: tuple[tuple[int, ...], ...]
) -> tuple[HedgeShift, ...]:
    """Find hedges (or uncertain factuality) lost on the way from a deeper level to the reader.

    A weakening hedge at level ``k`` is carried when its words stand inside
    the claim's text (the publisher repeats them), or when every nearer level
    has a weakening hedge of its own. Otherwise the nearest level without one
    drops it, or hardens it when that level's factuality is certain. An
    uncertain factuality value at a deeper level followed by a certain one at
    a nearer level is a hardening too.
    """
    if len(levels) < 2:
        return ()
    commitment: dict[str, Factuality] = {}
    for perspective in claim.factuality:
        commitment.setdefault(perspective.source, perspective.value)
    weakened = [
        any(claim.hedges[i].category in WEAKENING_HEDGES for i in bucket) for bucket in by_level
    ]
    shifts: list[HedgeShift] = []
    for level in range(1, len(levels)):
        for index in by_level[level]:
            hedge = claim.hedges[index]
            if hedge.category not in WEAKENING_HEDGES or _carried_in_text(claim, hedge):
                continue
            for nearer in range(level - 1, -1, -1):
                if weakened[nearer]:
                    continue
                shifts.append(
                    HedgeShift(
                        from_level=level,
                        to_level=nearer,
                        hardened=commitment.get(levels[nearer]) in _CERTAIN,
                        cue=hedge.text,
                        hedge_index=index,
                    )
                )
                break
    seen = {(shift.from_level, shift.to_level) for shift in shifts}
    for level in range(1, len(levels)):
        deeper = commitment.get(levels[level])
        if deeper is None or deeper not in _UNCERTAIN:
            continue
        for nearer in range(level - 1, -1, -1):
            if commitment.get(levels[nearer]) in _CERTAIN and (level, nearer) not in seen:
                shifts.append(
                    HedgeShift(from_level=level, to_level=nearer, hardened=True, cue=deeper.value)
                )
                break
    return tuple(shifts)
