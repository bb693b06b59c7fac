"""The audit report: a record of its own, with its JSON Schema, codec and text form.

An :class:`AuditReport` holds, per document and per claim, the status the
audit derived, the chain written out and the findings of the audit rules;
per document and for the whole corpus, counts by status and by rule; and the
circular reporting and single-origin amplification found across documents.
The report is made by :func:`provenance.audit.audit_corpus`; this module only holds
its shape, writes and reads it as JSON (validated against
``schemas/v1/audit-report.json``) and renders it as text.
"""

from __future__ import annotations

import enum
import functools
import json
from collections.abc import Iterator
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from provenance.chains import OriginClass
from provenance.errors import ProvenanceError
from provenance.model import Span
from provenance.vocabulary import ConfidenceStatus

__all__ = [
    "AUDIT_REPORT_SCHEMA_ID",
    "AmplificationReport",
    "AuditReport",
    "ClaimReport",
    "CorpusSummary",
    "DocumentReport",
    "Finding",
    "InputError",
    "LoopReport",
    "ReuseReport",
    "RuleSummary",
    "Severity",
    "dumps_report",
    "loads_report",
    "make_report_converter",
    "render_text",
    "report_from_data",
    "report_to_data",
]

AUDIT_REPORT_SCHEMA_ID = "https://claim-provenance.org/schemas/v1/audit-report.json"
"""The ``$id`` of the audit report schema, carried in ``AuditReport.schema``."""


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
class ClaimReport:
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
class DocumentReport:
    """One document as the audit sees it."""

    id: str
    """Id of the document."""
    publisher: str
    """Label of the publisher."""
    claims: tuple[ClaimReport, ...] = ()
    """Its claims, in record order."""
    status_counts: dict[str, int] = attrs.field(factory=dict)
    """Claims by derived status."""
    rule_counts: dict[str, int] = attrs.field(factory=dict)
    """Findings by rule code."""
    location: str | None = None
    """Where it was loaded from (``file`` or ``file#record``)."""


@attrs.frozen
class LoopReport:
    """Circular reporting found for one claim group."""

    key: str
    """The claim group's key."""
    loop: tuple[str, ...]
    """The sources of the loop, each citing the next; the first is repeated at the end."""
    documents: tuple[str, ...]
    """Ids of the documents whose chains make the loop."""


@attrs.frozen
class AmplificationReport:
    """Single-origin amplification found for one claim group."""

    key: str
    """The claim group's key."""
    origin: tuple[str, ...]
    """Labels of the one origin (several when they share an upstream source)."""
    documents: int
    """How many documents carry the claim."""


@attrs.frozen
class ReuseReport:
    """Undisclosed reuse: one document holding a large share of another's text."""

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
class InputError:
    """An input that could not be loaded."""

    location: str
    """The file or ``file:line``."""
    message: str
    """What was wrong."""


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
    loops: tuple[LoopReport, ...] = ()
    """Circular reporting found."""
    amplifications: tuple[AmplificationReport, ...] = ()
    """Single-origin amplification found."""
    reuse: tuple[ReuseReport, ...] = ()
    """Undisclosed reuse found (only when the audit looked for it: ``--align``)."""
    input_errors: tuple[InputError, ...] = ()
    """Inputs that could not be loaded."""


@attrs.frozen(kw_only=True)
class AuditReport:
    """The result of an audit: rules run, documents and claims, corpus summary."""

    schema: str = AUDIT_REPORT_SCHEMA_ID
    """``$id`` of the schema the report follows."""
    tool: str
    """What made the report (``claim-provenance 0.1.0``)."""
    corpus: CorpusSummary
    """Counts over everything audited."""
    rules: tuple[RuleSummary, ...] = ()
    """The rules that ran, with the severities in force."""
    documents: tuple[DocumentReport, ...] = ()
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


def make_report_converter() -> cattrs.Converter:
    """Build the converter between report objects and JSON-ready data.

    Fields holding their default are left out, except the report's ``schema``.
    """
    converter = cattrs.Converter(omit_if_default=True)
    converter.register_unstructure_hook(
        AuditReport,
        make_dict_unstructure_fn(
            AuditReport,
            converter,
            _cattrs_omit_if_default=True,
            schema=override(omit_if_default=False),
        ),
    )
    return converter


