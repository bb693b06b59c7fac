"""Source mentions: finding the words that name a source, and telling their kind.

:func:`classify` reads a mention ("a U.S. State Department spokesperson",
"UK-based political analysts", "multiple reports", "Reuters") and returns a
:class:`Mention` with its :class:`~provenance.vocabulary.SourceKind`, plurality,
proper name or descriptor, and the name of the organisation an unnamed person
speaks for. The decision reads only the lexicon's word lists.
"""

from __future__ import annotations

import functools
import re

import attrs

from provenance.extraction.lexicon import Lexicon
from provenance.vocabulary import Plurality, SourceKind

__all__ = ["Mention", "SourceIndex", "classify", "head_class", "source_index"]


@attrs.frozen
class Mention:
    """What a source mention says about its source."""

    kind: SourceKind
    """The source's kind."""
    plurality: Plurality
    """How many voices it stands for."""
    name: str | None
    """The proper name, for named kinds."""
    descriptor: str
    """The words of the mention."""
    affiliation: str | None = None
    """Name of the organisation an unnamed individual or group speaks for."""
    head: str = ""
    """The mention's head noun, lower case."""


@attrs.frozen
class SourceIndex:
    """The lexicon's source entries compiled for lookup."""

    vague: frozenset[str]
    """Head nouns of vague sources."""
    groups: frozenset[str]
    """Head nouns of unnamed groups."""
    individuals: frozenset[str]
    """Head nouns of unnamed individuals."""
    documents: frozenset[str]
    """Head nouns of documents."""
    organizations: frozenset[str]
    """Organisation words, lower case."""
    publications: frozenset[str]
    """Outlet names, lower case, with and without "the"."""
    suffixes: frozenset[str]
    """Last words of outlet names."""
    titles: frozenset[str]
    """Person titles."""
    pronouns: frozenset[str]
    """Pronouns."""
    synonyms: dict[str, str]
    """Head noun to the first member of its synonym group."""
    plural_determiners: frozenset[str] = frozenset()
    """Determiners that make a vague mention plural."""
    places: frozenset[str] = frozenset()
    """Country and capital names, lower case, with and without "the"."""
    demonyms: frozenset[str] = frozenset()
    """Nationality adjectives, lower case."""
    surveys: frozenset[str] = frozenset()
    """Head nouns of polls and surveys, lower case: an outlet's poll is a document."""
    outlet_heads: frozenset[str] = frozenset()
    """Nouns naming a kind of outlet ("newspaper"): a name after one is the outlet's."""
    participles: frozenset[str] = frozenset()
    """Participles that end a mention's core ("a survey *released* on Thursday")."""
    lower_titles: frozenset[str] = frozenset()
    """Person titles, lower case, for role words inside a description ("the *president*")."""
    offices: frozenset[str] = frozenset()
    """Words of an office's name after a title ("Secretary of *Homeland Security*"), lower
    case: a name after a title never reaches back over them."""
    not_in_names: frozenset[str] = frozenset()
    """Time words and determiners, lower case: a programme's name may hold them ("This
    Week", "Morning Joe"), a person's does not."""


@functools.lru_cache(maxsize=8)
def source_index(lexicon: Lexicon) -> SourceIndex:
    """Compile ``lexicon``'s source entries (cached per lexicon)."""
    publications: set[str] = set()
    for name in lexicon.publications:
        lower = name.lower()
        publications.add(lower)
        publications.add(lower[4:] if lower.startswith("the ") else "the " + lower)
    synonyms: dict[str, str] = {}
    for group in lexicon.head_synonyms:
        for word in group:
            synonyms[word.lower()] = group[0].lower()
    return SourceIndex(
        vague=frozenset(w.lower() for w in lexicon.vague_heads),
        groups=frozenset(w.lower() for w in lexicon.group_heads),
        individuals=frozenset(w.lower() for w in lexicon.individual_heads),
        documents=frozenset(w.lower() for w in lexicon.document_heads),
        organizations=frozenset(w.lower() for w in lexicon.organization_words),
        publications=frozenset(publications),
        suffixes=frozenset(lexicon.publication_suffixes),
        titles=frozenset(lexicon.person_titles),
        pronouns=frozenset(w.lower() for w in lexicon.pronouns),
        synonyms=synonyms,
        plural_determiners=frozenset(w.lower() for w in lexicon.plural_determiners),
        places=frozenset(
            form
            for name in (*lexicon.countries, *lexicon.capitals)
            for form in (name.lower(), "the " + name.lower().removeprefix("the "))
        ),
        demonyms=frozenset(w.lower() for w in lexicon.demonyms),
        surveys=frozenset(w.lower() for w in lexicon.survey_heads),
        outlet_heads=frozenset(w.lower() for w in lexicon.outlet_heads),
        participles=frozenset(w.lower() for w in lexicon.source_participles),
        lower_titles=frozenset(t.lower() for t in lexicon.person_titles),
        offices=frozenset(w.lower() for w in lexicon.office_words),
        not_in_names=frozenset(w.lower() for w in (*lexicon.time_words, *lexicon.determiners)),
    )


