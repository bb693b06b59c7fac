"""Building a Document record by hand, with spans found and statuses derived for you.

:class:`DocumentBuilder` is the convenient way to write a record from Python::

    builder = DocumentBuilder(id="oan-kosovo", text=article, publisher=Source(
        "oan", SourceKind.PUBLICATION, name="One America News"))
    builder.add_source(Source("reports", SourceKind.VAGUE_REPORTS,
                              descriptor="multiple reports", plurality=Plurality.SEVERAL))
    builder.claim("lead", "Kosovo agreed to take in at least 50 deportees",
                  attribution=[Hop("reports", AttributionMode.ACCORDING_TO,
                                   cue=Excerpt("according to"))])
    document = builder.build()

A claim's span is found by searching the text for its words; the spans of its
cues, mentions and hedges are found next to it. Its status and reasons come
from the decision table in :mod:`provenance.status` unless you give a status,
which must then agree with the table or carry a ``status_override`` reason.
:meth:`DocumentBuilder.build` runs every document-level rule.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from provenance import integrity
from provenance.errors import InvalidValue
from provenance.model import (
    SCHEMA_ID,
    Claim,
    Document,
    Drafting,
    Excerpt,
    Hedge,
    Hop,
    Perspective,
    Review,
    Source,
    Span,
)
from provenance.status import derive_status
from provenance.vocabulary import ConfidenceStatus, Credibility

__all__ = ["DocumentBuilder"]


class DocumentBuilder:
    """Collects sources and claims for one Document, then builds it.

    The builder is the only mutable object of the library; what it builds is
    frozen.
    """

    def __init__(
        self,
        *,
        id: str,
        publisher: Source,
        text: str | None = None,
        url: str | None = None,
        title: str | None = None,
        published: str | None = None,
        language: str | None = None,
        drafted_by: Drafting | None = None,
        extensions: Mapping[str, Any] | None = None,
        hash_text: bool = True,
    ) -> None:
        self._fields: dict[str, Any] = {
            "id": id,
            "url": url,
            "title": title,
            "published": published,
            "language": language,
            "text": text,
            "drafted_by": drafted_by,
            "extensions": dict(extensions or {}),
        }
        if text is not None and hash_text:
            self._fields["text_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self._text = text
        self._publisher = publisher.id
        self._sources: dict[str, Source] = {}
        self._authors: list[str] = []
        self._claims: dict[str, Claim] = {}
        self.add_source(publisher)

    @property
    def text(self) -> str | None:
        """The document text spans point into."""
        return self._text

    def add_source(self, source: Source) -> str:
        """Add ``source`` and return its id; an id used before is an error."""
        if source.id in self._sources or source.id in self._claims:
            raise InvalidValue(f"id {source.id!r} is already used", found=source.id)
        self._sources[source.id] = source
        return source.id

    def add_author(self, source: Source) -> str:
        """Add ``source`` as an author of the text and return its id."""
        self.add_source(source)
        self._authors.append(source.id)
        return source.id

    def locate(self, words: str, *, near: Span | None = None, start: int | None = None) -> Span:
        """Find ``words`` in the text and return their span.

        ``start`` pins the occurrence that begins there; ``near`` picks the
        occurrence closest to that span. Without either, the words must occur
        exactly once.
        """
        text = self._require_text(words)
        if start is not None:
            if text[start : start + len(words)] != words:
                raise InvalidValue(
                    f"the text at {start} is not {words!r}",
                    expected=repr(words),
                    found=repr(text[start : start + len(words)]),
                )
            return Span(start, start + len(words))
        found = _occurrences(text, words)
        if not found:
            raise InvalidValue(
                f"{words!r} does not occur in the text", expected="words of the text", found=words
            )
        if near is None:
            if len(found) > 1:
                raise InvalidValue(
                    f"{words!r} occurs {len(found)} times in the text; "
                    "say which with start= or near=",
                    expected="one occurrence",
                    found=f"{len(found)} occurrences",
                )
            return Span(found[0], found[0] + len(words))
        best = min(found, key=lambda at: _distance(at, at + len(words), near))
        return Span(best, best + len(words))

    def claim(
        self,
        id: str,
        text: str,
        *,
        start: int | None = None,
        attribution: Iterable[Hop] = (),
        hedges: Iterable[Hedge] = (),
        factuality: Iterable[Perspective] = (),
        reviews: Iterable[Review] = (),
        status: ConfidenceStatus | None = None,
        status_override: str | None = None,
        inherits: str | None = None,
        key: str | None = None,
        credibility: Credibility | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> Claim:
        """Add a claim and return it.

        Its span, and the spans of its cues, mentions and hedges that have
        none, are found in the text near it. ``inherits`` with no
        ``attribution`` carries over the chain of the claim it names, without
        that claim's cues and mentions (they stand elsewhere in the text); a
        carried-over quote-mode hop quotes this claim's ``text``, not the words
        of the claim it came from. When this claim's own words are attributed
        differently (a partial quote, another cue), pass ``attribution``
        together with ``inherits``: the document rules then check that both
        chains name the same sources.
        """
        if id in self._claims or id in self._sources:
            raise InvalidValue(f"id {id!r} is already used", found=id)
        span = self.locate(text, start=start) if self._text is not None else None
        hops = tuple(attribution)
        if inherits is not None and not hops:
            try:
                hops = self._claims[inherits].attribution
            except KeyError:
                raise InvalidValue(
                    f"claim {id!r} inherits from {inherits!r}, which was not added before it",
                    found=inherits,
                ) from None
            hops = tuple(
                attrs.evolve(
                    hop, cue=None, mention=None, quote=text if hop.mode.is_quote else hop.quote
                )
                for hop in hops
            )
        hops = tuple(self._place_hop(hop, span) for hop in hops)
        placed_hedges = tuple(self._place_hedge(hedge, span) for hedge in hedges)
        draft = Claim(
            id=id,
            text=text,
            span=span,
            attribution=hops,
            hedges=placed_hedges,
            factuality=tuple(factuality),
            reviews=tuple(reviews),
            status=status or ConfidenceStatus.ASSERTED,
            status_override=status_override,
            inherits=inherits,
            key=key,
            credibility=credibility,
            extensions=extensions,
        )
        decision = derive_status(draft, self._sources, publisher=self._publisher)
        if status is not None and status is not decision.status and status_override is None:
            raise InvalidValue(
                f"claim {id!r}: status {status.value!r} differs from the derived "
                f"{decision.status.value!r} ({decision.row}); give status_override a reason",
                expected=decision.status.value,
                found=status.value,
            )
        built = attrs.evolve(
            draft,
            status=status or decision.status,
            status_reasons=decision.reasons,
        )
        self._claims[id] = built
        return built

    def build(self) -> Document:
        """Return the Document; raises :class:`~provenance.errors.InvalidRecord` if inconsistent."""
        document = Document(
            schema=SCHEMA_ID,
            publisher=self._publisher,
            authors=tuple(self._authors),
            sources=tuple(self._sources.values()),
            claims=tuple(self._claims.values()),
            **self._fields,
        )
        return integrity.ensure_consistent(document)

    def _require_text(self, words: str) -> str:
        if self._text is None:
            raise InvalidValue(
                f"cannot place {words!r}: the document has no text", expected="a text"
            )
        return self._text

    def _place(self, excerpt: Excerpt | None, near: Span | None) -> Excerpt | None:
        if excerpt is None or excerpt.span is not None or self._text is None:
            return excerpt
        return Excerpt(excerpt.text, self.locate(excerpt.text, near=near))

    def _place_hop(self, hop: Hop, near: Span | None) -> Hop:
        return attrs.evolve(
            hop, cue=self._place(hop.cue, near), mention=self._place(hop.mention, near)
        )

    def _place_hedge(self, hedge: Hedge, near: Span | None) -> Hedge:
        if hedge.span is not None or self._text is None:
            return hedge
        return attrs.evolve(hedge, span=self.locate(hedge.text, near=near))


def _occurrences(text: str, words: str) -> list[int]:
    found = []
    at = text.find(words)
    while at != -1:
        found.append(at)
        at = text.find(words, at + 1)
    return found


def _distance(start: int, end: int, near: Span) -> int:
    """Characters between ``[start, end)`` and ``near`` (0 when they overlap)."""
    if end <= near.start:
        return near.start - end
    if start >= near.end:
        return start - near.end
    return 0
