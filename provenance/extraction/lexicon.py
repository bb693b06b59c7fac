"""The cue, hedge and source lexicons the extractor's rules read.

The rules of :mod:`provenance.extraction` live in data: a :class:`Lexicon` is a
frozen record of word lists (speech and cognition verbs with the attribution
mode each sets, phrase cues, hedge cues with their category and the factuality
they set, source head nouns, publication names, boilerplate markers). The
packaged default is read lazily from ``default_lexicon.json`` on first use; a
user extends it with :meth:`Lexicon.extended` or :func:`load_lexicon` (a JSON
file of the same shape, whose entries are added to the default's).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from provenance.errors import InvalidValue
from provenance.vocabulary import AttributionMode, Factuality, HedgeCategory

__all__ = ["Lexicon", "Pairs", "Words", "load_lexicon"]

Pairs = tuple[tuple[str, str], ...]
"""Pairs of words, such as a verb and its preposition."""
Words = tuple[str, ...]
"""A list of words or phrases, as the lexicon holds it."""

_PAIR_FIELDS = ("verbs", "phrases", "hedges", "hedge_factuality")
_GROUPED_FIELDS = {
    "verbs",
    "verb_phrases",
    "phrases",
    "nouns",
    "hedges",
    "stances",
    "hedge_not_after",
    "hedge_not_before",
}


def _words(value: Iterable[str]) -> Words:
    return tuple(value)


def _pairs(value: Iterable[tuple[str, str]] | Iterable[list[str]]) -> Pairs:
    return tuple((str(a), str(b)) for a, b in value)


def _forms(value: Iterable[tuple[str, Iterable[str]]]) -> tuple[tuple[str, Words], ...]:
    return tuple((lemma, tuple(forms)) for lemma, forms in value)


def _groups(value: Iterable[Iterable[str]]) -> tuple[Words, ...]:
    return tuple(tuple(group) for group in value)


@attrs.frozen
class Lexicon:
    """Word lists the extraction rules read; every field is a tuple, so a lexicon is hashable.

    Pair fields hold ``(entry, value)`` tuples: ``verbs`` maps a verb lemma to the
    :class:`~provenance.vocabulary.AttributionMode` it sets, ``phrases`` a phrase cue
    ("according to") to its mode, ``hedges`` a hedge cue to its
    :class:`~provenance.vocabulary.HedgeCategory` and ``hedge_factuality`` a category to the
    :class:`~provenance.vocabulary.Factuality` value it sets.
    """

    verbs: Pairs = attrs.field(default=(), converter=_pairs)
    """Attribution verb lemmas with the mode each sets (first entry for a lemma wins)."""
    verb_phrases: Pairs = attrs.field(default=(), converter=_pairs)
    """Multi-word verb cues in each written form, with their mode ("made it clear", "shot
    back", "voted against"): the subject on their left is the source, like a verb's."""
    irregular_forms: tuple[tuple[str, Words], ...] = attrs.field(default=(), converter=_forms)
    """Inflected forms that the regular rules do not produce ("said", "thought")."""
    past_only_verbs: Words = attrs.field(default=(), converter=_words)
    """Verbs that count only in the forms ``irregular_forms`` lists ("stated", not "states",
    which is mostly a noun)."""
    excluded_forms: Words = attrs.field(default=(), converter=_words)
    """Inflected forms that are no cue although their lemma is one ("supports", "seeking")."""
    passive_cues: Words = attrs.field(default=(), converter=_words)
    """Verbs that stay cues in the passive, the subject being the source ("was asked")."""
    statement_verbs: Words = attrs.field(default=(), converter=_words)
    """Verbs of "X issued the following statement:" (written forms); the quoted paragraphs
    after such a paragraph are X's words."""
    clause_only_verbs: Words = attrs.field(default=(), converter=_words)
    """Verbs that are a cue only when a clause or quotation follows within a few words
    ("posted on Facebook that ...", not "posted the apology")."""
    control_verbs: Words = attrs.field(default=(), converter=_words)
    """Verbs that are no cue when followed by "to" ("continued to follow")."""
    phrases: Pairs = attrs.field(default=(), converter=_pairs)
    """Multi-word or non-verbal cues ("according to", "citing") with their mode."""
    nouns: Pairs = attrs.field(default=(), converter=_pairs)
    """Nominal cues after a possessor, with their mode: "Trump's *claim* that ...", "her
    *criticism* of ..." (the possessor is the source)."""
    noun_links: Words = attrs.field(default=(), converter=_words)
    """Words after a nominal cue that open its content ("that", "to", "of", "on")."""
    report_events: Words = attrs.field(default=(), converter=_words)
    """Predicates of nominal cues: "reports *came to light* that ..."."""
    infinitive_governors: Words = attrs.field(default=(), converter=_words)
    """Words before "to" that join an infinitive cue ("plans to say", "went on to explain");
    past-tense and -s verb forms and the verb forms of ``verbs`` join it without being listed."""
    auxiliaries: Words = attrs.field(default=(), converter=_words)
    """Words before a verb that belong to the cue ("has", "also")."""
    venue_phrases: Words = attrs.field(default=(), converter=_words)
    """Words before a news outlet that say a person spoke to it ("in an interview with",
    "speaking to"): what that person says later in the article, the outlet relays."""
    poll_shares: Words = attrs.field(default=(), converter=_words)
    """Words of a share of those polled ("26 percent of Democrats", "a majority of
    respondents"): such a source, with a poll met a few sentences before, is the poll."""
    number_words: Words = attrs.field(default=(), converter=_words)
    """Numbers written as words, for shares written as a ratio ("two in three")."""
    medium_words: Words = attrs.field(default=(), converter=_words)
    """What a statement came through ("statement", "interview")."""
    recipients: Words = attrs.field(default=(), converter=_words)
    """Whom something was told ("the press", "reporters")."""
    vague_heads: Words = attrs.field(default=(), converter=_words)
    """Head nouns of vague sources ("reports")."""
    group_heads: Words = attrs.field(default=(), converter=_words)
    """Head nouns of unnamed groups ("analysts")."""
    individual_heads: Words = attrs.field(default=(), converter=_words)
    """Head nouns of unnamed individuals ("official", "spokesperson")."""
    survey_heads: Words = attrs.field(default=(), converter=_words)
    """Head nouns of polls, which are sources after "in" ("in a CNN poll released Monday")."""
    non_source_words: Words = attrs.field(default=(), converter=_words)
    """Words that alone never name a source though they open a sentence ("However", "After",
    "There"): a verb cue whose source would be one of them keeps its content and cue but is
    drafted with no source named."""
    partitive_heads: Words = attrs.field(default=(), converter=_words)
    """Words a source mention continues past "of" ("half of respondents", "members of")."""
    time_words: Words = attrs.field(default=(), converter=_words)
    """Time words that may stand between a source and its cue ("Trump on Tuesday said")."""
    document_heads: Words = attrs.field(default=(), converter=_words)
    """Head nouns of documents ("poll", "report", "memo")."""
    head_synonyms: tuple[Words, ...] = attrs.field(default=(), converter=_groups)
    """Groups of head nouns naming the same role ("spokesman", "spokesperson")."""
    office_words: Words = attrs.field(default=(), converter=_words)
    """Words naming an office after a title ("Secretary of Homeland Security"): the
    person's name after them never takes them in."""
    outlet_names: tuple[Words, ...] = attrs.field(default=(), converter=_groups)
    """Groups of names of one outlet ("AP", "Associated Press"): a dateline's wire credit or
    the publisher under one of them makes every other name of its group the text's author."""
    organization_words: Words = attrs.field(default=(), converter=_words)
    """Words that make a name an organisation's ("government", "Department")."""
    publications: Words = attrs.field(default=(), converter=_words)
    """Names of news outlets and agencies."""
    publication_suffixes: Words = attrs.field(default=(), converter=_words)
    """Last words of outlet names ("News", "Times")."""
    person_titles: Words = attrs.field(default=(), converter=_words)
    """Titles before a person's name ("Mr.", "Sen.")."""
    countries: Words = attrs.field(default=(), converter=_words)
    """Country names as news writes them ("Russia", "the United States", "Britain"): as a
    source, the country's government, an organisation. Names that are also common first
    names ("Chad", "Jordan") are left out of the default."""
    capitals: Words = attrs.field(default=(), converter=_words)
    """Capital cities, which stand for their government as a source ("Pyongyang said")."""
    demonyms: Words = attrs.field(default=(), converter=_words)
    """Nationality adjectives ("Israeli", "Syrian"): "Israeli media reports" is vague media,
    "the Syrian Observatory" still a name."""
    pronouns: Words = attrs.field(default=(), converter=_words)
    """Pronouns that can stand as a source ("he", "who")."""
    abbreviations: Words = attrs.field(default=(), converter=_words)
    """Words whose final period does not end a sentence ("Mr.", "U.S.")."""
    clause_breaks: Words = attrs.field(default=(), converter=_words)
    """Where a reported content ends inside a sentence (", but ")."""
    clause_openers: Words = attrs.field(default=(), converter=_words)
    """Words and marks before a new clause's subject ("while", "because", ","): a cue whose
    source follows one inside another cue's content starts an attribution of its own there."""
    participle_links: Words = attrs.field(default=(), converter=_words)
    """Words and marks before an -ing cue whose source is the sentence's earlier source
    ("X said A, adding B", "Cruz replied, before adding that ...", "by accusing him")."""
    hedges: Pairs = attrs.field(default=(), converter=_pairs)
    """Hedge cues with their category."""
    stances: Pairs = attrs.field(default=(), converter=_pairs)
    """Stances towards reports, with the factuality each sets for its holder: "declined to
    confirm" (``Uu``), "denied" (``CT-``), "skeptical about" (``PR-``). In "X declined to
    confirm reports that Y", Y keeps the reports' chain and X's stance is recorded on it."""
    stance_objects: Words = attrs.field(default=(), converter=_words)
    """Nouns a stance is taken towards ("reports", "claims", "allegations")."""
    hedge_factuality: Pairs = attrs.field(default=(), converter=_pairs)
    """The factuality each hedge category sets for the source it qualifies."""
    hedge_not_after: Pairs = attrs.field(default=(), converter=_pairs)
    """``(word, cue)``: the hedge cue is none right after the word ("asked *if*" is a
    question, not a condition); JSON: an object from cue to the words."""
    hedge_not_before: Pairs = attrs.field(default=(), converter=_pairs)
    """``(word, cue)``: the hedge cue is none right before the word ("*could* not respond"
    is inability, not doubt); JSON: an object from cue to the words."""
    lowercase_hedges: Words = attrs.field(default=(), converter=_words)
    """Hedge cues that count only written in lower case, or opening a sentence when no digit
    follows ("may", not the month "May" nor "Theresa May")."""
    hedge_categories_extracted: Words = attrs.field(default=(), converter=_words)
    """The hedge categories the extractor records (the others are listed but not drafted)."""
    generic_cues: Words = attrs.field(default=(), converter=_words)
    """Impersonal attributions ("it is believed")."""
    non_speaker_labels: Words = attrs.field(default=(), converter=_words)
    """Labels before a colon that name no speaker ("Q", "Contributing", "Breaking"); a label
    whose first word is listed is no speaker either."""
    boilerplate: Words = attrs.field(default=(), converter=_words)
    """Markers of paragraphs that are no part of the article (newsletter footers)."""
    # closed classes of function words the rules read (see docs/reference/lexicon.md)
    determiners: Words = attrs.field(default=(), converter=_words)
    """Determiners: a cue word after one is a noun ("the report"), not a verb."""
    possessives: Words = attrs.field(default=(), converter=_words)
    """Possessive determiners that own a nominal cue ("*her* criticism of")."""
    be_forms: Words = attrs.field(default=(), converter=_words)
    """Forms of "be" (and "get") that make a participle passive ("was told")."""
    cue_adverbs: Words = attrs.field(default=(), converter=_words)
    """Adverbs that may stand between "be" and a participle ("was also told")."""
    plural_determiners: Words = attrs.field(default=(), converter=_words)
    """Determiners that make a vague mention plural ("several reports")."""
    sentence_openers: Words = attrs.field(default=(), converter=_words)
    """Capitalised words that typically open a sentence ("He", "The"), case as written: a
    period before one ends a sentence even after an abbreviation."""
    left_boundaries: Words = attrs.field(default=(), converter=_words)
    """Words a source mention never extends left past ("that", "and", "in")."""
    right_boundaries: Words = attrs.field(default=(), converter=_words)
    """Words a source mention read rightwards stops before ("according to X *on* Monday")."""
    relative_pronouns: Words = attrs.field(default=(), converter=_words)
    """Relative pronouns ("who", "which"): they end a mention and may stand as a source."""
    question_openers: Words = attrs.field(default=(), converter=_words)
    """Words before a sentence-opening "asked" ("When asked ...", "And when asked ...")."""
    inverting_verbs: Words = attrs.field(default=(), converter=_words)
    """Speech verbs whose subject may follow them ('"...," said Ellis'), lemmas."""
    leading_connectors: Words = attrs.field(default=(), converter=_words)
    """Connectors a sentence may open with before its subject ("But", "And")."""
    subject_starts: Words = attrs.field(default=(), converter=_words)
    """Lower-case words that may open a subject noun phrase ("the", "some", "two")."""
    person_pronouns: Words = attrs.field(default=(), converter=_words)
    """Personal pronouns that refer back to an earlier speaker ("he", "they")."""
    time_modifiers: Words = attrs.field(default=(), converter=_words)
    """Words that join a time noun into an adjunct ("last", "on", "ago")."""
    source_trailers: Words = attrs.field(default=(), converter=_words)
    """Words after a source mention that are not its head ("himself", "overall")."""
    comma_inverting_verbs: Words = attrs.field(default=(), converter=_words)
    """Speech verb lemmas that may follow a clause and a comma before their speaker ("The
    race will be tight, *said* Dan Gerstein")."""
    recipient_prepositions: Words = attrs.field(default=(), converter=_words)
    """Prepositions that may open a subject yet not a reported clause after a recipient
    ("told reporters *about* the plan"): they keep the recipient going."""
    recipient_links: Words = attrs.field(default=(), converter=_words)
    """Words after which a subject opener continues a recipient ("told the head *of* the
    agency that")."""
    empty_contents: Words = attrs.field(default=(), converter=_words)
    """Contents that report nothing ("declined *to comment*", "did not respond *to a request
    for comment*"): a cue whose content opens with one, followed by at most three words, drafts
    no claim."""
    source_participles: Words = attrs.field(default=(), converter=_words)
    """Participles opening a phrase after a source's noun ("a survey *released* on Thursday"):
    the mention runs over the phrase, the source's kind and name come from the words before."""
    relay_verbs: Words = attrs.field(default=(), converter=_words)
    """Verb lemmas by which an outlet relays another source ("Reuters *quoted* a source as
    saying ...", "a statement *cited* by Yonhap")."""
    nested_speech_verbs: Words = attrs.field(default=(), converter=_words)
    """Verb lemmas that report speech one inside the other: "Biden said Trump *claimed*
    that A" is Biden <- Trump, and '"She *said* A," Meeks added' gives Meeks <- the one
    "She" stands for. Belief and stance verbs stay out: "Rubio says he *opposes* it" is one
    hop."""
    relay_links: Words = attrs.field(default=(), converter=_words)
    """Words after a relayed source that open what it said ("as saying", "saying")."""
    relay_openers: Words = attrs.field(default=(), converter=_words)
    """Words before a relayed source that keep the outlet's distance ("what it called")."""
    singular_pronouns: Words = attrs.field(default=(), converter=_words)
    """Pronouns that, as a source, stand for the named person met last ("he", "her")."""
    subject_followers: Words = attrs.field(default=(), converter=_words)
    """Lower-case words that may follow a whole sentence subject besides cue forms, boundary
    words and words ending in -s, -ed or -ly ("Israel *had* ...", "The Post *also* ..."): a
    sentence opening with an organisation before one of them is about that organisation, so a
    speaking "it" in it is that organisation."""
    outlet_heads: Words = attrs.field(default=(), converter=_words)
    """Heads of definite descriptions of a news outlet ("the newspaper", "the agency")."""
    cue_particles: Words = attrs.field(default=(), converter=_words)
    """Prepositions that belong to a verb cue when its content follows them ("talked
    *about* X", "called *for* X", "warned *against* X"): the cue, not the content."""
    credit_nouns: Words = attrs.field(default=(), converter=_words)
    """What a person said, as a text credits it to an outlet ("Starr's *remarks*, first
    reported by The New York Times")."""
    credit_phrases: Words = attrs.field(default=(), converter=_words)
    """Phrases crediting an outlet with a person's words ("first reported by"): the outlet
    relays all of that person's claims in the text."""
    channel_words: Words = attrs.field(default=(), converter=_words)
    """How a statement reached an outlet ("said *by telephone* on NBC"): skipped before the
    outlet after a cue."""
    adjunct_prepositions: Words = attrs.field(default=(), converter=_words)
    """Prepositions opening an adjunct between a cue and its content ("said *in* Miami
    Tuesday that ...", "argued *during* a debate that ...")."""
    complementizers: Words = attrs.field(default=(), converter=_words)
    """Words that open a reported clause ("that", "whether", "why"): after an adjunct that
    follows the cue, the content starts at one of them."""

    def __attrs_post_init__(self) -> None:
        for lemma, mode in self.verbs + self.verb_phrases + self.phrases + self.nouns:
            _check_member(AttributionMode, mode, f"cue {lemma!r}")
        for cue, category in self.hedges:
            _check_member(HedgeCategory, category, f"hedge {cue!r}")
        for stance, value in self.stances:
            _check_member(Factuality, value, f"stance {stance!r}")
        for category, value in self.hedge_factuality:
            _check_member(HedgeCategory, category, "hedge_factuality")
            _check_member(Factuality, value, f"hedge_factuality {category!r}")

    @classmethod
    def default(cls) -> Lexicon:
        """Return the packaged default lexicon (read once, on first use)."""
        return _default()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Lexicon:
        """Build a lexicon from the JSON shape of ``default_lexicon.json``.

        ``verbs``, ``phrases`` and ``hedges`` are objects from a mode or category to a list
        of entries; ``irregular_forms`` an object from lemma to forms; ``hedge_factuality``
        an object from category to value; every other field a list of strings.
        """
        known = {field.name for field in attrs.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InvalidValue(
                f"unknown lexicon field {unknown[0]!r}",
                expected="one of " + ", ".join(sorted(known)),
                found=repr(unknown[0]),
            )
        kwargs: dict[str, Any] = {}
        for name, value in data.items():
            if name in _GROUPED_FIELDS:
                kwargs[name] = [(entry, key) for key, entries in value.items() for entry in entries]
            elif name == "hedge_factuality" or name == "irregular_forms":
                kwargs[name] = list(value.items())
            else:
                kwargs[name] = value
        return cls(**kwargs)

    def extended(self, other: Lexicon) -> Lexicon:
        """Return a lexicon holding this one's entries followed by ``other``'s.

        For ``hedge_factuality`` the other lexicon's values take precedence.
        """
        changes: dict[str, Any] = {}
        for field in attrs.fields(Lexicon):
            mine = getattr(self, field.name)
            theirs = getattr(other, field.name)
            if field.name == "hedge_factuality":
                changes[field.name] = tuple(theirs) + tuple(mine)
            else:
                changes[field.name] = tuple(mine) + tuple(theirs)
        return attrs.evolve(self, **changes)


def _check_member(kind: type[Any], value: str, where: str) -> None:
    try:
        kind(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in kind)
        raise InvalidValue(
            f"lexicon {where}: {value!r} is not a {kind.__name__}",
            expected=f"one of {allowed}",
            found=repr(value),
        ) from None


@functools.cache
def _default() -> Lexicon:
    raw = (
        resources.files("provenance.extraction")
        .joinpath("default_lexicon.json")
        .read_text(encoding="utf-8")
    )
    return Lexicon.from_mapping(json.loads(raw))


def load_lexicon(path: str | Path, *, extend_default: bool = True) -> Lexicon:
    """Read a lexicon JSON file; by default its entries are added to the packaged default."""
    from provenance.codec import read_json_object  # the JSON edge; deferred: the codec is heavy

    data = read_json_object(path, "lexicon")
    own = Lexicon.from_mapping(data)
    return Lexicon.default().extended(own) if extend_default else own
