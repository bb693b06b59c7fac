"""Noun phrases and spans in a sentence's tokens, and the closed word classes they read.

The frame builders of :mod:`provenance.extraction.extractor` find a cue's source
mention by scanning tokens left or right from the cue to a boundary; the words
that bound a mention ("that", "and", "who") and open a subject ("the", "some")
are closed classes read from the :class:`~provenance.extraction.lexicon.Lexicon`
and compiled once into :class:`Words`. :class:`SentenceContext` is what every
builder shares about the sentence being read.
"""

from __future__ import annotations

import bisect
import re

import attrs

from provenance.extraction.cues import Token
from provenance.extraction.lexicon import Lexicon
from provenance.extraction.quotes import Quotation

__all__ = [
    "AT_QUANTIFIERS",
    "BOUNDARY_PUNCT",
    "SentenceContext",
    "Words",
    "doubled_quote",
    "index_after",
    "leading_subject",
    "next_after",
    "np_left",
    "np_right",
    "quotation_at",
    "skip_connector",
    "trim",
]

_INITIALISM = re.compile(r"(?:^|(?<=[\s(]))(?:[A-Za-z]\.)+[A-Za-z]$")

BOUNDARY_PUNCT = frozenset(',;:\u2014\u2013()[]"\u201c\u201d\u2018\u2019!?.-')
"""Marks no source mention runs across."""


def _lower(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word.lower() for word in words)


@attrs.frozen
class Words:
    """The lexicon's closed classes the frame rules read, as lower-case sets."""

    left: frozenset[str]
    """Words a mention never extends left past (``left_boundaries``)."""
    relative: frozenset[str]
    """Relative pronouns (``relative_pronouns``)."""
    question_openers: frozenset[str]
    """Words before a sentence-opening "asked" (``question_openers``)."""
    inverting: frozenset[str]
    """Verb lemmas whose subject may follow them (``inverting_verbs``)."""
    connectors: frozenset[str]
    """Connectors before a sentence's subject (``leading_connectors``)."""
    subject_starts: frozenset[str]
    """Lower-case words that may open a subject (``subject_starts``)."""
    person_pronouns: frozenset[str]
    """Pronouns that refer back to a speaker (``person_pronouns``)."""
    time_modifiers: frozenset[str]
    """Words joining a time noun into an adjunct (``time_modifiers``)."""
    source_trailers: frozenset[str]
    """Words after a mention that are not its head (``source_trailers``)."""
    right_boundaries: frozenset[str]
    """Words a mention read rightwards stops before (``right_boundaries``)."""
    singular_pronouns: frozenset[str] = frozenset()
    """Pronouns that stand for one named person met earlier (``singular_pronouns``)."""
    outlet_heads: frozenset[str] = frozenset()
    """Heads of "the newspaper", "the agency": the outlet met earlier (``outlet_heads``)."""
    participles: frozenset[str] = frozenset()
    """Participles after which a mention read rightwards goes on (``source_participles``)."""
    time_words: frozenset[str] = frozenset()
    """Names of days, months and other times (``time_words``)."""

    @classmethod
    def of(cls, lexicon: Lexicon) -> Words:
        """Compile ``lexicon``'s closed classes."""
        return cls(
            left=_lower(lexicon.left_boundaries),
            relative=_lower(lexicon.relative_pronouns),
            question_openers=_lower(lexicon.question_openers),
            inverting=_lower(lexicon.inverting_verbs),
            connectors=_lower(lexicon.leading_connectors),
            subject_starts=_lower(lexicon.subject_starts),
            person_pronouns=_lower(lexicon.person_pronouns),
            time_modifiers=_lower(lexicon.time_modifiers),
            source_trailers=_lower(lexicon.source_trailers),
            right_boundaries=_lower(lexicon.right_boundaries),
            singular_pronouns=_lower(lexicon.singular_pronouns),
            outlet_heads=_lower(lexicon.outlet_heads),
            participles=_lower(lexicon.source_participles),
            time_words=_lower(lexicon.time_words),
        )


@attrs.define
class SentenceContext:
    """What every frame builder shares about one sentence.

    ``quoted`` marks tokens inside quotations, ``blocked`` the tokens of cues (no mention
    runs through another cue); ``earlier`` is the last source found left of its cue, the
    source of a following participle cue ("X said A, adding B").
    """

    text: str
    """The whole article text (spans index it)."""
    span: tuple[int, int]
    """The sentence's span."""
    tokens: list[Token]
    """The sentence's tokens."""
    quoted: list[bool]
    """Per token: inside a quotation."""
    blocked: list[bool]
    """Per token: part of a cue."""
    quotations: list[Quotation]
    """The article's quotations, in order."""
    starts: list[int]
    """The quotations' start offsets (for bisection)."""
    number: int
    """The sentence's number in the article."""
    earlier: tuple[int, int] | None = None
    """The last source span found left of its cue in this sentence."""

    def quotation_at(self, position: int) -> Quotation | None:
        """Return the quotation holding ``position``, if any."""
        return quotation_at(position, self.quotations, self.starts)


