"""Where things are in a Document record's JSON, written down independently of the code under test.

The corruption tests pick a place from these tables, break the record there, and
expect the loader to name exactly that JSON path.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# The enum-valued fields of each record kind, with a value no enum holds.
ENUM_FIELDS: dict[str, tuple[str, ...]] = {
    "source": ("kind", "plurality", "reliability"),
    "claim": ("status", "credibility"),
    "hop": ("mode", "link_status"),
    "hedge": ("category", "factuality"),
    "perspective": ("value", "temporality"),
    "review": ("verdict",),
    "evidence": ("stance",),
}

# The fields the v1 schemas require of each record kind.
REQUIRED: dict[str, tuple[str, ...]] = {
    "document": ("schema", "id", "publisher"),
    "source": ("id", "kind"),
    "claim": ("id", "text", "status"),
    "hop": ("source", "mode"),
    "excerpt": ("text",),
    "span": ("start", "end"),
    "hedge": ("text", "category"),
    "perspective": ("source", "value"),
    "review": ("reviewer", "verdict"),
    "drafting": ("tool",),
}

# Fields that name a source (or, for ``inherits``, a claim) by id.
SOURCE_REFERENCES: dict[str, tuple[str, ...]] = {
    "document": ("publisher",),
    "source": ("affiliation",),
    "hop": ("source", "asserted_by"),
    "hedge": ("source",),
    "perspective": ("source",),
    "review": ("reviewer",),
}

QUOTE_MODES = ("direct_quote", "partial_quote")


def records(data: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(json_path, kind, object)`` for every record object inside a Document's JSON."""
    yield "$", "document", data
    if "drafted_by" in data:
        yield "$.drafted_by", "drafting", data["drafted_by"]
    for i, source in enumerate(data.get("sources", [])):
        yield f"$.sources[{i}]", "source", source
    for i, claim in enumerate(data.get("claims", [])):
        path = f"$.claims[{i}]"
        yield path, "claim", claim
        if "span" in claim:
            yield f"{path}.span", "span", claim["span"]
        for j, hop in enumerate(claim.get("attribution", [])):
            hop_path = f"{path}.attribution[{j}]"
            yield hop_path, "hop", hop
            for part in ("cue", "mention"):
                if part in hop:
                    yield f"{hop_path}.{part}", "excerpt", hop[part]
                    if "span" in hop[part]:
                        yield f"{hop_path}.{part}.span", "span", hop[part]["span"]
        for j, hedge in enumerate(claim.get("hedges", [])):
            yield f"{path}.hedges[{j}]", "hedge", hedge
            if "span" in hedge:
                yield f"{path}.hedges[{j}].span", "span", hedge["span"]
        for j, perspective in enumerate(claim.get("factuality", [])):
            yield f"{path}.factuality[{j}]", "perspective", perspective
        for j, review in enumerate(claim.get("reviews", [])):
            review_path = f"{path}.reviews[{j}]"
            yield review_path, "review", review
            if "rating" in review:
                yield f"{review_path}.rating", "rating", review["rating"]
            for k, evidence in enumerate(review.get("evidence", [])):
                yield f"{review_path}.evidence[{k}]", "evidence", evidence


def enum_places(data: dict[str, Any]) -> list[tuple[str, dict[str, Any], str]]:
    """Every ``(path, owner, field)`` that holds an enum value."""
    return [
        (f"{path}.{field}", owner, field)
        for path, kind, owner in records(data)
        for field in ENUM_FIELDS.get(kind, ())
        if field in owner
    ]


def required_places(data: dict[str, Any]) -> list[tuple[str, dict[str, Any], str]]:
    """Every ``(path, owner, field)`` whose removal leaves a required field missing."""
    places = [
        (f"{path}.{field}", owner, field)
        for path, kind, owner in records(data)
        for field in REQUIRED.get(kind, ())
    ]
    places.extend(
        (f"{path}.quote", owner, "quote")
        for path, kind, owner in records(data)
        if kind == "hop" and owner["mode"] in QUOTE_MODES
    )
    return places


def reference_places(data: dict[str, Any]) -> list[tuple[str, Any, str | int]]:
    """Every ``(path, container, key)`` holding the id of a source or a claim."""
    places: list[tuple[str, Any, str | int]] = [
        (f"{path}.{field}", owner, field)
        for path, kind, owner in records(data)
        for field in SOURCE_REFERENCES.get(kind, ())
        if field in owner
    ]
    places.extend(
        (f"$.authors[{i}]", data["authors"], i) for i in range(len(data.get("authors", [])))
    )
    places.extend(
        (f"{path}.inherits", owner, "inherits")
        for path, kind, owner in records(data)
        if kind == "claim" and "inherits" in owner
    )
    return places


def span_owners(data: dict[str, Any]) -> list[tuple[str, dict[str, Any], str]]:
    """Every ``(path, owner, words)``: an object with a span and the words it must point at."""
    return [
        (path, owner, owner["text"])
        for path, kind, owner in records(data)
        if kind in ("claim", "excerpt", "hedge") and "span" in owner
    ]
