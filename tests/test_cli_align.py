"""The ``provenance align`` command and ``provenance audit --align``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("datasketch")
pytest.importorskip("rapidfuzz")

import provenance as pv
from provenance.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def unkeyed(tmp_path: Path) -> Path:
    """The example corpus with every claim key removed."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(CORPUS.glob("*.json")):
        data = json.loads(path.read_text())
        for claim in data["claims"]:
            claim.pop("key", None)
        (folder / path.name).write_text(json.dumps(data))
    return folder


def test_align_writes_keyed_records_and_proposals(
    capsys: pytest.CaptureFixture[str], unkeyed: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, _, err = run(capsys, "align", str(unkeyed), "-o", str(out))
    assert code == 0, err
    assert "3 groups of 7 claims" in err
    records = [pv.load(path) for path in sorted(out.glob("*.json"))]
    assert len(records) == 7
    assert all(claim.key for record in records for claim in record.claims)
    lines = (tmp_path / "out.proposals.jsonl").read_text().splitlines()
    first = json.loads(lines[0])
    assert set(first) >= {"a", "b", "score", "method", "decision", "matches"}
    assert first["decision"] == "accept"


def test_align_to_json_lines_and_reapply_decisions(
    capsys: pytest.CaptureFixture[str], unkeyed: Path, tmp_path: Path
) -> None:
    out = tmp_path / "aligned.jsonl"
    assert run(capsys, "align", str(unkeyed), "-o", str(out))[0] == 0
    proposals = tmp_path / "aligned.proposals.jsonl"
    edited = []
    for line in proposals.read_text().splitlines():
        data = json.loads(line)
        data["decision"] = "reject"
        edited.append(json.dumps(data))
    decisions = tmp_path / "decisions.jsonl"
    decisions.write_text("\n".join(edited) + "\n")
    code, _, err = run(capsys, "align", str(unkeyed), "-o", str(out), "--decisions", str(decisions))
    assert code == 0, err
    assert "0 groups of 0 claims" in err
    assert len(out.read_text().splitlines()) == 7


def test_align_refuses_to_write_over_its_input(
    capsys: pytest.CaptureFixture[str], unkeyed: Path
) -> None:
    code, _, err = run(capsys, "align", str(unkeyed), "-o", str(unkeyed / "sub"))
    assert code == 2
    assert "is one of the inputs" in err
    assert sorted(p.name for p in unkeyed.iterdir()) == sorted(
        p.name for p in CORPUS.glob("*.json")
    )


def test_align_reports_bad_decision_lines_and_goes_on(
    capsys: pytest.CaptureFixture[str], unkeyed: Path, tmp_path: Path
) -> None:
    decisions = tmp_path / "d.jsonl"
    decisions.write_text('{"a": {"document": "x"}}\nnot json\n')
    code, _, err = run(
        capsys,
        "align",
        str(unkeyed),
        "-o",
        str(tmp_path / "o.jsonl"),
        "--decisions",
        str(decisions),
    )
    assert code == 1
    assert f"{decisions}:1" in err and f"{decisions}:2" in err
    assert (tmp_path / "o.jsonl").exists()


def test_bad_threshold_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], unkeyed: Path, tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "align", str(unkeyed), "-o", str(tmp_path / "o"), "--threshold", "1.5"
    )
    assert code == 2
    assert "between 0 and 1" in err
    assert not (tmp_path / "o").exists()


def test_audit_align_finds_what_the_keys_found(
    capsys: pytest.CaptureFixture[str], unkeyed: Path
) -> None:
    code, out, _ = run(capsys, "audit", "--align", str(unkeyed), "--format", "json")
    data = json.loads(out)
    assert len(data["corpus"]["loops"]) == 1
    assert len(data["corpus"]["amplifications"]) == 1
    assert data["corpus"]["status_counts"].get("corroborated") == 2
    assert code == 1  # circular reporting is an error
    code, out, _ = run(capsys, "audit", str(unkeyed), "--format", "json")
    assert "loops" not in json.loads(out)["corpus"]  # without --align nothing lines up


def test_audit_threshold_needs_align(capsys: pytest.CaptureFixture[str], unkeyed: Path) -> None:
    code, _, err = run(capsys, "audit", str(unkeyed), "--threshold", "0.9")
    assert code == 2 and "need --align" in err
