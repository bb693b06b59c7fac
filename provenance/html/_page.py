"""The view of one Document (and its audit) that the report templates render.

:func:`document_page` turns a :class:`~provenance.model.Document` and its audit
findings into a :class:`DocumentPage`: plain frozen objects holding the text
already cut into segments, each claim's chain laid out for an SVG diagram, and
the summary counts. Nothing here escapes or formats HTML; the templates do,
with autoescaping on, so every string of the record reaches the page as text.

Overlapping and nested claims are handled by cutting the text at every
boundary of every claim, hedge, cue and mention span: each :class:`Segment`
knows every claim that covers it, and takes the colour of the innermost one.
"""

from __future__ import annotations

import collections
import itertools
import textwrap
from collections.abc import Iterable, Sequence

import attrs

from provenance.html._findings import FindingView, describe_chain, source_class
from provenance.model import Claim, Document, Hop, Source
from provenance.vocabulary import AttributionMode, ConfidenceStatus, LinkStatus, SourceKind

__all__ = [
    "STATUS_STYLES",
    "Badge",
    "ChainDiagram",
    "ChainEdge",
    "ChainNode",
    "ClaimView",
    "DocumentPage",
    "HedgeRow",
    "HopRow",
    "Mark",
    "ReviewRow",
    "Segment",
    "StatusStyle",
    "Summary",
    "chain_diagram",
    "document_page",
    "segments",
    "web_link",
]


@attrs.frozen
class StatusStyle:
    """How one confidence status looks: its word, an icon and what it means."""

    status: str
    """The status value (also the CSS class suffix)."""
    word: str
    """The word shown beside every highlight."""
    icon: str
    """A one- or two-character symbol shown with the word."""
    meaning: str
    """A one-line explanation for the legend."""


STATUS_STYLES: dict[ConfidenceStatus, StatusStyle] = {
    ConfidenceStatus(style.status): style
    for style in (
        StatusStyle("confirmed", "confirmed", "\u2713", "a fact-checker rates it true"),
        StatusStyle(
            "corroborated", "corroborated", "\u2713\u2713", "two or more independent origins"
        ),
        StatusStyle("attributed", "attributed", "\u25cf", "one chain to a named origin"),
        StatusStyle("reported", "reported", "\u25d0", "only unnamed or vague origins"),
        StatusStyle("asserted", "asserted", "\u25cb", "the publisher's word alone"),
        StatusStyle("hedged", "hedged", "\u223c", "committed only as probable or possible"),
        StatusStyle("unresolved", "unresolved", "?", "explicitly unknown"),
        StatusStyle("disputed", "disputed", "\u00b1", "sources or reviews conflict"),
        StatusStyle("refuted", "refuted", "\u2717", "a fact-checker rates it false"),
    )
}
"""Every status, in legend order (strongest support first, then the troubled ones)."""

_MODE_WORDS: dict[AttributionMode, str] = {
    AttributionMode.DIRECT_QUOTE: "quotes",
    AttributionMode.PARTIAL_QUOTE: "partly quotes",
    AttributionMode.PARAPHRASE: "paraphrases",
    AttributionMode.ACCORDING_TO: "according to",
    AttributionMode.TOLD: "was told by",
    AttributionMode.REPORTED: "reports",
    AttributionMode.CITING: "cites",
    AttributionMode.CLAIMED: "says it was claimed by",
    AttributionMode.CONFIRMED: "says it was confirmed by",
    AttributionMode.DENIED: "says it was denied by",
    AttributionMode.BELIEF: "says it is believed by",
    AttributionMode.DOCUMENT_STATES: "cites the document",
}


def web_link(url: str | None) -> str | None:
    """``url`` when it is an ``http(s)`` address a page may link to, else ``None``.

    Only such addresses become links; anything else (``javascript:``, ``data:``,
    relative paths) is shown as text.
    """
    if url is None:
        return None
    lowered = url.strip().lower()
    if lowered.startswith(("https://", "http://")) and len(lowered) > len("https://"):
        return url.strip()
    return None


