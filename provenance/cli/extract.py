"""``provenance extract``: draft Document records (or brat ``.ann`` files) from article text."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from provenance.cli import UsageError
from provenance.errors import MissingDependency, OutputError, ProvenanceError, UnreadableText
from provenance.output import STDOUT, is_stdout, write_whole
from provenance.webpage import HTML_SUFFIXES, read_webpage

if TYPE_CHECKING:
    from provenance.extraction import Extractor
    from provenance.model import Document

__all__ = ["draft", "register", "run"]

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.:-]")


def register(subparsers: Any) -> None:
    """Add the ``extract`` subcommand."""
    parser = subparsers.add_parser(
        "extract",
        help="draft records from article text or saved web pages (a file, or a folder of them)",
        description="Draft a Document record from plain article text: attributions with "
        "their source, cue and content spans, chains, typed sources and hedges. Give one "
        "file (output to stdout or --output; '-' is stdout) or a folder of .txt, .html and "
        ".htm files (--output names the folder to write). A saved web page (.html, .htm) is "
        "read for its main text and metadata, with the 'html' extra (trafilatura). Exit "
        "status: 0 all drafted, 1 some files failed, 2 usage error.",
    )
    parser.add_argument("input", type=Path, metavar="ARTICLE", help="a .txt file or a folder")
    parser.add_argument("-o", "--output", type=Path, help="output file (or folder for a folder)")
    parser.add_argument("--format", choices=("json", "brat"), default="json")
    parser.add_argument("--publisher", help="the publisher's name, recorded as its source")
    parser.add_argument("--lexicon", type=Path, help="a JSON lexicon added to the default one")
    parser.set_defaults(handler=run)


def _document_id(stem: str) -> str:
    cleaned = _ID_UNSAFE.sub("_", stem) or "draft"
    return cleaned if cleaned[0].isalpha() or cleaned[0] == "_" else f"_{cleaned}"


def _read(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data:
        raise UnreadableText("binary data (NUL bytes)", location=str(path), expected="UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableText(
            f"not UTF-8 text (byte {error.start})", location=str(path), expected="UTF-8 text"
        ) from None


def draft(extractor: Extractor, path: Path, publisher: str | None = None) -> Document:
    """Draft the record of one article file: plain text, or a saved web page (``.html``)."""
    if path.suffix.lower() not in HTML_SUFFIXES:
        return extractor.extract(
            _read(path), publisher=publisher, document_id=_document_id(path.stem)
        )
    page = read_webpage(path.read_bytes(), location=str(path))
    document = extractor.extract(
        page.text,
        publisher=publisher or page.site_name,
        document_id=_document_id(path.stem),
        title=page.title,
        url=page.url if page.url and _is_url(page.url) else None,
    )
    # What the page says about itself that the record has no field for stays with it.
    extensions = dict(document.extensions)
    extensions["webpage"] = page.metadata()
    return attrs.evolve(document, published=page.date, extensions=extensions)


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://")) and " " not in value


def _render(extractor: Extractor, path: Path, fmt: str, publisher: str | None) -> str:
    from provenance import codec

    document = draft(extractor, path, publisher)
    if fmt == "brat":
        from provenance.formats import brat

        return brat.dumps(brat.write(document))
    return codec.dumps(document, indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    """Draft one file or every ``.txt`` file of a folder."""
    from provenance.extraction import Extractor, Lexicon, load_lexicon

    try:
        lexicon = load_lexicon(args.lexicon) if args.lexicon else Lexicon.default()
    except ProvenanceError as error:
        raise UsageError(f"bad --lexicon: {error}") from None
    extractor = Extractor(lexicon)
    suffix = ".ann" if args.format == "brat" else ".json"
    if args.input.is_dir():
        if args.output is None or is_stdout(args.output):
            raise UsageError("a folder needs --output FOLDER")
        try:
            args.output.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(
                f"cannot make the folder {args.output}: {error.strerror or error}"
            ) from None
        if not args.output.is_dir():
            raise OutputError(f"cannot write into {args.output}: it is not a folder")
        files = sorted(
            path
            for path in args.input.iterdir()
            if path.is_file() and path.suffix.lower() in (".txt", *HTML_SUFFIXES)
        )
        failed = 0
        show = sys.stderr.isatty()
        for number, path in enumerate(files, start=1):
            if show:
                print(f"\r{number}/{len(files)} {path.name[:50]:<50}", end="", file=sys.stderr)
            try:
                content = _render(extractor, path, args.format, args.publisher)
                write_whole(args.output / (path.stem + suffix), content)
            except OutputError:
                raise  # the output folder cannot be written: no use going on
            except (ProvenanceError, OSError) as error:
                failed += 1
                if show:
                    print(file=sys.stderr)
                print(f"{path}: {error}", file=sys.stderr)
        if show:
            print(file=sys.stderr)
        print(f"{len(files) - failed} drafted, {failed} failed", file=sys.stderr)
        return 1 if failed else 0
    if not args.input.is_file():
        raise UsageError(f"no such file: {args.input}")
    try:
        content = _render(extractor, args.input, args.format, args.publisher)
    except OSError as error:
        raise UsageError(f"cannot read {args.input}: {error.strerror or error}") from None
    except MissingDependency as error:
        raise UsageError(error.message) from None
    except ProvenanceError as error:
        print(f"{args.input}: {error}", file=sys.stderr)
        return 1
    write_whole(STDOUT if args.output is None else args.output, content)
    return 0
