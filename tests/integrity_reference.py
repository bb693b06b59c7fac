"""The document rules written out plainly, as a reference for the one in provenance.integrity.

This is the walk the library used before its rules became one generator: every path
formatted up front, every problem worded as it is met. The property tests check that
:func:`provenance.integrity.problems` yields exactly these problems, in this order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from provenance.errors import Problem
from provenance.model import Document, Excerpt, Span
from provenance.status import derive_status


def reference_problems(document: Document) -> tuple[Problem, ...]:
    """Every document-level problem of ``document``, in the order the library reports them."""
    return tuple(_walk(document))


def _walk(document: Document) -> Iterator[Problem]:
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
