"""schema.org ClaimReview JSON-LD in and out.

Import
------
:func:`read` (parsed JSON), :func:`loads` (text: JSON
or an HTML page with ``<script type="application/ld+json">``) and
:func:`load` (a file) accept a single ClaimReview, a list, an
``@graph``, and a MediaReview whose ``associatedClaimReview`` is read through.
They return an :class:`~provenance.formats.notes.ImportNotes`: the Documents
and a note, with its JSON path, for every part skipped, kept unmapped or
doubtful. Nothing raises on bad content; only text that is not JSON at all
raises :class:`~provenance.errors.MalformedJSON`.

The mapping:

- a Document per fact-check article (ClaimReviews sharing a ``url`` share a
  Document): ``publisher`` is the fact-checker (``author``), ``url`` the
  review's, ``title`` its ``name``, ``published`` its ``datePublished``;
- a Claim per ClaimReview, ``text`` = ``claimReviewed`` (empty when there is
  none), its chain one hop in mode ``claimed`` to the claimant
  (``itemReviewed.author``) typed by a
  :class:`~provenance.formats.claimants.ClaimantTable`, dated with
  ``itemReviewed.datePublished``; no claimant gives a source of kind
  ``unknown`` (the fact-checker is never made to assert the claim);
- a Review per ClaimReview: the fact-checker as reviewer, ``alternateName``
  as ``label`` verbatim, ``ratingValue``/``bestRating``/``worstRating`` as a
  :class:`~provenance.model.Rating` verbatim, the verdict from a
  :class:`~provenance.formats.verdicts.VerdictTable`, ``url`` and ``date``;
- the claim's status from :func:`provenance.status.derive_status`.

Dates are normalised to ISO 8601 (:func:`~provenance.formats._dates.normalise_date`).
Everything not mapped is kept verbatim under the ``claimreview`` key of the
``extensions`` of the object it belongs to: the ClaimReview's own fields and
its ``reviewRating``'s on the Review, ``itemReviewed`` (``appearance``,
``firstAppearance``, ...) on the Claim, an author's on its Source; a date kept
in another form than the ISO one is kept there too, in its original form. A
MediaReview wrapper is kept under the Review's ``mediareview`` key.

Export
------
:func:`write` writes one ClaimReview per review of each claim, with
Google's required fields (``claimReviewed``, ``reviewRating`` with
``alternateName``, ``url``) and recommended ones (``author``,
``datePublished``, ``itemReviewed`` as a ``Claim`` with ``author``,
``appearance``, ``firstAppearance``), rebuilt from the model and the kept
extensions, so import -> export -> import gives the same Documents. What
ClaimReview cannot express (a chain of several hops, hedges, factuality,
evidence) is left out with a note, or, with ``extension=True``, carried under
the namespaced property :data:`EXTENSION_PROPERTY`.
:func:`profile_problems` checks an item against Google's required and
recommended fields.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs

from provenance import codec, json_policy
from provenance.errors import Problem, ProvenanceError
from provenance.formats._dates import normalise_date
from provenance.formats._jsonld import parse_jsonld
from provenance.formats.claimants import ClaimantTable
from provenance.formats.notes import ExportNotes, ImportNotes, Note, NoteAction
from provenance.formats.verdicts import VerdictTable, default_label
from provenance.model import (
    Claim,
    Document,
    Drafting,
    Hop,
    Rating,
    RatingValue,
    Review,
    Source,
)
from provenance.status import derive_status
from provenance.vocabulary import (
    AttributionMode,
    ConfidenceStatus,
    Plurality,
    SourceKind,
    Verdict,
)

__all__ = [
    "CONTEXT",
    "DRAFTING",
    "EXTENSION_PROPERTY",
    "MEDIAREVIEW",
    "NAMESPACE",
    "ProfileProblems",
    "appearances",
    "load",
    "loads",
    "profile_problems",
    "read",
    "write",
]

NAMESPACE = "claimreview"
"""The ``extensions`` key under which unmapped ClaimReview data is kept."""
MEDIAREVIEW = "mediareview"
"""The Review ``extensions`` key under which a MediaReview wrapper is kept."""
EXTENSION_PROPERTY = "https://claim-provenance.org/ns/v1#claim"
"""The property (an absolute IRI, so JSON-LD keeps it apart from schema.org's) under
which ``write(..., extension=True)`` carries what ClaimReview cannot express."""
CONTEXT = "https://schema.org"
"""The JSON-LD ``@context`` written on every exported item."""
DRAFTING = Drafting(tool="claim-provenance", method="ClaimReview import")
"""The ``drafted_by`` of every imported Document."""

_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_SCHEMA_PREFIXES = ("http://schema.org/", "https://schema.org/", "schema:")
_PERSON_KINDS = frozenset({SourceKind.NAMED_PERSON, SourceKind.UNNAMED_INDIVIDUAL})
_DESCRIBED_KINDS = frozenset(
    {SourceKind.VAGUE_REPORTS, SourceKind.UNNAMED_GROUP, SourceKind.GENERIC}
)


def _short_type(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    for prefix in _SCHEMA_PREFIXES:
        if value.startswith(prefix):
            return value[len(prefix) :]
    return value


def _types(node: Mapping[str, Any]) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {short for item in values if (short := _short_type(item)) is not None}


def _kind_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _key_path(path: str, key: str) -> str:
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key)}]"


def _default_type(kind: SourceKind) -> str | None:
    if kind is SourceKind.UNKNOWN:
        return None
    return "Person" if kind in _PERSON_KINDS else "Organization"


def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:  # "http://[" and the like: not a URL at all
        return False
    return bool(parts.scheme in ("http", "https") and parts.netloc)


def _host(url: object) -> str:
    if not isinstance(url, str):
        return ""
    try:
        return urlsplit(url).netloc
    except ValueError:  # "http://[": no host to name
        return ""


def _rating_part(value: object) -> bool:
    return isinstance(value, str) or (
        isinstance(value, int | float) and not isinstance(value, bool) and value == value
    )


def _slug(text: str, limit: int = 40) -> str:
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-")
    return slug


@attrs.frozen
class _SourceSpec:
    kind: SourceKind
    name: str | None
    descriptor: str | None
    plurality: Plurality
    same_as: tuple[str, ...]
    residue: dict[str, Any]
    hint: str

    def identity(self) -> tuple[Any, ...]:
        return (
            self.kind,
            self.name,
            self.descriptor,
            self.plurality,
            self.same_as,
            json.dumps(self.residue, sort_keys=True, default=repr),
        )

    def source(self, source_id: str) -> Source:
        extensions = {NAMESPACE: self.residue} if self.residue else {}
        return Source(
            source_id,
            self.kind,
            name=self.name,
            descriptor=self.descriptor,
            plurality=self.plurality,
            same_as=self.same_as,
            extensions=extensions,
        )


@attrs.frozen
class _Parsed:
    path: str
    url: str | None
    name: str | None
    name_residue: bool
    language: str | None
    reviewer: _SourceSpec
    claimant: _SourceSpec
    text: str
    claim_extensions: dict[str, Any]
    hop_date: str | None
    review: dict[str, Any]
    review_residue: dict[str, Any]
    review_extensions: dict[str, Any]
    seed: str


class _Importer:
    def __init__(
        self,
        location: str | None,
        verdicts: VerdictTable,
        claimants: ClaimantTable,
    ) -> None:
        self.location = location
        self.verdicts = verdicts
        self.claimants = claimants
        self.notes: list[Note] = []
        self.parsed: list[_Parsed] = []

    def note(self, action: NoteAction, path: str, message: str) -> None:
        self.notes.append(Note(action, path, message, self.location))

    def kept(self, path: str, where: str, why: str = "not mapped") -> None:
        self.note(NoteAction.KEPT, path, f"{why}; kept verbatim in {where}")

    # -- finding the ClaimReviews -------------------------------------------

    def walk(self, data: Any, path: str) -> None:
        if isinstance(data, list):
            if not data:
                self.note(NoteAction.SKIPPED, path, "an empty list holds no ClaimReview")
            for index, item in enumerate(data):
                self.walk(item, f"{path}[{index}]")
            return
        if not isinstance(data, dict):
            self.note(
                NoteAction.SKIPPED,
                path,
                f"expected a JSON-LD object, found {_kind_name(data)}",
            )
            return
        if "@graph" in data:
            graph = data["@graph"]
            if isinstance(graph, list | dict):
                self.walk(graph, _key_path(path, "@graph"))
            else:
                self.note(
                    NoteAction.SKIPPED,
                    _key_path(path, "@graph"),
                    f"expected a list of nodes, found {_kind_name(graph)}",
                )
            return
        types = _types(data)
        if "ClaimReview" in types:
            self.claimreview(data, path, None)
        elif "MediaReview" in types:
            self.mediareview(data, path)
        else:
            found = ", ".join(sorted(types)) or "no @type"
            self.note(
                NoteAction.SKIPPED,
                path,
                f"not a ClaimReview or MediaReview ({found})",
            )

    def mediareview(self, node: dict[str, Any], path: str) -> None:
        wrapper = {k: v for k, v in node.items() if k not in ("@context", "associatedClaimReview")}
        inner = node.get("associatedClaimReview")
        inner_path = f"{path}.associatedClaimReview"
        candidates: list[tuple[Any, str]]
        if isinstance(inner, list):
            candidates = [(item, f"{inner_path}[{i}]") for i, item in enumerate(inner)]
        elif inner is None:
            candidates = []
        else:
            candidates = [(inner, inner_path)]
        reviews = []
        for item, where in candidates:
            if isinstance(item, dict) and "ClaimReview" in _types(item):
                reviews.append((item, where))
            else:
                self.note(NoteAction.SKIPPED, where, "not a ClaimReview")
        if not reviews:
            self.note(
                NoteAction.SKIPPED,
                path,
                "a MediaReview without an associatedClaimReview holds no claim to import",
            )
            return
        for key in wrapper:
            self.kept(
                _key_path(path, key),
                f"review.extensions[{MEDIAREVIEW!r}]",
                "MediaReview field with no ClaimReview counterpart",
            )
        for item, where in reviews:
            self.claimreview(item, where, wrapper)

    # -- one ClaimReview ----------------------------------------------------

    def claimreview(self, node: dict[str, Any], path: str, wrapper: dict[str, Any] | None) -> None:
        where = f"review.extensions[{NAMESPACE!r}]"
        residue: dict[str, Any] = {}
        handled = {
            "@context",
            "@type",
            "url",
            "datePublished",
            "author",
            "claimReviewed",
            "reviewRating",
            "itemReviewed",
            "name",
            "inLanguage",
        }
        for key, value in node.items():
            if key not in handled:
                residue[key] = value
                why = (
                    "claim-provenance extension (not read back)"
                    if key == EXTENSION_PROPERTY
                    else "not mapped"
                )
                self.kept(_key_path(path, key), where, why)
        if node.get("@type") != "ClaimReview":
            residue["@type"] = node.get("@type")

        url = node.get("url")
        if not (isinstance(url, str) and url.strip()):
            if "url" in node:
                residue["url"] = url
                self.kept(f"{path}.url", where, f"expected a URL, found {_kind_name(url)}")
            else:
                self.note(NoteAction.WARNING, path, "no url (Google requires one)")
            url = None

        date = self.date(node, "datePublished", path, residue, where)

        reviewer = self.author(node, path, residue, where, role="reviewer")

        text = node.get("claimReviewed")
        if not isinstance(text, str):
            if "claimReviewed" in node:
                residue["claimReviewed"] = text
                self.kept(
                    f"{path}.claimReviewed", where, f"expected a string, found {_kind_name(text)}"
                )
            else:
                self.note(NoteAction.WARNING, path, "no claimReviewed: the claim text is empty")
            text = ""
        elif not text.strip():
            self.note(
                NoteAction.WARNING,
                f"{path}.claimReviewed",
                "claimReviewed is empty: the claim text is empty",
            )

        name = node.get("name")
        name_residue = False
        if name is not None and not isinstance(name, str):
            residue["name"] = name
            name_residue = True
            self.kept(f"{path}.name", where, f"expected a string, found {_kind_name(name)}")
            name = None

        language = node.get("inLanguage")
        if language is not None and not (isinstance(language, str) and _LANGUAGE.match(language)):
            residue["inLanguage"] = language
            self.kept(f"{path}.inLanguage", where, "not a BCP 47 language tag")
            language = None

        review, rating_residue = self.rating(node, f"{path}.reviewRating", language)
        if rating_residue is not None:
            residue["reviewRating"] = rating_residue

        claimant, hop_date, item_residue = self.item_reviewed(node, path)
        claim_extensions = {NAMESPACE: {"itemReviewed": item_residue}} if item_residue else {}
        if node.get("itemReviewed") is not None and not isinstance(node["itemReviewed"], dict):
            claim_extensions = {NAMESPACE: {"itemReviewed": node["itemReviewed"]}}

        review_extensions: dict[str, Any] = {}
        if wrapper is not None:
            review_extensions[MEDIAREVIEW] = wrapper
        seed = json.dumps(
            [url, text, reviewer.name, node.get("datePublished")], default=str, sort_keys=True
        )
        review.update(url=url, date=date)
        self.parsed.append(
            _Parsed(
                path=path,
                url=url,
                name=name if isinstance(name, str) else None,
                name_residue=name_residue,
                language=language if isinstance(language, str) else None,
                reviewer=reviewer,
                claimant=claimant,
                text=text,
                claim_extensions=claim_extensions,
                hop_date=hop_date,
                review=review,
                review_residue=residue,
                review_extensions=review_extensions,
                seed=seed,
            )
        )

    def date(
        self,
        node: Mapping[str, Any],
        key: str,
        path: str,
        residue: dict[str, Any],
        where: str,
    ) -> str | None:
        if key not in node:
            return None
        value = node[key]
        if not isinstance(value, str):
            residue[key] = value
            self.kept(_key_path(path, key), where, f"expected a date, found {_kind_name(value)}")
            return None
        iso = normalise_date(value)
        if iso != value:
            residue[key] = value
            if iso is None and value.strip():
                self.kept(_key_path(path, key), where, f"date form {value!r} not recognised")
        return iso

    def author(
        self,
        node: Mapping[str, Any],
        path: str,
        residue: dict[str, Any],
        where: str,
        *,
        role: str,
    ) -> _SourceSpec:
        value = node.get("author")
        author_path = f"{path}.author"
        if isinstance(value, list):
            first = value[0] if value else None
            if (isinstance(first, str) and first.strip()) or (isinstance(first, dict) and first):
                if len(value) > 1:
                    residue["author"] = value[1:]
                    self.kept(
                        f"{author_path}[1:]",
                        where,
                        f"only the first author is mapped to the {role}",
                    )
                value = first
                author_path += "[0]"
            else:
                residue["author"] = value
                if value:
                    self.kept(author_path, where, f"no usable first author for the {role}")
                return _SourceSpec(SourceKind.UNKNOWN, None, None, Plurality.ONE, (), {}, role)
        if value is None:
            if "author" not in node:
                self.note(NoteAction.WARNING, path, f"no author: the {role} is unknown")
            return _SourceSpec(SourceKind.UNKNOWN, None, None, Plurality.ONE, (), {}, role)
        if isinstance(value, str):
            value = {"name": value}
        if not isinstance(value, dict):
            residue["author"] = value
            self.kept(
                author_path, where, f"expected a Person or Organization, found {_kind_name(value)}"
            )
            return _SourceSpec(SourceKind.UNKNOWN, None, None, Plurality.ONE, (), {}, role)
        return self.source_spec(value, author_path, role)

    def source_spec(self, value: Mapping[str, Any], path: str, role: str) -> _SourceSpec:
        where = f"the {role} source's extensions[{NAMESPACE!r}]"
        residue: dict[str, Any] = {}
        for key, item in value.items():
            if key not in ("@type", "name", "sameAs"):
                residue[key] = item
        schema_type = _short_type(value.get("@type"))
        name = value.get("name")
        if not (isinstance(name, str) and name.strip()):
            if "name" in value:
                residue["name"] = name
            name = None
        if name is None:
            kind, plurality = SourceKind.UNKNOWN, Plurality.ONE
            self.note(NoteAction.WARNING, path, f"the {role} has no name: its kind is unknown")
        elif role == "reviewer":
            kind = SourceKind.NAMED_PERSON if schema_type == "Person" else SourceKind.PUBLICATION
            plurality = Plurality.ONE
        else:
            kind, plurality = self.claimants.kind_of(name, schema_type)
        if "@type" in value and value["@type"] != _default_type(kind):
            residue["@type"] = value["@type"]
        same = value.get("sameAs")
        same_as: tuple[str, ...] = ()
        if isinstance(same, str) and _is_uri(same):
            same_as = (same,)
        elif isinstance(same, list) and len(same) > 1 and all(_is_uri(s) for s in same):
            same_as = tuple(same)
        elif "sameAs" in value:
            residue["sameAs"] = same
        for key in residue:
            if key != "@type":
                self.kept(_key_path(path, key), where)
        described = kind in _DESCRIBED_KINDS
        url = value.get("url")
        host = _host(url)
        hint = name or host or role
        return _SourceSpec(
            kind=kind,
            name=None if described else name,
            descriptor=name if described else None,
            plurality=plurality,
            same_as=same_as,
            residue=residue,
            hint=hint,
        )

    def rating(
        self, node: Mapping[str, Any], path: str, language: str | None
    ) -> tuple[dict[str, Any], Any]:
        where = f"review.extensions[{NAMESPACE!r}]"
        if "reviewRating" not in node:
            self.note(
                NoteAction.WARNING,
                path.rsplit(".", 1)[0],
                "no reviewRating: the verdict is 'other' (Google requires a rating)",
            )
            return {"verdict": Verdict.OTHER, "label": None, "rating": None}, None
        value = node["reviewRating"]
        if not isinstance(value, dict):
            self.kept(path, where, f"expected a Rating, found {_kind_name(value)}")
            return {"verdict": Verdict.OTHER, "label": None, "rating": None}, value
        residue: dict[str, Any] = {}
        parts: dict[str, RatingValue | None] = {}
        for key, field in (
            ("ratingValue", "value"),
            ("bestRating", "best"),
            ("worstRating", "worst"),
        ):
            if key in value:
                if _rating_part(value[key]):
                    parts[field] = value[key]
                else:
                    residue[key] = value[key]
                    self.kept(
                        f"{path}.{key}",
                        where,
                        f"expected a number or a string, found {_kind_name(value[key])}",
                    )
        label = value.get("alternateName")
        if not isinstance(label, str):
            if "alternateName" in value:
                residue["alternateName"] = label
                self.kept(
                    f"{path}.alternateName", where, f"expected a string, found {_kind_name(label)}"
                )
            else:
                self.note(NoteAction.WARNING, path, "no alternateName (Google requires one)")
            label = None
        for key, item in value.items():
            if key in ("@type", "ratingValue", "bestRating", "worstRating", "alternateName"):
                continue
            residue[key] = item
            self.kept(f"{path}.{key}", where)
        if value.get("@type") != "Rating" and "@type" in value:
            residue["@type"] = value["@type"]
        match = self.verdicts.classify(
            label, parts.get("value"), parts.get("best"), parts.get("worst"), language=language
        )
        if match.conflict:
            self.note(NoteAction.WARNING, path, match.conflict)
        if match.basis == "none" and label and label.strip():
            self.note(
                NoteAction.WARNING,
                f"{path}.alternateName",
                f"{match.reason}: verdict 'other' (extend the verdict table to map it)",
            )
        rating = Rating(**parts) if parts else None
        return {"verdict": match.verdict, "label": label, "rating": rating}, residue or None

    def item_reviewed(
        self, node: Mapping[str, Any], path: str
    ) -> tuple[_SourceSpec, str | None, dict[str, Any]]:
        unknown = _SourceSpec(SourceKind.UNKNOWN, None, None, Plurality.ONE, (), {}, "claimant")
        item = node.get("itemReviewed")
        item_path = f"{path}.itemReviewed"
        where = f"claim.extensions[{NAMESPACE!r}]"
        if item is None:
            self.note(NoteAction.WARNING, path, "no itemReviewed: the claimant is unknown")
            return unknown, None, {}
        if not isinstance(item, dict):
            self.kept(item_path, where, f"expected a Claim, found {_kind_name(item)}")
            return unknown, None, {}
        residue: dict[str, Any] = {}
        for key, value in item.items():
            if key in ("@type", "author", "datePublished"):
                continue
            residue[key] = value
            if key in ("appearance", "firstAppearance"):
                self.appearance_notes(value, _key_path(item_path, key))
                self.kept(_key_path(item_path, key), where, "where the claim appeared")
            else:
                self.kept(_key_path(item_path, key), where)
        if "@type" in item and item["@type"] != "Claim":
            residue["@type"] = item["@type"]
        hop_date = self.date(item, "datePublished", item_path, residue, where)
        if "author" in item:
            claimant = self.author(item, item_path, residue, where, role="claimant")
        else:
            self.note(NoteAction.WARNING, item_path, "no author: the claimant is unknown")
            claimant = unknown
        return claimant, hop_date, residue

    def appearance_notes(self, value: Any, path: str) -> None:
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            where = f"{path}[{index}]" if isinstance(value, list) else path
            if isinstance(item, str) and not _is_uri(item):
                self.note(NoteAction.WARNING, where, f"appearance {item!r} is not a URL")

    # -- assembling Documents -------------------------------------------------

    def documents(self) -> list[Document]:
        groups: dict[str, list[_Parsed]] = {}
        for index, parsed in enumerate(self.parsed):
            key = parsed.url if parsed.url is not None else f"#{index}"
            groups.setdefault(key, []).append(parsed)
        used_ids: set[str] = set()
        documents = []
        for members in groups.values():
            document = self.assemble(members, used_ids)
            if document is not None:
                documents.append(document)
        return documents

    def assemble(self, members: list[_Parsed], used_ids: set[str]) -> Document | None:
        first = members[0]
        doc_id = _document_id(first.url, first.seed)
        base, number = doc_id, 2
        while doc_id in used_ids:
            doc_id, number = f"{base}-{number}", number + 1
        used_ids.add(doc_id)
        claim_ids = [f"claim-{index}" for index in range(1, len(members) + 1)]
        taken = set(claim_ids)
        sources: dict[tuple[Any, ...], str] = {}
        made: list[Source] = []

        def source_id(spec: _SourceSpec, role: str) -> str:
            key = (role, *spec.identity())
            if key in sources:
                return sources[key]
            base_id = _slug(spec.hint) or role
            if not re.match(r"^[a-z_]", base_id):
                base_id = f"{role}-{base_id}"
            candidate, count = base_id, 2
            while candidate in taken:
                candidate, count = f"{base_id}-{count}", count + 1
            taken.add(candidate)
            sources[key] = candidate
            made.append(spec.source(candidate))
            return candidate

        publisher = source_id(first.reviewer, "reviewer")
        claims = []
        for claim_id, parsed in zip(claim_ids, members, strict=True):
            reviewer = source_id(parsed.reviewer, "reviewer")
            claimant = source_id(parsed.claimant, "claimant")
            residue = dict(parsed.review_residue)
            if parsed.name != first.name and not parsed.name_residue:
                residue["name"] = parsed.name
            if parsed.language != first.language and "inLanguage" not in residue:
                residue["inLanguage"] = parsed.language
            extensions = dict(parsed.review_extensions)
            if residue:
                extensions[NAMESPACE] = residue
            review = Review(reviewer=reviewer, extensions=extensions, **parsed.review)
            draft = Claim(
                id=claim_id,
                text=parsed.text,
                attribution=(Hop(claimant, AttributionMode.CLAIMED, date=parsed.hop_date),),
                reviews=(review,),
                status=ConfidenceStatus.ASSERTED,
                extensions=parsed.claim_extensions,
            )
            claims.append(draft)
        by_id = {source.id: source for source in made}
        settled = []
        for claim in claims:
            decision = derive_status(claim, by_id, publisher=publisher)
            settled.append(
                attrs.evolve(claim, status=decision.status, status_reasons=decision.reasons)
            )
        document = Document(
            id=doc_id,
            url=first.url,
            title=first.name,
            publisher=publisher,
            published=first.review.get("date"),
            language=first.language,
            sources=made,
            claims=settled,
            drafted_by=DRAFTING,
        )
        # Kept verbatim, a value nested near the policy's limit goes deeper in the record.
        problems = json_policy.value_problems(codec.unstructure(document)) or codec.problems(
            document
        )
        if problems:
            for problem in problems:
                self.note(
                    NoteAction.SKIPPED,
                    first.path,
                    f"the Document would be invalid ({problem}); not imported",
                )
            return None
        return document


def _document_id(url: str | None, seed: str) -> str:
    digest = hashlib.sha256((url or seed).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    if url is None:
        return f"claimreview-{digest}"
    try:
        parts = urlsplit(url)
    except ValueError:  # not a URL ("http://["): the digest alone names it
        return f"claimreview-{digest}"
    segments = [segment for segment in parts.path.split("/") if segment]
    stem = _slug(segments[-1] if segments else parts.netloc or "claimreview", 60)
    if not stem or not re.match(r"^[a-z_]", stem):
        stem = f"claimreview-{stem}".rstrip("-")
    return f"{stem}-{digest}"


def _import(
    data: Any,
    location: str | None,
    verdicts: VerdictTable | None,
    claimants: ClaimantTable | None,
) -> tuple[list[Document], list[Note], int]:
    importer = _Importer(
        location, verdicts or VerdictTable.default(), claimants or ClaimantTable.default()
    )
    try:
        importer.walk(data, "$")
    except RecursionError:
        importer.note(NoteAction.SKIPPED, "$", "nested too deeply to read")
    documents = importer.documents()
    return documents, importer.notes, len(importer.parsed)


def read(
    data: Any,
    *,
    location: str | None = None,
    verdicts: VerdictTable | None = None,
    claimants: ClaimantTable | None = None,
) -> ImportNotes:
    """Import parsed ClaimReview JSON-LD (an object, a list or an ``@graph``)."""
    documents, notes, found = _import(data, location, verdicts, claimants)
    if not found:
        notes.append(Note(NoteAction.SKIPPED, "$", "no ClaimReview found", location))
    return ImportNotes(tuple(documents), tuple(notes))


def loads(
    text: str | bytes,
    *,
    location: str | None = None,
    verdicts: VerdictTable | None = None,
    claimants: ClaimantTable | None = None,
) -> ImportNotes:
    """Import ClaimReviews from JSON text or an HTML page's JSON-LD scripts.

    Raises :class:`~provenance.errors.MalformedJSON` when JSON text does not
    parse; an HTML script that does not parse is a skipped note.
    """
    blocks = parse_jsonld(text, location=location)
    documents: list[Document] = []
    notes: list[Note] = []
    if not blocks:
        notes.append(
            Note(
                NoteAction.SKIPPED,
                "$",
                'no <script type="application/ld+json"> in the page',
                location,
            )
        )
    found = 0
    for block in blocks:
        if block.error is not None:
            notes.append(Note(NoteAction.SKIPPED, "$", block.error.message, block.location))
            continue
        block_documents, block_notes, count = _import(
            block.data, block.location, verdicts, claimants
        )
        notes.extend(block_notes)
        taken = {document.id: document for document in documents}
        for document in block_documents:
            earlier = taken.get(document.id)
            if earlier is None:
                documents.append(document)
                taken[document.id] = document
                continue
            # Two blocks of one page reviewing one URL: one id must name one Document.
            same = "the same record" if earlier == document else "a different record"
            notes.append(
                Note(
                    NoteAction.SKIPPED,
                    "$",
                    f"an earlier JSON-LD block already gave the Document {document.id!r}; "
                    f"this block's {same} with that id is not imported",
                    block.location,
                )
            )
        found += count
    if blocks and not found:
        notes.append(Note(NoteAction.SKIPPED, "$", "no ClaimReview found", location))
    return ImportNotes(tuple(documents), tuple(notes))


def load(
    path: str | os.PathLike[str],
    *,
    verdicts: VerdictTable | None = None,
    claimants: ClaimantTable | None = None,
) -> ImportNotes:
    """Import the ClaimReviews of a JSON or HTML file."""
    location = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ProvenanceError(
            f"cannot read the file: {error.strerror}", location=location
        ) from None
    return loads(data, location=location, verdicts=verdicts, claimants=claimants)


def appearances(claim: Claim) -> tuple[str, ...]:
    """Return the URLs (or bare strings) of where an imported claim appeared.

    Reads ``appearance`` and ``firstAppearance`` kept in the claim's
    extensions, whether they were URLs, objects with a ``url`` or bare strings;
    the first appearance comes first.
    """
    item = claim.extensions.get(NAMESPACE, {}).get("itemReviewed")
    if not isinstance(item, dict):
        return ()
    found: list[str] = []
    for key in ("firstAppearance", "appearance"):
        value = item.get(key)
        for entry in value if isinstance(value, list) else [value]:
            if isinstance(entry, str) and entry.strip():
                found.append(entry)
            elif isinstance(entry, dict):
                url = entry.get("url") or entry.get("accessedOnUrl")
                if isinstance(url, str) and url.strip():
                    found.append(url)
    return tuple(dict.fromkeys(found))


# -- export ---------------------------------------------------------------------


def _author(source: Source) -> dict[str, Any] | None:
    residue = dict(source.extensions.get(NAMESPACE, {}))
    author: dict[str, Any] = {}
    if "@type" in residue:
        author["@type"] = residue.pop("@type")
    elif _default_type(source.kind) is not None:
        author["@type"] = _default_type(source.kind)
    name = source.name or source.descriptor
    if name is not None:
        author["name"] = name
        residue.pop("name", None)
    if source.same_as:
        author["sameAs"] = source.same_as[0] if len(source.same_as) == 1 else list(source.same_as)
        residue.pop("sameAs", None)
    author.update(residue)
    if not author:
        return None
    return author


def _dated(residue: Mapping[str, Any], key: str, value: str | None) -> Any:
    original = residue.get(key)
    if isinstance(original, str) and normalise_date(original) == value:
        return original
    if value is not None:
        return value
    return original


def _with_rest(author: Any, residue: Mapping[str, Any]) -> Any:
    if author is None:
        return residue.get("author")
    rest = residue.get("author")
    if isinstance(rest, list):
        return [author, *rest]
    return author


@attrs.frozen
class _Exporter:
    extension: bool
    notes: list[Note] = attrs.field(factory=list)

    def note(self, action: NoteAction, path: str, message: str, location: str) -> None:
        self.notes.append(Note(action, path, message, location))

    def document(self, document: Document) -> Iterator[dict[str, Any]]:
        sources = {source.id: source for source in document.sources}
        for index, claim in enumerate(document.claims):
            path = f"$.claims[{index}]"
            if not claim.reviews:
                self.note(
                    NoteAction.SKIPPED,
                    path,
                    f"claim {claim.id!r} has no review; a ClaimReview needs one",
                    document.id,
                )
                continue
            carried = self.inexpressible(document, claim, path)
            for position, review in enumerate(claim.reviews):
                item = self.item(document, claim, review, sources, f"{path}.reviews[{position}]")
                if carried:
                    item[EXTENSION_PROPERTY] = carried
                wrapper = review.extensions.get(MEDIAREVIEW)
                if isinstance(wrapper, dict):
                    yield {"@context": CONTEXT, **wrapper, "associatedClaimReview": item}
                else:
                    yield {"@context": CONTEXT, **item}

    def inexpressible(self, document: Document, claim: Claim, path: str) -> dict[str, Any]:
        """Note (or collect, with ``extension``) what ClaimReview cannot say about ``claim``."""
        data = codec.unstructure(claim)
        missing: dict[str, str] = {}
        if len(claim.attribution) > 1:
            missing["attribution"] = (
                f"a chain of {len(claim.attribution)} hops: only its origin is written as "
                "itemReviewed.author"
            )
        for field, why in (
            ("hedges", "hedges"),
            ("factuality", "per-source factuality"),
            ("span", "the claim's place in the text"),
            ("key", "the cross-document key"),
            ("credibility", "the credibility grade"),
            ("status_override", "the status override"),
            ("inherits", "the inherited chain"),
        ):
            if field in data:
                missing[field] = why
        if any(review.evidence for review in claim.reviews):
            missing["evidence"] = "the reviews' evidence"
        if not missing:
            return {}
        if not self.extension:
            for field, why in missing.items():
                self.note(
                    NoteAction.LEFT_OUT,
                    f"{path}.{field}",
                    f"ClaimReview cannot express {why}; left out (use the extension to carry it)",
                    document.id,
                )
            return {}
        carried: dict[str, Any] = {
            field: data[field] for field in missing if field in data and field != "evidence"
        }
        if "evidence" in missing:
            carried["evidence"] = [codec.unstructure(review.evidence) for review in claim.reviews]
        named = {hop.source for hop in claim.attribution} | {
            hedge.source for hedge in claim.hedges if hedge.source
        }
        carried["sources"] = [
            codec.unstructure(source) for source in document.sources if source.id in named
        ]
        return carried

    def item(
        self,
        document: Document,
        claim: Claim,
        review: Review,
        sources: Mapping[str, Source],
        path: str,
    ) -> dict[str, Any]:
        residue = dict(review.extensions.get(NAMESPACE, {}))
        item: dict[str, Any] = {"@type": residue.pop("@type", "ClaimReview")}
        url = review.url or document.url
        if url is not None:
            item["url"] = url
            residue.pop("url", None)
        date = _dated(residue, "datePublished", review.date)
        if date is not None or "datePublished" in residue:
            item["datePublished"] = date
        residue.pop("datePublished", None)
        reviewer = sources.get(review.reviewer)
        author = _with_rest(_author(reviewer) if reviewer else None, residue)
        residue.pop("author", None)
        if author is not None:
            item["author"] = author
        if claim.text or "claimReviewed" not in residue:
            item["claimReviewed"] = claim.text
            residue.pop("claimReviewed", None)
        if "name" not in residue and document.title is not None:
            item["name"] = document.title
        if "inLanguage" not in residue and document.language is not None:
            item["inLanguage"] = document.language
        rating = self.rating(review, residue.pop("reviewRating", None))
        if rating is not None:
            item["reviewRating"] = rating
        reviewed = self.item_reviewed(claim, sources)
        if reviewed is not None:
            item["itemReviewed"] = reviewed
        for key, value in residue.items():
            if value is not None or key not in ("name", "inLanguage"):
                item[key] = value
        for problem in profile_problems(item).required:
            self.note(
                NoteAction.WARNING, path, f"{problem.message} (Google requires it)", document.id
            )
        return item

    def rating(self, review: Review, residue: Any) -> Any:
        if residue is not None and not isinstance(residue, dict):
            return residue if review.label is None and review.rating is None else None
        rating: dict[str, Any] = {"@type": "Rating"}
        extra = dict(residue or {})
        rating["@type"] = extra.pop("@type", "Rating")
        if review.rating is not None:
            for key, value in (
                ("ratingValue", review.rating.value),
                ("bestRating", review.rating.best),
                ("worstRating", review.rating.worst),
            ):
                if value is not None:
                    rating[key] = value
        label = review.label
        if label is None and review.rating is None and residue is None:
            label = default_label(review.verdict)
            if label is None:
                return None
        if label is not None:
            rating["alternateName"] = label
        rating.update(extra)
        return rating

    def item_reviewed(self, claim: Claim, sources: Mapping[str, Source]) -> Any:
        kept = claim.extensions.get(NAMESPACE, {}).get("itemReviewed")
        if kept is not None and not isinstance(kept, dict):
            return kept
        residue = dict(kept or {})
        item: dict[str, Any] = {"@type": residue.pop("@type", "Claim")}
        origin = claim.origin
        if origin is not None:
            source = sources.get(origin.source)
            author = _with_rest(_author(source) if source else None, residue)
            if author is not None:
                item["author"] = author
            date = _dated(residue, "datePublished", origin.date)
            if date is not None or "datePublished" in residue:
                item["datePublished"] = date
        residue.pop("author", None)
        residue.pop("datePublished", None)
        item.update(residue)
        if list(item) == ["@type"] and kept is None:
            return None
        return item


def write(documents: Document | Iterable[Document], *, extension: bool = False) -> ExportNotes:
    """Write one ClaimReview (JSON-LD data) per review of each claim of ``documents``.

    Claims without a review are skipped; what ClaimReview cannot express is
    left out with a note, or carried under :data:`EXTENSION_PROPERTY` when
    ``extension`` is true. A review imported from a MediaReview is written
    back inside its MediaReview.
    """
    batch = [documents] if isinstance(documents, Document) else list(documents)
    exporter = _Exporter(extension)
    items = [item for document in batch for item in exporter.document(document)]
    return ExportNotes(tuple(items), tuple(exporter.notes))


@attrs.frozen
class ProfileProblems:
    """What an item lacks of Google's ClaimReview profile."""

    required: tuple[Problem, ...]
    """Missing or unusable required fields: the item would be rejected."""
    recommended: tuple[Problem, ...]
    """Missing recommended fields."""


def profile_problems(item: Mapping[str, Any]) -> ProfileProblems:
    """Check a ClaimReview (or a MediaReview wrapping one) against Google's field profile."""
    if "ClaimReview" not in _types(item) and isinstance(item.get("associatedClaimReview"), dict):
        inner = item["associatedClaimReview"]
        found = profile_problems(inner)
        return ProfileProblems(
            tuple(
                attrs.evolve(p, path=p.path.replace("$", "$.associatedClaimReview", 1))
                for p in found.required
            ),
            tuple(
                attrs.evolve(p, path=p.path.replace("$", "$.associatedClaimReview", 1))
                for p in found.recommended
            ),
        )
    required: list[Problem] = []
    recommended: list[Problem] = []

    def text(value: object) -> bool:
        return isinstance(value, str) and bool(value.strip())

    if "ClaimReview" not in _types(item):
        required.append(Problem("$['@type']", "not a ClaimReview", expected="ClaimReview"))
    if not text(item.get("claimReviewed")):
        required.append(Problem("$.claimReviewed", "no claimReviewed text", expected="a string"))
    rating = item.get("reviewRating")
    if not isinstance(rating, dict):
        required.append(Problem("$.reviewRating", "no reviewRating", expected="a Rating"))
    elif not text(rating.get("alternateName")):
        required.append(
            Problem("$.reviewRating.alternateName", "no alternateName", expected="a string")
        )
    if not _is_uri(item.get("url")):
        required.append(Problem("$.url", "no url", expected="an http(s) URL"))
    author = item.get("author")
    first_author = author[0] if isinstance(author, list) and author else author
    if not (isinstance(first_author, dict) and text(first_author.get("name"))):
        recommended.append(Problem("$.author", "no author with a name", expected="an Organization"))
    if not text(item.get("datePublished")):
        recommended.append(Problem("$.datePublished", "no datePublished", expected="a date"))
    reviewed = item.get("itemReviewed")
    if not isinstance(reviewed, dict):
        recommended.append(Problem("$.itemReviewed", "no itemReviewed", expected="a Claim"))
    else:
        if reviewed.get("@type") != "Claim":
            recommended.append(
                Problem("$.itemReviewed['@type']", "itemReviewed is not a Claim", expected="Claim")
            )
        claimant = reviewed.get("author")
        if not isinstance(claimant, dict | list):
            recommended.append(
                Problem("$.itemReviewed.author", "no claimant", expected="a Person or Organization")
            )
        if "appearance" not in reviewed and "firstAppearance" not in reviewed:
            recommended.append(
                Problem(
                    "$.itemReviewed.appearance",
                    "no appearance or firstAppearance",
                    expected="where the claim appeared",
                )
            )
    return ProfileProblems(tuple(required), tuple(recommended))
