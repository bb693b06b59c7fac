"""The audit record: what an audit found, as frozen data of its own.

An :class:`AuditRecord` holds, per document and per claim, the status the
audit derived, the chain written out and the findings of the audit rules;
per document and for the whole corpus, counts by status and by rule; and the
circular reporting and single-origin amplification found across documents.
The record is made by :func:`provenance.audit.audit_corpus`; this module only holds
its shape. :mod:`provenance.codec` writes and reads it as JSON (validated against
``schemas/v1/audit-report.json``); :mod:`provenance.audit_text` renders it as text.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from provenance.chains import OriginClass
from provenance.model import Span
from provenance.vocabulary import ConfidenceStatus

__all__ = [
    "AUDIT_SCHEMA_ID",
    "AuditRecord",
    "CircularReporting",
    "ClaimAudit",
    "CorpusSummary",
    "DocumentAudit",
    "Finding",
    "InputError",
    "RuleSummary",
    "Severity",
    "SingleOrigin",
    "UndisclosedReuse",
]

AUDIT_SCHEMA_ID = "https://claim-provenance.org/schemas/v1/audit-report.json"
"""The ``$id`` of the audit report schema, carried in ``AuditRecord.schema``."""


class Severity(enum.StrEnum):
    """How much a finding matters: ``info`` < ``warning`` < ``error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@attrs.frozen
class Finding:
    """What one audit rule found about one claim."""

    code: str
    """The rule's stable code (``PV101``)."""
    severity: Severity
    """The severity in force when the audit ran."""
    message: str
    """What was found, in one line."""
    document: str
    """Id of the document."""
    claim: str | None = None
    """Id of the claim, when the finding is about one."""
    path: str = "$"
    """JSON path of what the finding points at, inside the document record."""
    span: Span | None = None
    """The words of the text it points at, when the record places them."""
    details: tuple[str, ...] = ()
    """Further facts (the documents of a loop, the reasons of a status)."""


@attrs.frozen
class RuleSummary:
    """A rule as it ran: its code, name, severity in force, summary and explanation."""

    code: str
    """The stable code."""
    name: str
    """A short slug (``vague-sources``)."""
    severity: Severity
    """The severity in force."""
    summary: str
    """What the rule finds, in one line."""
    explanation: str
    """Why it matters and what to do about it."""


@attrs.frozen
class ClaimAudit:
    """One claim as the audit sees it."""

    id: str
    """Id of the claim in its document."""
    text: str
    """The claim's words."""
    stored_status: ConfidenceStatus
    """The status the record holds."""
    status: ConfidenceStatus
    """The status derived with what the corpus knows."""
    status_row: str
    """The decision-table row that gave it (``R12``, or ``C1`` for a corpus conflict)."""
    chain: str
    """The chain written out, publisher first: ``"OAN <- Reuters <- Kosovo government"``."""
    origin: str
    """Label of the origin (the publisher when the chain is empty)."""
    origin_class: OriginClass
    """Whether the origin is named, unnamed or vague."""
    depth: int
    """Number of hops."""
    independent_origins: int
    """Independent named origins the corpus knows for this claim."""
    status_reasons: tuple[str, ...] = ()
    """Why the status is what it is."""
    key: str | None = None
    """The claim's key across documents."""
    intermediaries: tuple[str, ...] = ()
    """Labels of the sources between the publisher and the origin."""
    checked_links: int = 0
    """How many links were located or checked beyond the citing text's word."""
    grade: str | None = None
    """Admiralty grade (``B2``): origin reliability and claim credibility, when both are known."""
    findings: tuple[Finding, ...] = ()
    """What the rules found about it."""


@attrs.frozen
class DocumentAudit:
    """One document as the audit sees it."""

    id: str
    """Id of the document."""
    publisher: str
    """Label of the publisher."""
    claims: tuple[ClaimAudit, ...] = ()
    """Its claims, in record order."""
    status_counts: dict[str, int] = attrs.field(factory=dict)
    """Claims by derived status."""
    rule_counts: dict[str, int] = attrs.field(factory=dict)
    """Findings by rule code."""
    location: str | None = None
    """Where it was loaded from (``file`` or ``file#record``)."""


@attrs.frozen
class CircularReporting:
    """Circular reporting found for one claim group."""

    key: str
    """The claim group's key."""
    loop: tuple[str, ...]
    """The sources of the loop, each citing the next; the first is repeated at the end."""
    documents: tuple[str, ...]
    """Ids of the documents whose chains make the loop."""


@attrs.frozen
class SingleOrigin:
    """Single-origin amplification found for one claim group."""

    key: str
    """The claim group's key."""
    origin: tuple[str, ...]
    """Labels of the one origin (several when they share an upstream source)."""
    documents: int
    """How many documents carry the claim."""


@attrs.frozen
class InputError:
    """An input that could not be loaded."""

    location: str
    """The file or ``file:line``."""
    message: str
    """What was wrong."""


@attrs.frozen
class UndisclosedReuse:
    """One document holding a large share of another's text (see :mod:`provenance.reuse`)."""

    copy: str
    """Id of the document that reuses the other's text."""
    original: str
    """Id of the document whose text is reused."""
    share: float
    """Share of ``original``'s distinct word 5-grams that ``copy`` holds."""
    shared: int = 0
    """How many grams they share."""
    grams: int = 0
    """How many distinct grams ``original`` has."""
    copy_share: float = 0.0
    """Share of ``copy``'s own grams found in ``original``."""


@attrs.frozen
class CorpusSummary:
    """Counts over the whole audit, and what only the corpus shows."""

    documents: int
    """Documents audited."""
    claims: int
    """Claims audited."""
    status_counts: dict[str, int] = attrs.field(factory=dict)
    """Claims by derived status."""
    rule_counts: dict[str, int] = attrs.field(factory=dict)
    """Findings by rule code."""
    severity_counts: dict[str, int] = attrs.field(factory=dict)
    """Findings by severity."""
    loops: tuple[CircularReporting, ...] = ()
    """Circular reporting found."""
    amplifications: tuple[SingleOrigin, ...] = ()
    """Single-origin amplification found."""
    reuse: tuple[UndisclosedReuse, ...] = ()
    """Undisclosed reuse found (only when the audit looked for it: ``--align``)."""
    input_errors: tuple[InputError, ...] = ()
    """Inputs that could not be loaded."""


@attrs.frozen(kw_only=True)
class AuditRecord:
    """The result of an audit: rules run, documents and claims, corpus summary."""

    schema: str = AUDIT_SCHEMA_ID
    """``$id`` of the schema the report follows."""
    tool: str
    """What made the report (``claim-provenance 0.1.0``)."""
    corpus: CorpusSummary
    """Counts over everything audited."""
    rules: tuple[RuleSummary, ...] = ()
    """The rules that ran, with the severities in force."""
    documents: tuple[DocumentAudit, ...] = ()
    """One per document audited."""

    def findings(self) -> Iterator[Finding]:
        """Yield every finding, document by document, claim by claim."""
        for document in self.documents:
            for claim in document.claims:
                yield from claim.findings

    @property
    def highest_severity(self) -> Severity | None:
        """The most severe finding's severity, or ``None`` when nothing was found."""
        ranks = [finding.severity for finding in self.findings()]
        return max(ranks, key=lambda severity: severity.rank) if ranks else None
