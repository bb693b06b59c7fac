"""The command-line matrix: every subcommand x bad arguments, odd paths, -o cases, hostile records.

Whatever the case, no traceback and a documented exit status: 0 done, 1 the
input was read and found wanting, 2 a usage or output problem. Standard
output closed, full (``/dev/full``) or cut short (a closed pipe) is one line
on standard error, status 2. Most cases run in-process; the stream cases run
the installed command in a subprocess, as a shell would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from provenance.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
RECORD = EXAMPLES / "oan-2025-06-11-kosovo-deportees.json"
ARTICLE = EXAMPLES / "oan-2025-06-11-kosovo-deportees.txt"
CLAIMREVIEW = json.dumps(
    {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://fact.example/check/1",
        "claimReviewed": "Taxes rose by half.",
        "author": {"@type": "Organization", "name": "Fact Example"},
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": "False"},
    }
)


def _hostile_records(folder: Path) -> dict[str, Path]:
    """Records a hostile user would hand in, each refused by the policy or the schema."""
    text = RECORD.read_text(encoding="utf-8")
    head = '{"extensions": {"x:v": '
    cases = {
        "surrogate": text.replace('"id": "oan', '"id": "\\ud800oan', 1),
        "huge-int": head + "9" * 5000 + "}," + text.lstrip()[1:],
        "nan": head + "NaN}," + text.lstrip()[1:],
        "deep": head + "[" * 900 + "]" * 900 + "}," + text.lstrip()[1:],
        "not-json": "{",
        "empty": "",
        "binary": "\x00\x01\x02",
    }
    paths = {}
    for name, content in cases.items():
        path = folder / f"{name}.json"
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
        paths[name] = path
    cesu = folder / "cesu.json"
    cesu.write_bytes(text.encode("utf-8").replace(b'"id": "oan', b'"id": "\xed\xa0\x80oan', 1))
    paths["cesu"] = cesu
    return paths


Case = tuple[str, Callable[[Path], list[str]], set[int]]


def _cases() -> list[Case]:
    record, article = str(RECORD), str(ARTICLE)
    cases: list[Case] = [
        ("no command", lambda _t: [], {2}),
        ("unknown command", lambda _t: ["frobnicate"], {2}),
        ("unknown option", lambda _t: ["validate", "--nope", record], {2}),
    ]
    commands: dict[str, Callable[[str], list[str]]] = {
        "validate": lambda path: ["validate", path],
        "validate-json": lambda path: ["validate", "--format", "json", path],
        "audit": lambda path: ["audit", path],
        "audit-json": lambda path: ["audit", "--format", "json", path],
        "export-prov-n": lambda path: ["export", "--to", "prov-n", path],
        "export-prov-json": lambda path: ["export", "--to", "prov-json", path],
        "export-claimreview": lambda path: ["export", "--to", "claimreview", path],
        "import": lambda path: ["import", "claimreview", path],
        "extract": lambda path: ["extract", path],
        "extract-brat": lambda path: ["extract", "--format", "brat", path],
        "report": lambda path: ["report", path, "-o", path + ".html"],
    }
    for name, command in commands.items():
        cases.append((f"{name} missing path", lambda t, c=command: c(str(t / "nope.json")), {2}))
        cases.append((f"{name} odd name", lambda t, c=command: c(str(t / "a\nb\udcff.json")), {2}))
    for name in ("validate", "audit", "export-prov-n", "report"):
        cases.append((f"{name} a folder", lambda t, c=commands[name]: c(str(t)), {0, 1, 2}))
    # -o cases, for every command that writes
    writers: dict[str, Callable[[str], list[str]]] = {
        "extract": lambda out: ["extract", article, "-o", out],
        "import": lambda out: ["import", "claimreview", "{cr}", "-o", out],
        "export": lambda out: ["export", "--to", "prov-n", record, "-o", out],
        "audit": lambda out: ["audit", record, "-o", out],
        "report": lambda out: ["report", record, "-o", out],
    }
    for name, writer in writers.items():
        cases.append(
            (f"{name} -o under a missing folder", lambda t, w=writer: w(str(t / "no" / "x")), {2})
        )
        cases.append(
            (f"{name} -o an existing folder", lambda t, w=writer: w(str(t / "dir")), {0, 2})
        )
        cases.append(
            (f"{name} -o an existing file", lambda t, w=writer: w(str(t / "file.json")), {0})
        )
        cases.append((f"{name} -o -", lambda _t, w=writer: w("-"), {0}))
        cases.append((f"{name} -o /dev/null", lambda _t, w=writer: w(os.devnull), {0}))
    cases.append(
        (
            "extract folder -o a file",
            lambda t: ["extract", str(t / "texts"), "-o", str(t / "file.json")],
            {2},
        )
    )
    cases.append(("extract folder -o -", lambda t: ["extract", str(t / "texts"), "-o", "-"], {2}))
    cases.append(("extract folder without -o", lambda t: ["extract", str(t / "texts")], {2}))
    cases.append(
        (
            "extract bad lexicon",
            lambda t: ["extract", article, "--lexicon", str(t / "bad.json")],
            {2},
        )
    )
    cases.append(
        (
            "evaluate gold .ann a folder",
            lambda t: ["evaluate", "--gold", str(t / "gold"), "--pred", str(t / "pred")],
            {1},
        )
    )
    cases.append(
        (
            "evaluate missing folder",
            lambda t: ["evaluate", "--gold", str(t / "nope"), "--pred", str(t)],
            {2},
        )
    )
    cases.append(("schema unknown", lambda _t: ["schema", "nope"], {2}))
    cases.append(
        ("audit bad severity", lambda _t: ["audit", record, "--severity", "PV101=loud"], {2})
    )
    cases.append(("audit unknown rule", lambda _t: ["audit", record, "--rules", "PV999"], {2}))
    cases.append(
        (
            "import bad verdict table",
            lambda t: ["import", "claimreview", "{cr}", "--verdicts", str(t / "bad.json")],
            {2},
        )
    )
    cases.append(
        (
            "import hostile claimreview",
            lambda t: ["import", "claimreview", str(t / "hostile-cr.json")],
            {1},
        )
    )
    cases.append(
        (
            "import two records to one .json",
            lambda t: ["import", "claimreview", "{cr}", "{cr}", "-o", str(t / "two.json")],
            {2},
        )
    )
    hostile = ("surrogate", "huge-int", "nan", "deep", "not-json", "empty", "binary", "cesu")
    for kind in hostile:
        for name in ("validate", "validate-json", "audit", "audit-json", "export-prov-n", "report"):
            cases.append(
                (
                    f"{name} hostile {kind}",
                    lambda t, c=commands[name], k=kind: c(str(t / "hostile" / f"{k}.json")),
                    {1},
                )
            )
        cases.append(
            (
                f"extract hostile {kind}",
                lambda t, k=kind: ["extract", str(t / "hostile" / f"{k}.json")],
                {0, 1},
            )
        )
    return cases


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "dir").mkdir()
    (tmp_path / "file.json").write_text("{}\n")
    (tmp_path / "bad.json").write_text("[1, 2\n")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(ARTICLE.read_text(encoding="utf-8"))
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.ann").mkdir()  # a gold "file" that is a folder
    (tmp_path / "pred").mkdir()
    (tmp_path / "cr.json").write_text(CLAIMREVIEW)
    (tmp_path / "hostile-cr.json").write_text(CLAIMREVIEW.replace('"url": "', '"url": "\\ud800', 1))
    (tmp_path / "hostile").mkdir()
    _hostile_records(tmp_path / "hostile")
    return tmp_path


@pytest.mark.parametrize(("name", "argv", "statuses"), _cases(), ids=[case[0] for case in _cases()])
def test_no_traceback_and_a_documented_status(
    name: str,
    argv: Callable[[Path], list[str]],
    statuses: set[int],
    workspace: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(workspace)
    arguments = [part.replace("{cr}", str(workspace / "cr.json")) for part in argv(workspace)]
    code = main(arguments)  # any exception escaping main fails the test
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert code in statuses, f"{name}: exit {code}; stderr: {captured.err[-500:]}"
    if code == 2 and name not in ("no command",):
        assert captured.err.strip(), "a usage or output problem is said on standard error"
    assert not (workspace / "-").exists(), "-o - is standard output, never a file named '-'"


# -- standard output closed, full, cut short: as a shell runs the command ---------------------


def _provenance(*argv: str, **options: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "provenance", *argv], capture_output=True, timeout=120, **options
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", str(RECORD)],
        ["audit", "--format", "json", str(RECORD)],
        ["extract", str(ARTICLE)],
    ],
    ids=["validate", "audit", "extract"],
)
def test_full_standard_output_is_one_line(argv: list[str]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "provenance", *argv],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    message = done.stderr.decode()
    assert done.returncode == 2
    assert "Traceback" not in message and "Exception ignored" not in message
    assert len(message.strip().splitlines()) == 1 and "no space left" in message


def test_closed_standard_output_is_one_line() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; os.close(1); from provenance.cli import main; "
            f"sys.exit(main(['extract', {str(ARTICLE)!r}]))",
        ],
        stderr=subprocess.PIPE,
        timeout=120,
    )
    message = done.stderr.decode()
    assert done.returncode == 2
    assert "Traceback" not in message and "Exception ignored" not in message
    assert len(message.strip().splitlines()) == 1


def test_a_closed_pipe_is_one_line() -> None:
    reader = subprocess.Popen(
        ["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL
    )
    assert reader.stdin is not None
    done = subprocess.run(
        [sys.executable, "-m", "provenance", "schema", "document"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        timeout=120,
        # a large enough output that the pipe closes before it is all written
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    reader.stdin.close()
    reader.wait()
    message = done.stderr.decode()
    assert "Traceback" not in message and "Exception ignored" not in message
    assert done.returncode in (0, 2)  # 0 when the output fit in the pipe before it closed


def test_dash_o_dev_stdout_writes_standard_output_and_keeps_the_device(tmp_path: Path) -> None:
    done = _provenance("extract", str(ARTICLE), "-o", "/dev/stdout", cwd=tmp_path)
    assert done.returncode == 0
    assert json.loads(done.stdout)["claims"]
    assert Path("/dev/stdout").is_symlink() or not Path("/dev/stdout").is_file()


def test_dash_o_dash_writes_standard_output(tmp_path: Path) -> None:
    done = _provenance("extract", str(ARTICLE), "-o", "-", cwd=tmp_path)
    assert done.returncode == 0
    assert json.loads(done.stdout)["claims"]
    assert list(tmp_path.iterdir()) == []


def test_dash_o_a_symlink_keeps_the_symlink(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("old\n")
    (tmp_path / "link.json").symlink_to("real.json")
    done = _provenance("extract", str(ARTICLE), "-o", "link.json", cwd=tmp_path)
    assert done.returncode == 0
    assert (tmp_path / "link.json").is_symlink()
    assert json.loads((tmp_path / "real.json").read_text())["claims"]


def test_report_folder_of_records_with_300_character_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One record with a 300-character id once failed the whole folder ("File name too long")."""
    pytest.importorskip("jinja2")
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    lines = [json.dumps(dict(record, id="a" * 300 + str(number))) for number in range(3)]
    (tmp_path / "long.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for _ in range(2):  # the second run swaps the folder for a new one
        assert main(["report", str(tmp_path / "long.jsonl"), "-o", str(tmp_path / "site")]) == 0
    names = sorted(path.name for path in (tmp_path / "site").iterdir())
    assert len(names) == 4 and all(len(name) <= 120 for name in names)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["long.jsonl", "site"]
