"""Quotation marks: pairing straight and curly quotes, within and across paragraphs.

A quotation is found by one linear scan. Curly quotes pair by direction; a
straight ``"`` opens when nothing is open and closes otherwise. A quotation left
open at the end of a paragraph continues when the next paragraph opens with a
quote mark (the newspaper convention for quotes that run over several
paragraphs); otherwise it is dropped as unbalanced. A quotation longer than
``max_length`` characters is dropped too, so stray marks cannot swallow an article.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Quotation", "find_quotations"]

_MARK = re.compile(r"[\"\u201c\u201d]|''|``")
_OPEN_AT_START = re.compile(r"\s*(?:[\"\u201c]|''|``)")


@attrs.frozen
class Quotation:
    """A quoted passage: ``[start, end)`` includes the quote marks."""

    start: int
    """Index of the opening mark."""
    end: int
    """Index one past the closing mark (or past the last quoted character)."""

    def inner(self, text: str) -> str:
        """Return the quoted words without the marks and surrounding space or commas."""
        body = text[self.start : self.end].strip()
        body = body.lstrip('"\u201c').rstrip('"\u201d')
        return body.strip().rstrip(",").strip()


def find_quotations(
    text: str, paragraphs: list[tuple[int, int]], *, max_length: int = 6000
) -> list[Quotation]:
    """Return the quotations of ``text``, in order, given its paragraph ranges."""
    found: list[Quotation] = []
    open_at: int | None = None
    skip_reopening = False
    for index, (p_start, p_end) in enumerate(paragraphs):
        for mark in _MARK.finditer(text, p_start, p_end):
            if skip_reopening:
                skip_reopening = False
                continue
            char = mark.group()
            position = mark.start()
            if char == "''":
                char = '"'
            if char in ("\u201c", "``"):
                open_at = position
            elif open_at is not None and not (
                char == '"'
                and _opens(text, position, p_start, p_end)
                and position - 1 >= p_start
                and text[position - 1].isspace()
            ):
                if mark.end() - open_at <= max_length:
                    found.append(Quotation(open_at, mark.end()))
                open_at = None
            elif char == '"' and _opens(text, position, p_start, p_end):
                open_at = position
        if open_at is None:
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if (
            following is not None
            and following[1] - open_at <= max_length
            and _OPEN_AT_START.match(text, p_end, following[1])
        ):
            skip_reopening = True
        else:
            open_at = None
    return found


def _opens(text: str, position: int, p_start: int, p_end: int) -> bool:
    """Tell whether a straight quote at ``position`` opens: space (or start) before, none after."""
    before = text[position - 1] if position > p_start else " "
    width = 2 if text.startswith("''", position) else 1
    after = text[position + width] if position + width < p_end else " "
    return (before.isspace() or before in "([{\u2014\u2013-") and not after.isspace()
