"""Reading and writing Document records as JSON and JSON Lines.

This is the one place where records cross between JSON and the model. Every
load goes the same way: parse, validate against the shipped schema (every
problem reported with its JSON path), structure into model objects with one
cattrs converter, then run the document-level rules of
:mod:`provenance.integrity`. Every dump writes what the converter unstructures,
leaving out fields that hold their default, and writes files whole or not at
all.

Speed. Data the schema has just accepted is structured by *trusted* hooks
(generated once per model class): they build each object without re-running
the model's per-field checks, which the schema has already made, and keep the
one check the schema cannot make (a span's start not after its end). Data not
checked by the schema (``structure(..., validate=False)``) goes through the
model's constructors as before. JSON text is parsed and written by ``orjson``
when it is installed (the ``claim-provenance[fast]`` extra) and by the
standard library otherwise; both give the same values, the same errors and
byte-identical text: ``orjson`` is used only where its output is known to be
the same, and whatever it refuses to read is read again by the standard
library, which then decides. ``PROVENANCE_JSON_BACKEND`` (``auto``, ``json`` or
``orjson``) or :func:`use_json_backend` choose explicitly.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from provenance import integrity, json_policy, validation
from provenance.audit_record import AuditRecord
from provenance.backend import Backend
from provenance.errors import (
    InvalidRecord,
    InvalidValue,
    MalformedJSON,
    Problem,
    ProvenanceError,
)
from provenance.model import Document, RatingValue, Span
from provenance.output import write_whole

if TYPE_CHECKING:
    from provenance.corpus import Corpus, LoadError
    from provenance.resolution import Gazetteer

__all__ = [
    "JSON_BACKEND_VARIABLE",
    "LINE_SUFFIXES",
    "RECORD_SUFFIXES",
    "LineError",
    "LinesResult",
    "audit_from_data",
    "audit_to_data",
    "dump",
    "dumps",
    "dumps_audit",
    "iter_audit_json",
    "iter_file",
    "iter_jsonl",
    "json_backend_name",
    "json_backend_names",
    "load",
    "load_corpus",
    "load_gazetteer",
    "loads",
    "loads_audit",
    "make_converter",
    "problems",
    "read_json_file",
    "read_json_object",
    "read_jsonl",
    "structure",
    "unstructure",
    "use_json_backend",
    "write_jsonl",
]

_PathLike = str | os.PathLike[str]

RECORD_SUFFIXES = (".json",)
"""File name endings of files holding one record."""
LINE_SUFFIXES = (".jsonl", ".ndjson")
"""File name endings of JSON Lines files (one record per line)."""

JSON_BACKEND_VARIABLE = "PROVENANCE_JSON_BACKEND"
"""The environment variable that chooses the JSON backend (``auto`` when unset)."""

_STDLIB = "json"
_ORJSON = "orjson"
_JSON = Backend("JSON backend", JSON_BACKEND_VARIABLE, pure=_STDLIB, fast=_ORJSON, module="orjson")


def make_converter(
    *, detailed_validation: bool = False, accelerated: bool = True, trusted: bool = False
) -> cattrs.Converter:
    """Build the converter between records (Document, AuditRecord) and JSON-ready data.

    This is the converter :func:`loads`, :func:`dumps` and the audit functions use.
    Fields holding their default are left out when unstructuring, except a record's
    ``schema``, which every record carries. ``detailed_validation`` makes structuring
    report the JSON path of a value the model refuses, at some cost in speed.

    ``accelerated`` (the default) registers generated hooks, one straight-line
    function per model class, that unstructure exactly as the plain converter does
    (the same keys in the same order) in a fraction of the time; ``accelerated=False``
    gives the plain cattrs converter they are tested against. ``trusted`` registers
    generated structuring hooks that skip the model's per-field checks: only for data
    the schema has just accepted (what :func:`loads` does), never for anything else.
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
    for record in (Document, AuditRecord):
        converter.register_unstructure_hook(
            record,
            make_dict_unstructure_fn(
                record,
                converter,
                _cattrs_omit_if_default=True,
                schema=override(omit_if_default=False),
            ),
        )
    if accelerated:
        converter.register_unstructure_hook_factory(
            attrs.has, lambda cls: _unstructure_hook(cls, converter)
        )
    if trusted:
        converter.register_structure_hook_factory(
            attrs.has, lambda cls: _trusted_hook(cls, converter)
        )
    return converter


