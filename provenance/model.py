"""The record model: frozen attrs classes with no I/O and no serialization.

A :class:`Document` holds everything found in one published text: its
:class:`Source` records and its :class:`Claim` records, each claim with its
attribution chain (:class:`Hop`, nearest first), its :class:`Hedge` cues, its
per-source factuality (:class:`Perspective`) and its :class:`Review` records.

Local invariants (a span's start is not after its end, a quote mode carries its
quote, a credibility is 1-6, ...) are checked when an object is built and raise
:class:`~provenance.errors.InvalidValue`. Invariants that need the whole record
(ids resolve, spans match the text, chains have no cycle) live in
:mod:`provenance.integrity`. Reading and writing JSON lives in
:mod:`provenance.codec`.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from provenance.errors import InvalidValue
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
    "Claim",
    "Document",
    "Drafting",
    "Evidence",
    "Excerpt",
    "Hedge",
    "Hop",
    "Perspective",
    "Rating",
    "RatingValue",
    "Review",
    "Source",
    "Span",
]

SCHEMA_ID = "https://claim-provenance.org/schemas/v1/document.json"
"""The ``$id`` of the Document schema records of this version carry in ``schema``."""

# \Z, not $: Python's $ also matches before a final newline (JSON Schema's $ does not).
_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.:-]*\Z")
_DATE = re.compile(
    r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
    r"([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?)?)?\Z"
)
_SHA256 = re.compile(r"^[0-9a-f]{64}\Z")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*\Z")

_E = TypeVar("_E", bound=enum.Enum)

RatingValue = int | float | str
"""A rating value exactly as published: a number, or a string such as ``"-1"``."""


def _fail(
    cls: str, field: str, message: str, *, expected: str, found: object, located: bool = True
) -> InvalidValue:
    """Build the error; ``path`` is the field's JSON path relative to the object."""
    return InvalidValue(
        f"{cls}.{field}: {message}",
        path=f"$.{field}" if located else None,
        expected=expected,
        found=repr(found),
    )


def _check_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise _fail(
            type(instance).__name__,
            attribute.name,
            "not a valid id",
            expected="letters, digits, '_', '.', ':' or '-', starting with a letter or '_'",
            found=value,
        )


_Validator = Callable[[object, "attrs.Attribute[Any]", Any], None]


def _each(check: _Validator) -> _Validator:
    """Apply ``check`` to every item of a tuple field."""

    def check_items(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        for item in value:
            check(instance, attribute, item)

    return check_items


def _string_check(accept: Callable[[str], object], message: str, expected: str) -> _Validator:
    """Build a validator refusing a (non-``None``) string that ``accept`` does not accept."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and not accept(value):
            raise _fail(
                type(instance).__name__, attribute.name, message, expected=expected, found=value
            )

    return check


_check_ids = _each(_check_id)
_check_date = _string_check(
    _DATE.fullmatch,
    "not an ISO 8601 date or date-time",
    "YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time",
)
_check_nonempty = _string_check(str.strip, "must not be empty", "a non-empty string")
# The schema's ``minLength: 1``: refuse the empty string, allow blanks.
_check_filled = _string_check(len, "must not be empty", "a non-empty string")
_check_filled_items = _each(_check_filled)
_check_language = _string_check(
    _LANGUAGE.fullmatch, "not a BCP 47 language tag", "a tag such as 'en' or 'sr-Latn'"
)


def _check_rating_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse a rating part that is neither a finite number (not a boolean) nor a string."""
    if value is None or isinstance(value, str):
        return
    # An int is finite: math.isfinite would convert it to a float (OverflowError past 1e308).
    finite = isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))
    if isinstance(value, bool) or not finite:
        raise _fail(
            type(instance).__name__,
            attribute.name,
            "must be a finite number or a string",
            expected="a number or a string",
            found=value,
        )


