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
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import attrs

from provenance.formats.verdicts import normalise_label
from provenance.vocabulary import Plurality, SourceKind

__all__ = ["ClaimantRule", "ClaimantTable"]

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


_PLATFORMS = (
    r"(facebook|instagram|tiktok|twitter|x|whatsapp|telegram|youtube|social media|"
    r"viral|online|blog|internet|web)"
)

_DEFAULT_RULES: tuple[tuple[str, SourceKind, Plurality], ...] = (
    # Things with no identifiable origin: a viral item, posts, messages, sites, the internet.
    (
        r"viral (image|video|photo|meme|post|message|claim|story)",
        SourceKind.VAGUE_REPORTS,
        Plurality.UNSPECIFIED,
    ),
    (
        rf"{_PLATFORMS} (posts?|messages?|chains?|videos?|images?|photos?|memes?|"
        r"tweets?|claims?|rumou?rs?|stories|articles?)",
        SourceKind.VAGUE_REPORTS,
        Plurality.SEVERAL,
    ),
    (
        r"(the )?internet|social media|social networks?|(various|multiple|several) "
        r"(sources|websites|sites|reports)|websites|blogs?|chain (e-?mails?|messages?)|"
        r"tweets|memes|rumou?rs",
        SourceKind.VAGUE_REPORTS,
        Plurality.SEVERAL,
    ),
    (
        r"fuentes (varias|multiples|diversas)|varias fuentes|redes sociales|"
        r"publicaciones (en|de) redes( sociales)?|(cadena|mensajes?) de whatsapp|internet",
        SourceKind.VAGUE_REPORTS,
        Plurality.SEVERAL,
    ),
    (
        r"plusieurs (sites( internet)?|sources|publications|comptes)|reseaux sociaux|"
        r"sites internet|publications (facebook|sur les reseaux sociaux)|rumeurs?",
        SourceKind.VAGUE_REPORTS,
        Plurality.SEVERAL,
    ),
    (
        r"(flere|diverse) (kilder|hjemmesider|opslag)|sociale medier",
        SourceKind.VAGUE_REPORTS,
        Plurality.SEVERAL,
    ),
    (
        r"(mehrere|verschiedene) (quellen|webseiten|websites)|soziale (medien|netzwerke)",
        SourceKind.VAGUE_REPORTS,
        Plurality.SEVERAL,
    ),
    # People with no names: users, bloggers, posters.
    (
        rf"{_PLATFORMS} users|(bloggers|posters|internet users|social media users|"
        r"internautes|usuarios( de redes sociales)?|usuarios en redes|brugere|nutzer)",
        SourceKind.UNNAMED_GROUP,
        Plurality.SEVERAL,
    ),
    (
        r"(multiple|several|various) (people|users|accounts|politicians|sources)",
        SourceKind.UNNAMED_GROUP,
        Plurality.SEVERAL,
    ),
)


@functools.cache
def _default_table() -> ClaimantTable:
    return ClaimantTable(
        rules=[
            ClaimantRule(pattern, kind, plurality) for pattern, kind, plurality in _DEFAULT_RULES
        ]
    )
