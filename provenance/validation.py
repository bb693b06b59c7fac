"""The shipped JSON Schemas, resolved offline, and validation of raw records against them.

Schemas are read from the files shipped in the package (``provenance/schemas``
in a wheel, the top-level ``schemas/`` folder of a source checkout). Every
``$ref`` between them resolves through a :class:`referencing.Registry` built
from those files; nothing is ever fetched over the network, and a reference to
anything else fails.

A validator is compiled once per schema and reused. Errors come back as
:class:`~provenance.errors.Problem` values whose ``path`` is a JSON path into
the record.

Two *engines* can decide whether a record is valid:

``jsonschema``
    The pure-Python reference implementation; always installed.
``jsonschema-rs``
    A compiled validator, about a hundred times faster, installed by the
    ``claim-provenance[fast]`` extra.

By default (``auto``) the compiled engine is used when it can be imported. The
``PROVENANCE_SCHEMA_ENGINE`` environment variable (``auto``, ``jsonschema`` or
``jsonschema-rs``, read at first use) or :func:`use_engine` choose explicitly.
Whatever the engine, the *problems* of an invalid record are always listed by
the pure-Python engine, so messages and paths do not depend on what is
installed; the schemas are written so that both engines accept exactly the same
records (a property test checks it). ``format`` is an annotation only: neither
engine checks it.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from provenance.backend import Backend
from provenance.errors import InvalidRecord, Problem, UnknownSchema

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    import jsonschema
    import referencing

__all__ = [
    "DEFAULT_VERSION",
    "ENGINE_VARIABLE",
    "FAST_ENGINE",
    "PURE_ENGINE",
    "SCHEMA_BASE",
    "check_schema",
    "engine_name",
    "engine_names",
    "ensure_valid",
    "json_path",
    "registry",
    "schema",
    "schema_names",
    "schema_problems",
    "use_engine",
    "validator",
]

SCHEMA_BASE = "https://claim-provenance.org/schemas/"
"""The prefix of every shipped schema's ``$id``."""

DEFAULT_VERSION = "v1"

ENGINE_VARIABLE = "PROVENANCE_SCHEMA_ENGINE"
"""The environment variable that chooses the schema engine (``auto`` when unset)."""

PURE_ENGINE = "jsonschema"
FAST_ENGINE = "jsonschema-rs"
_ENGINE = Backend(
    "schema engine", ENGINE_VARIABLE, pure=PURE_ENGINE, fast=FAST_ENGINE, module="jsonschema_rs"
)


def _schema_root() -> Traversable:
    """Return the folder that holds the schema versions (``v1/`` ...)."""
    packaged = resources.files("provenance") / "schemas"
    if packaged.is_dir():
        return packaged
    # A source checkout or an editable install: the top-level schemas/ folder.
    checkout = Path(__file__).resolve().parent.parent / "schemas"
    if checkout.is_dir():
        return checkout
    raise UnknownSchema(
        "the JSON Schema files are missing from this installation",
        expected="provenance/schemas/ inside the package, or schemas/ beside it",
        found=str(packaged),
    )


@functools.cache
def _schemas() -> dict[str, dict[str, Any]]:
    """Read every shipped schema once, keyed by ``$id``."""
    found: dict[str, dict[str, Any]] = {}
    root = _schema_root()
    for version in sorted(root.iterdir(), key=lambda entry: entry.name):
        if not version.is_dir():
            continue
        for entry in sorted(version.iterdir(), key=lambda entry: entry.name):
            if entry.name.endswith(".json"):
                document = json.loads(entry.read_text(encoding="utf-8"))
                found[document["$id"]] = document
    return found


def schema_names(version: str = DEFAULT_VERSION) -> list[str]:
    """List the names of the shipped schemas of ``version`` (``document``, ``hop``, ...)."""
    prefix = f"{SCHEMA_BASE}{version}/"
    return sorted(uri[len(prefix) : -len(".json")] for uri in _schemas() if uri.startswith(prefix))


def _schema_id(name: str, version: str = DEFAULT_VERSION) -> str:
    if name.startswith(("http://", "https://")):
        return name
    base = name.removesuffix(".json")
    return f"{SCHEMA_BASE}{version}/{base}.json"


def schema(name: str = "document", *, version: str = DEFAULT_VERSION) -> dict[str, Any]:
    """Return the shipped schema called ``name`` (or with that ``$id``) as a dict.

    Raises :class:`~provenance.errors.UnknownSchema` when there is none.
    """
    uri = _schema_id(name, version)
    try:
        return _schemas()[uri]
    except KeyError:
        names = ", ".join(schema_names(version))
        raise UnknownSchema(
            f"no shipped schema called {name!r}",
            expected=f"one of {names}",
            found=name,
        ) from None


