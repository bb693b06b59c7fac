"""``provenance report PATH... -o OUT``: self-contained HTML reports of records.

A PATH is a record (``.json``), a JSON Lines file (``.jsonl``, ``.ndjson``), an
article (``.txt``, drafted into a record by the extractor) or a folder holding
such files. One ``.json`` or ``.txt`` input gives one HTML file at OUT; anything
else gives a folder OUT with ``index.html`` and one page per document. Output
is written whole or not at all: a file goes through a temporary file and a
rename, a folder is built beside OUT and renamed into place.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from provenance import codec
from provenance.codec import LINE_SUFFIXES, RECORD_SUFFIXES
from provenance.errors import InvalidRecord, MissingDependency, ProvenanceError
from provenance.model import Document
from provenance.output import is_stdout, replace_folder, unique_name, write_whole
from provenance.webpage import HTML_SUFFIXES

__all__ = ["register", "run"]

_TEXT_SUFFIXES = (".txt", *HTML_SUFFIXES)


def register(subparsers: Any) -> None:
    """Add the ``report`` subcommand."""
    parser = subparsers.add_parser(
        "report",
        description="Write an HTML page showing each document's text with its claims "
        "highlighted by confidence status, each claim's chain, hedges, reviews and audit "
        "findings. PATH is a record (.json), a JSON Lines file (.jsonl, .ndjson), an article "
        "(.txt, drafted by the extractor) or a folder of them. One .json or .txt input gives "
        "one HTML file; anything else gives a folder with index.html and one page per "
        "document. Needs the 'report' extra (Jinja2). Exit status: 0 done, 1 some inputs "
        "could not be read (the rest are written), 2 usage error.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="OUT",
        help="the HTML file (one input) or the folder (several) to write",
    )
    parser.set_defaults(handler=run)


def _say(message: str) -> None:
    print(f"provenance report: {message}", file=sys.stderr)


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    child
                    for child in path.iterdir()
                    if child.is_file()
                    and child.suffix.lower() in RECORD_SUFFIXES + LINE_SUFFIXES + _TEXT_SUFFIXES
                )
            )
        else:
            files.append(path)
    return files


def _extractor() -> Any:
    try:
        from provenance import extraction
    except ImportError:
        return None
    return getattr(extraction, "extract", None)


def _documents(
    files: list[Path], extract: Any, skipped: list[tuple[str, str]]
) -> Iterator[tuple[Document, str]]:
    for path in files:

        def bad(error: codec.LineError, path: Path = path) -> None:
            skipped.append((f"{path}:{error.line}", _one_line(error.error)))

        try:
            if path.suffix.lower() in HTML_SUFFIXES:
                from provenance.cli.extract import draft
                from provenance.extraction import Extractor

                yield draft(Extractor(), path), str(path)
            elif path.suffix.lower() in _TEXT_SUFFIXES:
                text = path.read_text(encoding="utf-8")
                yield extract(text), str(path)
            else:
                for document in codec.iter_file(path, on_error=bad):
                    yield document, str(path)
        except ProvenanceError as error:
            skipped.append((str(path), _one_line(error)))
        except (OSError, UnicodeDecodeError) as error:
            skipped.append((str(path), f"cannot read the file: {error}"))


def _one_line(error: ProvenanceError) -> str:
    if isinstance(error, InvalidRecord) and error.problems:
        more = len(error.problems) - 1
        return f"invalid record: {error.problems[0]}" + (f" (and {more} more)" if more else "")
    return error.message.splitlines()[0] if error.message else type(error).__name__


def _page_name(document_id: str, used: set[str]) -> str:
    """Return a page name for a record id: safe characters, bounded length, unique."""
    return unique_name(document_id, ".html", used)


def run(args: argparse.Namespace) -> int:
    """Render the reports; return the exit code."""
    missing = [str(path) for path in args.paths if not path.exists()]
    if missing:
        _say(f"no such file or folder: {', '.join(missing)}")
        return 2
    files = _expand(args.paths)
    single = (
        len(args.paths) == 1
        and args.paths[0].is_file()
        and files[0].suffix.lower() in (RECORD_SUFFIXES + _TEXT_SUFFIXES)
    )
    extract = None
    if any(path.suffix.lower() in _TEXT_SUFFIXES for path in files):
        extract = _extractor()
        if extract is None:
            _say(
                "cannot draft records from article text (.txt): the extractor is not "
                "available in this installation; give records (.json, .jsonl) instead"
            )
            return 2
    try:
        from provenance import html

        html.check_available()
    except MissingDependency as error:
        _say(error.message)
        return 2

    skipped: list[tuple[str, str]] = []
    documents = [document for document, _ in _documents(files, extract, skipped)]
    audited = html.audit_views(documents)
    pages = [
        (html.document_page(document, found, audit_ran=True), document)
        for document, found in zip(documents, audited.documents, strict=True)
    ]
    for where, message in skipped:
        _say(f"{where}: {message}")
    if not pages:
        _say("no document could be read; nothing written")
        return 1

    output: Path = args.output
    try:
        if single:
            single_page = output.is_dir() and not is_stdout(output)
            target = output / _page_name(pages[0][0].id, set()) if single_page else output
            _write_file(target, html.render_page(pages[0][0]))
            _say(f"wrote {target}")
        else:
            if is_stdout(output):
                raise _OutputError("a report of several documents is a folder: name one with -o")
            used = {"index.html"}
            named = [(view, _page_name(view.id, used)) for view, _ in pages]
            corpus = audited.corpus
            contents = {name: html.render_page(view) for view, name in named}
            contents["index.html"] = html.render_index(named, corpus, skipped)
            _write_folder(output, contents)
            _say(f"wrote {output}/index.html and {len(named)} page{'s' * (len(named) != 1)}")
    except _OutputError as error:
        _say(str(error))
        return 2
    except OSError as error:
        _say(f"cannot write {output}: {error.strerror or error}")
        return 2
    return 1 if skipped else 0


class _OutputError(Exception):
    """The output path cannot be used."""


def _write_file(target: Path, text: str) -> None:
    try:
        write_whole(target, text)
    except ProvenanceError as error:
        raise _OutputError(error.message) from None


def _write_folder(target: Path, contents: dict[str, str]) -> None:
    """Build the folder beside ``target``, then rename it into place."""
    if target.exists():
        if not target.is_dir():
            raise _OutputError(f"{target} exists and is not a folder")
        if any(target.iterdir()) and not (target / "index.html").is_file():
            raise _OutputError(
                f"{target} is a folder that holds no earlier report (no index.html); "
                "choose an empty or new folder"
            )
    try:
        replace_folder(target, contents)
    except ProvenanceError as error:
        raise _OutputError(error.message) from None
