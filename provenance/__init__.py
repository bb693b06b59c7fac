"""claim-provenance: claims with their attribution chains, hedges and confidence status.

The public API is re-exported here; see ``__all__``.
"""

from __future__ import annotations

from provenance.errors import (
    InvalidRecord,
    InvalidValue,
    MalformedJSON,
    Problem,
    ProvenanceError,
    UnknownSchema,
)
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
    "Drafting",
    "Evidence",
    "Excerpt",
    "Factuality",
    "Hedge",
    "HedgeCategory",
    "Hop",
    "InvalidRecord",
    "InvalidValue",
    "LinkStatus",
    "MalformedJSON",
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
    "Temporality",
    "UnknownSchema",
    "Verdict",
    "__version__",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("claim-provenance")
        except PackageNotFoundError:  # running from a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'provenance' has no attribute {name!r}")
