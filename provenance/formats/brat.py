"""brat standoff (``.ann``) as PolNeAR uses it: read, write, and map to and from Documents.

A ``.ann`` file is parsed into an :class:`Annotation` of :class:`TextBound` spans
(``T`` lines, discontinuous fragments written ``start end;start end``) and
:class:`Event` relations (``E`` lines); other lines (notes, attributes) are
kept verbatim. :func:`read` maps it onto the record model:

* an ``Attribution`` event becomes a :class:`~provenance.model.Claim` whose span
  and text are the ``Content`` span (the hull of its fragments), with one
  :class:`~provenance.model.Hop` whose ``cue`` is the ``Cue`` span and whose
  ``mention`` is the ``Source`` span; the source's kind is inferred from its words;
* an ``Attribution-no-source`` event becomes a hop to a ``generic`` source (no
  mention; its descriptor is the cue's words), so the claim reads as attributed
  to someone unspecified;
* a ``Discuss`` span becomes a claim over that span with one hedge over the same span;
* everything else (``Discard`` spans, notes, spans no event uses) is kept verbatim in
  ``Document.extensions["brat"]``.

The original ``T``/``E`` ids and fragments sit in each claim's ``extensions["brat"]``,
so :func:`write` gives back the same spans and relations.
Documents drafted by the extractor (no brat extensions) are written with one
``Attribution`` event per hop that has a cue, all sharing the claim's ``Content`` span.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from provenance import json_policy
from provenance._version import version
from provenance.errors import MalformedAnnotation
from provenance.extraction.cues import tokenize
from provenance.extraction.hedges import find_hedges, hedge_index
from provenance.extraction.lexicon import Lexicon
from provenance.extraction.sources import classify, source_index
from provenance.model import Claim, Document, Drafting, Excerpt, Hedge, Hop, Source, Span
from provenance.output import write_whole
from provenance.status import derive_status
from provenance.vocabulary import (
    AttributionMode,
    ConfidenceStatus,
    HedgeCategory,
    Plurality,
    SourceKind,
)

__all__ = [
    "ATTRIBUTION_LABELS",
    "Annotation",
    "Event",
    "Fragments",
    "TextBound",
    "dump",
    "dumps",
    "load",
    "loads",
    "read",
    "write",
]

Fragments = tuple[tuple[int, int], ...]
"""The ``(start, end)`` ranges of a span, in order; more than one for a discontinuous span."""

ATTRIBUTION_LABELS = ("Attribution", "Attribution-no-source")
"""Event labels mapped to claims with a hop."""

_LINE_START = re.compile(r"^(?:[TEARMN]\d+|#\d*|\*)\t")
# Offsets of at most 18 digits: no text is longer, and int() has a limit on digits.
_FRAGMENT = re.compile(r"^([0-9]{1,18}) ([0-9]{1,18})$")
_EXTENSION = "brat"


@attrs.frozen
class TextBound:
    """A ``T`` line: a labelled span of the text."""

    id: str
    """Its id ("T3")."""
    label: str
    """Its label ("Source", "Cue", "Content", "Attribution", "Discuss", ...)."""
    fragments: Fragments
    """Its character ranges."""
    text: str = ""
    """The words as the file gives them."""

    @property
    def hull(self) -> tuple[int, int]:
        """The range from the first fragment's start to the last one's end."""
        return min(f[0] for f in self.fragments), max(f[1] for f in self.fragments)


@attrs.frozen
class Event:
    """An ``E`` line: a labelled relation with a trigger and role arguments."""

    id: str
    """Its id ("E1")."""
    label: str
    """Its label ("Attribution")."""
    trigger: str
    """Id of the trigger text bound."""
    arguments: tuple[tuple[str, str], ...] = ()
    """``(role, text bound id)`` pairs, in file order."""


@attrs.frozen
class Annotation:
    """The content of one ``.ann`` file."""

    textbounds: tuple[TextBound, ...] = ()
    """The ``T`` lines."""
    events: tuple[Event, ...] = ()
    """The ``E`` lines."""
    others: tuple[str, ...] = ()
    """Every other line (notes, attributes, relations), verbatim."""

    def textbound(self, identifier: str) -> TextBound | None:
        """Return the text bound with this id, if any."""
        for bound in self.textbounds:
            if bound.id == identifier:
                return bound
        return None


def loads(content: str, *, location: str | None = None) -> Annotation:
    """Parse the text of a ``.ann`` file; a line that cannot be read raises MalformedAnnotation.

    A line that does not start with an annotation id continues the previous line
    (PolNeAR writes span texts that hold line breaks).
    """
    where = location or "<ann>"
    logical: list[tuple[int, str]] = []
    for number, raw in enumerate(content.rstrip("\r\n").split("\n"), start=1):
        line = raw.rstrip("\r")
        if _LINE_START.match(line) or not logical:
            if line.strip() or _LINE_START.match(line):
                logical.append((number, line))
            continue
        first, previous = logical[-1]
        logical[-1] = (first, previous + "\n" + line)
    while logical and not logical[-1][1].strip():
        logical.pop()
    bounds: list[TextBound] = []
    events: list[Event] = []
    others: list[str] = []
    seen: dict[str, int] = {}
    for number, line in logical:
        if not _LINE_START.match(line):
            raise MalformedAnnotation(
                "not a brat annotation line",
                location=f"{where}:{number}",
                expected="an id (T1, E1, #1, ...) and a tab",
                found=repr(line[:40]),
            )
        if line.startswith(("T", "E")):
            identifier = line.partition("\t")[0]
            if identifier in seen:
                # Two events (or text bounds) with one id would become two claims with one id.
                raise MalformedAnnotation(
                    f"the id {identifier} is used twice (first on line {seen[identifier]})",
                    location=f"{where}:{number}",
                    expected="one line per id",
                    found=identifier,
                )
            seen[identifier] = number
        if line.startswith("T"):
            bounds.append(_textbound(line, f"{where}:{number}"))
        elif line.startswith("E"):
            events.append(_event(line, f"{where}:{number}"))
        else:
            others.append(line)
    return Annotation(tuple(bounds), tuple(events), tuple(others))


def _textbound(line: str, where: str) -> TextBound:
    parts = line.split("\t", 2)
    if len(parts) < 2 or " " not in parts[1]:
        raise MalformedAnnotation(
            "a text bound needs a label and offsets",
            location=where,
            expected="T<n>\\tLabel start end\\ttext",
            found=repr(line[:60]),
        )
    label, _, offsets = parts[1].partition(" ")
    fragments: list[tuple[int, int]] = []
    for piece in offsets.split(";"):
        match = _FRAGMENT.match(piece.strip())
        if match is None or int(match.group(1)) > int(match.group(2)):
            raise MalformedAnnotation(
                "bad offsets",
                location=where,
                expected="'start end' pairs separated by ';', start <= end",
                found=repr(offsets),
            )
        fragments.append((int(match.group(1)), int(match.group(2))))
    return TextBound(parts[0], label, tuple(fragments), parts[2] if len(parts) > 2 else "")


def _event(line: str, where: str) -> Event:
    identifier, _, body = line.partition("\t")
    items = body.split()
    if not items or ":" not in items[0]:
        raise MalformedAnnotation(
            "an event needs a label and a trigger",
            location=where,
            expected="E<n>\\tLabel:T<n> Role:T<n> ...",
            found=repr(line[:60]),
        )
    label, _, trigger = items[0].partition(":")
    arguments: list[tuple[str, str]] = []
    for item in items[1:]:
        role, sep, target = item.partition(":")
        if not sep or not target:
            raise MalformedAnnotation(
                "bad event argument", location=where, expected="Role:T<n>", found=repr(item)
            )
        arguments.append((role, target))
    return Event(identifier, label, trigger, tuple(arguments))


def dumps(annotation: Annotation) -> str:
    """Write an annotation as ``.ann`` text: text bounds, then events, then other lines."""
    lines: list[str] = []
    for bound in annotation.textbounds:
        offsets = ";".join(f"{start} {end}" for start, end in bound.fragments)
        lines.append(f"{bound.id}\t{bound.label} {offsets}\t{bound.text}")
    for event in annotation.events:
        arguments = "".join(f" {role}:{target}" for role, target in event.arguments)
        lines.append(f"{event.id}\t{event.label}:{event.trigger}{arguments}")
    lines.extend(annotation.others)
    return "".join(line + "\n" for line in lines)


def load(path: str | os.PathLike[str]) -> Annotation:
    """Read and parse a ``.ann`` file (UTF-8)."""
    location = str(path)
    try:
        content = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise MalformedAnnotation(
            f"not UTF-8 text ({error.reason})", location=location, expected="UTF-8 text"
        ) from None
    except OSError as error:  # a folder, an unreadable file, a vanished one
        raise MalformedAnnotation(
            f"cannot read the file: {error.strerror or error}", location=location
        ) from None
    return loads(content, location=location)


def dump(annotation: Annotation, path: str | os.PathLike[str]) -> None:
    """Write ``annotation`` to ``path`` whole or not at all."""
    write_whole(path, dumps(annotation))


# -- to Documents -------------------------------------------------------------------------


def _span_text(text: str, bound: TextBound, where: str) -> tuple[Span, str]:
    start, end = bound.hull
    if end > len(text):
        raise MalformedAnnotation(
            f"{bound.id} ends past the end of the text",
            location=where,
            expected=f"offsets <= {len(text)}",
            found=str(end),
        )
    return Span(start, end), text[start:end]


def _record(bound: TextBound, role: str) -> list[Any]:
    return [role, bound.id, bound.label, [list(f) for f in bound.fragments], bound.text]


def read(
    annotation: Annotation,
    text: str,
    *,
    document_id: str,
    publisher: str | None = None,
    lexicon: Lexicon | None = None,
    location: str | None = None,
) -> Document:
    """Map a PolNeAR annotation of ``text`` onto a Document (see the module docstring)."""
    where = location or document_id
    json_policy.check_text(text, location=where, what="the annotated text")
    lex = lexicon if lexicon is not None else Lexicon.default()
    kinds = source_index(lex)
    hedges = hedge_index(lex)
    bounds = {bound.id: bound for bound in annotation.textbounds}
    publisher_source = (
        Source(id="publisher", kind=SourceKind.PUBLICATION, name=publisher)
        if publisher
        else Source(id="publisher", kind=SourceKind.AUTHOR, descriptor="the publisher")
    )
    sources: dict[str, Source] = {publisher_source.id: publisher_source}
    claims: list[Claim] = []
    used: set[str] = set()
    others: list[str] = []
    for event in annotation.events:
        roles = {role: bounds.get(target) for role, target in event.arguments}
        trigger = bounds.get(event.trigger)
        missing = [t for _, t in event.arguments if t not in bounds]
        if (
            event.label not in ATTRIBUTION_LABELS
            or trigger is None
            or missing
            or (roles.get("Cue") is None and roles.get("Content") is None)
        ):
            others.append(dumps(Annotation(events=(event,))).rstrip("\n"))
            continue
        cue_bound = roles.get("Cue") or trigger
        cue_span, cue_text = _span_text(text, cue_bound, where)
        source_bound = roles.get("Source")
        if source_bound is not None:
            mention_span, mention_text = _span_text(text, source_bound, where)
            source_id = f"src-{source_bound.id}"
            if source_id not in sources:
                mention = classify(mention_text, kinds)
                sources[source_id] = Source(
                    id=source_id,
                    kind=mention.kind,
                    name=mention.name if mention.kind.is_named else None,
                    descriptor=mention.descriptor if mention_text.strip() else None,
                    plurality=mention.plurality,
                )
            mention_excerpt = _excerpt(mention_text, mention_span)
        else:
            source_id = f"src-{event.id}"
            sources[source_id] = Source(
                id=source_id,
                kind=SourceKind.GENERIC,
                descriptor=cue_text if cue_text.strip() else None,
                plurality=Plurality.UNSPECIFIED,
            )
            mention_excerpt = None
        content_bound = roles.get("Content")
        span: Span | None = None
        words = ""
        if content_bound is not None:
            span, words = _span_text(text, content_bound, where)
        mode, quote = _mode(words, source_bound is not None)
        hop = Hop(
            source=source_id,
            mode=mode,
            cue=_excerpt(cue_text, cue_span),
            mention=mention_excerpt,
            quote=quote,
        )
        record = {
            "event": event.id,
            "label": event.label,
            "trigger": _record(trigger, "trigger"),
            "arguments": [
                _record(bound, role) for role, bound in roles.items() if bound is not None
            ],
        }
        used.update(t for _, t in event.arguments)
        used.add(event.trigger)
        claims.append(
            _with_status(
                Claim(
                    id=f"claim-{event.id}",
                    text=words,
                    status=ConfidenceStatus.ASSERTED,
                    span=span,
                    attribution=(hop,),
                    extensions={_EXTENSION: record},
                ),
                sources,
                publisher_source.id,
            )
        )
    for bound in annotation.textbounds:
        if bound.id in used:
            continue
        if bound.label == "Discuss":
            span, words = _span_text(text, bound, where)
            if words.strip():
                found = find_hedges(tokenize(text, span.start, span.end), hedges)
                category = found[0].category if found else HedgeCategory.EPISTEMIC
                hedge = Hedge(text=words, category=category, span=span)
                claims.append(
                    _with_status(
                        Claim(
                            id=f"claim-{bound.id}",
                            text=words,
                            status=ConfidenceStatus.ASSERTED,
                            span=span,
                            hedges=(hedge,),
                            extensions={_EXTENSION: {"discuss": _record(bound, "Discuss")}},
                        ),
                        sources,
                        publisher_source.id,
                    )
                )
                continue
        others.append(dumps(Annotation(textbounds=(bound,))).rstrip("\n"))
    return Document(
        id=document_id,
        publisher=publisher_source.id,
        text=text,
        sources=tuple(sources.values()),
        claims=tuple(claims),
        drafted_by=Drafting(
            tool="claim-provenance brat import",
            version=version(),
            method="gold annotation import",
        ),
        extensions={_EXTENSION: {"other": others + list(annotation.others)}}
        if others or (annotation.others)
        else {},
    )


def _excerpt(words: str, span: Span) -> Excerpt | None:
    return Excerpt(text=words, span=span) if words.strip() else None


def _mode(words: str, has_source: bool) -> tuple[AttributionMode, str | None]:
    stripped = words.strip().rstrip(".,")
    if len(stripped) > 2 and stripped[0] in '"\u201c' and stripped[-1] in '"\u201d':
        inner = stripped[1:-1].strip().rstrip(",").strip()
        if inner and '"' not in inner and "\u201c" not in inner:
            return AttributionMode.DIRECT_QUOTE, inner
    return (AttributionMode.PARAPHRASE if has_source else AttributionMode.REPORTED), None


def _with_status(claim: Claim, sources: Mapping[str, Source], publisher: str) -> Claim:
    decision = derive_status(claim, sources, publisher=publisher)
    return attrs.evolve(claim, status=decision.status, status_reasons=decision.reasons)


# -- from Documents -----------------------------------------------------------------------


@attrs.define
class _Writer:
    text: str
    reserved: set[str]
    bounds: list[TextBound] = attrs.Factory(list)
    events: list[Event] = attrs.Factory(list)
    emitted: dict[str, TextBound] = attrs.Factory(dict)
    counters: dict[str, int] = attrs.Factory(lambda: {"T": 0, "E": 0})

    def fresh(self, prefix: str) -> str:
        while True:
            self.counters[prefix] += 1
            candidate = f"{prefix}{self.counters[prefix]}"
            if candidate not in self.reserved:
                self.reserved.add(candidate)
                return candidate

    def bound(self, label: str, span: Span, hint: list[Any] | None, pieces: Fragments = ()) -> str:
        fragments: Fragments = pieces or ((span.start, span.end),)
        identifier: str | None = None
        words = " ".join(self.text[start:end] for start, end in fragments)
        if hint is not None:
            hinted = tuple((int(a), int(b)) for a, b in hint[3])
            if hinted and (min(a for a, _ in hinted), max(b for _, b in hinted)) == (
                span.start,
                span.end,
            ):
                fragments = hinted
                words = str(hint[4])
            identifier = str(hint[1])
        if identifier is not None and identifier in self.emitted:
            existing = self.emitted[identifier]
            if existing.label == label and existing.fragments == fragments:
                return identifier
            identifier = None
        if identifier is None:
            for existing in self.emitted.values():
                if existing.label == label and existing.fragments == fragments:
                    return existing.id
            identifier = self.fresh("T")
        made = TextBound(identifier, label, fragments, words)
        self.emitted[identifier] = made
        self.bounds.append(made)
        return identifier


def write(document: Document) -> Annotation:
    """Write a Document's attributions (and imported ``Discuss`` hedges) as an annotation."""
    text = document.text or ""
    reserved: set[str] = set()
    for claim in document.claims:
        reserved.update(_ids(claim.extensions.get(_EXTENSION)))
    other_lines = list(document.extensions.get(_EXTENSION, {}).get("other", ()))
    for line in other_lines:
        reserved.add(line.split("\t", 1)[0])
    writer = _Writer(text=text, reserved=reserved)
    pieces = _shared_cue_fragments(document.claims)
    written: set[tuple[int, int, int, int]] = set()
    for claim in document.claims:
        record = claim.extensions.get(_EXTENSION) or {}
        discuss = record.get("discuss")
        if discuss is not None and claim.span is not None:
            writer.bound("Discuss", claim.span, discuss)
            continue
        hops = [hop for hop in claim.attribution if hop.cue is not None and hop.cue.span]
        if record.get("event") and hops:
            hops = hops[-1:]
        for hop in hops:
            key = _cue_key(hop)
            if record or key not in pieces:
                _write_hop(writer, claim, hop, record)
            elif key not in written:
                written.add(key)
                _write_hop(writer, claim, hop, record, pieces[key])
        if not hops and not record and claim.span is not None:
            _write_evidential(writer, claim)
    kept = loads("\n".join(other_lines), location="extensions.brat.other")
    return Annotation(
        tuple(writer.bounds) + kept.textbounds, tuple(writer.events) + kept.events, kept.others
    )


