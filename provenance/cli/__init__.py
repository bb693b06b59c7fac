"""The ``provenance`` command line.

Each subcommand lives in its own module of this package and exposes
``register(subparsers)``, which adds its parser and sets ``run`` (a function of
the parsed arguments returning the exit code) as the parser's default
``handler``. The table ``_COMMANDS`` names each command's module and its line in
``provenance --help``; only the module of the command being run is imported (with
what it needs), so that ``provenance --help`` imports none of them and starts quickly.

Exit codes, shared by every subcommand: 0 success, 1 the input was read but
found wanting (invalid records, findings at or above ``--fail-on``), 2 a usage
error (bad arguments, missing or unreadable files, an output path that cannot
be written, standard output closed or full), 130 interrupted.

Every subcommand's errors go through :func:`main`'s one handler: whatever a
subcommand does not report itself is reported there in one line, never as a
traceback. ``-o -`` names standard output wherever ``-o`` is taken.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import io
import os
import sys
from collections.abc import Sequence
from typing import Any

from provenance._version import version

__all__ = ["UsageError", "main"]

# Each command: the module that registers it, and the one line `provenance --help` shows.
# Only the command being run is imported, so `provenance --help` imports none of them.
_COMMANDS: dict[str, tuple[str, str]] = {
    "validate": (
        "provenance.cli.validate",
        "check records (JSON or JSON Lines) against the schema and the document rules",
    ),
    "schema": (
        "provenance.cli.schema",
        "print a shipped JSON Schema (default: document), or list them with --list",
    ),
    "audit": (
        "provenance.cli.audit",
        "audit how well claims are sourced, in files, folders or JSON Lines",
    ),
    "align": (
        "provenance.cli.align",
        "propose which claims of different documents are the same claim; write keys",
    ),
    "import": (
        "provenance.cli.importing",
        "import records from a foreign format (ClaimReview JSON-LD)",
    ),
    "export": (
        "provenance.cli.export",
        "write records as ClaimReview JSON-LD, PROV-JSON, PROV-N or PROV-O",
    ),
    "report": (
        "provenance.cli.report",
        "write a self-contained HTML report of records or articles",
    ),
    "extract": (
        "provenance.cli.extract",
        "draft records from article text (one file, or a folder of .txt files)",
    ),
    "evaluate": (
        "provenance.cli.evaluate",
        "precision, recall and F1 of predicted brat annotations against gold ones",
    ),
    "train": (
        "provenance.cli.train",
        "train a learned extractor on brat annotations (needs claim-provenance[learn])",
    ),
}


class _Version(argparse.Action):
    """``--version``, reading the installed metadata only when asked (``--help`` stays quick)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any) -> None:
        sys.stdout.write(f"{parser.prog} {version()}\n")  # where argparse's own action writes
        parser.exit()


class _Subcommands:
    """What a command module's ``register`` is given: its parser gets the table's help line."""

    def __init__(self, subparsers: Any) -> None:
        self._subparsers = subparsers

    def add_parser(self, name: str, **options: Any) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = self._subparsers.add_parser(
            name, help=_COMMANDS[name][1], **options
        )
        return parser


def _parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """Build the parser: the command named in ``argv`` in full, the others by name and help."""
    parser = argparse.ArgumentParser(
        prog="provenance",
        description="Claims with their attribution chains, hedges and confidence status.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = next((word for word in argv if not word.startswith("-")), None)
    for name, (module, line) in _COMMANDS.items():
        if name == chosen:
            importlib.import_module(module).register(_Subcommands(subparsers))
        else:
            subparsers.add_parser(name, help=line, add_help=False)
    return parser


class UsageError(Exception):
    """Raised by a subcommand for a usage problem: reported in one line, exit status 2."""


class _ClosedStream(io.TextIOBase):
    """Stands for a standard stream the process was started without (``>&-``)."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _tolerant_streams() -> None:
    """Let standard output and error print any text: what UTF-8 cannot hold is escaped."""
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """After standard output failed, point it at the null device so exit does not fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    sys.stdout = _ClosedStream()


def _say(command: str, message: str) -> None:
    from provenance.json_policy import printable

    with contextlib.suppress(OSError, ValueError):
        print(f"provenance {command}: {printable(message, 10_000)}", file=sys.stderr)


def _stdout_problem(error: OSError) -> str:
    if isinstance(error, BrokenPipeError) or error.errno == errno.EPIPE:
        return "standard output was closed before everything was written (broken pipe)"
    if error.errno == errno.ENOSPC:
        return "cannot write standard output: no space left on the device"
    return f"cannot write standard output: {error.strerror or error}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    _tolerant_streams()
    words = list(sys.argv[1:] if argv is None else argv)
    parser = _parser(words)
    try:
        args = parser.parse_args(words)
    except SystemExit as exit_:  # argparse exits 2 on usage errors and 0 on --help
        return int(exit_.code or 0)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    command = str(args.command)
    from provenance.errors import OutputError, ProvenanceError

    try:
        code = int(handler(args))
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
        return code
    except KeyboardInterrupt:
        _settle_stdout()
        _say(command, "interrupted")
        return 130
    except UsageError as error:
        _settle_stdout()
        _say(command, str(error))
        return 2
    except OutputError as error:
        _settle_stdout()
        _say(command, str(error))
        return 2
    except ProvenanceError as error:
        problem = _settle_stdout()
        _say(command, str(error))
        return 2 if problem else 1
    except OSError as error:
        _settle_stdout()
        if _is_stdout_error(error):
            _say(command, _stdout_problem(error))
            return 2
        where = f"{error.filename}: " if error.filename else ""
        _say(command, f"{where}{error.strerror or error}")
        return 2


def _settle_stdout() -> bool:
    """Flush what is left on standard output; if it cannot take it, stop writing there.

    Returns whether standard output failed (it is then pointed at the null device,
    so that the interpreter's own flush at exit does not fail again).
    """
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _silence_stdout()
        return True
    return False


def _is_stdout_error(error: OSError) -> bool:
    if isinstance(error, BrokenPipeError) or error.errno in (errno.EPIPE, errno.EBADF):
        return True
    return error.filename is None and error.errno == errno.ENOSPC