def head_class(head: str, index: SourceIndex) -> str:
    """Return the synonym class of a head noun ("spokesman" and "spokesperson" share one)."""
    return index.synonyms.get(head, head)


def classify(text: str, index: SourceIndex) -> Mention:
    """Tell the kind of the source ``text`` mentions."""
    descriptor = " ".join(text.split())
    core = _core(descriptor, index)
    if core != descriptor and core:
        # "Jim McDermott (D-Wash.)", "Trump's", "Carly Fiorina,": the same source
        found = attrs.evolve(classify(core, index), descriptor=descriptor)
        author = _BY_AUTHOR.search(descriptor)
        if found.kind is SourceKind.DOCUMENT and found.name is None and author is not None:
            # "a poll of 400 voters released on Friday by Latino Decisions": whose poll it is
            found = attrs.evolve(found, name=f"{author.group(1)} {found.head}")
        return found
    lower = descriptor.lower()
    words = descriptor.split()
    if not words:
        return Mention(SourceKind.UNKNOWN, Plurality.UNSPECIFIED, None, text, head="")
    accredited = _accredited(descriptor, index)
    if accredited is not None:
        return accredited
    head = words[-1].lower().strip(".,\u2019'\"\u201d")
    if lower in index.pronouns:
        plural = lower in ("they", "we", "them", "us", "their", "our")
        return Mention(
            SourceKind.UNKNOWN,
            Plurality.SEVERAL if plural else Plurality.UNSPECIFIED,
            None,
            descriptor,
            head=lower,
        )
    if lower.startswith("it is ") or lower.startswith("it was ") or lower in ("one", "some say"):
        return Mention(SourceKind.GENERIC, Plurality.UNSPECIFIED, None, descriptor, head=head)
    if " and " in descriptor and words[0][:1].isupper():
        # "CNN and The New York Times": two outlets reporting together
        parts = [classify(part, index) for part in descriptor.split(" and ")]
        if len(parts) == 2 and all(p.kind is SourceKind.PUBLICATION for p in parts):
            return Mention(
                SourceKind.PUBLICATION, Plurality.SEVERAL, descriptor, descriptor, head=head
            )
    if ", " in descriptor:
        named = _name_then_description(descriptor, index) or _appositive_name(descriptor, index)
        if named is not None:
            return named
    placed = _place_possessive(words, descriptor, index)
    if placed is not None:
        return placed
    person = _outlet_person(words, index)
    if person is not None:
        # "CNN's Dana Bash": the outlet's journalist, a person of that outlet
        return Mention(
            SourceKind.NAMED_PERSON, Plurality.ONE, person[0], descriptor, person[1], head=head
        )
    show = _outlet_show(words, index)
    if show is not None:
        # "ABC's This Week", "CBS' Face the Nation": the programme of an outlet
        return Mention(SourceKind.PUBLICATION, Plurality.ONE, show, descriptor, head=head)
    if lower in index.publications or _has_outlet_suffix(words, index):
        name = (
            descriptor[4:]
            if lower.startswith("the ") and lower not in index.publications
            else (descriptor)
        )
        return Mention(SourceKind.PUBLICATION, Plurality.ONE, name, descriptor, head=head)
    if lower in index.places:
        # "Russia", "Pyongyang", "Washington" as a source: the government, an organisation
        name = descriptor[4:] if lower.startswith("the ") else descriptor
        return Mention(SourceKind.NAMED_ORGANIZATION, Plurality.ONE, name, descriptor, head=head)
    located = _located(words, index)
    if located is not None:
        return located
    first = words[0].lower()
    capitalized = [w for w in words if w[:1].isupper()]
    named_outlet = _after_outlet_head(words, index)
    if named_outlet is not None:
        # "Israeli newspaper Haaretz", "the news agency Yonhap": the name is an outlet's
        return Mention(SourceKind.PUBLICATION, Plurality.ONE, named_outlet, descriptor, head=head)
    # "a CBS News poll" is the poll, a document, not the outlet ("the Yonhap report" is)
    outlet = None if head in index.surveys else _outlet_of_report(words, head, index)
    if outlet is not None:
        # "the Yonhap report", "a Bloomberg News story": the outlet is the source
        return Mention(SourceKind.PUBLICATION, Plurality.ONE, outlet, descriptor, head=head)
    if head in index.vague and (len(words) == 1 or capitalized[-1:] != [words[-1]]):
        plural = first in index.plural_determiners or head.endswith("s")
        return Mention(
            SourceKind.VAGUE_REPORTS,
            Plurality.SEVERAL if plural else Plurality.UNSPECIFIED,
            None,
            descriptor,
            head=head,
        )
    affiliation = _affiliation(words, index)
    if words[-1][:1].islower() or first in ("a", "an", "one"):
        if head in index.documents:
            # "a CBS News poll" is CBS News' poll: named after who made it, when the text says
            maker = f"{affiliation} {head}" if affiliation and head in index.surveys else None
            return Mention(SourceKind.DOCUMENT, Plurality.ONE, maker, descriptor, affiliation, head)
        if head in index.groups or (head.endswith("s") and head[:-1] in index.individuals):
            return Mention(
                SourceKind.UNNAMED_GROUP, Plurality.SEVERAL, None, descriptor, affiliation, head
            )
        if head in index.individuals and head not in index.organizations:
            return Mention(
                SourceKind.UNNAMED_INDIVIDUAL, Plurality.ONE, None, descriptor, affiliation, head
            )
        if head in index.organizations and affiliation is not None:
            # "China's foreign ministry", "the U.S. military": the words that say whose
            # (a long mention keeps only the capitalised run and the head)
            short = descriptor[4:] if first == "the" else descriptor
            return Mention(
                SourceKind.NAMED_ORGANIZATION,
                Plurality.ONE,
                short if len(words) <= 5 else affiliation + " " + head,
                descriptor,
                head=head,
            )
        if head in index.organizations:
            return Mention(SourceKind.UNKNOWN, Plurality.ONE, None, descriptor, head=head)
        return Mention(SourceKind.UNKNOWN, Plurality.UNSPECIFIED, None, descriptor, head=head)
    if len(words) == 1 and lower.rstrip(".,") in index.not_in_names:
        # "Friday said ...", "The said": a day or a determiner names nobody
        return Mention(SourceKind.UNKNOWN, Plurality.UNSPECIFIED, None, descriptor, head=head)
    if (
        len(words) >= 2
        and first in index.plural_determiners
        and head.endswith("s")
        and all(w[:1].isupper() for w in words[1:])
    ):
        # "some Democrats", "many Israelis": members of a party or nation, not a name
        members = " ".join(words[1:])
        return Mention(
            SourceKind.UNNAMED_GROUP, Plurality.SEVERAL, None, descriptor, members, head=head
        )
    titled = _titled_name(words, index)
    if titled is not None:
        # "U.S. Army Maj. Beth Riordan", "State Department spokesman John Kirby": a person
        return Mention(SourceKind.NAMED_PERSON, Plurality.ONE, titled, descriptor, head=head)
    if (
        (first == "the" or first.endswith(("'s", "\u2019s")))
        and len(words) >= 2
        and head in index.individuals
        and head not in index.organizations
        and words[-1][1:].islower()
    ):
        # "the Pentagon Spokeswoman": a role written in title case, not an organisation's name
        role = classify(" ".join([*words[:-1], words[-1].lower()]), index)
        if role.kind is SourceKind.UNNAMED_INDIVIDUAL:
            return attrs.evolve(role, descriptor=descriptor)
    name = descriptor[4:] if first == "the" else descriptor
    if first == "the":
        # "the nonpartisan Congressional Budget Office": the adjectives are no part of the name
        rest = words[1:]
        while len(rest) > 1 and rest[0].islower() and rest[-1][:1].isupper():
            rest = rest[1:]
        name = " ".join(rest)
    if any(_org_word(w, index) for w in words) or (
        first == "the" or (len(words) == 1 and words[0].replace(".", "").isupper())
    ):
        return Mention(SourceKind.NAMED_ORGANIZATION, Plurality.ONE, name, descriptor, head=head)
    if head.endswith("s") and len(words) == 1 and _plural_group(head, index):
        return Mention(SourceKind.UNNAMED_GROUP, Plurality.SEVERAL, None, descriptor, head=head)
    return Mention(
        SourceKind.NAMED_PERSON, Plurality.ONE, _strip_title(words, index), descriptor, head=head
    )


