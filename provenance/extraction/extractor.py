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
from collections.abc import Sequence
from pathlib import Path

import attrs

from provenance._version import version
from provenance.errors import InvalidValue, UnreadableText
from provenance.extraction.cues import Cue, CueIndex, Token, cue_index, find_cues, tokenize
from provenance.extraction.hedges import FoundHedge, HedgeIndex, find_hedges, hedge_index
from provenance.extraction.lexicon import Lexicon
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
    HedgeCategory,
    Plurality,
    SourceKind,
    Temporality,
)

__all__ = ["TOOL", "Extractor", "benchmark_words_per_second", "extract"]

TOOL = "claim-provenance extractor"
"""The ``drafted_by.tool`` of every record the extractor drafts."""

_STOP_LEFT = frozenset(
    {
        "that",
        "and",
        "but",
        "because",
        "when",
        "as",
        "if",
        "while",
        "after",
        "before",
        "so",
        "since",
        "where",
        "although",
        "though",
        "than",
        "or",
        "what",
        "whether",
        "how",
        "why",
        "to",
        "for",
        "of",
        "in",
        "on",
        "at",
        "with",
        "by",
        "from",
        "about",
        "not",
        "nor",
    }
)
_RELATIVE = frozenset({"who", "which", "whose", "that", "whom"})
_ASKED_OPENERS = frozenset({"and", "but", "when", "if", "after", "once"})
_BOUNDARY_PUNCT = frozenset(',;:\u2014\u2013()[]"\u201c\u201d\u2018\u2019!?.')
_SPEECH_INVERSION = frozenset(
    {
        "say",
        "add",
        "write",
        "tell",
        "ask",
        "continue",
        "note",
        "explain",
        "reply",
        "respond",
        "argue",
        "declare",
        "insist",
        "recall",
        "warn",
        "conclude",
        "state",
        "report",
        "tweet",
        "announce",
        "suggest",
        "claim",
        "quip",
        "joke",
        "observe",
        "comment",
        "remark",
        "concede",
    }
)
_LEADING_CONNECTORS = frozenset({"but", "and", "while", "although", "though", "whereas", "yet"})
_HEADLINE = re.compile(
    r"((?:Dr\. |Mr\. |Mrs\. )?[A-Z][\w.\u2019'-]*(?: [A-Z][\w.\u2019'-]*){0,4})"
    r"(?: (?:on|to|at) [^:\n]{1,60})?(:) +(\S)"
)
_DASH_SPEAKER = re.compile(
    r"\s[-\u2013\u2014] ?(?:More from |From )?"
    r"((?:the )?[A-Z][\w.\u2019'-]*(?: (?:and )?[A-Z][\w.\u2019'-]*){0,4})(:) +([\"\u201c])"
)
_SUBJECT_STARTS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "some",
        "many",
        "most",
        "several",
        "few",
        "nearly",
        "about",
        "more",
        "both",
        "all",
        "each",
        "other",
        "another",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "half",
        "those",
        "these",
        "almost",
        "roughly",
        "just",
        "only",
        "fewer",
        "over",
        "under",
        "around",
        "everyone",
        "nobody",
        "someone",
        "none",
    }
)
_PRONOUN_PEOPLE = frozenset({"he", "she", "they", "we"})
_TIME_MODIFIERS = frozenset(
    {"on", "last", "this", "next", "early", "late", "earlier", "later", "that", "same", "ago"}
)
_SOURCE_TRAILERS = frozenset(
    {"himself", "herself", "themselves", "itself", "overall", "alone", "too", "both", "all"}
)
_ALPHA = re.compile(r"[^\W\d_]")
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
        self._breaks = tuple(self.lexicon.clause_breaks)
        self._boilerplate = tuple(marker.lower() for marker in self.lexicon.boilerplate)
        self._recipients = tuple(sorted((r.lower() for r in self.lexicon.recipients), key=len))
        self._media = frozenset(m.lower() for m in self.lexicon.medium_words)
        self._time_words = frozenset(w.lower() for w in self.lexicon.time_words) | _TIME_MODIFIERS
        self._partitives = frozenset(w.lower() for w in self.lexicon.partitive_heads)
        self._survey_heads = frozenset(h.lower() for h in self.lexicon.survey_heads)
        self._non_sources = frozenset(w.lower() for w in self.lexicon.non_source_words)
        self._non_speakers = frozenset(w.lower() for w in self.lexicon.non_speaker_labels)
        self._openers = frozenset(w.lower() for w in self.lexicon.clause_openers)
        self._participle_links = frozenset(w.lower() for w in self.lexicon.participle_links)

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
        _check_textual(text)
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        publisher_source = _publisher_source(publisher)
        state = _Drafting(text=text, publisher=publisher_source.id)
        state.sources[publisher_source.id] = publisher_source
        paras = paragraphs(text)
        quotations = find_quotations(text, paras, max_length=self.max_quote)
        starts = [q.start for q in quotations]
        sentence_number = 0
        for paragraph in paras:
            if self._is_boilerplate(text, paragraph):
                continue
            self._dash_speaker(state, paragraph)
            # a headline is read before short paragraphs (bylines, datelines) are skipped
            if self._headline(state, paragraph) or self._skip_paragraph(text, paragraph):
                continue
            for sentence in sentences(
                text, paragraph, quotations, self._abbreviations, max_length=self.max_sentence
            ):
                self._sentence(state, sentence, sentence_number, quotations, starts)
                sentence_number += 1
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

    def _is_boilerplate(self, text: str, paragraph: tuple[int, int]) -> bool:
        body = text[paragraph[0] : paragraph[1]]
        lower = body.lower()
        return any(marker in lower for marker in self._boilerplate) or not _ALPHA.search(body)

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
        content = _trim(state.text, match.start(3), end)
        label = match.group(1)
        if (
            content is None
            or not _speaker_label(label, match.group(3))
            or label.lower() in self._non_speakers
            or label.split()[0].lower() in self._non_speakers
        ):
            return False
        cue = Cue(0, 0, 0, AttributionMode.PARAPHRASE, ":", "phrase")
        frame = _Frame(cue, colon, source, content, AttributionMode.PARAPHRASE)
        self._attributed_claim(state, [frame], [], -100)
        return True

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
        content = _trim(state.text, match.start(3), end)
        if content is None:
            return
        cue = Cue(0, 0, 0, AttributionMode.PARAPHRASE, ":", "phrase")
        source = (match.start(1), match.end(1))
        frame = _Frame(cue, (match.start(2), match.end(2)), source, content, cue.mode)
        self._attributed_claim(state, [frame], [], -100)

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
        quoted = [_quotation_at(t.start, quotations, starts) is not None for t in tokens]
        frames: list[_Frame] = []
        cues = find_cues(tokens, quoted, self._cues)
        blocked = [False] * len(tokens)
        for cue in cues:
            for k in range(cue.first, cue.last + 1):
                blocked[k] = True
        earlier: tuple[int, int] | None = None
        for cue in cues:
            frame = self._frame(
                text, sentence, tokens, blocked, cue, quotations, starts, earlier=earlier
            )
            if frame is not None:
                frames.append(frame)
                if frame.source_span is not None and frame.source_span[0] < frame.cue_span[0]:
                    earlier = frame.source_span
        frames.extend(self._opening_frames(text, sentence, tokens, quoted))
        frames.extend(self._poll_frames(text, sentence, tokens, quoted))
        frames = _drop_overlapping(frames)
        frames = self._split_nested_verbs(text, tokens, frames)
        hedges = find_hedges(tokens, self._hedges)
        parents = _parents(frames)
        leaves = [i for i in range(len(frames)) if i not in set(parents.values())]
        covered: list[tuple[int, int]] = []
        for index in leaves:
            chain = [index]
            while chain[-1] in parents:
                chain.append(parents[chain[-1]])
            chain.reverse()  # outermost (nearest the publisher) first
            self._attributed_claim(state, [frames[i] for i in chain], hedges, number)
        for frame in frames:
            covered.append(_extent(frame))
        for start, end in _uncovered(sentence, covered, tokens):
            if start > sentence[0]:
                start = _skip_connector(text, start, end)
            quotation = _quotation_at(start, quotations, starts)
            if (
                state.quoting is not None
                and quotation is not None
                and quotation.start == start
                and quotation.end >= end
            ):
                close = quotation.end if quotation.end <= sentence[1] else end
                self._continued_quote(state, (start, close), quotation, hedges)
            else:
                self._publisher_claim(state, (start, end), hedges)
                state.quoting = None

    def _frame(
        self,
        text: str,
        sentence: tuple[int, int],
        tokens: list[Token],
        quoted: list[bool],
        cue: Cue,
        quotations: list[Quotation],
        starts: list[int],
        *,
        earlier: tuple[int, int] | None = None,
    ) -> _Frame | None:
        last = cue.last
        medium: str | None = None
        if cue.kind == "verb":
            last, medium = self._absorb_medium(tokens, last)
        cue_span = (tokens[cue.first].start, tokens[last].end)
        limit = self._content_limit(text, tokens, last + 1, sentence[1])
        content: tuple[int, int] | None
        if cue.kind == "phrase":
            source = _np_right(tokens, last + 1, quoted)
            if source is None:
                return None
            before = [t for t in tokens[: cue.first] if t.is_word]
            if before and not (len(before) == 1 and before[0].text.lower() in _LEADING_CONNECTORS):
                content = _trim(text, tokens[0].start, tokens[cue.first].start)
                content = self._quotation_or(content, quotations, starts)
            else:
                after = _next_after(tokens, source[1], ",")
                content = _trim(text, after, limit) if after is not None else None
            return _Frame(cue, cue_span, source, content, cue.mode, tail=limit)
        if cue.kind == "noun":
            return self._nominal_frame(text, tokens, quoted, cue, limit)
        if cue.kind == "report":
            head = tokens[cue.first - 1]
            left = _np_left(tokens, cue.first - 2, quoted, max_tokens=4)
            source = (left[0] if left else head.start, head.end)
            content = _trim(text, tokens[last + 1].start, limit) if last + 1 < len(tokens) else None
            return _Frame(cue, cue_span, source, content, AttributionMode.REPORTED)
        # a verb
        source = _np_left(
            tokens,
            self._skip_time(tokens, cue.first - 1, quoted),
            quoted,
            partitives=self._partitives,
        )
        if source is not None and not self._plausible_source(text, source, tokens):
            source = None
        if (
            source is not None
            and text[source[0] : source[1]].lower() in ("that", "which")
            and cue.lemma not in _SPEECH_INVERSION
        ):
            return None
        inverted = False
        prev = tokens[cue.first - 1].text if cue.first > 0 else ""
        if source is None and cue.lemma in _SPEECH_INVERSION:
            quote_before = prev in ("\u201d", '"', "'") or (
                prev == "," and cue.first > 1 and tokens[cue.first - 2].text in ("\u201d", '"', "'")
            )
            if cue.first == 0 or quote_before or prev in (":", "\u2014"):
                source = _np_right(tokens, last + 1, quoted, max_tokens=8)
                inverted = source is not None
        if (
            source is None
            and tokens[cue.head].text.endswith("ing")
            and prev.lower() in self._participle_links
        ):
            # "X said A, adding B", "X broke his silence by asking B": X is the source of B too
            source = earlier if earlier is not None else _leading_subject(tokens, cue.first)
        if source is None and (prev.lower() in ("and", "but", ",") or cue.head != cue.first):
            source = _leading_subject(tokens, cue.first)
        if source is None:
            return None
        recipient: str | None = None
        right = last + 1
        if inverted:
            right = _index_after(tokens, source[1])
        elif cue.mode is AttributionMode.TOLD or cue.lemma in ("tell", "inform", "brief"):
            rec = _np_right(tokens, right, quoted, max_tokens=6, stop_that=True)
            if rec is not None:
                recipient = text[rec[0] : rec[1]]
                right = _index_after(tokens, rec[1])
        else:
            rec_text, right = self._recipient_after(text, tokens, right)
            recipient = rec_text
        right = self._skip_time_right(tokens, right, quoted)
        content = None
        words_right = [t for t in tokens[right:] if t.start < limit and t.is_word]
        following = tokens[right] if right < len(tokens) else None
        if following is not None and following.text in (":", ",") and right + 1 < len(tokens):
            nxt = tokens[right + 1]
            quotation = _quotation_at(nxt.start, quotations, starts)
            if quotation is not None and quotation.start == nxt.start:
                content = (quotation.start, quotation.end)
        if content is None and following is not None:
            quotation = _quotation_at(following.start, quotations, starts)
            if quotation is not None and quotation.start == following.start:
                content = (quotation.start, quotation.end)
        before_source = text[tokens[0].start : source[0]].rstrip()
        after_break = before_source.endswith((",", "\u201d", '"', "\u2014", "\u2013", ":"))
        short = len(words_right) < 3 or (medium is not None and len(words_right) < 6)
        if content is None and (inverted or (short and (after_break or not words_right))):
            content = self._content_left(
                text, tokens, source if not inverted else cue_span, quotations, starts
            )
        if content is None and words_right:
            content = _trim(
                text,
                words_right[0].start
                if following is None or not following.is_word
                else following.start,
                limit,
            )
            if following is not None and following.text in (":", ","):
                content = (
                    _trim(text, tokens[right + 1].start, limit) if right + 1 < len(tokens) else None
                )
        if content is None:
            return None
        mode = cue.mode
        quote: str | None = None
        quotation = _quotation_at(content[0], quotations, starts)
        inner = [
            q
            for q in quotations[max(0, bisect.bisect_left(starts, content[0]) - 1) :]
            if q.start >= content[0] and q.end <= content[1] + 1
        ][:1]
        if quotation is not None and quotation.start == content[0] and quotation.end >= content[1]:
            mode = AttributionMode.DIRECT_QUOTE
            quote = quotation.inner(text) or None
        elif inner:
            mode = AttributionMode.PARTIAL_QUOTE
            quote = inner[0].inner(text) or None
        if mode.is_quote and quote is None:
            mode = cue.mode
        if text[source[0] : source[1]].lower() in self._non_sources:
            # "However, pro-life members ... are denouncing": the opener is no source
            return _Frame(cue, cue_span, None, content, mode, recipient, medium, quote)
        return _Frame(cue, cue_span, source, content, mode, recipient, medium, quote)

    def _nominal_frame(
        self, text: str, tokens: list[Token], quoted: list[bool], cue: Cue, limit: int
    ) -> _Frame | None:
        """Frame "Trump's claim that ...", "her criticism of X": the possessor is the source."""
        owner = cue.first - 1
        if tokens[owner].text.lower() in self._sources.pronouns:
            source: tuple[int, int] | None = (tokens[owner].start, tokens[owner].end)
        else:
            source = _np_left(tokens, owner, quoted, max_tokens=6)
        if source is None or not self._plausible_source(text, source, tokens):
            return None
        at = cue.last + 1
        if at >= len(tokens):
            return None
        end = limit
        if cue.last > cue.head:  # a preposition: its object, up to punctuation
            end = next(
                (t.start for t in tokens[at:] if t.text in _BOUNDARY_PUNCT and t.start < limit),
                limit,
            )
        content = _trim(text, tokens[at].start, end)
        if content is None:
            return None
        cue_span = (tokens[cue.first].start, tokens[cue.last].end)
        return _Frame(cue, cue_span, source, content, cue.mode)

    def _opening_frames(
        self, text: str, sentence: tuple[int, int], tokens: list[Token], quoted: list[bool]
    ) -> list[_Frame]:
        """Find a frame the sentence opens with: "Asked whether ..., Carson said ...".

        The question was put to someone the sentence names later; it is drafted with a
        generic source, or with the asker "When asked by a reporter whether ..." names.
        """
        if len(tokens) < 4 or quoted[0]:
            return []
        comma = next((i for i, t in enumerate(tokens[:25]) if t.text == ","), None)
        if comma is None or comma < 2 or comma + 1 >= len(tokens):
            return []
        at = 0
        while at < 2 and tokens[at].lower in _ASKED_OPENERS:
            at += 1  # "When asked ...", "And when asked ..."
        if tokens[at].lower == "asked" and (at == 0) == (tokens[at].text == "Asked"):
            cue = Cue(at, at, at, AttributionMode.CLAIMED, "ask", "phrase")
            question_at = at + 1
            source = None
            if tokens[question_at].lower == "by":
                # "When asked by a reporter whether ...": the asker, up to the question
                end = question_at + 1
                while end < comma and end - question_at <= 6 and tokens[end].is_word:
                    if tokens[end].lower in _STOP_LEFT or tokens[end].lower in _RELATIVE:
                        break
                    end += 1
                if end > question_at + 1:
                    source = (tokens[question_at + 1].start, tokens[end - 1].end)
                    question_at = end
            question = _trim(text, tokens[question_at].start, tokens[comma].start)
            cue_span = (tokens[at].start, tokens[at].end)
            return [_Frame(cue, cue_span, source, question, cue.mode)]
        return []

    def _poll_frames(
        self, text: str, sentence: tuple[int, int], tokens: list[Token], quoted: list[bool]
    ) -> list[_Frame]:
        """Find "In a CBS News poll last month, X" and "X in a CNN poll": a poll as source.

        "in" is the cue; the lexicon's ``survey_heads`` name polls, and the poll must have a
        capitalised name ("in the polls" is no attribution).
        """
        frames: list[_Frame] = []
        heads = self._survey_heads
        for at, token in enumerate(tokens):
            if token.text.lower() != "in" or quoted[at]:
                continue
            end = at + 1
            head = None
            while end < len(tokens) and end - at <= 12 and not quoted[end]:
                word = tokens[end]
                if word.text in _BOUNDARY_PUNCT:
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
                content = _trim(text, tokens[end].start, sentence[1])
            else:
                content = self._content_left(text, tokens, (token.start, token.end), [], [])
            if content is not None:
                frames.append(_Frame(cue, (token.start, token.end), source, content, cue.mode))
        return frames

    def _split_nested_verbs(
        self, text: str, tokens: list[Token], frames: list[_Frame]
    ) -> list[_Frame]:
        """Drop a verb cue inside an earlier verb cue's content, or split the two.

        "Rubio says he opposes ..." is one attribution whose content holds "opposes": the
        inner verb is dropped (only phrase and nominal cues relay a claim as an outer hop).
        When the inner cue's source follows a clause opener ("X said A, while Y argued B",
        "64 percent say A, compared with 60 percent who say B"), a new clause starts there:
        the outer content ends before the opener and the inner cue is kept on its own.
        """
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
            opener = self._clause_opener(text, tokens, token_starts, frame, outer.content_span[0])
            if opener is None:
                continue
            content = _trim(text, outer.content_span[0], opener)
            if content is None:
                continue
            kept[outer_at] = attrs.evolve(outer, content_span=content, tail=None)
            kept.append(frame)
        return kept

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
        if text[frame.source_span[0] : frame.source_span[1]].lower() in _RELATIVE and at >= 0:
            # "compared with 60 percent who say ...": the clause opens before the antecedent
            antecedent = _np_left(tokens, at, [False] * len(tokens), max_tokens=6)
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
            nouns += tokens[k].lower not in _TIME_MODIFIERS
            k -= 1
        while k > 0 and not quoted[k] and tokens[k].lower in _TIME_MODIFIERS:
            k -= 1
        return k if nouns and tokens[k].is_word else at

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
            nouns += word in self._time_words and word not in _TIME_MODIFIERS
            k += 1
        if nouns and k < len(tokens) and tokens[k].lower == "that":
            return k
        return at

    def _plausible_source(self, text: str, span: tuple[int, int], tokens: list[Token]) -> bool:
        words = text[span[0] : span[1]].split()
        while len(words) > 1 and (words[-1].endswith(")") or words[-1].lower() in _SOURCE_TRAILERS):
            # "Sen. Elizabeth Warren (D-MA)", "Cruz himself", "voters overall"
            if words[-1].endswith(")") and not words[-1].startswith("("):
                opening = next((i for i in range(len(words) - 1, 0, -1) if "(" in words[i]), 0)
                if opening == 0:
                    break
                words = words[:opening]
            else:
                words = words[:-1]
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
        return len(words) <= 6 and (first in _SUBJECT_STARTS or first[:1].isdigit())

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

    def _recipient_after(self, text: str, tokens: list[Token], at: int) -> tuple[str | None, int]:
        """Find a "to reporters" after a verb cue; return the recipient and the index after it."""
        if at < len(tokens) and tokens[at].text.lower() == "to":
            rest = text[tokens[at].end : tokens[at].end + 40].lower().lstrip()
            for recipient in self._recipients:
                if rest.startswith(recipient):
                    end = (
                        tokens[at].end
                        + (len(text[tokens[at].end :]) - len(text[tokens[at].end :].lstrip()))
                        + len(recipient)
                    )
                    return text[end - len(recipient) : end], _index_after(tokens, end)
        return None, at

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
                for ahead in tokens[index + 1 : index + 6]:
                    if ahead.text in _BOUNDARY_PUNCT:
                        break
                    if ahead.text in forms:
                        return min(limit, token.start)
                continue
            if token.text != ",":
                continue
            for ahead in tokens[index + 1 : index + 6]:
                if ahead.text in _BOUNDARY_PUNCT:
                    break
                if ahead.text in forms:
                    return min(limit, token.start)
        return limit

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
            quotation = _quotation_at(back - 1, quotations, starts) if back > 0 else None
            if quotation is not None and quotation.end == back:
                return (quotation.start, quotation.end)
            return None
        quotation = _quotation_at(end - 1, quotations, starts)
        if quotation is not None and quotation.end == end:
            return (quotation.start, quotation.end)
        # a clause break before the content's start limits it on the left
        start = tokens[0].start
        lower = text[start:end].lower()
        for marker in self._breaks:
            found = lower.rfind(marker)
            if found >= 0:
                start = max(start, tokens[0].start + found + len(marker))
        return _trim(text, start, end)

    def _quotation_or(
        self, span: tuple[int, int] | None, quotations: list[Quotation], starts: list[int]
    ) -> tuple[int, int] | None:
        if span is None:
            return None
        quotation = _quotation_at(span[1] - 1, quotations, starts)
        if quotation is not None and quotation.end == span[1] and quotation.start < span[0]:
            return (quotation.start, span[1])
        return span

    # -- claims -------------------------------------------------------------------------

    def _attributed_claim(
        self, state: _Drafting, chain: list[_Frame], hedges: list[FoundHedge], number: int
    ) -> None:
        text = state.text
        leaf = chain[-1]
        if leaf.content_span is None:
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
            mention_text = (
                text[frame.source_span[0] : frame.source_span[1]] if (frame.source_span) else None
            )
            source_id: str
            if position == 0 and mention_text is not None:
                resolved = self._resolve(state, mention_text, number)
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
                    )
                else:
                    source_id = self._source_for(state, mention_text)
            elif mention_text is not None:
                source_id = self._source_for(state, mention_text)
            else:
                source_id = self._generic_source(state, frame)
            is_leaf = frame is leaf
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
        claim_hedges = [h for h in hedges if start <= h.start and h.end <= end]
        origin = hops[-1].source
        made = _claim(
            state,
            (start, end),
            hops,
            [_hedge(text, h, origin) for h in claim_hedges],
            inherits=inherits,
        )
        if made is not None:
            state.attributed.append((len(state.claims) - 1, number))
            quoted = made.attribution[-1].mode is AttributionMode.DIRECT_QUOTE
            state.quoting = len(state.claims) - 1 if quoted else None

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
        leaf = attrs.evolve(earlier.attribution[-1], quote=quotation.inner(state.text) or None)
        if leaf.quote is None:
            leaf = attrs.evolve(leaf, mode=AttributionMode.REPORTED)
        hops = [*earlier.attribution[:-1], leaf]
        origin = leaf.source
        found = [h for h in hedges if start <= h.start and h.end <= end]
        _claim(
            state,
            span,
            hops,
            [_hedge(state.text, h, origin) for h in found],
            inherits=earlier.id,
        )

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
        if lower in _PRONOUN_PEOPLE:
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

    def _source_for(self, state: _Drafting, mention_text: str) -> str:
        mention = classify(mention_text, self._sources)
        affiliation = None
        if mention.affiliation is not None and mention.kind in (
            SourceKind.UNNAMED_INDIVIDUAL,
            SourceKind.UNNAMED_GROUP,
            SourceKind.DOCUMENT,
        ):
            affiliation = self._named(state, SourceKind.NAMED_ORGANIZATION, mention.affiliation)
        if mention.kind.is_named and mention.name:
            source_id = self._named(state, mention.kind, mention.name)
        else:
            source_id = self._unnamed(state, mention, affiliation)
        state.heads.setdefault(source_id, head_class(mention.head, self._sources))
        return source_id

    def _named(self, state: _Drafting, kind: SourceKind, name: str) -> str:
        key = ("named", " ".join(name.lower().split()))
        existing = state.keys.get(key)
        if existing is not None:
            return existing
        source_id = f"s{len(state.sources)}"
        state.sources[source_id] = Source(id=source_id, kind=kind, name=name)
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


