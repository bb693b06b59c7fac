"""Gold tags of token sequences, and spans read back from tags.

Each token gets one tag: ``B-Cue``, ``I-Cue``, ``B-Source``, ... or ``O``. PolNeAR's
annotation is univocal (a token has at most one role in at most one attribution), so one
layer of begin/inside tags says everything the spans say; a discontinuous span is tagged
fragment by fragment.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from provenance.extraction.cues import Token
from provenance.formats.brat import ATTRIBUTION_LABELS, Annotation
from provenance.learning.features import ROLES

__all__ = ["gold_tags", "spans_from_tags"]


def gold_tags(tokens: Sequence[Token], gold: Annotation) -> list[str]:
    """Tag ``tokens`` with the roles of ``gold``'s attribution events (first role wins)."""
    tags = ["O"] * len(tokens)
    if not tokens:
        return tags
    starts = [token.start for token in tokens]
    bounds = {bound.id: bound for bound in gold.textbounds}
    for event in gold.events:
        if event.label not in ATTRIBUTION_LABELS:
            continue
        arguments = dict(event.arguments)
        if "Cue" not in arguments and event.trigger in bounds:
            arguments["Cue"] = event.trigger
        for role in ROLES:
            bound = bounds.get(arguments.get(role, ""))
            if bound is None:
                continue
            for start, end in bound.fragments:
                at = bisect.bisect_left(starts, start)
                edge = "B"
                while at < len(tokens) and tokens[at].start < end:
                    if tags[at] == "O":
                        tags[at] = f"{edge}-{role}"
                    edge = "I"
                    at += 1
    return tags


def spans_from_tags(
    tokens: Sequence[Token], tags: Sequence[str]
) -> list[tuple[str, int, int, int, int]]:
    """Return ``(role, first token, last token, start, end)`` of each tagged span.

    An ``I-`` tag after a different role (or after ``O``) opens a span, as a ``B-`` would.
    """
    spans: list[tuple[str, int, int, int, int]] = []
    open_role: str | None = None
    first = 0
    for i, tag in enumerate([*tags, "O"]):
        edge, _, role = tag.partition("-")
        continues = edge == "I" and role == open_role
        if open_role is not None and not continues:
            spans.append((open_role, first, i - 1, tokens[first].start, tokens[i - 1].end))
            open_role = None
        if edge in ("B", "I") and not continues:
            open_role, first = role, i
    return spans
