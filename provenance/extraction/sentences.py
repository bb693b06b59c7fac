"""Paragraphs and sentences, as character ranges into the exact input text.

Splitting is a single linear pass: a sentence ends at ``.``, ``!`` or ``?``
(with any closing quote or bracket) followed by white space and a capital, a
digit or an opening quote, unless the period belongs to a known abbreviation or
an initial, or the boundary falls inside a quotation (a quoted passage of
several sentences stays one unit with its attribution). No sentence runs longer
than ``max_length`` characters: an overlong run is cut at white space, so the
work per sentence stays bounded whatever the input.
"""

from __future__ import annotations

import bisect
import re

from provenance.extraction.quotes import Quotation

__all__ = ["paragraphs", "sentences"]

_PARAGRAPH = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(
    r"(?<![.!?])[.!?]+[\"\u201d\u2019')\]]*(?=\s+[\"\u201c\u2018'`(\[]{0,2}[A-Z0-9])"
)
_WORD_BEFORE = re.compile(r"(\S+)$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Ranges of the non-blank lines of ``text``, stripped of surrounding white space."""
    ranges: list[tuple[int, int]] = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            ranges.append((start, end))
    return ranges


def sentences(
    text: str,
    paragraph: tuple[int, int],
    quotations: list[Quotation],
    abbreviations: frozenset[str],
    *,
    max_length: int = 3000,
    openers: frozenset[str] = frozenset(),
    speech_forms: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """Split one paragraph range into sentence ranges (stripped, never empty).

    A period after one of ``abbreviations`` ends no sentence unless one of ``openers``
    (capitalised words that typically open a sentence, such as the lexicon's
    ``sentence_openers``) follows it. A quotation closing on "?" or "!" ends no sentence
    when a capitalised name and one of ``speech_forms`` follow it ('"Who knows?" Trump
    told ITV'): the attribution belongs to the quotation.
    """
    p_start, p_end = paragraph
    starts = [quotation.start for quotation in quotations]
    cuts: list[int] = []
    for match in _BOUNDARY.finditer(text, p_start, p_end):
        end = match.end()
        if _inside_quotation(end, quotations, starts):
            continue
        if (
            speech_forms
            and text[end - 1] in '"\u201d'
            and text[end - 2] in "?!"
            and _speaker_follows(text, end, p_end, speech_forms)
        ):
            continue
        if text[match.start()] == "." and match.end() - match.start() == 1:
            word = _WORD_BEFORE.search(text, max(p_start, match.start() - 40), match.end())
            if (
                word is not None
                and _is_abbreviation(word.group(1), abbreviations)
                and not _starts_sentence(text, end, p_end, openers)
            ):
                continue
        cuts.append(end)
    ranges: list[tuple[int, int]] = []
    start = p_start
    for cut in [*cuts, p_end]:
        _append(text, start, cut, ranges, max_length)
        start = cut
    return ranges


def _inside_quotation(position: int, quotations: list[Quotation], starts: list[int]) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    if index < 0:
        return False
    quotation = quotations[index]
    return quotation.start < position < quotation.end


_NEXT_WORD = re.compile(r"\s+[\"\u201c]?(\w+)")


def _starts_sentence(text: str, position: int, limit: int, openers: frozenset[str]) -> bool:
    """Tell whether the word after ``position`` typically opens a sentence ("He", "The")."""
    match = _NEXT_WORD.match(text, position, min(limit, position + 40))
    return match is not None and match.group(1) in openers


_NAME_THEN_WORD = re.compile(r"\s+((?:[A-Z][\w.\u2019'-]*\s+){1,4})([a-z]+)\b")


def _speaker_follows(text: str, position: int, limit: int, forms: frozenset[str]) -> bool:
    """Tell whether a capitalised name and a speech verb follow ``position`` ("Trump told")."""
    match = _NAME_THEN_WORD.match(text, position, min(limit, position + 80))
    return match is not None and match.group(2) in forms


def _is_abbreviation(word: str, abbreviations: frozenset[str]) -> bool:
    word = word.lstrip('"\u201c\u2018([')
    if word in abbreviations:
        return True
    # initials such as "J." or "U.S." not in the list
    letters = word.replace(".", "")
    return len(letters) <= 2 and letters.isupper() and word.endswith(".")


def _append(
    text: str, start: int, end: int, ranges: list[tuple[int, int]], max_length: int
) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > max_length:
        cut = text.rfind(" ", start + max_length // 2, start + max_length)
        if cut <= start:
            cut = start + max_length
        ranges.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        ranges.append((start, end))
