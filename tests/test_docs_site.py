"""The documentation site builds with no warning and references every public name.

The site is built once per session with the documented command (warnings are errors), or
read from ``$PROVENANCE_DOCS_HTML`` when CI has built it already. The checks here are
independent of the page generator (docs/_generate.py): the public faces are found again
from the package, and compared with the site's own inventory (``objects.inv``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import re
import subprocess
import sys
import types
import zlib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BUILD = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built HTML site."""
    given = os.environ.get("PROVENANCE_DOCS_HTML")
    if given and (Path(given) / "objects.inv").is_file():
        return Path(given)
    if not (DOCS / "conf.py").is_file():
        pytest.skip("docs are not in this checkout")
    pytest.importorskip("sphinx", reason="needs the docs extra")
    pytest.importorskip("myst_parser", reason="needs the docs extra")
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [*BUILD, str(DOCS), str(out)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, f"the docs build warned or failed:\n{done.stderr}"
    return out


def _inventory(site: Path) -> dict[str, set[str]]:
    """``role -> names`` from a Sphinx objects.inv (version 2)."""
    data = (site / "objects.inv").read_bytes()
    body = zlib.decompress(data.split(b"\n", 4)[4]).decode("utf-8")
    found: dict[str, set[str]] = {}
    for line in body.splitlines():
        match = re.match(r"(.+?)\s+(\S+:\S+)\s+-?\d+\s+\S+\s+.*", line)
        if match:
            found.setdefault(match.group(2), set()).add(match.group(1))
    return found


def _public_faces() -> list[types.ModuleType]:
    """Every module of the package with ``__all__`` and no private part in its name."""
    import provenance

    names = ["provenance"] + [
        info.name
        for info in pkgutil.walk_packages(provenance.__path__, "provenance.")
        if not any(part.startswith("_") for part in info.name.split("."))
        and not info.name.startswith("provenance.cli.")  # commands: the CLI reference
    ]
    modules = [importlib.import_module(name) for name in names]
    return [module for module in modules if hasattr(module, "__all__")]


def test_every_public_name_has_a_reference_entry(site: Path) -> None:
    inventory = _inventory(site)
    python = set().union(*(names for role, names in inventory.items() if role.startswith("py:")))
    missing = []
    for module in _public_faces():
        assert module.__name__ in inventory.get("py:module", set()), module.__name__
        for name in module.__all__:
            value = getattr(module, name)
            full = f"{module.__name__}.{name}"
            if isinstance(value, types.ModuleType):
                if value.__name__ not in inventory.get("py:module", set()):
                    missing.append(full)
            elif full not in python:
                missing.append(full)
    assert not missing, f"public names with no reference entry: {missing}"


def _commands() -> list[tuple[str, argparse.ArgumentParser]]:
    from provenance import cli

    parser = cli._parser()
    found = [("provenance", parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += [(f"provenance {name}", sub) for name, sub in action.choices.items()]
    return found


def test_every_command_and_option_has_a_reference_entry(site: Path) -> None:
    options = _inventory(site).get("std:cmdoption", set())
    missing = []
    for prog, parser in _commands():
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
                continue
            for spelling in action.option_strings or [str(action.metavar or action.dest)]:
                # Sphinx names an option "PROGRAM.OPTION", the program's spaces as dashes.
                if f"{prog.replace(' ', '-')}.{spelling}" not in options:
                    missing.append(f"{prog} {spelling}")
    assert len(_commands()) > 5
    assert not missing, f"options with no reference entry: {missing}"


def test_every_shipped_schema_has_a_page(site: Path) -> None:
    schemas = sorted((ROOT / "schemas" / "v1").glob("*.json"))
    assert schemas
    for schema in schemas:
        page = site / "reference" / "schemas" / f"{schema.stem}.html"
        assert page.is_file(), schema.name
        assert schema.stem in page.read_text(encoding="utf-8")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key == "id" and value:
                self.ids.add(value)
            if key in ("href", "src") and value and tag != "link":
                self.hrefs.append(value)


def test_every_internal_link_of_the_site_resolves(site: Path) -> None:
    pages = {page: _Links() for page in site.rglob("*.html")}
    for page, links in pages.items():
        links.feed(page.read_text(encoding="utf-8"))
    broken = []
    for page, links in pages.items():
        for href in links.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href}")
            elif parts.fragment and target in pages and parts.fragment not in pages[target].ids:
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert not broken, "\n".join(broken[:40])


# -- the flowchart drawer of the site (docs/_flowchart.py) ------------------------------


def _flowchart() -> types.ModuleType:
    pytest.importorskip("sphinx", reason="needs the docs extra")
    sys.path.insert(0, str(DOCS))
    try:
        return importlib.import_module("_flowchart")
    finally:
        sys.path.remove(str(DOCS))


def test_a_flowchart_draws_every_box_and_arrow() -> None:
    chart = """flowchart TB
      subgraph top["the top floor"]
        a["cli"]
        b
      end
      subgraph low["record"]
        c["model"]
      end
      top -- "imports" --> low
    """
    svg, unknown = _flowchart().render(chart)
    assert unknown == []
    for label in ("the top floor", "record", "cli", ">b<", "model", "imports", "<line"):
        assert label in svg


def test_a_flowchart_line_it_cannot_draw_is_reported() -> None:
    _, unknown = _flowchart().render("flowchart TB\n  a((round)) --- b\n")
    assert unknown == ["a((round)) --- b"]
    _, unknown = _flowchart().render("sequenceDiagram\n  a->>b: hi\n")
    assert unknown == ["sequenceDiagram"]
