"""What the report shows of an audit: findings and chain descriptions, as plain views.

The report never analyses chains or audits records itself; it renders what
:mod:`provenance.audit`, :mod:`provenance.chains` and :mod:`provenance.corpus`
found. This module is the one place that talks to them and turns their results
into :class:`FindingView` and :class:`CorpusView` objects the templates read.

TEMPORARY: while those modules are not part of the package yet, the functions
below fall back to the minimal stand-ins at the end of this module (no
findings, and a chain described as its labels joined by ``<-``). They go away
when the real modules land.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import attrs

from provenance.model import Claim, Document

__all__ = [
    "CorpusView",
    "FindingView",
    "LoopView",
    "audit_available",
    "corpus_view",
    "describe_chain",
    "document_findings",
]


@attrs.frozen
class FindingView:
    """One audit finding as the report shows it."""

    code: str
    """The rule's code."""
    severity: str
    """How serious the rule deems it (``info``, ``warning``, ``error`` ...)."""
    message: str
    """What was found, in one line."""
    explanation: str = ""
    """Why the rule matters."""
    claim: str | None = None
    """Id of the claim the finding is about; ``None`` for the whole document."""
    document: str | None = None
    """Id of the document the finding is about, for cross-document findings."""


@attrs.frozen
class LoopView:
    """A circular-reporting loop: outlets that cite each other, in citing order."""

    labels: tuple[str, ...]
    """The outlets around the loop; the last cites the first."""
    claim: str = ""
    """What the loop carries (a claim key or text)."""


@attrs.frozen
class CorpusView:
    """The cross-document results the index page shows."""

    available: bool
    """Whether corpus analysis ran (``False`` while it is not part of the package)."""
    findings: tuple[FindingView, ...] = ()
    """Independent origins, amplification and other cross-document findings."""
    loops: tuple[LoopView, ...] = ()
    """Circular-reporting loops, drawn on the index page."""


def _module(name: str) -> object | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def audit_available() -> bool:
    """Whether the audit module is part of this installation."""
    return _module("provenance.audit") is not None


def document_findings(document: Document) -> tuple[FindingView, ...]:
    """Return the audit findings for ``document`` (none while the audit is not available)."""
    if _module("provenance.audit") is None:
        return _standin_findings(document)
    return _standin_findings(document)


def describe_chain(document: Document, claim: Claim) -> str:
    """One line naming the chain from the publisher to the origin."""
    return _standin_describe_chain(document, claim)


def corpus_view(documents: Sequence[Document]) -> CorpusView:
    """Cross-document findings for ``documents``."""
    return CorpusView(available=False)


# --- TEMPORARY stand-ins, removed when provenance.audit / chains / corpus land ---


def _standin_findings(document: Document) -> tuple[FindingView, ...]:
    return ()


def _standin_describe_chain(document: Document, claim: Claim) -> str:
    labels = {source.id: source.label for source in document.sources}
    names = [labels.get(document.publisher, document.publisher)]
    names.extend(labels.get(hop.source, hop.source) for hop in claim.attribution)
    return " <- ".join(names)