def _accredited(descriptor: str, index: SourceIndex) -> Mention | None:
    """Read "the U.S. ambassador to Japan", "Iran's mission to the UN" by what comes first.

    The words after "to" say where the role or body is accredited, not who speaks: when they
    name a place or an organisation (not a person: "Ambassador to the UN Nikki Haley"), the
    mention is what the words before "to" are.
    """
    before, found, after = descriptor.partition(" to ")
    if not found or not before or not after or "," in after:
        return None
    last = before.split()[-1].lower().strip(".,")
    if not (_is_role(last, index) or last in index.organizations):
        return None
    if not (after[:1].isupper() or after.startswith("the ")):
        return None
    rest = after.split()
    if not (rest[-1].lower().strip(".,") in index.places or _org_word(rest[-1], index)):
        # "U.S. Ambassador to the United Nations Linda Thomas-Greenfield": the name after
        # the place is the person
        for cut in range(1, len(rest) - 1):
            name = " ".join(rest[cut:])
            end = rest[cut - 1].lower().strip(".,")
            if not (end in index.places or _org_word(rest[cut - 1], index)):
                continue
            person = classify(name, index)
            if person.kind is SourceKind.NAMED_PERSON and person.name == name:
                return attrs.evolve(person, descriptor=descriptor)
        return None
    if classify(after, index).kind is not SourceKind.NAMED_ORGANIZATION:
        return None
    return attrs.evolve(classify(before, index), descriptor=descriptor)


