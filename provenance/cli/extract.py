"""``provenance extract``: draft Document records (or brat ``.ann`` files) from article text."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from provenance import codec
from provenance.errors import ProvenanceError, UnreadableText
from provenance.extraction import Extractor, Lexicon, load_lexicon
from provenance.formats import brat
from provenance.output import write_whole

__all__ = ["register", "run"]

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.:-]")


def register(subparsers: Any) -> None:
    """Add the ``extract`` subcommand."""
    parser = subparsers.add_parser(
        "extract",
        description="Draft a Document record from plain article text: attributions with "
        "their source, cue and content spans, chains, typed sources and hedges. Give one "
        "file (output to stdout or --output) or a folder of .txt files (--output names the "
        "folder to write). Exit status: 0 all drafted, 1 some files failed, 2 usage error.",
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


def _render(extractor: Extractor, path: Path, fmt: str, publisher: str | None) -> str:
    text = _read(path)
    document = extractor.extract(text, publisher=publisher, document_id=_document_id(path.stem))
    if fmt == "brat":
        return brat.dumps(brat.write(document))
    return codec.dumps(document, indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    """Draft one file or every ``.txt`` file of a folder."""
    try:
        lexicon = load_lexicon(args.lexicon) if args.lexicon else Lexicon.default()
    except ProvenanceError as error:
        print(f"provenance extract: bad --lexicon: {error}", file=sys.stderr)
        return 2
    extractor = Extractor(lexicon)
    suffix = ".ann" if args.format == "brat" else ".json"
    if args.input.is_dir():
        if args.output is None:
            print("provenance extract: a folder needs --output FOLDER", file=sys.stderr)
            return 2
        args.output.mkdir(parents=True, exist_ok=True)
        files = sorted(args.input.glob("*.txt"))
        failed = 0
        show = sys.stderr.isatty()
        for number, path in enumerate(files, start=1):
            if show:
                print(f"\r{number}/{len(files)} {path.name[:50]:<50}", end="", file=sys.stderr)
            try:
                content = _render(extractor, path, args.format, args.publisher)
                write_whole(args.output / (path.stem + suffix), content)
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
        print(f"provenance extract: no such file: {args.input}", file=sys.stderr)
        return 2
    try:
        content = _render(extractor, args.input, args.format, args.publisher)
    except ProvenanceError as error:
        print(f"{args.input}: {error}", file=sys.stderr)
        return 1
    if args.output is None:
        sys.stdout.write(content)
    else:
        write_whole(args.output, content)
    return 0
