"""``provenance import claimreview FILE...``: turn published ClaimReview JSON-LD into Documents."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from provenance import codec
from provenance.codec import LINE_SUFFIXES
from provenance.errors import ProvenanceError
from provenance.formats import claimreview
from provenance.formats.notes import NoteAction
from provenance.formats.verdicts import VerdictTable
from provenance.output import STDOUT, is_stdout

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``import`` subcommand."""
    parser = subparsers.add_parser(
        "import",
        description="Import schema.org ClaimReview JSON-LD (a JSON file, or an HTML page with "
        '<script type="application/ld+json">) into Document records. Without -o the records '
        "go to standard output as JSON Lines; with -o they are written whole or not at all, "
        "as JSON Lines when OUT ends in .jsonl or .ndjson, else as one JSON record. What was "
        "skipped or doubtful is reported on standard error. Exit status: 0 all imported, "
        "1 something was skipped or unreadable, 2 usage error.",
    )
    parser.add_argument("format", choices=("claimreview",), help="the input format")
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path)
    parser.add_argument("-o", "--output", metavar="OUT", type=Path, help="where to write")
    parser.add_argument(
        "--verdicts",
        metavar="TABLE",
        type=Path,
        help="a JSON verdict table whose rules are tried before the shipped ones",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also list every field kept unmapped in extensions",
    )
    parser.set_defaults(handler=run)


def _fail(message: str) -> int:
    print(f"provenance import: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    """Import every file, report what was skipped, write the records."""
    missing = [str(path) for path in args.files if not path.is_file()]
    if missing:
        return _fail(f"no such file: {', '.join(missing)}")
    table = VerdictTable.default()
    if args.verdicts is not None:
        try:
            extra = VerdictTable.from_mapping(json.loads(args.verdicts.read_text("utf-8")))
        except (OSError, ValueError, ProvenanceError, AttributeError) as error:
            return _fail(f"{args.verdicts}: not a verdict table: {error}")
        table = table.extended(extra.rules, non_verdicts=extra.non_verdicts)
    documents: list[Any] = []
    failed = 0
    skipped = 0
    kept = 0
    for path in args.files:
        try:
            report = claimreview.load(path, verdicts=table)
        except ProvenanceError as error:
            print(str(error) if error.location else f"{path}: {error}", file=sys.stderr)
            failed += 1
            continue
        documents.extend(report.documents)
        for note in report.notes:
            if note.action is NoteAction.KEPT:
                kept += 1
                if not args.verbose:
                    continue
            if note.action is NoteAction.SKIPPED:
                skipped += 1
            print(str(note), file=sys.stderr)
    if args.output is not None and not is_stdout(args.output):
        as_lines = args.output.suffix.lower() in LINE_SUFFIXES
        if not as_lines and len(documents) != 1:
            return _fail(
                f"{len(documents)} records cannot go in one JSON file; name a .jsonl output"
            )
        if as_lines:
            codec.write_jsonl(documents, args.output)
        else:
            codec.dump(documents[0], args.output)
    else:
        codec.write_jsonl(documents, STDOUT)
    print(
        f"{len(documents)} record{'s' if len(documents) != 1 else ''} imported, "
        f"{skipped} item{'s' if skipped != 1 else ''} skipped, {failed} file"
        f"{'s' if failed != 1 else ''} unreadable, {kept} field{'s' if kept != 1 else ''} "
        "kept in extensions",
        file=sys.stderr,
    )
    return 1 if failed or skipped or not documents else 0
