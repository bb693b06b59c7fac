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
    not_after: frozenset[tuple[str, str]] = frozenset()
    """``(previous word, cue)`` pairs that cancel a one-word cue."""
    not_before: frozenset[tuple[str, str]] = frozenset()
    """``(cue, next word)`` pairs that cancel a one-word cue."""
    lowercase: frozenset[str] = frozenset()
    """One-word cues that count only in lower case (or sentence-initially before no digit)."""
    starts: dict[str, tuple[tuple[str, ...], ...]] = attrs.field(factory=dict)
    """Cue word tuples grouped by their first word."""


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
    return HedgeIndex(
        cues=cues,
        lengths=lengths,
        factuality=factuality,
        not_after=frozenset((w.lower(), c.lower()) for w, c in lexicon.hedge_not_after),
        not_before=frozenset((c.lower(), w.lower()) for w, c in lexicon.hedge_not_before),
        lowercase=frozenset(w.lower() for w in lexicon.lowercase_hedges),
        starts=_by_first_word(cues),
    )


def _by_first_word(
    cues: dict[tuple[str, ...], HedgeCategory],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for words in cues:
        grouped.setdefault(words[0], []).append(words)
    return {word: tuple(entries) for word, entries in grouped.items()}


def find_hedges(tokens: list[Token], index: HedgeIndex) -> list[FoundHedge]:
    """Every hedge cue among ``tokens``, in text order.

    Longer cues win over shorter ones they overlap, and among cues of one length the earlier
    wins: the candidates are found through their first word, then taken longest first.
    """
    lowered = [token.text.lower() for token in tokens]
    count = len(tokens)
    candidates: list[tuple[int, int, HedgeCategory]] = []
    starts = index.starts
    for at, word in enumerate(lowered):
        for cue in starts.get(word, ()):
            length = len(cue)
            if at + length <= count and tuple(lowered[at : at + length]) == cue:
                candidates.append((-length, at, index.cues[cue]))
    if not candidates:
        return []
    candidates.sort(key=lambda c: (c[0], c[1]))
    taken = [False] * count
    found: list[FoundHedge] = []
    for negative, at, category in candidates:
        length = -negative
        if any(taken[at : at + length]):
            continue
        if length == 1 and _cancelled(tokens, lowered, at, index):
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


def _cancelled(tokens: list[Token], lowered: list[str], at: int, index: HedgeIndex) -> bool:
    """Tell whether a one-word cue is no hedge here ("the month of May", "asked if")."""
    word = lowered[at]
    if word in index.lowercase and tokens[at].text != word:
        following = tokens[at + 1].text if at + 1 < len(tokens) else ""
        if at > 0 or following[:1].isdigit():
            return True
    if at > 0 and (lowered[at - 1], word) in index.not_after:
        return True
    return at + 1 < len(tokens) and (word, lowered[at + 1]) in index.not_before
