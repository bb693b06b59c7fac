"""Hedge cues: "remains unclear", "it is presumed", "expected to", "reportedly".

The lexicon lists each cue with its :class:`~provenance.vocabulary.HedgeCategory`
and each category with the :class:`~provenance.vocabulary.Factuality` it sets.
:func:`find_hedges` scans a sentence's words once per distinct cue length and
returns the cues of the categories the lexicon marks as extracted, longest
match first, never two over the same words.
"""

from __future__ import annotations

import functools

import attrs

from provenance.extraction.cues import Token
from provenance.extraction.lexicon import Lexicon
from provenance.vocabulary import Factuality, HedgeCategory

__all__ = ["FoundHedge", "HedgeIndex", "find_hedges", "hedge_index"]


@attrs.frozen
class FoundHedge:
    """A hedge cue found in the text."""

    start: int
    """Index of its first character."""
    end: int
    """Index one past its last character."""
    category: HedgeCategory
    """What it does."""
    factuality: Factuality | None
    """The factuality value it sets."""


@attrs.frozen
class HedgeIndex:
    """The lexicon's hedge entries compiled for lookup."""

    cues: dict[tuple[str, ...], HedgeCategory]
    """Cue word tuples (lower case) to category."""
    lengths: tuple[int, ...]
    """The distinct cue lengths, longest first."""
    factuality: dict[HedgeCategory, Factuality]
    """The value each category sets."""


@functools.lru_cache(maxsize=8)
def hedge_index(lexicon: Lexicon) -> HedgeIndex:
    """Compile ``lexicon``'s hedge entries (cached per lexicon)."""
    wanted = {HedgeCategory(c) for c in lexicon.hedge_categories_extracted}
    cues: dict[tuple[str, ...], HedgeCategory] = {}
    for phrase, category in lexicon.hedges:
        kind = HedgeCategory(category)
        if kind in wanted:
            cues.setdefault(tuple(phrase.lower().split()), kind)
    factuality: dict[HedgeCategory, Factuality] = {}
    for category, value in lexicon.hedge_factuality:
        factuality.setdefault(HedgeCategory(category), Factuality(value))
    lengths = tuple(sorted({len(words) for words in cues}, reverse=True))
    return HedgeIndex(cues=cues, lengths=lengths, factuality=factuality)


def find_hedges(tokens: list[Token], index: HedgeIndex) -> list[FoundHedge]:
    """Every hedge cue among ``tokens``, in text order."""
    lowered = [token.text.lower() for token in tokens]
    taken = [False] * len(tokens)
    found: list[FoundHedge] = []
    for length in index.lengths:
        for at in range(len(tokens) - length + 1):
            words = tuple(lowered[at : at + length])
            category = index.cues.get(words)
            if category is None or any(taken[at : at + length]):
                continue
            for k in range(at, at + length):
                taken[k] = True
            found.append(
                FoundHedge(
                    tokens[at].start,
                    tokens[at + length - 1].end,
                    category,
                    index.factuality.get(category),
                )
            )
    found.sort(key=lambda hedge: hedge.start)
    return found
