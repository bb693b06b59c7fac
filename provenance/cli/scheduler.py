"""``--scheduler``: the options that run ``extract``, ``align`` and ``audit`` on a Dask cluster.

Shared by those subcommands; nothing of Dask is imported until a command runs
with ``--scheduler`` (the ``dask`` extra: ``pip install 'claim-provenance[dask]'``).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_scheduler_arguments", "input_path", "is_url", "open_client", "show_progress"]

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(value: object) -> bool:
    """Whether an input is a URL (``s3://``, ``https://``, ...) rather than a local path."""
    return isinstance(value, str) and bool(_URL.match(value))


def input_path(value: str) -> Path | str:
    """Argument type for inputs: a local :class:`~pathlib.Path`, or a URL kept as written."""
    return value if is_url(value) else Path(value)


def add_scheduler_arguments(parser: argparse.ArgumentParser, *, files_per_partition: int) -> None:
    """Add ``--scheduler``, ``--workers`` and ``--files-per-partition`` to ``parser``."""
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on Dask: a scheduler address (tcp://host:8786), or 'processes' / 'threads' "
        "for a local cluster; needs claim-provenance[dask]. Inputs may then be fsspec URLs",
    )
    parser.add_argument(
        "--workers",
        metavar="N",
        type=int,
        help="workers of a local cluster (--scheduler processes|threads; default: one per core)",
    )
    parser.add_argument(
        "--files-per-partition",
        metavar="N",
        type=int,
        default=files_per_partition,
        help=f"input files per partition with --scheduler (default {files_per_partition})",
    )


def open_client(args: argparse.Namespace) -> Any:
    """Return a context manager yielding the Dask client ``args`` ask for."""
    from provenance.distributed import client_for

    return client_for(args.scheduler, workers=args.workers)


def show_progress() -> bool:
    """Whether to show Dask's progress bar: only on a terminal."""
    return sys.stderr.isatty()
