"""Normalising fact-checkers' rating labels and scales to a :class:`~provenance.vocabulary.Verdict`.

Fact-checkers publish a label in their own words ("Pants on Fire", "Falso",
"C'est plus compliqué") and, sometimes, a number on a scale of their own
(``ratingValue`` between ``worstRating`` and ``bestRating``; the scale may run
either way, and PolitiFact writes ``-1`` for "no number"). A
:class:`VerdictTable` holds, as plain data the user can extend:

- ``rules``: label patterns per language, each mapped to a verdict;
- ``non_verdicts``: patterns for labels that are no verdict at all (a question
  such as "Will military drills end?"), which map to ``other`` and are never
  read from the scale;
- ``bands``: how a position on a numeric scale (0 = worst, 1 = best) maps to a
  verdict.

The shipped table is ``default_verdicts.json`` beside this module, read on first use;
:func:`load_verdicts` reads a user's file of the same shape and puts it first.

Labels are compared after :func:`normalise_label`: Unicode NFKD with accents
dropped, case-folded, curly quotes straightened, whitespace collapsed, and
trailing full stops and exclamation marks removed. Patterns are regular
expressions written in that form and must match the whole label.

:meth:`VerdictTable.classify` decides in this order: a non-verdict label gives
``other``; a label a rule knows gives that rule's verdict (a numeric scale
pointing the other way is reported, not obeyed); otherwise a usable numeric
scale gives the band's verdict; otherwise ``other``.
"""

from __future__ import annotations

import functools
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from provenance.errors import InvalidValue
from provenance.formats._tables import packaged, read_table
from provenance.vocabulary import (
    FALSE_VERDICTS,
    TRUE_VERDICTS,
    Verdict,
)

__all__ = [
    "DEFAULT_LABELS",
    "SCHEMA_ORG_BEST",
    "SCHEMA_ORG_WORST",
    "ScaleReading",
    "VerdictMatch",
    "VerdictRule",
    "VerdictTable",
    "default_label",
    "load_verdicts",
    "normalise_label",
    "read_scale",
]

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})
_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")

SCHEMA_ORG_BEST = 5
"""The ``bestRating`` schema.org assumes when it is omitted."""
SCHEMA_ORG_WORST = 1
"""The ``worstRating`` schema.org assumes when it is omitted."""


def normalise_label(label: str) -> str:
    """Return ``label`` in the form verdict patterns are written against."""
    decomposed = unicodedata.normalize("NFKD", label.translate(_QUOTES))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", bare.casefold()).strip().rstrip(".!").strip()


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


@attrs.frozen
class VerdictRule:
    """One label pattern and the verdict it stands for."""

    pattern: str
    """A regular expression that must match the whole normalised label."""
    verdict: Verdict = attrs.field(converter=Verdict)
    """The verdict a matching label gives."""
    language: str = "*"
    """The language the label is in (a BCP 47 primary tag), ``*`` for any."""


@attrs.frozen
class ScaleReading:
    """What a numeric rating says, or why it says nothing."""

    position: Fraction | None
    """Where the value lies between worst (0) and best (1); ``None`` when unusable."""
    reason: str
    """How the position was found, or why the scale is unusable."""


@attrs.frozen
class VerdictMatch:
    """The verdict a table gives a rating, with how it was reached."""

    verdict: Verdict
    """The normalised verdict."""
    basis: str
    """``label``, ``non_verdict``, ``scale`` or ``none``."""
    reason: str
    """A one-line explanation."""
    conflict: str | None = None
    """Set when the label and the numeric scale point to opposite sides."""


def _number(value: object) -> Fraction | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        return Fraction(value) if math.isfinite(value) else None
    if isinstance(value, str) and _NUMBER.match(value.strip()):
        number = float(value.strip())
        return Fraction(value.strip()) if math.isfinite(number) else None
    return None


