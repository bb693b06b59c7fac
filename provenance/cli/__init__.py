"""The ``provenance`` command line.

Each subcommand lives in its own module of this package and exposes
``register(subparsers)``, which adds its parser and sets ``run`` (a function of
the parsed arguments returning the exit code) as the parser's default
``handler``. Modules import their heavy dependencies inside ``run``, so that
``provenance --help`` stays quick.

Exit codes, shared by every subcommand: 0 success, 1 the input was read but
found wanting (invalid records, findings at or above ``--fail-on``), 2 a usage
error (bad arguments, missing files).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from provenance._version import version

__all__ = ["main"]

_SUBCOMMANDS = (
    "provenance.cli.validate",
    "provenance.cli.schema",
    "provenance.cli.audit",
    "provenance.cli.align",
    "provenance.cli.importing",
    "provenance.cli.export",
    "provenance.cli.report",
    "provenance.cli.extract",
    "provenance.cli.evaluate",
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="provenance",
        description="Claims with their attribution chains, hedges and confidence status.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _SUBCOMMANDS:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on usage errors and 0 on --help
        return int(exit_.code or 0)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(handler(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
