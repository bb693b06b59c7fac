"""Source resolution: which real-world source a name in a news text stands for.

Texts name one source in many ways: "Russia", "Moscow", "the Kremlin", "the
Russian government", "Russia's foreign ministry"; "Bruno Rodríguez Parrilla",
"Bruno Rodriguez", "Parrilla"; "U.S.", "US". This module maps such names to a
canonical source:

- :func:`normalize_name` folds the spelling differences that never change who
  is meant: case, accents, apostrophes, a possessive 's, a leading "the", the
  dots of "U.S.", hyphens and other punctuation.
- a :class:`Gazetteer` lists real-world sources (wire agencies, outlets,
  governments with their demonyms, capitals and seats, international bodies,
  and a few people with the government they speak for) with their Wikidata
  entity URIs. The shipped one is ``default_gazetteer.json``; a user's own
  JSON file of the same shape extends it (:func:`provenance.codec.load_gazetteer`).
- a :class:`Resolver` resolves a mention or a :class:`~provenance.model.Source`
  with, in order, the user's per-document aliases, the user's global aliases,
  the gazetteer by the whole name, and the gazetteer inside a descriptor
  ("Kremlin spokesman Dmitry Peskov" is the person Dmitry Peskov, speaking for
  Russia). The result says what the mention *is* (an entity or a person) and
  whom it *speaks for* (its affiliation).
- :func:`link_people` ties short forms of a person's name to the one longer
  name of the corpus that holds them ("Parrilla" and "Bruno Rodriguez" to
  "Bruno Rodriguez Parrilla"), and :func:`propose_variants` proposes, for a
  person to decide, names that look like spelling variants of each other
  (rapidfuzz, from the ``align`` extra).

Nothing here reads the network; the gazetteer is read once, on first use.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from provenance import _data
from provenance.errors import InvalidValue, MissingDependency
from provenance.model import Document, Source
from provenance.vocabulary import SourceKind

__all__ = [
    "Entity",
    "EntityKind",
    "Gazetteer",
    "Resolution",
    "Resolver",
    "VariantProposal",
    "gazetteer_from_mapping",
    "link_people",
    "normalize_name",
    "person_key",
    "propose_variants",
    "resolve_document",
]


class EntityKind(enum.StrEnum):
    """What kind of real-world source a gazetteer entry is."""

    GOVERNMENT = "government"
    """A state's government, named by its country."""
    AGENCY = "agency"
    """A news agency (a wire)."""
    OUTLET = "outlet"
    """A news outlet: a newspaper, broadcaster or site."""
    INTERNATIONAL = "international"
    """An international body (the United Nations, NATO)."""
    ORGANIZATION = "organization"
    """Any other organisation."""
    PERSON = "person"
    """A person, with the entity they speak for."""


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_DOTTED = re.compile(r"(?<![\w.])((?:\w\.){2,})(?!\w)")
_POSSESSIVE = re.compile(r"(?<=\w)'s?(?!\w)")
_NON_WORD = re.compile(r"[^\w\s]+")
_LEADING = ("the",)


@functools.lru_cache(maxsize=1 << 16)
def normalize_name(text: str) -> str:
    """Return ``text`` folded for comparing names.

    Case, accents, curly or straight apostrophes, a possessive 's, a leading
    "the", the dots of an abbreviation ("U.S." is "us"), hyphens and other
    punctuation are folded away; words are kept in order, one space apart.
    """
    if text.isascii():
        bare = text.replace("`", "'")  # nothing to decompose: the common case, and fast
    else:
        decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if "." in bare:
        bare = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), bare)
    folded = _POSSESSIVE.sub("", bare.casefold())
    words = _NON_WORD.sub(" ", folded).split()
    while words and words[0] in _LEADING and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def person_key(name: str) -> str:
    """Return the key a person's name is compared by (:func:`normalize_name`)."""
    return normalize_name(name)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Entity:
    """One real-world source of the gazetteer."""

    name: str
    """The canonical name: the label of every source resolved to it."""
    kind: EntityKind = attrs.field(converter=EntityKind)
    """What kind of source it is."""
    same_as: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """URIs of the same thing elsewhere (Wikidata entity URIs)."""
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """Other names of the entity itself ("USA", "AP")."""
    forms: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """Names of what speaks for it: a government's seats, capital, ministries, embassies
    ("the Kremlin", "Moscow", "the Russian foreign ministry"). They resolve to the
    entity, but are not the entity itself: no ``same_as`` is written for them."""
    affiliation: str | None = None
    """The canonical name of the entity it speaks for (a person's government)."""
    note: str | None = None
    """Who it is, in a few words."""


