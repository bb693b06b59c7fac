r"""The hostile-value policy: what JSON text and input strings this library accepts.

Records are RFC 8259 JSON exchanged between programs, so every value a record
holds must be one that any conforming reader takes back unchanged. This module
says which, in one place, and is applied at the edge: when JSON text is parsed
(:func:`parse_json`), when JSON text is written (:func:`encode_json`), and to
the plain strings the extractor and the importers take (:func:`check_text`).

Refused, each with a located :class:`~provenance.errors.ProvenanceError`:

- text that is not UTF-8, including CESU-8 (surrogates spelled as UTF-8
  bytes), and lone surrogates in strings (``"\\ud800"`` is legal JSON
  syntax, but no UTF-8 text can hold it);
- integers of more than :data:`MAX_INT_DIGITS` digits, and numbers that are
  not finite (``NaN``, ``Infinity``, ``1e400``): RFC 8259 has no such numbers
  and other readers refuse them or lose them;
- containers nested more than :data:`MAX_DEPTH` deep, in either direction, so
  that reading and writing never run out of stack.

:func:`printable` escapes what cannot be printed in error messages that
quote their input.

The checks cost next to nothing on good input: each is first a scan of the
text in C (a surrogate escape, a long run of digits, enough brackets), and
only text that the scan flags is walked value by value to find the JSON path.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from typing import Any

from provenance.errors import (
    InvalidRecord,
    MalformedJSON,
    Problem,
    ProvenanceError,
    UnreadableText,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "check_text",
    "decode_utf8",
    "encode_json",
    "parse_json",
    "printable",
    "value_problems",
]

MAX_DEPTH = 64
"""The deepest nesting of arrays and objects accepted (a record itself needs about 8)."""

MAX_INT_DIGITS = 100
"""The most digits an integer may have (integers beyond 64 bits are kept exact below it)."""

# A lone surrogate can only come from a \uD800-\uDFFF escape in the text (bytes
# are decoded strictly), or stand in a Python string itself.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


class _Refused:
    """A number the parser met that the policy refuses, kept to be located by a walk."""

    __slots__ = ("found", "message")

    def __init__(self, message: str, found: str) -> None:
        self.message = message
        self.found = found


def printable(text: str, limit: int = 80) -> str:
    r"""Return ``text`` shortened to ``limit`` characters with unprintable ones escaped.

    Control characters, lone surrogates and line separators become ``\\x..``
    or ``\\u....`` escapes, so that any message quoting input can be written
    to any terminal or UTF-8 stream.
    """
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode(), text)


def decode_utf8(raw: bytes, *, location: str | None = None) -> str:
    """Decode ``raw`` as strict UTF-8 (a leading byte-order mark dropped).

    CESU-8 (a surrogate pair written as two three-byte sequences) and encoded
    lone surrogates are refused, which the standard library's JSON reader
    would let through.
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise MalformedJSON(
            f"not UTF-8 text (byte {error.start}: {error.reason})",
            location=location,
            line=line,
            column=column,
        ) from None


def check_text(text: str, *, location: str | None = None, what: str = "text") -> str:
    """Return ``text`` if it is a string UTF-8 can hold, else raise a located error.

    This is the policy for strings that come from Python rather than JSON
    (article text handed to the extractor, strings an importer reads): a lone
    surrogate (from ``surrogateescape`` decoding, say) is refused with its
    offset, as :class:`~provenance.errors.UnreadableText`.
    """
    match = _SURROGATE.search(text)
    if match is not None:
        raise UnreadableText(
            f"{what} holds a lone surrogate {printable(match.group())} at offset {match.start()}",
            location=location,
            expected="text that UTF-8 can hold",
            found=printable(text[max(0, match.start() - 20) : match.end() + 20]),
        )
    return text


def _refuse_constant(name: str) -> _Refused:
    return _Refused(f"{name} is not a JSON number", name)


def _finite_float(literal: str) -> float | _Refused:
    value = float(literal)
    if math.isinf(value):
        return _Refused("the number is too large to be read (not finite)", printable(literal, 40))
    return value