@attrs.frozen
class Badge:
    """The status word and icon placed where a claim starts; it is the claim's button."""

    claim: str
    """Id of the claim."""
    style: StatusStyle
    """Its status."""
    number: int
    """The claim's 1-based position in the record (shown to tell badges apart)."""


@attrs.frozen
class Mark:
    """A hedge, attribution cue or source mention standing in the text."""

    kind: str
    """``hedge``, ``cue`` or ``mention``."""
    note: str
    """What it is, for the tooltip ("hedge: unresolved")."""


@attrs.frozen
class Segment:
    """A run of text covered by the same claims and marks throughout."""

    text: str
    """The characters of the run."""
    claims: tuple[str, ...] = ()
    """Ids of the claims covering it, innermost first."""
    style: StatusStyle | None = None
    """The status of the innermost covering claim (its colour)."""
    depth: int = 0
    """How many claims cover it (nested claims show a deeper underline)."""
    marks: tuple[Mark, ...] = ()
    """The hedges, cues and mentions covering it."""
    badges: tuple[Badge, ...] = ()
    """Badges of the claims that start here, outermost first."""

    @property
    def mark_kinds(self) -> tuple[str, ...]:
        """The distinct kinds of mark covering the run, sorted."""
        return tuple(sorted({mark.kind for mark in self.marks}))

    @property
    def note(self) -> str:
        """A tooltip listing the marks."""
        return "; ".join(mark.note for mark in self.marks)


@attrs.frozen
class ChainNode:
    """A box of the chain diagram: the publisher, an intermediary or the origin."""

    label: str
    """The source's name or descriptor."""
    lines: tuple[str, ...]
    """The label wrapped to fit the box."""
    kind: str
    """The source kind value (``vague_reports``)."""
    kind_class: str
    """``named``, ``unnamed`` or ``vague``."""
    role: str
    """``publisher``, ``intermediary`` or ``origin``."""
    y: int
    """Top of the box in the diagram."""
    height: int
    """Height of the box."""


@attrs.frozen
class ChainEdge:
    """An arrow of the chain diagram: how one source passes the claim on."""

    mode: str
    """The attribution mode value."""
    words: str
    """The mode in words ("according to")."""
    cue: str | None
    """The cue's words in the text."""
    details: tuple[str, ...]
    """Medium, recipient, date, who asserts the link, its link status: what applies."""
    y1: int
    """Where the arrow starts (bottom of the box above)."""
    y2: int
    """Where it ends (top of the box below)."""


@attrs.frozen
class ChainDiagram:
    """A vertical chain diagram: publisher at the top, origin at the bottom."""

    nodes: tuple[ChainNode, ...]
    """Boxes, top to bottom."""
    edges: tuple[ChainEdge, ...]
    """Arrows between consecutive boxes."""
    width: int
    """Width of the SVG viewBox."""
    height: int
    """Height of the SVG viewBox."""
    description: str
    """The chain in one line, for screen readers and as a caption."""


@attrs.frozen
class HopRow:
    """One hop of a chain as a table row."""

    source: str
    """The source's label."""
    kind: str
    """Its kind value."""
    kind_class: str
    """``named``, ``unnamed`` or ``vague``."""
    mode: str
    """The attribution mode value."""
    cue: str | None
    """The cue's words."""
    mention: str | None
    """The source's own words in the text."""
    quote: str | None
    """The quoted words."""
    details: tuple[str, ...]
    """Medium, recipient, date, asserted by, link status."""


@attrs.frozen
class HedgeRow:
    """A hedge of a claim."""

    text: str
    """The cue's words."""
    category: str
    """Its category value."""
    source: str
    """Whose commitment it qualifies."""
    factuality: str | None
    """The factuality value it sets."""


