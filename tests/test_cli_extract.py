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


def test_one_file_carries_the_metadata_given(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "story.json"
    args = ["extract", str(article), "-o", str(out), "--publisher", "Daily", "--id", "daily-1"]
    args += ["--url", "https://daily.example/1", "--title", "Officials meet"]
    assert main([*args, "--published", "2025-04-07"]) == 0
    document = codec.load(out)
    assert (document.id, document.url, document.title) == (
        "daily-1",
        "https://daily.example/1",
        "Officials meet",
    )
    assert document.published == "2025-04-07"
    assert document.source(document.publisher).name == "Daily"


def test_a_bad_date_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "story.json"
    assert main(["extract", str(article), "-o", str(out), "--published", "7 April"]) == 1
    assert "7 April" in capsys.readouterr().err
    assert not out.exists()


def test_one_file_options_refused_for_a_folder(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    args = ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--title", "T"]
    assert main(args) == 2


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_manifest_names_each_article_and_bad_rows_do_not_stop_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    source, target = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    for name in ("a", "b", "c"):
        (source / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    rows = [
        {
            "file": "a.txt",
            "publisher": "Voice of America",
            "url": "https://voa.example/a",
            "title": "Story A",
            "published": "2025-06-11",
        },
        {"file": "b.txt", "publisher": "Reuters", "published": "yesterday"},
        {"file": "missing.txt", "publisher": "Nobody"},
    ]
    manifest = tmp_path / f"manifest.{fmt}"
    if fmt == "jsonl":
        manifest.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        header = "file,publisher,url,title,published\n"
        lines = [",".join(r.get(f, "") for f in header.strip().split(",")) for r in rows]
        manifest.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    code = main(["extract", str(source), "-o", str(target), "--manifest", str(manifest)])
    err = capsys.readouterr().err
    assert code == 1
    first = 1 if fmt == "jsonl" else 2  # a CSV's first line is its header
    assert f"{manifest}:{first + 1}" in err and "yesterday" in err  # the bad date, located
    assert f"{manifest}:{first + 2}" in err and "missing.txt" in err  # the unknown row
    a = codec.load(target / "a.json")
    assert (a.source(a.publisher).name, a.url, a.title, a.published) == (
        "Voice of America",
        "https://voa.example/a",
        "Story A",
        "2025-06-11",
    )
    # b's row is refused (bad date): b is drafted without it; c has no row.
    assert codec.load(target / "b.json").published is None
    assert codec.load(target / "c.json").source(codec.load(target / "c.json").publisher).kind == (
        "author"
    )


def test_the_report_index_names_each_article_of_a_manifest(tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    source, drafts, site = tmp_path / "in", tmp_path / "drafts", tmp_path / "site"
    source.mkdir()
    rows = [("a", "Voice of America", "Kosovo agrees"), ("b", "Reuters", "Kosovo takes deportees")]
    for name, _, _ in rows:
        (source / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(
        "".join(
            json.dumps({"file": f"{n}.txt", "publisher": p, "title": t}) + "\n" for n, p, t in rows
        ),
        encoding="utf-8",
    )
    assert main(["extract", str(source), "-o", str(drafts), "--manifest", str(manifest)]) == 0
    main(["report", str(drafts), "-o", str(site)])
    index = (site / "index.html").read_text(encoding="utf-8")
    for _, publisher, title in rows:
        assert publisher in index and title in index


def test_resolve_writes_wikidata_ids_and_who_speaks_for_whom(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "story.txt"
    article.write_text(
        '"These questions are hanging in the air," Kremlin spokesman Dmitry Peskov told '
        "reporters, according to Reuters.\n",
        encoding="utf-8",
    )
    out = tmp_path / "story.json"
    assert main(["extract", str(article), "-o", str(out), "--resolve"]) == 0
    document = codec.load(out)
    by_name = {s.name: s for s in document.sources if s.name}
    assert by_name["Reuters"].same_as == ("http://www.wikidata.org/entity/Q130879",)
    (peskov,) = [s for s in document.sources if s.name and "Peskov" in s.name]
    assert peskov.affiliation is not None
    assert document.source(peskov.affiliation).name == "Russia"
    bad = ["extract", str(article), "--resolve", "--gazetteer", str(tmp_path / "none.json")]
    assert main(bad) == 2
    assert "bad --gazetteer" in capsys.readouterr().err
