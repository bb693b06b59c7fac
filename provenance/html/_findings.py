"""What the report shows of an audit: findings and chain descriptions, as plain views.

The report never analyses chains or audits records itself; it renders what
:mod:`provenance.audit`, :mod:`provenance.chains` and :mod:`provenance.corpus`
found. This module is the one place that talks to them and turns their results
into :class:`FindingView` and :class:`CorpusView` objects the templates read.

"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from provenance import audit, chains
from provenance import corpus as corpus_module
from provenance.model import Claim, Document, Source

__all__ = [
    "AuditViews",
    "CorpusView",
    "FindingView",
    "LoopView",
    "audit_views",
    "describe_chain",
    "source_class",
]


@attrs.frozen
class FindingView:
    """One audit finding as the report shows it."""

    code: str
    """The rule's code (``PV101``)."""
    severity: str
    """``info``, ``warning`` or ``error``."""
    message: str
    """What was found, in one line."""
    explanation: str = ""
    """Why the rule matters."""
    claim: str | None = None
    """Id of the claim the finding is about; ``None`` for the whole document."""
    document: str | None = None
    """Id of the document the finding is about."""


@attrs.frozen
class LoopView:
    """A circular-reporting loop: outlets that cite each other, in citing order."""

    labels: tuple[str, ...]
    """The outlets around the loop, each citing the next; the last cites the first."""
    claim: str = ""
    """What the loop carries (the claim group's key)."""


@attrs.frozen
class CorpusView:
    """The cross-document results the index page shows."""

    findings: tuple[FindingView, ...] = ()
    """Independent origins, amplification, circular reporting, in words."""
    loops: tuple[LoopView, ...] = ()
    """Circular-reporting loops, drawn on the index page."""


@attrs.frozen
class AuditViews:
    """The audit of some documents, as the pages show it."""

    documents: tuple[tuple[FindingView, ...], ...]
    """The findings of each document, in the order the documents were given."""
    corpus: CorpusView
    """The cross-document results."""


def audit_views(documents: Sequence[Document]) -> AuditViews:
    """Audit ``documents`` as one corpus and return what the pages show of it."""
    corpus = corpus_module.Corpus(tuple(documents))
    config = audit.AuditConfig()
    # The same resolution as the audit's own, so the index and the pages agree.
    analysis = corpus_module.analyze_corpus(
        corpus, aliases=config.aliases, resolver=config.resolver
    )
    report = audit.audit_corpus(corpus, config, analysis=analysis)
    rules = {rule.code: rule for rule in report.rules}
    names = {rule.name: rule for rule in report.rules}

    def view(finding: Any) -> FindingView:
        rule = rules.get(finding.code)
        return FindingView(
            code=finding.code,
            severity=str(finding.severity),
            message=finding.message,
            explanation=rule.explanation if rule is not None else "",
            claim=finding.claim,
            document=finding.document,
        )

    per_document = tuple(
        tuple(view(finding) for claim in document.claims for finding in claim.findings)
        for document in report.documents
    )
    return AuditViews(per_document, _corpus_view(analysis, report.corpus, names))


def _corpus_view(analysis: Any, summary: Any, rules: dict[str, Any]) -> CorpusView:
    findings: list[FindingView] = []
    for group in analysis.groups:
        if group.documents < 2:
            continue
        origins = "; ".join(" / ".join(origin) for origin in group.origins) or "none identified"
        findings.append(
            FindingView(
                code="origins",
                severity="info",
                message=f"{group.key}: in {group.documents} documents, "
                f"{group.independent_origins} independent named origin"
                f"{'s' * (group.independent_origins != 1)} ({origins})",
                explanation="Independence is counted by origin, not by outlet: outlets "
                "relaying one statement share one origin.",
            )
        )
    amplification = rules.get("single-origin-amplification")
    for found in summary.amplifications:
        findings.append(
            FindingView(
                code=amplification.code if amplification is not None else "amplification",
                severity=str(amplification.severity) if amplification is not None else "warning",
                message=f"{found.key}: {found.documents} documents carry it from one origin: "
                f"{' / '.join(found.origin)}",
                explanation=amplification.explanation if amplification is not None else "",
            )
        )
    circular = rules.get("circular-reporting")
    loops: list[LoopView] = []
    for loop in summary.loops:
        labels = tuple(loop.loop)
        if len(labels) > 1 and labels[0] == labels[-1]:
            labels = labels[:-1]
        loops.append(LoopView(labels, loop.key))
        findings.append(
            FindingView(
                code=circular.code if circular is not None else "circular",
                severity=str(circular.severity) if circular is not None else "error",
                message=f"{loop.key}: {' <- '.join(loop.loop)} (in {', '.join(loop.documents)})",
                explanation=circular.explanation if circular is not None else "",
            )
        )
    return CorpusView(tuple(findings), tuple(loops))


def describe_chain(document: Document, claim: Claim) -> str:
    """One line naming the chain from the publisher to the origin."""
    description: str = chains.describe_chain(claim, document)
    return description


def source_class(source: Source | None) -> str:
    """``named``, ``unnamed`` or ``vague``: how identifiable a source is."""
    return str(chains.origin_class(source))
