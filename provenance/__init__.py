"""claim-provenance: claims with their attribution chains, hedges and confidence status.

The root holds the record (the model and its vocabulary), the errors and the
codec: see ``__all__``. Everything else is a wing reached by attribute. Names and
wings alike are imported on first use, so that ``import provenance`` (and
``provenance --help``) stays quick::

    import provenance as pv

    document = pv.load("article.json")
    report = pv.audit.audit_document(document)
    page = pv.html.render_document(document)

The wings: :mod:`provenance.chains`, :mod:`provenance.status`,
:mod:`provenance.integrity`, :mod:`provenance.corpus`, :mod:`provenance.audit`,
:mod:`provenance.rules`, :mod:`provenance.builder` (analysis: pure functions of
the record), and :mod:`provenance.validation`, :mod:`provenance.formats`,
:mod:`provenance.extraction`, :mod:`provenance.html` and the rest (the edges).
``docs/explanation/architecture.md`` draws them.
"""

from __future__ import annotations

import importlib

# Not typing.TYPE_CHECKING: importing typing would be the root's largest cost. Type
# checkers take any TYPE_CHECKING as true.
TYPE_CHECKING = False

if TYPE_CHECKING:  # for type checkers; at run time __getattr__ imports these on first use
    from provenance import audit as audit
    from provenance import audit_record as audit_record
    from provenance import audit_text as audit_text
    from provenance import backend as backend
    from provenance import builder as builder
    from provenance import chains as chains
    from provenance import codec as codec
    from provenance import corpus as corpus
    from provenance import errors as errors
    from provenance import evaluation as evaluation
    from provenance import extraction as extraction
    from provenance import formats as formats
    from provenance import html as html
    from provenance import integrity as integrity
    from provenance import model as model
    from provenance import output as output
    from provenance import rules as rules
    from provenance import status as status
    from provenance import validation as validation
    from provenance import vocabulary as vocabulary
    from provenance.codec import (
        LineError,
        LinesResult,
        dump,
        dumps,
        iter_jsonl,
        load,
        load_corpus,
        loads,
        read_jsonl,
        structure,
        unstructure,
        write_jsonl,
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
    "LineError",
    "LinesResult",
    "LinkStatus",
    "MalformedAnnotation",
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
    "Temporality",
    "UnknownRule",
    "UnknownSchema",
    "UnreadableText",
    "Verdict",
    "__version__",
    "dump",
    "dumps",
    "iter_jsonl",
    "load",
    "load_corpus",
    "loads",
    "read_jsonl",
    "structure",
    "unstructure",
    "write_jsonl",
]

# Submodules reached as attributes of the root and imported on first use. The
# command line (provenance.cli) and the Hypothesis strategies (provenance.strategies)
# are not among them: import those by their full name.
_WINGS = (
    "audit",
    "audit_record",
    "audit_text",
    "backend",
    "builder",
    "chains",
    "codec",
    "corpus",
    "errors",
    "evaluation",
    "extraction",
    "formats",
    "html",
    "integrity",
    "model",
    "output",
    "rules",
    "status",
    "validation",
    "vocabulary",
)
"""The submodules :func:`__getattr__` imports when first reached as ``provenance.<name>``."""


# Where each name of __all__ is defined. Nothing is imported until a name is first used,
# so `import provenance` (and `provenance --help`) costs next to nothing; the first use of
# a record class imports the model, the first `provenance.load` the codec.
_HOME = {
    "SCHEMA_ID": "model",
    "Claim": "model",
    "Document": "model",
    "Drafting": "model",
    "Evidence": "model",
    "Excerpt": "model",
    "Hedge": "model",
    "Hop": "model",
    "Perspective": "model",
    "Rating": "model",
    "Review": "model",
    "Source": "model",
    "Span": "model",
    "AttributionMode": "vocabulary",
    "ConfidenceStatus": "vocabulary",
    "Credibility": "vocabulary",
    "Factuality": "vocabulary",
    "HedgeCategory": "vocabulary",
    "LinkStatus": "vocabulary",
    "Plurality": "vocabulary",
    "Reliability": "vocabulary",
    "SourceKind": "vocabulary",
    "Stance": "vocabulary",
    "Temporality": "vocabulary",
    "Verdict": "vocabulary",
    "InvalidRecord": "errors",
    "InvalidValue": "errors",
    "MalformedAnnotation": "errors",
    "MalformedJSON": "errors",
    "MissingDependency": "errors",
    "Problem": "errors",
    "ProvenanceError": "errors",
    "UnknownRule": "errors",
    "UnknownSchema": "errors",
    "UnreadableText": "errors",
    "LineError": "codec",
    "LinesResult": "codec",
    "dump": "codec",
    "dumps": "codec",
    "iter_jsonl": "codec",
    "load": "codec",
    "load_corpus": "codec",
    "loads": "codec",
    "read_jsonl": "codec",
    "structure": "codec",
    "unstructure": "codec",
    "write_jsonl": "codec",
}


def __getattr__(name: str) -> object:
    """Import a name or a wing on first use (``provenance.Document``, ``provenance.html``)."""
    if name in _WINGS:
        return importlib.import_module(f"{__name__}.{name}")
    home = _HOME.get(name)
    if home is not None:
        value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
        globals()[name] = value  # later lookups find it without coming here
        return value
    if name == "__version__":
        from provenance._version import version

        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_WINGS})
