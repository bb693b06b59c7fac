"""The distributed audit (provenance.distributed) gives the in-process report exactly.

The steps are checked without Dask over many generated corpora cut into
partitions at random, then on a ``distributed.LocalCluster`` with two workers
over generated corpora written as files and over ``examples/corpus/``.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_audit_properties import corpora

from provenance import codec
from provenance.audit import AuditConfig, audit_corpus
from provenance.codec import audit_to_data, load_corpus
from provenance.corpus import Corpus
from provenance.distributed import SUMMARY_NAME

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"


def test_the_core_install_imports_no_dask() -> None:
    code = (
        "import provenance, provenance.cli, provenance.audit, provenance.pipeline; import sys; "
        "assert not [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', "
        "'fsspec')], sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def _cut(corpus: Corpus, cuts: list[int]) -> list[Corpus]:
    bounds = sorted({0, len(corpus), *(c % (len(corpus) + 1) for c in cuts)})
    return [
        Corpus(corpus.documents[a:b], corpus.locations[a:b] if corpus.locations else ())
        for a, b in itertools.pairwise(bounds)
    ] or [Corpus()]


@settings(max_examples=100)  # each example audits twice; the CI profile's 400 would take minutes
@given(corpora(max_documents=6), st.lists(st.integers(0, 6), max_size=4))
def test_partitioned_steps_give_the_in_process_report(corpus: Corpus, cuts: list[int]) -> None:
    from provenance.distributed import audit_partitions

    parts = _cut(corpus, cuts)
    assert sum(len(p) for p in parts) == len(corpus)
    whole = audit_corpus(corpus)
    assert audit_partitions(parts) == whole
    assert audit_to_data(audit_partitions(parts)) == audit_to_data(whole)


def test_a_loop_across_partitions_is_found_as_in_process() -> None:
    from provenance.distributed import audit_partitions

    corpus = load_corpus([EXAMPLES])
    whole = audit_corpus(corpus)
    (loop,) = whole.corpus.loops  # the example corpus holds one, across two documents
    assert len(loop.documents) == 2
    one_each = [Corpus((d,), (corpus.location(i),)) for i, d in enumerate(corpus.documents)]
    assert audit_partitions(one_each) == whole
    flagged = [f for f in audit_partitions(one_each).findings() if f.code == "PV107"]
    assert flagged and all(f.details == loop.documents for f in flagged)


# --- on a cluster -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
    )
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def test_examples_corpus_gives_the_in_process_report(client: object) -> None:
    from provenance.distributed import audit

    whole = audit_corpus(load_corpus([EXAMPLES]))
    assert whole.corpus.claims and whole.corpus.documents > 2
    got = audit(client, [EXAMPLES])  # type: ignore[arg-type]
    assert got == whole
    assert codec.dumps_audit(got) == codec.dumps_audit(whole)


def test_partitioned_output_holds_the_report(client: object, tmp_path: Path) -> None:
    from provenance.distributed import audit_to_folder

    whole = audit_corpus(load_corpus([EXAMPLES]))
    audit_to_folder(client, [EXAMPLES], tmp_path / "out", files_per_partition=3)  # type: ignore[arg-type]
    summary = json.loads((tmp_path / "out" / SUMMARY_NAME).read_text())
    lines = [
        json.loads(line)
        for part in sorted((tmp_path / "out").glob("documents-*.jsonl"))
        for line in part.read_text().splitlines()
    ]
    expected = audit_to_data(whole)
    assert lines == expected["documents"]
    assert summary["corpus"] == expected["corpus"]
    assert not summary.get("documents")


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(corpora(max_documents=6), st.integers(1, 3))
def test_generated_corpora_on_a_cluster(client: object, corpus: Corpus, per_file: int) -> None:
    import tempfile

    from provenance.distributed import audit

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for i in range(0, len(corpus), per_file):
            codec.write_jsonl(corpus.documents[i : i + per_file], root / f"part-{i:03d}.jsonl")
        whole = audit_corpus(load_corpus([root]), AuditConfig())
        got = audit(client, [root], files_per_partition=2)  # type: ignore[arg-type]
        assert got == whole


def test_bad_lines_are_reported_in_place(client: object, tmp_path: Path) -> None:
    from provenance.distributed import audit

    good = load_corpus([EXAMPLES]).documents
    codec.write_jsonl(good[:2], tmp_path / "a.jsonl")
    (tmp_path / "b.jsonl").write_text('{"not": "a record"}\n' + codec.dumps(good[2]) + "\n")
    (tmp_path / "c.json").write_text("{broken")
    whole = audit_corpus(load_corpus([tmp_path]))
    assert len(whole.corpus.input_errors) == 2
    assert audit(client, [tmp_path]) == whole  # type: ignore[arg-type]


def test_cli_scheduler_processes_prints_the_same_report() -> None:
    pytest.importorskip("distributed")
    base = [sys.executable, "-m", "provenance", "audit", str(EXAMPLES), "--format", "json"]
    plain = subprocess.run(base, capture_output=True, text=True, cwd=ROOT)
    spread = subprocess.run(
        [*base, "--scheduler", "processes", "--workers", "2"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert spread.returncode == plain.returncode, spread.stderr
    assert json.loads(spread.stdout) == json.loads(plain.stdout)


EVENTS = ROOT / "tests" / "data" / "events" / "china-airship-2023-04-04"


def _undated(document: object) -> object:
    import attrs

    drafted = document.drafted_by  # type: ignore[attr-defined]
    return attrs.evolve(document, drafted_by=attrs.evolve(drafted, created="2000-01-01T00:00:00Z"))  # type: ignore[arg-type]


def test_extract_writes_the_in_process_drafts_as_parts(client: object, tmp_path: Path) -> None:
    from provenance.distributed import extract_to_folder
    from provenance.extraction import Extractor

    extractor = Extractor()
    texts = sorted(EVENTS.glob("*.txt"))
    expected = [
        extractor.extract(p.read_text(encoding="utf-8-sig"), document_id=f"_{p.stem}")
        for p in texts
    ]
    summary = extract_to_folder(client, [EVENTS], tmp_path / "out", files_per_partition=4)  # type: ignore[arg-type]
    assert summary.parts == ("part-00000.jsonl", "part-00001.jsonl")
    drafted = [
        codec.loads(line)
        for name in summary.parts
        for line in (tmp_path / "out" / name).read_text().splitlines()
    ]
    assert [_undated(d) for d in drafted] == [_undated(d) for d in expected]
    assert summary.claims == sum(len(d.claims) for d in expected) > 0
    assert json.loads((tmp_path / "out" / SUMMARY_NAME).read_text())["drafted"] == len(texts)


def test_a_text_that_cannot_be_read_is_reported_and_the_rest_drafted(
    client: object, tmp_path: Path
) -> None:
    from provenance.distributed import extract_to_folder

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text('"We will go," the minister said.\n')
    (tmp_path / "in" / "b.txt").write_bytes(b"\x00\x01binary")
    summary = extract_to_folder(client, [tmp_path / "in"], tmp_path / "out")  # type: ignore[arg-type]
    assert summary.drafted == 1
    assert [e.location for e in summary.failed] == [str(tmp_path / "in" / "b.txt")]
    assert "NUL" in summary.failed[0].message


def test_runs_with_the_same_settings_back_to_back_each_draft_everything(
    client: object, tmp_path: Path
) -> None:
    """Regression: the plan's key was hashed from the plan, so two runs with the same settings
    shared it and the second could lose it while the first's was released (CI, 2 December:
    "cancelled for reason: lost dependencies"; about one run in thirty back to back)."""
    from provenance.distributed import extract_to_folder

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text('"We will go," the minister said.\n')
    for run in range(40):
        summary = extract_to_folder(client, [tmp_path / "in"], tmp_path / f"out{run}")  # type: ignore[arg-type]
        assert summary.drafted == 1, run


def test_align_writes_the_in_process_alignment(client: object, tmp_path: Path) -> None:
    pytest.importorskip("datasketch")
    pytest.importorskip("rapidfuzz")
    from provenance.alignment import align, dump_proposals
    from provenance.distributed import align_to_folder

    corpus = load_corpus([EXAMPLES])
    expected = align(corpus.documents)
    summary = align_to_folder(client, [EXAMPLES], tmp_path / "out", files_per_partition=2)  # type: ignore[arg-type]
    keyed = [
        codec.loads(line)
        for name in summary.parts
        for line in (tmp_path / "out" / name).read_text().splitlines()
    ]
    assert keyed == list(expected.documents)
    assert summary.groups == len(expected.groups()) > 0
    written = (tmp_path / "out.proposals.jsonl").read_text()
    assert written == "".join(dump_proposals(expected.proposals))


def test_cli_refuses_distributed_align_and_urls_in_process(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from provenance.cli import main

    assert main(["audit", str(EXAMPLES), "--align", "--scheduler", "threads"]) == 2
    assert "not distributed yet" in capsys.readouterr().err
    assert main(["audit", "https://example.org/records.jsonl"]) == 2
    assert "need --scheduler" in capsys.readouterr().err


def test_fsspec_urls_are_read_like_local_files(client: object, tmp_path: Path) -> None:
    import fsspec

    from provenance.distributed import audit

    documents = load_corpus([EXAMPLES]).documents
    fs = fsspec.filesystem("memory")
    local = tmp_path / "local"
    local.mkdir()
    for name, chunk in (("a.jsonl", documents[:3]), ("b.jsonl", documents[3:])):
        text = "".join(codec.dumps(d) + "\n" for d in chunk)
        (local / name).write_text(text)
        with fs.open(f"/corpus/{name}", "w") as out:
            out.write(text)
    with fs.open("/corpus/c.json", "w") as out:
        out.write(codec.dumps(documents[0]))
    (local / "c.json").write_text(codec.dumps(documents[0]))
    expected = audit_corpus(load_corpus([local]))

    def url(name: str) -> str:
        found: str = fs.unstrip_protocol(f"/corpus/{name}")  # fsspec's own spelling of it
        return found

    got = audit(client, ["memory://corpus"])  # type: ignore[arg-type]
    assert [d.location for d in got.documents] == [
        *(f"{url('a.jsonl')}#{i}" for i in (1, 2, 3)),
        *(f"{url('b.jsonl')}#{i}" for i in range(1, len(documents) - 2)),
        url("c.json"),
    ]
    assert [attrs.evolve(d, location=None) for d in got.documents] == [
        attrs.evolve(d, location=None) for d in expected.documents
    ]
    assert got.corpus == expected.corpus


def test_an_output_folder_reads_back_as_input(client: object, tmp_path: Path) -> None:
    # Regression: the summary was once summary.json, which the loaders read as a bad record.
    from provenance.distributed import audit, extract_to_folder

    extract_to_folder(client, [EVENTS], tmp_path / "drafted", files_per_partition=4)  # type: ignore[arg-type]
    report = audit(client, [tmp_path / "drafted"])  # type: ignore[arg-type]
    assert not report.corpus.input_errors
    assert report == audit_corpus(load_corpus([tmp_path / "drafted"]))
    assert report.corpus.documents == len(list(EVENTS.glob("*.txt")))


def _folder_of_articles(tmp_path: Path) -> tuple[Path, Path]:
    """Three event texts, one saved web page and a manifest (one row for a missing file)."""
    folder = tmp_path / "in"
    folder.mkdir()
    texts = sorted(EVENTS.glob("*.txt"))[:3]
    for text in texts:
        (folder / text.name).write_bytes(text.read_bytes())
    if _has("trafilatura"):
        from tests.fuzz.pages import news_page

        page = news_page(
            '"We will go," the minister said on Monday, according to Reuters.',
            title="The minister will go",
            site="Example News",
            author="A. Writer",
            date="2023-04-05",
            url="https://news.example/minister",
        )
        (folder / "page.html").write_text(page, encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "file,publisher,url,title,published\n"
        f"{texts[0].name},Reuters,https://example.org/a,First,2023-04-04\n"
        f"{texts[1].name},,,Second,\n"
        "missing.txt,AP,,,\n",
        encoding="utf-8",
    )
    return folder, manifest


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def test_cli_scheduler_extract_drafts_what_the_in_process_extract_drafts(tmp_path: Path) -> None:
    """--manifest, --publisher, --resolve and saved web pages, with and without --scheduler."""
    pytest.importorskip("distributed")
    folder, manifest = _folder_of_articles(tmp_path)
    options = ["--manifest", str(manifest), "--publisher", "Wire Desk", "--resolve"]
    command = [sys.executable, "-m", "provenance", "extract", str(folder), *options]
    plain = subprocess.run(
        [*command, "-o", str(tmp_path / "one")], capture_output=True, text=True, cwd=ROOT
    )
    spread = subprocess.run(
        [*command, "-o", str(tmp_path / "many"), "--scheduler", "processes", "--workers", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    # the manifest's row for a file the folder lacks is reported by both, and the status says so
    assert plain.returncode == spread.returncode == 1, (plain.stderr, spread.stderr)
    for run in (plain, spread):
        assert "no article 'missing.txt'" in run.stderr
    expected = [
        codec.loads((tmp_path / "one" / f"{p.stem}.json").read_bytes())
        for p in sorted(folder.iterdir())
    ]
    drafted = [
        codec.loads(line)
        for part in sorted((tmp_path / "many").glob("part-*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert [_undated(d) for d in drafted] == [_undated(d) for d in expected]
    by_id = {d.id: d for d in drafted}
    first = by_id["_" + sorted(EVENTS.glob("*.txt"))[0].stem]
    assert first.url == "https://example.org/a" and first.published == "2023-04-04"
    assert first.title == "First"
    publishers = {s.name for d in drafted for s in d.sources if s.id == d.publisher}
    assert {"Reuters", "Wire Desk"} <= publishers
    if _has("trafilatura"):
        assert "page" in by_id and "webpage" in by_id["page"].extensions
    summary = json.loads((tmp_path / "many" / SUMMARY_NAME).read_text())
    assert summary["unmatched"] == ["missing.txt"]


def test_cli_scheduler_extract_one_file_takes_its_article_options(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from provenance.cli import main

    text = sorted(EVENTS.glob("*.txt"))[0]
    code = main(
        [
            "extract",
            str(text),
            "--id",
            "the-one",
            "--url",
            "https://example.org/one",
            "--published",
            "2023-04-04",
            "-o",
            str(tmp_path / "out"),
            "--scheduler",
            "threads",
        ]
    )
    assert code == 0
    (line,) = (tmp_path / "out" / "part-00000.jsonl").read_text().splitlines()
    document = codec.loads(line)
    assert (document.id, document.url, document.published) == (
        "the-one",
        "https://example.org/one",
        "2023-04-04",
    )


def test_cli_scheduler_extract_refuses_article_options_for_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")
    from provenance.cli import main

    code = main(
        ["extract", str(EVENTS), "--title", "T", "-o", str(tmp_path), "--scheduler", "threads"]
    )
    assert code == 2
    assert "--title name one article" in capsys.readouterr().err