def _coerce(kind: type[_E], value: object) -> _E:
    """Convert a JSON value (or an enum member) to ``kind``, failing with a clear message."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in kind)
        raise InvalidValue(
            f"{value!r} is not a {kind.__name__}",
            expected=f"one of {allowed}",
            found=repr(value),
        ) from None


def _source_kind(value: SourceKind | str) -> SourceKind:
    return _coerce(SourceKind, value)


def _mode(value: AttributionMode | str) -> AttributionMode:
    return _coerce(AttributionMode, value)


def _plurality(value: Plurality | str) -> Plurality:
    return _coerce(Plurality, value)


def _link_status(value: LinkStatus | str) -> LinkStatus:
    return _coerce(LinkStatus, value)


def _hedge_category(value: HedgeCategory | str) -> HedgeCategory:
    return _coerce(HedgeCategory, value)


def _factuality(value: Factuality | str) -> Factuality:
    return _coerce(Factuality, value)


def _stance(value: Stance | str) -> Stance:
    return _coerce(Stance, value)


def _verdict(value: Verdict | str) -> Verdict:
    return _coerce(Verdict, value)


def _status(value: ConfidenceStatus | str) -> ConfidenceStatus:
    return _coerce(ConfidenceStatus, value)


def _reliability(value: Reliability | str | None) -> Reliability | None:
    return None if value is None else _coerce(Reliability, value)


def _credibility(value: Credibility | int | None) -> Credibility | None:
    return None if value is None else _coerce(Credibility, value)


def _opt_factuality(value: Factuality | str | None) -> Factuality | None:
    return None if value is None else _coerce(Factuality, value)


def _temporality(value: Temporality | str | None) -> Temporality | None:
    return None if value is None else _coerce(Temporality, value)


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


def _mapping(value: Mapping[str, Any] | None) -> dict[str, Any]:
    return dict(value or {})


@attrs.frozen
class Span:
    """A character range ``[start, end)`` into the document text, in code points."""

    start: int = attrs.field()
    """Index of the first character."""
    end: int = attrs.field()
    """Index one past the last character."""

    @start.validator
    def _start(self, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise _fail(
                "Span",
                "start",
                "must be a whole number >= 0",
                expected=">= 0",
                found=value,
                located=False,
            )

    @end.validator
    def _end(self, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < self.start:
            raise _fail(
                "Span",
                "end",
                "must not be before start",
                expected=f">= {self.start}",
                found=value,
                located=False,
            )


@attrs.frozen
class Excerpt:
    """Some words of the text, with where they stand: a cue or a source mention."""

    text: str = attrs.field(validator=_check_nonempty)
    """The words exactly as they stand in the text."""
    span: Span | None = None
    """Where they stand; ``None`` when the document carries no text."""


@attrs.frozen
class Source:
    """Someone or something a claim is attributed to, named or not."""

    id: str = attrs.field(validator=_check_id)
    """Unique within the document."""
    kind: SourceKind = attrs.field(converter=_source_kind)
    """What kind of source this is."""
    name: str | None = attrs.field(default=None, validator=_check_nonempty)
    """The proper name, for named kinds ("Reuters")."""
    descriptor: str | None = attrs.field(default=None, validator=_check_nonempty)
    """The words the text uses ("a U.S. State Department spokesperson")."""
    affiliation: str | None = attrs.field(default=None, validator=_check_id)
    """Id of the source this one speaks for or belongs to."""
    plurality: Plurality = attrs.field(default=Plurality.ONE, converter=_plurality)
    """How many voices this source stands for."""
    anonymity_reason: str | None = attrs.field(default=None, validator=_check_nonempty)
    """Why the text withholds the name, when it says so."""
    same_as: tuple[str, ...] = attrs.field(
        default=(), converter=_tuple, validator=_check_filled_items
    )
    """URIs naming the same real-world source (Wikidata, a homepage)."""
    reliability: Reliability | None = attrs.field(default=None, converter=_reliability)
    """Admiralty code source reliability, A-F."""
    extensions: dict[str, Any] = attrs.field(factory=dict, converter=_mapping)
    """Namespaced data this library does not interpret, kept verbatim."""

    def __attrs_post_init__(self) -> None:
        needs_name = self.kind.is_named and self.kind is not SourceKind.AUTHOR
        if needs_name and self.name is None and self.descriptor is None:
            raise _fail(
                "Source",
                "name",
                f"a {self.kind.value} source needs a name or a descriptor",
                expected="a name",
                found=None,
            )

    @property
    def label(self) -> str:
        """The best human-readable label: the name, else the descriptor, else the id."""
        return self.name or self.descriptor or self.id


@attrs.frozen
class Hop:
    """One link of an attribution chain: the claim passed on by ``source``."""

    source: str = attrs.field(validator=_check_id)
    """Id of the source at this level of the chain."""
    mode: AttributionMode = attrs.field(converter=_mode)
    """How the claim is attributed to the source."""
    cue: Excerpt | None = None
    """The attribution cue ("according to", "said in a statement")."""
    mention: Excerpt | None = None
    """The source's own words in the text ("a U.S. State Department spokesperson")."""
    asserted_by: str | None = attrs.field(default=None, validator=_check_id)
    """Id of the source that claims this link exists; ``None`` means the publisher."""
    recipient: str | None = attrs.field(default=None, validator=_check_nonempty)
    """Whom the source told ("the press", "Reuters")."""
    medium: str | None = attrs.field(default=None, validator=_check_nonempty)
    """Through what: statement, tweet, interview."""
    date: str | None = attrs.field(default=None, validator=_check_date)
    """When the source said it, ISO 8601 (a year or month is allowed)."""
    quote: str | None = attrs.field(default=None, validator=_check_nonempty)
    """The verbatim words, for quote modes."""
    link_status: LinkStatus = attrs.field(default=LinkStatus.AS_REPORTED, converter=_link_status)
    """What is known of this link beyond the citing text's word."""

    def __attrs_post_init__(self) -> None:
        if self.mode.is_quote and self.quote is None:
            raise _fail(
                "Hop",
                "quote",
                f"a {self.mode.value} hop must carry the quoted words",
                expected="the verbatim quote",
                found=None,
            )


