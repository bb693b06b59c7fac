"""The audit record is written piece by piece: the text of one piece, never in one huge write."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from provenance import codec
from provenance.audit import audit_corpus
from provenance.audit_text import iter_text, render_text
from provenance.cli import main

EXAMPLE = (
    Path(__file__).resolve().parent.parent / "examples" / "oan-2025-06-11-kosovo-deportees.json"
)


def _corpus(count: int) -> list[object]:
    document = codec.load(EXAMPLE)
    return [attrs.evolve(document, id=f"{document.id}-{number}") for number in range(count)]


@pytest.mark.parametrize("indent", [None, 2, 4])
def test_json_pieces_join_to_the_one_piece_text(indent: int | None) -> None:
    report = audit_corpus(_corpus(3))
    pieces = list(codec.iter_audit_json(report, indent=indent))
    assert "".join(pieces) == codec.dumps_audit(report, indent=indent)
    assert len(pieces) == 3 + 2  # a head, one piece per document, a tail
    assert codec.loads_audit("".join(pieces)) == report


def test_json_pieces_of_an_empty_report() -> None:
    report = audit_corpus([])
    assert "".join(codec.iter_audit_json(report, indent=2)) == codec.dumps_audit(report, indent=2)


def test_text_pieces_join_to_the_one_piece_text() -> None:
    report = audit_corpus(_corpus(2))
    pieces = list(iter_text(report))
    assert "".join(pieces) == render_text(report)
    assert len(pieces) == 3


def test_audit_writes_valid_json_to_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    codec.write_jsonl(_corpus(4), corpus)  # type: ignore[arg-type]
    out = tmp_path / "report.json"
    code = main(["audit", "--format", "json", "--fail-on", "never", str(corpus), "-o", str(out)])
    assert code == 0
    assert capsys.readouterr().out == ""
    assert len(json.loads(out.read_text())["documents"]) == 4