@attrs.frozen
class ReviewRow:
    """A fact-checker's review, with the reviewer's own label kept."""

    reviewer: str
    """The reviewer's label."""
    verdict: str
    """The normalised verdict value."""
    label: str | None
    """The reviewer's own words, verbatim."""
    rating: str | None
    """The rating as published ("1 on a scale from 5 (worst) to 1 (best)")."""
    url: str | None
    """Where the review is published."""
    href: str | None
    """``url`` when it may be a link (http or https)."""
    date: str | None
    """When."""
    evidence: tuple[tuple[str, str | None, str | None, str | None], ...]
    """(stance, note, url, link) of each piece of evidence; link as for ``href``."""


@attrs.frozen
class ClaimView:
    """Everything the detail panel shows about one claim."""

    id: str
    """The claim id."""
    number: int
    """1-based position in the record."""
    text: str
    """The claim's words."""
    style: StatusStyle
    """Its status."""
    reasons: tuple[str, ...]
    """Why the status is what it is."""
    override: str | None
    """The stated reason for an overridden status."""
    inherits: str | None
    """Id of the claim whose chain it carries over."""
    placed: bool
    """Whether the claim has a span in the text."""
    key: str | None
    """Identity shared across documents."""
    credibility: int | None
    """Admiralty credibility 1-6."""
    chain: ChainDiagram
    """The chain diagram."""
    hops: tuple[HopRow, ...]
    """The chain as table rows, nearest first."""
    hedges: tuple[HedgeRow, ...]
    """Its hedges."""
    perspectives: tuple[tuple[str, str, str | None], ...]
    """(source, factuality value, temporality) per source."""
    reviews: tuple[ReviewRow, ...]
    """Fact-checkers' reviews."""
    findings: tuple[FindingView, ...]
    """Audit findings about this claim."""


@attrs.frozen
class Summary:
    """The counts at the top of the page."""

    by_status: tuple[tuple[StatusStyle, int], ...]
    """Claims per status, every status listed."""
    by_kind: tuple[tuple[str, str, int], ...]
    """(kind value, named/unnamed/vague, count) of the sources the chains cite."""
    by_rule: tuple[tuple[str, str, int], ...]
    """(code, severity, count) of the audit findings."""
    claims: int
    """Number of claims."""
    named_origins: int
    """Claims whose chain ends at a named source."""

    @property
    def named_share(self) -> str:
        """The share of claims with a named origin, as a whole percentage."""
        if not self.claims:
            return "\u2013"
        return f"{round(100 * self.named_origins / self.claims)}%"


@attrs.frozen
class DocumentPage:
    """Everything the report page of one Document shows."""

    id: str
    """The record id."""
    title: str
    """The headline (the id when the record has none)."""
    url: str | None
    """Where the text is published."""
    href: str | None
    """``url`` when it may be a link (http or https; following it is the reader's choice)."""
    publisher: str
    """The publisher's label."""
    authors: tuple[str, ...]
    """The authors' labels."""
    published: str | None
    """When it was published."""
    language: str | None
    """Its language tag."""
    drafted: str | None
    """Who drafted the record, when a program did."""
    has_text: bool
    """Whether the record carries its text."""
    segments: tuple[Segment, ...]
    """The text cut at every span boundary."""
    claims: tuple[ClaimView, ...]
    """Every claim, in record order."""
    document_findings: tuple[FindingView, ...]
    """Audit findings about the document as a whole."""
    summary: Summary
    """The counts at the top."""
    audit_ran: bool
    """Whether an audit was available."""
    legend: tuple[StatusStyle, ...] = tuple(STATUS_STYLES.values())
    """The statuses in legend order."""

    @property
    def script_data(self) -> dict[str, object]:
        """What the page's script needs: claim ids in order with status, words and span."""
        return {
            "claims": [
                {
                    "id": claim.id,
                    "number": claim.number,
                    "status": claim.style.status,
                    "text": claim.text,
                }
                for claim in self.claims
            ]
        }