def read_scale(value: object, best: object, worst: object) -> ScaleReading:
    """Place ``value`` on the scale from ``worst`` to ``best`` (either direction).

    Numbers may be JSON numbers or numeric strings. A missing bound takes the
    schema.org default (best 5, worst 1) when the other bound is given. The
    scale is unusable when the value is missing or not a number, when the value
    is the ``-1`` placeholder, when best equals worst, or when the value lies
    outside the scale.
    """
    number = _number(value)
    if value is None or number is None:
        return ScaleReading(None, "no numeric rating value")
    if best is None and worst is None:
        return ScaleReading(None, "no scale (neither bestRating nor worstRating)")
    high = _number(best) if best is not None else Fraction(SCHEMA_ORG_BEST)
    low = _number(worst) if worst is not None else Fraction(SCHEMA_ORG_WORST)
    if high is None or low is None:
        return ScaleReading(None, "a scale bound is not a number")
    if number == -1:
        return ScaleReading(None, "ratingValue -1 is the 'no rating' placeholder")
    if high == low:
        return ScaleReading(None, f"degenerate scale (best = worst = {high})")
    if not min(high, low) <= number <= max(high, low):
        return ScaleReading(None, f"value {number} lies outside the scale {low}..{high}")
    position = (number - low) / (high - low)
    direction = "inverted scale, " if high < low else ""
    return ScaleReading(position, f"{direction}{number} on {low} (worst) .. {high} (best)")


def _side(verdict: Verdict) -> int:
    return 1 if verdict in TRUE_VERDICTS else -1 if verdict in FALSE_VERDICTS else 0


@attrs.frozen
class VerdictTable:
    """Label patterns per language, non-verdict patterns and numeric bands, as data.

    Build one with :meth:`default`, extend it with :meth:`extended`, and keep
    it in a JSON file with :meth:`to_mapping` / :meth:`from_mapping`. Rules
    added later are tried first, so a user's rule overrides a default one.
    """

    rules: tuple[VerdictRule, ...] = attrs.field(converter=_tuple)
    """Label rules, tried in order (those of the label's language first)."""
    non_verdicts: tuple[str, ...] = attrs.field(converter=_tuple, default=())
    """Patterns of labels that are no verdict (questions); they give ``other``."""
    bands: tuple[tuple[Fraction, Verdict], ...] = attrs.field(converter=_tuple, default=())
    """``(upper bound, verdict)`` pairs, ascending: a position at or below the bound
    (and above the previous one) gets the verdict."""

    @classmethod
    def default(cls) -> VerdictTable:
        """Return the table this library ships (see ``docs/reference/verdicts.md``)."""
        return _default_table()

    def extended(
        self,
        rules: Iterable[VerdictRule] = (),
        *,
        non_verdicts: Iterable[str] = (),
        bands: Sequence[tuple[Fraction, Verdict]] | None = None,
    ) -> VerdictTable:
        """Return a table with ``rules`` and ``non_verdicts`` tried before the present ones."""
        added = tuple(rules)
        for rule in added:
            _compile(rule.pattern)
        extra = tuple(non_verdicts)
        for pattern in extra:
            _compile(pattern)
        return VerdictTable(
            rules=added + self.rules,
            non_verdicts=extra + self.non_verdicts,
            bands=self.bands if bands is None else tuple(bands),
        )

    def label_verdict(self, label: str, language: str | None = None) -> VerdictRule | None:
        """Return the first rule matching ``label`` (rules of ``language`` first), or ``None``."""
        text = normalise_label(label)
        primary = (language or "").split("-")[0].casefold()
        ordered = sorted(
            self.rules, key=lambda rule: 0 if rule.language.casefold() == primary else 1
        )
        for rule in ordered:
            if _compile(rule.pattern).fullmatch(text):
                return rule
        return None

    def is_non_verdict(self, label: str) -> bool:
        """Whether ``label`` is no verdict at all (a question, a flip-o-meter reading)."""
        text = normalise_label(label)
        return any(_compile(pattern).fullmatch(text) for pattern in self.non_verdicts)

    def band(self, position: Fraction) -> Verdict:
        """Return the verdict of a scale position (0 = worst, 1 = best)."""
        for upper, verdict in self.bands:
            if position <= upper:
                return verdict
        return self.bands[-1][1] if self.bands else Verdict.OTHER

    def classify(
        self,
        label: str | None,
        value: object = None,
        best: object = None,
        worst: object = None,
        *,
        language: str | None = None,
    ) -> VerdictMatch:
        """Map a label and a rating to a verdict (see the module docstring for the order)."""
        if label is not None and label.strip() and self.is_non_verdict(label):
            return VerdictMatch(Verdict.OTHER, "non_verdict", f"{label!r} is no verdict")
        reading = read_scale(value, best, worst)
        scale_verdict = self.band(reading.position) if reading.position is not None else None
        rule = self.label_verdict(label, language) if label is not None else None
        if rule is not None:
            conflict = None
            if scale_verdict is not None and _side(scale_verdict) * _side(rule.verdict) < 0:
                conflict = (
                    f"label {label!r} says {rule.verdict.value} but the scale "
                    f"({reading.reason}) says {scale_verdict.value}; the label is kept"
                )
            return VerdictMatch(
                rule.verdict,
                "label",
                f"label {label!r} matches {rule.pattern!r} ({rule.language})",
                conflict,
            )
        if scale_verdict is not None:
            return VerdictMatch(scale_verdict, "scale", reading.reason)
        why = f"label {label!r} is not in the table" if label else "no label"
        return VerdictMatch(Verdict.OTHER, "none", f"{why}; {reading.reason}")

    def to_mapping(self) -> dict[str, Any]:
        """Return the table as JSON-ready data."""
        rules: dict[str, list[list[str]]] = {}
        for rule in self.rules:
            rules.setdefault(rule.language, []).append([rule.pattern, rule.verdict.value])
        return {
            "rules": rules,
            "non_verdicts": list(self.non_verdicts),
            "bands": [[str(upper), verdict.value] for upper, verdict in self.bands],
        }

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> VerdictTable:
        """Build a table from data shaped like :meth:`to_mapping`'s (raise on bad data)."""
        try:
            rules = [
                VerdictRule(pattern, Verdict(verdict), language)
                for language, pairs in dict(data.get("rules", {})).items()
                for pattern, verdict in pairs
            ]
            non_verdicts = [str(pattern) for pattern in data.get("non_verdicts", [])]
            bands = [
                (Fraction(upper), Verdict(verdict)) for upper, verdict in data.get("bands", [])
            ]
        except (TypeError, ValueError, ZeroDivisionError) as error:
            raise InvalidValue(
                f"not a verdict table: {error}",
                expected='{"rules": {LANG: [[PATTERN, VERDICT], ...]}, "non_verdicts": [...], '
                '"bands": [[UPPER, VERDICT], ...]}',
            ) from None
        for pattern in [rule.pattern for rule in rules] + non_verdicts:
            _compile(pattern)
        return cls(rules=rules, non_verdicts=non_verdicts, bands=bands)


