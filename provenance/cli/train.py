"""``provenance train --gold DIR [--text DIR] -o MODEL``: train a learned extractor."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``train`` subcommand."""
    parser = subparsers.add_parser(
        "train",
        description="Train a model that proposes cues, sources and contents to the rule "
        "extractor, from gold brat .ann files and their article texts (NAME.txt or, for "
        "NAME_ANNOTATOR.ann, NAME.txt). A part of the articles is held back, and the rules "
        "alone and the rules with the model are scored on it as 'provenance evaluate' "
        "scores (P/R/F1, exact and overlap). Use the model with 'provenance extract "
        "--model'. Exit status: 0 trained, 1 some files unreadable, 2 usage error.",
    )
    parser.add_argument("--gold", type=Path, required=True, metavar="DIR")
    parser.add_argument(
        "--text", type=Path, metavar="DIR", help="folder of the .txt files (default: --gold)"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="MODEL")
    parser.add_argument("--lexicon", type=Path, help="a JSON lexicon added to the default one")
    parser.add_argument(
        "--held-back",
        type=float,
        default=0.2,
        metavar="FRACTION",
        help="part of the articles kept out of training and scored (default 0.2; 0 for none)",
    )
    parser.add_argument("--seed", type=int, default=0, help="chooses the held-back part")
    parser.add_argument(
        "--iterations", type=int, default=None, help="training iterations (default 150)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Train, write the model file, print the held-back report."""
    from provenance.errors import ProvenanceError
    from provenance.extraction import Lexicon, load_lexicon
    from provenance.learning.model_file import dump_model
    from provenance.learning.training import load_examples, train

    for name, folder in (("--gold", args.gold), ("--text", args.text)):
        if folder is not None and not folder.is_dir():
            print(f"provenance train: {name}: no such folder: {folder}", file=sys.stderr)
            return 2
    if not 0 <= args.held_back < 1:
        print("provenance train: --held-back must be at least 0 and below 1", file=sys.stderr)
        return 2
    try:
        lexicon = load_lexicon(args.lexicon) if args.lexicon else Lexicon.default()
    except ProvenanceError as error:
        print(f"provenance train: bad --lexicon: {error}", file=sys.stderr)
        return 2
    examples, errors = load_examples(args.gold, args.text)
    for message in errors:
        print(message, file=sys.stderr)
    if not examples:
        print(f"provenance train: no annotated article in {args.gold}", file=sys.stderr)
        return 2
    show = sys.stderr.isatty()

    def progress(stage: str, number: int, total: int) -> None:
        end = "\n" if number >= total else ""
        print(f"\r{stage}: {number}/{total}   ", end=end, file=sys.stderr, flush=True)

    parameters = {} if args.iterations is None else {"max_iterations": args.iterations}
    try:
        result = train(
            examples,
            lexicon=lexicon,
            held_back=args.held_back,
            seed=args.seed,
            name=args.output.stem,
            parameters=parameters,
            progress=progress if show else None,
        )
        dump_model(result.model, args.output)
    except ProvenanceError as error:
        print(f"provenance train: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"provenance train: cannot write {args.output}: {error.strerror}", file=sys.stderr)
        return 2
    report = result.model.report
    if args.format == "json":
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(
            f"trained on {report['articles']} articles in {report['seconds']} s; "
            f"model {args.output} ({args.output.stat().st_size} bytes)"
        )
        if result.rules is not None and result.learned is not None:
            print(f"\nheld back: {report['held_back']} articles\n\nrules alone")
            print(result.rules.as_text())
            print("\nrules + model")
            print(result.learned.as_text())
        else:
            print("nothing held back (--held-back 0): no report")
    return 1 if errors else 0
