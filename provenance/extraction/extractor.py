"""Drafting a :class:`~provenance.model.Document` from plain article text, by rules.

The :class:`Extractor` reads the text once: paragraphs, quotations, sentences,
then in each sentence the cues (:mod:`~provenance.extraction.cues`), for each cue
its source mention and its content, and the hedges
(:mod:`~provenance.extraction.hedges`). Cues whose content holds another cue
form a chain ("X said ..., according to Reuters": Reuters, then X). A mention
such as "the spokesman" or "he" that refers back to the origin of an earlier
claim carries that claim's chain over (``Claim.inherits``). Sentences, or parts
of sentences, that no cue covers become claims asserted by the publisher.
Every span indexes the exact input text. The work per sentence is bounded
(sentences are cut at ``max_sentence`` characters), so the whole pass is linear.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import hashlib
import re
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from provenance import json_policy
from provenance._version import version
from provenance.errors import InvalidValue, UnreadableText
from provenance.extraction.cues import Cue, CueIndex, Token, cue_index, find_cues, tokenize
from provenance.extraction.hedges import FoundHedge, HedgeIndex, find_hedges, hedge_index
from provenance.extraction.lexicon import Lexicon
from provenance.extraction.phrases import (
    AT_QUANTIFIERS,
    BOUNDARY_PUNCT,
    SentenceContext,
    Words,
    doubled_quote,
    index_after,
    leading_subject,
    next_after,
    np_left,
    np_right,
    quotation_at,
    skip_connector,
    trim,
)
from provenance.extraction.quotes import Quotation, find_quotations
from provenance.extraction.sentences import paragraphs, sentences
from provenance.extraction.sources import (
    Mention,
    SourceIndex,
    classify,
    head_class,
    source_index,
)
from provenance.model import (
    Claim,
    Document,
    Drafting,
    Excerpt,
    Hedge,
    Hop,
    Perspective,
    Source,
    Span,
)
from provenance.status import derive_status
from provenance.vocabulary import (
    AttributionMode,
    ConfidenceStatus,
    Factuality,
    HedgeCategory,
    Plurality,
    SourceKind,
    Temporality,
)

__all__ = ["TOOL", "Extractor", "benchmark_words_per_second", "extract"]

TOOL = "claim-provenance extractor"
"""The ``drafted_by.tool`` of every record the extractor drafts."""

_HEADLINE = re.compile(
    r"((?:Dr\. |Mr\. |Mrs\. )?[A-Z][\w.\u2019'-]*(?: [A-Z][\w.\u2019'-]*){0,4})"
    r"(?: (?:on|to|at) [^:\n]{1,60})?(:) +(\S)"
)
_DASH_SPEAKER = re.compile(
    r"\s[-\u2013\u2014] ?(?:More from |From )?"
    r"((?:the )?[A-Z][\w.\u2019'-]*(?: (?:and )?[A-Z][\w.\u2019'-]*){0,4})(:) +([\"\u201c])"
)
# An embedded tweet as a page shows it: the text, its links, then "— Name (@handle) Date"
_TWEET_SIGNATURE = re.compile(
    r"(?:<tweet\b[^>]*>)?\s*(?P<content>\S.*?)(?:\s+(?:https?://|pic\.twitter\.com/)\S+)*"
    r"\s+(?:\u2014|\u2013|--?)\s+(?P<name>[^()\n]{2,80}?)\s+\(@\w{1,15}\)\s+"
    r"[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*(?:</tweet>)?[.\s]*"
)
# "A Taliban spokesman (Ehsanullah Ehsan)": a role, then a name of two to four words in brackets
_PARENTHESIZED = re.compile(r".+?\(((?:[A-Z][\w.\u2019'-]*\s+){1,3}[A-Z][\w\u2019'-]*)\)")
_DASHES = frozenset({"\u2014", "\u2013", "--"})
_POSSESSOR = re.compile(r"(.+?)(?:\u2019s|'s|s\u2019|s') \S")
_WIRE_DATELINE = re.compile(  # "MACAU (Reuters) -", "Mexico City (AFP) \u2013"
    r"(?:[A-Z][A-Z.,'\u2019 -]{1,40}|(?:[A-Z][\w.'\u2019-]*,? ){1,4})"
    r"\(([A-Z][\w .&-]{0,30})\)\s*[-\u2013\u2014]"
)
# "TALLAHASSEE — ", "PHILADELPHIA, July 25 (UPI) — ": where and when, before the first words
_DATELINE = re.compile(
    r"(?:(?=[A-Z.'\u2019 ]*[A-Z]{3})[A-Z][A-Z.'\u2019 ]{1,40}"  # the place, in capitals
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?: ?\([^()\n]{1,30}\))?"  # a date, a wire
    r"|(?:[A-Z][\w.'\u2019-]*,? ){1,4}\([A-Z][\w .&-]{0,30}\))"  # "Mexico City (AFP)"
    r"\s*(?:\u2014|\u2013|--?)\s+(?=\S)"
)
_ALPHA = re.compile(r"[^\W\d_]")
_BARE_NUMBER = re.compile(r"[\d,.]+")
_TERMINAL = re.compile(r"[.!?\"\u201d\u2019)]\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@attrs.frozen
class _Frame:
    cue: Cue
    cue_span: tuple[int, int]
    source_span: tuple[int, int] | None
    content_span: tuple[int, int] | None
    mode: AttributionMode
    recipient: str | None = None
    medium: str | None = None
    quote: str | None = None
    tail: int | None = None
    # the outlet that relays this frame's source ("a statement cited by Yonhap")
    relay: tuple[int, int] | None = None
    # the words that say who the source is, when the mention does not ("Barkley, who said")
    referent: tuple[int, int] | None = None


@attrs.define
class _Drafting:
    """The mutable state of one extraction run."""

    text: str
    publisher: str
    sources: dict[str, Source] = attrs.Factory(dict)
    keys: dict[tuple[str, str], str] = attrs.Factory(dict)
    claims: list[Claim] = attrs.Factory(list)
    # (claim index, sentence index) of claims with an attribution, for anaphora
    attributed: list[tuple[int, int]] = attrs.Factory(list)
    heads: dict[str, str] = attrs.Factory(dict)
    # index of the last claim that quotes its origin directly, while quotations follow it
    quoting: int | None = None
    # (name, sentence number) of named people met as sources or sentence subjects, and
    # (source id, sentence number) of outlets, latest last, for anaphora
    people: list[tuple[str, int]] = attrs.Factory(list)
    surnames: set[str] = attrs.Factory(set)
    # indexes of ``people``, kept by _meet, so that a lookup does not scan every mention
    # (a long article naming people often made that quadratic): last word -> the latest
    # person whose name ends with it, the same for names of two words or more, and first
    # word -> the two-word names starting with it
    last_any: dict[str, str] = attrs.Factory(dict)
    last_full: dict[str, str] = attrs.Factory(dict)
    first_of_two: dict[str, set[str]] = attrs.Factory(dict)
    # named person -> the words (lower case) of the mention that named them, for "the U.N. chief"
    descriptions: dict[str, str] = attrs.Factory(dict)
    # (source id, cue, medium) of "X issued the following statement:", while its quoted
    # paragraphs follow
    statement: tuple[str, Excerpt | None, str | None] | None = None
    # named source id -> the outlet it last spoke to ("told CNBC"), for later claims
    venues: dict[str, str] = attrs.Factory(dict)
    # (sentence number, outlet id) of a sentence that says its speaker spoke to an outlet
    # ("in an interview with Politico"), for the claims and the subject of that sentence
    sentence_venue: tuple[int, str] | None = None
    # surname -> outlet id, for a person said to speak to an outlet before being a source
    venue_names: dict[str, str] = attrs.Factory(dict)
    # (source id, sentence number) of polls and surveys met as sources
    polls: list[tuple[str, int]] = attrs.Factory(list)
    outlets: list[tuple[str, int]] = attrs.Factory(list)
    # (sentence number, tokens) of the sentence being read, whose opening organisation a
    # speaking "it" in it stands for (read only when one speaks)
    opening: tuple[int, list[Token]] | None = None
    # ids of quotes whose last hop is a report the speaker quotes ('"She said A," X said'):
    # a quotation that follows continues the speaker, not the one quoted on
    quoted_reports: set[str] = attrs.Factory(set)
    # how the pending statement was opened, read by the first paragraph after it: "colon"
    # ("Fox News reports:": that paragraph is the source's even unquoted, a block quote),
    # "mentioned" ("the DNC issued a statement apologizing ...": it is the statement's only
    # when it is one quotation and nothing else), None ("issued the following statement:")
    statement_opening: str | None = None
    # (person name, sentence number) of the latest sentence's outermost named speaker: after
    # "Trump's accusation that A had imperiled troops, Biden said", a "he" is Biden's, though
    # Trump was met later, inside the content
    speaker: tuple[str, int] | None = None


class Extractor:
    """Drafts Document records from article text with the rules a ``Lexicon`` holds.

    The rules are those of a :class:`~provenance.extraction.lexicon.Lexicon`.

    Reuse one extractor for many texts: the lexicon's lookup tables are compiled once.
    """

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        *,
        max_sentence: int = 3000,
        max_quote: int = 6000,
        max_chars: int = 2_000_000,
    ) -> None:
        self.lexicon = lexicon if lexicon is not None else Lexicon.default()
        """The lexicon the rules read."""
        self.max_sentence = max_sentence
        """The longest sentence (in characters) read as one unit."""
        self.max_quote = max_quote
        """The longest quotation (in characters) recognised."""
        self.max_chars = max_chars
        """The longest text accepted; longer input raises UnreadableText (not an article)."""
        self._cues: CueIndex = cue_index(self.lexicon)
        self._sources: SourceIndex = source_index(self.lexicon)
        self._hedges: HedgeIndex = hedge_index(self.lexicon)
        self._abbreviations = frozenset(self.lexicon.abbreviations)
        self._sentence_openers = frozenset(self.lexicon.sentence_openers)
        self._breaks = tuple(self.lexicon.clause_breaks)
        self._boilerplate = tuple(marker.lower() for marker in self.lexicon.boilerplate)
        # one pass over a paragraph for every marker
        self._boilerplate_pattern = (
            re.compile("|".join(re.escape(m) for m in self._boilerplate))
            if self._boilerplate
            else None
        )
        self._poll_shares = frozenset(w.lower() for w in self.lexicon.poll_shares)
        self._numbers = frozenset(w.lower() for w in self.lexicon.number_words)
        self._venue_phrases = tuple(
            tuple(phrase.lower().split()) for phrase in self.lexicon.venue_phrases
        )
        self._venue_keys = frozenset(max(p, key=len) for p in self._venue_phrases if p)
        self._recipients = tuple(sorted((r.lower() for r in self.lexicon.recipients), key=len))
        self._media = frozenset(m.lower() for m in self.lexicon.medium_words)
        self._words = Words.of(self.lexicon)
        self._time_words = (
            frozenset(w.lower() for w in self.lexicon.time_words) | self._words.time_modifiers
        )
        self._partitives = frozenset(w.lower() for w in self.lexicon.partitive_heads)
        index = self._sources
        self._mention_heads = index.individuals | index.groups | index.documents
        self._accredited = (index.individuals | index.organizations) - index.documents
        self._source_heads = self._mention_heads | index.vague
        # time words written in lower case: capitalised after a name they are part of it
        self._common_times = frozenset(w for w in self.lexicon.time_words if w.islower())
        self._recipient_prepositions = frozenset(
            w.lower() for w in self.lexicon.recipient_prepositions
        )
        self._comma_inverting = frozenset(w.lower() for w in self.lexicon.comma_inverting_verbs)
        self._recipient_links = frozenset(w.lower() for w in self.lexicon.recipient_links)
        self._empty_contents = tuple(
            tuple(phrase.lower().split()) for phrase in self.lexicon.empty_contents
        )
        self._survey_heads = frozenset(h.lower() for h in self.lexicon.survey_heads)
        self._non_sources = frozenset(w.lower() for w in self.lexicon.non_source_words)
        self._non_speakers = frozenset(w.lower() for w in self.lexicon.non_speaker_labels)
        self._openers = frozenset(w.lower() for w in self.lexicon.clause_openers)
        self._participle_links = frozenset(w.lower() for w in self.lexicon.participle_links)
        self._cue_particles = frozenset(w.lower() for w in self.lexicon.cue_particles)
        self._channels = frozenset(w.lower() for w in self.lexicon.channel_words)
        # each name of an outlet (lower case, no leading "the") -> every name of its groups
        self._outlet_groups: dict[str, tuple[str, ...]] = {}
        for group in self.lexicon.outlet_names:
            names = [" ".join(n.lower().split()) for n in group]
            names = [n[4:] if n.startswith("the ") else n for n in names]
            for name in names:
                known = self._outlet_groups.get(name, ())
                self._outlet_groups[name] = tuple(dict.fromkeys((*known, *names)))
        # "Starr's remarks, first reported by": a possessor, a credit noun, a credit phrase
        credit_nouns = "|".join(re.escape(n) for n in self.lexicon.credit_nouns)
        credit_phrases = "|".join(
            re.escape(p) for p in sorted(self.lexicon.credit_phrases, key=len, reverse=True)
        )
        self._credit = (
            re.compile(
                r"\b([A-Z][\w.'\u2019-]*)(?:'s|\u2019s|'|\u2019) (?:" + credit_nouns + r")\b"
                r"[^.\n]{0,60}?,? (?:" + credit_phrases + r") "
            )
            if credit_nouns and credit_phrases
            else None
        )
        self._adjunct_preps = frozenset(w.lower() for w in self.lexicon.adjunct_prepositions)
        self._complementizers = frozenset(w.lower() for w in self.lexicon.complementizers)
        self._verb_lemmas = frozenset(lemma.lower() for lemma, _mode in self.lexicon.verbs)
        self._nested_speech = frozenset(w.lower() for w in self.lexicon.nested_speech_verbs)
        self._stances = tuple(
            sorted(
                ((phrase.lower(), Factuality(value)) for phrase, value in self.lexicon.stances),
                key=lambda pair: -len(pair[0]),
            )
        )
        self._stance_objects = frozenset(w.lower() for w in self.lexicon.stance_objects)
        self._relay_verbs = frozenset(w.lower() for w in self.lexicon.relay_verbs)
        self._subject_followers = frozenset(w.lower() for w in self.lexicon.subject_followers)
        verbs = "|".join(re.escape(v) for v in self.lexicon.statement_verbs) or "(?!)"
        media = "|".join(re.escape(m) for m in self.lexicon.medium_words) or "(?!)"
        # "The ministry issued a statement saying ...": the issuer speaks, in the statement
        times = "|".join(re.escape(w) for w in self.lexicon.time_words) or "(?!)"
        self._statement_object = re.compile(
            rf"(?:has |have |had )?(?:{verbs}) (?:a|an|the|this) (?:{media})"
            rf"(?: (?:on |last |this |early |late )?(?:{times}))*$",
            re.IGNORECASE,
        )
        self._statement_mentioned = re.compile(
            rf"\s(?:has |have |had )?(?:{verbs}) (?:a|an) (?:{media})\b", re.IGNORECASE
        )
        self._statement_intro = re.compile(
            rf"\s(?:has |have |had )?(?:{verbs}) (?:the following|this|a|an|the) (?:{media})"
            r"(?: [\w\u2019'.-]+){0,4}\s*:\s*$",
            re.IGNORECASE,
        )
        # verb forms that may follow '"Who knows?" Trump' in the quotation's own sentence
        self._speech_forms = frozenset(
            form for form in self._cues.forms if form.endswith(("ed", "old", "aid", "s"))
        )
        self._inverted_openers = frozenset(
            form
            for form, (lemma, _) in self._cues.forms.items()
            if lemma in self._words.inverting and form != lemma
        )
        self._relay_links = tuple(
            sorted((tuple(w.lower().split()) for w in self.lexicon.relay_links), key=len)[::-1]
        )
        self._relay_openers = tuple(
            sorted((w.lower() for w in self.lexicon.relay_openers), key=len)[::-1]
        )
        # one small frame builder per cue kind (see provenance.extraction.cues.Cue.kind)
        self._builders: dict[str, Callable[[SentenceContext, Cue], _Frame | None]] = {
            "phrase": self._phrase_frame,
            "report": self._report_frame,
            "noun": self._nominal_frame,
            "verb": self._verb_frame,
        }

    def extract(
        self,
        text: str,
        *,
        publisher: str | Source | None = None,
        document_id: str | None = None,
        title: str | None = None,
        url: str | None = None,
        created: str | None = None,
    ) -> Document:
        """Draft a Document from ``text``.

        ``publisher`` is a name (recorded as a publication source) or a ready
        :class:`~provenance.model.Source`; without it the publisher is the text's own voice.
        ``created`` (RFC 3339) defaults to now. Raises
        :class:`~provenance.errors.UnreadableText` for text holding binary control characters
        or longer than ``max_chars``.
        """
        if not isinstance(text, str):
            raise UnreadableText(
                "article text must be a str", expected="str", found=type(text).__name__
            )
        if len(text) > self.max_chars:
            raise UnreadableText(
                f"text too long for an article ({len(text)} characters; the limit is "
                f"{self.max_chars}, see Extractor(max_chars=...))",
                expected=f"at most {self.max_chars} characters",
                found=str(len(text)),
            )
        json_policy.check_text(text, what="article text")  # the hostile-value policy
        _check_textual(text)
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        publisher_source = _publisher_source(publisher)
        state = _Drafting(text=text, publisher=publisher_source.id)
        state.sources[publisher_source.id] = publisher_source
        if publisher_source.name:
            # the publisher's own name is the publisher ("told VOA" in a VOA article)
            for key in self._outlet_keys(publisher_source.name):
                state.keys[("named", key)] = publisher_source.id
        paras = paragraphs(text)
        self._wire_credit(state, paras)
        quotations = find_quotations(text, paras, max_length=self.max_quote)
        starts = [q.start for q in quotations]
        sentence_number = 0
        for paragraph in paras:
            # A long paragraph holding a boilerplate marker ("Subscribe here") is an article
            # without line breaks: only the marked sentences are left out, not all of it.
            marked = self._is_boilerplate(text, paragraph)
            if marked and not self._long_paragraph(text, paragraph):
                continue
            if self._statement_paragraph(state, paragraph, quotations, starts):
                continue
            if self._tweet(state, paragraph):
                continue
            self._dash_speaker(state, paragraph)
            # a headline is read before short paragraphs (bylines, datelines) are skipped
            if self._headline(state, paragraph):
                continue
            if not marked and self._skip_paragraph(text, paragraph):
                # a short "17-year-old Jared Potts echoed:" still introduces a quotation
                self._colon_intro(state, paragraph, paragraph, sentence_number)
                continue
            last_sentence: tuple[int, int] | None = None
            for sentence in sentences(
                text,
                paragraph,
                quotations,
                self._abbreviations,
                max_length=self.max_sentence,
                openers=self._sentence_openers,
                speech_forms=self._speech_forms,
            ):
                if marked and self._is_boilerplate(text, sentence):
                    continue
                if sentence[0] == paragraph[0]:
                    dateline = _DATELINE.match(text, *sentence)
                    if dateline is not None and dateline.end() < sentence[1]:
                        sentence = (dateline.end(), sentence[1])
                self._sentence(state, sentence, sentence_number, quotations, starts)
                sentence_number += 1
                last_sentence = sentence
            if last_sentence is not None and state.statement is None:
                self._colon_intro(state, last_sentence, paragraph, sentence_number)
            if last_sentence is not None and state.statement is None:
                self._statement_mention(state, last_sentence, sentence_number)
        self._credited_outlets(state)
        _conflicts(state)
        return Document(
            id=document_id or f"draft-{digest[:16]}",
            publisher=publisher_source.id,
            title=title,
            url=url,
            text=text,
            text_sha256=digest,
            sources=tuple(state.sources.values()),
            claims=tuple(state.claims),
            drafted_by=Drafting(
                tool=TOOL,
                version=version(),
                created=created or _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                method="rules",
            ),
        )

    # -- paragraphs ---------------------------------------------------------------------

    def _wire_credit(self, state: _Drafting, paras: list[tuple[int, int]]) -> None:
        """Read "MACAU (Reuters) -" as the text's author: "told Reuters" is then no hop.

        A wire story carried by another publisher is the wire's own text; like the
        publisher's own name, the credited agency is never a level of its chains.
        """
        for start, end in paras[:4]:
            match = _WIRE_DATELINE.match(state.text, start, end)
            if match is None:
                continue
            credit = match.group(1)
            if classify(credit, self._sources).kind is not SourceKind.PUBLICATION:
                return
            for key in self._outlet_keys(credit):
                state.keys.setdefault(("named", key), state.publisher)
            return

    def _outlet_keys(self, name: str) -> list[str]:
        """Return the mention keys of an outlet's names, each with and without "the".

        "(AP)" in a dateline makes "The Associated Press" the author too, through the
        lexicon's ``outlet_names`` groups.
        """
        own = " ".join(name.lower().split())
        bare = own[4:] if own.startswith("the ") else own
        keys: list[str] = []
        for each in (bare, *self._outlet_groups.get(bare, ())):
            keys.extend((each, "the " + each))
        return keys

    def _is_boilerplate(self, text: str, paragraph: tuple[int, int]) -> bool:
        body = text[paragraph[0] : paragraph[1]]
        lower = body.lower()
        found = self._boilerplate_pattern is not None and self._boilerplate_pattern.search(lower)
        return bool(found) or not _ALPHA.search(body)

    @staticmethod
    def _long_paragraph(text: str, paragraph: tuple[int, int]) -> bool:
        """Whether a paragraph is longer than any boilerplate block (60 words, with letters)."""
        body = text[paragraph[0] : paragraph[1]]
        return len(body.split()) > 60 and _ALPHA.search(body) is not None

    def _skip_paragraph(self, text: str, paragraph: tuple[int, int]) -> bool:
        if self._is_boilerplate(text, paragraph):
            return True
        body = text[paragraph[0] : paragraph[1]]
        # headlines, bylines and datelines: short and without closing punctuation
        return len(body.split()) <= 12 and not _TERMINAL.search(body)

    def _headline(self, state: _Drafting, paragraph: tuple[int, int]) -> bool:
        """Draft "Graham: Trump Is Destroying the GOP" headlines as an attribution by colon."""
        start, end = paragraph
        if end - start > 240 or len(state.text[start:end].split()) > 30:
            return False
        match = _HEADLINE.match(state.text, start, end)
        if match is None:
            return False
        source = (match.start(1), match.end(1))
        colon = (match.start(2), match.end(2))
        content = trim(state.text, match.start(3), end)
        label = match.group(1)
        opener, _, rest = label.partition(" ")
        if rest and opener.lower() in self._inverted_openers:
            # 'Said Ellis: "..."': the verb opens the label, the name is the source
            label = rest
            source = (match.end(1) - len(rest), match.end(1))
        if (
            content is None
            or not _speaker_label(label, match.group(3))
            or label.lower() in self._non_speakers
            or label.split()[0].lower() in self._non_speakers
        ):
            return False
        cue = Cue(0, 0, 0, AttributionMode.PARAPHRASE, ":", "phrase")
        words = state.text[content[0] : content[1]].strip().rstrip(".")
        inner = words[1:-1]
        if (
            len(words) > 2
            and words[0] in '"\u201c'
            and words[-1] in '"\u201d'
            and not any(mark in inner for mark in '"\u201c\u201d')
        ):
            # 'Said Ellis: "The plan is dead."': the words after the colon are quoted
            mode, quote = AttributionMode.DIRECT_QUOTE, inner.strip() or None
        else:
            mode, quote = AttributionMode.PARAPHRASE, None
        frame = _Frame(cue, colon, source, content, mode, quote=quote)
        self._attributed_claim(state, [frame], [], -100)
        return True

    def _statement_paragraph(
        self,
        state: _Drafting,
        paragraph: tuple[int, int],
        quotations: list[Quotation],
        starts: list[int],
    ) -> bool:
        """Read "X issued the following statement today:" and the quoted paragraphs after it.

        The introducing paragraph itself is read as usual (False); a paragraph that opens
        with a quotation mark while such a statement is pending is X's direct quote, whole
        (True), and the statement goes on until a paragraph that does not open with one.
        """
        text = state.text
        start, end = paragraph
        body = text[start:end]
        pending = state.statement
        if pending is not None:
            stripped = body.lstrip()
            opening, state.statement_opening = state.statement_opening, None
            if opening == "mentioned":
                whole = (
                    quotation_at(start + len(body) - len(stripped), quotations, starts)
                    if stripped[:1] in ('"', "\u201c")
                    else None
                )
                if whole is None or text[whole.end : end].strip(" .,\n"):
                    state.statement = None  # the paragraph says who speaks, or is no quote
                    return False
            if stripped[:1] in ('"', "\u201c"):
                at = start + len(body) - len(stripped)
                quotation = quotation_at(at, quotations, starts)
                close = quotation.end if quotation is not None and quotation.end <= end else end
                content = trim(text, at, close) or (at, close)
                inner = text[content[0] : content[1]].strip('"\u201c\u201d ')
                source, cue, medium = pending
                hop = Hop(
                    source=source,
                    mode=AttributionMode.DIRECT_QUOTE if inner else AttributionMode.REPORTED,
                    cue=cue,
                    medium=medium,
                    quote=inner or None,
                )
                hops = [*self._venue_hops(state, source), hop]
                made = _claim(state, content, hops, [])
                if made is not None and made.attribution:
                    state.attributed.append((len(state.claims) - 1, -1))
                return True
            state.statement = None
            if opening == "colon" and stripped[:1] not in ("'", "\u2018"):
                # 'Fox News reports:' and then the report's words set apart, unquoted
                block = trim(text, start, end)
                if block is not None and len(text[block[0] : block[1]].split()) >= 5:
                    source, cue, medium = pending
                    hop = Hop(source=source, mode=AttributionMode.REPORTED, cue=cue, medium=medium)
                    made = _claim(state, block, [*self._venue_hops(state, source), hop], [])
                    if made is not None and made.attribution:
                        state.attributed.append((len(state.claims) - 1, -1))
                    return True
        match = self._statement_intro.search(text, start, end)
        if match is None:
            return False
        tokens = tokenize(text, start, match.start() + 1, self._abbreviations)
        if not tokens:
            return False
        mention = self._issuer(tokens) or leading_subject(tokens, len(tokens), self._words)
        if mention is None:
            return False
        source = self._source_for(state, text[mention[0] : mention[1]], -1)
        state.statement = (source, *self._statement_words(text, match))
        return False

    def _issuer(self, tokens: list[Token]) -> tuple[int, int] | None:
        """Return the noun phrase ending ``tokens``: who issued the statement named after it."""
        blank = [False] * len(tokens)
        return np_left(tokens, len(tokens) - 1, blank, self._words, heads=self._mention_heads)

    def _statement_words(
        self, text: str, match: re.Match[str]
    ) -> tuple[Excerpt | None, str | None]:
        """Return the cue ("issued a statement") and medium ("statement") of a statement match."""
        words = text[match.start() : match.end()].lower()
        medium = next((m for m in self._media if m in words), None)
        return _excerpt(text, (match.start() + 1, match.end())), medium

    def _colon_intro(
        self,
        state: _Drafting,
        sentence: tuple[int, int],
        paragraph: tuple[int, int],
        number: int,
    ) -> None:
        """Read "17-year-old Jared Potts echoed:" before a quoted paragraph.

        A paragraph whose last sentence ends on a colon after a speech verb with a subject
        introduces the quoted paragraphs that follow, as "X issued the following statement:"
        does (:meth:`_statement_paragraph` reads them).
        """
        text = state.text
        if not text[paragraph[0] : paragraph[1]].rstrip().endswith(":"):
            return
        tokens = tokenize(text, sentence[0], sentence[1], self._abbreviations)
        cue_at = next(
            (
                k
                for k in range(len(tokens) - 2, max(-1, len(tokens) - 14), -1)
                if tokens[k].lower in self._cues.forms
            ),
            None,
        )
        if cue_at is None and len(tokens) >= 3 and tokens[-1].text == ":":
            # "Fox News reports:": a verb's -s form the lexicon leaves out as a noun ("reports")
            # is a verb right before the colon
            last = tokens[-2].lower
            if last.endswith("s") and last[:-1] in self._verb_lemmas:
                cue_at = len(tokens) - 2
        if cue_at is None or cue_at == 0:
            return
        if any(t.text in ('"', "\u201c", "\u201d") for t in tokens[cue_at:]):
            return  # the quotation is in this paragraph already
        blank = [False] * len(tokens)
        mention = np_left(
            tokens, cue_at - 1, blank, self._words, heads=self._mention_heads
        ) or leading_subject(tokens, cue_at, self._words, self._sources.individuals)
        if mention is None or not self._plausible_source(text, mention, tokens):
            return
        source = self._source_for(state, text[mention[0] : mention[1]], number - 1)
        cue = _excerpt(text, (tokens[cue_at].start, tokens[cue_at].end))
        state.statement = (source, cue, None)
        state.statement_opening = "colon"

    def _statement_mention(self, state: _Drafting, sentence: tuple[int, int], number: int) -> None:
        """Note "the DNC issued a statement apologizing to Sanders" at a paragraph's end.

        The paragraph after it, when it is one quotation with no speaker of its own, is the
        statement's text (:meth:`_statement_paragraph`), as after "issued the following
        statement:".
        """
        text = state.text
        match = self._statement_mentioned.search(text, sentence[0], sentence[1])
        if match is None:
            return
        tokens = tokenize(text, sentence[0], match.start() + 1, self._abbreviations)
        if not tokens:
            return
        mention = self._issuer(tokens)
        if mention is None or not self._plausible_source(text, mention, tokens):
            return
        source = self._source_for(state, text[mention[0] : mention[1]], number - 1)
        state.statement = (source, *self._statement_words(text, match))
        state.statement_opening = "mentioned"

    def _venue_hops(self, state: _Drafting, source: str) -> list[Hop]:
        """Return the outlet hop of a source that spoke to an outlet earlier, if any."""
        venue = state.venues.get(source)
        return [Hop(source=venue, mode=AttributionMode.REPORTED)] if venue else []

    def _dash_speaker(self, state: _Drafting, paragraph: tuple[int, int]) -> None:
        """Draft "Polls were early - Carl Bialik: “One lesson ...”" as an attribution by colon.

        A dash, a name, a colon and an opening quotation mark near a paragraph's start, as in
        live blogs; the quotation runs to the paragraph's end.
        """
        start, end = paragraph
        stop = min(end, start + 300)
        if state.text.find(":", start, stop) < 0:
            return
        match = _DASH_SPEAKER.search(state.text, start, stop)
        if match is None or match.group(1).split()[0].lower() in self._non_speakers:
            return
        content = trim(state.text, match.start(3), end)
        if content is None:
            return
        cue = Cue(0, 0, 0, AttributionMode.PARAPHRASE, ":", "phrase")
        source = (match.start(1), match.end(1))
        frame = _Frame(cue, (match.start(2), match.end(2)), source, content, cue.mode)
        self._attributed_claim(state, [frame], [], -100)

    def _tweet(self, state: _Drafting, paragraph: tuple[int, int]) -> bool:
        """Draft an embedded tweet as its author's direct quote; return whether it was one.

        "... https://t.co/x — Ben Jacobs (@Bencjacobs) June 28, 2016", as a page shows an
        embedded tweet: Ben Jacobs's words, the links left out.
        """
        text = state.text
        if text.find("(@", *paragraph) < 0:
            return False  # cheap first: most paragraphs hold no handle
        match = _TWEET_SIGNATURE.fullmatch(text, *paragraph)
        if match is None:
            return False
        content = trim(text, match.start("content"), match.end("content"))
        if content is None:
            return False
        source = self._source_for(state, match.group("name"), -1, corefer=False)
        inner = text[content[0] : content[1]]
        hop = Hop(
            source=source,
            mode=AttributionMode.DIRECT_QUOTE,
            medium="tweet",
            quote=inner,
            mention=_excerpt(text, (match.start("name"), match.end("name"))),
        )
        tokens = tokenize(text, content[0], content[1], self._abbreviations)
        hedges = [_hedge(text, h, source) for h in find_hedges(tokens, self._hedges)]
        made = _claim(state, content, [hop], hedges)
        if made is not None and made.attribution:
            state.attributed.append((len(state.claims) - 1, -1))
        return True

    # -- sentences ----------------------------------------------------------------------

    def _sentence(
        self,
        state: _Drafting,
        sentence: tuple[int, int],
        number: int,
        quotations: list[Quotation],
        starts: list[int],
    ) -> None:
        text = state.text
        tokens = tokenize(text, sentence[0], sentence[1], self._abbreviations)
        if not tokens:
            return
        quoted = _quoted_flags(tokens, quotations, starts)
        cues = find_cues(tokens, quoted, self._cues)
        blocked = [False] * len(tokens)  # tokens of cues: no mention runs through one
        for cue in cues:
            for k in range(cue.first, cue.last + 1):
                blocked[k] = True
        self._note_subject(state, tokens, number)
        state.opening = (number, tokens)
        self._note_venue(state, tokens, number)
        context = SentenceContext(
            text, sentence, tokens, quoted, blocked, quotations, starts, number
        )
        frames: list[_Frame] = []
        for cue in cues:
            frame = self._builders[cue.kind](context, cue)
            if frame is not None:
                frames.append(frame)
                if frame.source_span is not None:
                    # '"...," said Joe Biden, urging ...': the source before or after its cue
                    context.earlier = frame.source_span
        frames.extend(self._opening_frames(context))
        frames.extend(self._poll_frames(context))
        frames = _drop_overlapping(frames)
        frames = self._split_nested_verbs(context, frames)
        frames = self._relays(context, frames)
        hedges = find_hedges(tokens, self._hedges)
        parents = _parents(frames)
        # "Clinton performed well among voters who believe that A, according to exit polls":
        # a relative clause's frame is nested in the outer content, which stays a claim too
        containers = {
            outer
            for inner, outer in parents.items()
            if not self._relative_source(text, frames[inner])
        }
        leaves = [i for i in range(len(frames)) if i not in containers]
        covered: list[tuple[int, int]] = []
        for index in leaves:
            chain = [index]
            while chain[-1] in parents:
                chain.append(parents[chain[-1]])
            chain.reverse()  # outermost (nearest the publisher) first
            self._attributed_claim(
                state, _citing_inside([frames[i] for i in chain]), hedges, number
            )
        if (
            state.speaker is not None
            and state.speaker[1] == number
            and state.people
            and state.people[-1][1] == number
            and state.people[-1] != state.speaker
        ):
            _meet(state, *state.speaker)
        for frame in frames:
            covered.append(_extent(frame))
        for start, end in _uncovered(sentence, covered, tokens):
            if start > sentence[0]:
                start = skip_connector(text, start, end, self._words)
            quotation = quotation_at(start, quotations, starts)
            if (
                state.quoting is not None
                and quotation is not None
                and quotation.start == start
                and quotation.end >= end
            ):
                close = quotation.end if quotation.end <= sentence[1] else end
                self._continued_quote(state, (start, close), quotation, hedges)
            elif self._second_complement(state, (start, end), hedges, number):
                pass
            else:
                self._publisher_claim(state, (start, end), hedges)
                if not (state.attributed and state.attributed[-1] == (state.quoting, number)):
                    # the publisher's own words end a run of quotations; words left over in
                    # the quoting sentence itself ('Trump is "rapidly learning," X said.') do not
                    state.quoting = None

    def _note_subject(self, state: _Drafting, tokens: list[Token], number: int) -> None:
        """Remember a person the sentence opens with, for a later "he" or surname.

        "Calderon intimated disappointment ...": no cue, but the next "he said" is his. Only a
        person already met (by full name or surname) is noted.
        """
        if not state.people:
            return
        # cheap first: a known surname among the words an opening subject can span
        surnames = state.surnames
        if not any(t.text in surnames for t in tokens[:24]):
            return
        subject = leading_subject(tokens, len(tokens), self._words)
        if subject is None:
            return
        words = state.text[subject[0] : subject[1]].split()
        if not words or words[-1].endswith(("\u2019s", "'s")):
            return
        mention = classify(" ".join(words), self._sources)
        if mention.kind is not SourceKind.NAMED_PERSON or not mention.name:
            return
        surname = mention.name.split()[-1]
        known = state.last_any.get(surname)
        if known is None and " " not in mention.name:
            known = _person_known(state, surname)  # "Mr. Lou" after "Lou Jiwei"
        if known is not None:
            _meet(state, known, number)

    def _body_opening(self, state: _Drafting, tokens: list[Token]) -> str | None:
        """Return the organisation or outlet a sentence opens with, if it does.

        "The Kremlin on Monday laid the blame on Kyiv, which it said was unable to ...": the
        "it" that speaks is the organisation the sentence is about.
        """
        subject = leading_subject(tokens, len(tokens), self._words)
        if subject is None:
            return None
        after = index_after(tokens, subject[1])
        if after < len(tokens) and not self._may_follow_subject(tokens[after]):
            return None  # "The Japanese constitution says": the name only modifies the subject
        mention = state.text[subject[0] : subject[1]]
        kind = classify(mention, self._sources).kind
        if kind in (SourceKind.NAMED_ORGANIZATION, SourceKind.PUBLICATION):
            return mention
        return None

    def _may_follow_subject(self, token: Token) -> bool:
        """Tell whether a word can follow a whole subject: a verb, an adverb, a preposition.

        Without a tagger: a capitalised word or punctuation, a cue form, a word ending as
        verbs and adverbs often do (-s, -ed, -ly), a boundary word, or one of the lexicon's
        ``subject_followers`` (auxiliaries and adverbs: "had", "also").
        """
        word = token.lower
        return (
            not token.text.isalpha()
            or not token.text.islower()
            or word in self._cues.forms
            or word.endswith(("s", "ed", "ly"))
            or word in self._words.left
            or word in self._subject_followers
        )

    def _it_referent(self, state: _Drafting, number: int) -> str | None:
        """Find the organisation or outlet a speaking "it" stands for, if one is near.

        The organisation or outlet this sentence opens with; else the source of a claim in
        this sentence or the one before, when it is an organisation or outlet.
        """
        best: tuple[int, str] | None = None
        for index, sentence in reversed(state.attributed[-6:]):
            if number - sentence > 1:
                break
            last = state.claims[index].attribution[-1].source
            if state.sources[last].kind in (SourceKind.NAMED_ORGANIZATION, SourceKind.PUBLICATION):
                best = (sentence, last)
                break
        if state.opening is not None and state.opening[0] == number:
            mention = self._body_opening(state, state.opening[1])
            if mention is not None:
                return self._source_for(state, mention, number, corefer=False)
        return best[1] if best is not None else None

    def _note_venue(self, state: _Drafting, tokens: list[Token], number: int) -> None:
        """Note "X ... in an interview with Politico": the outlet relays what X says.

        The outlet becomes the outer hop of this sentence's one-hop claims by a named source
        and, through ``state.venues``, of that source's later claims; a sentence with no
        claim of its own gives the venue to the person it opens with.
        """
        words = state.text[tokens[0].start : tokens[-1].end].lower()
        if not any(key in words for key in self._venue_keys):
            return  # cheap first: most sentences hold none of the phrases' main words
        text = state.text
        lower = [t.lower for t in tokens]
        for phrase in self._venue_phrases:
            size = len(phrase)
            for at in range(len(tokens) - size):
                if lower[at] != phrase[0]:
                    continue
                after = self._phrase_end(lower, at, phrase)
                if after is None:
                    continue
                outlet = self._outlet_in(text, tokens, after)
                if outlet is None:
                    continue
                source_id = self._outlet(state, outlet)
                if source_id is None:
                    continue
                state.sentence_venue = (number, source_id)
                # the last person named before the phrase ("That's the picture Sharpton
                # paints in an interview with ...", "an incident Trump brought up ... in an
                # interview with"), else the person the sentence opens with
                for first in range(at - 1, 0, -1):
                    word = tokens[first].text
                    if not word[:1].isupper() or tokens[first].lower in self._non_speakers:
                        continue
                    mention = classify(word, self._sources)
                    if mention.kind is SourceKind.NAMED_PERSON and mention.name:
                        surname = mention.name.split()[-1]
                        known = [n for n, _ in state.people if n.split()[-1] == surname]
                        if known:
                            person = self._named(state, SourceKind.NAMED_PERSON, known[-1])
                            state.venues[person] = source_id
                        else:
                            state.venue_names[surname] = source_id
                        return
                subjects = [name for name, n in state.people if n == number]
                if subjects:
                    person = self._named(state, SourceKind.NAMED_PERSON, subjects[-1])
                    state.venues[person] = source_id
                    return
                # "When reached by the Associated Press, Lewandowski had little to say": the
                # subject after the opening adjunct
                named = self._subject_after_adjunct(text, tokens, after)
                if named is not None:
                    surname = named.split()[-1]
                    known = [n for n, _ in state.people if n.split()[-1] == surname]
                    if known:
                        person = self._named(state, SourceKind.NAMED_PERSON, known[-1])
                        state.venues[person] = source_id
                    else:
                        state.venue_names[surname] = source_id
                return

    def _subject_after_adjunct(self, text: str, tokens: list[Token], at: int) -> str | None:
        """Return the person's name right after the comma closing an opening adjunct, if any."""
        window = range(at, min(len(tokens), at + 8))
        comma = next((k for k in window if tokens[k].text == ","), None)
        if comma is None:
            return None
        end = comma + 1
        while end < len(tokens) and end - comma <= 3 and tokens[end].text[:1].isupper():
            end += 1
        if end == comma + 1:
            return None
        mention = classify(text[tokens[comma + 1].start : tokens[end - 1].end], self._sources)
        if mention.kind is SourceKind.NAMED_PERSON and mention.name:
            return mention.name
        return None

    def _phrase_end(self, lower: list[str], at: int, phrase: tuple[str, ...]) -> int | None:
        """Match ``phrase`` at ``lower[at]``, time words between its words allowed.

        "in an interview Tuesday with", "speaking Sunday on", "an interview published
        Monday by": return the index after the phrase, or None.
        """
        k = at
        for number, word in enumerate(phrase):
            while number and k < len(lower) and lower[k] != word and lower[k] in self._time_words:
                k += 1
            if k >= len(lower) or lower[k] != word:
                return None
            k += 1
        return k

    def _outlet_in(self, text: str, tokens: list[Token], at: int) -> str | None:
        """Return the news outlet named in the few words from ``tokens[at]``, if any.

        The longest run of words that reads as a publication wins, wherever it starts:
        "Britain's ITV television station" names ITV.
        """
        inside = tokens[at : at + 6]
        for size in range(len(inside), 0, -1):
            for first in range(len(inside) - size + 1):
                name = text[inside[first].start : inside[first + size - 1].end]
                if not name[:1].isupper() and not name.lower().startswith("the "):
                    continue
                if classify(name, self._sources).kind is SourceKind.PUBLICATION:
                    return name
        return None

    def _credited_outlets(self, state: _Drafting) -> None:
        """Give an outlet credited once for a person's words to all of that person's claims.

        "Starr's remarks, first reported by The New York Times on Tuesday, ...": every quote
        of Starr in the text, before that sentence or after it, reached the publisher through
        the Times (lexicon ``credit_nouns`` and ``credit_phrases``). A claim that already
        names an outlet keeps its own.
        """
        if self._credit is None or not state.people:
            return
        text = state.text
        for match in self._credit.finditer(text):
            owner = match.group(1).split()[-1]
            person = next(
                (
                    source_id
                    for source_id, source in state.sources.items()
                    if source.kind is SourceKind.NAMED_PERSON
                    and source.name is not None
                    and source.name.split()[-1] == owner
                ),
                None,
            )
            outlet_words = np_right(
                tokens := tokenize(text, match.end(), min(len(text), match.end() + 80)),
                0,
                [False] * len(tokens),
                self._words,
                max_tokens=6,
            )
            if person is None or outlet_words is None:
                continue
            mention = classify(text[outlet_words[0] : outlet_words[1]], self._sources)
            if mention.kind is not SourceKind.PUBLICATION or not mention.name:
                continue
            outlet = self._named(state, SourceKind.PUBLICATION, mention.name)
            if outlet == state.publisher:
                continue
            for index, claim in enumerate(state.claims):
                hops = claim.attribution
                if (
                    len(hops) != 1
                    or hops[0].source != person
                    or state.sources[outlet].kind is not SourceKind.PUBLICATION
                ):
                    continue
                relayed = (Hop(source=outlet, mode=AttributionMode.REPORTED), *hops)
                updated = attrs.evolve(claim, attribution=relayed)
                decision = derive_status(updated, state.sources, publisher=state.publisher)
                state.claims[index] = attrs.evolve(
                    updated, status=decision.status, status_reasons=decision.reasons
                )

    # -- frame builders, one per cue kind (``self._builders``) ---------------------------

    def _phrase_frame(self, s: SentenceContext, cue: Cue) -> _Frame | None:
        """Frame "according to X, A" and "A, according to X": the phrase's object is the source."""
        tokens = s.tokens
        last = cue.last
        cue_span = (tokens[cue.first].start, tokens[last].end)
        limit = self._content_limit(s.text, tokens, last + 1, s.span[1])
        source = np_right(tokens, last + 1, s.blocked, self._words)
        if source is None:
            return None
        if tokens[cue.first].lower == "citing" and not self._names_someone(s.text, source):
            return None  # "McCain said, citing low economic growth": reasons, not a source
        source = self._report_in_outlet(s, source)
        before = [t for t in tokens[: cue.first] if t.is_word]
        content: tuple[int, int] | None
        if before and not (len(before) == 1 and before[0].text.lower() in self._words.connectors):
            content = trim(s.text, tokens[0].start, tokens[cue.first].start)
            content = self._quotation_or(content, s.quotations, s.starts)
        else:
            after = next_after(tokens, source[1], ",")
            if after is not None:
                # The content's own limit, from its first word: measured from the cue, the
                # comma after the source ended it whenever a cue word followed closely
                # ("According to Reuters, the suspect was ...": "suspect" is a verb form).
                limit = self._content_limit(s.text, tokens, index_after(tokens, after), s.span[1])
            content = trim(s.text, after, limit) if after is not None else None
        return _Frame(cue, cue_span, source, content, cue.mode, tail=limit)

    def _names_someone(self, text: str, span: tuple[int, int]) -> bool:
        """Whether a phrase can be a source: a name, or a head the lexicon knows as one."""
        words = text[span[0] : span[1]]
        if words.split()[-1][:1].isupper():
            return True  # "citing officials in Washington", "citing the Pentagon"
        index = self._sources
        for word in words.lower().split():
            word = word.strip(".,")
            if self._is_source_head(word) or word in index.pronouns:
                return True
            if word in index.organizations or word.removesuffix("s") in index.organizations:
                return True
        return classify(words, index).kind is not SourceKind.UNKNOWN

    def _report_in_outlet(self, s: SentenceContext, source: tuple[int, int]) -> tuple[int, int]:
        """Extend "a new article" over "in Politico" when an outlet follows."""
        tokens = s.tokens
        at = index_after(tokens, source[1])
        if (
            at + 1 >= len(tokens)
            or tokens[at].lower != "in"
            or not tokens[at + 1].text[:1].isupper()
        ):
            return source
        outlet = np_right(tokens, at + 1, s.blocked, self._words, max_tokens=5)
        if outlet is None:
            return source
        wider = (source[0], outlet[1])
        kind = classify(s.text[wider[0] : wider[1]], self._sources).kind
        return wider if kind is SourceKind.PUBLICATION else source

    def _report_frame(self, s: SentenceContext, cue: Cue) -> _Frame | None:
        """Frame "reports came to light that A": the vague head before the event is the source."""
        tokens = s.tokens
        last = cue.last
        cue_span = (tokens[cue.first].start, tokens[last].end)
        limit = self._content_limit(s.text, tokens, last + 1, s.span[1])
        head = tokens[cue.first - 1]
        left = np_left(tokens, cue.first - 2, s.blocked, self._words, max_tokens=4)
        source = (left[0] if left else head.start, head.end)
        content = trim(s.text, tokens[last + 1].start, limit) if last + 1 < len(tokens) else None
        return _Frame(cue, cue_span, source, content, AttributionMode.REPORTED)

    def _verb_frame(self, s: SentenceContext, cue: Cue) -> _Frame | None:
        """Frame a verb cue: its subject (or inverted subject) is the source."""
        tokens = s.tokens
        last, medium = self._absorb_medium(tokens, cue.last)
        cue_span = (tokens[cue.first].start, tokens[last].end)
        limit = self._content_limit(s.text, tokens, last + 1, s.span[1])
        passive = self._passive_frame(s, cue, last, cue_span)
        if passive is not None:
            return passive
        if (
            last + 2 < len(tokens)
            and tokens[last + 1].lower == "by"
            and tokens[last + 2].lower not in self._channels
            and tokens[cue.head].lower.endswith("ed")
            and cue.lemma not in self._relay_verbs  # "a statement cited by Yonhap" relays
            and not any(
                tokens[k].lower in self._cues.be_forms
                for k in range(max(0, cue.first - 3), cue.head)
            )
        ):
            # "a truce proposed by the administration": a participle after its noun, whose
            # agent follows "by"; the noun is no speaker and what follows no content
            return None
        found = self._verb_source(s, cue, last)
        if found is None:
            return None
        source, inverted = found
        # '"...," said Robert Klein, chairman of ...': the mention runs over the apposition,
        # the name says who the source is
        name = source
        if inverted:
            source = self._apposition_right(s, source)
        recipient, right = self._verb_recipient(s, cue, last + 1, source, inverted)
        right = self._skip_time_right(tokens, right, s.blocked)
        content = self._verb_content(s, right, limit, source, cue_span, inverted, medium)
        if content is None:
            return None
        cue_span, content = self._cue_particle(s, last, cue_span, content)
        content = self._past_adjunct(s, cue_span, content)
        mode, quote = self._quote_mode(s, content, cue.mode)
        # a content before the cue: the words after it ("said to the TV") are the frame's own
        tail = limit if content[1] <= cue_span[0] else None
        named: tuple[int, int] | None = source
        if s.text[source[0] : source[1]].lower() in self._non_sources:
            # "However, pro-life members ... are denouncing": the opener is no source
            named = None
        referent = self._antecedent(s, source) if named is not None else None
        if named is not None and name != source:
            referent = name
        return _Frame(
            cue, cue_span, named, content, mode, recipient, medium, quote, tail, referent=referent
        )

    def _passive_frame(
        self, s: SentenceContext, cue: Cue, last: int, cue_span: tuple[int, int]
    ) -> _Frame | None:
        """Frame "Tinder's ban was first reported by BuzzFeed": the agent is the source.

        A cue form after a form of "be" (the cue's own auxiliaries or the words just before
        it) and followed by "by": the noun phrase after "by" is the source, the clause before
        the cue is the content.
        """
        tokens = s.tokens
        if last + 2 >= len(tokens) or tokens[last + 1].lower != "by" or cue.first == 0:
            return None
        be = self._cues.be_forms
        if not any(tokens[k].lower in be for k in range(max(0, cue.first - 3), cue.head)):
            return None
        source = np_right(tokens, last + 2, s.blocked, self._words)
        if source is None or not self._names_someone(s.text, source):
            return None
        first = cue.first
        while first > 0 and (
            tokens[first - 1].lower in be or tokens[first - 1].lower.endswith("ly")
        ):
            first -= 1  # "was first reported": the content ends before "was"
        anchor = (tokens[first].start, tokens[first].end)
        content = self._content_left(s.text, tokens, anchor, s.quotations, s.starts)
        if content is None:
            return None
        return _Frame(cue, cue_span, source, content, cue.mode)

    def _cue_particle(
        self, s: SentenceContext, last: int, cue_span: tuple[int, int], content: tuple[int, int]
    ) -> tuple[tuple[int, int], tuple[int, int]]:
        """Move a preposition opening the content into the cue ("talked *about* X").

        PolNeAR and a careful reader alike take "called for" as the cue and X as what was
        called for; only a preposition right after the cue word counts ("said on Monday
        that" keeps its time adjunct out of both).
        """
        tokens = s.tokens
        at = last + 1
        if (
            at + 1 < len(tokens)
            and tokens[at].start == content[0]
            and tokens[at].lower in self._cue_particles
            and not s.blocked[at]
            and tokens[at + 1].is_word
            and tokens[at + 1].start < content[1]
            and not self._clause_soon(tokens, at + 1)
        ):
            return (cue_span[0], tokens[at].end), (tokens[at + 1].start, content[1])
        return cue_span, content

    def _clause_soon(self, tokens: list[Token], at: int) -> bool:
        """Whether a name and then "that" follow ("posted on Twitter *that* ...").

        The name is the place of the words, not what they are about; "commented on the
        report that the Times published" keeps its particle (that "that" is relative).
        """
        for k in range(at, min(len(tokens), at + 5)):
            if tokens[k].lower == "that":
                return k > at
            if not tokens[k].text[:1].isupper():
                return False
        return False

    def _past_adjunct(
        self, s: SentenceContext, cue_span: tuple[int, int], content: tuple[int, int]
    ) -> tuple[int, int]:
        """Start a content after an adjunct opening it ("said in Miami Tuesday *that* ...").

        A content right after the cue that opens with a preposition (lexicon
        ``adjunct_prepositions``) and reaches a complementizer within twelve words, with no
        quotation before it, is the clause the complementizer opens: the place, time or
        occasion belongs to the report, not to what was reported.
        """
        tokens = s.tokens
        if content[0] < cue_span[1]:
            return content
        at = next((k for k, t in enumerate(tokens) if t.start == content[0]), None)
        if at is None or tokens[at].lower not in self._adjunct_preps or s.quoted[at]:
            return content
        for k in range(at + 1, min(len(tokens), at + 13)):
            token = tokens[k]
            if token.start >= content[1] or s.quoted[k] or s.blocked[k]:
                return content
            if token.lower in self._complementizers and k + 1 < len(tokens):
                return (token.start, content[1])
        return content

    @staticmethod
    def _relative_source(text: str, frame: _Frame) -> bool:
        """Whether a frame's source is a relative pronoun after a noun ("voters who believe")."""
        if frame.source_span is None:
            return False
        start, end = frame.source_span
        if text[start:end].lower() not in ("who", "which"):
            return False
        before = text[max(0, start - 2) : start]
        return bool(before) and before[-1] == " " and before[0].isalpha()

    def _antecedent(self, s: SentenceContext, source: tuple[int, int]) -> tuple[int, int] | None:
        """Find the words a relative pronoun source stands for ("Barkley, who said")."""
        tokens = s.tokens
        at = next((k for k, t in enumerate(tokens) if t.start == source[0]), None)
        if at is None or at == 0 or tokens[at].lower not in ("who", "which"):
            return None
        if tokens[at].end != source[1]:
            return None
        before = at - 1
        if tokens[before].text == "," and before > 0:
            before -= 1
        if not (tokens[before].text[:1].isupper() or tokens[before].lower in self._mention_heads):
            return None  # "the Associated Press report, which notes": a source head counts
        found = np_left(
            tokens, before, s.blocked, self._words, max_tokens=6, heads=self._mention_heads
        )
        if found is None and tokens[before].lower in self._mention_heads:
            # "performed well among New York primary voters who believe": the head noun, when
            # the phrase runs back into the clause it is part of
            found = (tokens[before].start, tokens[before].end)
        return found

    def _verb_source(
        self, s: SentenceContext, cue: Cue, last: int
    ) -> tuple[tuple[int, int], bool] | None:
        """Find a verb cue's source and whether it follows the verb ('"A," said X')."""
        tokens = s.tokens
        words = self._words
        end = self._skip_time(tokens, cue.first - 1, s.blocked)
        if tokens[end].text in _DASHES:
            # "Joyce — who is listed as an attorney — told": the name before the dashes
            opening = next(
                (k for k in range(end - 1, max(0, end - 30), -1) if tokens[k].text in _DASHES),
                None,
            )
            if opening is not None and opening > 0 and not s.quoted[opening - 1]:
                end = opening - 1
        source = np_left(
            tokens,
            end,
            s.blocked,
            words,
            partitives=self._partitives,
            heads=self._mention_heads,
            bodies=self._accredited,
        )
        if source is not None and not self._plausible_source(s.text, source, tokens):
            source = None
        if (
            source is not None
            and s.text[source[0] : source[1]].lower() in ("that", "which")
            and cue.lemma not in words.inverting
        ):
            return None
        prev = tokens[cue.first - 1].text if cue.first > 0 else ""
        if (
            source is None
            and cue.lemma in words.inverting
            and not tokens[cue.head].lower.endswith("ing")  # '"...," adding that' is no inversion
        ):
            quote_before = prev in ("\u201d", '"', "'") or (
                prev == "," and cue.first > 1 and tokens[cue.first - 2].text in ("\u201d", '"', "'")
            )
            # '"We're extremely happy" about the decision, said RoseAnn DeMoro': a sentence
            # that opens with a quotation
            opens_quoted = (
                prev == ","
                and any(s.quoted[:2])
                and last + 1 < len(tokens)
                and (tokens[last + 1].text[:1].isupper() or tokens[last + 1].lower == "the")
                and cue.mode is not AttributionMode.TOLD
                and not any(
                    t.text[:1].isupper() or t.lower in words.person_pronouns
                    for k, t in enumerate(tokens[: cue.first])
                    if not s.quoted[k]
                )
                and not self._subject_after_quote(s, cue.first)
            )
            if (
                cue.first == 0
                or quote_before
                or prev in (":", "\u2014")
                or opens_quoted
                or (prev == "," and self._speaker_after_comma(s, cue, last))
            ):
                source = np_right(tokens, last + 1, s.blocked, words, max_tokens=8)
                if source is not None:
                    return source, True
        link = prev.lower()
        if link in ("\u201d", '"') and cue.first > 1 and tokens[cue.first - 2].text == ",":
            link = ","  # 'Cruz said there is "only one," adding that ...'
        if (
            source is None
            and tokens[cue.head].text.endswith("ing")
            and link in self._participle_links
        ):
            # "X said A, adding B", "X broke his silence by asking B": X is the source of B too
            source = (
                s.earlier if s.earlier is not None else leading_subject(tokens, cue.first, words)
            )
        if source is None and (prev.lower() in ("and", "but", ",") or cue.head != cue.first):
            # '"...," Jenna Golden, Twitter's director, said': the subject after the quotation;
            # 'Guns are "a crisis," Howard Dean, ..., proclaimed': after the last one
            for skip in (
                max((k + 1 for k in range(cue.first) if s.quoted[k]), default=0),
                0,
            ):
                while skip < cue.first and (s.quoted[skip] or tokens[skip].text in BOUNDARY_PUNCT):
                    skip += 1
                if skip < cue.first:
                    source = leading_subject(
                        tokens[skip:], cue.first - skip, words, self._sources.individuals
                    )
                if source is not None:
                    break
        if source is None:
            return None
        return self._tidy_source(s, source, cue), False

    def _speaker_after_comma(self, s: SentenceContext, cue: Cue, last: int) -> bool:
        """Whether "A, said X" ends the sentence with its speaker.

        "The race will be tight, said Dan Gerstein, director of Gotham Ghostwriters." A past
        form of an inverting verb after a clause and a comma, then a name or a noun phrase
        running to the sentence's end or to an apposition, with no clause after it.
        """
        tokens = s.tokens
        form = tokens[cue.head].lower
        if not (form.endswith("ed") or form in ("said", "wrote", "says")):
            return False
        if cue.lemma not in self._comma_inverting or cue.first < 4 or last + 1 >= len(tokens):
            return False
        if sum(1 for k in range(cue.first) if tokens[k].text == "," and not s.quoted[k]) > 3:
            return False  # a list or a string of appositions, not one clause
        first = tokens[last + 1]
        if not (first.text[:1].isupper() or first.lower in self._words.subject_starts):
            return False
        for k in range(last + 1, len(tokens)):
            token = tokens[k]
            if token.text == "," or token.text in (".", "!", "?"):
                return True  # an apposition or the end
            if (
                s.quoted[k]
                or k - last > 8
                or token.lower in ("that", "to")
                or token.lower in self._cues.forms
                or token.lower in self._cues.auxiliaries
                or token.lower in self._cues.be_forms
            ):
                return False  # a clause, not a speaker: "said the plan would fail"
            if (
                k > last + 1
                and token.text[:1].islower()
                and token.lower.endswith(("ed", "s"))
                and not self._is_source_head(token.lower)
            ):
                return False  # a verb: "said Smith wants", not a speaker
        return True

    def _is_source_head(self, word: str) -> bool:
        """Whether a lower-case word (or its singular) is a source head noun of the lexicon."""
        heads = self._source_heads
        return word in heads or (word.endswith("s") and word[:-1] in heads)

    def _subject_after_quote(self, s: SentenceContext, before: int) -> bool:
        """Whether the first word after a sentence's opening quotation opens a noun phrase.

        '"...," an intelligence source, who was not authorized to speak, told Fox News' has
        its subject there; '"..." about the decision, said RoseAnn DeMoro' has not.
        """
        words = [t for k, t in enumerate(s.tokens[:before]) if not s.quoted[k] and t.is_word]
        return bool(words) and (
            words[0].lower in self._cues.determiners or words[0].text[:1].isdigit()
        )

    def _apposition_right(self, s: SentenceContext, source: tuple[int, int]) -> tuple[int, int]:
        """Widen an inverted source over the apposition ending its sentence.

        '"...," said Robert Klein, chairman of the California Institute.' names Robert Klein
        with his role: the words after the comma up to the sentence's end describe the
        source (a careful reader and PolNeAR both keep them), unless a quotation or another
        cue stands among them.
        """
        tokens = s.tokens
        comma = index_after(tokens, source[1])
        if comma + 1 >= len(tokens) or tokens[comma].text != "," or not tokens[comma + 1].is_word:
            return source
        end = len(tokens)
        while end > comma + 1 and tokens[end - 1].text in (".", "!", "?"):
            end -= 1
        if end - comma > 40:
            return source
        for k in range(comma + 1, end):
            if s.quoted[k] or s.blocked[k] or tokens[k].text in (";", ":", "\u2014", "("):
                return source
        return (source[0], tokens[end - 1].end)

    def _tidy_source(
        self, s: SentenceContext, source: tuple[int, int], cue: Cue
    ) -> tuple[int, int]:
        """Narrow a left source to its noun phrase, or widen it over an appositive.

        "naturally he", "the time he" and "He's" name "he"; "If Republicans" names
        "Republicans"; "Dean Johnson, a salesman from Sumter, said" and "Chris Cox, who runs
        the NRA's lobbying arm, said" name the whole phrase up to the comma before the cue.
        """
        tokens, words = s.tokens, self._words
        issued = self._statement_object.search(s.text, source[0], source[1])
        if issued is not None and issued.start() > source[0]:
            source = (source[0], len(s.text[: issued.start()].rstrip()))
        elif issued is not None:
            # "Mr. Trump, who said ..., issued a statement Tuesday saying": the sentence's subject
            subject = leading_subject(
                tokens, index_after(tokens, issued.start()), words, self._sources.individuals
            )
            if subject is not None:
                source = subject
        inside = [k for k, t in enumerate(tokens) if source[0] <= t.start and t.end <= source[1]]
        if not inside:
            return source
        last = tokens[inside[-1]]
        bare = last.text.replace("\u2019", "'").split("'", 1)[0].lower()
        if bare in words.person_pronouns or bare in ("i", "you", "me", "it"):
            return (last.start, last.start + len(bare))
        first = tokens[inside[0]]
        if (
            len(inside) > 1
            and first.lower in words.left
            and not (first.lower == "at" and tokens[inside[1]].lower in AT_QUANTIFIERS)
        ):
            source = (tokens[inside[1]].start, source[1])
        comma = cue.first - 1
        if comma > 2 and tokens[comma].text == "," and source[1] <= tokens[comma].start:
            opening = next(
                (k for k in range(comma - 1, max(0, comma - 30), -1) if tokens[k].text == ","),
                None,
            )
            if (
                opening is not None
                and opening > 0
                and not any(s.quoted[opening:comma])
                and not any(s.blocked[opening:comma])
                and tokens[opening - 1].start < source[1]
                and source[0] <= tokens[opening - 1].start
                and tokens[opening + 1].is_word
            ):
                return (source[0], tokens[comma].end)
            if opening is not None and self._role_then_name(s, source, opening, comma):
                return (source[0], tokens[comma - 1].end)
        return source

    def _role_then_name(
        self, s: SentenceContext, source: tuple[int, int], opening: int, comma: int
    ) -> bool:
        """Tell whether a role's source is followed by the speaker's name between commas.

        "A spokesman for the U.S. Defense Department, Navy Captain Jeff Davis, said": the
        subject found is "A spokesman"; what the role's "for ..." and the name between the
        commas add is the speaker.
        """
        tokens = s.tokens
        after = index_after(tokens, source[1])
        role = classify(s.text[source[0] : source[1]], self._sources)
        if role.kind is not SourceKind.UNNAMED_INDIVIDUAL or after > opening:
            return False
        if after < opening and tokens[after].lower not in ("for", "of", "at", "with", "from", "to"):
            return False
        if any(s.quoted[after:comma]) or any(s.blocked[after:comma]):
            return False
        if any(tokens[k].text in BOUNDARY_PUNCT for k in range(after, opening)):
            return False
        name = s.text[tokens[opening + 1].start : tokens[comma - 1].end]
        return classify(name, self._sources).kind is SourceKind.NAMED_PERSON

    def _verb_recipient(
        self, s: SentenceContext, cue: Cue, right: int, source: tuple[int, int], inverted: bool
    ) -> tuple[str | None, int]:
        """Find whom a verb cue's source spoke to; return it and the token index after it."""
        tokens = s.tokens
        if inverted:
            return None, index_after(tokens, source[1])
        if cue.mode is AttributionMode.TOLD or cue.lemma in ("tell", "inform", "brief"):
            rec = np_right(tokens, right, s.blocked, self._words, max_tokens=6, stop_that=True)
            if rec is None:
                return None, right
            rec = self._outlet_prefix(s, self._cut_recipient(s, rec))
            return s.text[rec[0] : rec[1]], index_after(tokens, rec[1])
        # "is scheduled to appear on \"The View\"": a belief verb speaks on no programme
        programme = cue.mode is not AttributionMode.BELIEF
        return self._recipient_after(s.text, tokens, right, programme=programme)

    def _cut_recipient(self, s: SentenceContext, span: tuple[int, int]) -> tuple[int, int]:
        """End a recipient where the reported clause's subject begins.

        "told reporters the bridge was closed", "told a news conference the army had left",
        "told her they would stay": "that" is left out, so the recipient ends before a word
        that opens a subject ("the", "a", "two", "they") unless it follows "of" or another
        word that keeps a noun phrase going ("the head of the agency").
        """
        tokens, words = s.tokens, self._words
        first = index_after(tokens, span[0])
        for k in range(first + 1, len(tokens)):
            if tokens[k].end > span[1]:
                break
            lower = tokens[k].lower
            opens = (
                lower in words.subject_starts and lower not in self._recipient_prepositions
            ) or lower in words.person_pronouns
            title = (  # "NBC's Meet the Press": "the" inside a programme's title
                k + 1 < len(tokens)
                and tokens[k - 1].text[:1].isupper()
                and tokens[k + 1].text[:1].isupper()
            )
            if opens and not title and tokens[k - 1].lower not in self._recipient_links:
                return (span[0], tokens[k - 1].end)
        return span

    def _outlet_prefix(self, s: SentenceContext, span: tuple[int, int]) -> tuple[int, int]:
        """Cut a recipient to the news outlet it opens with ("told CNBC the wall ...")."""
        inside = [t for t in s.tokens if span[0] <= t.start and t.end <= span[1]]
        whole = classify(s.text[span[0] : span[1]], self._sources)
        if whole.kind is SourceKind.NAMED_PERSON and whole.affiliation is not None:
            return span  # "told ABC's George Stephanopoulos that": the outlet's journalist
        for size in range(len(inside), 0, -1):
            words = s.text[inside[0].start : inside[size - 1].end]
            if classify(words, self._sources).kind is SourceKind.PUBLICATION:
                return (inside[0].start, inside[size - 1].end)
        return span

    def _verb_content(
        self,
        s: SentenceContext,
        right: int,
        limit: int,
        source: tuple[int, int],
        cue_span: tuple[int, int],
        inverted: bool,
        medium: str | None,
    ) -> tuple[int, int] | None:
        """Find a verb cue's content: a quotation after it, the clause after it, or before it."""
        text, tokens = s.text, s.tokens
        content = None
        words_right = [t for t in tokens[right:] if t.start < limit and t.is_word]
        following = tokens[right] if right < len(tokens) else None
        if following is not None and following.text in (":", ",") and right + 1 < len(tokens):
            quotation = s.quotation_at(tokens[right + 1].start)
            if quotation is not None and quotation.start == tokens[right + 1].start:
                content = (quotation.start, quotation.end)
        if content is None and following is not None:
            quotation = s.quotation_at(following.start)
            if quotation is not None and quotation.start == following.start:
                content = (quotation.start, quotation.end)
        before_source = text[tokens[0].start : source[0]].rstrip()
        after_break = before_source.endswith((",", "\u201d", '"', "''", "\u2014", "\u2013", ":"))
        short = len(words_right) < 3 or (medium is not None and len(words_right) < 6)
        # '"I would," Melanie said to the TV.': a quotation closes right before the source, and
        # what follows the cue is an adjunct, not a content ("..., she said in the Oval Office")
        quote_first = before_source.rstrip(",").endswith(("\u201d", '"', "''")) and not (
            following is not None and following.lower in ("that", ":")
        )
        # '"...," he said, crediting the software': a participle whose source is the earlier
        # speaker's takes the words after it, not the quotation before that speaker
        borrowed = text[source[1] : cue_span[0]].strip() not in ("", ",")
        if borrowed and text[cue_span[0] : cue_span[1]].split()[0].lower().endswith("ing"):
            quote_first = False
        if content is None and (
            inverted
            or quote_first
            or (short and (after_break or not words_right))
            or (after_break and self._adjunct_only(s, right, limit))
        ):
            content = self._content_left(
                text, tokens, source if not inverted else cue_span, s.quotations, s.starts
            )
        if content is None and words_right:
            content = trim(
                text,
                words_right[0].start
                if following is None or not following.is_word
                else following.start,
                limit,
            )
            if following is not None and following.text in (":", ","):
                content = (
                    trim(text, tokens[right + 1].start, limit) if right + 1 < len(tokens) else None
                )
        return content

    def _adjunct_only(self, s: SentenceContext, right: int, limit: int) -> bool:
        """Whether only a time adjunct follows a parenthetical cue.

        "A, the AP declared on Thursday, two days after ...": after "A, X said" a time
        adjunct ending at a comma, a dash or the sentence's end opens no reported clause;
        what X said is A, before the source.
        """
        tokens = s.tokens
        k = right
        nouns = 0
        while k < len(tokens) and tokens[k].start < limit and not s.quoted[k]:
            word = tokens[k].lower
            if word in self._time_words and word not in self._words.time_modifiers:
                nouns += 1
            elif word not in self._words.time_modifiers and word not in ("on", "in"):
                break
            k += 1
        if not nouns:
            return False
        return (
            k >= len(tokens)
            or tokens[k].start >= limit
            or tokens[k].text in (",", "-", "\u2014", "\u2013", ".", ";")
        )

    def _quote_mode(
        self, s: SentenceContext, content: tuple[int, int], mode: AttributionMode
    ) -> tuple[AttributionMode, str | None]:
        """Make a content that is (or holds) a quotation a direct (or partial) quote."""
        text, quotations, starts = s.text, s.quotations, s.starts
        quotation = s.quotation_at(content[0])
        inner = [
            q
            for q in quotations[max(0, bisect.bisect_left(starts, content[0]) - 1) :]
            if q.start >= content[0] and q.end <= content[1] + 1
        ][:1]
        quote: str | None = None
        chosen = mode
        if quotation is not None and quotation.start == content[0] and quotation.end >= content[1]:
            chosen = AttributionMode.DIRECT_QUOTE
            quote = quotation.inner(text) or None
        elif inner:
            chosen = AttributionMode.PARTIAL_QUOTE
            quote = inner[0].inner(text) or None
        if chosen.is_quote and quote is None:
            return mode, None
        return chosen, quote

    def _nominal_frame(self, s: SentenceContext, cue: Cue) -> _Frame | None:
        """Frame "Trump's claim that ...", "her criticism of X": the possessor is the source."""
        text, tokens, quoted = s.text, s.tokens, s.blocked
        limit = self._content_limit(text, tokens, cue.last + 1, s.span[1])
        owner = cue.first - 1
        if tokens[owner].text.lower() in self._sources.pronouns:
            source: tuple[int, int] | None = (tokens[owner].start, tokens[owner].end)
        else:
            source = np_left(tokens, owner, quoted, self._words, max_tokens=6)
            if source is not None and tokens[owner].text[:1].isupper():
                # "Biden rubbished Trump's claim": the name that owns the cue, not the clause
                first = owner
                while (
                    first > 0
                    and tokens[first - 1].start >= source[0]
                    and tokens[first - 1].text[:1].isupper()
                ):
                    first -= 1
                source = (tokens[first].start, source[1])
        if source is None or not self._plausible_source(text, source, tokens):
            return None
        at = cue.last + 1
        if at >= len(tokens):
            return None
        end = limit
        if cue.last > cue.head:  # a preposition: its object, up to punctuation
            end = next(
                (t.start for t in tokens[at:] if t.text in BOUNDARY_PUNCT and t.start < limit),
                limit,
            )
        content = trim(text, tokens[at].start, end)
        if content is None:
            return None
        cue_span = (tokens[cue.first].start, tokens[cue.last].end)
        return _Frame(cue, cue_span, source, content, cue.mode)

    def _opening_frames(self, s: SentenceContext) -> list[_Frame]:
        """Find a frame the sentence opens with: "Asked whether ..., Carson said ...".

        The question was put to someone the sentence names later; it is drafted with a
        generic source, or with the asker "When asked by a reporter whether ..." names.
        """
        text, tokens, quoted = s.text, s.tokens, s.quoted
        if len(tokens) < 4 or quoted[0]:
            return []
        comma = next((i for i, t in enumerate(tokens[:25]) if t.text == ","), None)
        if comma is None or comma < 2 or comma + 1 >= len(tokens):
            return []
        at = 0
        while at < 2 and tokens[at].lower in self._words.question_openers:
            at += 1  # "When asked ...", "And when asked ..."
        if tokens[at].lower == "asked" and (at == 0) == (tokens[at].text == "Asked"):
            cue = Cue(at, at, at, AttributionMode.CLAIMED, "ask", "phrase")
            question_at = at + 1
            source = None
            if tokens[question_at].lower == "by":
                # "When asked by a reporter whether ...": the asker, up to the question
                end = question_at + 1
                while end < comma and end - question_at <= 6 and tokens[end].is_word:
                    if (
                        tokens[end].lower in self._words.left
                        or tokens[end].lower in self._words.relative
                    ):
                        break
                    end += 1
                if end > question_at + 1:
                    source = (tokens[question_at + 1].start, tokens[end - 1].end)
                    question_at = end
            question = trim(text, tokens[question_at].start, tokens[comma].start)
            cue_span = (tokens[at].start, tokens[at].end)
            return [_Frame(cue, cue_span, source, question, cue.mode)]
        return []

    def _poll_frames(self, s: SentenceContext) -> list[_Frame]:
        """Find "In a CBS News poll last month, X" and "X in a CNN poll": a poll as source.

        "in" is the cue; the lexicon's ``survey_heads`` name polls, and the poll must have a
        capitalised name ("in the polls" is no attribution).
        """
        text, tokens, quoted = s.text, s.tokens, s.quoted
        frames: list[_Frame] = []
        heads = self._survey_heads
        for at, token in enumerate(tokens):
            if token.text.lower() != "in" or quoted[at]:
                continue
            end = at + 1
            head = None
            while end < len(tokens) and end - at <= 12 and not quoted[end]:
                word = tokens[end]
                if word.text in BOUNDARY_PUNCT:
                    break
                if word.text.lower() in heads:
                    head = end
                end += 1
            if head is None or not any(t.text[0].isupper() for t in tokens[at + 1 : head]):
                continue
            last = end - 1 if end - head <= 4 else head
            source = (tokens[at + 1].start, tokens[last].end)
            cue = Cue(at, at, at, AttributionMode.DOCUMENT_STATES, "in", "phrase")
            content: tuple[int, int] | None
            if at == 0:
                if end >= len(tokens) or tokens[end].text != ",":
                    continue
                content = trim(text, tokens[end].start, s.span[1])
            else:
                content = self._content_left(text, tokens, (token.start, token.end), [], [])
            if content is not None:
                frames.append(_Frame(cue, (token.start, token.end), source, content, cue.mode))
        return frames

    def _split_nested_verbs(self, s: SentenceContext, frames: list[_Frame]) -> list[_Frame]:
        """Drop a verb cue inside an earlier verb cue's content, or split the two.

        "Rubio says he opposes ..." is one attribution whose content holds "opposes": the
        inner verb is dropped (only phrase and nominal cues relay a claim as an outer hop).
        When the inner cue's source follows a clause opener ("X said A, while Y argued B",
        "64 percent say A, compared with 60 percent who say B"), a new clause starts there:
        the outer content ends before the opener and the inner cue is kept on its own.
        """
        text, tokens = s.text, s.tokens
        kept: list[_Frame] = []
        token_starts = [t.start for t in tokens]
        for frame in sorted(frames, key=lambda f: f.cue_span[0]):
            if frame.cue.kind != "verb":
                kept.append(frame)
                continue
            outer_at = next(
                (
                    k
                    for k, other in enumerate(kept)
                    if other.cue.kind == "verb"
                    and other.content_span is not None
                    and other.content_span[0] <= frame.cue_span[0] < other.content_span[1]
                ),
                None,
            )
            if outer_at is None:
                kept.append(frame)
                continue
            outer = kept[outer_at]
            assert outer.content_span is not None
            if self._reported_speech(text, frame, outer):
                # "Biden said Trump claimed that A": Trump's claim, relayed by Biden
                kept.append(frame)
                continue
            opener = self._clause_opener(text, tokens, token_starts, frame, outer.content_span[0])
            if opener is None:
                continue
            content = trim(text, outer.content_span[0], opener)
            if content is None:
                continue
            kept[outer_at] = attrs.evolve(outer, content_span=content, tail=None)
            kept.append(frame)
        return kept

    def _reported_speech(self, text: str, inner: _Frame, outer: _Frame) -> bool:
        """Whether a verb cue inside another's content is a second speaker's statement.

        "Meeks said Clinton told them that A", "Biden said Trump claimed that A": the inner
        verb says, tells or claims, its source is a mention of its own (not a pronoun, which
        is mostly the outer speaker again: "Rubio says he opposes") and its content lies
        inside the outer one. Verbs of belief or stance stay part of the outer content.
        """
        if inner.cue.lemma not in self._nested_speech or inner.source_span is None:
            return False
        if outer.cue.lemma not in self._nested_speech:
            return False
        if inner.content_span is None or outer.content_span is None:
            return False
        if not (
            outer.content_span[0] <= inner.source_span[0]
            and inner.content_span[1] <= outer.content_span[1]
        ):
            return False
        words = text[inner.source_span[0] : inner.source_span[1]].split()
        if not words or not words[0][:1].isupper() or words[0].lower() in self._non_sources:
            return False
        return classify(" ".join(words), self._sources).kind in (
            SourceKind.NAMED_PERSON,
            SourceKind.NAMED_ORGANIZATION,
        )

    def _relays(self, s: SentenceContext, frames: list[_Frame]) -> list[_Frame]:
        """Read the sources an outlet relays: "Reuters quoted a source as saying X".

        A relay verb's content that holds "SOURCE as saying X" gets an inner frame (the
        source says X), so the chain is outlet <- source; "according to a statement cited by
        Yonhap" marks Yonhap as the relay of the statement and drops "cited" as a cue.
        """
        tokens = s.tokens
        kept = list(frames)
        for frame in frames:
            if frame.cue.kind != "verb" or frame.cue.lemma not in self._relay_verbs:
                continue
            after = frame.cue.last + 1
            if after < len(tokens) and tokens[after].lower == "by":
                phrase = next(
                    (
                        f
                        for f in kept
                        if f.cue.kind == "phrase"
                        and f.source_span is not None
                        and 0 <= frame.cue_span[0] - f.source_span[1] <= 1
                    ),
                    None,
                )
                outlet = np_right(tokens, after + 1, s.blocked, self._words, max_tokens=6)
                if phrase is not None and outlet is not None:
                    kept = [f for f in kept if f is not frame and f is not phrase]
                    kept.append(attrs.evolve(phrase, relay=outlet, tail=outlet[1]))
                    continue
                relayed = self._passive_relay(s, frame, after)
                if relayed is not None:
                    passive, link = relayed
                    # the link's own frame ('saying "..."') is the relayed words, not a claim
                    kept = [
                        passive if f is frame else f
                        for f in kept
                        if f is frame or not link[0] <= f.cue_span[0] < link[1]
                    ]
                continue
            if frame.content_span is None or frame.cue.lemma == "report":
                continue
            inner = self._relayed(s, frame.content_span)
            if inner is None:
                continue
            kept = [
                f
                for f in kept
                if not (inner.cue_span[0] <= f.cue_span[0] < inner.cue_span[1]) and f is not frame
            ]
            kept.extend([frame, inner])
        return kept

    def _passive_relay(
        self, s: SentenceContext, frame: _Frame, by: int
    ) -> tuple[_Frame, tuple[int, int]] | None:
        """Read "X was quoted by OUTLET as saying Y": X says Y, relayed by the outlet.

        ``by`` is the index of "by" after the relay verb. The outlet ends where a relay link
        ("as saying") begins; the frame's source is X (the subject, also where the frame read
        the outlet as the passive's agent), its content what follows the link, and the
        outlet its relay (the chain's outer hop). Returns the frame and the link's span.
        """
        tokens, text = s.tokens, s.text
        if frame.source_span is None or frame.content_span is None or by + 1 >= len(tokens):
            return None
        speaker, end = frame.source_span, frame.content_span[1]
        if frame.source_span[0] == tokens[by + 1].start:
            # read as the passive's agent: the outlet "said" the subject; the subject spoke
            speaker, end = frame.content_span, tokens[-1].end
            if speaker[1] > tokens[by].start:
                return None
        for k in range(by + 2, min(len(tokens), by + 9)):
            if s.quoted[k] or tokens[k].text in BOUNDARY_PUNCT:
                return None
            for link in self._relay_links:
                last = k + len(link) - 1
                if len(link) < 2 or last + 1 >= len(tokens):
                    continue
                if tuple(t.lower for t in tokens[k : last + 1]) != link:
                    continue
                outlet = trim(text, tokens[by + 1].start, tokens[k - 1].end)
                said = trim(text, tokens[last + 1].start, end)
                if outlet is None or said is None:
                    return None
                mode, quote = self._quote_mode(s, said, AttributionMode.PARAPHRASE)
                passive = attrs.evolve(
                    frame,
                    source_span=speaker,
                    content_span=said,
                    mode=mode,
                    quote=quote,
                    relay=outlet,
                    tail=None,
                )
                return passive, (tokens[k].start, tokens[last].end)
        return None

    def _relayed(self, s: SentenceContext, content: tuple[int, int]) -> _Frame | None:
        """Find "SOURCE as saying X" in a relay verb's content; return the inner frame."""
        text, tokens = s.text, s.tokens
        inside = [k for k, t in enumerate(tokens) if content[0] <= t.start and t.end <= content[1]]
        for k in inside:
            for link in self._relay_links:
                words = [t.lower for t in tokens[k : k + len(link)]]
                if tuple(words) != link or k == inside[0]:
                    continue
                last = k + len(link) - 1
                start = content[0]
                lead = text[start : tokens[k].start].lower()
                for opener in self._relay_openers:
                    if lead.startswith(opener):
                        start += len(opener)
                        break
                source = trim(text, start, tokens[k].start)
                said = trim(text, tokens[last].end, content[1]) if last + 1 < len(tokens) else None
                if source is None or said is None:
                    return None
                cue = Cue(k, last, last, AttributionMode.PARAPHRASE, "say", "verb")
                mode, quote = self._quote_mode(s, said, cue.mode)
                span = (tokens[k].start, tokens[last].end)
                return _Frame(cue, span, source, said, mode, quote=quote)
        return None

    def _clause_opener(
        self,
        text: str,
        tokens: list[Token],
        token_starts: list[int],
        frame: _Frame,
        floor: int,
    ) -> int | None:
        """Where the clause holding ``frame`` opens, when an opener precedes its source."""
        if frame.source_span is None:
            return None
        at = bisect.bisect_left(token_starts, frame.source_span[0]) - 1
        if (
            text[frame.source_span[0] : frame.source_span[1]].lower() in self._words.relative
            and at >= 0
        ):
            # "compared with 60 percent who say ...": the clause opens before the antecedent
            antecedent = np_left(tokens, at, [False] * len(tokens), self._words, max_tokens=6)
            if antecedent is None:
                return None
            at = bisect.bisect_left(token_starts, antecedent[0]) - 1
        if at < 0 or tokens[at].start <= floor:
            return None
        word = tokens[at].lower
        if word in ("with", "to") and at > 0 and tokens[at - 1].lower in self._openers:
            at -= 1  # "compared with", "compared to"
            word = tokens[at].lower
        if word not in self._openers:
            return None
        if at > 0 and tokens[at - 1].text == "," and word.isalpha():
            at -= 1
        return tokens[at].start if tokens[at].start > floor else None

    def _skip_time(self, tokens: list[Token], at: int, quoted: list[bool]) -> int:
        """Step left over a time adjunct between a source and its cue ("on Thursday evening").

        Return the index of the token before it (``at`` when there is none).
        """
        k = at
        nouns = 0
        while k > 0 and not quoted[k] and tokens[k].lower in self._time_words:
            if (
                tokens[k].lower in self._common_times
                and tokens[k].text[:1].isupper()
                and tokens[k - 1].text[:1].isupper()
            ):
                return at  # "USA Today said": a name, not a time
            nouns += tokens[k].lower not in self._words.time_modifiers
            k -= 1
        while k > 0 and not quoted[k] and tokens[k].lower in self._words.time_modifiers:
            k -= 1
        # "Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed": a party tag ends the name
        return k if nouns and (tokens[k].is_word or tokens[k].text == ")") else at

    def _skip_time_right(self, tokens: list[Token], at: int, quoted: list[bool]) -> int:
        """Step over a time adjunct after a cue when "that" follows ("said Tuesday that").

        Return the index of "that" (``at`` when there is no such adjunct).
        """
        k = at
        nouns = 0
        while k < len(tokens) and k - at < 5 and not quoted[k]:
            word = tokens[k].lower
            if word == "that" or (word not in self._time_words and word not in ("on", "in")):
                break
            nouns += word in self._time_words and word not in self._words.time_modifiers
            k += 1
        if nouns and k < len(tokens) and tokens[k].lower == "that":
            return k
        if nouns and k < len(tokens) and tokens[k].is_word and not quoted[k]:
            return k  # "said on Thursday how surprised he is": the content starts after it
        return at

    def _plausible_source(self, text: str, span: tuple[int, int], tokens: list[Token]) -> bool:
        words = text[span[0] : span[1]].split()
        while len(words) > 1 and (
            words[-1].endswith(")") or words[-1].lower() in self._words.source_trailers
        ):
            # "Sen. Elizabeth Warren (D-MA)", "Cruz himself", "voters overall"
            if words[-1].endswith(")") and not words[-1].startswith("("):
                opening = next((i for i in range(len(words) - 1, 0, -1) if "(" in words[i]), 0)
                if opening == 0:
                    break
                words = words[:opening]
            else:
                words = words[:-1]
        if all(_BARE_NUMBER.fullmatch(word) for word in words):
            return False  # "by 271 pledged delegates": a bare number is nobody ("47%" may be)
        last = words[-1].strip(".,\u2019'\"\u201d").lower()
        last = last.rsplit("-", 1)[-1] if "-" in last else last
        pronoun = last.replace("\u2019", "'").split("'", 1)[0]  # "he's", "they've"
        if (
            words[-1][:1].isupper()
            or last in self._sources.pronouns
            or (len(words) == 1 and pronoun in self._sources.pronouns)
        ):
            return True
        index = self._sources
        heads = (
            index.groups | index.individuals | index.documents | index.vague | index.organizations
        )
        if last in heads or (last.endswith("s") and last[:-1] in heads):
            return True
        first = words[0].lower()
        return len(words) <= 6 and (first in self._words.subject_starts or first[:1].isdigit())

    def _absorb_medium(self, tokens: list[Token], last: int) -> tuple[int, str | None]:
        """Extend a verb cue over "in a statement" / "in an interview"."""
        if last + 3 < len(tokens) + 1 and last + 2 < len(tokens):
            first = tokens[last + 1].text.lower()
            article = tokens[last + 2].text.lower()
            if first == "in" and article in ("a", "an", "the") and last + 3 < len(tokens):
                noun = tokens[last + 3].text.lower()
                if noun in self._media:
                    return last + 3, noun
        return last, None

    def _recipient_after(
        self, text: str, tokens: list[Token], at: int, *, programme: bool = True
    ) -> tuple[str | None, int]:
        """Find a "to reporters" after a verb cue; return the recipient and the index after it.

        A news outlet counts too ("commented to the Reuters news agency", "in a statement to
        Reuters", "said on CNN", "in an interview with ABC's This Week"): it becomes the
        claim's outer hop.
        """
        found = self._outlet_after(text, tokens, at, programme=programme)
        if found is not None:
            return found
        if at < len(tokens) and tokens[at].text.lower() == "to":
            rest = text[tokens[at].end : tokens[at].end + 40].lower().lstrip()
            for recipient in self._recipients:
                if rest.startswith(recipient):
                    end = (
                        tokens[at].end
                        + (len(text[tokens[at].end :]) - len(text[tokens[at].end :].lstrip()))
                        + len(recipient)
                    )
                    return text[end - len(recipient) : end], index_after(tokens, end)
        return None, at

    def _outlet_after(
        self, text: str, tokens: list[Token], at: int, *, programme: bool = True
    ) -> tuple[str, int] | None:
        """Find "on CNN", "by telephone on NBC's Meet the Press" after a cue: the outlet.

        A channel ("by telephone", lexicon ``channel_words``) may stand before the
        preposition; a programme after the outlet's possessive ("NBC's ''Meet the Press''")
        is skipped with it, so it is not read as the content. With ``programme``, a
        programme's title in quotation marks after "on" ('said on \u201cMeet the Press\u201d')
        is an outlet too, returned with its marks.
        """
        if (
            at + 2 < len(tokens)
            and tokens[at].lower == "by"
            and tokens[at + 1].lower in self._channels
        ):
            at += 2
        if not (at + 1 < len(tokens) and tokens[at].lower in ("to", "on", "with")):
            return None
        if programme and tokens[at].lower == "on":
            title = _programme_after(text, tokens, at + 1)
            if title is not None:
                return title
        span = np_right(tokens, at + 1, [False] * len(tokens), self._words, max_tokens=5)
        if span is None:
            return None
        inside = [t for t in tokens if span[0] <= t.start and t.end <= span[1]]
        for size in range(len(inside), 0, -1):
            name = text[inside[0].start : inside[size - 1].end]
            if classify(name, self._sources).kind is not SourceKind.PUBLICATION:
                continue
            after = index_after(tokens, inside[size - 1].end)
            if name.endswith(("'s", "\u2019s")):
                while after < len(tokens) and (
                    tokens[after].text[:1].isupper()
                    or tokens[after].text in ("\u201c", "\u201d", '"', "'")
                    or (tokens[after].lower in ("the", "of", "and") and after + 1 < len(tokens))
                ):
                    after += 1
            return name, after
        return None

    def _content_limit(self, text: str, tokens: list[Token], at: int, end: int) -> int:
        """Where a content that starts at token ``at`` ends: a clause break or a later cue."""
        if at >= len(tokens):
            return end
        start = tokens[at].start
        segment = text[start:end]
        limit = end
        lower = segment.lower()
        for marker in (*self._breaks, ", according to ", ", citing ", ", per "):
            found = lower.find(marker)
            if found > 0:
                limit = min(limit, start + found)
        # a comma followed closely by another verb cue ends the content ("who said X, said Y")
        forms = self._cues.forms
        for index in range(at, len(tokens)):
            token = tokens[index]
            if token.start >= limit:
                break
            if token.text.lower() in ("and", "but"):
                for k in range(index + 1, min(len(tokens), index + 6)):
                    ahead = tokens[k]
                    if ahead.text in BOUNDARY_PUNCT:
                        break
                    if ahead.text in forms and not self._relay_link_at(tokens, k):
                        return min(limit, token.start)
                continue
            if token.text != ",":
                continue
            after = index + 1
            while after < len(tokens) and tokens[after].text in ("\u201d", '"'):
                after += 1  # 'to “promote changes,” the Orlando Sentinel reported'
            plain = 0  # words of a name ("CNN and The New York Times reported") do not count
            for ahead in tokens[after : after + 12]:
                if ahead.text in BOUNDARY_PUNCT or plain >= 5:
                    break
                if ahead.text in forms:
                    return min(limit, tokens[after - 1].end if after > index + 1 else token.start)
                if not (ahead.text[:1].isupper() or ahead.lower in ("and", "the", "of")):
                    plain += 1
        return limit

    def _relay_link_at(self, tokens: list[Token], at: int) -> bool:
        """Tell whether token ``at`` ends a relay link of two words or more ("as saying").

        "cited unidentified U.S. and European officials as saying that ...": the "saying"
        after "and" is the relayed source's, inside the relay verb's content, not a new cue.
        """
        return any(
            len(link) > 1
            and at - len(link) + 1 >= 0
            and tuple(t.lower for t in tokens[at - len(link) + 1 : at + 1]) == link
            for link in self._relay_links
        )

    def _content_left(
        self,
        text: str,
        tokens: list[Token],
        anchor: tuple[int, int],
        quotations: list[Quotation],
        starts: list[int],
    ) -> tuple[int, int] | None:
        """Find the content before a source (or an inverted cue): a quotation or the clause."""
        before = text[tokens[0].start : anchor[0]].rstrip().rstrip(",").rstrip()
        end = tokens[0].start + len(before)
        if end <= tokens[0].start:
            # '"That would be you?" Borger asked.': the quotation closed the previous sentence
            gap = text[max(0, tokens[0].start - 3) : tokens[0].start]
            back = tokens[0].start - (len(gap) - len(gap.rstrip()))
            quotation = quotation_at(back - 1, quotations, starts) if back > 0 else None
            if quotation is not None and quotation.end == back:
                return (quotation.start, quotation.end)
            return None
        quotation = quotation_at(end - 1, quotations, starts)
        # 'The plan is “a disaster,” Smith said': the clause the quotation ends is the
        # content (so 'Clinton pledged to “...,” the Sentinel reported' nests Clinton)
        if (
            quotation is not None
            and quotation.end == end
            and not any(t.is_word and t.end <= quotation.start for t in tokens)
        ):
            return (quotation.start, quotation.end)
        # a clause break before the content's start limits it on the left
        start = tokens[0].start
        lower = text[start:end].lower()
        for marker in self._breaks:
            found = lower.rfind(marker)
            if found >= 0:
                start = max(start, tokens[0].start + found + len(marker))
        return trim(text, start, end)

    def _quotation_or(
        self, span: tuple[int, int] | None, quotations: list[Quotation], starts: list[int]
    ) -> tuple[int, int] | None:
        if span is None:
            return None
        quotation = quotation_at(span[1] - 1, quotations, starts)
        if quotation is not None and quotation.end == span[1] and quotation.start < span[0]:
            return (quotation.start, span[1])
        return span

    # -- claims -------------------------------------------------------------------------

    def _attributed_claim(
        self, state: _Drafting, chain: list[_Frame], hedges: list[FoundHedge], number: int
    ) -> None:
        text = state.text
        leaf = chain[-1]
        if leaf.content_span is None or self._says_nothing(text, leaf.content_span):
            return
        if len(chain) == 1 and self._stance_claim(state, leaf, hedges, number):
            return
        start, end = leaf.content_span
        while (
            state.claims
            and not state.claims[-1].attribution
            and state.claims[-1].span is not None
            and start <= state.claims[-1].span.start
            and state.claims[-1].span.end <= end
        ):
            state.claims.pop()  # a quotation first read alone, attributed by what follows
        hops: list[Hop] = []
        inherits: str | None = None
        for position, frame in enumerate(chain):
            named = frame.referent or frame.source_span
            mention_text = text[named[0] : named[1]] if named else None
            source_id: str
            if position == 0 and mention_text is not None:
                # a speaking "it" is an organisation near; "it seems" speaks for nobody
                it_source = (
                    self._it_referent(state, number)
                    if mention_text.strip().lower() == "it"
                    and frame.cue.mode is not AttributionMode.BELIEF
                    else None
                )
                resolved = None if it_source else self._anaphora(state, mention_text, number)
                if resolved is not None and (
                    self._outlet(state, frame.recipient) is not None
                    or (
                        len(chain) == 1
                        and state.sentence_venue is not None
                        and state.sentence_venue[0] == number
                    )
                ):
                    # "he told NBC's Meet the Press", "In a later interview with The New York
                    # Times, she said": this claim names its own outlet
                    resolved = None
                if resolved is not None and len(chain) == 1:
                    source_id, earlier = resolved
                    inherits = earlier.id
                    hops.extend(
                        attrs.evolve(
                            hop,
                            cue=None,
                            mention=None,
                            recipient=None,
                            medium=None,
                            quote=None,
                            mode=_unquoted(hop.mode),
                        )
                        for hop in earlier.attribution[:-1]
                        if not (
                            state.sources[hop.source].kind is SourceKind.PUBLICATION
                            and (self._other_occasion(text, frame) or self._other_audience(frame))
                        )
                    )
                elif it_source is not None:
                    source_id = it_source
                else:
                    source_id = self._source_for(state, mention_text, number)
                    if len(chain) == 1:
                        source_id = self._poll_share(state, source_id, mention_text, number)
                outer = state.sources[source_id]
                if outer.kind is SourceKind.NAMED_PERSON and outer.name:
                    state.speaker = (outer.name, number)
            elif mention_text is not None:
                # an inner mention is not read as anaphora: "X said he told ABC" stays two hops
                source_id = self._source_for(state, mention_text, number, corefer=False)
            else:
                source_id = self._generic_source(state, frame)
            is_leaf = frame is leaf
            if frame.relay is not None:
                relay = text[frame.relay[0] : frame.relay[1]]
                hops.append(
                    Hop(
                        source=self._source_for(state, relay, number, corefer=False),
                        mode=AttributionMode.REPORTED,
                        mention=_excerpt(text, frame.relay),
                    )
                )
            outlet = self._outlet(state, frame.recipient)
            if outlet is not None:
                # "officials told the Yonhap news agency": the outlet relays what it was told
                hops.append(Hop(source=outlet, mode=AttributionMode.REPORTED))
                if state.sources[source_id].kind.is_named:
                    state.venues[source_id] = outlet
            elif (
                len(chain) == 1
                and inherits is None
                and state.sentence_venue is not None
                and state.sentence_venue[0] == number
                and state.sources[source_id].kind is SourceKind.NAMED_PERSON
                and not any(state.sources[h.source].kind is SourceKind.PUBLICATION for h in hops)
            ):
                # "..., Sharpton said in an interview with Politico"
                venue = state.sentence_venue[1]
                hops.append(Hop(source=venue, mode=AttributionMode.REPORTED))
                state.venues[source_id] = venue
            elif (
                len(chain) == 1
                and source_id not in state.venues
                and not any(state.sources[h.source].kind is SourceKind.PUBLICATION for h in hops)
                and state.sources[source_id].kind is SourceKind.NAMED_PERSON
                and (state.sources[source_id].name or "").split()[-1:]
                and (state.sources[source_id].name or "").split()[-1] in state.venue_names
            ):
                name = (state.sources[source_id].name or "").split()[-1]
                state.venues[source_id] = state.venue_names[name]
                hops.append(Hop(source=state.venues[source_id], mode=AttributionMode.REPORTED))
            elif (
                len(chain) == 1
                and source_id in state.venues
                and not any(state.sources[h.source].kind is SourceKind.PUBLICATION for h in hops)
                and frame.medium in (None, "interview")
                and not self._other_occasion(text, frame)
                and not self._other_audience(frame)
            ):
                # the interview goes on: what the person says later the outlet still relays
                hops.append(Hop(source=state.venues[source_id], mode=AttributionMode.REPORTED))
            mode = frame.mode if is_leaf else _outer_mode(frame.mode)
            hops.append(
                Hop(
                    source=source_id,
                    mode=mode,
                    cue=_excerpt(text, frame.cue_span),
                    mention=_excerpt(text, frame.source_span) if frame.source_span else None,
                    recipient=frame.recipient
                    if frame.recipient and frame.recipient.strip()
                    else None,
                    medium=frame.medium,
                    quote=frame.quote if is_leaf and mode.is_quote else None,
                )
            )
        hops = _untangle(hops, state.publisher)
        reported = self._quoted_report(state, (start, end), hops, number)
        if reported is not None:
            (start, end), hops = reported
        claim_hedges = [h for h in hedges if start <= h.start and h.end <= end]
        origin = hops[-1].source if hops else None
        made = _claim(
            state,
            (start, end),
            hops,
            [_hedge(text, h, origin) for h in claim_hedges],
            inherits=inherits,
        )
        if made is not None and made.attribution:
            state.attributed.append((len(state.claims) - 1, number))
            if reported is not None:
                state.quoted_reports.add(made.id)
            # a partial quote too: 'Massie said Trump had "the opportunity ..."' and then a
            # quotation standing alone goes on with Massie's words
            quoted = reported is not None or made.attribution[-1].mode in (
                AttributionMode.DIRECT_QUOTE,
                AttributionMode.PARTIAL_QUOTE,
            )
            before = state.claims[state.quoting] if state.quoting is not None else None
            if quoted:
                state.quoting = len(state.claims) - 1
            elif not (
                before is not None
                and before.attribution
                and before.attribution[-1].source == made.attribution[-1].source
                and len(state.attributed) > 1
                and state.attributed[-2] == (state.quoting, number)
            ):
                # '"...," Ramos said, referring to X.' and then a quotation standing alone:
                # the participle in the quoting sentence does not end Ramos's run of quotes
                state.quoting = None
            else:
                state.attributed[-1], state.attributed[-2] = (
                    state.attributed[-2],
                    state.attributed[-1],
                )

    def _quoted_report(
        self, state: _Drafting, span: tuple[int, int], hops: list[Hop], number: int
    ) -> tuple[tuple[int, int], list[Hop]] | None:
        """Read a report the speaker quotes: '"She said that 'A'," McDermott said'.

        A direct quote that opens with a mention and a speech verb ("She said", "A lot of
        people said", "People close to Sharpton say") holds a statement of another: the claim
        is what follows the verb, and the one quoted on is a hop after the speaker. "he" or
        "she" stands for the person met last who is not the speaker; with no such person, or
        a mention that names nobody ("I said", "it says"), the quote stays as it is.
        """
        if not hops or hops[-1].mode is not AttributionMode.DIRECT_QUOTE:
            return None
        text = state.text
        tokens = tokenize(text, span[0], span[1], self._abbreviations)
        words = [t for t in tokens if t.is_word]
        if len(words) < 5 or not words[0].text[:1].isupper():
            return None
        verb = next(
            (
                k
                for k, token in enumerate(words[1:8], start=1)
                if self._cues.forms.get(token.lower, ("", None))[0] in self._nested_speech
            ),
            None,
        )
        if verb is None:
            return None
        mention_span = (words[0].start, words[verb - 1].end)
        mention = text[mention_span[0] : mention_span[1]]
        rest = words[verb + 1 :]
        if rest and rest[0].lower in self._complementizers:
            rest = rest[1:]
        if len(rest) < 3:
            return None
        speaker = hops[-1].source
        lower = mention.lower()
        if re.split(r"[\u2019']", lower.split()[0])[0] in self._sources.pronouns - {"he", "she"}:
            return None  # "I'm telling you", "We said": the speaker's own words
        if lower in ("he", "she"):
            latest = self._named_before(state, span[0], speaker)
            if latest is None:
                return None
            source_id = self._named(state, SourceKind.NAMED_PERSON, latest)
        else:
            found = classify(mention, self._sources)
            if (
                found.kind
                not in (
                    SourceKind.NAMED_PERSON,
                    SourceKind.NAMED_ORGANIZATION,
                    SourceKind.UNNAMED_GROUP,
                    SourceKind.UNNAMED_INDIVIDUAL,
                )
                or lower.split()[0] in self._non_sources
            ):
                return None
            source_id = self._source_for(state, mention, number, corefer=False)
            if source_id == speaker:
                return None
        start, end = rest[0].start, span[1]
        while start > span[0] and text[start - 1] in _OPENING_MARKS:
            start -= 1  # "She said that 'I know ...'": the inner quotation mark stays
        if text[start] not in _OPENING_MARKS:
            # 'A lot of people said the governor should step down,"': the outer quotation's
            # closing mark and comma are not the inner statement's
            while end > start and text[end - 1] in _CLOSING_TRAIL:
                end -= 1
        inner = Hop(
            source=source_id,
            mode=AttributionMode.PARAPHRASE,
            cue=_excerpt(text, (words[verb].start, words[verb].end)),
            mention=_excerpt(text, mention_span),
        )
        return (start, end), [*hops, inner]

    def _named_before(self, state: _Drafting, at: int, speaker: str) -> str | None:
        """Return the person last named (by a surname met) in the 400 characters before ``at``.

        Not only the sources: "Meeks said Clinton reassured them ... 'She said ...'" names
        Clinton inside a content. The speaker is skipped.
        """
        window = state.text[max(0, at - 400) : at]
        for word in reversed(_NAME_TOKEN.findall(window)):
            if word not in state.surnames:
                continue
            name = state.last_any.get(word) or _person_known(state, word)
            # looked up, not made: a name met only inside a content has no Source yet
            known = state.keys.get(_named_key(name)) if name else None
            if name is not None and known != speaker:
                return name
        return None

    def _poll_share(self, state: _Drafting, source_id: str, mention: str, number: int) -> str:
        """Give "26 percent of Democrats said" to the poll met a few sentences before.

        Those polled answered the poll; what a share of them thinks is what the poll states.
        """
        if not state.polls or number - state.polls[-1][1] > _POLL_REACH:
            return source_id
        if state.sources[source_id].kind not in (SourceKind.UNNAMED_GROUP, SourceKind.UNKNOWN):
            return source_id
        listed = [w.strip(",.").lower() for w in mention.split()]
        words = set(listed)
        # "Two in three", "3 in 10": a share written as a ratio
        ratio = any(
            w == "in"
            and 0 < k < len(listed) - 1
            and (listed[k + 1].isdigit() or listed[k + 1] in self._numbers)
            for k, w in enumerate(listed)
        )
        # "Two in three said": the mention found may be the ratio's last number alone
        bare_number = len(listed) == 1 and (listed[0].isdigit() or listed[0] in self._numbers)
        if ratio or bare_number or words & self._poll_shares or any(w.endswith("%") for w in words):
            return state.polls[-1][0]
        return source_id

    def _says_nothing(self, text: str, span: tuple[int, int]) -> bool:
        """Whether a content is one of the lexicon's ``empty_contents`` ("to comment")."""
        words = text[span[0] : span[1]].lower().rstrip(" .").split()
        for phrase in self._empty_contents:
            if words[: len(phrase)] == list(phrase) and len(words) - len(phrase) <= 3:
                return True
        return False

    def _other_audience(self, frame: _Frame) -> bool:
        """Whether a frame's speaker addresses people other than an interviewer.

        "Sanders told the crowd", "telling reporters": another occasion than the interview
        an outlet gave; "telling Stephanopoulos" or "told him" may be the interviewer.
        """
        words = (frame.recipient or "").split()
        return bool(words) and words[0].islower() and words[0] not in self._sources.pronouns

    def _other_occasion(self, text: str, frame: _Frame) -> bool:
        """Whether the words between a frame's cue and its content name another occasion.

        "Adelson said earlier on Friday during a news conference that ...": not the interview
        he gave an outlet before, so the outlet does not relay it.
        """
        if frame.content_span is None or frame.content_span[0] < frame.cue_span[1]:
            return False
        start = frame.content_span[0]
        between = text[frame.cue_span[1] : start].lower()
        if text[start : start + 7].lower().startswith(("during ", "at ", "in ")):
            # an adjunct left at the content's start: "during a news conference that ..."
            between += " " + text[start : min(frame.content_span[1], start + 40)].lower()
        return any(m in between for m in self._media if "interview" not in m)

    def _stance_claim(
        self, state: _Drafting, frame: _Frame, hedges: list[FoundHedge], number: int
    ) -> bool:
        """Draft "X declined to confirm / denied / is skeptical about reports that Y".

        Y is what the reports say: its chain is the reports' (nearest first, an outlet named
        in them included), never X's. X's stance is recorded on Y as X's factuality
        (``Uu``, ``CT-``, ``PR-`` from the lexicon's ``stances``), with a hedge over the
        stance words (unresolved for a declined confirmation, doxastic for skepticism); a
        denial sets the reports' ``CT+`` beside it, so the claim is ``disputed`` with both
        sides named. Return whether the frame was such a stance.
        """
        text = state.text
        assert frame.content_span is not None
        start, end = frame.content_span
        if frame.source_span is None:
            return False
        # the stance object stands among the first words: read no further than that
        head = text[start : min(end, start + 400)]
        words = [(m.start() + start, m.end() + start) for m in _WORDS_OF.finditer(head)][:9]
        found = None
        for k, (w_start, w_end) in enumerate(words[:7]):
            word = text[w_start:w_end].lower().strip(",")
            if word in self._stance_objects and k + 1 < len(words):
                link = text[words[k + 1][0] : words[k + 1][1]].lower()
                if link == "that":
                    found = k
                    break
        if found is None or found + 2 > len(words):
            return False
        before = text[words[found - 1][0] : words[found - 1][1]].lower() if found else ""
        if before.endswith(("\u2019s", "'s")) or before in self._cues.possessives:
            # "They rejected Mr. Trump's assertion that ...": the nominal cue is the holder's
            return False
        lead = 0
        while lead < found and text[words[lead][0] : words[lead][1]].lower() in (
            "about",
            "on",
            "of",
        ):
            lead += 1
        between = " ".join(text[frame.cue_span[0] : words[lead][0]].lower().split())
        value = next((v for phrase, v in self._stances if phrase in between), None)
        if value is None and frame.mode is AttributionMode.DENIED:
            value = Factuality.CERTAIN_NEGATIVE
        if value is None:
            return False
        report_span = (words[lead][0], words[found][1])
        claim_span = trim(text, words[found + 1][1], end)
        if claim_span is None:
            return False
        holder = self._source_for(state, text[frame.source_span[0] : frame.source_span[1]], number)
        report_text = text[report_span[0] : report_span[1]]
        report = self._source_for(state, report_text, number, corefer=False)
        hops = [
            Hop(
                source=report,
                mode=AttributionMode.REPORTED,
                mention=_excerpt(text, report_span),
            )
        ]
        stance_span = (frame.cue_span[0], words[lead][0])
        stance_text = trim(text, *stance_span)
        own: list[Hedge] = [
            _hedge(text, h, report)
            for h in hedges
            if claim_span[0] <= h.start and h.end <= claim_span[1]
        ]
        category = {
            Factuality.UNDERSPECIFIED: HedgeCategory.UNRESOLVED,
            Factuality.PROBABLE_NEGATIVE: HedgeCategory.DOXASTIC,
        }.get(value)
        if category is not None and stance_text is not None:
            own.append(
                Hedge(
                    text=text[stance_text[0] : stance_text[1]],
                    category=category,
                    span=Span(*stance_text),
                    source=holder,
                    factuality=value,
                )
            )
        perspectives = [Perspective(source=holder, value=value)]
        if value is Factuality.CERTAIN_NEGATIVE:
            # a denial: the reports hold it, the holder denies it -> disputed, both named
            perspectives.append(Perspective(source=report, value=Factuality.CERTAIN_POSITIVE))
        made = _claim(state, claim_span, hops, own, perspectives=perspectives)
        if made is not None and made.attribution:
            state.attributed.append((len(state.claims) - 1, number))
        return made is not None

    def _continued_quote(
        self,
        state: _Drafting,
        span: tuple[int, int],
        quotation: Quotation,
        hedges: list[FoundHedge],
    ) -> None:
        """Attribute a quotation standing alone after a direct quote to the same speaker.

        '"A," he said, "B." "C."': B and C continue what the speaker is quoted saying; they
        share A's chain and cue (``inherits`` names A's claim).
        """
        assert state.quoting is not None
        earlier = state.claims[state.quoting]
        start, end = span
        chain = earlier.attribution
        if earlier.id in state.quoted_reports:
            chain = chain[:-1]  # the speaker goes on, not the one the speaker quoted
        leaf = attrs.evolve(chain[-1], quote=quotation.inner(state.text) or None)
        if leaf.quote is None:
            leaf = attrs.evolve(leaf, mode=AttributionMode.REPORTED)
        elif leaf.mode is AttributionMode.PARTIAL_QUOTE:
            leaf = attrs.evolve(leaf, mode=AttributionMode.DIRECT_QUOTE)  # a whole quotation
        hops = [*chain[:-1], leaf]
        origin = leaf.source
        found = [h for h in hedges if start <= h.start and h.end <= end]
        _claim(
            state,
            span,
            hops,
            [_hedge(state.text, h, origin) for h in found],
            inherits=earlier.id,
        )

    def _second_complement(
        self,
        state: _Drafting,
        span: tuple[int, int],
        hedges: list[FoundHedge],
        number: int,
    ) -> bool:
        """Draft "X said that A, but that B": B is X's as well, with A's chain.

        The words left after a claim of this sentence open with "that", only ", but" or
        ", and" stands between them and that claim, and that claim opened with "that" too.
        Return whether B was drafted so.
        """
        if not state.attributed or state.attributed[-1][1] != number:
            return False
        start, end = span
        text = state.text
        match = _SECOND_THAT.match(text, start, end)
        if match is None:
            return False
        earlier = state.claims[state.attributed[-1][0]]
        if earlier.span is None or earlier.span.end > start or not earlier.attribution:
            return False
        if not _SECOND_LINK.fullmatch(text, earlier.span.end, start):
            return False
        opening = text[max(0, earlier.span.start - 5) : earlier.span.start + 5].lower()
        if not re.search(r"\bthat\b", opening):
            # "A, and that could change": a demonstrative, unless the first complement
            # opened with "that" too
            return False
        first = match.end()
        origin = earlier.attribution[-1].source
        found = [h for h in hedges if first <= h.start and h.end <= end]
        *outer, leaf = earlier.attribution
        mode = AttributionMode.PARAPHRASE if leaf.mode.is_quote else leaf.mode
        hops = [*outer, attrs.evolve(leaf, quote=None, mode=mode)]
        made = _claim(state, (first, end), hops, [_hedge(text, h, origin) for h in found])
        if made is not None and made.attribution:
            state.attributed.append((len(state.claims) - 1, number))
        return True

    def _publisher_claim(
        self, state: _Drafting, span: tuple[int, int], hedges: list[FoundHedge]
    ) -> None:
        start, end = span
        found = [h for h in hedges if start <= h.start and h.end <= end]
        _claim(state, (start, end), [], [_hedge(state.text, h, None) for h in found])

    def _resolve(self, state: _Drafting, mention: str, number: int) -> tuple[str, Claim] | None:
        """Find an earlier claim whose origin ``mention`` refers back to ("the spokesman", "he")."""
        lower = mention.lower()
        words = lower.split()
        if not state.attributed:
            return None
        if lower in self._words.person_pronouns:
            index, sentence = state.attributed[-1]
            if number - sentence > 2:
                return None
            claim = state.claims[index]
            origin = claim.attribution[-1].source
            source = state.sources.get(origin)
            if source is None or source.kind in (SourceKind.VAGUE_REPORTS, SourceKind.GENERIC):
                return None
            plural = source.plurality is Plurality.SEVERAL
            if plural != (lower in ("they", "we")):
                return None
            return origin, claim
        if words[0] != "the" or len(words) > 3:
            return None
        wanted = head_class(words[-1], self._sources)
        for index, sentence in reversed(state.attributed[-10:]):
            if number - sentence > 12:
                break
            claim = state.claims[index]
            origin = claim.attribution[-1].source
            if state.heads.get(origin) == wanted:
                return origin, claim
        return None

    def _anaphora(self, state: _Drafting, mention: str, number: int) -> tuple[str, Claim] | None:
        """Resolve a leading mention to an earlier source and the claim whose chain it continues.

        A pronoun or surname goes to the named person met last (a sentence subject counts);
        a definite description first to an earlier origin of the same head ("the spokesman"),
        then to the person met last.
        """
        first = mention.split()[0].lower() if mention.split() else ""
        if first == "the":
            return self._resolve(state, mention, number) or self._corefer_claim(
                state, mention, number
            )
        if self._corefer(state, mention, number) is not None:
            return self._corefer_claim(state, mention, number)
        return self._resolve(state, mention, number)

    def _corefer_claim(
        self, state: _Drafting, mention: str, number: int
    ) -> tuple[str, Claim] | None:
        """Resolve an anaphoric mention to a named source and the latest claim it made.

        "he", "Sanders" (after "Bernie Sanders"), "the Vermont senator": the named person met
        last (or the one whose surname it is). The claim it continues lends its chain, so a
        follow-up quote keeps the outlet that relayed the interview.
        """
        referent = self._corefer(state, mention, number)
        if referent is None:
            return None
        for index, sentence in reversed(state.attributed[-12:]):
            if number - sentence > 15:
                break
            claim = state.claims[index]
            if claim.attribution and claim.attribution[-1].source == referent:
                return referent, claim
        return None

    def _corefer(self, state: _Drafting, mention: str, number: int) -> str | None:
        """Find the earlier named source an anaphoric mention stands for, if one fits."""
        head_part = mention.strip(" ,").split(",", 1)[0]
        if head_part.lower().startswith("the "):
            # "The lawmaker, who represents a district in Albay province,": the description
            mention = head_part
        words = mention.strip(" ,").split()
        if not words:
            return None
        lower = [w.lower() for w in words]
        index = self._sources
        while len(words) > 1 and words[0] in index.titles:
            words, lower = words[1:], lower[1:]  # "Sen. Sanders", "Ms. Graham"
        if len(words) == 1 and lower[0] in self._words.singular_pronouns:
            latest = _latest_within(state.people, number, 6)
            return self._named(state, SourceKind.NAMED_PERSON, latest) if latest else None
        if len(words) == 1 and words[0][:1].isupper():
            known = _person_known(state, words[0])
            return self._named(state, SourceKind.NAMED_PERSON, known) if known else None
        if lower[0] != "the" or len(words) > 6 or len(words) < 2:
            return None
        head = lower[-1]
        if len(words) == 2 and words[1][:1].isupper():
            # "the Post" after "The Washington Post": the outlet met earlier
            for source_id, _ in reversed(state.outlets):
                name = state.sources[source_id].name or ""
                if name.split()[-1:] == [words[1]] and name.lower() != " ".join(lower):
                    return source_id
        if head in self._words.outlet_heads:
            recent_outlets = [(s, n) for s, n in state.outlets if number - n <= 20]
            return recent_outlets[-1][0] if recent_outlets else None
        # "the spokesman", "the Vermont senator"; not "the State Department spokesman", which
        # names a new (affiliated) source, nor "The Washington Post", a name
        # a role may be written in title case ("the Pentagon Spokeswoman"), when the whole
        # reads as a role and not as a name ("The Washington Post")
        role_word = words[-1].islower() or (
            words[-1][1:].islower()
            and classify(" ".join(words), index).kind is SourceKind.UNNAMED_INDIVIDUAL
        )
        if (
            head in index.individuals
            and role_word
            and not any(w.lower().strip(".,") in index.organizations for w in words)
        ):
            latest = _latest_within(state.people, number, 8)
            return self._named(state, SourceKind.NAMED_PERSON, latest) if latest else None
        if head in index.individuals and role_word:
            # "The U.N. chief" after "U.N. Secretary-General Ban Ki-moon": the person met with
            # the same organisation words, else a new source
            marks = {w.lower().replace(".", "").strip(",") for w in words[1:-1]}
            marks &= index.organizations
            for name, n in reversed(state.people):
                if number - n > 8:
                    break
                said = state.descriptions.get(name, "")
                if marks and marks <= set(said.split()):
                    return self._named(state, SourceKind.NAMED_PERSON, name)
        return None

    def _source_for(
        self, state: _Drafting, mention_text: str, number: int = 0, *, corefer: bool = True
    ) -> str:
        parts = [p.strip() for p in mention_text.split(",") if p.strip()]
        if len(parts) > 1 and parts[1].split()[0].lower() in self._words.relative:
            # "The influential delegate, who backs Cruz,": the relative clause describes
            mention_text = parts[0]
        referent = self._corefer(state, mention_text, number) if corefer else None
        if referent is not None:
            return referent
        mention = classify(mention_text, self._sources)
        if mention.kind is SourceKind.NAMED_PERSON and not (
            "," in mention_text and mention.name == mention_text.split(",")[0].strip()
        ):
            # a headline's Title Case: "Poll", "Media Reports" are common nouns, not names
            # (but "Bob Woodward, an associate editor for the Post" names him first)
            common = classify(mention_text.lower(), self._sources)
            if common.kind in (SourceKind.DOCUMENT, SourceKind.VAGUE_REPORTS):
                mention = common
        named = _PARENTHESIZED.fullmatch(mention_text.strip())
        if named is not None and mention.kind is SourceKind.UNNAMED_INDIVIDUAL:
            # "A Taliban spokesman (Ehsanullah Ehsan)": the name in brackets is the speaker's
            candidate = classify(named.group(1), self._sources)
            if candidate.kind is SourceKind.NAMED_PERSON and candidate.name:
                mention = candidate
        parts = [p.strip() for p in mention_text.split(",") if p.strip()]
        if len(parts) > 1 and mention.kind is SourceKind.NAMED_PERSON:
            # "Parker Eaton, a nominal Republican,": the name before the apposition
            first = classify(parts[0], self._sources)
            if first.kind is SourceKind.NAMED_PERSON and first.name:
                mention = attrs.evolve(first, descriptor=mention.descriptor)
        if len(parts) > 1 and not mention.kind.is_named:
            # "Congressman Chris Collins, a Trump supporter,": the name in an apposition;
            # "A spokesman for the ministry, Navy Captain Jeff Davis,": the name after a role
            for part in parts:
                candidate = classify(part, self._sources)
                if candidate.kind is SourceKind.NAMED_PERSON and candidate.name:
                    mention = candidate
                    break
        affiliation = None
        if mention.affiliation is not None and mention.kind in (
            SourceKind.UNNAMED_INDIVIDUAL,
            SourceKind.UNNAMED_GROUP,
            SourceKind.DOCUMENT,
        ):
            affiliation = self._named(state, SourceKind.NAMED_ORGANIZATION, mention.affiliation)
        if mention.kind is SourceKind.NAMED_PERSON and mention.name and " " not in mention.name:
            # "Former Mexico leader Calderon" after "Felipe Calderon": the same person
            known = self._corefer(state, mention.name, number)
            if known is not None:
                return known
        if mention.kind.is_named and mention.name:
            if mention.kind is SourceKind.DOCUMENT:
                # "a CBS News poll": named after its maker, who stays its affiliation
                source_id = self._named(
                    state,
                    mention.kind,
                    mention.name,
                    affiliation=affiliation,
                    descriptor=mention.descriptor,
                )
            else:
                source_id = self._named(state, mention.kind, mention.name)
            if mention.kind is SourceKind.NAMED_PERSON:
                _meet(state, mention.name, number)
                state.surnames.add(mention.name.rsplit(" ", 1)[-1])
                if mention.name.count(" ") == 1:
                    state.surnames.add(mention.name.split()[0])  # "Lou" of "Lou Jiwei"
                state.descriptions[mention.name] = " ".join(
                    w.lower().replace(".", "").strip(",") for w in mention_text.split()
                )
            elif mention.kind is SourceKind.PUBLICATION:
                state.outlets.append((source_id, number))
            elif mention.head.lower() in self._survey_heads:
                state.polls.append((source_id, number))  # "a CBS News poll", named by its maker
        else:
            source_id = self._unnamed(state, mention, affiliation)
            if mention.kind is SourceKind.DOCUMENT and mention.head.lower() in self._survey_heads:
                state.polls.append((source_id, number))
        state.heads.setdefault(source_id, head_class(mention.head, self._sources))
        return source_id

    def _outlet(self, state: _Drafting, recipient: str | None) -> str | None:
        """Return the id of the news outlet a statement was given to ("told the AP"), if any."""
        if not recipient or not recipient.strip():
            return None
        title = _PROGRAMME.fullmatch(recipient.strip())
        if title is not None:
            # 'said on "Meet the Press"': a programme, named in quotation marks after "on"
            programme = self._named(state, SourceKind.PUBLICATION, title.group(1).strip())
            state.outlets.append((programme, state.attributed[-1][1] if state.attributed else 0))
            return programme
        mention = classify(recipient, self._sources)
        if mention.kind is not SourceKind.PUBLICATION:
            # "told Britain's ITV television station": the outlet inside the phrase
            words = recipient.split()
            for size in range(min(len(words), 6) - 1, 0, -1):
                windows = (" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
                found = [w for w in windows if w[:1].isupper() or w.lower().startswith("the ")]
                for window in found:
                    mention = classify(window, self._sources)
                    if mention.kind is SourceKind.PUBLICATION:
                        break
                if mention.kind is SourceKind.PUBLICATION:
                    break
        if mention.kind is not SourceKind.PUBLICATION or not mention.name:
            return None
        name = mention.name
        possessor = _POSSESSOR.match(name)
        if possessor is not None:
            # "ABC's George Stephanopoulos", "Univision's Los Angeles affiliate": the outlet;
            # "NBC's Meet the Press" stays the programme the lexicon knows
            owner = classify(possessor.group(1), self._sources)
            own = classify(name[possessor.end() - 1 :], self._sources)
            if (
                owner.kind is SourceKind.PUBLICATION
                and owner.name
                and own.kind is not SourceKind.PUBLICATION
            ):
                name = owner.name
        source_id = self._named(state, SourceKind.PUBLICATION, name)
        state.outlets.append((source_id, state.attributed[-1][1] if state.attributed else 0))
        return source_id

    def _named(
        self,
        state: _Drafting,
        kind: SourceKind,
        name: str,
        *,
        affiliation: str | None = None,
        descriptor: str | None = None,
    ) -> str:
        key = _named_key(name)
        existing = state.keys.get(key)
        if existing is not None:
            return existing
        source_id = f"s{len(state.sources)}"
        state.sources[source_id] = Source(
            id=source_id, kind=kind, name=name, affiliation=affiliation, descriptor=descriptor
        )
        state.keys[key] = source_id
        return source_id

    def _unnamed(self, state: _Drafting, mention: Mention, affiliation: str | None) -> str:
        source_id = f"s{len(state.sources)}"
        state.sources[source_id] = Source(
            id=source_id,
            kind=mention.kind,
            descriptor=mention.descriptor,
            plurality=mention.plurality,
            affiliation=affiliation,
        )
        return source_id

    def _generic_source(self, state: _Drafting, frame: _Frame) -> str:
        source_id = f"s{len(state.sources)}"
        state.sources[source_id] = Source(
            id=source_id,
            kind=SourceKind.GENERIC,
            descriptor=state.text[frame.cue_span[0] : frame.cue_span[1]],
            plurality=Plurality.UNSPECIFIED,
        )
        return source_id


def extract(
    text: str,
    *,
    lexicon: Lexicon | None = None,
    publisher: str | Source | None = None,
    document_id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    created: str | None = None,
) -> Document:
    """Draft a Document record from article ``text`` (see :class:`Extractor`)."""
    return Extractor(lexicon).extract(
        text, publisher=publisher, document_id=document_id, title=title, url=url, created=created
    )


def benchmark_words_per_second(
    folder: Path, *, repeats: int = 1, lexicon: Lexicon | None = None
) -> float:
    """Measure extraction speed: words per second over every ``*.txt`` file under ``folder``.

    The texts are read into memory first (words are white-space separated runs); one
    :class:`Extractor` drafts them all ``repeats`` times after a warm-up draft, and the median
    of the runs is returned. Raises :class:`~provenance.errors.InvalidValue` when ``folder``
    holds no text file.
    """
    texts = [path.read_text(encoding="utf-8") for path in sorted(Path(folder).rglob("*.txt"))]
    words = sum(len(text.split()) for text in texts)
    if not texts or words == 0:
        raise InvalidValue(
            "no words to time", expected="a folder holding .txt files", found=str(folder)
        )
    extractor = Extractor(lexicon)
    extractor.extract(texts[0])  # compile the lexicon outside the timing
    rates: list[float] = []
    for _ in range(max(1, repeats)):
        started = time.perf_counter()
        for text in texts:
            extractor.extract(text, created="2000-01-01T00:00:00Z")
        rates.append(words / (time.perf_counter() - started))
    return statistics.median(rates)


# -- helpers ------------------------------------------------------------------------------


_OPENING_QUOTES = frozenset({"\u201c", '"', "``"})
_CLOSING_QUOTES = frozenset({"\u201d", '"'})
_TITLE_LINKS = frozenset({"the", "of", "and", "a", "in", "on", "with", "to", "for"})
# a programme's title as _programme_after returns it: in quotation marks, its words inside
_PROGRAMME = re.compile(r"(?:\u201c|\"|''|``)([^\u201c\u201d\"']+?)[,.]?(?:\u201d|\"|'')")


def _quote_mark(tokens: list[Token], k: int, marks: frozenset[str]) -> int:
    """How many tokens the quotation mark at ``k`` takes: 0 (none), 1, or 2 (doubled "'")."""
    if k >= len(tokens):
        return 0
    if tokens[k].text in marks:
        return 1
    doubled = (
        tokens[k].text == "'"
        and k + 1 < len(tokens)
        and tokens[k + 1].text == "'"
        and tokens[k + 1].start == tokens[k].end
    )
    return 2 if doubled else 0


def _programme_after(text: str, tokens: list[Token], at: int) -> tuple[str, int] | None:
    """Find a programme's quoted title at token ``at`` ('on \u201cMeet the Press.\u201d').

    Title Case words (and the small words of titles) in quotation marks, at most eight; the
    title as written, with its quotation marks, and the index after the closing mark.
    """
    opening = _quote_mark(tokens, at, _OPENING_QUOTES)
    if not opening:
        return None
    first = k = at + opening
    while k < len(tokens) and k - first < 8 and not _quote_mark(tokens, k, _CLOSING_QUOTES):
        word = tokens[k].text
        closes = bool(_quote_mark(tokens, k + 1, _CLOSING_QUOTES))
        if not (
            word[:1].isupper()
            or word[:1].isdigit()
            or (word.lower() in _TITLE_LINKS and k > first)
            or (word in (",", ".") and closes and k > first)
        ):
            return None
        k += 1
    closing = _quote_mark(tokens, k, _CLOSING_QUOTES)
    if not closing or k == first:
        return None
    return text[tokens[at].start : tokens[k + closing - 1].end], k + closing


def _meet(state: _Drafting, name: str, number: int) -> None:
    """Note that the person ``name`` was met in sentence ``number`` (and index the name)."""
    state.people.append((name, number))
    words = name.split()
    if not words:
        return
    state.last_any[words[-1]] = name
    if len(words) > 1:
        state.last_full[words[-1]] = name
    if len(words) == 2:
        state.first_of_two.setdefault(words[0], set()).add(name)


def _latest_within(people: list[tuple[str, int]], number: int, window: int) -> str | None:
    """Return the person met last, when within ``window`` sentences before ``number``."""
    # people are noted in sentence order, so only the latest can be within the window
    if people and number - people[-1][1] <= window:
        return people[-1][0]
    return None


def _person_known(state: _Drafting, word: str) -> str | None:
    """Return the full name of the person met earlier whom the one word ``word`` names, if any.

    The person met last whose name ends with it ("Sanders" for Bernie Sanders); else the one
    person met whose two-word name starts with it ("Lou" for Lou Jiwei, whose family name comes
    first; "Martin" for Martin Andanar); two such people leave it unresolved.
    """
    known = state.last_full.get(word)
    if known is not None:
        return known
    starting = state.first_of_two.get(word, set())
    return next(iter(starting)) if len(starting) == 1 else None


def _speaker_label(label: str, first: str) -> bool:
    """Tell whether "Label: ..." names a speaker.

    Not a rubric ("The Latest:", "EMAIL:") nor a tally ("Clinton: 547").
    """
    if first.isdigit() or label.split()[0] == "The":
        return False
    letters = label.replace(" ", "")
    return not (len(letters) > 4 and letters.isupper())


def _check_textual(text: str) -> None:
    """Refuse text that looks binary: a NUL, or control characters beyond one in 200."""
    nul = text.find("\x00")
    if nul >= 0:
        raise UnreadableText(
            f"binary data in the text (NUL at index {nul})", expected="plain text", found="NUL"
        )
    controls = _CONTROL.findall(text)
    if len(controls) > max(8, len(text) // 200):
        raise UnreadableText(
            f"binary data in the text ({len(controls)} control characters)",
            expected="plain text",
            found=repr(controls[0]),
        )


def _publisher_source(publisher: str | Source | None) -> Source:
    if isinstance(publisher, Source):
        return publisher
    if publisher is None or not publisher.strip():
        return Source(id="publisher", kind=SourceKind.AUTHOR, descriptor="the publisher")
    return Source(id="publisher", kind=SourceKind.PUBLICATION, name=publisher.strip())


def _quoted_flags(
    tokens: list[Token], quotations: list[Quotation], starts: list[int]
) -> list[bool]:
    """Mark the tokens inside a quotation, in one sweep (tokens and quotations are in order)."""
    if not quotations:
        return [False] * len(tokens)
    flags: list[bool] = []
    at = max(0, bisect.bisect_right(starts, tokens[0].start) - 1)
    last = len(quotations) - 1
    for token in tokens:
        while at < last and starts[at + 1] <= token.start:
            at += 1
        quotation = quotations[at]
        flags.append(quotation.start <= token.start < quotation.end)
    return flags


def _citing_inside(chain: list[_Frame]) -> list[_Frame]:
    """Put a cited source inside the report that cites it.

    In "The talks stalled, Reuters reported, citing two officials" the "citing" phrase holds
    "Reuters reported" in its content, so the frames nest the wrong way round: Reuters
    relays the officials. The citing frame moves inside and takes the report's content.
    """
    ordered = list(chain)
    for k in range(len(ordered) - 1):
        outer, inner = ordered[k], ordered[k + 1]
        if (
            outer.cue.kind == "phrase"
            and outer.mode is AttributionMode.CITING
            and inner.cue.kind == "verb"
            and inner.cue_span[0] < outer.cue_span[0]
            and inner.content_span is not None
        ):
            ordered[k] = inner
            ordered[k + 1] = attrs.evolve(outer, content_span=inner.content_span)
    return ordered


def _extent(frame: _Frame) -> tuple[int, int]:
    points = [frame.cue_span[0], frame.cue_span[1]]
    if frame.tail is not None:
        points.append(frame.tail)
    for span in (frame.source_span, frame.content_span):
        if span is not None:
            points.extend(span)
    return min(points), max(points)


def _drop_overlapping(frames: list[_Frame]) -> list[_Frame]:
    """Drop frames whose cue lies inside another frame's source mention."""
    kept: list[_Frame] = []
    for frame in frames:
        clash = any(
            other is not frame
            and other.source_span is not None
            and other.source_span[0] <= frame.cue_span[0] < other.source_span[1]
            for other in frames
        )
        if not clash:
            kept.append(frame)
    return kept


def _named_key(name: str) -> tuple[str, str]:
    """Return the key under which ``_Drafting.keys`` holds the Source of a name."""
    return ("named", " ".join(name.lower().split()))


_NAME_TOKEN = re.compile(r"[A-Z][\w-]+")
_POLL_REACH = 30
"""Sentences after a poll in which a share of respondents ("Two in three said") is its: a
poll article reports its figures all the way down."""
_CLOSING_TRAIL = frozenset(",\u201d\"\u2019' ")
_OPENING_MARKS = frozenset("\u2018'\"\u201c")


def _parents(frames: list[_Frame]) -> dict[int, int]:
    """Map each frame nested in another's content to the innermost container's index."""
    parents: dict[int, int] = {}
    for i, inner in enumerate(frames):
        if inner.cue.kind == "noun":
            continue  # "X criticised her decision to ...": two attributions, not a relay
        best: tuple[int, int] | None = None  # (content length, index)
        for j, outer in enumerate(frames):
            if i == j or outer.content_span is None:
                continue
            start, end = outer.content_span
            inside = start <= inner.cue_span[0] and inner.cue_span[1] <= end
            smaller = (
                inner.content_span is None
                or inner.content_span[1] - inner.content_span[0] < end - start
            )
            if inside and smaller and (best is None or end - start < best[0]):
                best = (end - start, j)
        if best is not None:
            parents[i] = best[1]
    return parents


def _uncovered(
    sentence: tuple[int, int], covered: list[tuple[int, int]], tokens: list[Token]
) -> list[tuple[int, int]]:
    """Parts of the sentence outside every frame, of at least three words."""
    parts: list[tuple[int, int]] = []
    position = sentence[0]
    for start, end in sorted(covered):
        if start > position:
            parts.append((position, start))
        position = max(position, end)
    if position < sentence[1]:
        parts.append((position, sentence[1]))
    kept: list[tuple[int, int]] = []
    for start, end in parts:
        words = [t for t in tokens if start <= t.start and t.end <= end and t.is_word]
        if len(words) >= 3:
            begin = words[0].start
            if begin > start and _quote_before(tokens, begin):
                begin -= 1
            elif begin - 2 >= start and _doubled_before(tokens, begin):
                begin -= 2  # ''She lies ...'': a doubled apostrophe opens the quotation
            kept.append((begin, _end_of(tokens, words[-1], end)))
    return kept


def _quote_before(tokens: list[Token], position: int) -> bool:
    """Whether an opening quote mark stands right before ``position``."""
    return any(t.end == position and t.text in ("\u201c", '"') for t in tokens)


def _doubled_before(tokens: list[Token], position: int) -> bool:
    """Whether a doubled apostrophe ('') stands right before ``position``."""
    at = bisect.bisect_left([t.start for t in tokens], position) - 1
    return (
        at >= 1
        and tokens[at].end == position
        and tokens[at].text == "'"
        and tokens[at - 1].text == "'"
        and tokens[at - 1].end == tokens[at].start
    )


def _end_of(tokens: list[Token], last_word: Token, limit: int) -> int:
    """Extend past closing quotes after the last word, up to ``limit``."""
    end = last_word.end
    for index, token in enumerate(tokens):
        if token.start != end or token.end > limit:
            continue
        if token.text in ("\u201d", '"', "\u2019", ")") or doubled_quote(tokens, index):
            end = token.end
    return end


def _excerpt(text: str, span: tuple[int, int]) -> Excerpt | None:
    if span[1] <= span[0] or not text[span[0] : span[1]].strip():
        return None
    return Excerpt(text=text[span[0] : span[1]], span=Span(span[0], span[1]))


def _hedge(text: str, found: FoundHedge, source: str | None) -> Hedge:
    return Hedge(
        text=text[found.start : found.end],
        category=found.category,
        span=Span(found.start, found.end),
        source=source,
        factuality=found.factuality,
    )


def _outer_mode(mode: AttributionMode) -> AttributionMode:
    """Give the mode of an outer hop: it relays the claim; it does not quote it itself."""
    if mode.is_quote:
        return AttributionMode.REPORTED
    return mode


def _unquoted(mode: AttributionMode) -> AttributionMode:
    return AttributionMode.REPORTED if mode.is_quote else mode


# "..., but that B": the words between a content and a second complement of its cue
_SECOND_LINK = re.compile(r"[\s,;]*(?:but|and)\s*", re.IGNORECASE)
_SECOND_THAT = re.compile(r"that\s+(?=\S)", re.IGNORECASE)


def _claim_by_id(claims: list[Claim], claim_id: str) -> Claim | None:
    """Find a claim by id: "c12" is the twelfth drafted, so look there first."""
    index = int(claim_id[1:]) - 1 if claim_id[1:].isdigit() else -1
    if 0 <= index < len(claims) and claims[index].id == claim_id:
        return claims[index]
    return next((c for c in claims if c.id == claim_id), None)


def _untangle(hops: Sequence[Hop], publisher: str) -> list[Hop]:
    """Merge a repeated source into its first level, so no chain repeats or cycles.

    "A according to Reuters according to Reuters" is one Reuters hop; a chain that comes back
    to a source it has passed ("X told Reuters ... Reuters quoted X") drops the loop; the
    publisher is never a level of its own text's chain ("told VOA" in a VOA article). When
    the repeated hop is the leaf it replaces the earlier one, keeping the quote and mode.
    """
    kept: list[Hop] = []
    last = len(hops) - 1
    for position, hop in enumerate(hops):
        if hop.source == publisher:
            continue
        earlier = next((k for k, h in enumerate(kept) if h.source == hop.source), None)
        if earlier is None:
            kept.append(hop)
        elif position == last:
            kept = [*kept[:earlier], hop]
        else:
            kept = kept[: earlier + 1]
    return kept


def _claim(
    state: _Drafting,
    span: tuple[int, int],
    hops: Sequence[Hop],
    hedges: Sequence[Hedge],
    *,
    inherits: str | None = None,
    perspectives: Sequence[Perspective] = (),
) -> Claim | None:
    start, end = span
    words = state.text[start:end]
    if end <= start or not words.strip():
        return None
    hops = _untangle(hops, state.publisher)
    if inherits is not None:
        earlier = _claim_by_id(state.claims, inherits)
        if earlier is None or [h.source for h in earlier.attribution] != [h.source for h in hops]:
            inherits = None
    factuality = _factuality(state.publisher, hedges) + tuple(
        p for p in perspectives if p.source != state.publisher
    )
    claim = Claim(
        id=f"c{len(state.claims) + 1}",
        text=words,
        status=ConfidenceStatus.ASSERTED,
        span=Span(start, end),
        attribution=tuple(hops),
        hedges=tuple(hedges),
        factuality=factuality,
        inherits=inherits,
    )
    decision = derive_status(claim, state.sources, publisher=state.publisher)
    claim = attrs.evolve(claim, status=decision.status, status_reasons=decision.reasons)
    state.claims.append(claim)
    return claim


_WORDS_OF = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]{4,}")
_CONFLICT_REACH = 1500  # characters between two claims read as one dispute


def _content_words(text: str) -> frozenset[str]:
    return frozenset(word.lower() for word in _WORD.findall(text))


def _conflicts(state: _Drafting) -> None:
    """Mark claims on which two sources of the text take opposite sides as disputed.

    "The group claimed the attack. The military denied that the group carried out the
    attack.": a claim whose origin denies it, and a nearby claim of another origin that says
    the same (most of the shorter one's words are in the other), each get the other side's
    factuality (the denier ``CT-``, the asserter ``CT+``), so both are ``disputed`` with both
    sources named in the reasons.
    """
    claims = state.claims
    denials = [
        k
        for k, c in enumerate(claims)
        if c.attribution and c.attribution[-1].mode is AttributionMode.DENIED and c.span
    ]
    for k in denials:
        denial = claims[k]
        assert denial.span is not None
        denier = denial.attribution[-1].source
        words = _content_words(denial.text)
        for j, other in enumerate(claims):
            if (
                j == k
                or not other.attribution
                or other.span is None
                or other.attribution[-1].mode is AttributionMode.DENIED
                or other.attribution[-1].source == denier
                or abs(other.span.start - denial.span.start) > _CONFLICT_REACH
            ):
                continue
            leaf = other.attribution[-1]
            # "The group claimed the attack" is the group's claim to have carried it out
            theirs = _content_words(other.text) | (
                _content_words(leaf.mention.text) if leaf.mention else frozenset()
            )
            smaller = min(len(words), len(theirs))
            if smaller == 0 or len(words & theirs) < max(1, 0.6 * smaller):
                continue
            asserter = leaf.source
            claims[j] = _with_perspective(
                state, other, Perspective(denier, Factuality.CERTAIN_NEGATIVE)
            )
            claims[k] = _with_perspective(
                state, claims[k], Perspective(asserter, Factuality.CERTAIN_POSITIVE)
            )


def _with_perspective(state: _Drafting, claim: Claim, perspective: Perspective) -> Claim:
    """Add a source's factuality to a claim and derive its status again."""
    known = {p.source for p in claim.factuality}
    extra: tuple[Perspective, ...] = () if perspective.source in known else (perspective,)
    origin = claim.attribution[-1].source if claim.attribution else None
    if origin is not None and origin not in known | {perspective.source}:
        # the origin holds the opposite of the other side
        side = (
            Factuality.CERTAIN_POSITIVE
            if perspective.value.polarity < 0
            else Factuality.CERTAIN_NEGATIVE
        )
        extra += (Perspective(origin, side),)
    updated = attrs.evolve(claim, factuality=claim.factuality + extra)
    decision = derive_status(updated, state.sources, publisher=state.publisher)
    return attrs.evolve(updated, status=decision.status, status_reasons=decision.reasons)


def _factuality(publisher: str, hedges: Sequence[Hedge]) -> tuple[Perspective, ...]:
    own = [h for h in hedges if h.source is None and h.factuality is not None]
    if not own:
        return ()
    strongest = own[0]
    for hedge in own:
        if hedge.category is HedgeCategory.UNRESOLVED:
            strongest = hedge
            break
    future = any(h.category is HedgeCategory.PROSPECTIVE for h in own)
    assert strongest.factuality is not None
    return (
        Perspective(
            source=publisher,
            value=strongest.factuality,
            temporality=Temporality.FUTURE if future else None,
        ),
    )
