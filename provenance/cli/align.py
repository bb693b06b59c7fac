"""``provenance align PATH... -o OUT``: propose which claims of different documents are one."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from provenance.alignment import AlignConfig, Proposal

__all__ = ["add_threshold_arguments", "config_from", "read_decisions", "register", "run"]

_LINES = (".jsonl", ".ndjson")


def add_threshold_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options that tune the alignment (shared with ``audit --align``)."""
    parser.add_argument(
        "--decisions",
        metavar="FILE",
        type=Path,
        help="a reviewed proposals file: its accept/reject decisions replace the automatic ones",
    )
    parser.add_argument(
        "--threshold",
        "--accept",
        dest="accept",
        metavar="SCORE",
        type=float,
        help="score at or above which a proposal is accepted (default 0.65)",
    )
    parser.add_argument(
        "--propose",
        metavar="SCORE",
        type=float,
        help="score below which a pair is not proposed at all (default 0.45)",
    )
    parser.add_argument(
        "--words",
        metavar="FILE",
        type=Path,
        help="a JSON file of word lists (ignored, negations) added to the shipped ones",
    )


def config_from(args: argparse.Namespace) -> AlignConfig:
    """Build the alignment configuration from the parsed options."""
    from provenance.alignment import AlignConfig, AlignWords

    values: dict[str, Any] = {}
    if args.accept is not None:
        values["accept"] = args.accept
    if args.propose is not None:
        values["propose"] = args.propose
    if args.words is not None:
        values["words"] = AlignWords.default().extended(args.words)
    return AlignConfig(**values)


def read_decisions(path: Path | None, command: str) -> tuple[tuple[Proposal, ...], int]:
    """Read a decisions file; print its bad lines; return the proposals and how many were bad."""
    from provenance.alignment import load_decisions

    if path is None:
        return (), 0
    proposals, errors = load_decisions(path)
    for error in errors:
        print(f"provenance {command}: {error}", file=sys.stderr)
    return proposals, len(errors)


def register(subparsers: Any) -> None:
    """Add the ``align`` subcommand."""
    parser = subparsers.add_parser(
        "align",
        description="Align the claims of Document records across documents: candidates by "
        "MinHash/LSH, verified by rapidfuzz. Writes the records with a shared key on the "
        "claims of each accepted group (OUT: a folder of .json records, or one .jsonl file) "
        "and every proposal as JSON Lines (--proposals; default OUT.proposals.jsonl beside "
        "OUT), which a person can edit (decision: accept, reject, review) and give back with "
        "--decisions. Needs claim-provenance[align]. Exit status: 0 done, 1 some input could "
        "not be read, 2 usage error.",
    )
    from provenance.cli.scheduler import add_scheduler_arguments, input_path

    parser.add_argument("paths", nargs="+", metavar="PATH", type=input_path)
    parser.add_argument(
        "-o", "--output", required=True, type=Path, metavar="OUT", help="folder or .jsonl file"
    )
    parser.add_argument(
        "--proposals", metavar="FILE", type=Path, help="where to write the proposals"
    )
    add_threshold_arguments(parser)
    add_scheduler_arguments(parser, files_per_partition=1)
    parser.set_defaults(handler=run)


def _distributed(args: argparse.Namespace) -> int:
    """Align on Dask: aligned-NNNNN.jsonl parts and a summary in OUT; proposals beside it."""
    from provenance.cli.scheduler import open_client, show_progress
    from provenance.distributed import align_to_folder
    from provenance.errors import ProvenanceError

    output: Path = args.output
    proposals: Path = args.proposals or _proposals_path(output)
    if output.suffix.lower() in _LINES or (output.exists() and not output.is_dir()):
        return _usage("with --scheduler OUT is a folder (of JSON Lines parts)")
    for target in (output, proposals):
        if _inside(target, [p for p in args.paths if isinstance(p, Path)]):
            return _usage(f"{target} is one of the inputs (or inside one): choose another -o")
    try:
        config = config_from(args)
        decisions, bad = read_decisions(args.decisions, "align")
        with open_client(args) as client:
            summary = align_to_folder(
                client,
                args.paths,
                output,
                config,
                decisions=decisions,
                proposals=proposals,
                files_per_partition=args.files_per_partition,
                progress=show_progress(),
            )
    except ProvenanceError as error:
        return _usage(str(error))
    for failed in summary.errors:
        print(f"{failed.location}: {failed.message}", file=sys.stderr)
    for reason in summary.skipped:
        print(f"provenance align: {reason}", file=sys.stderr)
    accepted = sum(1 for p in summary.proposals if p.decision.value == "accept")
    review = sum(1 for p in summary.proposals if p.decision.value == "review")
    print(
        f"{summary.documents} documents, {summary.claims} claims: {summary.groups} groups of "
        f"{summary.grouped} claims; {len(summary.proposals)} proposals ({accepted} accepted, "
        f"{review} for review) in {proposals}; {len(summary.parts)} parts in {output}",
        file=sys.stderr,
    )
    return 1 if summary.errors or bad else 0


