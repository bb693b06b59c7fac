"""``provenance schema [NAME]``: print a shipped JSON Schema, or list them."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from provenance import validation
from provenance.errors import UnknownSchema

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``schema`` subcommand."""
    parser = subparsers.add_parser(
        "schema",
        description="Print one of the JSON Schemas shipped with the package.",
    )
    parser.add_argument("name", nargs="?", default="document", metavar="NAME")
    parser.add_argument("--list", action="store_true", help="list the schema names and $ids")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema, or the list of schemas."""
    if args.list:
        for name in validation.schema_names():
            print(f"{name}\t{validation.schema(name)['$id']}")
        return 0
    try:
        contents = validation.schema(args.name)
    except UnknownSchema as error:
        print(f"provenance schema: {error.message} (expected {error.expected})", file=sys.stderr)
        return 2
    json.dump(contents, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
