"""claim-provenance: claims with their attribution chains, hedges and confidence status.

The public API is re-exported here; see ``__all__``.
"""

from __future__ import annotations

from provenance.audit import AuditConfig, admiralty_grade, audit_corpus, audit_document
from provenance.audit_report import AuditReport, Finding, Severity, render_text
from provenance.builder import DocumentBuilder
from provenance.chains import ChainAnalysis, OriginClass, analyze_chain, describe_chain
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
from provenance.corpus import (
    ClaimGroup,
    Corpus,
    CorpusAnalysis,
    analyze_corpus,
    load_corpus,
    recompute_statuses,
)
from provenance.errors import (
    InvalidRecord,
    InvalidValue,
    MalformedAnnotation,
    MalformedJSON,
    MissingDependency,
    Problem,
    ProvenanceError,
    UnknownRule,
    UnknownSchema,
    UnreadableText,
)
from provenance.extraction import Extractor, Lexicon, extract, load_lexicon
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
from provenance.rules import BUILTIN_RULES, Hit, Rule, RuleContext, rule
from provenance.status import (
    ROW_STATUS,
    StatusDecision,
    decide_row,
    derive_status,
    with_derived_status,
)
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
    "BUILTIN_RULES",
    "ROW_STATUS",
    "SCHEMA_ID",
    "AttributionMode",
    "AuditConfig",
    "AuditReport",
    "ChainAnalysis",
    "Claim",
    "ClaimGroup",
    "ClaimantRule",
    "ClaimantTable",
    "ConfidenceStatus",
    "Corpus",
    "CorpusAnalysis",
    "Credibility",
    "Document",
    "DocumentBuilder",
    "Drafting",
    "Evidence",
    "Excerpt",
    "ExportReport",
    "Extractor",
    "Factuality",
    "Finding",
    "Hedge",
    "HedgeCategory",
    "Hit",
    "Hop",
    "ImportReport",
    "InvalidRecord",
    "InvalidValue",
    "Lexicon",
    "LineError",
    "LinesResult",
    "LinkStatus",
    "MalformedAnnotation",
    "MalformedJSON",
    "MissingDependency",
    "Note",
    "NoteAction",
    "OriginClass",
    "Perspective",
    "Plurality",
    "Problem",
    "ProvenanceError",
    "Rating",
    "Reliability",
    "Review",
    "Rule",
    "RuleContext",
    "Severity",
    "Source",
    "SourceKind",
    "Span",
    "Stance",
    "StatusDecision",
    "Temporality",
    "UnknownRule",
    "UnknownSchema",
    "UnreadableText",
    "Verdict",
    "VerdictRule",
    "VerdictTable",
    "__version__",
    "admiralty_grade",
    "analyze_chain",
    "analyze_corpus",
    "audit_corpus",
    "audit_document",
    "check",
    "decide_row",
    "derive_status",
    "describe_chain",
    "dump",
    "dumps",
    "dumps_prov_json",
    "ensure_consistent",
    "extract",
    "iter_jsonl",
    "load",
    "load_claimreview",
    "load_corpus",
    "load_lexicon",
    "loads",
    "loads_claimreview",
    "profile_problems",
    "read_claimreview",
    "read_jsonl",
    "recompute_statuses",
    "render_document",
    "render_index",
    "render_text",
    "rule",
    "structure",
    "to_claimreview",
    "to_prov_json",
    "to_prov_n",
    "to_prov_turtle",
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