def _is_role(word: str, index: SourceIndex) -> bool:
    return word in index.individuals or word in index.lower_titles


# organisation words that are also ordinary name parts ("Kim Jong Un", "Us"): an
# organisation only when written as the acronym ("UN", "U.S.")
_ACRONYM_ORGS = frozenset({"un", "us", "uk", "eu", "u.s."})


def _org_word(word: str, index: SourceIndex) -> bool:
    """Whether a word of a mention is an organisation word ("Department", "UN", not "Un")."""
    lower = word.lower().strip(".,")
    if lower not in index.organizations:
        return False
    return lower not in _ACRONYM_ORGS or word.strip(".,").replace(".", "").isupper()


_DESCRIPTION_OPENERS = frozenset({"the", "a", "an", "one"})
_DESCRIPTION_LINKS = frozenset({"of", "for", "at", "in", "with", "from", "to", "who", "whose"})


def _name_then_description(descriptor: str, index: SourceIndex) -> Mention | None:
    """Read "Charlie King, a former executive director of ...": the name, then what it is.

    The words before the first comma must be a proper name (capitalised words, no
    determiner) and the words after it a description opening with a determiner ("the
    president of the union", "an associate editor for the Post") or a participle
    ("speaking with The Des Moines Register"). The description tells the kind: a person's
    role makes a person, an outlet's kind an outlet, an organisation word an organisation.
    """
    name, _, description = descriptor.partition(", ")
    name_words = name.split()
    rest = description.rstrip(" ,").split()
    if not name_words or not rest or len(name_words) > 5:
        return None
    if (
        not all(w[:1].isupper() for w in name_words)
        or name_words[0].lower() in _DESCRIPTION_OPENERS
    ):
        return None
    opener = rest[0].lower()
    if opener.endswith("ing") and rest[0].islower():
        # "Ben Carson, speaking with ...": the named one is speaking
        named = classify(name, index)
        return attrs.evolve(named, descriptor=descriptor) if named.kind.is_named else None
    # the description's own head: the word before its first preposition ("the *president*
    # of the union"), or its last word
    cut = next((k for k, w in enumerate(rest) if w in _DESCRIPTION_LINKS), len(rest))
    own_head = rest[max(0, cut - 1)].lower().strip(".,")
    role = own_head in index.individuals or own_head in index.lower_titles
    if not (
        opener in _DESCRIPTION_OPENERS
        or opener.endswith(("'s", "\u2019s"))
        or (rest[0].islower() and role)
    ):
        return None
    if own_head in index.outlet_heads or (
        cut == len(rest) and classify(" ".join(rest), index).kind is SourceKind.PUBLICATION
    ):
        # "Xinhua, the official Chinese news agency"
        return Mention(SourceKind.PUBLICATION, Plurality.ONE, name, descriptor, head=own_head)
    if own_head in index.organizations and not role:
        # "Teck, the Canadian mining company", "Priorities USA, a pro-Clinton super PAC"
        return Mention(
            SourceKind.NAMED_ORGANIZATION, Plurality.ONE, name, descriptor, head=own_head
        )
    person = classify(name, index)
    if person.kind is not SourceKind.NAMED_PERSON or person.name is None:
        return None
    if not role and not _reads_as_person(person.name.split(), index):
        return None  # "Teck, the founder of ...": one word, and no role to say it is a person
    # "Norma Samour, the owner of a shopping center", "Fred Kagan, director of ..."
    return Mention(
        SourceKind.NAMED_PERSON, Plurality.ONE, person.name, descriptor, head=person.head
    )