def _entities(value: Iterable[Entity]) -> tuple[Entity, ...]:
    return tuple(value)


_ARTICLES = frozenset({"the", "a", "an"})
_OUTLETS = frozenset({EntityKind.AGENCY, EntityKind.OUTLET})


def _phrases(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normalize_name(phrase) for phrase in value))


def _words(value: Iterable[str]) -> frozenset[str]:
    return frozenset(normalize_name(word) for word in value)


def _short_upper(alias: str) -> bool:
    """Whether an alias is a short abbreviation that must be written in capitals to count."""
    letters = re.sub(r"[^\w]", "", alias)
    return len(letters) <= 3 and " " not in alias.strip()


@attrs.frozen
class Gazetteer:
    """Real-world sources and every name each goes by.

    A name that two entries claim is ambiguous and resolves to neither.
    :meth:`extended` adds entries; an entry with the name of an existing one
    replaces it.
    """

    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_entities)
    """The entries, in order."""
    relations: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    """Words that, before an organisation's name, say a source is near it, not speaking for
    it ("close to", "familiar with"): such a source resolves to nothing."""
    role_words: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    """Words that say what role a named person speaks in ("spokesman", "minister"):
    the person's name follows them, the organisation comes before."""
    honorifics: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    """Words before a person's name that are not part of it ("Mr", "Ms", "Dr"): "Mr
    Peskov" is Peskov. Written without the full stop; "Mr." is read as "Mr"."""
    _index: dict[str, Entity] = attrs.field(init=False, repr=False, eq=False)
    _by_name: dict[str, Entity] = attrs.field(init=False, repr=False, eq=False)
    _direct: frozenset[tuple[str, str]] = attrs.field(init=False, repr=False, eq=False)
    _upper: dict[str, re.Pattern[str]] = attrs.field(init=False, repr=False, eq=False)
    _longest: int = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Entity] = {}
        ambiguous: set[str] = set()
        upper: dict[str, re.Pattern[str]] = {}
        by_name = {entity.name: entity for entity in self.entities}
        direct: set[tuple[str, str]] = set()
        for entity in self.entities:
            for alias in (entity.name, *entity.aliases):
                direct.add((entity.name, normalize_name(alias)))
            for alias in (entity.name, *entity.aliases, *entity.forms):
                key = normalize_name(alias)
                if not key:
                    continue
                known = index.get(key)
                if known is not None and known.name != entity.name:
                    ambiguous.add(key)
                index.setdefault(key, entity)
                if _short_upper(alias) and alias.upper() == alias:
                    dotted = r"\.?".join(re.escape(ch) for ch in alias.replace(".", ""))
                    upper[key] = re.compile(rf"(?<!\w){dotted}\.?(?!\w)")
        for key in ambiguous:
            del index[key]
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_direct", frozenset(direct))
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_upper", upper)
        object.__setattr__(self, "_longest", max((k.count(" ") + 1 for k in index), default=0))

    @classmethod
    def default(cls) -> Gazetteer:
        """Return the gazetteer shipped with the library (read once, on first use)."""
        return _default_gazetteer()

    def entity(self, name: str) -> Entity | None:
        """Return the entry whose canonical name is ``name``."""
        return self._by_name.get(name)

    def lookup(self, text: str) -> Entity | None:
        """Return the entry ``text`` names as a whole, or ``None``."""
        key = normalize_name(text)
        found = self._index.get(key)
        if found is not None and not self._written(key, text):
            return None
        return found

    def find_in(
        self, text: str, kinds: frozenset[EntityKind] | None = None
    ) -> tuple[Entity, str] | None:
        """Return the entry named by the longest run of words inside ``text``, and that run.

        Abbreviations of three letters or fewer count only when written in
        capitals ("US", not "us"). ``kinds`` limits the entries looked for.
        """
        words = normalize_name(text).split()
        for size in range(min(len(words), self._longest), 0, -1):
            for start in range(len(words) - size + 1):
                key = " ".join(words[start : start + size])
                found = self._index.get(key)
                if found is not None and kinds is not None and found.kind not in kinds:
                    continue
                if found is not None and self._written(key, text):
                    window = words[max(0, start - 4) : start]
                    before = " ".join(w for w in window if w not in _ARTICLES)
                    if any(before.endswith(p) for p in self.relations):
                        # "a source close to the Kremlin" does not speak for the Kremlin.
                        return None
                    return found, key
        return None

    def names_itself(self, entity: Entity, text: str) -> bool:
        """Whether ``text`` is one of the entity's own names (not a seat or a ministry)."""
        return (entity.name, normalize_name(text)) in self._direct

    def root(self, entity: Entity) -> Entity:
        """Follow ``affiliation`` to the entry an entry finally speaks for."""
        seen = {entity.name}
        while entity.affiliation is not None:
            parent = self._by_name.get(entity.affiliation)
            if parent is None or parent.name in seen:
                break
            seen.add(parent.name)
            entity = parent
        return entity

    def _written(self, key: str, text: str) -> bool:
        pattern = self._upper.get(key)
        return pattern is None or pattern.search(text) is not None

    def extended(self, other: Gazetteer | Iterable[Entity]) -> Gazetteer:
        """Return this gazetteer with ``other``'s entries added (same name: replaced)."""
        added = other.entities if isinstance(other, Gazetteer) else tuple(other)
        names = {entity.name for entity in added}
        kept = tuple(entity for entity in self.entities if entity.name not in names)
        roles = other.role_words if isinstance(other, Gazetteer) else frozenset()
        relations = other.relations if isinstance(other, Gazetteer) else ()
        titles = other.honorifics if isinstance(other, Gazetteer) else frozenset()
        return Gazetteer(
            kept + added,
            (*self.relations, *relations),
            self.role_words | roles,
            self.honorifics | titles,
        )


