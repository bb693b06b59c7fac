"""One decoder: tagged spans linked into attributions, then merged with the rules' draft.

Linking, per paragraph: each content span goes to the cue that costs least (tokens between
them, plus a penalty per sentence apart), each source span to the nearest cue of its own
sentence (a cue keeps one source, the nearest); a cue left with no source but with a
content shares the nearest source before it in its sentence; a cue with no content keeps the
content of the rule attribution it overlaps, if any.

Merging with the rule draft (a :class:`~provenance.model.Document`):

* a rule claim whose chain has more than one hop is kept as the rules drafted it: the model
  never breaks a chain, and the learned attribution whose cue it shares is spent on it;
* a one-hop rule claim whose cue a learned cue overlaps takes the learned spans (cue, source
  mention, content); its source stays the rules' one when the mentions overlap (so anaphora
  the rules resolved is kept), else a new source is typed from the mention by the lexicon;
* a one-hop rule claim no learned cue confirms is kept, or dropped when ``drop_unconfirmed``
  (unless another claim inherits from it): keeping them measured better on PolNeAR's
  development part (the model adds recall, the rules keep theirs);
* every learned attribution left that has a content becomes a new claim.

Hedges, quotes, kinds and chains come from the rules; statuses are derived again.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from provenance.errors import InvalidValue
from provenance.extraction.sources import SourceIndex, classify
from provenance.model import Claim, Document, Excerpt, Hop, Source, Span
from provenance.status import derive_status
from provenance.vocabulary import AttributionMode, ConfidenceStatus, SourceKind

__all__ = ["LearnedAttribution", "link", "merge"]

_SENTENCE_PENALTY = 12
_QUOTES_OPEN = '"\u201c'
_QUOTES_CLOSE = '"\u201d'


@attrs.frozen
class LearnedAttribution:
    """A cue with the source and content spans the decoder linked to it."""

    cue: tuple[int, int]
    """Character range of the cue."""
    source: tuple[int, int] | None
    """Character range of the source mention, if one was linked."""
    contents: tuple[tuple[int, int], ...]
    """Character ranges of the content, in text order (two for a split quote; none when no
    content span was tagged near the cue)."""


def link(
    spans: Sequence[tuple[str, int, int, int, int]], sentence_of: Sequence[int]
) -> list[LearnedAttribution]:
    """Link the tagged spans of one paragraph (see :func:`~.labels.spans_from_tags`)."""
    cues = [s for s in spans if s[0] == "Cue"]
    if not cues:
        return []
    contents: dict[int, list[tuple[int, int]]] = {i: [] for i in range(len(cues))}
    sources: dict[int, tuple[int, tuple[int, int]]] = {}

    def gap(a: tuple[str, int, int, int, int], b: tuple[str, int, int, int, int]) -> int:
        return max(0, b[1] - a[2], a[1] - b[2])

    for span in spans:
        if span[0] == "Content":
            best = min(
                range(len(cues)),
                key=lambda i: (
                    gap(span, cues[i])
                    + _SENTENCE_PENALTY
                    * abs(sentence_of[span[1]] - sentence_of[cues[i][1]])
                    * (
                        0
                        if sentence_of[span[2]] >= sentence_of[cues[i][1]] >= sentence_of[span[1]]
                        else 1
                    )
                ),
            )
            contents[best].append((span[3], span[4]))
        elif span[0] == "Source":
            same = [i for i in range(len(cues)) if sentence_of[cues[i][1]] == sentence_of[span[1]]]
            if not same:
                continue
            best = min(same, key=lambda i: gap(span, cues[i]))
            distance = gap(span, cues[best])
            if best not in sources or distance < sources[best][0]:
                sources[best] = (distance, (span[3], span[4]))
    found: list[LearnedAttribution] = []
    for i, cue in enumerate(cues):
        source = sources.get(i)
        mention = source[1] if source is not None else None
        if mention is None and contents[i]:
            mention = _shared_subject(cue, spans, sentence_of)
        found.append(
            LearnedAttribution(
                cue=(cue[3], cue[4]), source=mention, contents=tuple(sorted(contents[i]))
            )
        )
    return found


def _shared_subject(
    cue: tuple[str, int, int, int, int],
    spans: Sequence[tuple[str, int, int, int, int]],
    sentence_of: Sequence[int],
) -> tuple[int, int] | None:
    """Return the nearest source span before ``cue`` in its sentence, even one another took.

    PolNeAR tags a token with one role only, so in '"...," McCain said, citing low growth'
    the one Source span is linked to 'said' and 'citing' is left with none; the gold gives
    both cues that subject. Only a source on the left is shared (the subject of the verbs
    that follow it): sharing one on the right too measured lower on the development part.
    """
    before = [
        s
        for s in spans
        if s[0] == "Source" and s[2] < cue[1] and sentence_of[s[1]] == sentence_of[cue[1]]
    ]
    if not before:
        return None
    nearest = max(before, key=lambda s: s[2])
    return (nearest[3], nearest[4])


def _overlaps(a: tuple[int, int], b: Span | tuple[int, int] | None) -> int:
    if b is None:
        return 0
    start, end = (b.start, b.end) if isinstance(b, Span) else b
    return max(0, min(a[1], end) - max(a[0], start))


def _mode(text: str, span: tuple[int, int], has_source: bool) -> tuple[AttributionMode, str | None]:
    words = text[span[0] : span[1]].strip().rstrip(".,")
    if len(words) > 2 and words[0] in _QUOTES_OPEN and words[-1] in _QUOTES_CLOSE:
        inner = words[1:-1].strip().rstrip(",").strip()
        if inner and not any(mark in inner for mark in _QUOTES_OPEN + _QUOTES_CLOSE):
            return AttributionMode.DIRECT_QUOTE, inner
    return (AttributionMode.PARAPHRASE if has_source else AttributionMode.REPORTED), None


@attrs.define
class _Merge:
    document: Document
    kinds: SourceIndex
    sources: dict[str, Source]
    claims: list[Claim] = attrs.Factory(list)
    counter: int = 0

    def text(self, span: tuple[int, int]) -> str:
        return (self.document.text or "")[span[0] : span[1]]

    def excerpt(self, span: tuple[int, int]) -> Excerpt | None:
        words = self.text(span)
        return Excerpt(text=words, span=Span(*span)) if words.strip() else None

    def new_source(self, mention: tuple[int, int] | None, cue: tuple[int, int]) -> str:
        self.counter += 1
        identifier = f"learned-{self.counter}"
        if mention is None:
            self.sources[identifier] = Source(
                id=identifier, kind=SourceKind.GENERIC, descriptor=self.text(cue).strip() or None
            )
            return identifier
        found = classify(self.text(mention), self.kinds)
        name = found.name if found.kind.is_named else None
        try:
            self.sources[identifier] = Source(
                id=identifier,
                kind=found.kind,
                name=name or (found.descriptor if found.kind.is_named else None),
                descriptor=found.descriptor or None,
                plurality=found.plurality,
            )
        except InvalidValue:  # a mention the lexicon cannot type ("The"): say so, not guess
            self.sources[identifier] = Source(
                id=identifier,
                kind=SourceKind.GENERIC,
                descriptor=self.text(mention).strip() or None,
            )
        return identifier

    def add(self, claim: Claim) -> None:
        decision = derive_status(claim, self.sources, publisher=self.document.publisher)
        self.claims.append(
            attrs.evolve(claim, status=decision.status, status_reasons=decision.reasons)
        )

    def claim(self, base: Claim | None, hop: Hop, content: tuple[int, int], number: int) -> None:
        words = self.text(content)
        if not words.strip():
            return
        mode, quote = _mode(self.document.text or "", content, hop.mention is not None)
        if hop.mode in (AttributionMode.ACCORDING_TO,) and mode is not AttributionMode.DIRECT_QUOTE:
            mode = hop.mode
        hop = attrs.evolve(hop, mode=mode, quote=quote)
        if base is not None and number == 0:
            claim = attrs.evolve(
                base, text=words, span=Span(*content), attribution=(hop,), status_reasons=()
            )
        else:
            self.counter += 1
            claim = Claim(
                id=f"learned-c{self.counter}",
                text=words,
                status=ConfidenceStatus.ASSERTED,
                span=Span(*content),
                attribution=(hop,),
                hedges=base.hedges if base is not None else (),
            )
        self.add(claim)


def merge(
    document: Document,
    learned: Sequence[LearnedAttribution],
    kinds: SourceIndex,
    *,
    drop_unconfirmed: bool = False,
) -> Document:
    """Merge ``learned`` attributions into the rules' ``document`` (see the module docstring)."""
    state = _Merge(document, kinds, {s.id: s for s in document.sources})
    used = [False] * len(learned)
    inherited = {c.inherits for c in document.claims if c.inherits}

    def partner(claim: Claim) -> int | None:
        for index, item in enumerate(learned):
            if used[index]:
                continue
            for hop in claim.attribution:
                if hop.cue is not None and _overlaps(item.cue, hop.cue.span):
                    return index
        return None

    for claim in document.claims:
        cued = [hop for hop in claim.attribution if hop.cue is not None and hop.cue.span]
        if not cued:
            state.claims.append(claim)
            continue
        index = partner(claim)
        if len(claim.attribution) > 1 or claim.inherits or claim.id in inherited:
            if index is not None:
                used[index] = True
            state.claims.append(claim)
            continue
        if index is None:
            if not drop_unconfirmed:
                state.claims.append(claim)
            continue
        used[index] = True
        item = learned[index]
        hop = claim.attribution[0]
        rule_mention = hop.mention.span if hop.mention is not None else None
        if item.source is not None and not _overlaps(item.source, rule_mention):
            source = state.new_source(item.source, item.cue)
            mention = state.excerpt(item.source)
        elif item.source is not None:
            source, mention = hop.source, state.excerpt(item.source)
        else:
            source, mention = hop.source, hop.mention
        new_hop = attrs.evolve(hop, source=source, cue=state.excerpt(item.cue), mention=mention)
        ordered = sorted(item.contents, key=lambda c: -_overlaps(c, claim.span))
        if not ordered and claim.span is not None:  # the rules' content, the model's cue
            ordered = [(claim.span.start, claim.span.end)]
        for number, content in enumerate(ordered):
            state.claim(claim, new_hop, content, number)
    for index, item in enumerate(learned):
        if used[index]:
            continue
        source = state.new_source(item.source, item.cue)
        hop = Hop(
            source=source,
            mode=AttributionMode.PARAPHRASE,
            cue=state.excerpt(item.cue),
            mention=state.excerpt(item.source) if item.source is not None else None,
        )
        for content in item.contents:
            state.claim(None, hop, content, 1)
    # the rules' sources all stay (a person may want them); a learned one only while used
    used_sources = {h.source for c in state.claims for h in c.attribution}
    rule_sources = {source.id for source in document.sources}
    kept = tuple(s for s in state.sources.values() if s.id in rule_sources or s.id in used_sources)
    return attrs.evolve(document, sources=kept, claims=tuple(state.claims))
