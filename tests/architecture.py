"""The package's floors, read from docs/explanation/architecture.md, and the import rules.

The page's module table is the one place that says where a module stands; this helper
reads it, checks every module's imports against the rules (a short ``ast`` walk, in the
spirit of import-linter contracts) and draws the page's picture from the table:

    python tests/architecture.py          # print the Mermaid picture the table gives
    python tests/architecture.py --write  # write it into the page

The rules, for every ``import`` anywhere in a module (inside functions too):

1. nothing imports upward: record < analysis < edges (``apart`` modules import
   anything below the edges and are imported by nothing);
2. nothing imports the package root, the command line (``provenance.cli``, except
   from within itself and ``provenance.__main__``) or the strategies;
3. no module imports another wing's ``_private`` module or ``_private`` name, nor a
   name that the other wing's module leaves out of its ``__all__``;
4. the record and analysis floors touch no files, no JSON and no schema (the
   standard-library and third-party modules of ``IO_MODULES``).
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "provenance"
PAGE = ROOT / "docs" / "explanation" / "architecture.md"

FLOORS = ("record", "analysis", "edges")
"""The floors, lowest first; a module imports only from its own floor and those below."""
APART = "apart"
"""A module that stands beside the floors: it imports from them; nothing imports it."""

IO_MODULES = frozenset(
    {
        "io",
        "json",
        "os",
        "pathlib",
        "shutil",
        "tempfile",
        "importlib.resources",
        "jsonschema",
        "referencing",
        "orjson",
        "provenance.validation",
    }
)
"""What the record and analysis floors may not import (files, JSON, schema)."""

IO_ALLOWED = frozenset({"provenance._version", "provenance._data"})
"""Record-floor modules allowed to read files all the same: the version reads package metadata,
``_data`` the package's own shipped tables (never a user's file)."""

_ROW = re.compile(r"^\|\s*`(provenance[\w.]*)`\s*\|\s*(\w+)\s*\|[^|]*\|\s*$")
_PICTURE = re.compile(r"(<!-- picture: begin -->\n)(.*?)(<!-- picture: end -->)", re.S)


@attrs.frozen
class Place:
    """Where the page places a wing: a module, or a package and everything in it."""

    name: str
    floor: str


@attrs.frozen
class Violation:
    """One import that breaks a rule."""

    module: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line}: {self.rule}: {self.message}"


def read_places(page: Path = PAGE) -> dict[str, Place]:
    """Read the module table of the architecture page: name -> Place."""
    places: dict[str, Place] = {}
    for line in page.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            name, floor = match.groups()
            places[name] = Place(name, floor)
    return places


def modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__``)."""
    found: dict[str, Path] = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def place_of(name: str, places: dict[str, Place]) -> Place | None:
    """The row that places module ``name``: its own, or its nearest package's."""
    parts = name.split(".")
    for end in range(len(parts), 1, -1):  # the root's row places the root alone
        place = places.get(".".join(parts[:end]))
        if place is not None:
            return place
    return places.get(name)


def _imports(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[int, str, str | None]]:
    """Yield (line, imported module, imported name or None) for every import in ``tree``."""
    base = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - node.level + 1]
                target = ".".join([*anchor, node.module] if node.module else anchor)
            else:
                target = node.module or ""
            for alias in node.names:
                yield node.lineno, target, alias.name


def _public_names(path: Path) -> set[str] | None:
    """The ``__all__`` of the module at ``path`` (None when it has none)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name) and target.id == "__all__":
                value = node.value
                if isinstance(value, ast.List | ast.Tuple):
                    return {elt.value for elt in value.elts if isinstance(elt, ast.Constant)}
    return None


def _is_private(name: str, wing: str) -> bool:
    """Whether ``name`` is a ``_private`` module inside ``wing`` (a package's own helpers).

    A private module at the top (``provenance._version``) is the package's, shared by all.
    """
    inside = name.removeprefix(wing).split(".")
    return any(part.startswith("_") and not part.startswith("__") for part in inside if part)


def check_module(
    module: str,
    source: str,
    places: dict[str, Place],
    known: dict[str, Path],
    *,
    is_package: bool = False,
) -> list[Violation]:
    """Check the imports of one module's ``source`` against the rules."""
    found: list[Violation] = []
    own = place_of(module, places)
    if own is None:
        return [Violation(module, 1, "unplaced", "the architecture page does not place it")]
    tree = ast.parse(source)

    def fail(line: int, rule: str, message: str) -> None:
        found.append(Violation(module, line, rule, message))

    reads_files = own.floor in FLOORS[:2] and module not in IO_ALLOWED
    for line, target, name in _imports(tree, module, is_package):
        if target != "provenance" and not target.startswith("provenance."):
            if reads_files and (target in IO_MODULES or target.split(".")[0] in IO_MODULES):
                fail(line, "io", f"the {own.floor} floor imports {target}")
            continue
        imported = target
        if target == "provenance" and name is not None:
            if name in known or f"provenance.{name}" in known:
                imported, name = f"provenance.{name}", None
            else:
                fail(line, "root", f"imports {name!r} from the package root")
                continue
        elif target == "provenance":
            fail(line, "root", "imports the package root")
            continue
        if name is not None and f"{imported}.{name}" in known:
            imported, name = f"{imported}.{name}", None
        if reads_files and imported in IO_MODULES:
            fail(line, "io", f"the {own.floor} floor imports {imported}")
        _check_import(module, own, imported, name, line, places, known, fail)
    for line, imported, attribute in _module_attributes(tree, module, is_package, known):
        target = place_of(imported, places)
        if target is not None and target.name != own.name:
            _check_face(imported, target, attribute, line, known, fail)
    return found


def _module_attributes(
    tree: ast.AST, module: str, is_package: bool, known: dict[str, Path]
) -> Iterator[tuple[int, str, str]]:
    """Yield (line, module, attribute) for ``alias.attribute`` where alias names a module.

    ``from provenance import codec`` then ``codec._parse(...)`` reaches a name as surely
    as importing it does.
    """
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name in known:
                    aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            for line, target, name in _imports(node, module, is_package):
                full = f"{target}.{name}"
                if full in known:
                    bound = next(a.asname or a.name for a in node.names if a.name == name)
                    aliases[bound] = full
                del line
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and f"{aliases[node.value.id]}.{node.attr}" not in known
        ):
            yield node.lineno, aliases[node.value.id], node.attr