def _quotation_at(
    position: int, quotations: list[Quotation], starts: list[int]
) -> Quotation | None:
    index = bisect.bisect_right(starts, position) - 1
    if index < 0:
        return None
    quotation = quotations[index]
    return quotation if quotation.start <= position < quotation.end else None


def _np_left(
    tokens: list[Token],
    at: int,
    quoted: list[bool],
    *,
    max_tokens: int = 10,
    partitives: frozenset[str] = frozenset(),
) -> tuple[int, int] | None:
    """Find the noun phrase ending at token ``at``, scanning left to a boundary.

    "of" after one of ``partitives`` stays inside ("half of respondents", "members of
    Congress").
    """
    if at >= 0 and tokens[at].text == ")":
        # skip a parenthesis between a name and its cue: "Sen. Elizabeth Warren (D-MA) said"
        opening = next(
            (k for k in range(at - 1, max(-1, at - 8), -1) if tokens[k].text == "("), None
        )
        if opening is not None and opening > 0:
            inner = _np_left(
                tokens, opening - 1, quoted, max_tokens=max_tokens, partitives=partitives
            )
            return (inner[0], tokens[at].end) if inner is not None else None
    first = at
    taken = 0
    while first >= 0 and taken < max_tokens:
        token = tokens[first]
        if quoted[first] or token.text in _BOUNDARY_PUNCT:
            break
        lower = token.text.lower()
        if lower in _RELATIVE and first != at:
            break
        if (
            lower == "of"
            and first != at
            and first > 0
            and not quoted[first - 1]
            and tokens[first - 1].lower in partitives
        ):
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
        if lower in _STOP_LEFT and lower not in _RELATIVE:
            break
        taken += 1
        first -= 1
        if lower in _RELATIVE:
            break
    first += 1
    if first > at or taken >= max_tokens:
        return None
    return tokens[first].start, tokens[at].end


