"""Structure-aware mutations for the fuzz targets: hostile values put where parsers look.

A byte flip rarely gets past a JSON parser; these mutations keep the input's
shape and change one thing a hostile user would: a value at a random JSON path
replaced by a wrong or huge one (a lone surrogate escape, an integer of
5,000 digits, ``NaN``, ``1e400``, nesting 900 deep, a URL that does not parse),
a member deleted or doubled, a JSON Lines line cut or repeated, a brat line's
offsets or id changed, hostile strings spliced into article text or a web page.
Every function takes the input and a :class:`random.Random` and returns new bytes.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

__all__ = ["HOSTILE_STRINGS", "HOSTILE_VALUES", "mutate"]

HOSTILE_STRINGS = (
    "\ud800",
    "\udfff",
    "\ud83d",
    "\x00",
    "\x1b[31m",
    "\u2028\u2029",
    "\ufeff",
    "\u202e",
    "\u0301" * 50,
    "\U0001f600" * 20,
    "",
    " ",
    "\t\n\r",
    "<script>alert(1)</script>",
    "&#x27;&amp;&lt;p&gt;",
    "http://[",
    "http://",
    "javascript:alert(1)",
    "a" * 300,
    "é" * 5000,
    "../../etc/passwd",
    "CON",
    "$.claims[0]",
    "{}",
    "null",
    "according to Reuters according to Reuters",
    "Subscribe here",
    '"',
    "\\",
    "%s%n",
    "9" * 400,
    "-1",
    "1e400",
    "NaN",
    "2016-02-30",
    "0000-00-00T25:61:61Z",
    "T1\tSource 0 99999999999999999999\tx",
    "E1\tAttribution:T1 Source:T1",
    "said",
    "“",
    "”",
    "—",
)
"""Strings that broke, or could break, a reader: surrogates, controls, markup, huge, odd."""

_HUGE = 10**5000


def _deep(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


# Raw JSON spellings that Python values cannot give (json.dumps refuses or rewrites them).
_RAW = (
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "-1e400",
    "1" + "0" * 5000,
    "123456789012345678901234567890",
    "-0",
    "1E-400",
    '"\\ud800"',
    '"\\udc00\\ud800"',
    '"\\u0000"',
    "[" * 900 + "]" * 900,
    '{"a":' * 200 + "1" + "}" * 200,
)

HOSTILE_VALUES: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    -1,
    2**63,
    2**64 + 1,
    -(2**70),
    0.5,
    -0.0,
    1e308,
    [],
    {},
    [None],
    {"": None},
    {"x:y": _deep(70)},
    _deep(70),
    *HOSTILE_STRINGS,
)
"""Wrong or extreme JSON values put in place of a record's own."""


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