@functools.cache
def registry() -> referencing.Registry[Any]:
    """Return the registry of every shipped schema; it never retrieves anything remote."""
    import referencing
    import referencing.jsonschema

    resources_ = [
        (uri, referencing.Resource.from_contents(contents, referencing.jsonschema.DRAFT202012))
        for uri, contents in _schemas().items()
    ]
    # A Registry made without ``retrieve`` refuses every URI it does not hold.
    return referencing.Registry().with_resources(resources_).crawl()


@functools.cache
def validator(name: str = "document", *, version: str = DEFAULT_VERSION) -> jsonschema.Validator:
    """Return the compiled, reusable validator of a shipped schema."""
    return _pure_class()(
        _undeclared(schema(name, version=version)), registry=_pure_registry(), format_checker=None
    )


def _undeclared(contents: dict[str, Any]) -> dict[str, Any]:
    """Drop ``$schema``, so that jsonschema keeps our validator class inside every ``$ref``."""
    return {key: value for key, value in contents.items() if key != "$schema"}


@functools.cache
def _pure_registry() -> referencing.Registry[Any]:
    """Return the shipped schemas without ``$schema`` (all Draft 2020-12), for the pure engine."""
    import referencing
    import referencing.jsonschema

    return (
        referencing.Registry()
        .with_resources(
            (uri, referencing.jsonschema.DRAFT202012.create_resource(_undeclared(contents)))
            for uri, contents in _schemas().items()
        )
        .crawl()
    )


@functools.cache
def _pure_class() -> type[jsonschema.Validator]:
    r"""Draft 2020-12 with ``pattern`` read as JSON Schema says (ECMA 262: ``$`` ends the text).

    Python's ``$`` also matches before a final newline, so ``"a\n"`` would pass
    ``^[a-z]+$``; here it does not, as in every ECMA 262 engine. No format
    checker is given: ``format`` is an annotation only, as in the fast engine.
    """
    from jsonschema import Draft202012Validator, ValidationError, validators

    def pattern(validator: Any, wanted: str, instance: Any, _schema: Any) -> Iterator[Any]:
        if validator.is_type(instance, "string") and not _ecma_pattern(wanted).search(instance):
            yield ValidationError(f"{instance!r} does not match {wanted!r}")

    extended: type[jsonschema.Validator] = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"pattern": pattern}
    )
    return extended


@functools.cache
def _ecma_pattern(pattern: str) -> re.Pattern[str]:
    """Compile ``pattern`` with every unescaped ``$`` outside a class meaning the very end."""
    out: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            out.append(r"\Z")
            continue
        out.append(char)
    return re.compile("".join(out))


def engine_names() -> tuple[str, ...]:
    """List the schema engines this installation can use, the pure-Python one first."""
    return _ENGINE.names()


def engine_name() -> str:
    """Return the schema engine in use (chosen at first use; see the module docs)."""
    return _ENGINE.current()


def use_engine(name: str | None) -> contextlib.AbstractContextManager[str]:
    """Use the schema engine ``name`` (``auto`` or ``None`` for the default) inside a block.

    Raises :class:`~provenance.errors.ProvenanceError` for an unknown engine or
    one that is not installed. Yields the name of the engine in use.
    """
    return _ENGINE.use(name)


def _refuse(uri: str) -> Any:
    """Refuse every fetch (the compiled engine's retriever): all schemas are shipped."""
    raise UnknownSchema(
        f"no shipped schema at {uri!r} (schemas are never fetched)",
        expected=f"a URI under {SCHEMA_BASE}",
        found=uri,
    )


@functools.cache
def _is_valid(engine: str, name: str, version: str) -> Callable[[Any], bool]:
    """Return the compiled ``is_valid`` check of a shipped schema for ``engine``."""
    if engine == PURE_ENGINE:
        return validator(name, version=version).is_valid
    import jsonschema_rs

    shipped = jsonschema_rs.Registry(
        list(_schemas().items()), draft=jsonschema_rs.Draft202012, retriever=_refuse
    )
    compiled = jsonschema_rs.Draft202012Validator(
        schema(name, version=version),
        registry=shipped,
        retriever=_refuse,
        validate_formats=False,
    )
    return compiled.is_valid


def check_schema(contents: Mapping[str, Any]) -> None:
    """Check that ``contents`` is a valid Draft 2020-12 schema (raise if it is not)."""
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(contents)


