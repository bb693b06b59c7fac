"""``provenance evaluate --gold DIR --pred DIR``: score predicted brat files against gold ones."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from provenance.evaluation import evaluate_directories

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``evaluate`` subcommand."""
    parser = subparsers.add_parser(
        "evaluate",
        description="Compare every gold .ann file with the same-named predicted one and report "
        "precision, recall and F1 for Source, Cue and Content spans and whole attributions, "
        "with exact and overlap matching, micro-averaged over files. Exit status: 0 scored, "
        "1 some files unreadable, 2 usage error.",
    )
    parser.add_argument("--gold", type=Path, required=True, metavar="DIR")
    parser.add_argument("--pred", type=Path, required=True, metavar="DIR")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Score the predictions and print the report."""
    for name, folder in (("--gold", args.gold), ("--pred", args.pred)):
        if not folder.is_dir():
            print(f"provenance evaluate: {name}: no such folder: {folder}", file=sys.stderr)
            return 2
    show = sys.stderr.isatty()

    def progress(number: int, total: int) -> None:
        print(f"\r{number}/{total}", end="" if number < total else "\n", file=sys.stderr)

    result = evaluate_directories(args.gold, args.pred, progress=progress if show else None)
    if args.format == "json":
        json.dump(result.as_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(result.as_text())
    for message in result.errors:
        print(message, file=sys.stderr)
    return 1 if result.errors else 0