def _leading_subject(tokens: list[Token], before: int) -> tuple[int, int] | None:
    """Find the sentence's opening noun phrase ("Wilson" in "Wilson praised X and said Y")."""
    at = 0
    while at < before and (not tokens[at].is_word or tokens[at].lower in _LEADING_CONNECTORS):
        at += 1
    opening = tokens[at].lower if at < before else ""
    if opening in _STOP_LEFT or opening.endswith(("ing", "ed")):
        # an opening adjunct: "In asking to depose Clinton, Judicial Watch noted ..."
        comma = next((k for k in range(at, min(before, at + 15)) if tokens[k].text == ","), None)
        if comma is not None and comma + 1 < before and tokens[comma + 1].text[:1].isupper():
            at = comma + 1
    end = at
    while end < before and end - at < 6:
        token = tokens[end]
        lower = token.text.lower()
        if not token.is_word:
            break
        if (
            not (token.text[:1].isupper() or lower in _SUBJECT_STARTS)
            and end > at
            and tokens[end - 1].lower not in _SUBJECT_STARTS  # "The mayor", not "The"
        ):
            break
        end += 1
    first = tokens[at].lower if at < before else ""
    if end == at or not (
        tokens[at].text[:1].isupper() or first in _PRONOUN_PEOPLE or first in _SUBJECT_STARTS
    ):
        return None
    return tokens[at].start, tokens[end - 1].end


