"""What the report shows of an audit: findings and chain descriptions, as plain views.

The report never analyses chains or audits records itself; it renders what
:mod:`provenance.audit`, :mod:`provenance.chains` and :mod:`provenance.corpus`
found. This module is the one place that talks to them and turns their results
into :class:`FindingView` and :class:`CorpusView` objects the templates read.

TEMPORARY: those modules are looked up when called, and while they are not part
of the installation the functions fall back to the minimal stand-ins at the end
of this module (no findings; a chain described as its labels joined by ``<-``).
The fallbacks go away once the audit is on the main line.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from types import ModuleType
from typing import Any

import attrs

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

    available: bool
    """Whether corpus analysis ran."""
    findings: tuple[FindingView, ...] = ()
    """Independent origins, amplification, circular reporting, in words."""
    loops: tuple[LoopView, ...] = ()
    """Circular-reporting loops, drawn on the index page."""


@attrs.frozen
class AuditViews:
    """The audit of some documents, as the pages show it."""

    available: bool
    """Whether the audit ran (``False`` when it is not part of the installation)."""
    documents: tuple[tuple[FindingView, ...], ...]
    """The findings of each document, in the order the documents were given."""
    corpus: CorpusView
    """The cross-document results."""


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def audit_views(documents: Sequence[Document]) -> AuditViews:
    """Audit ``documents`` as one corpus and return what the pages show of it."""
    audit = _module("provenance.audit")
    corpus_module = _module("provenance.corpus")
    if audit is None or corpus_module is None:
        return _standin_audit(documents)
    corpus = corpus_module.Corpus(tuple(documents))
    analysis = corpus_module.analyze_corpus(corpus)
    report = audit.audit(corpus, analysis=analysis)
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
    return AuditViews(True, per_document, _corpus_view(analysis, report.corpus, names))


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
    return CorpusView(True, tuple(findings), tuple(loops))


def describe_chain(document: Document, claim: Claim) -> str:
    """One line naming the chain from the publisher to the origin."""
    chains = _module("provenance.chains")
    if chains is None:
        return _standin_describe_chain(document, claim)
    description: str = chains.describe_chain(claim, document)
    return description


def source_class(source: Source | None) -> str:
    """``named``, ``unnamed`` or ``vague``: how identifiable a source is."""
    chains = _module("provenance.chains")
    if chains is None:
        return _standin_source_class(source)
    return str(chains.origin_class(source))


# --- TEMPORARY stand-ins, removed when provenance.audit, chains and corpus land ---


def _standin_audit(documents: Sequence[Document]) -> AuditViews:
    return AuditViews(False, tuple(() for _ in documents), CorpusView(available=False))


def _standin_describe_chain(document: Document, claim: Claim) -> str:
    labels = {source.id: source.label for source in document.sources}
    names = [labels.get(document.publisher, document.publisher)]
    names.extend(labels.get(hop.source, hop.source) for hop in claim.attribution)
    return " <- ".join(names)


def _standin_source_class(source: Source | None) -> str:
    if source is None or source.kind.is_vague:
        return "vague"
    return "named" if source.kind.is_named else "unnamed"