def schema_problems(
    instance: Any, name: str = "document", *, version: str = DEFAULT_VERSION
) -> tuple[Problem, ...]:
    """Validate ``instance`` against a shipped schema and return every problem, in path order."""
    errors = list(validator(name, version=version).iter_errors(instance))
    if not errors:
        return ()
    # jsonschema reports a missing field once per missing name; keep each problem once.
    problems = list(dict.fromkeys(problem for error in errors for problem in _problems(error)))
    problems.sort(key=lambda problem: _path_key(problem.path))
    return tuple(problems)


def ensure_valid(
    instance: Any,
    name: str = "document",
    *,
    version: str = DEFAULT_VERSION,
    location: str | None = None,
) -> None:
    """Raise :class:`~provenance.errors.InvalidRecord` listing every schema problem, if any.

    The engine in use decides; the pure-Python engine lists the problems, so
    they are the same whichever engine decided. (Should the engines ever
    disagree, the pure-Python engine, the reference, has the last word.)
    """
    if _is_valid(engine_name(), name, version)(instance):
        return
    problems = schema_problems(instance, name, version=version)
    if problems:
        raise InvalidRecord(problems, location=location)


def json_path(parts: Iterator[str | int] | Any) -> str:
    """Write a sequence of keys and indices as a JSON path (``$.claims[3].mode``)."""
    out = ["$"]
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif part.isidentifier():
            out.append(f".{part}")
        else:
            out.append(f"[{json.dumps(part)}]")
    return "".join(out)


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _problems(error: jsonschema.ValidationError) -> Iterator[Problem]:
    where = list(error.absolute_path)
    validator_ = error.validator
    instance: Any = error.instance
    expected: Any = error.validator_value
    subschema: Any = error.schema
    if validator_ == "required":
        missing = [name for name in expected if name not in instance]
        for name in missing:
            yield Problem(
                json_path([*where, name]),
                f"missing required field {name!r}",
                expected=f"a value for {name!r}",
                found="nothing",
            )
        return
    if validator_ == "additionalProperties" and isinstance(instance, dict):
        allowed = sorted(subschema.get("properties", {}))
        for name in instance:
            if name not in allowed:
                yield Problem(
                    json_path([*where, name]),
                    f"unknown field {name!r} (allowed here: {', '.join(allowed)})",
                    expected="one of the fields the schema defines",
                    found=name,
                )
        return
    if validator_ == "anyOf" and all(sub.validator == "required" for sub in error.context or ()):
        options = [name for sub in error.context or () for name in _names(sub.validator_value)]
        yield Problem(
            json_path(where),
            f"needs at least one of the fields {', '.join(repr(o) for o in options)}",
            expected=" or ".join(options),
            found="none of them",
        )
        return
    if validator_ == "enum":
        allowed_values = ", ".join(_short(option) for option in expected)
        yield Problem(
            json_path(where),
            f"{_short(instance)} is not one of {allowed_values}",
            expected=f"one of {allowed_values}",
            found=_short(instance),
        )
        return
    if validator_ == "const":
        yield Problem(
            json_path(where),
            f"{_short(instance)} is not {_short(expected)}",
            expected=_short(expected),
            found=_short(instance),
        )
        return
    if validator_ == "type":
        wanted_text = " or ".join(expected) if isinstance(expected, list) else str(expected)
        yield Problem(
            json_path(where),
            f"expected {wanted_text}, found {_type_name(instance)} {_short(instance)}",
            expected=wanted_text,
            found=_short(instance),
        )
        return
    if validator_ == "pattern":
        form = _PATTERN_NAMES.get(expected, expected)
        yield Problem(
            json_path(where),
            f"{_short(instance)} does not have the expected form ({form})",
            expected=f"a string matching {expected}"
            if form is expected
            else f"a string with {form}",
            found=_short(instance),
        )
        return
    yield Problem(json_path(where), error.message, found=_short(instance))


_PATTERN_NAMES = {
    # The schemas spell out "not white space" as the characters Python's str.strip()
    # removes, so that every engine reads it the same way (``\\S`` differs between them).
    r"[^\t\n\u000b\f\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029"
    r"\u202f\u205f\u3000]": "some character other than white space",
}


def _names(value: Any) -> list[str]:
    return [str(name) for name in value]


def _path_key(path: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders JSON paths by document position (indices numerically)."""
    key: list[tuple[int, int | str]] = []
    for token in path.replace("[", ".[").split(".")[1:]:
        if token.startswith("[") and token[1:-1].isdigit():
            key.append((0, int(token[1:-1])))
        else:
            key.append((1, token))
    return tuple(key)
