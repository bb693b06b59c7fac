"""Token sequences of an article and the features the learned tagger reads.

A sequence is one paragraph (PolNeAR contents cross sentences, rarely paragraphs). Its
tokens are the rule extractor's own tokens, and each token is described by:

* its word: lower case, shape ("Xxxx", "dd"), three-letter prefix and suffix, case;
* the rules' draft: the role the rule extractor gave it (``Cue``, ``Source``,
  ``Content``, begin or inside) and whether that attribution is part of a chain;
* the lexicon: the cue lemma and mode of a cue form, the first word of a phrase cue, the
  source class of a head noun, a hedge word;
* where it stands: inside a quotation, at a quotation's edge, first or last of its
  sentence, its sentence's place in the paragraph, whether a lexicon cue stands before or
  after it in its sentence and how far;
* the same word features and rule roles of its neighbours (two each side).

The feature set is named by :data:`FEATURE_SET` and stored in each model file: a model
trained with another set is refused rather than fed features it never saw.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from provenance.extraction.cues import CueIndex, Token, cue_index, tokenize
from provenance.extraction.hedges import HedgeIndex, hedge_index
from provenance.extraction.lexicon import Lexicon
from provenance.extraction.quotes import Quotation, find_quotations
from provenance.extraction.sentences import paragraphs, sentences
from provenance.extraction.sources import SourceIndex, head_class, source_index
from provenance.formats.brat import Annotation

__all__ = [
    "FEATURE_SET",
    "ROLES",
    "Featurizer",
    "TokenSequence",
    "rule_roles",
]

FEATURE_SET = "tokens-rules-lexicon-position/1"
"""Name and version of the features below; bump it whenever a feature changes."""

ROLES = ("Cue", "Source", "Content")
"""The span roles tagged, in the order ties are broken."""

_DIGIT = re.compile(r"\d")
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_QUOTE_MARKS = frozenset('"\u201c\u201d')


def _shape(word: str) -> str:
    """Collapse a word to its character classes ("McCain" -> "XxXx", "2016" -> "d")."""
    shape = _DIGIT.sub("d", _LOWER.sub("x", _UPPER.sub("X", word)))
    collapsed: list[str] = []
    for char in shape:
        if not collapsed or collapsed[-1] != char:
            collapsed.append(char)
    return "".join(collapsed)[:6]


@attrs.frozen
class TokenSequence:
    """One paragraph's tokens with their features (the CRF's unit of input)."""

    tokens: tuple[Token, ...]
    """The tokens, offsets into the article text."""
    features: tuple[dict[str, str | float], ...]
    """One feature mapping per token."""
    sentence_of: tuple[int, ...]
    """Index (within the article) of each token's sentence."""


def rule_roles(annotation: Annotation) -> list[tuple[int, int, str, bool]]:
    """Return ``(start, end, role, in_chain)`` for every fragment the rules' annotation writes.

    ``in_chain`` marks contents that more than one rule attribution shares (a chain).
    """
    bounds = {bound.id: bound for bound in annotation.textbounds}
    content_uses: dict[str, int] = {}
    for event in annotation.events:
        for role, target in event.arguments:
            if role == "Content":
                content_uses[target] = content_uses.get(target, 0) + 1
    found: list[tuple[int, int, str, bool]] = []
    seen: set[str] = set()
    for event in annotation.events:
        chained = any(content_uses.get(t, 0) > 1 for r, t in event.arguments if r == "Content")
        for role, target in event.arguments:
            bound = bounds.get(target)
            if bound is None or role not in ROLES or target in seen:
                continue
            seen.add(target)
            for start, end in bound.fragments:
                found.append((start, end, role, chained))
    return found


