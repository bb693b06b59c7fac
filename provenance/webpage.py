"""Saved web pages as article text: the main text of the page and what the page says about itself.

Real articles come as saved web pages. :func:`read_webpage` turns one into a
:class:`WebPage`: the article's main text (navigation, comments, footers and
markup left out, paragraphs one per line, character references resolved) and
the page's own metadata (title, author, date, site name, canonical URL). The
extractor drafts from that text, so every span indexes it, and it becomes the
record's ``text``.

The main text is found by `trafilatura <https://trafilatura.readthedocs.io>`_,
installed with the ``claim-provenance[html]`` extra; without it,
:func:`read_webpage` raises :class:`~provenance.errors.MissingDependency`
naming the extra, and no draft full of tags is ever made. Nothing is fetched:
the page is read from the bytes given.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from provenance import json_policy
from provenance.errors import MissingDependency, UnreadableText

__all__ = ["HTML_SUFFIXES", "WebPage", "looks_like_html", "read_webpage"]

HTML_SUFFIXES = (".html", ".htm")
"""File name endings of saved web pages."""

_INSTALL = "pip install 'claim-provenance[html]'"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MARKUP = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<!--)", re.IGNORECASE)


@attrs.frozen
class WebPage:
    """The main text of a saved web page, and what the page says about itself."""

    text: str
    """The article's main text, one paragraph per line, without markup."""
    title: str | None = None
    """The page's title (its headline)."""
    author: str | None = None
    """The author the page names (a byline or ``author`` metadata)."""
    date: str | None = None
    """The publication date the page gives, ``YYYY-MM-DD``."""
    site_name: str | None = None
    """The site or publisher name the page gives."""
    url: str | None = None
    """The page's canonical URL, when it states one."""

    def metadata(self) -> dict[str, str]:
        """Return the metadata the page gave, by name (absent values left out)."""
        found = {
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "site_name": self.site_name,
            "url": self.url,
        }
        return {key: value for key, value in found.items() if value}


def looks_like_html(text: str) -> bool:
    """Whether ``text`` starts as an HTML document does (a doctype, ``<html>``, ``<head>`` ...)."""
    return _MARKUP.match(text[:2000].lstrip("\ufeff")) is not None


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:
        raise MissingDependency(
            f"reading web pages (.html, .htm) needs trafilatura: {_INSTALL}",
            expected=_INSTALL,
        ) from None
    return trafilatura


def _field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = " ".join(value.split())
    return json_policy.check_text(cleaned, what="page metadata") or None


def read_webpage(page: str | bytes, *, location: str | None = None) -> WebPage:
    """Read a saved web page: its main text and metadata (see the module docs).

    Raises :class:`~provenance.errors.MissingDependency` without the ``html``
    extra, and :class:`~provenance.errors.UnreadableText` for a page that is
    not UTF-8 or in which no main text is found.
    """
    trafilatura = _trafilatura()
    if isinstance(page, bytes):
        try:
            page = page.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UnreadableText(
                f"not UTF-8 text (byte {error.start})", location=location, expected="UTF-8 text"
            ) from None
    json_policy.check_text(page, location=location, what="the page")
    try:
        found = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError, RecursionError) as error:  # markup it cannot parse
        raise UnreadableText(
            f"cannot read the web page: {error}", location=location, expected="an HTML page"
        ) from None
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise UnreadableText(
            "no main text found in the web page", location=location, expected="an article page"
        )
    date = _field(getattr(found, "date", None))
    return WebPage(
        text=json_policy.check_text(text, location=location),
        title=_field(getattr(found, "title", None)),
        author=_field(getattr(found, "author", None)),
        date=date if date and _DATE.match(date) else None,
        site_name=_field(getattr(found, "sitename", None)),
        url=_field(getattr(found, "url", None)),
    )
