"""Attribution cues: speech and cognition verbs in all their forms, and phrase cues.

A sentence is read as a list of :class:`Token`; :func:`find_cues` returns every
token run that can introduce an attribution, with the mode the lexicon gives it.
Verb forms are produced from the lexicon's lemmas by the regular English
inflection rules plus the lexicon's irregular forms; a verb only counts when it
is written in lower case, is not preceded by a determiner (a noun: "the call"),
is not a passive participle ("is being considered"), and, for control verbs,
is not followed by "to" ("continued to follow").
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import attrs

from provenance.extraction.lexicon import Lexicon
from provenance.vocabulary import AttributionMode

__all__ = ["Cue", "CueIndex", "Token", "cue_index", "find_cues", "inflections", "tokenize"]

_TOKEN = re.compile(r"[^\W_]+(?:[.'\u2019\-][^\W_]+)*\.?|\S")
_VOWELS = frozenset("aeiou")


class Token(NamedTuple):
    """One word or punctuation mark of a sentence.

    A named tuple rather than an attrs class: the extractor makes one per word of every
    sentence, and a tuple is built and read several times faster.
    """

    start: int
    """Index of its first character in the document text."""
    end: int
    """Index one past its last character."""
    text: str
    """Its characters."""

    @property
    def lower(self) -> str:
        """The text in lower case, without a final period."""
        return self.text.lower().rstrip(".") or self.text

    @property
    def is_word(self) -> bool:
        """Whether it is a word (not punctuation)."""
        return self.text[0].isalnum()


@attrs.frozen
class Cue:
    """A cue found in a sentence: tokens ``[first, last]`` (inclusive) and what it sets."""

    first: int
    """Index of the cue's first token (after any absorbed auxiliaries)."""
    head: int
    """Index of the verb or phrase's first token."""
    last: int
    """Index of the cue's last token."""
    mode: AttributionMode
    """The attribution mode the cue sets."""
    lemma: str
    """The verb lemma or the phrase."""
    kind: str
    """``verb``, ``phrase``, ``report`` ("reports came to light") or ``noun`` (a nominal cue
    after a possessor: "her criticism of")."""


@attrs.frozen
class CueIndex:
    """The lexicon's cue entries compiled for lookup."""

    forms: dict[str, tuple[str, AttributionMode]]
    """Each inflected verb form to its lemma and mode."""
    phrases: tuple[tuple[tuple[str, ...], AttributionMode], ...]
    """Phrase cues as lower-case word tuples, longest first."""
    control: frozenset[str]
    """Lemmas that are no cue before "to"."""
    auxiliaries: frozenset[str]
    """Words absorbed into a verb cue on its left."""
    report_events: tuple[tuple[str, ...], ...]
    """Nominal-cue predicates as word tuples, longest first."""
    vague_heads: frozenset[str]
    """Head nouns of vague sources."""
    passive_cues: frozenset[str]
    """Lemmas that stay cues in the passive ("was asked")."""
    phrase_starts: dict[str, tuple[tuple[tuple[str, ...], AttributionMode], ...]] = attrs.field(
        factory=dict
    )
    """``phrases`` grouped by their first word, for lookup."""
    governors: frozenset[str] = frozenset()
    """Words that govern an infinitive cue and join it ("plans to say", "went on to explain")."""
    verb_phrase_starts: dict[str, tuple[tuple[tuple[str, ...], AttributionMode], ...]] = (
        attrs.field(factory=dict)
    )
    """Multi-word verb cues as word tuples, grouped by their first word, longest first."""
    nouns: dict[str, AttributionMode] = attrs.field(factory=dict)
    """Nominal cues ("claim", "criticism") to the mode each sets."""
    noun_links: frozenset[str] = frozenset()
    """Words after a nominal cue that open its content ("that", "of")."""
    determiners: frozenset[str] = frozenset()
    """Determiners: a cue word after one is a noun."""
    possessives: frozenset[str] = frozenset()
    """Possessive determiners that own a nominal cue."""
    be_forms: frozenset[str] = frozenset()
    """Forms of "be" that make a participle passive."""
    participles: frozenset[str] = frozenset()
    """Participles that open a phrase after a noun ("a statement *posted* on its website")."""
    adverbs: frozenset[str] = frozenset()
    """Adverbs allowed between "be" and a participle."""
    clause_only: frozenset[str] = frozenset()
    """Lemmas that are a cue only before a clause or quotation."""


