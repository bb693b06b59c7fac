"""W3C PROV out: PROV-JSON and PROV-N written here, PROV-O (Turtle) through the ``prov`` package.

Each Document becomes:

- an entity for the document (``prov:type`` ``cp:Document``), attributed
  (``wasAttributedTo``) to its publisher and its authors;
- an agent for each source (``prov:Person`` for people, named or not,
  ``prov:Organization`` for organisations and publications, plain agents for
  groups, vague reports and generic voices), or an entity for a source of kind
  ``document`` (a statement, a report); ``cp:kind`` keeps the kind;
- an entity for each claim (``prov:value`` its text, ``cp:status`` its status),
  attributed to the publisher; an entity for each review, attributed to its
  reviewer;
- for each hop of a claim's chain, an entity for the claim as that source
  passed it on, attributed to the source, and a derivation
  (``wasDerivedFrom``) from the level before it: typed ``prov:Quotation`` for
  the quote modes, ``prov:PrimarySource`` for ``document_states``, untyped
  otherwise (``cp:mode`` keeps the mode). PROV-JSON has no ``wasQuotedFrom``
  key: quotations are derivations with that type;
- ``actedOnBehalfOf`` from each source to the source it is affiliated with (a
  spokesperson on behalf of a department).

The chain and the affiliations are what a publisher *says* about its own
sourcing, so they go into a bundle attributed to the publisher; a link whose
``asserted_by`` names another source goes into a bundle attributed to that
source. Everything else is in the top-level document.

Identifiers: each Document gets its own prefixes (``d1`` for the document and
its bundles, ``d1s`` sources, ``d1c`` claims, ``d1h`` hop levels as
``<hop>.<claim id>``, ``d1r`` relations and reviews), all under
``urn:claim-provenance:<document id>:``; the vocabulary prefix ``cp`` is
``https://claim-provenance.org/ns/v1#``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from provenance.errors import MissingDependency
from provenance.model import Claim, Document, Hop, Source
from provenance.vocabulary import AttributionMode, SourceKind

__all__ = [
    "CP_NAMESPACE",
    "dumps",
    "dumps_provn",
    "dumps_turtle",
    "write",
]

CP_NAMESPACE = "https://claim-provenance.org/ns/v1#"
"""The namespace of claim-provenance's own PROV attribute and type names (prefix ``cp``)."""

_PERSON = frozenset({SourceKind.NAMED_PERSON, SourceKind.UNNAMED_INDIVIDUAL, SourceKind.AUTHOR})
_ORGANIZATION = frozenset({SourceKind.NAMED_ORGANIZATION, SourceKind.PUBLICATION})


@attrs.frozen
class _QName:
    """A qualified name written as a value (``'prov:Person'``)."""

    text: str


@attrs.frozen
class _URI:
    """An ``xsd:anyURI`` literal."""

    text: str


_Value = str | _QName | _URI


@attrs.frozen
class _Record:
    kind: str
    id: str
    formal: tuple[tuple[str, str | None], ...] = ()
    attributes: tuple[tuple[str, _Value], ...] = ()


@attrs.frozen
class _Bundle:
    id: str
    records: tuple[_Record, ...]
    prefixes: dict[str, str]
    """Only the prefixes its records use (its own document's): a batch's bundles stay linear."""


@attrs.frozen
class _Graph:
    prefixes: dict[str, str]
    records: tuple[_Record, ...]
    bundles: tuple[_Bundle, ...]


# PROV-JSON keys of each relation's formal arguments, in PROV-N argument order.
_FORMAL: dict[str, tuple[str, ...]] = {
    "wasDerivedFrom": (
        "prov:generatedEntity",
        "prov:usedEntity",
        "prov:activity",
        "prov:generation",
        "prov:usage",
    ),
    "wasAttributedTo": ("prov:entity", "prov:agent"),
    "actedOnBehalfOf": ("prov:delegate", "prov:responsible", "prov:activity"),
}


def _escape_local(text: str) -> str:
    """Make ``text`` a PROV-N local name (it may not end with a full stop)."""
    return text[:-1] + "%2E" if text.endswith(".") else text


