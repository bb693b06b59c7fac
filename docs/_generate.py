"""Write the generated reference pages of the documentation site.

Run by ``docs/conf.py`` at the start of every build, so the pages cannot drift from the
code: nothing here is committed, every page is rewritten from

- each public face's ``__all__`` (the API reference, ``reference/api/``): the root
  ``provenance``, every public top-level module and package of it, and every submodule a
  face lists in its own ``__all__`` (``provenance.formats.claimreview``), found by walking
  the package, so a new module appears with no edit here;
- the command line's argparse parsers (``reference/cli.md``): every subcommand registered
  in ``provenance.cli``, with every option;
- the shipped JSON Schemas (``reference/schemas/``): one page per file of ``schemas/v1/``.
"""

from __future__ import annotations

import argparse
import enum
import importlib
import inspect
import json
import os
import pkgutil
import re
import shutil
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
API = DOCS / "reference" / "api"
SCHEMAS = DOCS / "reference" / "schemas"
CLI = DOCS / "reference" / "cli.md"

# The command modules of the CLI are documented as commands (reference/cli.md), not as API.
_NOT_FACES = ("provenance.cli.",)


def faces() -> list[str]:
    """Every public face of the package, by module name, the root first.

    A face is a module with ``__all__`` and no ``_`` in its dotted name: the root, the
    wings, the packages (``provenance.formats``) and their modules.
    """
    import provenance

    found: list[str] = ["provenance"]
    for info in pkgutil.walk_packages(provenance.__path__, "provenance."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            found.append(info.name)
    seen: set[str] = set()
    ordered: list[str] = []
    queue = list(found)
    while queue:
        name = queue.pop(0)
        if name in seen or name.startswith(_NOT_FACES):
            continue
        seen.add(name)
        module = importlib.import_module(name)
        if not hasattr(module, "__all__"):
            continue
        ordered.append(name)
        for member in module.__all__:
            if isinstance(getattr(module, member, None), types.ModuleType):
                queue.append(f"{name}.{member}")
    return ordered


def _kind(value: Any) -> str:
    if isinstance(value, types.ModuleType):
        return "module"
    if inspect.isclass(value):
        if issubclass(value, BaseException):
            return "exception"
        return "class"
    if inspect.isfunction(value) or inspect.isbuiltin(value) or callable(value):
        return "function"
    return "data"


def _canonical(value: Any) -> str | None:
    """Where a class or function is defined (``module.qualname``), if anywhere."""
    module = getattr(value, "__module__", None)
    qualname = getattr(value, "__qualname__", None)
    if isinstance(module, str) and isinstance(qualname, str) and "<" not in qualname:
        return f"{module}.{qualname}"
    return None


_ROLE = re.compile(r":[\w:]+:`~?([^`<]+?)(?: <[^>]+>)?`")


def _first_line(value: Any) -> str:
    """Return the docstring's first paragraph, with reST roles turned into plain code."""
    doc = inspect.getdoc(value) or ""
    first = doc.strip().split("\n\n", 1)[0].replace("\n", " ")
    return _ROLE.sub(lambda m: f"``{m.group(1)}``", first)


def _face_page(face: str, all_faces: set[str]) -> str:
    module = importlib.import_module(face)
    lines = [
        f"# `{face}`",
        "",
        "```{eval-rst}",
        f".. automodule:: {face}",
        "   :no-members:",
        "```",
        "",
        "Its public names (`__all__`):",
        "",
    ]
    body: list[str] = []
    for member in module.__all__:
        value = getattr(module, member)
        kind = _kind(value)
        full = f"{face}.{member}"
        if kind == "module":
            target = full if full in all_faces else value.__name__
            summary = _first_line(value).replace("``", "`")
            lines.append(f"- {{py:mod}}`{member} <{target}>`: {summary}")
            continue
        lines.append(f"- {{py:obj}}`{member} <{full}>`")
        canonical = _canonical(value) if kind != "data" else None
        owner = canonical.rsplit(".", 1)[0] if canonical else None
        if canonical and canonical != full and owner in all_faces:
            # A re-export of a name a face documents in full: a short entry that says where.
            role = {"class": "class", "exception": "exception", "function": "function"}[kind]
            body += [
                "```{eval-rst}",
                f".. py:{role}:: {member}",
                f"   :module: {face}",
                f"   :canonical: {canonical}",
                "",
                f"   The same object as :py:{'func' if kind == 'function' else 'class'}:"
                f"`{canonical}`. {_first_line(value)}",
                "```",
                "",
            ]
            continue
        directive = f"auto{kind}"
        options = []
        if kind in ("class", "exception"):
            options = ["   :members:", "   :show-inheritance:"]
            if issubclass(value, enum.Enum):
                options.append("   :undoc-members:")
                options.append("   :member-order: bysource")
        body += ["```{eval-rst}", f".. {directive}:: {full}", *options, "```", ""]
    return "\n".join([*lines, "", "## Reference", "", *body])


def write_api() -> list[str]:
    """Write one page per face and an index; return the faces."""
    API.mkdir(parents=True, exist_ok=True)
    for old in API.glob("*.md"):
        old.unlink()
    names = faces()
    for face in names:
        (API / f"{face}.md").write_text(_face_page(face, set(names)), encoding="utf-8")
    index = [
        "# Python API",
        "",
        "Generated from the code: one page per public face, each listing every name of the",
        "face's `__all__` with its signature, types and docstring. Import the root as",
        "`import provenance as pv` and reach the rest by attribute (`pv.audit`,",
        "`pv.formats.prov`).",
        "",
        "```{toctree}",
        ":maxdepth: 1",
        "",
        *names,
        "```",
        "",
    ]
    (API / "index.md").write_text("\n".join(index), encoding="utf-8")
    return names


def _subcommands() -> Iterator[tuple[str, argparse.ArgumentParser]]:
    from provenance import cli

    parser = cli._parser()
    yield "provenance", parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield f"provenance {name}", sub
                for inner in sub._actions:
                    if isinstance(inner, argparse._SubParsersAction):
                        for name2, sub2 in inner.choices.items():
                            yield f"provenance {name} {name2}", sub2


def _escape(text: str) -> str:
    """Plain text as Markdown: no character of it is markup (``<script>`` stays text)."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def cli_options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """Return the arguments and options of one parser worth a reference entry."""
    return [
        action
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction | argparse._HelpAction)
    ]


def write_cli() -> None:
    """Write reference/cli.md from the parsers."""
    lines = [
        "# Command line",
        "",
        "Generated from the command line's own parsers: every command and every option.",
        "Exit codes, shared by every command: 0 success, 1 the input was read but found",
        "wanting, 2 a usage error. Also runnable as `python -m provenance`.",
        "",
    ]
    for prog, parser in _subcommands():
        lines += [f"## `{prog}`", ""]
        if parser.description:
            lines += [_escape(parser.description), ""]
        usage = parser.format_usage().replace("usage: ", "", 1).strip()
        lines += ["```text", usage, "```", "", "```{eval-rst}", f".. program:: {prog}", ""]
        for action in cli_options(parser):
            if action.option_strings:
                metavar = "" if action.nargs == 0 else f" {action.metavar or action.dest.upper()}"
                if action.choices and not action.metavar:
                    metavar = " {" + ",".join(map(str, action.choices)) + "}"
                signature = ", ".join(f"{opt}{metavar}" for opt in action.option_strings)
            else:
                signature = str(action.metavar or action.dest)
            lines.append(f".. option:: {signature}")
            lines.append("")
            help_text = action.help if action.help and action.help != argparse.SUPPRESS else ""
            extra = []
            if action.choices:
                extra.append("one of " + ", ".join(f"``{c}``" for c in action.choices))
            if action.default not in (None, [], False, argparse.SUPPRESS) and action.option_strings:
                extra.append(f"default ``{action.default}``")
            text = "; ".join(part for part in [help_text.replace("%%", "%"), *extra] if part)
            lines.append(f"   {text or 'see the usage above'}.")
            lines.append("")
        lines += ["```", ""]
    CLI.write_text("\n".join(lines), encoding="utf-8")


def _type_of(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        ref = schema["$ref"]
        file, _, pointer = ref.partition("#")
        definition = pointer.removeprefix("/$defs/") if pointer.startswith("/$defs/") else ""
        if not file:
            return f"[`{definition}`](#{definition})"
        page = file.rsplit("/", 1)[-1].removesuffix(".json")
        if definition:
            return f"[{page} `{definition}`]({page}.md#{definition})"
        return f"[{page}]({page}.md)"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{json.dumps(v)}`" for v in schema["enum"])
    if "const" in schema:
        return f"`{json.dumps(schema['const'])}`"
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return " or ".join(_type_of(part) for part in schema[key])
    kind = schema.get("type", "any")
    if kind == "array" and "items" in schema:
        return f"array of {_type_of(schema['items'])}"
    if isinstance(kind, list):
        return " or ".join(kind)
    return str(kind)


def _properties_table(schema: dict[str, Any]) -> list[str]:
    properties = schema.get("properties", {})
    if not properties:
        return []
    required = set(schema.get("required", []))
    lines = ["| field | type | required | description |", "|---|---|---|---|"]
    for name, sub in properties.items():
        description = " ".join(str(sub.get("description", "")).split()).replace("|", r"\|")
        cell = _type_of(sub).replace("|", r"\|")
        lines.append(f"| `{name}` | {cell} | {'yes' if name in required else ''} | {description} |")
    return [*lines, ""]


def write_schemas() -> list[str]:
    """Write one page per shipped schema and an index; return the schema names."""
    SCHEMAS.mkdir(parents=True, exist_ok=True)
    for old in SCHEMAS.glob("*.md"):
        old.unlink()
    names = []
    for path in sorted((ROOT / "schemas" / "v1").glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        name = path.stem
        names.append(name)
        lines = [
            f"# `{name}` schema",
            "",
            f"`schemas/v1/{path.name}`, `$id` `{schema.get('$id', '')}`",
            f"(`provenance schema {name}` prints it).",
            "",
        ]
        if "title" in schema:
            lines += [f"**{schema['title']}**", ""]
        if "description" in schema:
            lines += [" ".join(str(schema["description"]).split()), ""]
        lines += _properties_table(schema)
        for def_name, sub in schema.get("$defs", {}).items():
            lines += [f"## `{def_name}`", ""]
            if "description" in sub:
                lines += [" ".join(str(sub["description"]).split()), ""]
            table = _properties_table(sub)
            lines += table or [f"Type: {_type_of(sub)}", ""]
        lines += [
            "## The file",
            "",
            "```{literalinclude} ../../../schemas/v1/" + path.name,
            ":language: json",
            "```",
            "",
        ]
        (SCHEMAS / f"{name}.md").write_text("\n".join(lines), encoding="utf-8")
    index = [
        "# JSON Schemas",
        "",
        "Generated from the schema files the package ships (`schemas/v1/`, Draft 2020-12),",
        "one page each: fields, types, what is required, and the file itself.",
        "",
        "```{toctree}",
        ":maxdepth: 1",
        "",
        *names,
        "```",
        "",
    ]
    (SCHEMAS / "index.md").write_text("\n".join(index), encoding="utf-8")
    return names


SCREENSHOT = DOCS / "_screenshot.md"
SHOTS = DOCS / "_shots"


def write_screenshot() -> bool:
    """Show the report's screenshot if the browser test took one, else say it is missing.

    tests/test_html_browser.py saves ``seed-report.png`` under ``$PROVENANCE_SCREENSHOT_DIR``
    (CI sets it); the site builds without it, with a note in its place.
    """
    shot = Path(os.environ.get("PROVENANCE_SCREENSHOT_DIR") or DOCS / "_none") / "seed-report.png"
    if shot.is_file():
        SHOTS.mkdir(exist_ok=True)
        shutil.copyfile(shot, SHOTS / shot.name)
        SCREENSHOT.write_text(
            "![The HTML report of the seed article: the text with every claim highlighted by"
            " status, the chosen claim's chain drawn beside it](_shots/seed-report.png)\n",
            encoding="utf-8",
        )
        return True
    SCREENSHOT.write_text(
        "*A screenshot of the report belongs here: the browser test of the test suite takes it"
        " (`tests/test_html_browser.py`, with `PROVENANCE_SCREENSHOT_DIR` set), and this build"
        " had none. Open `report.html` to see the page itself.*\n",
        encoding="utf-8",
    )
    return False


CHANGELOG = DOCS / "changelog.md"
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")


def write_changelog() -> None:
    """Write the changelog page from CHANGELOG.md, its links made relative to docs/.

    The file lives at the top of the repository, so its links to pages say ``docs/...``; a
    link to anything outside docs/ (the README, a test) becomes the plain words.
    """

    def relink(match: re.Match[str]) -> str:
        words, target = match.group(1), match.group(2)
        if re.match(r"[a-z]+:|#", target):
            return match.group(0)
        if target.startswith("docs/"):
            return f"[{words}]({target.removeprefix('docs/')})"
        return words

    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    CHANGELOG.write_text(_LINK.sub(relink, text), encoding="utf-8")


def main() -> None:
    """Write every generated page."""
    write_api()
    write_cli()
    write_schemas()
    write_screenshot()
    write_changelog()


if __name__ == "__main__":
    main()