@functools.cache
def _converter(detailed: bool = False, trusted: bool = False) -> cattrs.Converter:
    return make_converter(detailed_validation=detailed, trusted=trusted)


# The model classes whose constructor checks something the schema cannot (a span's
# start not after its end): the trusted hooks build them through the constructor.
_CHECKED_BY_CONSTRUCTOR: frozenset[type] = frozenset({Span})


@functools.cache
def _trusted_document() -> Callable[[Any], Document]:
    """Return the trusted hook of :class:`Document` itself (no dispatch on each load)."""
    # The generated hooks take the data and, optionally, the type (cattrs' signature).
    return cast("Callable[[Any], Document]", _converter(trusted=True).get_structure_hook(Document))


def _trusted_hook(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Generate the trusted structuring function of the attrs class ``cls``."""
    if cls in _CHECKED_BY_CONSTRUCTOR:
        return _constructor_hook(cls)
    attrs.resolve_types(cls)
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    lines = ["def build(data, _type=None):", "    obj = _new(_cls)", "    get = data.get"]
    for index, field in enumerate(attrs.fields(cls)):
        setter = f"_set{index}"
        namespace[setter] = _slot_setter(cls, field.name)
        value = _value_expression(field, index, namespace, converter)
        if field.default is attrs.NOTHING:
            if value == "value":  # taken as it is: no local to store
                lines.append(f"    {setter}(obj, data[{field.name!r}])")
            else:
                lines.append(f"    value = data[{field.name!r}]")
                lines.append(f"    {setter}(obj, {value})")
            continue
        if field.default is None and value == "value":
            lines.append(f"    {setter}(obj, get({field.name!r}))")
            continue
        default = f"_default{index}"
        if field.default is None:
            fallback = "None"
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            namespace[default] = field.default.factory
            fallback = f"{default}()"
        else:
            namespace[default] = field.default
            fallback = default
        lines.append(f"    value = get({field.name!r})")
        lines.append(f"    {setter}(obj, {fallback} if value is None else {value})")
    lines.append("    return obj")
    exec(compile("\n".join(lines), f"<provenance trusted {cls.__name__}>", "exec"), namespace)
    built: Callable[[Any, Any], Any] = namespace["build"]
    return built


def _constructor_hook(cls: type[Any]) -> Callable[[Any, Any], Any]:
    """Build a Span fast, through its constructor (and its error) only when out of order."""
    set_start = _slot_setter(cls, "start")
    set_end = _slot_setter(cls, "end")
    new = object.__new__

    def build(data: Any, _type: Any = None) -> Any:
        start = int(data["start"])
        end = int(data["end"])
        if end < start:
            return cls(start, end)  # raises the model's InvalidValue
        obj = new(cls)
        set_start(obj, start)
        set_end(obj, end)
        return obj

    return build


def _slot_setter(cls: type[Any], name: str) -> Callable[[Any, Any], None]:
    """Return the setter of a slotted attribute (frozen classes refuse ``setattr``)."""
    for klass in cls.__mro__:
        descriptor = klass.__dict__.get(name)
        if descriptor is not None and hasattr(descriptor, "__set__"):
            setter: Callable[[Any, Any], None] = descriptor.__set__
            return setter
    return lambda obj, value: object.__setattr__(obj, name, value)


def _value_expression(
    field: attrs.Attribute[Any], index: int, namespace: dict[str, Any], converter: cattrs.Converter
) -> str:
    """Return Python source turning the JSON ``value`` of ``field`` into its model value."""
    kind = _strip_optional(field.type)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        members = f"_members{index}"
        namespace[members] = {member.value: member for member in kind}
        return f"{members}[value]"
    if isinstance(kind, type) and attrs.has(kind):
        nested = f"_nested{index}"
        namespace[nested] = converter.get_structure_hook(kind)
        return f"{nested}(value)"
    origin = getattr(kind, "__origin__", None)
    if origin is tuple:
        (item, *_rest) = kind.__args__
        if isinstance(item, type) and attrs.has(item):
            nested = f"_nested{index}"
            namespace[nested] = converter.get_structure_hook(item)
            return f"tuple(map({nested}, value))"
        return "tuple(value)"
    if origin is dict:
        return "dict(value)"
    if kind is int:
        return "int(value)"
    return "value"  # strings and published rating values, exactly as the schema let them in


def _strip_optional(kind: Any) -> Any:
    arguments = getattr(kind, "__args__", None)
    if arguments and type(None) in arguments and getattr(kind, "__origin__", None) is None:
        rest = [argument for argument in arguments if argument is not type(None)]
        return rest[0] if len(rest) == 1 else kind
    return kind


def unstructure(value: Any) -> Any:
    """Turn a Document, or any part of one, into JSON-ready Python data (no checks).

    Parts (a Claim, a tuple of Sources ...) come out exactly as the record holds them.
    """
    return _converter().unstructure(value)


# Fields a record always writes, even at their default: every record carries its schema.
_ALWAYS_WRITTEN: dict[type, tuple[str, ...]] = {Document: ("schema",), AuditRecord: ("schema",)}


def _unstructure_hook(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Generate the unstructuring function of the attrs class ``cls``."""
    attrs.resolve_types(cls)
    always_written = _ALWAYS_WRITTEN.get(cls, ())
    namespace: dict[str, Any] = {}
    # Fields always written come first, then the others in field order, as cattrs writes them.
    always: list[str] = []
    sometimes: list[str] = []
    for index, field in enumerate(attrs.fields(cls)):
        kind = _strip_optional(field.type)
        origin = getattr(kind, "__origin__", None)
        item = kind.__args__[0] if origin is tuple else None
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            value = "value._value_"
        elif isinstance(kind, type) and attrs.has(kind):
            namespace[f"_nested{index}"] = converter.get_unstructure_hook(kind)
            value = f"_nested{index}(value)"
        elif isinstance(item, type) and attrs.has(item):
            namespace[f"_nested{index}"] = converter.get_unstructure_hook(item)
            value = f"[_nested{index}(item) for item in value]"
        elif origin is tuple:
            value = "list(value)"
        elif origin is dict:
            value = "dict(value)"
        else:
            value = "value"
        if field.default is attrs.NOTHING or field.name in always_written:
            always += [f"    value = obj.{field.name}", f"    out[{field.name!r}] = {value}"]
            continue
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            namespace[f"_default{index}"] = field.default.factory()
            condition = f"value != _default{index}"
        elif field.default is None:
            condition = "value is not None"
        else:
            namespace[f"_default{index}"] = field.default
            condition = f"value != _default{index}"
        sometimes += [
            f"    value = obj.{field.name}",
            f"    if {condition}:",
            f"        out[{field.name!r}] = {value}",
        ]
    lines = ["def unbuild(obj):", "    out = {}", *always, *sometimes]
    lines.append("    return out")
    exec(compile("\n".join(lines), f"<provenance unstructure {cls.__name__}>", "exec"), namespace)
    unbuild: Callable[[Any], Any] = namespace["unbuild"]
    return unbuild


def structure(data: Any, *, location: str | None = None, validate: bool = True) -> Document:
    """Validate JSON-ready ``data`` and build the Document it describes.

    Raises :class:`~provenance.errors.InvalidRecord` listing every schema
    problem, or every document-level problem, with its JSON path.
    ``validate=False`` skips the schema (for data this library just wrote).
    Data built in Python goes through the hostile-value policy first (as JSON
    text does when it is parsed): a value nested too deep, a lone surrogate, a
    huge integer or a non-finite number is a located problem.
    """
    if validate:
        problems = json_policy.value_problems(data)
        if problems:
            raise InvalidRecord(problems, location=location)
    return _structure(data, location=location, validate=validate)


def _structure(data: Any, *, location: str | None, validate: bool) -> Document:
    """:func:`structure` for data the policy has already seen (parsed by :func:`_parse`)."""
    if validate:
        validation.ensure_valid(data, location=location)
    try:
        document = _trusted_document()(data) if validate else _converter().structure(data, Document)
    except ProvenanceError as error:
        raise _located(data, error, location) from None
    except Exception as error:  # the data bypassed the schema: find where it breaks
        raise _located(data, error, location) from None
    return integrity.ensure_consistent(document, location=location)


def problems(document: Document) -> tuple[Problem, ...]:
    """Return every problem that would stop ``document`` from loading once written out.

    The schema's problems with its JSON form come first, then the document rules'; an
    empty tuple means :func:`dumps` writes it and :func:`loads` reads it back. Importers
    check what they build through this one door.
    """
    data = unstructure(document)
    found = integrity.check(document)
    if not validation.validator().is_valid(data):
        found = validation.schema_problems(data) + found
    return found


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


def json_backend_names() -> tuple[str, ...]:
    """List the JSON backends this installation can use, the standard library first."""
    return _JSON.names()


def json_backend_name() -> str:
    """Return the JSON backend in use (``json`` or ``orjson``; chosen at first use)."""
    return _JSON.current()


def use_json_backend(name: str | None) -> contextlib.AbstractContextManager[str]:
    """Use the JSON backend ``name`` (``auto`` or ``None`` for the default) inside a block."""
    return _JSON.use(name)


def _parse(text: str | bytes, location: str | None) -> Any:
    """Parse JSON text under the hostile-value policy (:mod:`provenance.json_policy`)."""
    fast = None
    if json_backend_name() == _ORJSON:
        import orjson

        fast = orjson.loads
    return json_policy.parse_json(text, location=location, fast=fast)


def _encode(document: Document, indent: int | None) -> str:
    """Write the JSON text of ``document``: compact, or indented with ``", "``/``": "``.

    orjson writes it when it will give exactly the standard library's text:
    indentation of 2 or none, and no float anywhere (the two spell some floats
    differently, such as ``1e-07``). Anything orjson refuses (integers beyond
    64 bits, lone surrogates) is written by the standard library.
    """
    fast = None
    if indent in (None, 2) and json_backend_name() == _ORJSON:
        import orjson

        option = orjson.OPT_INDENT_2 if indent else 0

        def fast(data: Any) -> bytes | None:
            # orjson spells some floats differently (1e-07) and writes NaN as null.
            return None if _has_float(document) else orjson.dumps(data, option=option)

    separators = (",", ": ") if indent is not None else (",", ":")

    def encode(data: Any) -> str:
        return json.dumps(
            data, ensure_ascii=False, indent=indent, separators=separators, allow_nan=False
        )

    try:
        data = unstructure(document)
    except RecursionError:  # extensions nested far past the policy's bound
        raise InvalidRecord(
            [
                Problem(
                    "$",
                    f"extensions nested more than {json_policy.MAX_DEPTH} levels deep",
                    expected=f"at most {json_policy.MAX_DEPTH} levels of arrays and objects",
                )
            ]
        ) from None
    return json_policy.encode_json(data, encode, fast=fast)


def _has_float(document: Document) -> bool:
    """Whether a float stands anywhere in ``document`` (only ratings and extensions hold any)."""
    if document.extensions and _float_in(document.extensions):
        return True
    if any(source.extensions and _float_in(source.extensions) for source in document.sources):
        return True
    for claim in document.claims:
        if claim.extensions and _float_in(claim.extensions):
            return True
        for review in claim.reviews:
            if review.extensions and _float_in(review.extensions):
                return True
            rating = review.rating
            if rating is not None and (
                isinstance(rating.value, float)
                or isinstance(rating.best, float)
                or isinstance(rating.worst, float)
            ):
                return True
    return False


def _float_in(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_float_in(item) for item in value.values())
    if isinstance(value, list | tuple):
        return any(_float_in(item) for item in value)
    return False


def loads(text: str | bytes, *, location: str | None = None) -> Document:
    """Parse, validate and build one Document from JSON text or bytes."""
    return _structure(_parse(text, location), location=location, validate=True)


def dumps(document: Document, *, indent: int | None = None, check: bool = True) -> str:
    """Write ``document`` as JSON text.

    With ``check`` (the default) the document-level rules run first and an
    inconsistent document raises :class:`~provenance.errors.InvalidRecord`
    instead of being written.
    """
    if check:
        integrity.ensure_consistent(document)
    return _encode(document, indent)


def load(file: _PathLike | IO[str] | IO[bytes]) -> Document:
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


def dump(document: Document, file: _PathLike | IO[str], *, indent: int | None = 2) -> None:
    """Write ``document`` as JSON to a path (whole or not at all) or an open text file."""
    text = dumps(document, indent=indent) + "\n"
    if isinstance(file, str | os.PathLike):
        write_whole(file, [text])
    else:
        file.write(text)


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
    file: _PathLike | IO[str] | IO[bytes],
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


def iter_file(
    file: _PathLike, *, on_error: Callable[[LineError], None] | None = None
) -> Iterator[Document]:
    """Yield the Documents of a record file: every line of a JSON Lines file, else the one record.

    The kind is told by the name's ending (:data:`LINE_SUFFIXES`). ``on_error``
    works as in :func:`iter_jsonl`; a file that cannot be read, or a one-record
    file that does not load, raises its error.
    """
    if Path(file).suffix.lower() in LINE_SUFFIXES:
        yield from iter_jsonl(file, on_error=on_error)
    else:
        yield load(file)


def read_jsonl(file: _PathLike | IO[str] | IO[bytes]) -> LinesResult:
    """Load every good record of a JSON Lines file, keeping going past bad lines."""
    skipped: list[LineError] = []
    documents = tuple(iter_jsonl(file, on_error=skipped.append))
    return LinesResult(documents, tuple(skipped))


def write_jsonl(documents: Iterable[Document], file: _PathLike | IO[str]) -> int:
    """Write one Document per line; to a path whole or not at all. Return the count."""
    lines = (dumps(document) + "\n" for document in documents)
    if isinstance(file, str | os.PathLike):
        return write_whole(file, lines)
    count = 0
    for line in lines:
        file.write(line)
        count += 1
    return count


# The audit record (made by provenance.audit) crosses to JSON here too.


def audit_to_data(report: AuditRecord) -> dict[str, Any]:
    """Turn ``report`` into JSON-ready data."""
    data: dict[str, Any] = _converter().unstructure(report)
    return data


def audit_from_data(data: Any, *, validate: bool = True) -> AuditRecord:
    """Build a report from JSON-ready ``data``, validating it against its schema first."""
    if validate:
        validation.ensure_valid(data, "audit-report")
    try:
        return _converter().structure(data, AuditRecord)
    except Exception as error:  # only reachable with validate=False on foreign data
        raise ProvenanceError(f"not an audit report: {error}", expected="an audit report") from None


def dumps_audit(report: AuditRecord, *, indent: int | None = None) -> str:
    """Write ``report`` as JSON text."""
    return json.dumps(audit_to_data(report), ensure_ascii=False, indent=indent)


_ITEMS = "\u0000provenance-documents\u0000"


def iter_audit_json(report: AuditRecord, *, indent: int | None = None) -> Iterator[str]:
    """Yield the JSON text of ``report`` in pieces, one per document report.

    The pieces join to exactly :func:`dumps_audit`'s text, but no piece holds
    more than one document's report, and no JSON-ready copy of the whole
    report is made: a report far larger than memory allows for one string (or
    than one ``write`` can pass) is written piece by piece.
    """
    if not report.documents:
        yield dumps_audit(report, indent=indent)
        return
    # The report without its documents, a marker standing where they go.
    shell = audit_to_data(attrs.evolve(report, documents=report.documents[:1]))
    shell["documents"] = [_ITEMS]
    text = json.dumps(shell, ensure_ascii=False, indent=indent)
    marker = json.dumps(_ITEMS)
    head, _, tail = text.partition(marker)
    # Each document report sits two levels deep (in the "documents" list of the report).
    inner = "\n" + " " * (2 * indent) if indent is not None else ""
    separator = "," + inner if indent is not None else ", "
    converter = _converter()
    yield head
    for number, document in enumerate(report.documents):
        piece = json.dumps(converter.unstructure(document), ensure_ascii=False, indent=indent)
        if indent is not None:
            piece = piece.replace("\n", inner)
        yield (separator if number else "") + piece
    yield tail


def loads_audit(text: str | bytes) -> AuditRecord:
    """Read a report from JSON text, validated against its schema."""
    return audit_from_data(_parse(text, None))


# A corpus of records read from files, folders and JSON Lines files.


def _files(path: Path, errors: list[LoadError]) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return

    from provenance.corpus import LoadError  # the analysis floor, on first use

    def unreadable(error: OSError) -> None:
        # A folder that cannot be listed is an error, not an empty corpus.
        where = error.filename if error.filename is not None else path
        errors.append(LoadError(str(where), f"cannot read the folder: {error.strerror or error}"))

    found = [
        Path(folder, name)
        for folder, _folders, names in os.walk(path, onerror=unreadable)
        for name in names
        if Path(name).suffix.lower() in RECORD_SUFFIXES + LINE_SUFFIXES
    ]
    yield from sorted(entry for entry in found if entry.is_file())


def load_corpus(
    paths: Iterable[_PathLike],
    *,
    progress: Callable[[int], None] | None = None,
) -> Corpus:
    """Load Documents from files, folders and JSON Lines files, keeping going past bad input.

    Folders are searched (recursively) for ``.json``, ``.jsonl`` and ``.ndjson`` files.
    Every file that cannot be read and every record (or JSON Lines line) that
    is not a valid Document becomes a :class:`~provenance.corpus.LoadError` in ``Corpus.errors``;
    nothing is raised. ``progress`` is called with the number of documents
    loaded so far after each one.
    """
    from provenance.corpus import Corpus, LoadError  # the analysis floor, on first use

    documents: list[Document] = []
    locations: list[str | None] = []
    errors: list[LoadError] = []

    def loaded(document: Document, location: str) -> None:
        documents.append(document)
        locations.append(location)
        if progress is not None:
            progress(len(documents))

    for given in paths:
        root = Path(given)
        if not root.exists():
            errors.append(LoadError(str(root), "no such file or folder"))
            continue
        for path in _files(root, errors):
            name = str(path)
            lines = path.suffix.lower() in LINE_SUFFIXES

            def skipped(error: LineError, name: str = name) -> None:
                errors.append(LoadError(f"{name}:{error.line}", error.error.message))

            try:
                for number, document in enumerate(iter_file(path, on_error=skipped), start=1):
                    loaded(document, f"{name}#{number}" if lines else name)
            except ProvenanceError as error:
                errors.append(LoadError(name, error.message))
    return Corpus(documents, locations, errors)


# The user's own tables (lexicon, verdicts, claimants, gazetteer), read here at the edge.


def read_json_file(path: _PathLike, noun: str) -> Any:
    """Return the parsed JSON of a user's table file, or raise a located InvalidValue.

    ``noun`` names the table in the message ("lexicon", "the verdict table"): the
    one reader behind :func:`provenance.extraction.load_lexicon`, the formats' table
    loaders and :func:`load_gazetteer`. The file is read under the records'
    hostile-value policy (:mod:`provenance.json_policy`): invalid UTF-8, lone
    surrogates, huge integers, non-finite numbers and deep nesting are refused with
    the JSON path of the fault, as they are in a record.
    """
    location = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise InvalidValue(
            f"cannot read {noun}: {error.strerror}",
            location=location,
            expected="a readable JSON file",
        ) from None
    try:
        return _parse(raw, location)
    except MalformedJSON as error:
        # The table's own noun leads, so the message says which file of the user's it is.
        where = f" (line {error.line}, column {error.column})" if error.line is not None else ""
        detail = error.message.partition(": ")[2] or error.message
        raise InvalidValue(
            f"{noun} is not JSON{where}: {detail}", location=location, expected="a JSON object"
        ) from None
    except InvalidRecord as error:
        first = error.problems[0]
        raise InvalidValue(
            f"{noun} holds a value no JSON table may: {first.message}",
            location=location,
            path=first.path,
            expected=first.expected,
            found=first.found,
        ) from None


def read_json_object(path: _PathLike, noun: str) -> dict[str, Any]:
    """Like :func:`read_json_file`, and the file must hold a JSON object."""
    data = read_json_file(path, noun)
    if not isinstance(data, dict):
        raise InvalidValue(
            f"{noun} must be a JSON object",
            location=str(path),
            expected="a JSON object",
            found=type(data).__name__,
        )
    return data


def load_gazetteer(path: _PathLike, *, extend_default: bool = True) -> Gazetteer:
    """Read a gazetteer JSON file; by default its entries are added to the shipped ones.

    The file has the shape of the shipped ``default_gazetteer.json`` (see the
    gazetteer reference); a file that cannot be read or is not JSON raises
    :class:`~provenance.errors.InvalidValue` naming the file.
    """
    from provenance.resolution import Gazetteer, gazetteer_from_mapping

    location = str(path)
    data = read_json_file(path, "gazetteer")
    own = gazetteer_from_mapping(data, location=location)
    return Gazetteer.default().extended(own) if extend_default else own
