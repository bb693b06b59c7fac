"""Auditing how well claims are sourced, for one document or a whole corpus.

:func:`audit_corpus` runs the audit rules (see :mod:`provenance.rules`) over every
claim of a :class:`~provenance.corpus.Corpus` and returns an
:class:`~provenance.audit_record.AuditRecord`: per claim its status with
corpus knowledge, its chain written out, its Admiralty grade when the record
holds what it needs, and its findings; per document and for the corpus,
counts by status and by rule. :class:`AuditConfig` says which rules run and at
what severity::

    from provenance import audit, codec
    config = audit.AuditConfig(disabled={"PV103"}, severities={"PV104": "error"})
    report = audit.audit_corpus(codec.load_corpus(["articles/"]), config)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

import attrs

from provenance._version import version
from provenance.audit_record import (
    AuditRecord,
    CircularReporting,
    ClaimAudit,
    CorpusSummary,
    DocumentAudit,
    Finding,
    InputError,
    RuleSummary,
    Severity,
    SingleOrigin,
)
from provenance.chains import analyze_chain, source_label
from provenance.corpus import (
    Amplification,
    Corpus,
    CorpusAnalysis,
    Loop,
    Occurrence,
    analyze_corpus,
)
from provenance.errors import UnknownRule
from provenance.model import Claim, Document, Source
from provenance.resolution import Resolver
from provenance.rules import BUILTIN_RULES, Rule, RuleContext
from provenance.status import derive_status

__all__ = ["AuditConfig", "admiralty_grade", "audit_corpus", "audit_document"]


def _severities(value: Mapping[str, Severity | str]) -> dict[str, Severity]:
    return {code: Severity(level) for code, level in value.items()}


def _codes(value: Iterable[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(value)


def _disabled(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _rules(value: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(value)


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((copy, original) for copy, original in value)


@attrs.frozen
class AuditConfig:
    """Which rules run, at what severity, and how sources are aligned across documents."""

    rules: tuple[Rule, ...] = attrs.field(default=BUILTIN_RULES, converter=_rules)
    """Every rule available (the built-in ones by default; add your own)."""
    only: frozenset[str] | None = attrs.field(default=None, converter=_codes)
    """When set, run only the rules with these codes."""
    disabled: frozenset[str] = attrs.field(default=frozenset(), converter=_disabled)
    """Codes of rules not to run."""
    severities: dict[str, Severity] = attrs.field(factory=dict, converter=_severities)
    """Severities that replace a rule's default, by code."""
    aliases: dict[str, str] = attrs.field(factory=dict)
    """Names, descriptors or URIs mapped to a canonical source name (see
    :func:`provenance.corpus.analyze_corpus`)."""
    amplification_threshold: int = 3
    """Documents needed to report single-origin amplification."""
    resolver: Resolver | None = attrs.field(factory=Resolver)
    """How sources are resolved to real-world ones (the shipped gazetteer by default);
    ``None`` aligns sources by ``same_as``, aliases and names only."""
    copies: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)
    """(copy document id, original document id) pairs: copies are not independent channels."""

    def __attrs_post_init__(self) -> None:
        known = {rule.code for rule in self.rules}
        duplicates = sorted(
            code for code, n in Counter(r.code for r in self.rules).items() if n > 1
        )
        if duplicates:
            raise UnknownRule(
                f"rule codes used twice: {', '.join(duplicates)}",
                expected="one rule per code",
                found=", ".join(duplicates),
            )
        asked = set(self.only or ()) | set(self.disabled) | set(self.severities)
        unknown = sorted(asked - known)
        if unknown:
            raise UnknownRule(
                f"no rule with code {', '.join(unknown)}",
                expected=f"one of {', '.join(sorted(known))}",
                found=", ".join(unknown),
            )

    def active(self) -> tuple[Rule, ...]:
        """Return the rules that run, in order, each with the severity in force."""
        chosen = []
        for rule in self.rules:
            if rule.code in self.disabled or (self.only is not None and rule.code not in self.only):
                continue
            severity = self.severities.get(rule.code)
            chosen.append(rule if severity is None else attrs.evolve(rule, severity=severity))
        return tuple(chosen)


def admiralty_grade(claim: Claim, origin: Source | None) -> str | None:
    """Return the Admiralty grade of ``claim`` (``"B2"``), or ``None`` when a part is unknown.

    The letter is the origin's reliability (the source the chain ends at, or
    the publisher), the digit the claim's credibility.
    """
    if origin is None or origin.reliability is None or claim.credibility is None:
        return None
    return f"{origin.reliability.value}{int(claim.credibility)}"


def _tool() -> str:
    return f"claim-provenance {version()}"


