from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance import codec
from provenance.cli import main

ARTICLE = (
    "Officials met on Monday.\n"
    '"We will act," the mayor said in a statement, according to Reuters.\n'
    "The vote is expected to pass.\n"
)


def test_extract_one_file_as_json_validates(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "story.json"
    assert main(["extract", str(article), "-o", str(out), "--publisher", "Daily"]) == 0
    document = codec.load(out)
    assert document.id == "story"
    assert any(len(claim.attribution) == 2 for claim in document.claims)


def test_extract_brat_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(article), "--format", "brat"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("E") and "Attribution:" in line for line in lines)
    assert any("\tCue " in line and line.endswith("said in a statement") for line in lines)


def test_a_folder_batch_reports_bad_files_and_keeps_going(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (source / "empty.txt").write_text("", encoding="utf-8")
    (source / "junk.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    (source / "latin.txt").write_bytes("caf\xe9 said so.".encode("latin-1"))
    assert main(["extract", str(source), "-o", str(target), "--format", "brat"]) == 1
    err = capsys.readouterr().err
    assert "junk.txt" in err and "binary" in err
    assert "latin.txt" in err and "UTF-8" in err
    assert sorted(p.name for p in target.iterdir()) == ["empty.ann", "good.ann"]
    assert (target / "empty.ann").read_text(encoding="utf-8") == ""


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert main(["extract", str(tmp_path)]) == 2  # a folder needs --output
    assert main(["evaluate", "--gold", str(tmp_path / "no"), "--pred", str(tmp_path)]) == 2


def test_evaluate_reports_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ann = "T1\tCue 0 4\tsaid\nT2\tAttribution 0 4\tsaid\nE1\tAttribution:T2 Cue:T1\n"
    for name in ("gold", "pred"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.ann").write_text(ann, encoding="utf-8")
    code = main(
        [
            "evaluate",
            "--gold",
            str(tmp_path / "gold"),
            "--pred",
            str(tmp_path / "pred"),
            "--format",
            "json",
        ]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["scores"]["exact"]["Cue"]["f1"] == 1.0
    assert report["files"] == 1
