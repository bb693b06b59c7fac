"""``provenance validate FILE...``: check records against the schema and the document rules."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from provenance import codec
from provenance.errors import InvalidRecord, MalformedJSON, ProvenanceError

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        description="Check Document records against the shipped JSON Schema and the "
        "document-level rules. Files ending in .jsonl or .ndjson hold one record per line. "
        "Exit status: 0 all valid, 1 some invalid, 2 usage error.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def _problems(error: ProvenanceError) -> list[dict[str, Any]]:
    if isinstance(error, InvalidRecord):
        return [
            {"path": p.path, "message": p.message, "expected": p.expected, "found": p.found}
            for p in error.problems
        ]
    return [
        {
            "path": error.path or "$",
            "message": error.message,
            "expected": error.expected,
            "found": error.found,
        }
    ]


def run(args: argparse.Namespace) -> int:
    """Validate every file; print one result per record."""
    missing = [str(path) for path in args.files if not path.is_file()]
    if missing:
        print(f"provenance validate: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    results: list[dict[str, Any]] = []
    for path in args.files:

        def skipped(line_error: codec.LineError, path: Path = path) -> None:
            results.append(_result(path, line_error.line, line_error.error))

        try:
            for document in codec.iter_file(path, on_error=skipped):
                results.append(
                    {
                        "file": str(path),
                        "line": None,
                        "id": document.id,
                        "valid": True,
                        "problems": [],
                    }
                )
        except ProvenanceError as error:
            results.append(_result(path, None, error))
    invalid = sum(not result["valid"] for result in results)
    if args.format == "json":
        json.dump(
            {
                "valid": invalid == 0,
                "records": len(results),
                "invalid": invalid,
                "results": results,
            },
            sys.stdout,
            indent=2,
            ensure_ascii=False,
        )
        sys.stdout.write("\n")
    else:
        for result in results:
            where = result["file"] + (f":{result['line']}" if result["line"] else "")
            if result["valid"]:
                print(f"{where}: valid ({result['id']})")
            else:
                print(f"{where}: {result['kind']}")
                for problem in result["problems"]:
                    print(f"  {problem['path']}: {problem['message']}")
        print(f"{len(results) - invalid} valid, {invalid} invalid", file=sys.stderr)
    return 1 if invalid else 0


def _result(path: Path, line: int | None, error: ProvenanceError) -> dict[str, Any]:
    if isinstance(error, MalformedJSON):
        kind = "not JSON"
    elif isinstance(error, InvalidRecord):
        kind = f"invalid ({len(error.problems)} problem{'s' if len(error.problems) != 1 else ''})"
    else:
        kind = "unreadable"
    problems = _problems(error)
    if isinstance(error, MalformedJSON):
        problems = [
            {"path": "$", "message": error.message, "expected": "a JSON document", "found": None}
        ]
    return {
        "file": str(path),
        "line": line,
        "id": None,
        "valid": False,
        "kind": kind,
        "problems": problems,
    }
