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
    write_text,
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
from provenance.interop.claimants import ClaimantRule, ClaimantTable
from provenance.interop.claimreview import (
    load_claimreview,
    loads_claimreview,
    profile_problems,
    read_claimreview,
    to_claimreview,
)
from provenance.interop.prov import dumps_prov_json, to_prov_json, to_prov_n, to_prov_turtle
from provenance.interop.report import ExportReport, ImportReport, Note, NoteAction
from provenance.interop.verdicts import VerdictRule, VerdictTable
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
    "ClaimantRule",
    "ClaimantTable",
    "ConfidenceStatus",
    "Credibility",
    "Document",
    "DocumentBuilder",
    "Drafting",
    "Evidence",
    "Excerpt",
    "ExportReport",
    "Factuality",
    "Hedge",
    "HedgeCategory",
    "Hop",
    "ImportReport",
    "InvalidRecord",
    "InvalidValue",
    "LineError",
    "LinesResult",
    "LinkStatus",
    "MalformedJSON",
    "MissingDependency",
    "Note",
    "NoteAction",
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
    "VerdictRule",
    "VerdictTable",
    "__version__",
    "check",
    "derive_status",
    "dump",
    "dumps",
    "dumps_prov_json",
    "ensure_consistent",
    "iter_jsonl",
    "load",
    "load_claimreview",
    "loads",
    "loads_claimreview",
    "profile_problems",
    "read_claimreview",
    "read_jsonl",
    "render_document",
    "render_index",
    "structure",
    "to_claimreview",
    "to_prov_json",
    "to_prov_n",
    "to_prov_turtle",
    "unstructure",
    "with_derived_status",
    "write_jsonl",
    "write_text",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("claim-provenance")
        except PackageNotFoundError:  # running from a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'provenance' has no attribute {name!r}")
