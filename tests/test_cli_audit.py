"""The ``provenance audit`` command: output formats, rule options and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import provenance as pv
from provenance import validation
from provenance.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "oan-2025-06-11-kosovo-deportees.json"
CORPUS = ROOT / "examples" / "corpus"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["audit", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_output_validates_against_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(SEED), "--format", "json")
    data = json.loads(out)
    assert validation.schema_problems(data, "audit-report") == ()
    assert data["corpus"]["claims"] == 17
    assert code == 0  # the seed has warnings and infos, no errors


def test_fail_on_thresholds(capsys: pytest.CaptureFixture[str]) -> None:
    # The seed's worst findings are warnings.
    assert run(capsys, str(SEED), "--fail-on", "error")[0] == 0
    assert run(capsys, str(SEED), "--fail-on", "warning")[0] == 1
    assert run(capsys, str(SEED), "--fail-on", "info")[0] == 1
    assert run(capsys, str(SEED), "--fail-on", "warning", "--rules", "PV103")[0] == 0
    # The example corpus holds circular reporting, an error.
    assert run(capsys, str(CORPUS))[0] == 1
    assert run(capsys, str(CORPUS), "--disable", "PV107")[0] == 0
    assert run(capsys, str(CORPUS), "--fail-on", "never")[0] == 0
    assert run(capsys, str(CORPUS), "--severity", "PV108=error", "--disable", "PV107")[0] == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, str(tmp_path / "missing.json"))
    assert (code, out) == (2, "")
    assert "no such file or folder" in err
    code, _, err = run(capsys, str(SEED), "--rules", "PV999")
    assert code == 2 and "PV999" in err
    code, _, err = run(capsys, str(SEED), "--severity", "PV101:loud")
    assert code == 2 and "CODE=LEVEL" in err
    assert run(capsys, str(SEED), "--fail-on", "sometimes")[0] == 2
    aliases = tmp_path / "aliases.json"
    aliases.write_text("[1, 2]", encoding="utf-8")
    code, _, err = run(capsys, str(SEED), "--aliases", str(aliases))
    assert code == 2 and "JSON object" in err


def test_json_lines_with_a_bad_line_is_audited_and_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = tmp_path / "records.jsonl"
    lines.write_text(pv.dumps(pv.load(SEED)) + "\n{broken\n", encoding="utf-8")
    code, out, err = run(capsys, str(lines), "--format", "json", "--fail-on", "error")
    data = json.loads(out)
    assert data["corpus"]["documents"] == 1
    assert [e["location"] for e in data["corpus"]["input_errors"]] == [f"{lines}:2"]
    assert code == 1
    assert err == ""  # no progress when stderr is not a terminal


def test_text_output_and_aliases(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, str(CORPUS), "--fail-on", "never")
    assert code == 0
    assert "circular reporting (mayor-resignation)" in out
    assert "reopening: corroborated (stored: attributed)" in out
    # Declaring the two bridge origins one source removes the corroboration.
    aliases = tmp_path / "aliases.json"
    aliases.write_text(json.dumps({"Ana Ortiz": "Eastbay Transit Agency"}), encoding="utf-8")
    _, out, _ = run(capsys, str(CORPUS), "--fail-on", "never", "--aliases", str(aliases))
    assert "reopening: attributed" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal() -> None:
    from provenance.cli.audit import _Progress

    terminal = _Terminal()
    shown = _Progress(terminal)
    shown.loaded(100)
    shown.audited(17, 17)
    shown.close()
    assert "loaded 100 documents" in terminal.getvalue()
    assert "audited 17/17 claims" in terminal.getvalue()
    pipe = io.StringIO()
    hidden = _Progress(pipe)
    hidden.loaded(100)
    hidden.audited(17, 17)
    hidden.close()
    assert pipe.getvalue() == ""
