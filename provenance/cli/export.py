"""``provenance export --to FORMAT FILE...``: write Documents as ClaimReview or W3C PROV."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from provenance import codec
from provenance.errors import MissingDependency, ProvenanceError
from provenance.formats import claimreview, prov
from provenance.output import STDOUT, write_whole

__all__ = ["register", "run"]

_FORMATS = ("claimreview", "prov-json", "prov-n", "prov-o")


def register(subparsers: Any) -> None:
    """Add the ``export`` subcommand."""
    parser = subparsers.add_parser(
        "export",
        description="Write Document records (JSON, or JSON Lines for .jsonl/.ndjson) as "
        "schema.org ClaimReview JSON-LD (a JSON list, one ClaimReview per review), PROV-JSON, "
        "PROV-N, or PROV-O Turtle (needs claim-provenance[prov]). Output goes to standard "
        "output, or to OUT whole or not at all. What the format cannot express is reported on "
        "standard error. Exit status: 0 done, 1 some input unreadable or nothing to write, "
        "2 usage error.",
    )
    parser.add_argument("--to", required=True, choices=_FORMATS, help="the output format")
    parser.add_argument(
        "--extension",
        action="store_true",
        help="ClaimReview only: carry what ClaimReview cannot express under a namespaced "
        "property instead of leaving it out",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path)
    parser.add_argument("-o", "--output", metavar="OUT", type=Path, help="where to write")
    parser.set_defaults(handler=run)


def _fail(message: str) -> int:
    print(f"provenance export: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    """Read the records, convert them, write the result whole."""
    missing = [str(path) for path in args.files if not path.is_file()]
    if missing:
        return _fail(f"no such file: {', '.join(missing)}")
    if args.extension and args.to != "claimreview":
        return _fail("--extension applies to --to claimreview only")
    documents: list[Any] = []
    unreadable = 0
    for path in args.files:

        def skipped(line_error: codec.LineError, path: Path = path) -> None:
            nonlocal unreadable
            print(f"{path}:{line_error.line}: {line_error.error.message}", file=sys.stderr)
            unreadable += 1

        try:
            documents.extend(codec.iter_file(path, on_error=skipped))
        except ProvenanceError as error:
            print(str(error), file=sys.stderr)
            unreadable += 1
    if not documents:
        print("provenance export: no record to export", file=sys.stderr)
        return 1
    try:
        text = _convert(args, documents)
    except MissingDependency as error:
        return _fail(error.message)
    if text is None:
        return 1
    write_whole(STDOUT if args.output is None else args.output, text)
    return 1 if unreadable else 0


def _convert(args: argparse.Namespace, documents: list[Any]) -> str | None:
    if args.to == "claimreview":
        report = claimreview.write(documents, extension=args.extension)
        for note in report.notes:
            print(str(note), file=sys.stderr)
        if not report.items:
            print("provenance export: no reviewed claim to write as ClaimReview", file=sys.stderr)
            return None
        return json.dumps(list(report.items), ensure_ascii=False, indent=2) + "\n"

    if args.to == "prov-json":
        return prov.dumps(documents) + "\n"
    if args.to == "prov-n":
        return prov.dumps_provn(documents)
    return prov.dumps_turtle(documents)
