"""Finding JSON-LD in what publishers serve: a JSON file, or HTML with ``<script>`` blocks.

:func:`parse_jsonld` turns text into one or more :class:`JsonLdBlock` values:
a JSON file gives one; an HTML page gives one per
``<script type="application/ld+json">`` element, each with the line it starts
on. HTML is read with the standard library's :mod:`html.parser`. A script
whose content is not JSON is not fatal: it comes back as a block whose
``error`` says why.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import attrs

from provenance import json_policy
from provenance.errors import InvalidRecord, MalformedJSON

__all__ = [
    "JsonLdBlock",
    "looks_like_html",
    "parse_json",
    "parse_jsonld",
]


@attrs.frozen
class JsonLdBlock:
    """One JSON-LD value found in the input."""

    data: Any
    """The parsed JSON (``None`` when ``error`` is set)."""
    location: str | None
    """The file, and for HTML the line the script starts on (``page.html:12``)."""
    error: MalformedJSON | None = None
    """Why the block could not be parsed, if it could not."""


def parse_json(text: str, *, location: str | None = None) -> Any:
    """Parse strict JSON under the hostile-value policy.

    Raises :class:`~provenance.errors.MalformedJSON` for what it refuses.
    No ``NaN``, ``Infinity`` or ``1e400``, no lone surrogates, no huge integers,
    no deep nesting (:mod:`provenance.json_policy`); what the policy refuses is
    reported with its JSON path.
    """
    try:
        return json_policy.parse_json(text, location=location)
    except InvalidRecord as error:
        first = error.problems[0] if error.problems else None
        raise MalformedJSON(str(first) if first else error.message, location=location) from None


class _ScriptFinder(HTMLParser):
    """Collects the text of every ``<script type="application/ld+json">`` element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[int, str]] = []
        self._open: tuple[int, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        kind = dict(attrs).get("type") or ""
        if kind.split(";")[0].strip().casefold() == "application/ld+json":
            self._open = (self.getpos()[0], [])

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.scripts.append((self._open[0], "".join(self._open[1])))
            self._open = None


def _decode(text: str | bytes, location: str | None) -> str:
    if isinstance(text, str):
        return text
    return json_policy.decode_utf8(text, location=location)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is markup rather than JSON (its first non-blank character is ``<``)."""
    return text.lstrip("\ufeff \t\r\n").startswith("<")


def parse_jsonld(text: str | bytes, *, location: str | None = None) -> list[JsonLdBlock]:
    """Return the JSON-LD blocks of a JSON document or an HTML page.

    JSON that does not parse raises :class:`~provenance.errors.MalformedJSON`; in HTML, a script
    that does not parse is returned with its ``error`` set.
    """
    decoded = _decode(text, location)
    if not looks_like_html(decoded):
        return [JsonLdBlock(parse_json(decoded, location=location), location)]
    finder = _ScriptFinder()
    finder.feed(decoded)
    finder.close()
    blocks = []
    for line, script in finder.scripts:
        where = f"{location or '<html>'}:{line}"
        try:
            blocks.append(JsonLdBlock(parse_json(script, location=where), where))
        except MalformedJSON as error:
            blocks.append(JsonLdBlock(None, where, error))
    return blocks