def _bounded_int(literal: str) -> int | _Refused:
    digits = len(literal.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        return _Refused(
            f"an integer of {digits} digits (at most {MAX_INT_DIGITS})", printable(literal, 40)
        )
    return int(literal)


def parse_json(
    text: str | bytes,
    *,
    location: str | None = None,
    fast: Callable[[bytes], Any] | None = None,
) -> Any:
    """Parse JSON text under the policy; return the value or raise a located error.

    ``fast``, when given, is a parser of UTF-8 bytes that raises on anything it
    does not read exactly (orjson's ``loads``: it refuses lone surrogates,
    invalid UTF-8 and non-finite numbers itself); it is tried first, and the
    standard library (strict, with the policy's number hooks) reads what it
    refuses. Text that breaks the policy raises
    :class:`~provenance.errors.InvalidRecord` with the JSON path of each
    fault; text that is not JSON raises :class:`~provenance.errors.MalformedJSON`.
    """
    raw: bytes | None
    if isinstance(text, str):
        try:
            raw = text.encode("utf-8")
        except UnicodeEncodeError:
            raw = None  # a lone surrogate in the text itself: the standard library locates it
    else:
        raw = bytes(text)
    if fast is not None and raw is not None and _LONG_RUN not in raw.translate(_DIGITS):
        # A fast parser may read an integer beyond 64 bits as a float: text with a
        # run of 19 digits or more is left to the standard library.
        try:
            data = fast(raw)
        except Exception:  # the standard library decides, and words it
            pass
        else:
            if _nests_deeper(data, raw):
                _raise_problems(data, location)
            return data
    decoded = text if isinstance(text, str) else decode_utf8(raw or b"", location=location)
    return _parse_stdlib(decoded, raw, location)


# Every digit becomes "0", so that a run of 19 digits shows as 19 zeros.
_DIGITS = bytes.maketrans(b"0123456789", b"0000000000")
_LONG_RUN = b"0" * 19
_LONG_INT = b"0" * (MAX_INT_DIGITS + 1)


def _nests_deeper(data: Any, raw: bytes) -> bool:
    """Whether ``data`` (parsed from, or written as, ``raw``) nests deeper than :data:`MAX_DEPTH`.

    Text with few brackets cannot; otherwise the containers are visited level
    by level (no recursion, so no stack to run out of).
    """
    if raw.count(b"{") + raw.count(b"[") <= MAX_DEPTH:
        return False
    level = [data]
    for _depth in range(MAX_DEPTH):
        below: list[Any] = []
        for value in level:
            items = value.values() if type(value) is dict else value
            below += [item for item in items if type(item) is dict or type(item) is list]
        if not below:
            return False
        level = below
    return True


def _parse_stdlib(text: str, raw: bytes | None, location: str | None) -> Any:
    refused = False

    def constant(name: str) -> _Refused:
        nonlocal refused
        refused = True
        return _refuse_constant(name)

    def floating(literal: str) -> float | _Refused:
        nonlocal refused
        value = _finite_float(literal)
        refused = refused or isinstance(value, _Refused)
        return value

    hooks: dict[str, Any] = {"parse_constant": constant, "parse_float": floating}
    if raw is None or _LONG_INT in raw.translate(_DIGITS):

        def integer(literal: str) -> int | _Refused:
            nonlocal refused
            value = _bounded_int(literal)
            refused = refused or isinstance(value, _Refused)
            return value

        hooks["parse_int"] = integer
    try:
        data = json.loads(text, **hooks)
    except json.JSONDecodeError as error:
        raise MalformedJSON(
            error.msg, location=location, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise MalformedJSON(
            f"nested too deeply (at most {MAX_DEPTH} levels)", location=location
        ) from None
    # raw is None when the text itself holds a lone surrogate.
    strings = raw is None or (b"\\u" in raw and _SURROGATE_ESCAPE.search(text) is not None)
    if refused or strings or (raw is not None and _nests_deeper(data, raw)):
        _raise_problems(data, location)
    return data


def _problems(data: Any) -> Iterator[Problem]:
    """Walk ``data`` (without recursion) and yield every value the policy refuses."""
    stack: list[tuple[Any, str, int]] = [(data, "$", 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            match = _SURROGATE.search(value)
            if match is not None:
                yield Problem(
                    path,
                    f"a lone surrogate {printable(match.group())} at offset {match.start()}",
                    expected="text that UTF-8 can hold",
                    found=printable(value),
                )
        elif isinstance(value, _Refused):
            yield Problem(path, value.message, expected="an RFC 8259 number", found=value.found)
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, int):
            if value and math.log10(abs(value)) >= MAX_INT_DIGITS:
                yield Problem(
                    path,
                    f"an integer of more than {MAX_INT_DIGITS} digits",
                    expected="an RFC 8259 number",
                )
        elif isinstance(value, float):
            if not math.isfinite(value):
                yield Problem(path, f"{value} is not a JSON number", expected="a finite number")
        elif isinstance(value, dict | list | tuple):
            if depth >= MAX_DEPTH:
                yield Problem(
                    path,
                    f"nested more than {MAX_DEPTH} levels deep",
                    expected=f"at most {MAX_DEPTH} levels of arrays and objects",
                )
                continue
            items = value.items() if isinstance(value, dict) else enumerate(value)
            children = []
            for key, item in items:
                if isinstance(key, str):
                    match = _SURROGATE.search(key)
                    if match is not None:
                        yield Problem(
                            path,
                            f"a key holds a lone surrogate {printable(match.group())}",
                            expected="text that UTF-8 can hold",
                            found=printable(key),
                        )
                    child = f"{path}.{key}" if _SIMPLE_KEY.fullmatch(key) else f"{path}[{key!r}]"
                else:
                    child = f"{path}[{key}]"
                children.append((item, printable(child, 200), depth + 1))
            stack.extend(reversed(children))


_SIMPLE_KEY = re.compile(r"[A-Za-z_@][A-Za-z0-9_@-]*")


def value_problems(data: Any) -> list[Problem]:
    """List what the policy refuses in JSON-ready ``data`` (at most 20 problems), with paths.

    For data built in Python (an importer's Document, unstructured) before it
    is validated or written: a value nested too deep, a lone surrogate, a
    huge integer or a non-finite number.
    """
    problems = []
    for problem in _problems(data):
        problems.append(problem)
        if len(problems) == 20:  # enough to see the pattern; a hostile file may hold millions
            break
    return problems


def _raise_problems(data: Any, location: str | None) -> None:
    problems = value_problems(data)
    if problems:
        raise InvalidRecord(problems, location=location)


def encode_json(
    data: Any,
    encode: Callable[[Any], str],
    *,
    fast: Callable[[Any], bytes | None] | None = None,
    location: str | None = None,
) -> str:
    """Write ``data`` as JSON text under the policy; return the text or raise a located error.

    ``encode`` is any JSON writer of text. ``fast``, when given, is tried first:
    a writer of UTF-8 bytes that raises on lone surrogates, integers beyond
    64 bits and non-finite numbers (orjson's ``dumps``), or returns ``None``
    to decline. What cannot be written (a value nested too deep, a
    non-finite number, a huge integer, a lone surrogate) becomes an
    :class:`~provenance.errors.InvalidRecord` naming the JSON path, so that
    nothing is written that this library would refuse to read back.
    """
    if fast is not None:
        try:
            raw = fast(data)
        except Exception:  # the text writer below decides
            raw = None
        if raw is not None:
            if _nests_deeper(data, raw):
                _raise_problems(data, location)
            return raw.decode("utf-8")
    try:
        text = encode(data)
    except (ValueError, RecursionError, OverflowError, TypeError) as error:
        _raise_problems(data, location)
        raise ProvenanceError(f"cannot write the record as JSON: {error}") from None
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:
        _raise_problems(data, location)
        raise
    if _LONG_INT in raw.translate(_DIGITS) or _nests_deeper(data, raw):
        _raise_problems(data, location)
    return text
