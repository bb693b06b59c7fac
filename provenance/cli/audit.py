"""``provenance audit PATH...``: report how well the claims of these records are sourced."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from provenance.resolution import Resolver

from provenance.audit import AuditConfig, audit_corpus
from provenance.audit_record import AuditRecord, Severity
from provenance.audit_text import iter_text
from provenance.codec import iter_audit_json, load_corpus
from provenance.errors import ProvenanceError
from provenance.output import STDOUT, write_whole

__all__ = ["register", "run"]

_LEVELS = ("info", "warning", "error")


def register(subparsers: Any) -> None:
    """Add the ``audit`` subcommand."""
    parser = subparsers.add_parser(
        "audit",
        description="Audit the claims of Document records: status with what the whole set "
        "knows, chain, Admiralty grade and the findings of the audit rules; circular "
        "reporting and single-origin amplification across documents. Folders are searched "
        "for .json, .jsonl and .ndjson files. Exit status: 0 no finding at or above "
        "--fail-on, 1 some (records that cannot be loaded count as errors), 2 usage error.",
    )
    from provenance.cli.scheduler import add_scheduler_arguments, input_path

    parser.add_argument("paths", nargs="+", metavar="PATH", type=input_path)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--rules",
        metavar="CODES",
        action="append",
        default=[],
        help="run only these rules (comma-separated codes; may be repeated)",
    )
    parser.add_argument(
        "--disable",
        metavar="CODES",
        action="append",
        default=[],
        help="do not run these rules (comma-separated codes; may be repeated)",
    )
    parser.add_argument(
        "--severity",
        metavar="CODE=LEVEL",
        action="append",
        default=[],
        help="change a rule's severity (info, warning or error; may be repeated)",
    )
    parser.add_argument(
        "--fail-on",
        choices=(*_LEVELS, "never"),
        default="error",
        help="exit 1 when a finding is at or above this severity (default: error)",
    )
    parser.add_argument(
        "--aliases",
        metavar="FILE",
        type=Path,
        help="JSON object mapping source names, descriptors or URIs to a canonical name",
    )
    parser.add_argument(
        "--document-aliases",
        metavar="FILE",
        type=Path,
        help="JSON object mapping a document id to its own alias table (name: canonical name)",
    )
    parser.add_argument(
        "--gazetteer",
        metavar="FILE",
        type=Path,
        help="a gazetteer JSON file of real-world sources added to the shipped one",
    )
    parser.add_argument(
        "--no-gazetteer",
        action="store_true",
        help="do not resolve sources with a gazetteer (align by same_as, aliases and names only)",
    )
    parser.add_argument(
        "--min-severity",
        choices=_LEVELS,
        default="info",
        help="in text output, list findings at or above this severity (counts keep all)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        type=Path,
        help="write the report to OUT, whole or not at all ('-' or none: standard output)",
    )
    parser.add_argument(
        "--align",
        action="store_true",
        help="align claims across documents first (keys for the same claim), and look for "
        "undisclosed reuse; needs claim-provenance[align]",
    )
    from provenance.cli.align import add_threshold_arguments

    add_threshold_arguments(parser)
    add_scheduler_arguments(parser, files_per_partition=1)
    parser.add_argument(
        "--output-dir",
        metavar="FOLDER",
        type=Path,
        help="with --scheduler: write the report as documents-NNNNN.jsonl parts and "
        "a _summary in FOLDER (written by the workers) instead of printing it",
    )
    parser.set_defaults(handler=run)


def _codes(values: list[str]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _usage(message: str) -> int:
    print(f"provenance audit: {message}", file=sys.stderr)
    return 2


class _Progress:
    """Writes progress to stderr, only when it is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.active = stream.isatty()
        self.shown = False

    def loaded(self, count: int) -> None:
        if self.active and count % 100 == 0:
            self.stream.write(f"\rloaded {count} documents")
            self.stream.flush()
            self.shown = True

    def audited(self, done: int, total: int) -> None:
        if self.active:
            self.stream.write(f"\raudited {done}/{total} claims   ")
            self.stream.flush()
            self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def _distributed(args: argparse.Namespace, config: Any) -> int:
    """Audit on Dask: the in-process report, printed or written as parts."""
    from provenance.cli.scheduler import open_client, show_progress
    from provenance.distributed import audit, audit_to_folder

    try:
        with open_client(args) as client:
            if args.output_dir is not None:
                report = audit_to_folder(
                    client,
                    args.paths,
                    args.output_dir,
                    config,
                    files_per_partition=args.files_per_partition,
                    progress=show_progress(),
                )
                highest = max(
                    (Severity(name) for name in report.corpus.severity_counts),
                    key=lambda severity: severity.rank,
                    default=None,
                )
            else:
                report = audit(
                    client,
                    args.paths,
                    config,
                    files_per_partition=args.files_per_partition,
                    progress=show_progress(),
                )
                highest = report.highest_severity
    except ProvenanceError as error:
        return _usage(str(error))
    if args.output_dir is not None:
        print(
            f"provenance audit: {report.corpus.documents} documents, {report.corpus.claims} "
            f"claims; report in {args.output_dir}",
            file=sys.stderr,
        )
    else:
        _write_report(args, report)
    if args.fail_on == "never":
        return 0
    if report.corpus.input_errors:
        return 1
    threshold = Severity(args.fail_on)
    return 1 if highest is not None and highest.rank >= threshold.rank else 0


