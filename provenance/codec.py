"""Reading and writing Document records as JSON and JSON Lines.

This is the one place where records cross between JSON and the model. Every
load goes the same way: parse, validate against the shipped schema (every
problem reported with its JSON path), structure into model objects with one
cattrs converter, then run the document-level rules of
:mod:`provenance.integrity`. Every dump writes what the converter unstructures,
leaving out fields that hold their default, and writes files whole or not at
all.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from provenance.errors import InvalidRecord, MalformedJSON, Problem, ProvenanceError
from provenance.model import Document, RatingValue

__all__ = [
    "LineError",
    "LinesResult",
    "dump",
    "dumps",
    "iter_jsonl",
    "load",
    "loads",
    "make_converter",
    "read_jsonl",
    "structure",
    "unstructure",
    "write_jsonl",
]

PathLike = str | os.PathLike[str]


def make_converter(*, detailed_validation: bool = False) -> cattrs.Converter:
    """Build the converter between model objects and JSON-ready Python data.

    Fields holding their default are left out when unstructuring, except the
    Document's ``schema``, which every record carries. Structuring trusts that
    the data already passed the schema (it coerces nothing the schema would
    reject); ``detailed_validation`` makes it report the JSON path of a value
    the model refuses, at some cost in speed.
    """
    converter = cattrs.Converter(
        omit_if_default=True,
        forbid_extra_keys=False,
        detailed_validation=detailed_validation,
    )
    passthrough: Callable[[Any, Any], Any] = lambda value, _type: value  # noqa: E731
    converter.register_structure_hook(RatingValue | None, passthrough)
    converter.register_structure_hook_func(
        lambda type_: type_ == dict[str, Any], lambda value, _type: dict(value)
    )
    converter.register_unstructure_hook(
        Document,
        make_dict_unstructure_fn(
            Document,
            converter,
            _cattrs_omit_if_default=True,
            schema=override(omit_if_default=False),
        ),
    )
    return converter


@functools.cache
def _converter(detailed: bool = False) -> cattrs.Converter:
    return make_converter(detailed_validation=detailed)


def unstructure(document: Document) -> dict[str, Any]:
    """Turn ``document`` into JSON-ready Python data (no checks)."""
    data: dict[str, Any] = _converter().unstructure(document)
    return data


def structure(data: Any, *, location: str | None = None, validate: bool = True) -> Document:
    """Validate JSON-ready ``data`` and build the Document it describes.

    Raises :class:`~provenance.errors.InvalidRecord` listing every schema
    problem, or every document-level problem, with its JSON path.
    ``validate=False`` skips the schema (for data this library just wrote).
    """
    from provenance import integrity, validation

    if validate:
        validation.ensure_valid(data, location=location)
    try:
        document = _converter().structure(data, Document)
    except ProvenanceError as error:
        raise _located(data, error, location) from None
    except Exception as error:  # the data bypassed the schema: find where it breaks
        raise _located(data, error, location) from None
    return integrity.ensure_consistent(document, location=location)


def _located(data: Any, error: Exception, location: str | None) -> InvalidRecord:
    """Restructure with detailed validation to turn a model error into located problems."""
    try:
        _converter(detailed=True).structure(data, Document)
    except Exception as detailed:
        problems = [_leaf_problem(path, leaf) for path, leaf in _leaves(detailed, "$")]
        if problems:
            return InvalidRecord(problems, location=location)
    return InvalidRecord([Problem("$", str(error))], location=location)


def _leaf_problem(path: str, leaf: BaseException) -> Problem:
    """Locate a model error; its own ``path`` (``$.id``) is relative to the object at ``path``."""
    if isinstance(leaf, ProvenanceError):
        if leaf.path is not None and leaf.path.startswith("$"):
            path += leaf.path[1:]
        return Problem(path, leaf.message, expected=leaf.expected, found=leaf.found)
    return Problem(path, str(leaf))


def _leaves(error: BaseException, path: str) -> Iterator[tuple[str, BaseException]]:
    if isinstance(error, cattrs.IterableValidationError):
        indexed, others = error.group_exceptions()
        for inner, item in indexed:
            yield from _leaves(inner, f"{path}[{item.index}]")
        for other in others:
            yield from _leaves(other, path)
    elif isinstance(error, cattrs.ClassValidationError):
        named, rest = error.group_exceptions()
        for inner, field in named:
            yield from _leaves(inner, f"{path}.{field.name}")
        for other in rest:
            yield from _leaves(other, path)
    elif isinstance(error, BaseExceptionGroup):
        for member in error.exceptions:
            yield from _leaves(member, path)
    else:
        yield path, error


def _parse(text: str | bytes, location: str | None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise MalformedJSON(
            error.msg, location=location, line=error.lineno, column=error.colno
        ) from None
    except UnicodeDecodeError as error:
        raise MalformedJSON(f"not UTF-8 text ({error.reason})", location=location) from None
    except RecursionError:
        raise MalformedJSON("nested too deeply", location=location) from None


def loads(text: str | bytes, *, location: str | None = None) -> Document:
    """Parse, validate and build one Document from JSON text or bytes."""
    return structure(_parse(text, location), location=location)


def dumps(document: Document, *, indent: int | None = None, check: bool = True) -> str:
    """Write ``document`` as JSON text.

    With ``check`` (the default) the document-level rules run first and an
    inconsistent document raises :class:`~provenance.errors.InvalidRecord`
    instead of being written.
    """
    if check:
        from provenance import integrity

        integrity.ensure_consistent(document)
    return json.dumps(unstructure(document), ensure_ascii=False, indent=indent)


def load(file: PathLike | IO[str] | IO[bytes]) -> Document:
    """Read one Document from a JSON file (a path or an open file)."""
    if isinstance(file, str | os.PathLike):
        location = os.fspath(file)
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise ProvenanceError(
                f"cannot read the file: {error.strerror}", location=location
            ) from None
        return loads(data, location=location)
    return loads(file.read(), location=getattr(file, "name", None))


def dump(document: Document, file: PathLike | IO[str], *, indent: int | None = 2) -> None:
    """Write ``document`` as JSON to a path (whole or not at all) or an open text file."""
    text = dumps(document, indent=indent) + "\n"
    if isinstance(file, str | os.PathLike):
        _write_whole(file, [text])
    else:
        file.write(text)


def _write_whole(path: PathLike, chunks: Iterable[str]) -> int:
    """Write ``chunks`` to a temporary file beside ``path``, then move it into place."""
    target = Path(path)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or Path(".")
    )
    count = 0
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as out:
            for chunk in chunks:
                out.write(chunk)
                count += 1
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


@attrs.frozen
class LineError:
    """A JSON Lines record that could not be loaded: where it was and why."""

    line: int
    """1-based line number."""
    error: ProvenanceError
    """What was wrong with it."""

    def __str__(self) -> str:
        return str(self.error)


@attrs.frozen
class LinesResult:
    """What :func:`read_jsonl` loaded, and the lines it skipped."""

    documents: tuple[Document, ...]
    """The records that loaded, in file order."""
    skipped: tuple[LineError, ...]
    """The lines that did not, with their errors."""


def iter_jsonl(
    file: PathLike | IO[str] | IO[bytes],
    *,
    on_error: Callable[[LineError], None] | None = None,
) -> Iterator[Document]:
    """Yield the Documents of a JSON Lines file one at a time, in constant memory.

    A bad line raises its error (located as ``file:line``) unless ``on_error``
    is given: then it is passed a :class:`LineError` and reading goes on.
    Blank lines are ignored.
    """
    if isinstance(file, str | os.PathLike):
        name = os.fspath(file)
        try:
            handle: IO[Any] = open(file, "rb")  # noqa: SIM115 - closed below
        except OSError as error:
            raise ProvenanceError(
                f"cannot read the file: {error.strerror}", location=name
            ) from None
        with handle:
            yield from _lines(handle, name, on_error)
    else:
        yield from _lines(file, getattr(file, "name", "<stream>"), on_error)


def _lines(
    handle: IO[Any], name: str, on_error: Callable[[LineError], None] | None
) -> Iterator[Document]:
    for number, raw in enumerate(handle, start=1):
        if not raw.strip():
            continue
        location = f"{name}:{number}"
        try:
            document = loads(raw, location=location)
        except ProvenanceError as error:
            if on_error is None:
                raise
            on_error(LineError(number, error))
            continue
        yield document


def read_jsonl(file: PathLike | IO[str] | IO[bytes]) -> LinesResult:
    """Load every good record of a JSON Lines file, keeping going past bad lines."""
    skipped: list[LineError] = []
    documents = tuple(iter_jsonl(file, on_error=skipped.append))
    return LinesResult(documents, tuple(skipped))


def write_jsonl(documents: Iterable[Document], file: PathLike | IO[str]) -> int:
    """Write one Document per line; to a path whole or not at all. Return the count."""
    lines = (dumps(document) + "\n" for document in documents)
    if isinstance(file, str | os.PathLike):
        return _write_whole(file, lines)
    count = 0
    for line in lines:
        file.write(line)
        count += 1
    return count