def _appositive_name(descriptor: str, index: SourceIndex) -> Mention | None:
    """Read "Cuba's ambassador to the US, Lianys Torres Rivera": the name after a role.

    The words after the last comma must read as a person's name, and the words before
    it as an unnamed official or an organisation's role; the person is affiliated with
    the organisation the role names.
    """
    role, _, name = descriptor.rpartition(", ")
    name_words = name.split()
    if not role or not 2 <= len(name_words) <= 6 or not all(w[:1].isupper() for w in name_words):
        return None
    person = classify(name, index)
    if person.kind is not SourceKind.NAMED_PERSON or person.name is None:
        return None
    if not _reads_as_person(person.name.split(), index):
        return None
    before = classify(role, index)
    has_role = before.kind is SourceKind.UNNAMED_INDIVIDUAL or any(
        w in index.individuals or w in index.lower_titles for w in role.lower().split()
    )
    if not has_role:
        return None
    return Mention(
        SourceKind.NAMED_PERSON, Plurality.ONE, person.name, descriptor, head=person.head
    )


def _place_possessive(words: list[str], descriptor: str, index: SourceIndex) -> Mention | None:
    """Read "Japan's NHK", "South Korea's military", "Cuba's ambassador, Lianys Torres Rivera".

    A country's or capital's possessive says whose the rest is: an outlet stays an outlet,
    a person or an unnamed official is affiliated with the place, and an organisation (a
    named one, or an organisation word: "coast guard", "military") is named with the place.
    """
    for size in (1, 2, 3):
        if len(words) <= size:
            return None
        last = words[size - 1]
        mark = next((m for m in ("\u2019s", "'s") if last.endswith(m)), None)
        if mark is None:
            continue
        owner = " ".join([*words[: size - 1], last[: -len(mark)]])
        if owner.lower() not in index.places:
            return None
        inner = classify(" ".join(words[size:]), index)
        if inner.kind is SourceKind.PUBLICATION:
            return attrs.evolve(inner, descriptor=descriptor)
        if inner.kind in (SourceKind.UNNAMED_INDIVIDUAL, SourceKind.UNNAMED_GROUP):
            return attrs.evolve(
                inner, descriptor=descriptor, affiliation=inner.affiliation or owner
            )
        if inner.kind is SourceKind.NAMED_PERSON:
            return attrs.evolve(inner, descriptor=descriptor)
        if inner.kind is SourceKind.NAMED_ORGANIZATION or inner.head in index.organizations:
            return Mention(
                SourceKind.NAMED_ORGANIZATION,
                Plurality.ONE,
                descriptor,
                descriptor,
                head=inner.head,
            )
        return None
    return None


