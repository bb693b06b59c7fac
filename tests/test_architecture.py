"""The floors hold: every module placed on the architecture page, no import against the rules.

The page (docs/explanation/architecture.md) places every module; ``architecture.py`` reads
it and walks every import. The examples show that each rule fails when it is broken: a
check that cannot fail would prove nothing.
"""

from __future__ import annotations

import architecture
import pytest
from architecture import check_module, check_package, modules, place_of, read_places

PLACES = read_places()
KNOWN = modules()


def test_every_module_is_placed_and_every_row_names_a_module() -> None:
    unplaced = [name for name in KNOWN if place_of(name, PLACES) is None]
    assert unplaced == [], f"add a row for each to {architecture.PAGE.name}: {unplaced}"
    missing = [name for name in PLACES if name not in KNOWN]
    assert missing == [], f"rows naming no module: {missing}"
    assert {place.floor for place in PLACES.values()} <= {*architecture.FLOORS, "apart"}


def test_no_import_breaks_the_rules() -> None:
    violations = [str(violation) for violation in check_package()]
    assert violations == []


def test_the_picture_is_drawn_from_the_table() -> None:
    drawn = architecture.picture(PLACES)
    assert architecture.written_picture() == drawn, "run: python tests/architecture.py --write"
    for name in PLACES:
        assert f'["{name.removeprefix("provenance.")}"]' in drawn


def test_a_module_the_page_does_not_place_fails() -> None:
    (violation,) = check_module("provenance.newcomer", "x = 1\n", PLACES, KNOWN)
    assert violation.rule == "unplaced"


# A module of each floor, and what it may not do.
BROKEN = [
    ("provenance.model", "from provenance.chains import analyze_chain\n", "upward"),
    ("provenance.chains", "from provenance import codec\n", "upward"),
    ("provenance.status", "import provenance.html\n", "upward"),
    ("provenance.audit", "def f():\n    from provenance.formats import brat\n", "upward"),
    ("provenance.codec", "from provenance import Document\n", "root"),
    ("provenance.html._page", "import provenance\n", "root"),
    ("provenance.formats.brat", "from provenance.cli import main\n", "cli"),
    ("provenance.codec", "from provenance import strategies\n", "apart"),
    ("provenance.formats.brat", "from provenance.codec import _parse\n", "private"),
    (
        "provenance.formats.brat",
        "from provenance import codec\ncodec._parse(b'1', None)\n",
        "private",
    ),
    ("provenance.cli.audit", "from provenance.extraction.cues import _TOKEN\n", "private"),
    ("provenance.formats.brat", "from provenance.model import _ID\n", "private"),
    ("provenance.formats.prov", "from provenance.codec import Backend\n", "face"),
    ("provenance.cli.report", "from provenance.html import _render\n", "private"),
    ("provenance.cli.report", "from provenance.html._page import segments\n", "private"),
    ("provenance.chains", "import json\n", "io"),
    ("provenance.corpus", "from pathlib import Path\n", "io"),
    ("provenance.integrity", "from provenance import validation\n", "io"),
]


@pytest.mark.parametrize(("module", "source", "rule"), BROKEN)
def test_each_rule_fails_when_broken(module: str, source: str, rule: str) -> None:
    rules = {violation.rule for violation in check_module(module, source, PLACES, KNOWN)}
    assert rule in rules


ALLOWED = [
    ("provenance.codec", "from provenance.model import Document\n"),
    ("provenance.codec", "from provenance import integrity\n"),
    ("provenance.formats.brat", "from provenance.extraction.cues import tokenize\n"),
    ("provenance.html._render", "from provenance.html import _findings\n"),  # its own wing
    ("provenance.__main__", "from provenance.cli import main\n"),
    ("provenance.strategies", "from provenance.codec import dumps\n"),
    ("provenance.extraction.extractor", "from provenance._version import version\n"),
    ("provenance._version", "from importlib.metadata import version\n"),
]


@pytest.mark.parametrize(("module", "source"), ALLOWED)
def test_what_the_rules_allow_passes(module: str, source: str) -> None:
    assert check_module(module, source, PLACES, KNOWN) == []


def test_the_checker_reads_relative_imports() -> None:
    brat = "provenance.formats.brat"
    found = check_module(brat, "from ..html import render_page\n", PLACES, KNOWN)
    assert [violation.rule for violation in found] == []  # edges to edges, through the face
    found = check_module(brat, "from ..html import _render\n", PLACES, KNOWN)
    assert [violation.rule for violation in found] == ["private"]
    found = check_module("provenance.chains", "from . import codec\n", PLACES, KNOWN)
    assert [violation.rule for violation in found] == ["upward"]
