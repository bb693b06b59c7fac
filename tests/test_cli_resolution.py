"""``provenance audit`` with the gazetteer: on by default, extendable, per-document aliases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance import codec
from provenance.builder import DocumentBuilder
from provenance.cli import main
from provenance.model import Hop, Source
from provenance.vocabulary import AttributionMode, SourceKind

K = SourceKind

MENTIONS = (
    ("a", Source("s", K.NAMED_ORGANIZATION, name="the Kremlin")),
    ("b", Source("s", K.NAMED_ORGANIZATION, name="Moscow")),
    ("c", Source("s", K.NAMED_PERSON, name="Dmitry Peskov", descriptor="Kremlin spokesman")),
    ("d", Source("s", K.NAMED_ORGANIZATION, name="the ministry")),
)


def _records(folder: Path, count: int = len(MENTIONS)) -> Path:
    folder.mkdir()
    for name, source in MENTIONS[:count]:
        builder = DocumentBuilder(
            id=name, publisher=Source("pub", K.PUBLICATION, name=f"Outlet {name.upper()}")
        )
        builder.add_source(source)
        builder.claim(
            "c",
            "questions are hanging in the air",
            key="questions",
            attribution=[Hop("s", AttributionMode.PARAPHRASE)],
        )
        codec.dump(builder.build(), folder / f"{name}.json")
    return folder


def _audit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["audit", *argv, "--fail-on", "never"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_shipped_gazetteer_makes_a_government_under_three_names_one_origin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _records(tmp_path / "records", 3)
    _, out, _ = _audit(capsys, str(folder))
    assert "from one origin: Russia" in out
    _, plain, _ = _audit(capsys, str(folder), "--no-gazetteer")
    assert "from one origin" not in plain


def test_a_document_alias_resolves_a_mention_only_in_its_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _records(tmp_path / "records")
    aliases = tmp_path / "aliases.json"
    _, out, _ = _audit(capsys, str(folder))
    assert "corroborated 4" in out  # "the ministry" of d is an origin of its own
    aliases.write_text(json.dumps({"d": {"the ministry": "Russia"}}), "utf-8")
    _, out, _ = _audit(capsys, str(folder), "--document-aliases", str(aliases), "--format", "json")
    report = json.loads(out)
    findings = [
        finding["code"]
        for document in report["documents"]
        for claim in document["claims"]
        for finding in claim["findings"]
    ]
    assert findings.count("PV108") == 4  # all four documents: one origin


@pytest.mark.parametrize(
    "argv",
    [
        ("--gazetteer", "missing.json"),
        ("--document-aliases", "missing.json"),
        ("--no-gazetteer", "--gazetteer", "x.json"),
    ],
)
def test_bad_resolution_options_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    folder = _records(tmp_path / "records")
    code, _, err = _audit(
        capsys, str(folder), *(str(tmp_path / a) if a.endswith(".json") else a for a in argv)
    )
    assert code == 2 and "provenance audit:" in err and "Traceback" not in err
