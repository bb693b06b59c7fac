"""The exceptions claim-provenance raises.

Every error derives from :class:`ProvenanceError` and carries structured fields
(where the fault is, what was expected, what was found) beside its message, so
a caller can report it without parsing text.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "IncompatibleModel",
    "InvalidRecord",
    "InvalidValue",
    "MalformedAnnotation",
    "MalformedJSON",
    "MissingDependency",
    "OutputError",
    "Problem",
    "ProvenanceError",
    "UnknownRule",
    "UnknownSchema",
    "UnreadableText",
]


@attrs.frozen
class Problem:
    """One fault found in a record.

    ``path`` is a JSON path into the record (``$.claims[3].attribution[1].mode``);
    ``expected`` and ``found`` say what should have been there and what was.
    """

    path: str
    """JSON path of the fault, ``$`` for the record itself."""
    message: str
    """What is wrong, in one line."""
    expected: str | None = None
    """What the record should have held there, when it can be said briefly."""
    found: str | None = None
    """A short rendering of what the record held there."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ProvenanceError(Exception):
    """Base class of every error this library raises on purpose.

    ``location`` names the file (and line) or record the error is about, when
    known; ``path`` is the JSON path of the fault inside it.
    """

    def __init__(
        self,
        message: str,
        *,
        location: str | None = None,
        path: str | None = None,
        expected: str | None = None,
        found: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.path = path
        self.expected = expected
        self.found = found

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location else ""
        where = f"{self.path}: " if self.path else ""
        return f"{prefix}{where}{self.message}"


class InvalidValue(ProvenanceError, ValueError):
    """A model object was built with a value that breaks one of its local invariants."""


class InvalidRecord(ProvenanceError):
    """A record breaks its schema or a document-level rule; ``problems`` lists every fault."""

    def __init__(self, problems: Iterable[Problem], *, location: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"invalid record: {count} problem{'s' if count != 1 else ''}"
        body = "".join(f"\n  {problem}" for problem in self.problems)
        first = self.problems[0] if self.problems else None
        super().__init__(
            head + body,
            location=location,
            path=first.path if first else None,
            expected=first.expected if first else None,
            found=first.found if first else None,
        )

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location else ""
        return prefix + self.message


class MalformedJSON(ProvenanceError):
    """The input is not JSON at all; ``line`` and ``column`` say where parsing stopped."""

    def __init__(
        self,
        message: str,
        *,
        location: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.line = line
        self.column = column
        where = f" (line {line}, column {column})" if line is not None else ""
        super().__init__(
            f"not valid JSON{where}: {message}", location=location, expected="a JSON document"
        )


class UnknownSchema(ProvenanceError, LookupError):
    """A schema name or ``$id`` that no shipped schema answers to."""


class UnknownRule(ProvenanceError, LookupError):
    """An audit rule code that no configured rule answers to (or one used twice)."""


class MissingDependency(ProvenanceError, ImportError):
    """An optional dependency a feature needs is not installed; the message says how to add it."""


class MalformedAnnotation(ProvenanceError):
    """A brat standoff (``.ann``) line that cannot be read; ``location`` is ``file:line``."""


class UnreadableText(ProvenanceError):
    """An article text that cannot be drafted from (binary data, not UTF-8)."""


class OutputError(ProvenanceError):
    """An output path cannot be written (a missing folder, a folder where a file goes, a full disk).

    The command line exits with status 2 on it, as on a usage error.
    """


class IncompatibleModel(ProvenanceError):
    """A learned-extractor model file that this installation cannot use (format, features)."""