def tokenize(
    text: str, start: int, end: int, abbreviations: frozenset[str] = frozenset()
) -> list[Token]:
    """Split ``text[start:end]`` into tokens (linear; offsets are into ``text``).

    A final period stays on a word only when it is an abbreviation ("Mr.", "U.S.",
    an initial); otherwise it is a token of its own.
    """
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        if (
            len(word) > 1
            and word.endswith(".")
            and word not in abbreviations
            and "." not in word[:-1]
            and not (len(word) == 2 and word[0].isupper())
        ):
            tokens.append(Token(match.start(), match.end() - 1, word[:-1]))
            tokens.append(Token(match.end() - 1, match.end(), "."))
        else:
            tokens.append(Token(match.start(), match.end(), word))
    return tokens


def inflections(lemma: str) -> set[str]:
    """Return the regular forms of an English verb: base, -s, -ed and -ing."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.add(lemma + "d")
        forms.add(lemma[:-1] + "ing" if not lemma.endswith(("ee", "ye", "oe")) else lemma + "ing")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms.add(lemma[:-1] + "ied")
        forms.add(lemma + "ing")
    else:
        forms.add(lemma + "ed")
        forms.add(lemma + "ing")
    return forms


@functools.lru_cache(maxsize=8)
def cue_index(lexicon: Lexicon) -> CueIndex:
    """Compile ``lexicon``'s cue entries (cached per lexicon)."""
    irregular = dict(lexicon.irregular_forms)
    forms: dict[str, tuple[str, AttributionMode]] = {}
    past_only = frozenset(lexicon.past_only_verbs)
    excluded = frozenset(form.lower() for form in lexicon.excluded_forms)
    for lemma, mode in lexicon.verbs:
        regular = set() if lemma in past_only else inflections(lemma)
        for form in sorted(regular | set(irregular.get(lemma, ()))):
            if form not in excluded:
                forms.setdefault(form, (lemma, AttributionMode(mode)))
    phrases = sorted(
        (
            (tuple(phrase.lower().split()), AttributionMode(mode))
            for phrase, mode in lexicon.phrases
        ),
        key=lambda item: -len(item[0]),
    )
    events = sorted(
        (tuple(e.lower().split()) for e in lexicon.report_events), key=lambda e: -len(e)
    )
    starts: dict[str, list[tuple[tuple[str, ...], AttributionMode]]] = {}
    for words, mode in phrases:
        if words:
            starts.setdefault(words[0], []).append((words, mode))
    verb_starts: dict[str, list[tuple[tuple[str, ...], AttributionMode]]] = {}
    for phrase, mode in sorted(lexicon.verb_phrases, key=lambda item: -len(item[0].split())):
        words = tuple(phrase.lower().split())
        if words:
            verb_starts.setdefault(words[0], []).append((words, AttributionMode(mode)))
    return CueIndex(
        forms=forms,
        phrases=tuple(phrases),
        control=frozenset(lexicon.control_verbs),
        auxiliaries=frozenset(word.lower() for word in lexicon.auxiliaries),
        report_events=tuple(events),
        vague_heads=frozenset(word.lower() for word in lexicon.vague_heads),
        passive_cues=frozenset(lexicon.passive_cues),
        phrase_starts={word: tuple(entries) for word, entries in starts.items()},
        governors=frozenset(word.lower() for word in lexicon.infinitive_governors),
        verb_phrase_starts={word: tuple(entries) for word, entries in verb_starts.items()},
        nouns={noun.lower(): AttributionMode(mode) for noun, mode in reversed(lexicon.nouns)},
        noun_links=frozenset(word.lower() for word in lexicon.noun_links),
        determiners=frozenset(word.lower() for word in lexicon.determiners),
        possessives=frozenset(word.lower() for word in lexicon.possessives),
        be_forms=frozenset(word.lower() for word in lexicon.be_forms),
        participles=frozenset(word.lower() for word in lexicon.source_participles),
        adverbs=frozenset(word.lower() for word in lexicon.cue_adverbs),
        clause_only=frozenset(word.lower() for word in lexicon.clause_only_verbs),
    )


