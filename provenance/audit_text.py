"""The audit record as text for people: per claim its status, chain and findings; then counts."""

from __future__ import annotations

from collections.abc import Iterator

from provenance.audit_record import AuditRecord, Severity

__all__ = ["iter_text", "render_text"]


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(counts.items())) or "none"


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def render_text(report: AuditRecord, *, min_severity: Severity = Severity.INFO) -> str:
    """Render ``report`` for people: per claim its status, chain and findings; then counts.

    Findings below ``min_severity`` are left out of the per-claim listing
    (the counts still include them).
    """
    return "".join(iter_text(report, min_severity=min_severity))


def iter_text(report: AuditRecord, *, min_severity: Severity = Severity.INFO) -> Iterator[str]:
    """Yield :func:`render_text`'s text in pieces, one per document, then the corpus summary."""
    for document in report.documents:
        lines: list[str] = []
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
        yield "\n".join(lines) + "\n"
    lines = []
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
    yield "\n".join(lines) + "\n"