def _check_import(
    module: str,
    own: Place,
    imported: str,
    name: str | None,
    line: int,
    places: dict[str, Place],
    known: dict[str, Path],
    report: Callable[[int, str, str], None],
) -> None:
    """Check the floors and the closed doors (root, command line, strategies)."""
    in_cli = module.startswith("provenance.cli") or module == "provenance.__main__"
    if (imported == "provenance.cli" or imported.startswith("provenance.cli.")) and not in_cli:
        report(line, "cli", f"imports {imported}")
        return
    target = place_of(imported, places)
    if target is None:
        report(line, "unplaced", f"imports {imported}, which the page does not place")
        return
    if target.floor == APART:
        report(line, "apart", f"imports {imported}, which nothing may import")
        return
    if own.floor != APART and FLOORS.index(target.floor) > FLOORS.index(own.floor):
        report(line, "upward", f"the {own.floor} floor imports {imported} ({target.floor})")
    if target.name != own.name:
        _check_face(imported, target, name, line, known, report)


def _check_face(
    imported: str,
    target: Place,
    name: str | None,
    line: int,
    known: dict[str, Path],
    report: Callable[[int, str, str], None],
) -> None:
    """Another wing is reached through its face: no private module or name, only ``__all__``."""
    if _is_private(imported, target.name):
        report(line, "private", f"imports the private module {imported} of another wing")
    elif name is not None and name.startswith("_"):
        report(line, "private", f"imports the private name {name} of {imported}")
    elif name is not None and imported in known:
        public = _public_names(known[imported])
        if public is not None and name not in public:
            report(line, "face", f"imports {name}, which {imported}.__all__ does not list")


def check_package(package: Path = PACKAGE, page: Path = PAGE) -> list[Violation]:
    """Check every module of the package; return every violation."""
    places = read_places(page)
    known = modules(package)
    found: list[Violation] = []
    for name, path in known.items():
        source = path.read_text(encoding="utf-8")
        found += check_module(name, source, places, known, is_package=path.name == "__init__.py")
    return found


def picture(places: dict[str, Place]) -> str:
    """The Mermaid picture of the floors and their wings that the table gives."""
    lines = ["```mermaid", "flowchart TB"]
    for floor in (APART, *reversed(FLOORS)):
        wings = sorted(place.name for place in places.values() if place.floor == floor)
        if not wings:
            continue
        lines.append(f'  subgraph {floor}["{floor}"]')
        for wing in wings:
            node = wing.removeprefix("provenance.").replace(".", "_").lstrip("_") or "root"
            lines.append(f'    {node}["{wing.removeprefix("provenance.")}"]')
        lines.append("  end")
    lines += [
        '  apart -- "imports" --> edges',
        '  edges -- "imports" --> analysis',
        '  analysis -- "imports" --> record',
        "```",
        "",
    ]
    return "\n".join(lines)


def written_picture(page: Path = PAGE) -> str:
    """The picture as the page holds it now."""
    match = _PICTURE.search(page.read_text(encoding="utf-8"))
    return match.group(2) if match else ""


def write_picture(page: Path = PAGE) -> None:
    """Write the picture the table gives into the page."""
    text = page.read_text(encoding="utf-8")
    drawn = picture(read_places(page))
    page.write_text(_PICTURE.sub(lambda m: m.group(1) + drawn + m.group(3), text), "utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write_picture()
    else:
        print(picture(read_places()), end="")