def _matches(tokens: list[Token], at: int, words: tuple[str, ...]) -> bool:
    if at + len(words) > len(tokens):
        return False
    return all(tokens[at + k].text.lower() == word for k, word in enumerate(words))


def find_cues(tokens: list[Token], quoted: list[bool], index: CueIndex) -> list[Cue]:
    """Every cue among ``tokens`` outside quotations (``quoted[i]`` marks quoted tokens)."""
    cues: list[Cue] = []
    i = 0
    count = len(tokens)
    title_case = _is_title_case(tokens)
    while i < count:
        if quoted[i]:
            i += 1
            continue
        token = tokens[i]
        phrase = _phrase_at(tokens, i, index)
        if phrase is not None:
            words, mode = phrase
            cues.append(Cue(i, i, i + len(words) - 1, mode, " ".join(words), "phrase"))
            i += len(words)
            continue
        lower = token.text.lower()
        if lower in index.vague_heads and (token.text[0].islower() or i == 0):
            event = _report_event_after(tokens, i + 1, index)
            if event is not None:
                cues.append(
                    Cue(i + 1, i + 1, i + len(event), AttributionMode.REPORTED, lower, "report")
                )
                i += len(event) + 1
                continue
        verb_phrase = _verb_phrase_at(tokens, quoted, i, index)
        if verb_phrase is not None:
            words, mode = verb_phrase
            first = _absorb_auxiliaries(tokens, quoted, i, index)
            cues.append(Cue(first, i, i + len(words) - 1, mode, " ".join(words), "verb"))
            i += len(words)
            continue
        noun = _nominal_at(tokens, quoted, i, index)
        if noun is not None:
            cues.append(noun)
            i = noun.last + 1
            continue
        entry = index.forms.get(lower)
        if (
            entry is not None
            and (token.text[0].islower() or (title_case and i > 0))
            and _is_verb_use(tokens, i, entry, index)
        ):
            lemma, mode = entry
            first = _absorb_auxiliaries(tokens, quoted, i, index)
            if lower == lemma:
                first = _absorb_infinitive(tokens, quoted, first, index)
                while cues and cues[-1].head >= first:
                    cues.pop()  # "wants" is part of "wants to tell"
            cues.append(Cue(first, i, i, mode, lemma, "verb"))
        i += 1
    return cues


def _verb_phrase_at(
    tokens: list[Token], quoted: list[bool], at: int, index: CueIndex
) -> tuple[tuple[str, ...], AttributionMode] | None:
    """Find a multi-word verb cue ("made it clear") starting at token ``at``, outside quotes."""
    word = tokens[at].text
    if not word[:1].islower() or (at > 0 and tokens[at - 1].text.lower() in index.determiners):
        return None
    for words, mode in index.verb_phrase_starts.get(word, ()):
        if _matches(tokens, at, words) and not any(quoted[at : at + len(words)]):
            return words, mode
    return None


def _nominal_at(tokens: list[Token], quoted: list[bool], at: int, index: CueIndex) -> Cue | None:
    """Find a nominal cue after a possessor: "his *criticism of*", "Trump's *claim* that".

    The cue takes a following preposition; "that" and "to" open the content.
    """
    mode = index.nouns.get(tokens[at].text.lower())
    if mode is None or at == 0 or at + 1 >= len(tokens) or quoted[at - 1]:
        return None
    before = tokens[at - 1].text
    if before.lower() not in index.possessives and not before.endswith(("'s", "\u2019s")):
        return None
    link = tokens[at + 1].text.lower()
    if link not in index.noun_links or quoted[at + 1]:
        return None
    last = at if link in ("that", "to") else at + 1
    return Cue(at, at, last, mode, tokens[at].text.lower(), "noun")


def _absorb_auxiliaries(tokens: list[Token], quoted: list[bool], at: int, index: CueIndex) -> int:
    """Return the index of the first of up to two auxiliaries or adverbs before token ``at``."""
    first = at
    while (
        first > 0
        and first > at - 3
        and not quoted[first - 1]
        and (
            tokens[first - 1].text.lower() in index.auxiliaries
            or (tokens[first - 1].text.endswith("ly") and tokens[first - 1].text.islower())
        )
    ):
        first -= 1
    return first


