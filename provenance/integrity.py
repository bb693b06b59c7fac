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
from provenance.model import Document, Excerpt, Span
from provenance.status import ROW_STATUS, decide_row, derive_status

__all__ = ["check", "ensure_consistent"]


def check(document: Document) -> tuple[Problem, ...]:
    """Return every document-level problem of ``document`` (empty when it is consistent)."""
    if _consistent(document):
        return ()
    return tuple(_problems(document))


def ensure_consistent(document: Document, *, location: str | None = None) -> Document:
    """Return ``document`` unchanged, or raise ``InvalidRecord`` listing its problems.

    The error is :class:`~provenance.errors.InvalidRecord`.

    Documents are immutable, so one that passed once passes again: it is
    remembered (weakly, for as long as it lives) and not checked twice, which
    makes dumping a record just loaded or built cost no second check.
    """
    if _passed.get(id(document)) is document:
        return document
    if not _consistent(document):
        problems = tuple(_problems(document))
        if problems:
            raise InvalidRecord(problems, location=location)
    _passed[id(document)] = document
    return document


# id -> Document for the documents that passed; an entry goes when its document does.
_passed: weakref.WeakValueDictionary[int, Document] = weakref.WeakValueDictionary()


def _consistent(document: Document) -> bool:
    """Whether ``document`` keeps every rule: one quick pass that words no problem.

    It decides exactly what :func:`_problems` decides (a property test checks
    it); only a document it refuses is walked again, by :func:`_problems`, to
    word each problem with its path.
    """
    sources = document.sources
    by_id = {source.id: source for source in sources}
    claims = document.claims
    claim_ids = {claim.id for claim in claims}
    if len(by_id) != len(sources) or len(claim_ids) != len(claims):
        return False
    if not claim_ids.isdisjoint(by_id):
        return False
    publisher = document.publisher
    if publisher not in by_id:
        return False
    for author in document.authors:
        if author not in by_id:
            return False
    text = document.text
    if (
        text is not None
        and document.text_sha256 is not None
        and hashlib.sha256(text.encode("utf-8")).hexdigest() != document.text_sha256
    ):
        return False
    for source in sources:
        current = source.affiliation
        if current is None:
            continue
        if current not in by_id:
            return False
        seen = {source.id}
        while current is not None:
            if current in seen:
                return False
            seen.add(current)
            current = by_id[current].affiliation
            if current is not None and current not in by_id:
                break  # an unknown affiliation: refused where its own source is checked
    length = -1 if text is None else len(text)
    chains: dict[str, tuple[str, ...]] | None = None
    for claim in claims:
        if text is not None and not _fits(claim.span, claim.text, text, length):
            return False
        visited = {publisher}
        for hop in claim.attribution:
            source_id = hop.source
            if source_id in visited or source_id not in by_id:
                return False  # repeated, a cycle, or unknown
            asserted_by = hop.asserted_by
            if asserted_by is not None and asserted_by not in by_id:
                return False
            if text is not None:
                cue = hop.cue
                if cue is not None and not _fits(cue.span, cue.text, text, length):
                    return False
                mention = hop.mention
                if mention is not None and not _fits(mention.span, mention.text, text, length):
                    return False
            visited.add(source_id)
        for hedge in claim.hedges:
            if hedge.source is not None and hedge.source not in by_id:
                return False
            if text is not None and not _fits(hedge.span, hedge.text, text, length):
                return False
        for perspective in claim.factuality:
            if perspective.source not in by_id:
                return False
        for review in claim.reviews:
            if review.reviewer not in by_id:
                return False
        inherits = claim.inherits
        if inherits is not None:
            if inherits == claim.id or inherits not in claim_ids:
                return False
            if chains is None:
                chains = {c.id: tuple(hop.source for hop in c.attribution) for c in claims}
            if chains[inherits] != chains[claim.id]:
                return False
        if (
            claim.status_override is None
            and ROW_STATUS[decide_row(claim, by_id, publisher)] is not claim.status
        ):
            return False
    return True


def _fits(span: Span | None, words: str, text: str, length: int) -> bool:
    """Whether ``span`` lies inside ``text`` and holds ``words`` (no span fits anywhere)."""
    return span is None or (span.end <= length and text[span.start : span.end] == words)


