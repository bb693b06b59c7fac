"""Article manifests: whose article each text file is (publisher, address, title, date).

A manifest is a CSV file with a header row, or a JSON Lines file of objects,
with the fields ``file`` (the article's file name, relative to its folder),
``publisher``, ``url``, ``title``, ``published`` (an ISO 8601 date or
date-time) and, optionally, ``id`` (the record id to give the draft). Only
``file`` is required. :func:`read_manifest` reads one, keeping going past bad
rows: each becomes a located error (``manifest.csv:4``) and the other rows
are kept.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from provenance.errors import InvalidValue, ProvenanceError
from provenance.model import Document

__all__ = ["FIELDS", "Article", "Manifest", "check_article", "read_manifest"]

FIELDS = ("file", "publisher", "url", "title", "published", "id")
"""The fields a manifest row may have."""


@attrs.frozen
class Article:
    """What is known of one article besides its text."""

    file: str | None = None
    """The article's file name, relative to the manifest's folder."""
    publisher: str | None = None
    """The publisher's name."""
    url: str | None = None
    """Where the article was published."""
    title: str | None = None
    """Its headline."""
    published: str | None = None
    """When it was published (ISO 8601 date or date-time)."""
    id: str | None = None
    """The id to give its record."""
    location: str | None = None
    """Where the row was read (``manifest.csv:4``), for messages."""


def check_article(article: Article) -> Article:
    """Return ``article`` when its date and id are ones a record accepts; raise otherwise.

    The rules are the record's own: a probe Document is built with the values.
    """
    try:
        Document(
            id=article.id or "probe",
            publisher="probe",
            url=article.url,
            published=article.published,
        )
    except ProvenanceError as error:
        found = f" (found {error.found})" if error.found else ""
        raise InvalidValue(
            error.message + found,
            location=article.location,
            expected=error.expected,
            found=error.found,
        ) from None
    return article


@attrs.frozen
class Manifest:
    """The rows of a manifest that could be read, by file name, and the errors of the others."""

    articles: dict[str, Article] = attrs.field(factory=dict)
    """Each good row, by its ``file``."""
    errors: tuple[ProvenanceError, ...] = ()
    """The rows that could not be read, each a located error."""


def _rows(path: Path, text: str) -> Iterator[tuple[int, Any]]:
    lines_format = path.suffix.lower() in (".jsonl", ".ndjson") or text.lstrip().startswith("{")
    if lines_format:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as error:
                yield number, error
        return
    reader = csv.DictReader(io.StringIO(text))
    for row in reader:
        extra = row.pop(None, None)
        yield reader.line_num, (row if extra is None else ValueError("more cells than columns"))


def read_manifest(path: str | os.PathLike[str]) -> Manifest:
    """Read a CSV or JSON Lines manifest; raise only when the file itself cannot be read."""
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidValue(
            f"cannot read the manifest: {error}",
            location=where,
            expected="a UTF-8 CSV or JSON Lines file",
        ) from None
    articles: dict[str, Article] = {}
    errors: list[ProvenanceError] = []
    for number, row in _rows(Path(path), text):
        location = f"{where}:{number}"
        try:
            article = _article(row, location)
        except ProvenanceError as error:
            errors.append(error)
            continue
        assert article.file is not None
        if article.file in articles:
            errors.append(
                InvalidValue(
                    f"{article.file} is listed twice (first at {articles[article.file].location})",
                    location=location,
                    expected="one row per file",
                )
            )
            continue
        articles[article.file] = article
    return Manifest(articles, tuple(errors))


def _article(row: Any, location: str) -> Article:
    if isinstance(row, Exception):
        raise InvalidValue(f"unreadable row: {row}", location=location, expected="one manifest row")
    if not isinstance(row, dict):
        raise InvalidValue(
            "a manifest row must be an object",
            location=location,
            expected="an object with file, publisher, url, title, published",
            found=type(row).__name__,
        )
    unknown = sorted(str(key) for key in row if key not in FIELDS)
    if unknown:
        raise InvalidValue(
            f"unknown field {', '.join(unknown)}",
            location=location,
            expected=", ".join(FIELDS),
            found=", ".join(unknown),
        )
    values: dict[str, str | None] = {}
    for field in FIELDS:
        value = row.get(field)
        if value is not None and not isinstance(value, str):
            raise InvalidValue(
                f"{field} must be a string",
                location=location,
                expected="a string",
                found=type(value).__name__,
            )
        values[field] = value.strip() or None if isinstance(value, str) else None
    if values["file"] is None:
        raise InvalidValue("a row needs its file", location=location, expected="file: a name")
    return check_article(Article(**values, location=location))
