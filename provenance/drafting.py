"""Drafting one article file: plain text or a saved web page, with what is known of the article.

:func:`draft_article` turns the bytes of one article file into a drafted
:class:`~provenance.model.Document`. ``provenance extract`` runs it on every
file, in one process and on a Dask cluster alike (``--scheduler``), so both
write the same record for the same file. What the caller knows of the article
(an :class:`~provenance.manifest.Article`: publisher, id, title, URL, date,
from the command line or a manifest row) wins over what a web page says about
itself; the page's own metadata is kept under ``extensions["webpage"]``.
"""

from __future__ import annotations

import os
import re
from typing import Protocol

import attrs

from provenance.errors import UnreadableText
from provenance.manifest import Article
from provenance.model import Document, Source
from provenance.webpage import HTML_SUFFIXES, read_webpage

__all__ = [
    "ARTICLE_SUFFIXES",
    "Drafter",
    "decode_text",
    "document_id",
    "draft_article",
    "draft_file",
]

ARTICLE_SUFFIXES = (".txt", *HTML_SUFFIXES)
"""The file names drafted as articles: plain text, and saved web pages."""

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.:-]")


class Drafter(Protocol):
    """What drafts a record from text: the rule extractor, or the extractor with a model."""

    def extract(
        self,
        text: str,
        *,
        publisher: str | Source | None = None,
        document_id: str | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> Document:
        """Draft a Document from ``text``."""
        ...


def document_id(name: str) -> str:
    """Return the record id drafted from a file's name.

    That is the name's stem, each unsafe character replaced by ``_``, with a
    leading ``_`` where the stem does not start with a letter.
    """
    stem = os.path.splitext(os.path.basename(name.rstrip("/")))[0]
    cleaned = _ID_UNSAFE.sub("_", stem) or "draft"
    return cleaned if cleaned[0].isalpha() or cleaned[0] == "_" else f"_{cleaned}"


def decode_text(data: bytes, location: str | None = None) -> str:
    """Decode an article file as UTF-8 (a byte-order mark allowed).

    Raises :class:`~provenance.errors.UnreadableText`, located, for binary data
    or bytes that are not UTF-8.
    """
    if b"\x00" in data:
        raise UnreadableText("binary data (NUL bytes)", location=location, expected="UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableText(
            f"not UTF-8 text (byte {error.start})", location=location, expected="UTF-8 text"
        ) from None


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://")) and " " not in value


def draft_article(
    extractor: Drafter,
    data: bytes,
    name: str,
    article: Article | None = None,
    *,
    location: str | None = None,
) -> Document:
    """Draft the record of one article file from its bytes.

    ``name`` is the file's name (or path, or URL): a name ending in
    ``.html``/``.htm`` is read as a saved web page, any other as plain text,
    and the record id is drafted from it unless ``article.id`` is given.
    ``location`` (default ``name``) locates errors. Raises
    :class:`~provenance.errors.ProvenanceError` for text that cannot be read.
    """
    where = location if location is not None else name
    article = article or Article(file=os.path.basename(name))
    if name.lower().endswith(HTML_SUFFIXES):
        page = read_webpage(data, location=where)
        text = page.text
        publisher = article.publisher or page.site_name
        title = article.title or page.title
        url = article.url or (page.url if page.url and _is_url(page.url) else None)
        published = article.published or page.date
    else:
        page = None
        text = decode_text(data, where)
        publisher, title, url, published = (
            article.publisher,
            article.title,
            article.url,
            article.published,
        )
    # The publisher's name goes to the extractor, so that its own name ("told VOA" in a
    # VOA article) is read as the publisher, not as one more hop.
    document = extractor.extract(
        text,
        publisher=publisher,
        document_id=article.id or document_id(name),
        title=title,
        url=url,
    )
    if published is not None:
        document = attrs.evolve(document, published=published)
    if page is not None:
        extensions = dict(document.extensions)
        extensions["webpage"] = page.metadata()
        document = attrs.evolve(document, extensions=extensions)
    return document


def draft_file(
    extractor: Drafter, path: str | os.PathLike[str], article: Article | None = None
) -> Document:
    """Draft the record of the article file at ``path`` (see :func:`draft_article`).

    Raises :class:`OSError` when the file cannot be read.
    """
    name = os.fspath(path)
    with open(name, "rb") as handle:
        data = handle.read()
    return draft_article(extractor, data, os.path.basename(name), article, location=name)