def document_page(
    document: Document, findings: Sequence[FindingView] = (), *, audit_ran: bool = False
) -> DocumentPage:
    """Build the page view of ``document`` with the audit ``findings`` about it."""
    sources = {source.id: source for source in document.sources}
    numbers = {claim.id: index for index, claim in enumerate(document.claims, start=1)}
    by_claim: dict[str | None, list[FindingView]] = collections.defaultdict(list)
    for finding in findings:
        by_claim[finding.claim if finding.claim in numbers else None].append(finding)
    claims = tuple(
        _claim_view(document, claim, numbers[claim.id], sources, tuple(by_claim[claim.id]))
        for claim in document.claims
    )
    drafted = None
    if document.drafted_by is not None:
        parts = [document.drafted_by.tool, document.drafted_by.version, document.drafted_by.method]
        drafted = " ".join(part for part in parts if part)
    return DocumentPage(
        id=document.id,
        title=document.title or document.id,
        url=document.url,
        href=web_link(document.url),
        publisher=_label(sources, document.publisher),
        authors=tuple(_label(sources, author) for author in document.authors),
        published=document.published,
        language=document.language,
        drafted=drafted,
        has_text=document.text is not None,
        segments=_trim_ends(segments(document, numbers)) if document.text is not None else (),
        claims=claims,
        document_findings=tuple(by_claim[None]),
        summary=_summary(document, sources, findings),
        audit_ran=audit_ran,
    )


