"""Document-level rules: what a record must satisfy beyond its schema.

The schema checks each part on its own; these rules need the whole record:

- ids are unique across the document's sources and claims;
- every id a record names (publisher, authors, affiliations, hop sources and
  ``asserted_by``, hedge and factuality sources, reviewers, ``inherits``)
  exists;
- every span lies inside ``Document.text`` and ``text[start:end]`` equals the
  words recorded with it (claims, hedges, cues and mentions); ``text_sha256``
  matches the text;
- a chain never has the same source twice in a row, never returns to a source
  it has passed (no cycle), and does not start at the publisher itself;
  affiliations do not loop;
- a claim that ``inherits`` a chain carries the same sources as the claim it
  names;
- a stored status differs from the one the decision table derives only with a
  ``status_override`` reason.

Records without text may carry spans: they are then not checked against any
text (``text_sha256`` still ties them to one).
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Iterator

from provenance.errors import InvalidRecord, Problem
from provenance.model import Document, Hop, Source, Span
from provenance.status import ROW_STATUS, decide_row, derive_status

__all__ = ["check", "ensure_consistent", "is_consistent", "problems"]


def problems(document: Document) -> Iterator[Problem]:
    """Yield every document-level problem of ``document``, each with its JSON path.

    The one implementation of the rules. It words a problem only when it finds one,
    so asking for the first (:func:`is_consistent`) costs one quick pass over a
    consistent record, as ``jsonschema``'s ``is_valid`` is its first error.
    """
    sources = document.sources
    claims = document.claims
    by_id = {source.id: source for source in sources}
    claim_ids = {claim.id for claim in claims}
    if (
        len(by_id) != len(sources)
        or len(claim_ids) != len(claims)
        or not claim_ids.isdisjoint(by_id)
    ):
        yield from _duplicates(document)
    publisher = document.publisher
    if publisher not in by_id:
        yield _unknown("$.publisher", publisher)
    for index, author in enumerate(document.authors):
        if author not in by_id:
            yield _unknown(f"$.authors[{index}]", author)
    text = document.text
    if text is not None and document.text_sha256 is not None:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        if digest != document.text_sha256:
            yield Problem(
                "$.text_sha256",
                "does not match the SHA-256 of the text",
                expected=digest,
                found=document.text_sha256,
            )
    for index, source in enumerate(sources):
        if source.affiliation is not None:
            yield from _affiliations(index, source.id, source.affiliation, by_id)
    length = -1 if text is None else len(text)
    chains: dict[str, tuple[str, ...]] | None = None
    for index, claim in enumerate(claims):
        if text is not None and not _fits(claim.span, claim.text, text, length):
            yield _misplaced(f"$.claims[{index}]", claim.span, claim.text, text)
        previous = publisher
        visited = {publisher}
        for position, hop in enumerate(claim.attribution):
            source_id = hop.source
            if source_id not in by_id:
                yield _unknown(f"$.claims[{index}].attribution[{position}].source", source_id)
            asserted_by = hop.asserted_by
            if asserted_by is not None and asserted_by not in by_id:
                yield _unknown(
                    f"$.claims[{index}].attribution[{position}].asserted_by", asserted_by
                )
            if text is not None:
                cue = hop.cue
                if cue is not None and not _fits(cue.span, cue.text, text, length):
                    where = f"$.claims[{index}].attribution[{position}].cue"
                    yield _misplaced(where, cue.span, cue.text, text)
                mention = hop.mention
                if mention is not None and not _fits(mention.span, mention.text, text, length):
                    where = f"$.claims[{index}].attribution[{position}].mention"
                    yield _misplaced(where, mention.span, mention.text, text)
            if source_id in visited:
                yield _revisited(f"$.claims[{index}].attribution[{position}]", hop, previous)
            visited.add(source_id)
            previous = source_id
        for position, hedge in enumerate(claim.hedges):
            if hedge.source is not None and hedge.source not in by_id:
                yield _unknown(f"$.claims[{index}].hedges[{position}].source", hedge.source)
            if text is not None and not _fits(hedge.span, hedge.text, text, length):
                yield _misplaced(
                    f"$.claims[{index}].hedges[{position}]", hedge.span, hedge.text, text
                )
        for position, perspective in enumerate(claim.factuality):
            if perspective.source not in by_id:
                where = f"$.claims[{index}].factuality[{position}].source"
                yield _unknown(where, perspective.source)
        for position, review in enumerate(claim.reviews):
            if review.reviewer not in by_id:
                yield _unknown(f"$.claims[{index}].reviews[{position}].reviewer", review.reviewer)
        inherits = claim.inherits
        if inherits is not None:
            if inherits == claim.id:
                yield Problem(
                    f"$.claims[{index}].inherits",
                    "a claim cannot inherit its own chain",
                    found=inherits,
                )
            elif inherits not in claim_ids:
                yield _unknown(f"$.claims[{index}].inherits", inherits, "claim")
            else:
                if chains is None:
                    chains = {c.id: tuple(hop.source for hop in c.attribution) for c in claims}
                if chains[inherits] != chains[claim.id]:
                    yield Problem(
                        f"$.claims[{index}].attribution",
                        f"inherits the chain of {inherits!r} but names other sources",
                        expected=" <- ".join(chains[inherits]) or "an empty chain",
                        found=" <- ".join(chains[claim.id]) or "an empty chain",
                    )
        if (
            claim.status_override is None
            and ROW_STATUS[decide_row(claim, by_id, publisher)] is not claim.status
        ):
            decision = derive_status(claim, by_id, publisher=publisher)  # words the reasons
            yield Problem(
                f"$.claims[{index}].status",
                f"stored status {claim.status.value!r} differs from the derived "
                f"{decision.status.value!r} ({decision.row}: {'; '.join(decision.reasons)}) "
                "and no status_override gives a reason",
                expected=decision.status.value,
                found=claim.status.value,
            )


def is_consistent(document: Document) -> bool:
    """Whether ``document`` keeps every document-level rule (the first of :func:`problems`)."""
    return next(problems(document), None) is None


def check(document: Document) -> tuple[Problem, ...]:
    """Return every document-level problem of ``document`` (empty when it is consistent)."""
    return tuple(problems(document))


def ensure_consistent(document: Document, *, location: str | None = None) -> Document:
    """Return ``document`` unchanged, or raise ``InvalidRecord`` listing its problems.

    The error is :class:`~provenance.errors.InvalidRecord`.

    Documents are immutable, so one that passed once passes again: it is
    remembered (weakly, for as long as it lives) and not checked twice, which
    makes dumping a record just loaded or built cost no second check.
    """
    if _passed.get(id(document)) is document:
        return document
    found = check(document)
    if found:
        raise InvalidRecord(found, location=location)
    _passed[id(document)] = document
    return document


# id -> Document for the documents that passed; an entry goes when its document does.
_passed: weakref.WeakValueDictionary[int, Document] = weakref.WeakValueDictionary()


def _fits(span: Span | None, words: str, text: str, length: int) -> bool:
    """Whether ``span`` lies inside ``text`` and holds ``words`` (no span fits anywhere)."""
    return span is None or (span.end <= length and text[span.start : span.end] == words)


def _duplicates(document: Document) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, source in enumerate(document.sources):
        if source.id in seen:
            yield Problem(f"$.sources[{index}].id", f"duplicate id {source.id!r}", found=source.id)
        seen.add(source.id)
    source_ids = set(seen)
    claim_ids: set[str] = set()
    for index, claim in enumerate(document.claims):
        if claim.id in source_ids or claim.id in claim_ids:
            yield Problem(f"$.claims[{index}].id", f"duplicate id {claim.id!r}", found=claim.id)
        claim_ids.add(claim.id)


def _unknown(path: str, value: str, what: str = "source") -> Problem:
    return Problem(
        path,
        f"names {what} {value!r}, which the document does not have",
        expected=f"the id of one of the document's {what}s",
        found=value,
    )


def _misplaced(path: str, span: Span | None, words: str, text: str) -> Problem:
    assert span is not None  # only a span can be out of place
    if span.end > len(text):
        return Problem(
            f"{path}.span",
            f"span [{span.start}, {span.end}) runs past the end of the text "
            f"({len(text)} characters)",
            expected=f"end <= {len(text)}",
            found=str(span.end),
        )
    held = text[span.start : span.end]
    return Problem(
        f"{path}.span",
        f"text at [{span.start}, {span.end}) is {held!r}, not {words!r}",
        expected=repr(words),
        found=repr(held),
    )


def _revisited(path: str, hop: Hop, previous: str) -> Problem:
    if hop.source == previous:
        return Problem(
            f"{path}.source",
            f"repeats the source of the level before it ({hop.source!r})",
            expected="a different source at each level of the chain",
            found=hop.source,
        )
    return Problem(
        f"{path}.source",
        f"the chain returns to {hop.source!r}, which it has already passed (a cycle)",
        expected="each source at most once in a chain",
        found=hop.source,
    )


def _affiliations(
    index: int, source_id: str, affiliation: str, by_id: dict[str, Source]
) -> Iterator[Problem]:
    path = f"$.sources[{index}].affiliation"
    if affiliation not in by_id:
        yield _unknown(path, affiliation)
        return
    seen = {source_id}
    current: str | None = affiliation
    while current is not None and current in by_id:
        if current in seen:
            yield Problem(
                path,
                f"affiliations loop back to {current!r}",
                expected="a chain of affiliations that ends",
                found=current,
            )
            return
        seen.add(current)
        current = by_id[current].affiliation