@attrs.frozen
class Hedge:
    """A cue that weakens (or negates) the commitment to a claim."""

    text: str = attrs.field(validator=_check_nonempty)
    """The cue's words exactly as in the text ("remains unclear")."""
    category: HedgeCategory = attrs.field(converter=_hedge_category)
    """What the cue does."""
    span: Span | None = None
    """Where the cue stands in the document text."""
    source: str | None = attrs.field(default=None, validator=_check_id)
    """Id of the source whose commitment it qualifies; ``None`` means the publisher."""
    factuality: Factuality | None = attrs.field(default=None, converter=_opt_factuality)
    """The factuality value this cue sets for that source."""


@attrs.frozen
class Perspective:
    """One source's commitment to a claim, after FactBank."""

    source: str = attrs.field(validator=_check_id)
    """Id of the source whose view this is."""
    value: Factuality = attrs.field(converter=_factuality)
    """One of the eight FactBank values."""
    temporality: Temporality | None = attrs.field(default=None, converter=_temporality)
    """Whether the event is past or present, future, or underspecified."""


@attrs.frozen
class Rating:
    """A review rating kept exactly as published (any of its parts may be missing)."""

    value: RatingValue | None = attrs.field(default=None, validator=_check_rating_value)
    """The rating value as published."""
    best: RatingValue | None = attrs.field(default=None, validator=_check_rating_value)
    """The best value of the reviewer's scale (may be below ``worst``)."""
    worst: RatingValue | None = attrs.field(default=None, validator=_check_rating_value)
    """The worst value of the reviewer's scale."""


@attrs.frozen
class Evidence:
    """Something a reviewer points at to support a verdict."""

    url: str | None = attrs.field(default=None, validator=_check_filled)
    """Where the evidence is."""
    note: str | None = attrs.field(default=None, validator=_check_filled)
    """What it shows."""
    stance: Stance = attrs.field(default=Stance.CONTEXT, converter=_stance)
    """Whether it supports or refutes the claim, or gives context."""

    def __attrs_post_init__(self) -> None:
        if self.url is None and self.note is None:
            raise _fail(
                "Evidence", "url", "evidence needs a url or a note", expected="a url", found=None
            )


@attrs.frozen
class Review:
    """A fact-checker's review of a claim."""

    reviewer: str = attrs.field(validator=_check_id)
    """Id of the reviewing source."""
    verdict: Verdict = attrs.field(converter=_verdict)
    """The verdict, normalised."""
    label: str | None = None
    """The reviewer's own words for the verdict, verbatim ("Pants on Fire")."""
    rating: Rating | None = None
    """The rating as published."""
    url: str | None = attrs.field(default=None, validator=_check_filled)
    """Where the review is published."""
    date: str | None = attrs.field(default=None, validator=_check_date)
    """When it was published."""
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_tuple)
    """What the review rests on."""
    extensions: dict[str, Any] = attrs.field(factory=dict, converter=_mapping)
    """Namespaced data this library does not interpret, kept verbatim."""


