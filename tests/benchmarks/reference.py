"""A pydantic v2 model of the Document, equivalent to schemas/v1, as the speed reference.

Same fields, the same enums (the library's own vocabulary), the same nested
types and every constraint pydantic can state: id, date, language and digest
patterns, non-empty strings, unknown fields forbidden, the quote a quote mode
needs, the name a named source needs, the url or note evidence needs. Dumping
with ``exclude_defaults=True`` writes the same JSON value the codec writes.

This module is used only by the benchmark harness (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from provenance.model import SCHEMA_ID
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

Id = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_.:-]*$")]
Date = Annotated[
    str,
    Field(
        pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
        r"([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?)?)?$"
    ),
]
Words = Annotated[str, Field(min_length=1, pattern=r"\S")]
Uri = Annotated[str, Field(min_length=1)]
RatingValue = int | float | str

_QUOTES = {AttributionMode.DIRECT_QUOTE, AttributionMode.PARTIAL_QUOTE}
_NEEDS_NAME = {
    SourceKind.PUBLICATION,
    SourceKind.NAMED_PERSON,
    SourceKind.NAMED_ORGANIZATION,
    SourceKind.DOCUMENT,
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Strict):
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]


class Excerpt(_Strict):
    text: Words
    span: Span | None = None


class Source(_Strict):
    id: Id
    kind: SourceKind
    name: Words | None = None
    descriptor: Words | None = None
    affiliation: Id | None = None
    plurality: Plurality = Plurality.ONE
    anonymity_reason: Words | None = None
    same_as: tuple[Uri, ...] = ()
    reliability: Reliability | None = None
    extensions: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _named(self) -> Source:
        if self.kind in _NEEDS_NAME and self.name is None and self.descriptor is None:
            raise ValueError("a named source needs a name or a descriptor")
        return self


class Hop(_Strict):
    source: Id
    mode: AttributionMode
    cue: Excerpt | None = None
    mention: Excerpt | None = None
    asserted_by: Id | None = None
    recipient: Words | None = None
    medium: Words | None = None
    date: Date | None = None
    quote: Words | None = None
    link_status: LinkStatus = LinkStatus.AS_REPORTED

    @model_validator(mode="after")
    def _quoted(self) -> Hop:
        if self.mode in _QUOTES and self.quote is None:
            raise ValueError("a quote mode needs the quote")
        return self


class Hedge(_Strict):
    text: Words
    category: HedgeCategory
    span: Span | None = None
    source: Id | None = None
    factuality: Factuality | None = None


class Perspective(_Strict):
    source: Id
    value: Factuality
    temporality: Temporality | None = None


class Rating(_Strict):
    value: RatingValue | None = None
    best: RatingValue | None = None
    worst: RatingValue | None = None


class Evidence(_Strict):
    url: Uri | None = None
    note: Annotated[str, Field(min_length=1)] | None = None
    stance: Stance = Stance.CONTEXT

    @model_validator(mode="after")
    def _something(self) -> Evidence:
        if self.url is None and self.note is None:
            raise ValueError("evidence needs a url or a note")
        return self


class Review(_Strict):
    reviewer: Id
    verdict: Verdict
    label: str | None = None
    rating: Rating | None = None
    url: Uri | None = None
    date: Date | None = None
    evidence: tuple[Evidence, ...] = ()
    extensions: dict[str, Any] = Field(default_factory=dict)


class Claim(_Strict):
    id: Id
    text: str
    span: Span | None = None
    attribution: tuple[Hop, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    factuality: tuple[Perspective, ...] = ()
    status: ConfidenceStatus
    status_reasons: tuple[str, ...] = ()
    status_override: Words | None = None
    inherits: Id | None = None
    key: Words | None = None
    reviews: tuple[Review, ...] = ()
    credibility: Credibility | None = None
    extensions: dict[str, Any] = Field(default_factory=dict)


class Drafting(_Strict):
    tool: Words
    version: str | None = None
    created: Date | None = None
    method: str | None = None


class Document(_Strict):
    """The Document record as a pydantic model (``schema`` is required, like in JSON)."""

    schema_: Literal["https://claim-provenance.org/schemas/v1/document.json"] = Field(
        alias="schema"
    )
    id: Id
    url: Uri | None = None
    title: str | None = None
    publisher: Id
    authors: tuple[Id, ...] = ()
    published: Date | None = None
    language: Annotated[str, Field(pattern=r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")] | None = None
    text: str | None = None
    text_sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = None
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()
    drafted_by: Drafting | None = None
    extensions: dict[str, Any] = Field(default_factory=dict)


assert SCHEMA_ID == "https://claim-provenance.org/schemas/v1/document.json"


def validate_json(data: str | bytes) -> Document:
    """Parse and validate one record (the reference for ``provenance.loads``)."""
    return Document.model_validate_json(data)


def dump_json(document: Document) -> str:
    """Write one record as the codec does: defaults left out (the reference for ``dumps``)."""
    return document.model_dump_json(by_alias=True, exclude_defaults=True)