def quotation_at(position: int, quotations: list[Quotation], starts: list[int]) -> Quotation | None:
    """Return the quotation holding ``position`` (``starts`` are the quotations' starts)."""
    index = bisect.bisect_right(starts, position) - 1
    if index < 0:
        return None
    quotation = quotations[index]
    return quotation if quotation.start <= position < quotation.end else None


def doubled_quote(tokens: list[Token], at: int) -> bool:
    """Tell whether token ``at`` is half of a doubled apostrophe, a quotation mark ('').

    Some papers (The New York Times among them) write quotation marks as two apostrophes;
    the tokenizer keeps each apostrophe a token of its own, as it does a possessive "s'".
    """
    token = tokens[at]
    if token.text != "'":
        return False
    before = at > 0 and tokens[at - 1].text == "'" and tokens[at - 1].end == token.start
    after = (
        at + 1 < len(tokens) and tokens[at + 1].text == "'" and tokens[at + 1].start == token.end
    )
    return before or after


AT_QUANTIFIERS = frozenset({"least", "most"})
"""Words after "at" that make it part of a quantifier ("at least three officials"), not a place."""


def np_left(
    tokens: list[Token],
    at: int,
    quoted: list[bool],
    words: Words,
    *,
    max_tokens: int = 10,
    partitives: frozenset[str] = frozenset(),
    heads: frozenset[str] = frozenset(),
    bodies: frozenset[str] = frozenset(),
) -> tuple[int, int] | None:
    """Find the noun phrase ending at token ``at``, scanning left to a boundary.

    "of", "for" and "at" after one of ``heads`` (source head nouns) stay inside when a name
    follows ("a spokesman for the Pentagon" is read right to left from "Pentagon").

    "of" after one of ``partitives`` stays inside ("half of respondents", "members of
    Congress").

    "to" after one of ``bodies`` (organisation words and roles) stays inside when a name
    follows ("Iran's mission to the United Nations", "the ambassador to France").
    """
    if at >= 0 and tokens[at].text == ")":
        # skip a parenthesis between a name and its cue: "Sen. Elizabeth Warren (D-MA) said"
        opening = next(
            (k for k in range(at - 1, max(-1, at - 8), -1) if tokens[k].text == "("), None
        )
        if opening is not None and opening > 0:
            inner = np_left(
                tokens, opening - 1, quoted, words, max_tokens=max_tokens, partitives=partitives
            )
            return (inner[0], tokens[at].end) if inner is not None else None
    first = at
    taken = 0
    while first >= 0 and taken < max_tokens:
        token = tokens[first]
        if quoted[first] or token.text in BOUNDARY_PUNCT or doubled_quote(tokens, first):
            break
        lower = token.text.lower()
        if lower in words.relative and first != at:
            break
        if (
            (
                lower == "of"
                and first != at
                and first > 0
                and not quoted[first - 1]
                and (
                    tokens[first - 1].lower in partitives
                    or _is_head(tokens[first - 1].lower, heads)
                )
            )
            or (
                lower in ("for", "of")
                and first != at
                and first > 0
                and not quoted[first - 1]
                and tokens[first - 1].text[:1].isupper()
                and tokens[first + 1].text[:1].isupper()
                and tokens[first - 1].lower not in words.left
            )
            or (
                lower in ("for", "at", "in", "to")
                and first != at
                and first > 0
                and not quoted[first - 1]
                and (
                    (lower != "to" and _is_head(tokens[first - 1].lower, heads))
                    # "Iran's mission to the UN", "the envoy to China": where it is accredited
                    # (not "a statement to Wired", an outlet the statement was given to)
                    or (lower == "to" and tokens[first - 1].lower in bodies)
                )
                and (
                    tokens[first + 1].text[:1].isupper()
                    or (
                        tokens[first + 1].lower == "the"
                        and first + 2 <= at
                        and tokens[first + 2].text[:1].isupper()
                    )
                )
            )
        ):
            # "A reporter for USA Today", "a spokesman for the ministry", "members of Congress",
            # "Authorities in Jamaica"; inside a name: "Observatory for Human Rights"
            taken += 1
            first -= 1
            continue
        if (
            lower == "and"
            and first != at
            and first > 0
            and tokens[first - 1].text[:1].isupper()
            and tokens[first + 1].text[:1].isupper()
            and not quoted[first - 1]
        ):
            # two names: "Ted Cruz and John Kasich have agreed"
            taken += 1
            first -= 1
            continue
        if (
            lower == "in"
            and first != at
            and first > 0
            and tokens[first - 1].text.isdigit()
            and tokens[first + 1].text.isdigit()
        ):
            # "More than 6 in 10 voters": a share, not a place
            taken += 1
            first -= 1
            continue
        if lower == "at" and first != at and tokens[first + 1].lower in AT_QUANTIFIERS:
            # "At least a dozen members of Congress told ...": a quantifier, not a place
            taken += 1
            first -= 1
            continue
        if (
            lower in words.left
            and first > 0
            and first != at
            and tokens[first - 1].lower in words.participles
            and not quoted[first - 1]
        ):
            # "A Taliban statement posted on its website claimed": the participle's phrase
            taken += 2
            first -= 2
            continue
        if lower in words.left and lower not in words.relative:
            break
        taken += 1
        first -= 1
        if lower in words.relative:
            break
    first += 1
    if first > at or taken >= max_tokens:
        return None
    return tokens[first].start, tokens[at].end


