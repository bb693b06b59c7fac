"""The tables of the audit-rules, status and verdict pages are the code's own data.

The prose of those pages is written by hand; their tables are checked here against the
tables the code runs (``BUILTIN_RULES``, ``ROW_STATUS``, the shipped verdict table; the
verdict page is checked in tests/test_formats_verdicts.py), so a page cannot drift.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import provenance as pv
from provenance.rules import BUILTIN_RULES
from provenance.status import ROW_STATUS, decide_row

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SEED = ROOT / "examples" / "oan-2025-06-11-kosovo-deportees.json"


def _tables(page: Path, heading: str | None = None) -> list[list[list[str]]]:
    """Every Markdown table of ``page`` (or of one of its sections), as rows of cells."""
    if not page.is_file():
        pytest.skip(f"{page.name} is not in this checkout")
    text = page.read_text(encoding="utf-8")
    if heading is not None:
        text = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            if not line.startswith("|---"):
                current.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif current:
            tables.append(current[1:])  # without the header row
            current = []
    return tables


def _plain(cell: str) -> str:
    """A cell without its Markdown link and code marks."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", cell).replace("`", "")


def test_audit_rules_table_is_the_builtin_rules() -> None:
    page = DOCS / "reference" / "audit-rules.md"
    # The page marks words of the vocabulary as code where the summary quotes them.
    rows = [[_plain(cell.replace("`", "'")) for cell in row] for row in _tables(page)[0]]
    expected = [[r.code, r.name, r.severity.value, r.summary] for r in BUILTIN_RULES]
    assert rows == expected


def test_every_builtin_rule_has_its_section_with_its_severity() -> None:
    text = (DOCS / "reference" / "audit-rules.md").read_text(encoding="utf-8")
    for r in BUILTIN_RULES:
        section = text.split(f"\n## {r.code} {r.name}\n", 1)
        assert len(section) == 2, f"no section '## {r.code} {r.name}'"
        assert section[1].lstrip().startswith(f"**Severity** {r.severity.value}."), r.code


def test_status_table_is_the_decision_table() -> None:
    page = DOCS / "explanation" / "status.md"
    rows = [(_plain(row[0]), _plain(row[2])) for row in _tables(page, "The rows")[0]]
    assert rows == [(row, status.value) for row, status in ROW_STATUS.items()]


def test_seed_article_table_gives_the_rows_the_seed_claims_land_on() -> None:
    page = DOCS / "explanation" / "status.md"
    rows = _tables(page, "The seed article through the table")[0]
    table = {_plain(row[0]): _plain(row[1]) for row in rows}
    document = pv.load(SEED)
    publisher = document.publisher
    sources = {source.id: source for source in document.sources}
    landed = Counter(decide_row(claim, sources, publisher) for claim in document.claims)
    assert set(table) == set(landed)
    for row, status in table.items():
        assert ROW_STATUS[row].value == status, row