def _has_outlet_suffix(words: list[str], index: SourceIndex) -> bool:
    return (
        len(words) >= 2
        and words[-1] in index.suffixes
        and all(w[:1].isupper() or w.lower() == "the" for w in words)
    )


def _affiliation(words: list[str], index: SourceIndex) -> str | None:
    """Find the capitalised run inside a common-noun mention ("U.S. State Department")."""
    run: list[str] = []
    best: list[str] = []
    for word in words[:-1]:
        if (
            word[:1].isupper()
            and word.lower() not in ("a", "an", "the")
            and word.lower() not in index.plural_determiners  # "Some Democratic senators"
            and "-" not in word
        ):
            run.append(word)
        else:
            if len(run) > len(best):
                best = run
            run = []
    if len(run) > len(best):
        best = run
    if not best:
        return None
    return " ".join(best).strip(",")


# lower-case words inside an organisation's name ("Joint Chiefs of Staff", "Bank for ...")
_NAME_LINKS = frozenset({"of", "for", "and", "on", "de"})
# a capitalised word of letters, any script's ("Rodríguez", "Díaz-Canel", "O'Brien")
_NAME_WORD = re.compile(
    r"(?:(?=[^\W\d_])[^\W\d_a-z])[^\W\d_A-Z]+(?:[-\u2019'](?:(?=[^\W\d_])[^\W\d_a-z])?[^\W\d_A-Z]+)*\.?"
)
_BY_AUTHOR = re.compile(r"\bby ((?:[A-Z][\w.&'/-]*)(?: (?:of |for |and )?[A-Z][\w.&'/-]*)*)[.,]?$")
_PARTY_TAG = re.compile(r"\s*\([^()]{1,20}\)$")


def _core(descriptor: str, index: SourceIndex) -> str:
    """Strip what does not change who a mention names.

    A trailing comma, a party tag, "'s", a participle phrase ("a survey released on Thursday").
    """
    core = descriptor.rstrip(" ,")
    core = _PARTY_TAG.sub("", core)
    words = core.split()
    cut = next((k for k in range(1, len(words)) if words[k] in index.participles), None)
    if cut is not None:
        words = words[:cut]
        core = " ".join(words)
    if len(words) >= 3 and words[-1].islower() and words[-1].endswith("ed"):
        core = " ".join(words[:-1])  # "A news report published", "an article released"
    for mark in ("\u2019s", "'s"):
        if core.endswith(mark) and core[: -len(mark)][-1:].isalpha():
            last = core[: -len(mark)].split()[-1:]
            if last and (last[0][:1].isupper() or len(last[0]) > 3):  # "the minister's"
                core = core[: -len(mark)]
    return core


def _titled_name(words: list[str], index: SourceIndex) -> str | None:
    """Return the name after the last title or role word ("Former Mexico leader Calderon")."""
    for at in range(len(words) - 2, -1, -1):
        word = words[at]
        role = word.islower() and (
            word in index.individuals
            or (at + 2 < len(words) and word not in ("of", "and", "for", "the", "a", "an", "to"))
        )
        if word in index.titles or role:
            rest = words[at + 1 :]
            if (
                rest
                and (len(rest) >= 2 or not rest[0].isupper())
                and all(w[:1].isupper() for w in rest)
                and not any(_org_word(w, index) for w in rest)
            ):
                return " ".join(rest)
            return _office_holder(rest, index) if rest[:1] == ["of"] else None
    return None