def _cue_key(hop: Hop) -> tuple[int, int, int, int]:
    assert hop.cue is not None and hop.cue.span is not None
    mention = hop.mention.span if hop.mention is not None else None
    return (
        hop.cue.span.start,
        hop.cue.span.end,
        mention.start if mention is not None else -1,
        mention.end if mention is not None else -1,
    )


def _shared_cue_fragments(claims: Iterable[Claim]) -> dict[tuple[int, int, int, int], Fragments]:
    """Group claims without brat extensions whose hops share one cue and mention.

    '"A," he said, "B."' is drafted as two claims with the same cue; brat writes them as one
    event whose Content has the fragments A and B, as PolNeAR annotates a split quote.
    """
    spans: dict[tuple[int, int, int, int], list[tuple[int, int]]] = {}
    for claim in claims:
        if claim.extensions.get(_EXTENSION) or claim.span is None:
            continue
        for hop in claim.attribution:
            if hop.cue is not None and hop.cue.span is not None:
                spans.setdefault(_cue_key(hop), []).append((claim.span.start, claim.span.end))
    return {key: tuple(sorted(set(found))) for key, found in spans.items() if len(found) > 1}


def _ids(record: Any) -> Iterable[str]:
    if not isinstance(record, dict):
        return []
    found: list[str] = []
    if "event" in record:
        found.append(str(record["event"]))
    for key in ("trigger", "discuss"):
        if key in record:
            found.append(str(record[key][1]))
    for argument in record.get("arguments", ()):
        found.append(str(argument[1]))
    return found