@attrs.frozen(kw_only=True)
class Claim:
    """One claim found in the text, with its chain, hedges and status.

    Build claims with keyword arguments; :class:`provenance.builder.DocumentBuilder`
    fills the span and the derived status for you.
    """

    id: str = attrs.field(validator=_check_id)
    """Unique within the document."""
    text: str = attrs.field()
    """The claim's words (the exact text at ``span`` when there is one; may be empty only
    for records imported from sources that publish no claim text)."""
    span: Span | None = None
    """Where the claim stands in the document text."""
    attribution: tuple[Hop, ...] = attrs.field(default=(), converter=_tuple)
    """The chain, nearest first: hop 0 is the source the publisher cites, the last hop the
    origin. Empty when the publisher asserts the claim alone."""
    hedges: tuple[Hedge, ...] = attrs.field(default=(), converter=_tuple)
    """Hedge cues around the claim."""
    factuality: tuple[Perspective, ...] = attrs.field(default=(), converter=_tuple)
    """Each source's commitment to the claim."""
    status: ConfidenceStatus = attrs.field(converter=_status)
    """How well established the claim is; see :mod:`provenance.status`."""
    status_reasons: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Why the status is what it is (written by the decision table)."""
    status_override: str | None = attrs.field(default=None, validator=_check_nonempty)
    """The stated reason for a status that differs from the derived one."""
    inherits: str | None = attrs.field(default=None, validator=_check_id)
    """Id of the claim whose chain this one carries over ("the spokesman added")."""
    key: str | None = attrs.field(default=None, validator=_check_nonempty)
    """An identity shared by the same claim in other documents."""
    reviews: tuple[Review, ...] = attrs.field(default=(), converter=_tuple)
    """Fact-checkers' reviews of the claim."""
    credibility: Credibility | None = attrs.field(default=None, converter=_credibility)
    """Admiralty code information credibility, 1-6."""
    extensions: dict[str, Any] = attrs.field(factory=dict, converter=_mapping)
    """Namespaced data this library does not interpret, kept verbatim."""

    @property
    def origin(self) -> Hop | None:
        """The last hop of the chain, or ``None`` when the publisher asserts the claim alone."""
        return self.attribution[-1] if self.attribution else None


@attrs.frozen
class Drafting:
    """Marks a record as drafted by a program rather than written by a person."""

    tool: str = attrs.field(validator=_check_nonempty)
    """What drafted it ("claim-provenance extractor")."""
    version: str | None = None
    """The tool's version."""
    created: str | None = attrs.field(default=None, validator=_check_date)
    """When it was drafted (RFC 3339)."""
    method: str | None = None
    """How ("rules", "gold annotation import", "ClaimReview import")."""


@attrs.frozen(kw_only=True)
class Document:
    """One published text and everything found in it (build with keyword arguments)."""

    schema: str = SCHEMA_ID
    """``$id`` of the schema the record follows."""
    id: str = attrs.field(validator=_check_id)
    """The record's id."""
    url: str | None = attrs.field(default=None, validator=_check_filled)
    """Where the text is published."""
    title: str | None = None
    """Its headline."""
    publisher: str = attrs.field(validator=_check_id)
    """Id of the source that published the text."""
    authors: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_check_ids)
    """Ids of the sources who wrote it."""
    published: str | None = attrs.field(default=None, validator=_check_date)
    """When it was published (RFC 3339)."""
    language: str | None = attrs.field(default=None, validator=_check_language)
    """BCP 47 language tag."""
    text: str | None = None
    """The full text; spans index into it."""
    text_sha256: str | None = attrs.field(default=None)
    """SHA-256 of the UTF-8 text, hex; lets a record without its text be matched to one."""
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)
    """Every source the record names."""
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_tuple)
    """Every claim found in the text."""
    drafted_by: Drafting | None = None
    """Set when a program drafted the record."""
    extensions: dict[str, Any] = attrs.field(factory=dict, converter=_mapping)
    """Namespaced data this library does not interpret, kept verbatim."""

    @text_sha256.validator
    def _sha(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and not _SHA256.fullmatch(value):
            raise _fail(
                "Document",
                "text_sha256",
                "not a SHA-256 hex digest",
                expected="64 lowercase hex digits",
                found=value,
            )

    def source(self, source_id: str) -> Source:
        """Return the source with this id; raise ``KeyError`` when there is none."""
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    def claim(self, claim_id: str) -> Claim:
        """Return the claim with this id; raise ``KeyError`` when there is none."""
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)