def _office_holder(rest: list[str], index: SourceIndex) -> str | None:
    """Return the name after a title's office ("[Secretary] of State Marco Rubio": Marco Rubio).

    The name is the last two or three capitalised words, not reaching back past a word of
    the office (an organisation or office word of the lexicon, or a place).
    """
    name: list[str] = []
    for word in reversed(rest[1:]):
        lower = word.lower().strip(".,")
        if (
            len(name) >= 3
            or not _NAME_WORD.fullmatch(word)
            or _org_word(word, index)
            or lower in index.offices
            or lower in index.places
        ):
            break
        name.insert(0, word)
    if len(name) < 2 or len(name) == len(rest) - 1:
        return None  # no office left before the name: "Secretary of State" alone
    return " ".join(name)


_REPORT_NOUNS = frozenset({"story", "article", "tally", "average", "count", "analysis"})


def _after_outlet_head(words: list[str], index: SourceIndex) -> str | None:
    """Return the name after a kind of outlet ("newspaper Haaretz" is Haaretz), if any."""
    at = next(
        (k for k in range(len(words) - 2, -1, -1) if words[k].lower() in index.outlet_heads),
        None,
    )
    if at is None:
        return None
    name = words[at + 1 :]
    if not name or not all(w[:1].isupper() for w in name):
        return None
    return " ".join(name).removesuffix("\u2019s").removesuffix("'s").strip(",")


def _outlet_of_report(words: list[str], head: str, index: SourceIndex) -> str | None:
    """Return the outlet a report noun names, if any.

    "the Yonhap report", "a CNN tally", "a new article in Politico", "the RealClearPolitics
    polling average".
    """
    if len(words) < 2:
        return None
    nouns = index.vague | index.documents | _REPORT_NOUNS
    at = next((k for k, w in enumerate(words) if w.lower() in nouns), None)
    if at is None or (words[-1].lower() not in nouns and words[at + 1 : at + 2] != ["in"]):
        return None
    if words[-1].lower() in nouns:
        run = [w for w in words[:-1] if w[:1].isupper() and w.lower() not in ("a", "an", "the")]
    else:
        run = [w for w in words[at + 2 :] if w.lower() != "the"]
    name = " ".join(run).removesuffix("\u2019s").removesuffix("'s")
    if name and (name.lower() in index.publications or _has_outlet_suffix(name.split(), index)):
        return name
    return None


def _outlet_show(words: list[str], index: SourceIndex) -> str | None:
    """Return "ABC's This Week" when an outlet's possessive opens a capitalised name."""
    if len(words) < 2 or not all(w[:1].isupper() or w.lower() == "the" for w in words[1:]):
        return None
    first = words[0]
    for mark in ("\u2019s", "'s", "\u2019", "'"):
        if first.endswith(mark):
            owner = first[: -len(mark)].lower()
            if owner in index.publications and not _reads_as_person(words[1:], index):
                return " ".join(words)
    return None


def _outlet_person(words: list[str], index: SourceIndex) -> tuple[str, str] | None:
    """Return the name and outlet of "CNN's Dana Bash", "Fox News' Chris Wallace"."""
    for size in (1, 2, 3):
        if len(words) <= size:
            return None
        last = words[size - 1]
        for mark in ("\u2019s", "'s", "\u2019", "'"):
            if last.endswith(mark):
                owner = " ".join([*words[: size - 1], last[: -len(mark)]])
                if owner.lower() in index.publications and _reads_as_person(words[size:], index):
                    return " ".join(words[size:]), owner
                break
    return None


def _reads_as_person(words: list[str], index: SourceIndex) -> bool:
    """Whether the words after an outlet's possessive name a person ("CNN's Dana Bash").

    Two or three capitalised words of letters, none a time word or a determiner: "Chris
    Wallace" and "Greta Van Susteren" read as people, "This Week", "Meet the Press" and
    "Morning Joe" as programmes.
    """
    return 2 <= len(words) <= 3 and all(
        _NAME_WORD.fullmatch(w) and w.lower().rstrip(".") not in index.not_in_names for w in words
    )