def _write_hop(
    writer: _Writer,
    claim: Claim,
    hop: Hop,
    record: dict[str, Any],
    pieces: Fragments = (),
) -> None:
    assert hop.cue is not None and hop.cue.span is not None
    hints = {str(item[0]): item for item in record.get("arguments", ())}
    label = str(record.get("label") or ("Attribution" if hop.mention else "Attribution-no-source"))
    trigger_hint = record.get("trigger")
    trigger_span = hop.cue.span
    if trigger_hint is not None:
        hinted = tuple((int(a), int(b)) for a, b in trigger_hint[3])
        trigger_span = Span(min(a for a, _ in hinted), max(b for _, b in hinted))
    trigger = writer.bound(
        str(trigger_hint[2]) if trigger_hint is not None else label, trigger_span, trigger_hint
    )
    arguments: list[tuple[str, str]] = []
    order = [str(item[0]) for item in record.get("arguments", ())] or ["Source", "Cue", "Content"]
    for role in order:
        if role == "Source" and hop.mention is not None and hop.mention.span is not None:
            hint = hints.get(role)
            kind = str(hint[2]) if hint is not None else "Source"
            arguments.append((role, writer.bound(kind, hop.mention.span, hint)))
        elif role == "Cue":
            hint = hints.get(role)
            kind = str(hint[2]) if hint is not None else "Cue"
            arguments.append((role, writer.bound(kind, hop.cue.span, hint)))
        elif role == "Content" and claim.span is not None and claim.span.end > claim.span.start:
            hint = hints.get(role)
            kind = str(hint[2]) if hint is not None else "Content"
            span = claim.span
            if pieces:
                span = Span(min(a for a, _ in pieces), max(b for _, b in pieces))
            arguments.append((role, writer.bound(kind, span, hint, pieces)))
        elif role not in ("Source", "Cue", "Content") and role in hints:
            hint = hints[role]
            fragments = tuple((int(a), int(b)) for a, b in hint[3])
            span = Span(min(a for a, _ in fragments), max(b for _, b in fragments))
            arguments.append((role, writer.bound(str(hint[2]), span, hint)))
    event_id = str(record["event"]) if record.get("event") else writer.fresh("E")
    writer.reserved.add(event_id)
    writer.events.append(Event(event_id, label, trigger, tuple(arguments)))


_NO_SOURCE_CUES = ("reportedly", "allegedly", "expected", "said to", "reported to", "believed")


def _write_evidential(writer: _Writer, claim: Claim) -> None:
    """Write an evidential hedge of a claim with no chain as an ``Attribution-no-source``.

    PolNeAR annotates "reportedly" and "is expected to" as attributions without a source;
    the record holds them as hedges (hearsay, prospective) of a claim the publisher states.
    """
    for hedge in claim.hedges:
        if hedge.span is None or not hedge.text.lower().startswith(_NO_SOURCE_CUES):
            continue
        if hedge.category not in (HedgeCategory.EVIDENTIAL_HEARSAY, HedgeCategory.PROSPECTIVE):
            continue
        assert claim.span is not None
        trigger = writer.bound("Attribution-no-source", hedge.span, None)
        cue = writer.bound("Cue", hedge.span, None)
        content = writer.bound("Content", claim.span, None)
        event_id = writer.fresh("E")
        writer.events.append(
            Event(event_id, "Attribution-no-source", trigger, (("Cue", cue), ("Content", content)))
        )
        return