def _usage(message: str) -> int:
    print(f"provenance align: {message}", file=sys.stderr)
    return 2


def _inside(path: Path, roots: list[Path]) -> bool:
    resolved = path.resolve()
    for root in roots:
        given = root.resolve()
        if resolved == given or (given.is_dir() and resolved.is_relative_to(given)):
            return True
    return False


def _proposals_path(output: Path) -> Path:
    stem = output.name[: -len(output.suffix)] if output.suffix.lower() in _LINES else output.name
    return output.with_name(f"{stem}.proposals.jsonl")


def run(args: argparse.Namespace) -> int:
    """Align the records under the paths; write them keyed, and the proposals."""
    from provenance import codec
    from provenance.alignment import align, dump_proposals
    from provenance.cli.scheduler import is_url
    from provenance.codec import load_corpus
    from provenance.errors import ProvenanceError
    from provenance.output import write_whole

    missing = [str(p) for p in args.paths if not is_url(p) and not Path(p).exists()]
    if missing:
        return _usage(f"no such file or folder: {', '.join(missing)}")
    if args.scheduler is not None:
        return _distributed(args)
    if any(is_url(p) for p in args.paths):
        return _usage("URL inputs need --scheduler")
    output: Path = args.output
    proposals_path: Path = args.proposals or _proposals_path(output)
    for target in (output, proposals_path):
        if _inside(target, args.paths):
            return _usage(f"{target} is one of the inputs (or inside one): choose another -o")
    lines = output.suffix.lower() in _LINES
    if output.exists() and not lines and not output.is_dir():
        return _usage(f"{output} is a file: give a folder, or a .jsonl file name")
    counts: Counter[str] = Counter()
    # The proposals go to a spool file as they are made and are copied to their file at the
    # end: a million claims' two million proposals are never all in memory.
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n") as spool:

        def keep(proposal: Proposal) -> None:
            counts[proposal.decision.value] += 1
            spool.writelines(dump_proposals((proposal,)))

        try:
            config = config_from(args)
            decisions, bad = read_decisions(args.decisions, "align")
            corpus = load_corpus(args.paths)
            alignment = align(corpus.documents, config, decisions=decisions, proposals_to=keep)
            records = [
                codec.dumps(document, indent=None if lines else 2)
                for document in alignment.documents
            ]
            if lines:
                write_whole(output, (record + "\n" for record in records))
            else:
                output.mkdir(parents=True, exist_ok=True)
                names: dict[str, int] = {}
                for document, record in zip(alignment.documents, records, strict=True):
                    count = names.get(document.id, 0)
                    names[document.id] = count + 1
                    name = document.id if count == 0 else f"{document.id}.{count}"
                    write_whole(output / f"{name}.json", record + "\n")
            spool.seek(0)
            write_whole(proposals_path, spool)
        except ProvenanceError as error:
            return _usage(str(error))
    for failed in corpus.errors:
        print(f"{failed.location}: {failed.message}", file=sys.stderr)
    for reason in alignment.skipped:
        print(f"provenance align: {reason}", file=sys.stderr)
    groups = alignment.groups()
    claims = sum(len(d.claims) for d in alignment.documents)
    print(
        f"{len(alignment.documents)} documents, {claims} claims: {len(groups)} groups of "
        f"{len(alignment.assignments)} claims; {sum(counts.values())} proposals "
        f"({counts['accept']} accepted, {counts['review']} for review) in {proposals_path}",
        file=sys.stderr,
    )
    return 1 if corpus.errors or bad else 0