_FIELDS = frozenset(
    {"name", "kind", "same_as", "aliases", "affiliation", "note", "demonyms", "capital"}
    | {"seats", "capital_alone"}
)


def _entity(data: Any, forms: Sequence[str], where: str) -> Entity:
    if not isinstance(data, dict):
        raise InvalidValue(
            "a gazetteer entry must be a JSON object",
            location=where,
            expected="an object with name and kind",
            found=type(data).__name__,
        )
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise InvalidValue(
            f"unknown field {', '.join(unknown)}",
            location=where,
            expected=", ".join(sorted(_FIELDS)),
            found=", ".join(unknown),
        )
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InvalidValue("an entry needs a name", location=where, expected="a non-empty string")
    try:
        kind = EntityKind(data.get("kind", "organization"))
    except ValueError:
        raise InvalidValue(
            f"unknown kind {data.get('kind')!r}",
            location=where,
            expected=", ".join(k.value for k in EntityKind),
            found=repr(data.get("kind")),
        ) from None

    def strings(field: str) -> list[str]:
        value = data.get(field, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InvalidValue(
                f"{field} must be a list of strings", location=f"{where}.{field}", found=repr(value)
            )
        return list(value)

    aliases = strings("aliases")
    derived: list[str] = []
    if kind is EntityKind.GOVERNMENT:
        demonyms = strings("demonyms")
        derived += strings("seats")
        capital = data.get("capital")
        if isinstance(capital, str) and data.get("capital_alone", True):
            derived.append(capital)
        for form in forms:
            if "{demonym}" in form:
                derived += [form.format(name=name, demonym=d) for d in demonyms]
            else:
                derived.append(form.format(name=name, demonym=""))
    affiliation = data.get("affiliation")
    note = data.get("note")
    return Entity(
        name=name,
        kind=kind,
        same_as=strings("same_as"),
        aliases=tuple(dict.fromkeys(a for a in aliases if a != name)),
        forms=tuple(dict.fromkeys(f for f in derived if f != name and f not in aliases)),
        affiliation=affiliation if isinstance(affiliation, str) else None,
        note=note if isinstance(note, str) else None,
    )


def gazetteer_from_mapping(data: Any, *, location: str = "gazetteer") -> Gazetteer:
    """Build a :class:`Gazetteer` from its JSON form (``entities`` and ``government_forms``).

    ``government_forms`` are patterns with ``{name}`` and ``{demonym}`` that
    every government entry's names are derived from; a user file without them
    uses the shipped ones.
    """
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise InvalidValue(
            "a gazetteer is a JSON object with an 'entities' list",
            location=location,
            expected='{"entities": [...]}',
            found=type(data).__name__,
        )
    forms = data.get("government_forms")
    if forms is None:
        forms = _default_forms()
    if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
        raise InvalidValue(
            "government_forms must be a list of strings", location=f"{location}.government_forms"
        )
    lists = {}
    for field in ("role_words", "relations", "honorifics"):
        value = data.get(field, [])
        if not isinstance(value, list) or not all(isinstance(r, str) for r in value):
            raise InvalidValue(f"{field} must be a list of strings", location=f"{location}.{field}")
        lists[field] = value
    return Gazetteer(
        (
            _entity(entry, forms, f"{location}: entities[{number}]")
            for number, entry in enumerate(data["entities"])
        ),
        lists["relations"],
        lists["role_words"],
        lists["honorifics"],
    )


def _read_default() -> dict[str, Any]:
    data: dict[str, Any] = _data.shipped_json("default_gazetteer.json")
    return data


@functools.cache
def _default_forms() -> list[str]:
    forms: list[str] = _read_default()["government_forms"]
    return forms


@functools.cache
def _default_gazetteer() -> Gazetteer:
    return gazetteer_from_mapping(_read_default(), location="default_gazetteer.json")


@attrs.frozen
class Resolution:
    """What a mention of a source was resolved to."""

    method: str
    """How: ``document alias``, ``alias``, ``gazetteer``, ``descriptor`` or ``name``."""
    entity: str | None = None
    """The canonical name of the entity the mention *is* (a government, an outlet)."""
    person: str | None = None
    """The person the mention names, as the gazetteer or the text spells the name."""
    affiliation: str | None = None
    """The canonical name of the entity the mention speaks for."""
    same_as: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """URIs of the entity or person (Wikidata), from the gazetteer."""
    names_itself: bool = False
    """Whether the mention is the entity's or person's own name, so that ``same_as``
    may be written for it (not a seat, ministry or embassy standing for it)."""

    @property
    def origin(self) -> str | None:
        """The canonical name the mention counts as when it is a claim's origin."""
        return self.affiliation or self.entity or self.person


_DETERMINERS = frozenset({"the", "a", "an"})
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'\u2019.-]*$")


def _is_role(token: str, gazetteer: Gazetteer) -> bool:
    return normalize_name(token) in gazetteer.role_words


def _name_like(tokens: Sequence[str], gazetteer: Gazetteer) -> bool:
    return 0 < len(tokens) <= 4 and all(
        _NAME_TOKEN.match(t)
        and not _is_role(t, gazetteer)
        and normalize_name(t) not in _DETERMINERS
        for t in tokens
    )


def _split_person(text: str, gazetteer: Gazetteer) -> tuple[str, str | None]:
    """Split a mention into (descriptor, person's name), the name ``None`` when there is none."""
    text = " ".join(text.split())
    # "Prime Minister Fumio Kishida of Japan": the name stands before "of" and a place or
    # organisation the gazetteer knows, which belongs with the descriptor.
    head, of, place = text.rpartition(" of ")
    found_place = gazetteer.lookup(place) if of and head else None
    if found_place is not None and found_place.kind is not EntityKind.PERSON:
        descriptor, name = _split_person(head, gazetteer)
        if name is not None:
            return f"{descriptor} of {place}".strip(), name
    if "," in text:
        parts = [part.strip() for part in text.split(",") if part.strip()]
        for position, part in enumerate(parts):
            # A person the gazetteer knows is a name too ("Dmitry Peskov, spokesperson for
            # President Vladimir Putin"); an organisation ("Reuters") is not.
            known = gazetteer.lookup(part)
            is_name = known is None or known.kind is EntityKind.PERSON
            if is_name and _name_like(part.split(), gazetteer):
                rest = ", ".join(parts[:position] + parts[position + 1 :])
                return rest, part
    tokens = text.split()
    start = len(tokens)
    while start > 0 and _name_like(tokens[start - 1 : start], gazetteer):
        start -= 1
    if start == len(tokens):
        return text, None
    for split in range(start, len(tokens)):
        before = tokens[:split]
        if not before:
            found = gazetteer.lookup(text)
            if found is not None and found.kind is not EntityKind.PERSON:
                return text, None
            return "", text
        if _is_role(before[-1], gazetteer) or _alias_ends(gazetteer, before):
            return " ".join(before), " ".join(tokens[split:])
    return text, None


def _is_person_entry(gazetteer: Gazetteer, text: str) -> bool:
    found = gazetteer.lookup(text)
    return found is not None and found.kind is EntityKind.PERSON


def _alias_ends(gazetteer: Gazetteer, words: Sequence[str]) -> bool:
    """Whether ``words`` end with a gazetteer name of two words or more."""
    for size in range(min(len(words), 6), 1, -1):
        found = gazetteer.lookup(" ".join(words[-size:]))
        if found is not None and found.kind is not EntityKind.PERSON:
            return True
    return False


_CACHE_SIZE = 100_000


def _mapping(value: Mapping[str, str]) -> dict[str, str]:
    return {normalize_name(k): v for k, v in value.items()}


def _document_mapping(value: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    return {document: _mapping(aliases) for document, aliases in value.items()}


@attrs.frozen
class Resolver:
    """Resolves mentions of sources with aliases and a gazetteer.

    ``aliases`` map a name (any spelling :func:`normalize_name` folds) to a
    canonical name for every document; ``document_aliases`` do the same for
    one document, by document id, and win over the global ones. A canonical
    name that the gazetteer lists takes that entry's URIs and affiliation.
    """

    gazetteer: Gazetteer = attrs.field(factory=Gazetteer.default)
    """Where real-world sources are looked up."""
    aliases: dict[str, str] = attrs.field(factory=dict, converter=_mapping)
    """Global aliases: a name to a canonical name."""
    document_aliases: dict[str, dict[str, str]] = attrs.field(
        factory=dict, converter=_document_mapping
    )
    """Per-document aliases: document id to (name to canonical name)."""

    def _named(self, canonical: str, method: str, *, unnamed: bool, person: bool) -> Resolution:
        entry = self.gazetteer.entity(canonical) or self.gazetteer.lookup(canonical)
        if entry is not None:
            return self._of(entry, method, unnamed=unnamed)
        if unnamed:
            return Resolution(method, affiliation=canonical)
        if person:
            return Resolution(method, person=canonical)
        return Resolution(method, entity=canonical)

    def _of(
        self,
        entry: Entity,
        method: str,
        *,
        unnamed: bool,
        person: str | None = None,
        text: str | None = None,
    ) -> Resolution:
        root = self.gazetteer.root(entry)
        if entry.kind is EntityKind.PERSON:
            if unnamed:
                return Resolution(method, affiliation=root.name if root is not entry else None)
            return Resolution(
                method,
                person=entry.name,
                affiliation=root.name if root is not entry else None,
                same_as=entry.same_as,
                names_itself=True,
            )
        if unnamed or person is not None:
            return Resolution(method, person=person, affiliation=root.name)
        return Resolution(
            method,
            entity=entry.name,
            affiliation=root.name if root is not entry else None,
            same_as=entry.same_as,
            names_itself=text is None or self.gazetteer.names_itself(entry, text),
        )

    _cache: dict[tuple[str, str | None, SourceKind | None], Resolution | None] = attrs.field(
        init=False, factory=dict, repr=False, eq=False
    )

    def resolve_mention(
        self, text: str, *, document: str | None = None, kind: SourceKind | None = None
    ) -> Resolution | None:
        """Resolve the words ``text`` of a mention; ``None`` when nothing is known of it.

        ``kind`` is the source's kind when known: an unnamed or vague source
        is never resolved to an entity, only to the entity it speaks for ("a
        Pentagon spokeswoman" speaks for the United States).
        """
        # News texts repeat their names: each (words, kind, aliased document) is resolved once.
        key = (text, document if document in self.document_aliases else None, kind)
        try:
            return self._cache[key]
        except KeyError:
            pass
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        found = self._cache[key] = self._resolve(text, document=key[1], kind=kind)
        return found

    def _resolve(
        self, text: str, *, document: str | None, kind: SourceKind | None
    ) -> Resolution | None:
        unnamed = kind is not None and not kind.is_named
        is_person = kind is SourceKind.NAMED_PERSON
        key = normalize_name(text)
        if not key:
            return None
        if document is not None:
            canonical = self.document_aliases.get(document, {}).get(key)
            if canonical is not None:
                return self._named(canonical, "document alias", unnamed=unnamed, person=is_person)
        canonical = self.aliases.get(key)
        if canonical is not None:
            return self._named(canonical, "alias", unnamed=unnamed, person=is_person)
        if kind in (None, SourceKind.NAMED_PERSON):
            # "Mr Peskov", "Dr. Anthony Fauci": the title is not the name. The aliases were
            # read with it first, so that a user's alias for the titled form still wins.
            first, _, rest = " ".join(text.split()).partition(" ")
            if rest and normalize_name(first.rstrip(".")) in self.gazetteer.honorifics:
                return self._resolve(rest, document=document, kind=kind)
        entry = self.gazetteer.lookup(text)
        if entry is not None:
            return self._of(entry, "gazetteer", unnamed=unnamed, text=text)
        person_kind = kind in (None, SourceKind.NAMED_PERSON)
        descriptor, person = _split_person(text, self.gazetteer) if person_kind else (text, None)
        if person is not None and not unnamed:
            entry = self.gazetteer.lookup(person)
            if entry is not None and entry.kind is EntityKind.PERSON:
                return self._of(entry, "gazetteer", unnamed=False)
            found = self.gazetteer.find_in(descriptor) if descriptor else None
            if found is not None:
                return self._of(found[0], "descriptor", unnamed=False, person=person)
            return Resolution("name", person=person)
        # "Japan's NHK" is an outlet of Japan, not Japan's voice: an outlet's words are
        # only searched for an outlet ("South Korea's Yonhap news agency").
        outlet = kind in (SourceKind.PUBLICATION, SourceKind.AUTHOR)
        found = self.gazetteer.find_in(descriptor, _OUTLETS if outlet else None)
        if found is None:
            return None
        entry, _ = found
        if outlet:
            return self._of(entry, "descriptor", unnamed=False, text=entry.name)
        if not unnamed and kind not in (SourceKind.NAMED_PERSON,) and _only(key, entry, self):
            return self._of(entry, "gazetteer", unnamed=False, text=text)
        return self._of(entry, "descriptor", unnamed=True)

    def resolve_source(self, source: Source, *, document: str | None = None) -> Resolution | None:
        """Resolve a record's source by its name, then its descriptor, then both together."""
        return self.resolve_names(source.name, source.descriptor, source.kind, document=document)

    def resolve_names(
        self,
        name: str | None,
        descriptor: str | None,
        kind: SourceKind,
        *,
        document: str | None = None,
    ) -> Resolution | None:
        """Resolve a source given by its parts (what :meth:`resolve_source` reads of one)."""
        texts: list[str] = []
        if name and descriptor:
            texts.append(f"{descriptor} {name}")
        texts += [t for t in (name, descriptor) if t]
        person = None
        for text in dict.fromkeys(texts):
            found = self.resolve_mention(text, document=document, kind=kind)
            if found is None:
                continue
            if found.origin is not None and (found.affiliation or found.entity):
                return found
            person = person or found
        return person


def _only(key: str, entry: Entity, resolver: Resolver) -> bool:
    """Whether the words of ``key`` besides the entry's own name only name the entry."""
    own = set()
    for alias in (entry.name, *entry.aliases, *entry.forms):
        own.update(normalize_name(alias).split())
    return all(word in own for word in key.split())


def link_people(names: Iterable[str]) -> dict[str, str]:
    """Map each person's name to the one longest name of ``names`` it is a short form of.

    A name is a short form of another when its words (folded by
    :func:`normalize_name`) appear in the other in the same order: "Parrilla"
    and "Bruno Rodriguez" of "Bruno Rodriguez Parrilla". A short form that fits
    two longer names that are not short forms of each other stays unlinked.
    Keys and values are folded names; names that link to nothing are left out.
    """
    keys = sorted({key for key in map(person_key, names) if key})
    by_word: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        for word in key.split():
            by_word[word].add(key)
    linked: dict[str, str] = {}
    for key in keys:
        words = key.split()
        # Smallest set first: a common first name holds many names, a surname few.
        sets = sorted((by_word[word] for word in words), key=len)
        candidates = sets[0].intersection(*sets[1:]) - {key}
        holders = [
            c
            for c in candidates
            if _in_order(words, c.split())
            and not _SUFFIXES.intersection(set(c.split()) - set(words))
        ]
        if not holders:
            continue
        longest = max(holders, key=lambda c: (len(c.split()), c))
        if all(_in_order(h.split(), longest.split()) for h in holders):
            linked[key] = longest
    return linked


# A longer name that only adds a generation is another person ("Donald Trump Jr.").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})


def _in_order(short: Sequence[str], long: Sequence[str]) -> bool:
    position = 0
    for word in long:
        if position < len(short) and word == short[position]:
            position += 1
    return position == len(short)


@attrs.frozen
class VariantProposal:
    """Two names that look like spellings of one source, for a person to decide."""

    a: str
    """One name, as written."""
    b: str
    """The other name, as written."""
    score: float
    """Similarity of the folded names, 0 to 100 (rapidfuzz token sort ratio)."""
    method: str = "token_sort_ratio"
    """How the score was computed."""


_WINDOW = 50


def propose_variants(names: Iterable[str], *, threshold: float = 85.0) -> list[VariantProposal]:
    """Propose pairs of ``names`` that look like variants of one name (never applied).

    Names are folded by :func:`normalize_name`; pairs already equal when folded
    are not proposed. Candidates share the first three letters of a word, so no
    name is compared with every other. Needs rapidfuzz (the ``align`` extra).
    """
    try:
        from rapidfuzz import fuzz
    except ImportError:
        raise MissingDependency(
            "proposing name variants needs rapidfuzz",
            expected="pip install 'claim-provenance[align]'",
        ) from None
    spelled: dict[str, str] = {}
    for name in names:
        spelled.setdefault(normalize_name(name), name)
    spelled.pop("", None)
    blocks: dict[str, set[str]] = defaultdict(set)
    for key in spelled:
        for word in key.split():
            blocks[word[:3]].add(key)
    seen: set[tuple[str, str]] = set()
    proposals = []
    for block in blocks.values():
        ordered = sorted(block)
        for i, left in enumerate(ordered):
            # A crowded block pairs each name with its nearest neighbours only.
            for right in ordered[i + 1 : i + 1 + _WINDOW]:
                if (left, right) in seen:
                    continue
                seen.add((left, right))
                score = float(fuzz.token_sort_ratio(left, right))
                if score >= threshold:
                    proposals.append(
                        VariantProposal(spelled[left], spelled[right], round(score, 1))
                    )
    return sorted(proposals, key=lambda p: (-p.score, p.a, p.b))


_ID_UNSAFE = re.compile(r"[^a-z0-9]+")


def resolve_document(document: Document, resolver: Resolver | None = None) -> Document:
    """Return ``document`` with what resolution knows written into its sources.

    A named source resolved to a gazetteer entry gains the entry's ``same_as``
    URIs (Wikidata ids); a source that speaks for an organisation and has no
    ``affiliation`` gets one: the document's own source for that organisation
    when it has one, else a new named-organisation source (id ``org-<name>``)
    carrying the canonical name and its URIs. Nothing else changes.
    """
    resolver = resolver or Resolver()
    resolved = {
        source.id: resolver.resolve_source(source, document=document.id)
        for source in document.sources
    }
    by_entity: dict[str, str] = {}
    for source in document.sources:
        found = resolved[source.id]
        if found is not None and found.entity and found.names_itself and source.kind.is_named:
            by_entity.setdefault(found.entity, source.id)
    taken = {source.id for source in document.sources} | {c.id for c in document.claims}
    added: dict[str, Source] = {}
    sources = []
    for source in document.sources:
        found = resolved[source.id]
        if found is None:
            sources.append(source)
            continue
        changes: dict[str, Any] = {}
        itself = source.kind.is_named and found.names_itself
        if itself and (found.entity or found.person) and found.same_as:
            uris = tuple(dict.fromkeys((*source.same_as, *found.same_as)))
            if uris != source.same_as:
                changes["same_as"] = uris
        # A seat or ministry standing for a government speaks for it.
        parent = found.affiliation or (found.entity if not itself else None)
        if source.affiliation is None and parent is not None and by_entity.get(parent) != source.id:
            target = by_entity.get(parent)
            if target is None:
                target = "org-" + (_ID_UNSAFE.sub("-", normalize_name(parent)).strip("-") or "x")
                while target in taken and target not in added:
                    target += "-"
                if target not in added:
                    entry = resolver.gazetteer.entity(parent)
                    added[target] = Source(
                        target,
                        SourceKind.NAMED_ORGANIZATION,
                        name=parent,
                        same_as=entry.same_as if entry is not None else (),
                    )
                    taken.add(target)
                by_entity[parent] = target
            if target != source.id:
                changes["affiliation"] = target
        sources.append(attrs.evolve(source, **changes) if changes else source)
    if not added and sources == list(document.sources):
        return document
    return attrs.evolve(document, sources=(*sources, *added.values()))