def _np_right(
    tokens: list[Token],
    at: int,
    quoted: list[bool],
    *,
    max_tokens: int = 12,
    stop_that: bool = False,
) -> tuple[int, int] | None:
    """Find the noun phrase starting at token ``at``, up to punctuation or a relative clause."""
    last = at
    while last < len(tokens) and last - at < max_tokens:
        token = tokens[last]
        if quoted[last] or token.text in _BOUNDARY_PUNCT:
            break
        lower = token.text.lower()
        if last > at and (lower in _RELATIVE or lower in ("on", "in", "at", "during", "last")):
            break
        if stop_that and lower == "that":
            break
        last += 1
    if last == at:
        return None
    return tokens[at].start, tokens[last - 1].end


def _index_after(tokens: list[Token], position: int) -> int:
    for index, token in enumerate(tokens):
        if token.start >= position:
            return index
    return len(tokens)


def _next_after(tokens: list[Token], position: int, mark: str) -> int | None:
    index = _index_after(tokens, position)
    if index < len(tokens) and tokens[index].text == mark:
        index += 1
    return tokens[index].start if index < len(tokens) else None


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in ",;:\u2014\u2013"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.\u2014\u2013"):
        end -= 1
    return (start, end) if end > start else None


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


def _drop_nested_verbs(frames: list[_Frame]) -> list[_Frame]:
    """Drop a verb cue inside an earlier verb cue's content: it is part of what is reported.

    Only phrase cues ("according to", "citing") and nominal cues relay a claim as an outer
    hop; "Rubio says he opposes ..." is one attribution whose content holds "opposes".
    """
    kept: list[_Frame] = []
    for frame in sorted(frames, key=lambda f: f.cue_span[0]):
        inside = frame.cue.kind == "verb" and any(
            other.cue.kind == "verb"
            and other.content_span is not None
            and other.content_span[0] <= frame.cue_span[0] < other.content_span[1]
            for other in kept
        )
        if not inside:
            kept.append(frame)
    return kept


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
            kept.append((begin, _end_of(tokens, words[-1], end)))
    return kept


def _quote_before(tokens: list[Token], position: int) -> bool:
    """Whether an opening quote mark stands right before ``position``."""
    return any(t.end == position and t.text in ("\u201c", '"') for t in tokens)


def _end_of(tokens: list[Token], last_word: Token, limit: int) -> int:
    """Extend past closing quotes after the last word, up to ``limit``."""
    end = last_word.end
    for token in tokens:
        if (
            token.start >= end
            and token.end <= limit
            and token.text in ("\u201d", '"', "\u2019", ")")
            and token.start == end
        ):
            end = token.end
    return end


def _skip_connector(text: str, start: int, end: int) -> int:
    word = text[start:end].split(maxsplit=1)
    if len(word) == 2 and word[0].lower() in _LEADING_CONNECTORS:
        return start + text[start:end].index(word[1])
    return start


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


def _claim(
    state: _Drafting,
    span: tuple[int, int],
    hops: Sequence[Hop],
    hedges: Sequence[Hedge],
    *,
    inherits: str | None = None,
) -> Claim | None:
    start, end = span
    words = state.text[start:end]
    if end <= start or not words.strip():
        return None
    factuality = _factuality(state.publisher, hedges)
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