def _resolver(args: argparse.Namespace, aliases: dict[str, str]) -> Resolver | None:
    """Return the resolver the options ask for; raise ProvenanceError for a bad file."""
    from provenance.codec import load_gazetteer
    from provenance.errors import InvalidValue
    from provenance.resolution import Gazetteer, Resolver

    if args.no_gazetteer:
        if args.gazetteer is not None or args.document_aliases is not None:
            raise InvalidValue("--no-gazetteer cannot go with --gazetteer or --document-aliases")
        return None
    gazetteer = load_gazetteer(args.gazetteer) if args.gazetteer else Gazetteer.default()
    per_document: dict[str, dict[str, str]] = {}
    if args.document_aliases is not None:
        where = str(args.document_aliases)
        try:
            loaded = json.loads(args.document_aliases.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InvalidValue(
                f"cannot read the document alias table: {error}", location=where
            ) from None
        if not isinstance(loaded, dict) or not all(
            isinstance(table, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in table.items())
            for table in loaded.values()
        ):
            raise InvalidValue(
                "the document alias table must map document ids to objects of strings",
                location=where,
                expected='{"document-id": {"name": "canonical name"}}',
            )
        per_document = loaded
    return Resolver(gazetteer, aliases=aliases, document_aliases=per_document)


def run(args: argparse.Namespace) -> int:
    """Audit every record found under the paths; print the report."""
    from provenance.cli.scheduler import is_url

    if args.scheduler is None and any(is_url(path) for path in args.paths):
        return _usage("URL inputs need --scheduler")
    if args.output_dir is not None and args.scheduler is None:
        return _usage("--output-dir needs --scheduler")
    missing = [str(p) for p in args.paths if not is_url(p) and not Path(p).exists()]
    if missing:
        return _usage(f"no such file or folder: {', '.join(missing)}")
    severities: dict[str, str] = {}
    for item in args.severity:
        code, equals, level = item.partition("=")
        if not equals or level.strip() not in _LEVELS:
            return _usage(
                f"--severity expects CODE=LEVEL with LEVEL one of {', '.join(_LEVELS)}, "
                f"got {item!r}"
            )
        severities[code.strip()] = level.strip()
    aliases: dict[str, str] = {}
    if args.aliases is not None:
        try:
            loaded = json.loads(args.aliases.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            return _usage(f"cannot read the alias table {args.aliases}: {error}")
        if not isinstance(loaded, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in loaded.items()
        ):
            return _usage(
                f"the alias table {args.aliases} must be a JSON object of strings to strings"
            )
        aliases = loaded
    only = _codes(args.rules)
    try:
        resolver = _resolver(args, aliases)
        config = AuditConfig(
            only=only or None,
            disabled=_codes(args.disable),
            severities={code: Severity(level) for code, level in severities.items()},
            aliases=aliases,
            resolver=resolver,
        )
    except ProvenanceError as error:
        return _usage(str(error))

    aligning = args.align or args.decisions is not None
    if not aligning and (args.accept, args.propose, args.words) != (None, None, None):
        return _usage("--threshold, --propose and --words need --align")
    if args.scheduler is not None:
        if aligning:
            return _usage(
                "--align is not distributed yet (reuse detection compares article texts); "
                "run provenance align --scheduler first, then audit its output with --scheduler"
            )
        return _distributed(args, config)
    progress = _Progress(sys.stderr)
    bad_decisions = 0
    try:
        corpus = load_corpus(args.paths, progress=progress.loaded)
        if aligning:
            from provenance.cli.align import config_from, read_decisions
            from provenance.pipeline import run as run_pipeline

            try:
                align_config = config_from(args)
                decisions, bad_decisions = read_decisions(args.decisions, "audit")
                report = run_pipeline(
                    corpus,
                    config,
                    align_config=align_config,
                    decisions=decisions,
                    progress=progress.audited,
                ).report
            except ProvenanceError as error:
                return _usage(str(error))
        else:
            report = audit_corpus(corpus, config, progress=progress.audited)
    finally:
        progress.close()

    _write_report(args, report)

    if args.fail_on == "never":
        return 0
    threshold = Severity(args.fail_on)
    if corpus.errors or bad_decisions:
        return 1
    highest = report.highest_severity
    return 1 if highest is not None and highest.rank >= threshold.rank else 0


def _write_report(args: argparse.Namespace, report: AuditRecord) -> None:
    """Write the report piece by piece (one document's at a time), whole or not at all."""
    pieces: Iterable[str]
    if args.format == "json":
        pieces = itertools.chain(iter_audit_json(report, indent=2), ["\n"])
    else:
        pieces = iter_text(report, min_severity=Severity(args.min_severity))
    write_whole(STDOUT if args.output is None else args.output, pieces)