def _parent(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        value = value[step]
    return value


_MARK = "\u0000fuzz-raw\u0000"


def _mutate_json_value(data: Any, chance: random.Random) -> str:
    paths = _paths(data)
    path = chance.choice(paths)
    if not path:
        return json.dumps(chance.choice(HOSTILE_VALUES))
    parent = _parent(data, path)
    key = path[-1]
    action = chance.randrange(6)
    if action == 0 and isinstance(parent, dict):
        del parent[key]
    elif action == 1 and isinstance(parent, list):
        parent.insert(key, parent[key])
    elif action == 2:
        parent[key] = _MARK  # replaced by a raw spelling after dumping
        raw = chance.choice(_RAW)
        return json.dumps(data, ensure_ascii=chance.random() < 0.5).replace(
            json.dumps(_MARK), raw, 1
        )
    elif action == 3 and isinstance(parent, dict):
        parent[chance.choice(HOSTILE_STRINGS)] = parent[key]
    else:
        parent[key] = chance.choice(HOSTILE_VALUES)
    return json.dumps(data, ensure_ascii=chance.random() < 0.5)


def mutate_json(raw: bytes, chance: random.Random) -> bytes:
    """Replace, delete or double one value of a JSON document (or fall back to bytes)."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return mutate_bytes(raw, chance)
    try:
        text = _mutate_json_value(data, chance)
    except (ValueError, RecursionError, TypeError):
        return mutate_bytes(raw, chance)
    return text.encode("utf-8", "surrogatepass")


def mutate_lines(raw: bytes, chance: random.Random) -> bytes:
    """Mutate one line of a JSON Lines file, or cut, repeat or drop one."""
    lines = raw.split(b"\n")
    index = chance.randrange(len(lines))
    action = chance.randrange(4)
    if action == 0:
        lines[index] = mutate_json(lines[index], chance)
    elif action == 1:
        lines.insert(index, lines[index])
    elif action == 2:
        lines[index] = lines[index][: chance.randrange(len(lines[index]) + 1)]
    else:
        lines[index] = chance.choice(_RAW).encode()
    return b"\n".join(lines)


def mutate_text(raw: bytes, chance: random.Random) -> bytes:
    """Splice a hostile string into text, or cut, repeat or join its lines."""
    text = raw.decode("utf-8", "surrogateescape")
    action = chance.randrange(4)
    if action == 0:
        at = chance.randrange(len(text) + 1)
        text = text[:at] + chance.choice(HOSTILE_STRINGS) + text[at:]
    elif action == 1:
        text = text.replace("\n", " ")  # an article with no line breaks
    elif action == 2:
        start = chance.randrange(len(text) + 1)
        text = text[:start] + text[start : start + chance.randrange(200)] * 2 + text[start:]
    else:
        text = text[: chance.randrange(len(text) + 1)]
    return text.encode("utf-8", "surrogatepass")


def mutate_ann(raw: bytes, chance: random.Random) -> bytes:
    """Change one brat line: its offsets, its id (a duplicate), its label, or repeat it."""
    lines = raw.decode("utf-8", "surrogateescape").split("\n")
    index = chance.randrange(len(lines))
    line = lines[index]
    action = chance.randrange(5)
    if action == 0:
        numbers = [chance.choice(["0", "5", "99999", "9" * 30, "-1", "٣"]) for _ in range(2)]
        head, _, rest = line.partition("\t")
        label = rest.split(" ")[0] if rest else "Source"
        lines[index] = f"{head}\t{label} {numbers[0]} {numbers[1]}\tx"
    elif action == 1:
        lines.append(line)  # a duplicate id
    elif action == 2:
        lines[index] = line.replace("Source", chance.choice(["Cue", "Content", "X", ""]), 1)
    elif action == 3:
        lines.insert(index, chance.choice(HOSTILE_STRINGS))
    else:
        lines[index] = line[: chance.randrange(len(line) + 1)]
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def mutate_bytes(raw: bytes, chance: random.Random) -> bytes:
    """Flip, insert or delete a few bytes (the structure-blind fallback)."""
    data = bytearray(raw)
    for _ in range(chance.randrange(1, 4)):
        action = chance.randrange(3)
        at = chance.randrange(len(data) + 1)
        if action == 0 and data:
            data[min(at, len(data) - 1)] = chance.randrange(256)
        elif action == 1:
            data[at:at] = chance.choice([b"\xed\xa0\x80", b"\xff", b"\x00", b"\xc0\xaf", b"\\u"])
        elif data:
            del data[at : at + chance.randrange(1, 8)]
    return bytes(data)


_BY_TARGET: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "records_json": mutate_json,
    "records_jsonl": mutate_lines,
    "claimreview_json": mutate_json,
    "claimreview_html": mutate_json,
    "brat": mutate_ann,
    "article_text": mutate_text,
    "article_html": mutate_text,
    "corpus_audit": mutate_lines,
}


def mutate(target: str, raw: bytes, chance: random.Random) -> bytes:
    """Mutate ``raw`` for ``target``: mostly structure-aware, one time in eight bytes only."""
    if chance.randrange(8) == 0:
        return mutate_bytes(raw, chance)
    if target == "cli":
        head, body = raw[:1], raw[1:]
        kind = head[0] % 10 if head else 0
        mutator = mutate_text if kind in (8, 9) else mutate_json
        return bytes([chance.randrange(256) if chance.random() < 0.1 else (head or b"\0")[0]]) + (
            mutator(body, chance)
        )
    return _BY_TARGET[target](raw, chance)
