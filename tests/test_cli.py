"""The ``provenance validate`` and ``provenance schema`` commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import provenance as pv
from provenance.cli import main

TEXT = (
    '"We welcome cooperation," a State Department spokesperson told Fox News, '
    "according to Fox News. Kosovo is bordered by Albania."
)


def document() -> pv.Document:
    builder = pv.builder.DocumentBuilder(
        id="cli-example",
        text=TEXT,
        publisher=pv.Source("oan", pv.SourceKind.PUBLICATION, name="One America News"),
    )
    builder.add_source(pv.Source("fox", pv.SourceKind.PUBLICATION, name="Fox News"))
    builder.add_source(
        pv.Source(
            "spokesperson",
            pv.SourceKind.UNNAMED_INDIVIDUAL,
            descriptor="a State Department spokesperson",
        )
    )
    builder.claim(
        "welcome",
        "We welcome cooperation",
        attribution=[
            pv.Hop("fox", pv.AttributionMode.ACCORDING_TO, cue=pv.Excerpt("according to")),
            pv.Hop(
                "spokesperson",
                pv.AttributionMode.DIRECT_QUOTE,
                quote="We welcome cooperation",
                mention=pv.Excerpt("a State Department spokesperson"),
                recipient="Fox News",
            ),
        ],
    )
    builder.claim("border", "Kosovo is bordered by Albania")
    return builder.build()


def record() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(pv.dumps(document()))
    return data


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_a_valid_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "good.json", record())
    code, out, err = run(capsys, "validate", str(path))
    assert code == 0
    assert f"{path}: valid (cli-example)" in out
    assert "1 valid, 0 invalid" in err


def test_an_unknown_hop_mode_exits_1_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = record()
    data["claims"][0]["attribution"][1]["mode"] = "whispered"
    code, out, _err = run(capsys, "validate", str(write(tmp_path / "bad.json", data)))
    assert code == 1
    assert "$.claims[0].attribution[1].mode" in out
    assert "whispered" in out


def test_a_span_off_its_words_exits_1_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = record()
    span = data["claims"][1]["span"]
    data["claims"][1]["span"] = {"start": span["start"] - 3, "end": span["end"] - 3}
    code, out, _err = run(capsys, "validate", str(write(tmp_path / "bad.json", data)))
    assert code == 1
    assert "$.claims[1].span" in out


def test_a_hop_naming_a_missing_source_exits_1_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = record()
    data["claims"][0]["attribution"][0]["source"] = "reuters"
    code, out, _err = run(capsys, "validate", str(write(tmp_path / "bad.json", data)))
    assert code == 1
    assert "$.claims[0].attribution[0].source" in out
    assert "reuters" in out


def test_a_file_that_is_not_json_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.json"
    path.write_text("Kosovo agreed, according to reports.\n", encoding="utf-8")
    code, out, _err = run(capsys, "validate", str(path))
    assert code == 1
    assert f"{path}: not JSON" in out


def test_a_missing_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.json"
    code, out, err = run(capsys, "validate", str(missing))
    assert code == 2
    assert str(missing) in err
    assert out == ""


def test_json_output_lists_problems_with_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path / "good.json", record())
    data = record()
    data["claims"][0]["attribution"][1]["mode"] = "whispered"
    del data["claims"][1]["status"]
    bad = write(tmp_path / "bad.json", data)
    code, out, _err = run(capsys, "validate", "--format", "json", str(good), str(bad))
    assert code == 1
    report = json.loads(out)
    assert report["valid"] is False
    assert (report["records"], report["invalid"]) == (2, 1)
    first, second = report["results"]
    assert first["valid"] is True and first["id"] == "cli-example"
    assert second["valid"] is False and second["file"] == str(bad)
    assert [problem["path"] for problem in second["problems"]] == [
        "$.claims[0].attribution[1].mode",
        "$.claims[1].status",
    ]


def test_json_lines_with_one_bad_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = pv.dumps(document())
    broken = record()
    broken["claims"][0]["attribution"][0]["source"] = "reuters"
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join([good, json.dumps(broken, ensure_ascii=False), good, "{oops"]) + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1
    assert out.count(f"{path}: valid (cli-example)") == 2
    assert f"{path}:2: invalid" in out
    assert "$.claims[0].attribution[0].source" in out
    assert f"{path}:4: not JSON" in out
    assert "2 valid, 2 invalid" in err


def test_json_lines_json_output_names_the_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = pv.dumps(document())
    path = tmp_path / "batch.ndjson"
    path.write_text(f"{good}\n[1, 2]\n", encoding="utf-8")
    code, out, _err = run(capsys, "validate", "--format", "json", str(path))
    assert code == 1
    results = json.loads(out)["results"]
    assert [result["valid"] for result in results] == [True, False]
    assert results[1]["line"] == 2
    assert results[1]["problems"][0]["path"] == "$"


def test_schema_prints_the_document_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "schema")
    assert code == 0
    assert json.loads(out)["$id"] == pv.SCHEMA_ID


def test_schema_prints_a_named_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "schema", "hop")
    assert code == 0
    assert json.loads(out)["title"] == "Hop"


def test_schema_list_names_every_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "schema", "--list")
    assert code == 0
    names = [line.split("\t")[0] for line in out.splitlines()]
    assert "document" in names and "vocabulary" in names
    assert f"document\t{pv.SCHEMA_ID}" in out.splitlines()


def test_an_unknown_schema_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "schema", "article")
    assert code == 2
    assert "'article'" in err
    assert out == ""


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys)
    assert code == 2
    assert "usage" in err


def test_python_dash_m_provenance_validates(tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", record())
    data = record()
    data["claims"][0]["attribution"][1]["mode"] = "whispered"
    bad = write(tmp_path / "bad.json", data)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "provenance", "validate", str(good), str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    assert f"{good}: valid (cli-example)" in result.stdout
    assert "$.claims[0].attribution[1].mode" in result.stdout
    assert "Traceback" not in result.stderr


def test_help_lists_every_command_and_imports_none_of_their_modules() -> None:
    import subprocess
    import sys

    from provenance import cli

    probe = (
        "import sys, contextlib, io\n"
        "from provenance.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    main(['--help'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('provenance') or m == 'attr'))\n"
        "print(out.getvalue())\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    loaded, _, help_text = shown.partition("\n")
    assert loaded == "['provenance', 'provenance._version', 'provenance.cli']"
    for name in cli._COMMANDS:
        assert f"    {name} " in help_text


def test_every_command_module_registers_the_command_the_table_names() -> None:
    import argparse
    import importlib

    from provenance import cli

    for name, (module, line) in cli._COMMANDS.items():
        parser = argparse.ArgumentParser()
        subparsers = parser.add_subparsers()
        importlib.import_module(module).register(cli._Subcommands(subparsers))
        assert list(subparsers.choices) == [name]
        (action,) = subparsers._choices_actions
        assert action.help == line