def _located(words: list[str], index: SourceIndex) -> Mention | None:
    """Read "Authorities in Jamaica", "a spokesman for the ministry", "officials at the UN".

    A common head noun of a person, group or document before "in", "for", "at", "of" or
    "from" is the source's kind; the capitalised name after it is the affiliation.
    """
    for at, word in enumerate(words[1:-1], start=1):
        head = words[at - 1].lower().strip(",")
        if (
            at - 1 > 0
            and words[at - 1][:1].isupper()
            and words[0][:1].isupper()
            and words[at - 1] not in index.titles
        ):
            # "Joint Chiefs of Staff": a capitalised head inside a name; a plural head of
            # people makes the name an organisation's, not a person's from somewhere
            plural = head in index.groups or (head.endswith("s") and head[:-1] in index.individuals)
            if plural and word in ("of", "for"):
                name = " ".join(words[1:] if words[0].lower() == "the" else words)
                return Mention(
                    SourceKind.NAMED_ORGANIZATION, Plurality.ONE, name, " ".join(words), head=head
                )
            return None
        if word == "by" and head in index.documents:
            # "a tweet by lawyer Michael Smith": the author
            author = classify(" ".join(words[at + 1 :]), index)
            return author if author.kind.is_named else None
        if (word.islower() and word.endswith(("ed", "ing"))) or word in ("familiar", "close"):
            # "a source briefed on U.S. discussions", "people familiar with the planning"
            if head in index.groups or (head.endswith("s") and head[:-1] in index.individuals):
                return Mention(
                    SourceKind.UNNAMED_GROUP, Plurality.SEVERAL, None, " ".join(words), None, head
                )
            if head in index.individuals:
                return Mention(
                    SourceKind.UNNAMED_INDIVIDUAL, Plurality.ONE, None, " ".join(words), None, head
                )
        if word.lower() not in ("in", "for", "at", "of", "from"):
            continue
        if head in index.documents and word in ("of", "in", "from"):
            # "a recent poll of Indiana voters": the poll
            return Mention(SourceKind.DOCUMENT, Plurality.ONE, None, " ".join(words), None, head)
        rest = [w for w in words[at + 1 :] if w.lower() != "the"]
        if not rest or not (
            rest[0][:1].isupper()
            and rest[-1][:1].isupper()
            and all(w[:1].isupper() or w in _NAME_LINKS for w in rest)
        ):
            return None  # "the Joint Chiefs of Staff" is a name, "the people of Iowa" too
        affiliation = " ".join(rest)
        descriptor = " ".join(words)
        holder = (
            _office_holder(words[at:], index)
            if word == "of" and words[at - 1] in index.titles
            else None
        )
        if holder is not None:
            # "Secretary of State Antony Blinken": the office, then who holds it
            return Mention(SourceKind.NAMED_PERSON, Plurality.ONE, holder, descriptor, head=head)
        if head in index.groups or (head.endswith("s") and head[:-1] in index.individuals):
            return Mention(
                SourceKind.UNNAMED_GROUP, Plurality.SEVERAL, None, descriptor, affiliation, head
            )
        if head in index.individuals:
            return Mention(
                SourceKind.UNNAMED_INDIVIDUAL, Plurality.ONE, None, descriptor, affiliation, head
            )
        return None
    return None


def _plural_group(head: str, index: SourceIndex) -> bool:
    """Tell a capitalised plural ("Democrats", "Republicans") from a surname ("Sanders")."""
    if head[:-1] in index.titles:
        return False
    return (
        head in index.groups
        or head[:-1] in index.individuals
        or head[:-1] in index.groups
        or head.endswith(("ans", "ats", "ives", "als", "ists", "ites", "ians"))
    )


def _strip_title(words: list[str], index: SourceIndex) -> str:
    rest = list(words)
    while len(rest) > 1 and rest[0] in index.titles:
        rest.pop(0)
    origin = next((k for k, w in enumerate(rest) if w in ("of", "from")), None)
    if origin is not None and origin >= 2 and all(w[:1].isupper() for w in rest[:origin]):
        # "Donald Hartley of Madison", "Bernie Sanders of Vermont": where the person is from
        rest = rest[:origin]
    return " ".join(rest)
