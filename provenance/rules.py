"""Audit rules: what :func:`provenance.audit.audit_corpus` checks each claim for.

A rule is data: a :class:`Rule` holds a stable code, a name, a default
severity, a one-line summary, a longer explanation and a *check*, a plain
function that receives a :class:`RuleContext` (one claim with its document,
chain analysis, statuses and what the corpus knows) and yields a :class:`Hit`
for each thing it finds. The audit turns hits into
:class:`~provenance.audit_record.Finding` records, stamping the rule's code and
the severity in force. Writing your own rule::

    from provenance.rules import BUILTIN_RULES, Hit, RuleContext, rule
    from provenance.audit_record import Severity

    @rule("X001", "no-date", Severity.INFO, "hop without a date",
          "Undated statements are hard to check.")
    def no_date(context: RuleContext):
        for index, hop in enumerate(context.claim.attribution):
            if hop.date is None:
                yield Hit("the statement is undated", path=context.hop_path(index))

    rules = (*BUILTIN_RULES, no_date)

The built-in rules are listed in :data:`BUILTIN_RULES` and documented in
``docs/reference/audit-rules.md``. No registry is global: pass the rules you
want to :class:`provenance.audit.AuditConfig`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping

import attrs

from provenance.audit_record import Severity
from provenance.chains import ChainAnalysis, OriginClass
from provenance.corpus import Amplification, ClaimGroup, Corpus, Loop
from provenance.errors import InvalidValue
from provenance.model import Claim, Document, Source, Span
from provenance.status import StatusDecision
from provenance.vocabulary import (
    FALSE_VERDICTS,
    HEARSAY_HEDGES,
    STATEMENT_MODES,
    TRUE_VERDICTS,
    UNNAMED_KINDS,
    ConfidenceStatus,
    Credibility,
)

__all__ = [
    "BROKEN_LINK",
    "BUILTIN_RULES",
    "CHAIN_STOPS_AT_INTERMEDIARY",
    "CIRCULAR_REPORTING",
    "CONFIRMED_WITHOUT_EVIDENCE",
    "CONFLICTING_VERDICTS",
    "CORROBORATED_WITHOUT_ORIGINS",
    "CREDIBILITY_WITHOUT_ORIGINS",
    "HEDGE_SHIFT",
    "SINGLE_ORIGIN_AMPLIFICATION",
    "STATUS_MISMATCH",
    "UNNAMED_WITHOUT_REASON",
    "UNSOURCED_ASSERTION",
    "VAGUE_SOURCES",
    "Check",
    "Hit",
    "Rule",
    "RuleContext",
    "rule",
]

_CODE = re.compile(r"^[A-Z][A-Z0-9]*[0-9]{3}$")


@attrs.frozen
class Hit:
    """One thing a rule's check found: a one-line message and where it points."""

    message: str
    """What was found, in one line."""
    path: str | None = None
    """JSON path inside the document; the claim's own path when ``None``."""
    span: Span | None = None
    """The words of the text it points at; the claim's span when ``None``."""
    details: tuple[str, ...] = ()
    """Further facts worth listing."""


@attrs.frozen
class RuleContext:
    """Everything a rule may look at for one claim."""

    corpus: Corpus
    """The corpus being audited."""
    document: Document
    """The claim's document."""
    document_index: int
    """Its index in the corpus."""
    claim: Claim
    """The claim."""
    claim_index: int
    """Its index in the document's ``claims``."""
    sources: Mapping[str, Source]
    """The document's sources by id."""
    chain: ChainAnalysis
    """The claim's chain analysis."""
    local: StatusDecision
    """The status the claim's own document gives it."""
    decision: StatusDecision
    """The status with what the corpus knows."""
    group: ClaimGroup
    """The claims of the corpus that are the same claim."""
    loops: tuple[Loop, ...] = ()
    """Circular reporting this claim takes part in."""
    amplification: Amplification | None = None
    """Single-origin amplification of this claim's group, if any."""

    @property
    def path(self) -> str:
        """The claim's JSON path in its document (``$.claims[3]``)."""
        return f"$.claims[{self.claim_index}]"

    def hop_path(self, index: int) -> str:
        """Return the JSON path of hop ``index`` of the claim's chain."""
        return f"{self.path}.attribution[{index}]"

    def hop_span(self, index: int) -> Span | None:
        """Return the best span for hop ``index``: its mention, else its cue, else the claim's."""
        hop = self.claim.attribution[index]
        for excerpt in (hop.mention, hop.cue):
            if excerpt is not None and excerpt.span is not None:
                return excerpt.span
        return self.claim.span

    def label(self, level: int) -> str:
        """Return the readable label of chain level ``level`` (0 is the publisher)."""
        return self.chain.labels[level]