def _is_head(word: str, heads: frozenset[str]) -> bool:
    return word in heads or (word.endswith("s") and word[:-1] in heads)


def leading_subject(
    tokens: list[Token], before: int, words: Words, roles: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """Find the sentence's opening noun phrase ("Wilson" in "Wilson praised X and said Y").

    With ``roles`` (lower-case role nouns), a role of one or two lower-case words between
    capitalised ones stays inside: "Florida delegate John Archer", "Minnesota state delegate
    Mary Susan".
    """
    at = 0
    while at < before and (not tokens[at].is_word or tokens[at].lower in words.connectors):
        at += 1
    opening = tokens[at].lower if at < before else ""
    # "Hours later, Trump ...", "Two days ago, she ...": a short time adjunct opens the sentence
    timed = next((k for k in range(at + 1, min(before, at + 5)) if tokens[k].text == ","), None)
    timed_opening = timed is not None and tokens[timed - 1].lower in words.time_modifiers
    # "Shortly after the announcement, the families ...": an adverb opens an adjunct
    adverb = opening.endswith("ly") and any(t.text == "," for t in tokens[at + 1 : at + 9])
    if opening.endswith("ed") and (named := _modified_name(tokens, at, before, words)):
        # "Retired farmer Parker Eaton, ...": the words up to the comma are the subject
        return tokens[at].start, tokens[named - 1].end
    if opening in words.left or opening.endswith(("ing", "ed")) or timed_opening or adverb:
        # an opening adjunct: "In asking to depose Clinton, Judicial Watch noted ..."
        comma = next((k for k in range(at, min(before, at + 30)) if tokens[k].text == ","), None)
        if (
            comma is None
            and opening.endswith(("ing", "ed"))
            and before <= at + 30
            and at + 1 < before
            and tokens[at + 1].text.islower()  # "Courted by", not "Ted Cruz", "Sterling said"
        ):
            # "Courted by most candidates and widely expected to ...": no subject yet
            return None
        after = comma + 1 if comma is not None else before
        while after < before and tokens[after].text in ("\u201d", '"', "'", "\u2019"):
            after += 1  # 'Speaking on ABC's "This Week," Carson admitted'
        for _ in range(3):
            # "The day before, at a rally in Beaumont, Tex., Mr. Trump was": adjunct after adjunct
            if after >= before or tokens[after].lower not in words.left:
                break
            following = next(
                (k for k in range(after + 1, min(before, after + 20)) if tokens[k].text == ","),
                None,
            )
            if following is None:
                break
            after = following + 1
            if (
                after + 2 < before
                and tokens[after + 1].text == ","
                and tokens[after + 2].text[:1].isupper()
            ):
                after += 2  # "in Beaumont, Tex., Mr. Trump": the place's state, then the subject
        if after < before and (
            tokens[after].text[:1].isupper()
            or tokens[after].lower in words.person_pronouns
            or tokens[after].lower in words.subject_starts
        ):
            at = after  # "On Thursday, he hedged"
    end = at
    while end < before and end - at < 6:
        token = tokens[end]
        lower = token.text.lower()
        if not token.is_word:
            break
        if (
            not (token.text[:1].isupper() or lower in words.subject_starts)
            and end > at
            and tokens[end - 1].lower not in words.subject_starts  # "The mayor", not "The"
        ):
            role = next(
                (k for k in (end, end + 1) if k + 1 < before and tokens[k].lower in roles),
                None,
            )
            if tokens[at].lower in words.subject_starts or tokens[at].lower.endswith(
                ("'s", "\u2019s")
            ):
                # "The finance minister, Lou Jiwei,", "The influential delegate and
                # conservative activist", "Trump's campaign manager, Corey Lewandowski,":
                # lower-case words up to a role head are the phrase's
                head = next(
                    (k for k in range(end, min(before, end + 3)) if tokens[k].lower in roles),
                    None,
                )
                if head is not None and all(
                    t.text.isalpha() and t.text.islower() for t in tokens[end : head + 1]
                ):
                    end = head + 1
                    continue
            if (
                role is None
                or not all(t.text.isalpha() and t.text.islower() for t in tokens[end : role + 1])
                or not tokens[role + 1].text[:1].isupper()
            ):
                break
            end = role + 1
            continue
        end += 1
    first = tokens[at].lower if at < before else ""
    if end == at or not (
        tokens[at].text[:1].isupper()
        or first in words.person_pronouns
        or first in words.subject_starts
        # "81-year-old Parker Eaton, a Republican, said": an age before the name
        or (_AGE.match(first) is not None and end > at + 1)
    ):
        return None
    return tokens[at].start, tokens[end - 1].end


_AGE = re.compile(r"^[\w-]+-(?:year|month)s?-old$")
"""An age compound opening a name ("81-year-old"), read as part of the subject."""


def _modified_name(tokens: list[Token], at: int, before: int, words: Words) -> int:
    """Return the comma after an opening "-ed" word that describes a name (0 if it does not).

    "Retired farmer Parker Eaton, a Republican who ..., said" and "Retired Army Gen.
    Michael Flynn, an adviser, said" open with the subject, not an adjunct as "Asked about
    the poll, Eaton said" and "Based in Texas, the group said" do: no preposition or other
    boundary word before the comma, at most two lower-case words, and a capitalised name
    (not a day or month) last.
    """
    comma = next((k for k in range(at + 1, min(before, at + 10)) if tokens[k].text == ","), None)
    if comma is None or comma < at + 2 or not tokens[at].text[:1].isupper():
        return 0
    segment = tokens[at + 1 : comma]
    if any(not t.is_word or t.lower in words.left or t.lower in words.time_words for t in segment):
        return 0
    lower = [k for k, t in enumerate(segment) if not t.text[:1].isupper()]
    if len(lower) > 2 or (lower and lower[-1] != len(lower) - 1):
        return 0  # the lower-case words come first: "farmer Parker Eaton"
    return comma if len(lower) < len(segment) else 0


def np_right(
    tokens: list[Token],
    at: int,
    quoted: list[bool],
    words: Words,
    *,
    max_tokens: int = 12,
    stop_that: bool = False,
) -> tuple[int, int] | None:
    """Find the noun phrase starting at token ``at``, up to punctuation or a relative clause.

    After one of ``words.participles`` the phrase goes on past ``right_boundaries``: "a
    survey released on Thursday" is one mention.
    """
    last = at
    participle = False
    while last < len(tokens) and last - at < max_tokens:
        token = tokens[last]
        if quoted[last] or token.text in BOUNDARY_PUNCT or doubled_quote(tokens, last):
            break
        lower = token.text.lower()
        if last > at and (
            lower in words.relative or (lower in words.right_boundaries and not participle)
        ):
            break
        participle = participle or (last > at and lower in words.participles)
        if stop_that and lower == "that":
            break
        last += 1
    if last - at == max_tokens:
        # never cut a name in two at the limit: "... released by Latino Decisions"
        extra = 0
        while (
            last < len(tokens)
            and extra < 4
            and not quoted[last]
            and tokens[last].text[:1].isupper()
            and tokens[last - 1].text[:1].isupper()
        ):
            last += 1
            extra += 1
    if last == at:
        return None
    return tokens[at].start, tokens[last - 1].end


def index_after(tokens: list[Token], position: int) -> int:
    """Return the index of the first token starting at or after ``position``."""
    for index, token in enumerate(tokens):
        if token.start >= position:
            return index
    return len(tokens)


def next_after(tokens: list[Token], position: int, mark: str) -> int | None:
    """Return where the token after ``position`` starts, stepping over one ``mark``."""
    index = index_after(tokens, position)
    if index < len(tokens) and tokens[index].text == mark:
        index += 1
    return tokens[index].start if index < len(tokens) else None


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Narrow a span past white space and clause punctuation; ``None`` when nothing is left."""
    while start < end and (text[start].isspace() or text[start] in ",;:\u2014\u2013"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.\u2014\u2013"):
        if text[end - 1] == "." and _INITIALISM.search(text, max(start, end - 12), end - 1):
            break  # "the U.S.", "7 p.m.": the period belongs to the word
        end -= 1
    return (start, end) if end > start else None


def skip_connector(text: str, start: int, end: int, words: Words) -> int:
    """Step a span's start past a leading connector ("But", "And")."""
    split = text[start:end].split(maxsplit=1)
    if len(split) == 2 and split[0].lower() in words.connectors:
        return start + text[start:end].index(split[1])
    return start