class _Builder:
    """Turns Documents into a :class:`_Graph`."""

    def __init__(self) -> None:
        self.prefixes: dict[str, str] = {"cp": CP_NAMESPACE}
        self.records: list[_Record] = []
        self.bundles: list[_Bundle] = []
        self._bases: set[str] = set()

    def add(self, index: int, document: Document) -> None:
        base = f"urn:claim-provenance:{document.id}:"
        if base in self._bases:  # the same record twice in one batch
            base = f"urn:claim-provenance:{document.id}~{index}:"
        self._bases.add(base)
        p = f"d{index}"
        own = {"cp": CP_NAMESPACE}
        for suffix, part in (("", ""), ("s", "source:"), ("c", "claim:"), ("h", "said:")):
            own[p + suffix] = base + part
        own[p + "r"] = base + "relation:"
        self.prefixes.update(own)
        counter = iter(range(1, 1 << 62))

        def rel() -> str:
            return f"{p}r:{next(counter)}"

        def src(source_id: str) -> str:
            return f"{p}s:{_escape_local(source_id)}"

        def clm(claim_id: str) -> str:
            return f"{p}c:{_escape_local(claim_id)}"

        sources = {source.id: source for source in document.sources}
        doc = f"{p}:document"
        attributes: list[tuple[str, _Value]] = [("prov:type", _QName("cp:Document"))]
        if document.title is not None:
            attributes.append(("prov:label", document.title))
        if document.url is not None:
            attributes.append(("cp:url", _URI(document.url)))
        if document.published is not None:
            attributes.append(("cp:published", document.published))
        if document.language is not None:
            attributes.append(("cp:language", document.language))
        attributes.append(("cp:recordId", document.id))
        out = self.records
        out.append(_Record("entity", doc, attributes=tuple(attributes)))
        for source in document.sources:
            out.append(_source_record(src(source.id), source))
        out.append(_relation("wasAttributedTo", rel(), doc, src(document.publisher)))
        for author in document.authors:
            out.append(_relation("wasAttributedTo", rel(), doc, src(author)))

        bundled: dict[str, list[_Record]] = {}
        publisher_bundle = bundled.setdefault(document.publisher, [])
        for source in document.sources:
            if source.affiliation is None or source.affiliation not in sources:
                continue
            responsible = sources[source.affiliation]
            if source.kind is SourceKind.DOCUMENT:
                publisher_bundle.append(
                    _relation("wasAttributedTo", rel(), src(source.id), src(responsible.id))
                )
            elif responsible.kind is not SourceKind.DOCUMENT:
                publisher_bundle.append(
                    _relation(
                        "actedOnBehalfOf",
                        rel(),
                        src(source.id),
                        src(responsible.id),
                        (("prov:type", _QName("cp:affiliation")),),
                    )
                )

        for claim in document.claims:
            out.append(_claim_record(clm(claim.id), claim, doc))
            out.append(_relation("wasAttributedTo", rel(), clm(claim.id), src(document.publisher)))
            for number, review in enumerate(claim.reviews, start=1):
                review_id = f"{p}r:review.{_escape_local(claim.id)}.{number}"
                review_attributes: list[tuple[str, _Value]] = [
                    ("prov:type", _QName("cp:Review")),
                    ("cp:about", _QName(clm(claim.id))),
                    ("cp:verdict", _QName(f"cp:{review.verdict.value}")),
                ]
                if review.label is not None:
                    review_attributes.append(("prov:label", review.label))
                if review.url is not None:
                    review_attributes.append(("cp:url", _URI(review.url)))
                if review.date is not None:
                    review_attributes.append(("cp:date", review.date))
                out.append(_Record("entity", review_id, attributes=tuple(review_attributes)))
                out.append(_relation("wasAttributedTo", rel(), review_id, src(review.reviewer)))
            previous = clm(claim.id)
            for number, hop in enumerate(claim.attribution):
                asserter = hop.asserted_by or document.publisher
                target = bundled.setdefault(asserter, [])
                hop_source = sources.get(hop.source)
                if hop_source is not None and hop_source.kind is SourceKind.DOCUMENT:
                    level = src(hop.source)
                else:
                    level = f"{p}h:{number}.{_escape_local(claim.id)}"
                    target.append(_Record("entity", level, attributes=_hop_attributes(hop)))
                    target.append(_relation("wasAttributedTo", rel(), level, src(hop.source)))
                target.append(_derivation(rel(), previous, level, hop))
                previous = level

        for asserter, records in bundled.items():
            if not records:
                continue
            bundle_id = (
                f"{p}:sourcing"
                if asserter == document.publisher
                else f"{p}:sourcing.{_escape_local(asserter)}"
            )
            self.bundles.append(_Bundle(bundle_id, tuple(records), own))
            out.append(
                _Record(
                    "entity",
                    bundle_id,
                    attributes=(
                        ("prov:type", _QName("prov:Bundle")),
                        ("prov:label", f"the sourcing as {sources[asserter].label} gives it"),
                    ),
                )
            )
            out.append(_relation("wasAttributedTo", rel(), bundle_id, src(asserter)))

    def graph(self) -> _Graph:
        return _Graph(dict(self.prefixes), tuple(self.records), tuple(self.bundles))