def _trim_ends(runs: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """Drop blank lines before and after the text (in plain runs only; claims stay exact)."""
    if not runs:
        return runs
    first, last = runs[0], runs[-1]
    if not (first.claims or first.marks):
        first = attrs.evolve(first, text=first.text.lstrip())
    if len(runs) == 1:
        return (first,) if first.text or first.badges else ()
    if not (last.claims or last.marks):
        last = attrs.evolve(last, text=last.text.rstrip())
    return (first, *runs[1:-1], last)


def _label(sources: dict[str, Source], source_id: str | None) -> str:
    if source_id is None:
        return "?"
    source = sources.get(source_id)
    return source.label if source is not None else source_id


def segments(document: Document, numbers: dict[str, int] | None = None) -> tuple[Segment, ...]:
    """Cut ``document.text`` at every span boundary; each run knows its claims and marks."""
    text = document.text or ""
    if numbers is None:
        numbers = {claim.id: index for index, claim in enumerate(document.claims, start=1)}
    placed = [
        claim for claim in document.claims if claim.span is not None and claim.span.end <= len(text)
    ]
    marks = list(_marks(document, len(text)))
    cuts = {0, len(text)}
    for claim in placed:
        assert claim.span is not None
        cuts.update((claim.span.start, claim.span.end))
    for start, end, _ in marks:
        cuts.update((start, end))
    ordered = sorted(cuts)
    # Badges of claims starting at a cut, outermost (longest) first.
    starting: dict[int, list[Claim]] = collections.defaultdict(list)
    for claim in placed:
        assert claim.span is not None
        starting[claim.span.start].append(claim)
    result: list[Segment] = []
    for start, end in itertools.pairwise(ordered):
        covering = [
            claim
            for claim in placed
            if claim.span is not None and claim.span.start <= start and claim.span.end >= end
        ]
        covering.sort(key=lambda claim: _innermost_first(claim, numbers))
        badges = sorted(
            starting.pop(start, []),
            key=lambda claim: (-_length(claim), numbers[claim.id]),
        )
        result.append(
            Segment(
                text=text[start:end],
                claims=tuple(claim.id for claim in covering),
                style=STATUS_STYLES[covering[0].status] if covering else None,
                depth=len(covering),
                marks=tuple(mark for s, e, mark in marks if s <= start and e >= end),
                badges=tuple(
                    Badge(claim.id, STATUS_STYLES[claim.status], numbers[claim.id])
                    for claim in badges
                ),
            )
        )
    # Empty claims at the very end of the text get an empty run to carry their badge.
    left = [claim for at in sorted(starting) for claim in starting[at]]
    if left:
        result.append(
            Segment(
                text="",
                badges=tuple(
                    Badge(claim.id, STATUS_STYLES[claim.status], numbers[claim.id])
                    for claim in left
                ),
            )
        )
    return tuple(result)


def _length(claim: Claim) -> int:
    return claim.span.end - claim.span.start if claim.span is not None else 0


def _innermost_first(claim: Claim, numbers: dict[str, int]) -> tuple[int, int, int]:
    start = claim.span.start if claim.span is not None else 0
    return (_length(claim), -start, numbers[claim.id])


def _marks(document: Document, limit: int) -> Iterable[tuple[int, int, Mark]]:
    seen: set[tuple[int, int, str]] = set()
    for claim in document.claims:
        for hedge in claim.hedges:
            if hedge.span is not None:
                seen.add((hedge.span.start, hedge.span.end, f"hedge: {hedge.category.value}"))
        for hop in claim.attribution:
            if hop.cue is not None and hop.cue.span is not None:
                seen.add((hop.cue.span.start, hop.cue.span.end, f"cue: {hop.mode.value}"))
            if hop.mention is not None and hop.mention.span is not None:
                seen.add((hop.mention.span.start, hop.mention.span.end, "source mention"))
    for start, end, note in sorted(seen):
        if end <= limit and start < end:
            kind = "mention" if note == "source mention" else note.split(":", 1)[0]
            yield start, end, Mark(kind, note)


_BOX_WIDTH = 300
_LINE = 16
_EDGE_GAP = 64
_DIAGRAM_WIDTH = 360
_WRAP = 34


def _wrap(label: str) -> tuple[str, ...]:
    lines = textwrap.wrap(label, _WRAP) or [label]
    if len(lines) > 3:
        lines = [*lines[:2], textwrap.shorten(" ".join(lines[2:]), _WRAP, placeholder="\u2026")]
    return tuple(lines)


def chain_diagram(document: Document, claim: Claim, sources: dict[str, Source]) -> ChainDiagram:
    """Lay out ``claim``'s chain from the publisher down to the origin."""
    publisher = sources.get(document.publisher)
    entries: list[tuple[str, Source | None, str]] = [
        (_label(sources, document.publisher), publisher, "publisher")
    ]
    for index, hop in enumerate(claim.attribution):
        role = "origin" if index == len(claim.attribution) - 1 else "intermediary"
        entries.append((_label(sources, hop.source), sources.get(hop.source), role))
    nodes: list[ChainNode] = []
    edges: list[ChainEdge] = []
    y = 8
    for index, (label, source, role) in enumerate(entries):
        lines = _wrap(label)
        height = 30 + _LINE * len(lines)
        if index > 0:
            hop = claim.attribution[index - 1]
            edges.append(
                ChainEdge(
                    mode=hop.mode.value,
                    words=_MODE_WORDS[hop.mode],
                    cue=hop.cue.text if hop.cue is not None else None,
                    details=_hop_details(hop, sources, document.publisher),
                    y1=y - _EDGE_GAP,
                    y2=y,
                )
            )
        nodes.append(
            ChainNode(
                label=label,
                lines=lines,
                kind=source.kind.value if source is not None else SourceKind.UNKNOWN.value,
                kind_class=source_class(source),
                role=role,
                y=y,
                height=height,
            )
        )
        y += height + _EDGE_GAP
    return ChainDiagram(
        nodes=tuple(nodes),
        edges=tuple(edges),
        width=_DIAGRAM_WIDTH,
        height=y - _EDGE_GAP + 8,
        description=describe_chain(document, claim),
    )


def _hop_details(hop: Hop, sources: dict[str, Source], publisher: str) -> tuple[str, ...]:
    details = []
    if hop.medium:
        details.append(f"in a {hop.medium}" if " " not in hop.medium else hop.medium)
    if hop.recipient:
        details.append(f"told {hop.recipient}")
    if hop.date:
        details.append(f"on {hop.date}")
    if hop.asserted_by is not None and hop.asserted_by != publisher:
        details.append(f"link asserted by {_label(sources, hop.asserted_by)}")
    if hop.link_status is not LinkStatus.AS_REPORTED:
        details.append(f"link {hop.link_status.value.replace('_', ' ')}")
    return tuple(details)


def _claim_view(
    document: Document,
    claim: Claim,
    number: int,
    sources: dict[str, Source],
    findings: tuple[FindingView, ...],
) -> ClaimView:
    hops = tuple(
        HopRow(
            source=_label(sources, hop.source),
            kind=sources[hop.source].kind.value if hop.source in sources else "unknown",
            kind_class=source_class(sources.get(hop.source)),
            mode=hop.mode.value,
            cue=hop.cue.text if hop.cue is not None else None,
            mention=hop.mention.text if hop.mention is not None else None,
            quote=hop.quote,
            details=_hop_details(hop, sources, document.publisher),
        )
        for hop in claim.attribution
    )
    hedges = tuple(
        HedgeRow(
            text=hedge.text,
            category=hedge.category.value,
            source=_label(sources, hedge.source or document.publisher),
            factuality=hedge.factuality.value if hedge.factuality is not None else None,
        )
        for hedge in claim.hedges
    )
    reviews = tuple(
        ReviewRow(
            reviewer=_label(sources, review.reviewer),
            verdict=review.verdict.value,
            label=review.label,
            rating=_rating(review.rating.value, review.rating.best, review.rating.worst)
            if review.rating is not None
            else None,
            url=review.url,
            href=web_link(review.url),
            date=review.date,
            evidence=tuple(
                (e.stance.value, e.note, e.url, web_link(e.url)) for e in review.evidence
            ),
        )
        for review in claim.reviews
    )
    return ClaimView(
        id=claim.id,
        number=number,
        text=claim.text,
        style=STATUS_STYLES[claim.status],
        reasons=claim.status_reasons,
        override=claim.status_override,
        inherits=claim.inherits,
        placed=claim.span is not None and document.text is not None,
        key=claim.key,
        credibility=int(claim.credibility) if claim.credibility is not None else None,
        chain=chain_diagram(document, claim, sources),
        hops=hops,
        hedges=hedges,
        perspectives=tuple(
            (
                _label(sources, p.source),
                p.value.value,
                p.temporality.value if p.temporality is not None else None,
            )
            for p in claim.factuality
        ),
        reviews=reviews,
        findings=findings,
    )


def _rating(value: object, best: object, worst: object) -> str | None:
    if value is None and best is None and worst is None:
        return None
    text = "(no value)" if value is None else str(value)
    if best is not None or worst is not None:
        text += f" on a scale from {worst if worst is not None else '?'} (worst)"
        text += f" to {best if best is not None else '?'} (best)"
    return text


def _summary(
    document: Document, sources: dict[str, Source], findings: Sequence[FindingView]
) -> Summary:
    status_counts = collections.Counter(claim.status for claim in document.claims)
    cited: dict[str, Source] = {}
    for claim in document.claims:
        for hop in claim.attribution:
            if hop.source in sources:
                cited[hop.source] = sources[hop.source]
    kind_counts = collections.Counter(source.kind for source in cited.values())
    classes = {source.kind: source_class(source) for source in cited.values()}
    rule_counts = collections.Counter((f.code, f.severity) for f in findings)
    named = 0
    for claim in document.claims:
        origin = claim.origin
        if origin is not None and origin.source in sources and sources[origin.source].kind.is_named:
            named += 1
    return Summary(
        by_status=tuple((style, status_counts[status]) for status, style in STATUS_STYLES.items()),
        by_kind=tuple(
            (kind.value, classes[kind], kind_counts[kind])
            for kind in SourceKind
            if kind_counts[kind]
        ),
        by_rule=tuple(
            (code, severity, count) for (code, severity), count in sorted(rule_counts.items())
        ),
        claims=len(document.claims),
        named_origins=named,
    )
