"""claim-provenance: claims with their attribution chains, hedges and confidence status.

The public API is re-exported here; see ``__all__``.
"""

from __future__ import annotations

from provenance.builder import DocumentBuilder
from provenance.codec import (
    LineError,
    LinesResult,
    dump,
    dumps,
    iter_jsonl,
    load,
    loads,
    read_jsonl,
    structure,
    unstructure,
    write_jsonl,
)
from provenance.errors import (
    InvalidRecord,
    InvalidValue,
    MalformedJSON,
    MissingDependency,
    Problem,
    ProvenanceError,
    UnknownSchema,
)
from provenance.integrity import check, ensure_consistent
from provenance.model import (
    SCHEMA_ID,
    Claim,
    Document,
    Drafting,
    Evidence,
    Excerpt,
    Hedge,
    Hop,
    Perspective,
    Rating,
    Review,
    Source,
    Span,
)
from provenance.report import render_document, render_index
from provenance.status import StatusDecision, derive_status, with_derived_status
from provenance.vocabulary import (
    AttributionMode,
    ConfidenceStatus,
    Credibility,
    Factuality,
    HedgeCategory,
    LinkStatus,
    Plurality,
    Reliability,
    SourceKind,
    Stance,
    Temporality,
    Verdict,
)

__all__ = [
    "SCHEMA_ID",
    "AttributionMode",
    "Claim",
    "ConfidenceStatus",
    "Credibility",
    "Document",
    "DocumentBuilder",
    "Drafting",
    "Evidence",
    "Excerpt",
    "Factuality",
    "Hedge",
    "HedgeCategory",
    "Hop",
    "InvalidRecord",
    "InvalidValue",
    "LineError",
    "LinesResult",
    "LinkStatus",
    "MalformedJSON",
    "MissingDependency",
    "Perspective",
    "Plurality",
    "Problem",
    "ProvenanceError",
    "Rating",
    "Reliability",
    "Review",
    "Source",
    "SourceKind",
    "Span",
    "Stance",
    "StatusDecision",
    "Temporality",
    "UnknownSchema",
    "Verdict",
    "__version__",
    "check",
    "derive_status",
    "dump",
    "dumps",
    "ensure_consistent",
    "iter_jsonl",
    "load",
    "loads",
    "read_jsonl",
    "render_document",
    "render_index",
    "structure",
    "unstructure",
    "with_derived_status",
    "write_jsonl",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("claim-provenance")
        except PackageNotFoundError:  # running from a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'provenance' has no attribute {name!r}")