def _relation(
    kind: str,
    identifier: str,
    first: str,
    second: str,
    attributes: tuple[tuple[str, _Value], ...] = (),
) -> _Record:
    keys = _FORMAL[kind]
    return _Record(kind, identifier, ((keys[0], first), (keys[1], second)), attributes)


def _derivation(identifier: str, generated: str, used: str, hop: Hop) -> _Record:
    attributes: list[tuple[str, _Value]] = []
    if hop.mode.is_quote:
        attributes.append(("prov:type", _QName("prov:Quotation")))
    elif hop.mode is AttributionMode.DOCUMENT_STATES:
        attributes.append(("prov:type", _QName("prov:PrimarySource")))
    attributes.append(("cp:mode", _QName(f"cp:{hop.mode.value}")))
    return _relation("wasDerivedFrom", identifier, generated, used, tuple(attributes))


def _hop_attributes(hop: Hop) -> tuple[tuple[str, _Value], ...]:
    attributes: list[tuple[str, _Value]] = [
        ("prov:type", _QName("cp:Attribution")),
        ("cp:mode", _QName(f"cp:{hop.mode.value}")),
        ("cp:linkStatus", _QName(f"cp:{hop.link_status.value}")),
    ]
    if hop.quote is not None:
        attributes.append(("prov:value", hop.quote))
    for key, value in (
        ("cp:cue", hop.cue.text if hop.cue else None),
        ("cp:mention", hop.mention.text if hop.mention else None),
        ("cp:medium", hop.medium),
        ("cp:recipient", hop.recipient),
        ("cp:date", hop.date),
    ):
        if value is not None:
            attributes.append((key, value))
    return tuple(attributes)


def _source_record(identifier: str, source: Source) -> _Record:
    attributes: list[tuple[str, _Value]] = []
    if source.kind in _PERSON:
        attributes.append(("prov:type", _QName("prov:Person")))
    elif source.kind in _ORGANIZATION:
        attributes.append(("prov:type", _QName("prov:Organization")))
    attributes.append(("cp:kind", _QName(f"cp:{source.kind.value}")))
    attributes.append(("prov:label", source.label))
    if source.descriptor is not None:
        attributes.append(("cp:descriptor", source.descriptor))
    attributes.append(("cp:plurality", _QName(f"cp:{source.plurality.value}")))
    attributes.extend(("cp:sameAs", _URI(uri)) for uri in source.same_as)
    kind = "entity" if source.kind is SourceKind.DOCUMENT else "agent"
    return _Record(kind, identifier, attributes=tuple(attributes))


def _claim_record(identifier: str, claim: Claim, document: str) -> _Record:
    attributes: list[tuple[str, _Value]] = [
        ("prov:type", _QName("cp:Claim")),
        ("prov:value", claim.text),
        ("cp:document", _QName(document)),
        ("cp:status", _QName(f"cp:{claim.status.value}")),
    ]
    attributes.extend(("cp:statusReason", reason) for reason in claim.status_reasons)
    attributes.extend(
        ("cp:hedge", f"{hedge.category.value}: {hedge.text}") for hedge in claim.hedges
    )
    return _Record("entity", identifier, attributes=tuple(attributes))


def _graph(documents: Document | Iterable[Document]) -> _Graph:
    batch = [documents] if isinstance(documents, Document) else list(documents)
    builder = _Builder()
    for index, document in enumerate(batch, start=1):
        builder.add(index, document)
    return builder.graph()


# -- PROV-JSON --------------------------------------------------------------------