def _absorb_infinitive(tokens: list[Token], quoted: list[bool], first: int, index: CueIndex) -> int:
    """Extend a cue over the verb that governs it: "went on to explain", "continued to assure".

    Token ``first`` is a bare infinitive after "to"; the cue then starts at the governing verb
    (past "on", auxiliaries and adverbs), so that its subject is the source.
    """
    if first < 2 or tokens[first - 1].text.lower() != "to" or quoted[first - 2]:
        return first
    governor = first - 2
    if tokens[governor].text.lower() == "on" and governor > 0:
        governor -= 1
    word = tokens[governor].text
    lower = word.lower()
    if not (word.isalpha() and word.islower()) or lower in index.determiners:
        return first
    if not (lower in index.forms or lower in index.governors or lower.endswith(("ed", "s"))):
        return first
    return _absorb_auxiliaries(tokens, quoted, governor, index)


def _is_title_case(tokens: list[Token]) -> bool:
    """Tell whether a sentence is a headline in title case ("Trump Says He Will Win")."""
    long_words = [t.text for t in tokens if len(t.text) > 3 and t.text[0].isalpha()]
    if len(long_words) < 3:
        return False
    capitalized = sum(1 for w in long_words if w[0].isupper())
    return capitalized * 5 >= len(long_words) * 4


def _phrase_at(
    tokens: list[Token], at: int, index: CueIndex
) -> tuple[tuple[str, ...], AttributionMode] | None:
    for words, mode in index.phrase_starts.get(tokens[at].text.lower(), ()):
        if _matches(tokens, at, words):
            if words == ("per",) and (at == 0 or tokens[at - 1].text != ","):
                continue
            return words, mode
    return None


def _report_event_after(tokens: list[Token], at: int, index: CueIndex) -> tuple[str, ...] | None:
    for words in index.report_events:
        if _matches(tokens, at, words):
            return words
    return None


def _is_verb_use(
    tokens: list[Token], at: int, entry: tuple[str, AttributionMode], index: CueIndex
) -> bool:
    lemma, _ = entry
    before = tokens[at - 1].text.lower() if at > 0 else ""
    after = tokens[at + 1].text.lower() if at + 1 < len(tokens) else ""
    word = tokens[at].text.lower()
    if before in index.determiners and before != "that":
        return False
    if lemma in index.control and after == "to":
        return False
    if lemma in index.clause_only and not any(
        t.text in ("that", ":", '"', "\u201c") for t in tokens[at + 1 : at + 9]
    ):
        return False  # "posted the apology", "contemplates a run"
    if (
        word in index.participles
        and _noun_before(tokens, at, index)
        and _cue_later(tokens, at, index)
    ):
        return False  # "A Taliban statement posted on its website claimed the attack"
    participle = word.endswith(("ed", "en", "wn")) or word in ("said", "told", "thought", "found")
    if participle and lemma not in index.passive_cues and _after_be(tokens, at, index):
        return after == "by"
    return True


def _noun_before(tokens: list[Token], at: int, index: CueIndex) -> bool:
    """Whether a plain word, not an auxiliary, a form of "be" or a pronoun, stands before."""
    if at == 0 or not tokens[at - 1].is_word:
        return False
    before = tokens[at - 1].lower
    return (
        before not in index.auxiliaries
        and before not in index.be_forms
        and before not in ("he", "she", "it", "they", "we", "i", "you", "who", "which", "that")
    )


def _cue_later(tokens: list[Token], at: int, index: CueIndex) -> bool:
    """Whether another verb cue form follows in the next twelve tokens."""
    return any(t.lower in index.forms for t in tokens[at + 1 : at + 13])


def _after_be(tokens: list[Token], at: int, index: CueIndex) -> bool:
    """Tell whether a form of "be" stands before token ``at``, past up to two adverbs."""
    for back in range(at - 1, max(-1, at - 4), -1):
        word = tokens[back].text.lower()
        if word in index.be_forms:
            return True
        if not (word.endswith("ly") or word in index.adverbs):
            return False
    return False