@functools.lru_cache(maxsize=1024)
def _compile(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise InvalidValue(
            f"not a regular expression: {error}",
            expected="a Python regular expression",
            found=pattern,
        ) from None


DEFAULT_LABELS: dict[Verdict, str] = {
    Verdict.TRUE: "True",
    Verdict.MOSTLY_TRUE: "Mostly true",
    Verdict.MIXED: "Mixture",
    Verdict.MOSTLY_FALSE: "Mostly false",
    Verdict.FALSE: "False",
    Verdict.MISLEADING: "Misleading",
    Verdict.MISSING_CONTEXT: "Missing context",
    Verdict.UNVERIFIABLE: "Unverifiable",
    Verdict.SATIRE: "Satire",
    Verdict.NOT_CHECKABLE: "Not checkable",
}
"""The English label written for a verdict that has no label of its reviewer's own."""


def default_label(verdict: Verdict) -> str | None:
    """Return the English label written for ``verdict`` (``None`` for ``other``)."""
    return DEFAULT_LABELS.get(verdict)


def load_verdicts(path: str | os.PathLike[str], *, extend_default: bool = True) -> VerdictTable:
    """Read a verdict table file (shaped like ``default_verdicts.json``).

    By default its rules and non-verdicts are tried before the shipped ones, and its
    bands, when it gives any, replace the shipped bands.
    """
    own = VerdictTable.from_mapping(read_table(path, "verdict"))
    if not extend_default:
        return own
    bands = own.bands or None
    return VerdictTable.default().extended(own.rules, non_verdicts=own.non_verdicts, bands=bands)


@functools.cache
def _default_table() -> VerdictTable:
    # Data, not code: the shipped table is default_verdicts.json, read on first use.
    return VerdictTable.from_mapping(packaged("default_verdicts.json"))