def _json_value(value: _Value) -> Any:
    if isinstance(value, _QName):
        return {"$": value.text, "type": "prov:QUALIFIED_NAME"}
    if isinstance(value, _URI):
        return {"$": value.text, "type": "xsd:anyURI"}
    return value


def _json_records(records: Iterable[_Record]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for record in records:
        body: dict[str, Any] = {key: value for key, value in record.formal if value is not None}
        for key, value in record.attributes:
            encoded = _json_value(value)
            if key in body:
                existing = body[key]
                body[key] = (
                    [*existing, encoded]
                    if isinstance(existing, list)
                    else [
                        existing,
                        encoded,
                    ]
                )
            else:
                body[key] = encoded
        out.setdefault(record.kind, {})[record.id] = body
    return out


def write(documents: Document | Iterable[Document]) -> dict[str, Any]:
    """Return ``documents`` as one PROV-JSON document (JSON-ready data)."""
    graph = _graph(documents)
    out: dict[str, Any] = {"prefix": dict(graph.prefixes)}
    out.update(_json_records(graph.records))
    if graph.bundles:
        out["bundle"] = {
            bundle.id: {"prefix": dict(bundle.prefixes), **_json_records(bundle.records)}
            for bundle in graph.bundles
        }
    return out


def dumps(documents: Document | Iterable[Document], *, indent: int | None = 2) -> str:
    """Return ``documents`` as PROV-JSON text."""
    return json.dumps(write(documents), ensure_ascii=False, indent=indent)


# -- PROV-N -----------------------------------------------------------------------

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _provn_string(text: str) -> str:
    return '"' + "".join(_ESCAPES.get(char, char) for char in text) + '"'


def _provn_value(value: _Value) -> str:
    if isinstance(value, _QName):
        return f"'{value.text}'"
    if isinstance(value, _URI):
        return f"{_provn_string(value.text)} %% xsd:anyURI"
    return _provn_string(value)


def _provn_attributes(attributes: tuple[tuple[str, _Value], ...]) -> str:
    if not attributes:
        return ""
    return "[" + ", ".join(f"{key}={_provn_value(value)}" for key, value in attributes) + "]"


def _provn_record(record: _Record) -> str:
    attributes = _provn_attributes(record.attributes)
    if record.kind in ("entity", "agent"):
        return f"{record.kind}({record.id}{', ' + attributes if attributes else ''})"
    formal = dict(record.formal)
    arguments = [formal.get(key) or "-" for key in _FORMAL[record.kind]]
    parts = ", ".join(arguments)
    return f"{record.kind}({record.id}; {parts}{', ' + attributes if attributes else ''})"


def _provn_lines(graph: _Graph) -> Iterator[str]:
    yield "document"
    for prefix, uri in graph.prefixes.items():
        yield f"  prefix {prefix} <{uri}>"
    yield ""
    for record in graph.records:
        yield "  " + _provn_record(record)
    for bundle in graph.bundles:
        yield f"  bundle {bundle.id}"
        for prefix, uri in bundle.prefixes.items():
            yield f"    prefix {prefix} <{uri}>"
        yield ""
        for record in bundle.records:
            yield "    " + _provn_record(record)
        yield "  endBundle"
    yield "endDocument"


def dumps_provn(documents: Document | Iterable[Document]) -> str:
    """Return ``documents`` as one PROV-N document."""
    return "\n".join(_provn_lines(_graph(documents))) + "\n"


# -- PROV-O -----------------------------------------------------------------------


def dumps_turtle(documents: Document | Iterable[Document]) -> str:
    """Return ``documents`` as PROV-O in Turtle.

    Needs the optional RDF stack (``pip install 'claim-provenance[prov]'``: the
    ``prov`` package and ``rdflib``); raises
    :class:`~provenance.errors.MissingDependency` without it.
    """
    try:
        import rdflib  # noqa: F401
        from prov.model import ProvDocument
    except ImportError as error:
        raise MissingDependency(
            f"PROV-O output needs the optional RDF stack ({error.name} is not installed): "
            "pip install 'claim-provenance[prov]'",
            expected="prov and rdflib installed",
            found=f"no module named {error.name!r}",
        ) from None
    document = ProvDocument.deserialize(content=dumps(documents), format="json")
    return str(document.serialize(format="rdf", rdf_format="turtle"))