@functools.cache
def _converter() -> cattrs.Converter:
    return make_report_converter()


def report_to_data(report: AuditReport) -> dict[str, Any]:
    """Turn ``report`` into JSON-ready data."""
    data: dict[str, Any] = _converter().unstructure(report)
    return data


def report_from_data(data: Any, *, validate: bool = True) -> AuditReport:
    """Build a report from JSON-ready ``data``, validating it against its schema first."""
    if validate:
        from provenance import validation

        validation.ensure_valid(data, "audit-report")
    try:
        return _converter().structure(data, AuditReport)
    except Exception as error:  # only reachable with validate=False on foreign data
        raise ProvenanceError(f"not an audit report: {error}", expected="an audit report") from None


def dumps_report(report: AuditReport, *, indent: int | None = None) -> str:
    """Write ``report`` as JSON text."""
    return json.dumps(report_to_data(report), ensure_ascii=False, indent=indent)


def loads_report(text: str | bytes) -> AuditReport:
    """Read a report from JSON text, validated against its schema."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        from provenance.errors import MalformedJSON

        raise MalformedJSON(error.msg, line=error.lineno, column=error.colno) from None
    return report_from_data(data)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(counts.items())) or "none"


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def render_text(report: AuditReport, *, min_severity: Severity = Severity.INFO) -> str:
    """Render ``report`` for people: per claim its status, chain and findings; then counts.

    Findings below ``min_severity`` are left out of the per-claim listing
    (the counts still include them).
    """
    lines: list[str] = []
    for document in report.documents:
        where = f"  [{document.location}]" if document.location else ""
        lines.append(f"{document.id} ({document.publisher}){where}")
        for claim in document.claims:
            grade = f"  grade {claim.grade}" if claim.grade else ""
            stored = (
                f" (stored: {claim.stored_status.value})"
                if claim.stored_status is not claim.status
                else ""
            )
            lines.append(f"  {claim.id}: {claim.status.value}{stored}{grade}")
            lines.append(f'    "{_short(claim.text)}"')
            via = (
                f", {len(claim.intermediaries)} intermediar"
                f"{'y' if len(claim.intermediaries) == 1 else 'ies'}"
                if claim.intermediaries
                else ""
            )
            checked = f", {claim.checked_links} of {claim.depth} links checked"
            origin = f"  [{claim.origin_class.value} origin{via}{checked}]" if claim.depth else ""
            lines.append(f"    chain: {claim.chain}{origin}")
            if claim.status_reasons:
                lines.append(f"    why: {claim.status_row}: {'; '.join(claim.status_reasons)}")
            for finding in claim.findings:
                if finding.severity.rank < min_severity.rank:
                    continue
                lines.append(
                    f"    {finding.severity.value} {finding.code} {finding.path}: {finding.message}"
                )
        lines.append(f"  statuses: {_counts(document.status_counts)}")
        lines.append(f"  findings: {_counts(document.rule_counts)}")
        lines.append("")
    corpus = report.corpus
    lines.append(
        f"corpus: {corpus.documents} document{'s' if corpus.documents != 1 else ''}, "
        f"{corpus.claims} claim{'s' if corpus.claims != 1 else ''}"
    )
    lines.append(f"  statuses: {_counts(corpus.status_counts)}")
    lines.append(f"  findings by rule: {_counts(corpus.rule_counts)}")
    lines.append(f"  findings by severity: {_counts(corpus.severity_counts)}")
    for loop in corpus.loops:
        lines.append(
            f"  circular reporting ({loop.key}): {' <- '.join(loop.loop)} "
            f"[{', '.join(loop.documents)}]"
        )
    for amplification in corpus.amplifications:
        lines.append(
            f"  single origin ({amplification.key}): {amplification.documents} documents, "
            f"origin {' / '.join(amplification.origin)}"
        )
    for reuse in corpus.reuse:
        lines.append(
            f"  undisclosed reuse: {reuse.copy} holds {reuse.share:.0%} of the word 5-grams "
            f"of {reuse.original} ({reuse.shared} of {reuse.grams}); not counted as an "
            "independent channel"
        )
    for error in corpus.input_errors:
        lines.append(f"  not loaded: {error.location}: {_short(error.message, 200)}")
    return "\n".join(lines) + "\n"