class Featurizer:
    """Turns an article (and the rules' draft of it) into feature sequences."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        """The lexicon whose classes are features."""
        self._cues: CueIndex = cue_index(lexicon)
        self._sources: SourceIndex = source_index(lexicon)
        self._hedges: HedgeIndex = hedge_index(lexicon)
        self._abbreviations = frozenset(lexicon.abbreviations)
        self._hedge_words = frozenset(w for words in self._hedges.cues for w in words)
        self._heads = (
            self._sources.vague
            | self._sources.groups
            | self._sources.individuals
            | self._sources.documents
        )

    def sequences(self, text: str, rules: Annotation) -> list[TokenSequence]:
        """Return the paragraphs of ``text`` as feature sequences, ``rules`` read as features."""
        paras = paragraphs(text)
        quotations = find_quotations(text, paras)
        q_starts = [q.start for q in quotations]
        roles = sorted(rule_roles(rules))
        result: list[TokenSequence] = []
        sentence_number = 0
        for paragraph in paras:
            spans = sentences(text, paragraph, quotations, self._abbreviations)
            tokens: list[Token] = []
            sentence_of: list[int] = []
            place: list[tuple[int, int, int]] = []  # (sentence in paragraph, index, length)
            for number, (start, end) in enumerate(spans):
                found = tokenize(text, start, end, self._abbreviations)
                tokens.extend(found)
                sentence_of.extend([sentence_number] * len(found))
                place.extend((number, i, len(found)) for i in range(len(found)))
                sentence_number += 1
            if not tokens:
                continue
            words = [self._word(token) for token in tokens]
            rule = _rule_tags(tokens, roles)
            quoted = [_quoted(token, quotations, q_starts) for token in tokens]
            cue_near = self._cue_distances(tokens, sentence_of)
            features: list[dict[str, str | float]] = []
            for i, _token in enumerate(tokens):
                f: dict[str, str | float] = {"bias": 1.0}
                f.update(words[i])
                f["rule"] = rule[i]
                f["q"] = quoted[i]
                number, index, length = place[i]
                f["sent"] = str(min(number, 3))
                f["first"] = "1" if index == 0 else "0"
                f["last"] = "1" if index == length - 1 else "0"
                f["rel"] = str(min(4, 5 * index // max(1, length)))
                f["cue_near"] = cue_near[i]
                for offset in (-2, -1, 1, 2):
                    j = i + offset
                    if 0 <= j < len(tokens):
                        f[f"{offset}:w"] = str(words[j]["w"])
                        f[f"{offset}:shape"] = str(words[j]["shape"])
                        f[f"{offset}:rule"] = rule[j]
                        f[f"{offset}:lex"] = str(words[j]["lex"])
                        f[f"{offset}:q"] = quoted[j]
                    else:
                        f[f"{offset}:w"] = "<edge>"
                f["rule|-1:rule"] = f"{rule[i]}|{f.get('-1:rule', '')}"
                f["w|-1:w"] = f"{words[i]['w']}|{f['-1:w']}"
                features.append(f)
            result.append(TokenSequence(tuple(tokens), tuple(features), tuple(sentence_of)))
        return result

    def _word(self, token: Token) -> dict[str, str | float]:
        lower = token.lower
        entry = self._cues.forms.get(lower)
        if entry is not None:
            lex = f"cue:{entry[1].value}"
        elif lower in self._cues.phrase_starts:
            lex = "phrase"
        elif lower in self._cues.nouns:
            lex = "noun-cue"
        elif lower in self._heads:
            lex = f"head:{head_class(lower, self._sources)}"
        elif lower in self._sources.organizations:
            lex = "org"
        elif lower in self._sources.pronouns:
            lex = "pronoun"
        elif lower in self._sources.titles or token.text in self._sources.titles:
            lex = "title"
        elif lower in self._hedge_words:
            lex = "hedge"
        else:
            lex = "-"
        return {
            "w": lower,
            "shape": _shape(token.text),
            "pre": lower[:3],
            "suf": lower[-3:],
            "title": "1" if token.text[:1].isupper() else "0",
            "lex": lex,
            "lemma": entry[0] if entry is not None else "-",
            "punct": token.text if not token.is_word else "-",
        }

    def _cue_distances(self, tokens: Sequence[Token], sentence_of: Sequence[int]) -> list[str]:
        """For each token: whether a lexicon verb cue stands before or after it, and how far."""
        cue_at = [i for i, t in enumerate(tokens) if t.lower in self._cues.forms]
        result: list[str] = []
        for i in range(len(tokens)):
            best = ""
            distance = 10**9
            for j in cue_at:
                if sentence_of[j] != sentence_of[i] or j == i:
                    continue
                if abs(j - i) < distance:
                    distance = abs(j - i)
                    best = "after" if j > i else "before"
            if not best:
                result.append("none")
            else:
                bucket = (
                    "1"
                    if distance == 1
                    else "2-3"
                    if distance <= 3
                    else "4-8"
                    if distance <= 8
                    else "far"
                )
                result.append(f"{best}:{bucket}")
        return result


def _rule_tags(tokens: Sequence[Token], roles: Sequence[tuple[int, int, str, bool]]) -> list[str]:
    """Return the rules' role of each token: ``B-Cue``, ``I-Content+chain``, ... or ``O``."""
    tags = ["O"] * len(tokens)
    starts = [token.start for token in tokens]
    first, last = tokens[0].start, tokens[-1].end
    for start, end, role, chained in roles:
        if end <= first or start >= last:
            continue
        suffix = f"{role}+chain" if chained else role
        at = bisect.bisect_left(starts, start)
        edge = "B"
        while at < len(tokens) and tokens[at].start < end:
            if tags[at] == "O":
                tags[at] = f"{edge}-{suffix}"
            edge = "I"
            at += 1
    return tags


def _quoted(token: Token, quotations: Sequence[Quotation], starts: list[int]) -> str:
    """Whether a token is a quote mark, inside a quotation, or outside every one."""
    if token.text in _QUOTE_MARKS:
        return "mark"
    at = bisect.bisect_right(starts, token.start) - 1
    if at >= 0 and token.start < quotations[at].end:
        return "in"
    return "out"