def audit_corpus(
    corpus: Corpus | Iterable[Document],
    config: AuditConfig | None = None,
    *,
    analysis: CorpusAnalysis | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> AuditRecord:
    """Audit every claim of ``corpus`` and return the report.

    ``analysis`` may be passed when the corpus was already analysed with the
    same options. ``progress`` is called with (claims done, claims in all) as
    the audit goes.
    """
    config = config or AuditConfig()
    if not isinstance(corpus, Corpus):
        corpus = Corpus(tuple(corpus))
    if analysis is None:
        analysis = analyze_corpus(
            corpus,
            aliases=config.aliases,
            amplification_threshold=config.amplification_threshold,
            resolver=config.resolver,
            copies=config.copies,
        )
    rules = config.active()
    loops_of: dict[Occurrence, list[Loop]] = {}
    for loop in analysis.loops:
        for occurrence in loop.occurrences:
            loops_of.setdefault(occurrence, []).append(loop)
    amplified: dict[str, Amplification] = {a.key: a for a in analysis.amplifications}

    total = sum(len(document.claims) for document in corpus.documents)
    done = 0
    documents: list[DocumentAudit] = []
    corpus_status: Counter[str] = Counter()
    corpus_rules: Counter[str] = Counter()
    corpus_severity: Counter[str] = Counter()
    for d, document in enumerate(corpus.documents):
        sources = {source.id: source for source in document.sources}
        claims: list[ClaimAudit] = []
        status_counts: Counter[str] = Counter()
        rule_counts: Counter[str] = Counter()
        for c, claim in enumerate(document.claims):
            chain = analyze_chain(claim, sources, publisher=document.publisher)
            group = analysis.group(d, c)
            decision = analysis.decision(d, c)
            context = RuleContext(
                corpus=corpus,
                document=document,
                document_index=d,
                claim=claim,
                claim_index=c,
                sources=sources,
                chain=chain,
                local=(
                    decision
                    if decision.row != "C1" and group.independent_origins < 2
                    else derive_status(claim, sources, publisher=document.publisher)
                ),
                decision=decision,
                group=group,
                loops=tuple(loops_of.get(Occurrence(d, c), ())),
                amplification=amplified.get(group.key),
            )
            findings = []
            for rule in rules:
                for hit in rule.check(context):
                    findings.append(
                        Finding(
                            code=rule.code,
                            severity=rule.severity,
                            message=hit.message,
                            document=document.id,
                            claim=claim.id,
                            path=hit.path or context.path,
                            span=hit.span if hit.span is not None else claim.span,
                            details=hit.details,
                        )
                    )
                    rule_counts[rule.code] += 1
                    corpus_severity[rule.severity.value] += 1
            status_counts[decision.status.value] += 1
            claims.append(
                ClaimAudit(
                    id=claim.id,
                    text=claim.text,
                    key=claim.key,
                    stored_status=claim.status,
                    status=decision.status,
                    status_row=decision.row,
                    status_reasons=decision.reasons,
                    chain=chain.description,
                    origin=chain.labels[-1],
                    origin_class=chain.origin_class,
                    depth=chain.depth,
                    intermediaries=chain.labels[1:-1],
                    checked_links=len(chain.checked_links),
                    independent_origins=group.independent_origins,
                    grade=admiralty_grade(claim, sources.get(chain.origin)),
                    findings=tuple(findings),
                )
            )
            done += 1
            if progress is not None and (done % 1000 == 0 or done == total):
                progress(done, total)
        corpus_status.update(status_counts)
        corpus_rules.update(rule_counts)
        documents.append(
            DocumentAudit(
                id=document.id,
                publisher=source_label(sources.get(document.publisher), sources),
                claims=tuple(claims),
                status_counts=dict(sorted(status_counts.items())),
                rule_counts=dict(sorted(rule_counts.items())),
                location=corpus.location(d),
            )
        )
    summary = CorpusSummary(
        documents=len(corpus.documents),
        claims=total,
        status_counts=dict(sorted(corpus_status.items())),
        rule_counts=dict(sorted(corpus_rules.items())),
        severity_counts=dict(sorted(corpus_severity.items())),
        loops=tuple(
            CircularReporting(
                key=loop.key,
                loop=loop.sources,
                documents=loop.documents,
            )
            for loop in analysis.loops
        ),
        amplifications=tuple(
            SingleOrigin(key=a.key, origin=a.origin, documents=a.documents)
            for a in analysis.amplifications
        ),
        input_errors=tuple(InputError(e.location, e.message) for e in corpus.errors),
    )
    return AuditRecord(
        tool=_tool(),
        corpus=summary,
        rules=tuple(
            RuleSummary(
                code=rule.code,
                name=rule.name,
                severity=rule.severity,
                summary=rule.summary,
                explanation=rule.explanation,
            )
            for rule in rules
        ),
        documents=tuple(documents),
    )


def audit_document(document: Document, config: AuditConfig | None = None) -> AuditRecord:
    """Audit one document on its own (a corpus of one)."""
    return audit_corpus(Corpus((document,)), config)
