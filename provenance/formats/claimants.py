"""Typing the claimant a fact-checker names (``itemReviewed.author``) as a Source kind.

Real ClaimReview records name claimants that are people and organisations
("Ted Cruz", "Freedom Politics Today"), but also vague collectives that no one
can be held to ("Facebook posts", "Fuentes Varias", "Plusieurs sites
internet", "Internet"), whatever ``@type`` they are given. A
:class:`ClaimantTable` holds, as data the user can extend, patterns for such
names and the :class:`~provenance.vocabulary.SourceKind` and
:class:`~provenance.vocabulary.Plurality` they stand for. Names are compared
after :func:`~provenance.formats.verdicts.normalise_label` (no accents, lower
case), and a pattern must match the whole name.

A name the table does not know is typed from its ``@type``: ``Person`` gives
``named_person``, any other type ``named_organization``, no type
``named_person``; a name that is a bare domain ("Detdette.dk") is a
``publication``.

The shipped table is ``default_claimants.json`` beside this module, read on first use;
:func:`load_claimants` reads a user's file of the same shape and puts it first.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from provenance.errors import InvalidValue
from provenance.formats._tables import packaged, read_table
from provenance.formats.verdicts import normalise_label
from provenance.vocabulary import Plurality, SourceKind

__all__ = ["ClaimantRule", "ClaimantTable", "load_claimants"]

_DOMAIN = re.compile(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$")


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


@attrs.frozen
class ClaimantRule:
    """A pattern for a claimant's name and the kind of source it stands for."""

    pattern: str
    """A regular expression that must match the whole normalised name."""
    kind: SourceKind = attrs.field(converter=SourceKind)
    """The kind of source such a name stands for."""
    plurality: Plurality = attrs.field(converter=Plurality, default=Plurality.SEVERAL)
    """How many voices it stands for."""


@attrs.frozen
class ClaimantTable:
    """Patterns for claimant names that are no named person or organisation."""

    rules: tuple[ClaimantRule, ...] = attrs.field(converter=_tuple)
    """Tried in order; the first whose pattern matches decides."""

    @classmethod
    def default(cls) -> ClaimantTable:
        """Return the table this library ships."""
        return _default_table()

    def extended(self, rules: Iterable[ClaimantRule]) -> ClaimantTable:
        """Return a table with ``rules`` tried before the present ones."""
        added = tuple(rules)
        for rule in added:
            re.compile(rule.pattern)
        return ClaimantTable(rules=added + self.rules)

    def to_mapping(self) -> dict[str, Any]:
        """Return the table as JSON-ready data: ``{"rules": [[PATTERN, KIND, PLURALITY], ...]}``."""
        return {
            "rules": [[rule.pattern, rule.kind.value, rule.plurality.value] for rule in self.rules]
        }

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ClaimantTable:
        """Build a table from data shaped like :meth:`to_mapping`'s (raise on bad data)."""
        try:
            rules = [
                ClaimantRule(str(pattern), SourceKind(kind), Plurality(plurality))
                for pattern, kind, plurality in data.get("rules", [])
            ]
        except (TypeError, ValueError) as error:
            raise InvalidValue(
                f"not a claimant table: {error}",
                expected='{"rules": [[PATTERN, KIND, PLURALITY], ...]}',
            ) from None
        for rule in rules:
            _checked(rule.pattern)
        return cls(rules=rules)

    def match(self, name: str) -> ClaimantRule | None:
        """Return the first rule matching ``name``, or ``None``."""
        text = normalise_label(name)
        for rule in self.rules:
            if _compile(rule.pattern).fullmatch(text):
                return rule
        return None

    def kind_of(self, name: str, schema_type: str | None) -> tuple[SourceKind, Plurality]:
        """Return the kind and plurality of a claimant called ``name`` with ``@type``."""
        rule = self.match(name)
        if rule is not None:
            return rule.kind, rule.plurality
        if _DOMAIN.match(normalise_label(name)):
            return SourceKind.PUBLICATION, Plurality.ONE
        if schema_type is None or schema_type == "Person":
            return SourceKind.NAMED_PERSON, Plurality.ONE
        return SourceKind.NAMED_ORGANIZATION, Plurality.ONE


@functools.lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _checked(pattern: str) -> re.Pattern[str]:
    try:
        return _compile(pattern)
    except re.error as error:
        raise InvalidValue(
            f"not a regular expression: {error}",
            expected="a Python regular expression",
            found=pattern,
        ) from None


def load_claimants(path: str | os.PathLike[str], *, extend_default: bool = True) -> ClaimantTable:
    """Read a claimant table file (shaped like ``default_claimants.json``).

    By default its rules are tried before the shipped ones.
    """
    own = ClaimantTable.from_mapping(read_table(path, "claimant"))
    return ClaimantTable.default().extended(own.rules) if extend_default else own


@functools.cache
def _default_table() -> ClaimantTable:
    # Data, not code: the shipped table is default_claimants.json, read on first use.
    return ClaimantTable.from_mapping(packaged("default_claimants.json"))