Check = Callable[[RuleContext], Iterable[Hit]]
"""A rule's check: a plain function of a :class:`RuleContext` yielding :class:`Hit` values."""


@attrs.frozen
class Rule:
    """An audit rule: stable code, default severity, one-line summary, explanation, check."""

    code: str = attrs.field()
    """Stable code: capital letters, then three digits (``PV101``)."""
    name: str
    """A short slug (``vague-sources``)."""
    severity: Severity = attrs.field(converter=Severity)
    """The default severity."""
    summary: str
    """What the rule finds, in one line."""
    explanation: str
    """Why it matters and what to do about it."""
    check: Check = attrs.field(eq=False, repr=False)
    """The function that finds it."""

    @code.validator
    def _code(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not _CODE.match(value):
            raise InvalidValue(
                f"Rule.code: {value!r} is not a rule code",
                expected="capital letters then three digits, like PV101",
                found=repr(value),
            )


def rule(
    code: str, name: str, severity: Severity | str, summary: str, explanation: str
) -> Callable[[Check], Rule]:
    """Make a :class:`Rule` of the decorated check function (registers nothing)."""

    def make(check: Check) -> Rule:
        return Rule(
            code=code,
            name=name,
            severity=Severity(severity),
            summary=summary,
            explanation=explanation,
            check=check,
        )

    return make


@rule(
    "PV101",
    "vague-sources",
    Severity.WARNING,
    "claim sourced only to vague reports",
    'The chain ends at a source with no identifiable origin ("multiple reports", '
    '"it is believed", an unknown source), or, with no chain at all, a hearsay cue '
    '("reportedly", "some say") stands in for a source. Nobody can be asked whether the '
    "claim holds. Find who first said it, or present it as unconfirmed.",
)
def _vague_sources(context: RuleContext) -> Iterator[Hit]:
    chain = context.chain
    if chain.depth and chain.origin_class is OriginClass.VAGUE:
        last = chain.depth - 1
        yield Hit(
            f"sourced only to vague reports: {context.label(chain.depth)}",
            path=context.hop_path(last),
            span=context.hop_span(last),
        )
    elif not chain.depth:
        for index, hedge in enumerate(context.claim.hedges):
            if hedge.category in HEARSAY_HEDGES and hedge.source is None:
                yield Hit(
                    f"sourced only to hearsay: {hedge.text!r} stands in for a source",
                    path=f"{context.path}.hedges[{index}]",
                    span=hedge.span,
                )


@rule(
    "PV102",
    "unnamed-without-reason",
    Severity.WARNING,
    "quote or paraphrase from an unnamed origin, with no reason for anonymity",
    "The claim reproduces the words of someone the text does not name, and the record "
    "gives no reason why the name is withheld (Source.anonymity_reason). Newsroom "
    "standards ask for the reason to be stated; readers cannot weigh an anonymous voice "
    "otherwise. Record the reason the text gives, or note that it gives none.",
)
def _unnamed_without_reason(context: RuleContext) -> Iterator[Hit]:
    if not context.chain.depth:
        return
    last = context.chain.depth - 1
    hop = context.claim.attribution[last]
    source = context.sources.get(hop.source)
    if (
        hop.mode in STATEMENT_MODES
        and source is not None
        and source.kind in UNNAMED_KINDS
        and source.anonymity_reason is None
    ):
        intermediaries = context.chain.labels[1:-1]
        inside = f" inside {' <- '.join(intermediaries)}'s report" if intermediaries else ""
        yield Hit(
            f"{hop.mode.value} from an unnamed origin ({context.label(context.chain.depth)})"
            f"{inside}, no reason given for anonymity",
            path=context.hop_path(last),
            span=context.hop_span(last),
        )


@rule(
    "PV103",
    "unsourced-assertion",
    Severity.INFO,
    "factual claim asserted by the publisher with no source",
    "The publisher states the claim on its own word: no chain, no hedge. That is normal for "
    "background facts (geography, dates of public events) and worth a look for anything "
    "contested. Add the source if the text gives one elsewhere.",
)
def _unsourced_assertion(context: RuleContext) -> Iterator[Hit]:
    if not context.chain.depth and context.local.status is ConfidenceStatus.ASSERTED:
        yield Hit(f"asserted by {context.label(0)} with no source")


@rule(
    "PV104",
    "chain-stops-at-intermediary",
    Severity.WARNING,
    "chain stops at an intermediary: no origin reached",
    "The last source of the chain is an outlet that relays the claim (citing, reported, "
    "according to) without saying who it got it from. The origin is unknown, and two such "
    "chains may hide one origin. Follow the outlet's report to its source.",
)
def _chain_stops(context: RuleContext) -> Iterator[Hit]:
    if context.chain.stops_at_intermediary:
        last = context.chain.depth - 1
        yield Hit(
            f"chain stops at {context.label(context.chain.depth)}, which relays the claim "
            "without naming its origin",
            path=context.hop_path(last),
            span=context.hop_span(last),
        )


@rule(
    "PV105",
    "hedge-shift",
    Severity.WARNING,
    "hedge hardened or dropped along the chain",
    'A source deeper in the chain qualified the claim ("expected to", "may", a probable '
    "factuality value) and a level nearer the reader carries no such qualification: it "
    "dropped the hedge, or hardened it when it states the claim as certain. Restore the "
    "hedge or check that the nearer level had grounds to drop it.",
)
def _hedge_shift(context: RuleContext) -> Iterator[Hit]:
    for shift in context.chain.shifts:
        verb = "hardened" if shift.hardened else "dropped"
        if shift.hedge_index is not None:
            hedge = context.claim.hedges[shift.hedge_index]
            path = f"{context.path}.hedges[{shift.hedge_index}]"
            span = hedge.span
        else:
            path = f"{context.path}.factuality"
            span = None
        yield Hit(
            f"{shift.cue!r} of {context.label(shift.from_level)} is {verb} by "
            f"{context.label(shift.to_level)}",
            path=path,
            span=span,
        )


@rule(
    "PV106",
    "corroborated-without-origins",
    Severity.ERROR,
    "'corroborated' without two independent origins",
    "The record calls the claim corroborated, but the corpus does not hold two origins that "
    "share no upstream source. Outlets relaying one statement are one origin. Audit the "
    "documents that corroborate it together, or lower the status.",
)
def _corroborated_without_origins(context: RuleContext) -> Iterator[Hit]:
    count = context.group.independent_origins
    if context.claim.status is ConfidenceStatus.CORROBORATED and count < 2:
        yield Hit(
            f"stored as corroborated, but the corpus knows {count} independent named origin"
            f"{'s' if count != 1 else ''}",
            path=f"{context.path}.status",
        )


@rule(
    "PV107",
    "circular-reporting",
    Severity.ERROR,
    "circular reporting: sources cite each other in a loop",
    "For this claim, following who-cites-whom across the documents returns to where it "
    "started: each source's only support is the other. Nothing in the loop is an origin. "
    "The loop is listed; find the source outside it, if any.",
)
def _circular(context: RuleContext) -> Iterator[Hit]:
    for loop in context.loops:
        documents = list(loop.documents)
        yield Hit(
            f"circular reporting: {loop.description}",
            path=context.hop_path(0) if context.chain.depth else context.path,
            details=tuple(documents),
        )


@rule(
    "PV108",
    "single-origin-amplification",
    Severity.WARNING,
    "many documents, one origin",
    "Several documents carry the claim, but every chain leads to at most one named origin (or "
    "to origins that share an upstream source), whatever unnamed or vague sources add. "
    "Repetition is not confirmation: the claim is as strong as that one origin.",
)
def _amplification(context: RuleContext) -> Iterator[Hit]:
    found = context.amplification
    if found is not None and found.origin:
        yield Hit(
            f"{found.documents} documents carry this claim from one origin: "
            f"{' / '.join(found.origin)}",
            details=found.origin,
        )
    elif found is not None:
        yield Hit(f"{found.documents} documents carry this claim and none names its origin")


@rule(
    "PV109",
    "status-mismatch",
    Severity.ERROR,
    "stored status disagrees with the derived one, without a reason",
    "The record's status is not what the decision table gives, neither from the document "
    "alone nor with the corpus, and no status_override says why. Fix the status or state "
    "the reason in status_override.",
)
def _status_mismatch(context: RuleContext) -> Iterator[Hit]:
    stored = context.claim.status
    if (
        context.claim.status_override is None
        and stored is not context.local.status
        and stored is not context.decision.status
    ):
        yield Hit(
            f"stored status {stored.value!r} but the table gives {context.local.status.value!r} "
            f"({context.local.row})",
            path=f"{context.path}.status",
            details=context.local.reasons,
        )


@rule(
    "PV110",
    "confirmed-without-evidence",
    Severity.WARNING,
    "'confirmed' or a review verdict with no evidence",
    "A verdict (or a confirmed status) should rest on something a reader can check: an "
    "evidence item with a URL or a note, or a link that was located. Add the evidence the "
    "review relies on.",
)
def _confirmed_without_evidence(context: RuleContext) -> Iterator[Hit]:
    claim = context.claim
    for index, review in enumerate(claim.reviews):
        if not review.evidence:
            who = context.sources.get(review.reviewer)
            name = who.label if who is not None else review.reviewer
            yield Hit(
                f"review by {name} rates it {review.verdict.value} with no evidence",
                path=f"{context.path}.reviews[{index}]",
            )
    if (
        claim.status is ConfidenceStatus.CONFIRMED
        and not claim.reviews
        and not context.chain.checked_links
    ):
        yield Hit(
            "stored as confirmed with no review and no checked link behind it",
            path=f"{context.path}.status",
        )


@rule(
    "PV111",
    "conflicting-verdicts",
    Severity.WARNING,
    "reviews disagree",
    "One review rates the claim true or mostly true and another false or mostly false, in "
    "this record or in another record of the same claim. The status is disputed; read both "
    "reviews' evidence.",
)
def _conflicting_verdicts(context: RuleContext) -> Iterator[Hit]:
    verdicts = {review.verdict for review in context.claim.reviews}
    if verdicts & TRUE_VERDICTS and verdicts & FALSE_VERDICTS:
        yield Hit(
            "its reviews disagree: "
            + ", ".join(sorted(v.value for v in verdicts & (TRUE_VERDICTS | FALSE_VERDICTS))),
            path=f"{context.path}.reviews",
        )
    elif context.group.review_conflicts:
        yield Hit(
            "reviews of the same claim in other documents disagree",
            path=f"{context.path}.reviews" if context.claim.reviews else context.path,
            details=context.group.review_conflicts,
        )


@rule(
    "PV112",
    "broken-link",
    Severity.ERROR,
    "a link was checked and found misrepresented, missing or retracted",
    "Someone located (or looked for) the item a link cites and it does not support the "
    "claim: it says something else, cannot be found, or was retracted. The chain does not "
    "hold past that link.",
)
def _broken_link(context: RuleContext) -> Iterator[Hit]:
    for link in context.chain.links:
        if link.broken:
            yield Hit(
                f"link to {context.label(link.index + 1)} is {link.link_status.value}",
                path=f"{context.hop_path(link.index)}.link_status",
                span=context.hop_span(link.index),
            )


@rule(
    "PV113",
    "credibility-without-origins",
    Severity.WARNING,
    "Admiralty credibility 1 without two independent origins",
    "Credibility 1 (confirmed) means confirmed by other, independent sources. The corpus "
    "does not hold two independent origins for the claim. Lower the credibility, or add the "
    "independent report.",
)
def _credibility_without_origins(context: RuleContext) -> Iterator[Hit]:
    if context.claim.credibility is Credibility.CONFIRMED and context.group.independent_origins < 2:
        yield Hit(
            f"credibility 1 with {context.group.independent_origins} independent named origin(s)",
            path=f"{context.path}.credibility",
        )


VAGUE_SOURCES = _vague_sources
UNNAMED_WITHOUT_REASON = _unnamed_without_reason
UNSOURCED_ASSERTION = _unsourced_assertion
CHAIN_STOPS_AT_INTERMEDIARY = _chain_stops
HEDGE_SHIFT = _hedge_shift
CORROBORATED_WITHOUT_ORIGINS = _corroborated_without_origins
CIRCULAR_REPORTING = _circular
SINGLE_ORIGIN_AMPLIFICATION = _amplification
STATUS_MISMATCH = _status_mismatch
CONFIRMED_WITHOUT_EVIDENCE = _confirmed_without_evidence
CONFLICTING_VERDICTS = _conflicting_verdicts
BROKEN_LINK = _broken_link
CREDIBILITY_WITHOUT_ORIGINS = _credibility_without_origins

BUILTIN_RULES: tuple[Rule, ...] = (
    VAGUE_SOURCES,
    UNNAMED_WITHOUT_REASON,
    UNSOURCED_ASSERTION,
    CHAIN_STOPS_AT_INTERMEDIARY,
    HEDGE_SHIFT,
    CORROBORATED_WITHOUT_ORIGINS,
    CIRCULAR_REPORTING,
    SINGLE_ORIGIN_AMPLIFICATION,
    STATUS_MISMATCH,
    CONFIRMED_WITHOUT_EVIDENCE,
    CONFLICTING_VERDICTS,
    BROKEN_LINK,
    CREDIBILITY_WITHOUT_ORIGINS,
)
"""The built-in rules, in code order."""
