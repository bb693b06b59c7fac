"""``provenance import claimreview`` and ``provenance export``: outputs, reports, exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from provenance import codec
from provenance.cli import main

# prov's RDF writer calls a deprecated rdflib property; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")

CLAIMREVIEW: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checker.example/checks/1",
    "datePublished": "Wed, 11 Mar 2020 01:05:52 UTC +00:00",
    "author": {"@type": "Organization", "name": "Checker"},
    "claimReviewed": "Bananas are blue",
    "reviewRating": {"@type": "Rating", "alternateName": "Pants on Fire"},
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": "Facebook posts"},
    },
    "sdLicense": "https://creativecommons.org/licenses/by/4.0/",
}


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_import_writes_a_record_and_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(tmp_path / "cr.json", CLAIMREVIEW)
    out = tmp_path / "record.json"
    assert main(["import", "claimreview", str(source), "-o", str(out)]) == 0
    document = codec.load(out)
    assert document.claims[0].reviews[0].label == "Pants on Fire"
    assert document.claims[0].reviews[0].date == "2020-03-11T01:05:52Z"
    err = capsys.readouterr().err
    assert "1 record imported, 0 items skipped" in err
    assert "1 field kept in extensions" in err


def test_import_verbose_lists_kept_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(tmp_path / "cr.json", CLAIMREVIEW)
    assert main(["import", "claimreview", "-v", str(source)]) == 0
    captured = capsys.readouterr()
    assert "$.sdLicense: kept: not mapped" in captured.err
    (line,) = captured.out.splitlines()
    assert json.loads(line)["claims"][0]["text"] == "Bananas are blue"


def test_import_batch_keeps_going_past_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path / "good.json", CLAIMREVIEW)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    person = _write(tmp_path / "person.json", {"@type": "Person", "name": "X"})
    out = tmp_path / "all.jsonl"
    assert main(["import", "claimreview", str(bad), str(good), str(person), "-o", str(out)]) == 1
    assert len(codec.read_jsonl(out).documents) == 1
    err = capsys.readouterr().err
    assert f"{bad}: not valid JSON (line 1, column 2)" in err
    assert f"{person}: $: skipped: not a ClaimReview or MediaReview (Person)" in err
    assert "Traceback" not in err


def test_import_several_records_into_one_json_file_is_refused_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second = dict(CLAIMREVIEW, url="https://checker.example/checks/2")
    source = _write(tmp_path / "two.json", [CLAIMREVIEW, second])
    out = tmp_path / "record.json"
    out.write_text("previous content", encoding="utf-8")
    assert main(["import", "claimreview", str(source), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "previous content"
    assert "name a .jsonl output" in capsys.readouterr().err


def test_import_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "claimreview", str(tmp_path / "missing.json")]) == 2
    assert main(["import", "rss", str(tmp_path / "x.json")]) == 2
    table = _write(tmp_path / "table.json", {"rules": {"en": [["(", "false"]]}})
    source = _write(tmp_path / "cr.json", CLAIMREVIEW)
    assert main(["import", "claimreview", "--verdicts", str(table), str(source)]) == 2
    assert "not a verdict table" in capsys.readouterr().err


def test_import_with_a_user_verdict_table(tmp_path: Path) -> None:
    item = dict(CLAIMREVIEW, reviewRating={"@type": "Rating", "alternateName": "Baloney"})
    source = _write(tmp_path / "cr.json", item)
    table = _write(tmp_path / "table.json", {"rules": {"en": [["baloney", "false"]]}})
    out = tmp_path / "r.json"
    assert (
        main(["import", "claimreview", "--verdicts", str(table), str(source), "-o", str(out)]) == 0
    )
    assert codec.load(out).claims[0].reviews[0].verdict.value == "false"


def test_export_round_trip_through_the_command_line(tmp_path: Path) -> None:
    source = _write(tmp_path / "cr.json", CLAIMREVIEW)
    record = tmp_path / "record.json"
    assert main(["import", "claimreview", str(source), "-o", str(record)]) == 0
    exported = tmp_path / "exported.json"
    assert main(["export", "--to", "claimreview", str(record), "-o", str(exported)]) == 0
    (item,) = json.loads(exported.read_text(encoding="utf-8"))
    assert item == CLAIMREVIEW
    back = tmp_path / "back.json"
    assert main(["import", "claimreview", str(exported), "-o", str(back)]) == 0
    assert codec.load(back) == codec.load(record)


@pytest.mark.parametrize(
    ("target", "marker"),
    [("prov-json", '"wasDerivedFrom"'), ("prov-n", "endDocument"), ("prov-o", "prov:")],
)
def test_export_prov_formats(tmp_path: Path, target: str, marker: str) -> None:
    if target == "prov-o":
        pytest.importorskip("rdflib")
        pytest.importorskip("prov")
    source = _write(tmp_path / "cr.json", CLAIMREVIEW)
    record = tmp_path / "record.jsonl"
    assert main(["import", "claimreview", str(source), "-o", str(record)]) == 0
    out = tmp_path / "out.txt"
    assert main(["export", "--to", target, str(record), "-o", str(out)]) == 0
    assert marker in out.read_text(encoding="utf-8")


def test_export_reports_bad_input_and_writes_nothing_when_nothing_is_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": 1}', encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["export", "--to", "prov-json", str(bad), "-o", str(out)]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "invalid record" in err and "Traceback" not in err
    assert main(["export", "--to", "prov-n", "--extension", str(bad)]) == 2
    assert main(["export", "--to", "rdf", str(bad)]) == 2