def _problems(document: Document) -> Iterator[Problem]:
    source_ids: set[str] = set()
    claim_ids: set[str] = set()
    for index, source in enumerate(document.sources):
        if source.id in source_ids:
            yield Problem(f"$.sources[{index}].id", f"duplicate id {source.id!r}", found=source.id)
        source_ids.add(source.id)
    for index, claim in enumerate(document.claims):
        if claim.id in source_ids or claim.id in claim_ids:
            yield Problem(f"$.claims[{index}].id", f"duplicate id {claim.id!r}", found=claim.id)
        claim_ids.add(claim.id)

    # The helpers return tuples (mostly empty ones) rather than generators: cheaper per call.
    def ref(path: str, value: str | None, what: str = "source") -> tuple[Problem, ...]:
        pool = source_ids if what == "source" else claim_ids
        if value is not None and value not in pool:
            return (
                Problem(
                    path,
                    f"names {what} {value!r}, which the document does not have",
                    expected=f"the id of one of the document's {what}s",
                    found=value,
                ),
            )
        return ()

    yield from ref("$.publisher", document.publisher)
    for index, author in enumerate(document.authors):
        yield from ref(f"$.authors[{index}]", author)

    text = document.text
    if text is not None and document.text_sha256 is not None:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != document.text_sha256:
            yield Problem(
                "$.text_sha256",
                "does not match the SHA-256 of the text",
                expected=digest,
                found=document.text_sha256,
            )

    def span(path: str, value: Span | None, words: str) -> tuple[Problem, ...]:
        if value is None or text is None:
            return ()
        if value.end > len(text):
            return (
                Problem(
                    f"{path}.span",
                    f"span [{value.start}, {value.end}) runs past the end of the text "
                    f"({len(text)} characters)",
                    expected=f"end <= {len(text)}",
                    found=str(value.end),
                ),
            )
        if text[value.start : value.end] != words:
            return (
                Problem(
                    f"{path}.span",
                    f"text at [{value.start}, {value.end}) is {text[value.start : value.end]!r}, "
                    f"not {words!r}",
                    expected=repr(words),
                    found=repr(text[value.start : value.end]),
                ),
            )
        return ()

    def excerpt(path: str, value: Excerpt | None) -> tuple[Problem, ...]:
        if value is not None:
            return span(path, value.span, value.text)
        return ()

    affiliations = {s.id: s.affiliation for s in document.sources}
    for index, source in enumerate(document.sources):
        path = f"$.sources[{index}]"
        yield from ref(f"{path}.affiliation", source.affiliation)
        seen = {source.id}
        current = source.affiliation
        while current is not None and current in affiliations:
            if current in seen:
                yield Problem(
                    f"{path}.affiliation",
                    f"affiliations loop back to {current!r}",
                    expected="a chain of affiliations that ends",
                    found=current,
                )
                break
            seen.add(current)
            current = affiliations[current]

    sources = {s.id: s for s in document.sources}
    chains = {claim.id: tuple(hop.source for hop in claim.attribution) for claim in document.claims}
    for index, claim in enumerate(document.claims):
        path = f"$.claims[{index}]"
        yield from span(path, claim.span, claim.text)
        previous = document.publisher
        visited = {document.publisher}
        for position, hop in enumerate(claim.attribution):
            hop_path = f"{path}.attribution[{position}]"
            yield from ref(f"{hop_path}.source", hop.source)
            yield from ref(f"{hop_path}.asserted_by", hop.asserted_by)
            yield from excerpt(f"{hop_path}.cue", hop.cue)
            yield from excerpt(f"{hop_path}.mention", hop.mention)
            if hop.source == previous:
                yield Problem(
                    f"{hop_path}.source",
                    f"repeats the source of the level before it ({hop.source!r})",
                    expected="a different source at each level of the chain",
                    found=hop.source,
                )
            elif hop.source in visited:
                yield Problem(
                    f"{hop_path}.source",
                    f"the chain returns to {hop.source!r}, which it has already passed (a cycle)",
                    expected="each source at most once in a chain",
                    found=hop.source,
                )
            visited.add(hop.source)
            previous = hop.source
        for position, hedge in enumerate(claim.hedges):
            hedge_path = f"{path}.hedges[{position}]"
            yield from ref(f"{hedge_path}.source", hedge.source)
            yield from span(hedge_path, hedge.span, hedge.text)
        for position, perspective in enumerate(claim.factuality):
            yield from ref(f"{path}.factuality[{position}].source", perspective.source)
        for position, review in enumerate(claim.reviews):
            yield from ref(f"{path}.reviews[{position}].reviewer", review.reviewer)
        if claim.inherits is not None:
            if claim.inherits == claim.id:
                yield Problem(
                    f"{path}.inherits", "a claim cannot inherit its own chain", found=claim.inherits
                )
            elif claim.inherits not in claim_ids:
                yield from ref(f"{path}.inherits", claim.inherits, "claim")
            elif chains[claim.inherits] != chains[claim.id]:
                yield Problem(
                    f"{path}.attribution",
                    f"inherits the chain of {claim.inherits!r} but names other sources",
                    expected=" <- ".join(chains[claim.inherits]) or "an empty chain",
                    found=" <- ".join(chains[claim.id]) or "an empty chain",
                )
        if claim.status_override is None:
            decision = derive_status(claim, sources, publisher=document.publisher)
            if decision.status is not claim.status:
                yield Problem(
                    f"{path}.status",
                    f"stored status {claim.status.value!r} differs from the derived "
                    f"{decision.status.value!r} ({decision.row}: {'; '.join(decision.reasons)}) "
                    "and no status_override gives a reason",
                    expected=decision.status.value,
                    found=claim.status.value,
                )
