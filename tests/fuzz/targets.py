"""Fuzz targets: every loader of the library, fed bytes, failing only by ``ProvenanceError``.

Each target takes ``bytes`` and hands them to one loader the way a user's file
would reach it. A target returns normally when the loader accepts the input or
refuses it with a :class:`~provenance.errors.ProvenanceError`; any other
exception is a defect and propagates. The same targets run in three ways:

- ``tests/fuzz/test_fuzz.py``: a short, deterministic run of each in the test
  suite (seeds plus structure-aware mutations);
- ``python tests/fuzz/run.py TARGET``: a long coverage-guided run with atheris;
- ``python tests/fuzz/run.py TARGET --plain N``: N structure-aware mutations without atheris.

Seeds (:func:`seeds`) come from ``examples/`` and, when present, ``../shared/corpus``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from provenance.errors import ProvenanceError

__all__ = ["TARGETS", "seeds"]

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus"

_SCRATCH: list[Path] = []
_EXTRACTORS: list[Any] = []


def _scratch() -> Path:
    """One private folder per process for targets that need files (the CLI, the corpus loader)."""
    if not _SCRATCH:
        _SCRATCH.append(Path(tempfile.mkdtemp(prefix="provenance-fuzz-")))
    return _SCRATCH[0]


def _extractor() -> Any:
    """One extractor for the whole run, as the docs ask of users: it also checks that a text
    leaves nothing behind that changes the next (a target built anew per input would not)."""
    if not _EXTRACTORS:
        from provenance.extraction import Extractor

        _EXTRACTORS.append(Extractor())
    return _EXTRACTORS[0]


def records_json(data: bytes) -> None:
    """One record, as JSON text: parse, validate, build, and write back what loaded."""
    from provenance import codec

    try:
        document = codec.loads(data, location="fuzz.json")
    except ProvenanceError:
        return
    again = codec.loads(codec.dumps(document))
    if again != document:
        raise AssertionError("a loaded record does not survive its own round trip")


def records_jsonl(data: bytes) -> None:
    """JSON Lines: every good line loads, every bad one is reported, and none stops the rest."""
    from provenance import codec

    result = codec.read_jsonl(io.BytesIO(data))
    lines = sum(1 for line in data.split(b"\n") if line.strip())
    if len(result.documents) + len(result.skipped) != lines:
        raise AssertionError("a JSON Lines line was neither loaded nor reported")


def claimreview_json(data: bytes) -> None:
    """ClaimReview JSON-LD as a JSON file; every Document it gives must dump and load again."""
    from provenance import codec
    from provenance.formats.claimreview import loads as loads_claimreview

    try:
        report = loads_claimreview(data, location="fuzz.json")
    except ProvenanceError:
        return
    _check_ids(report.documents)
    for document in report.documents:
        codec.loads(codec.dumps(document))


def claimreview_html(data: bytes) -> None:
    """ClaimReview in the JSON-LD scripts of an HTML page (two blocks of the same text)."""
    from provenance import codec
    from provenance.formats.claimreview import loads as loads_claimreview

    block = data.decode("utf-8", "surrogateescape").replace("</", "<\\/")
    page = (
        '<html><head><script type="application/ld+json">'
        + block
        + '</script></head><body><script type="application/ld+json">'
        + block
        + "</script></body></html>"
    )
    try:
        report = loads_claimreview(page, location="fuzz.html")
    except ProvenanceError:
        return
    _check_ids(report.documents)
    for document in report.documents:
        codec.loads(codec.dumps(document))


def _check_ids(documents: tuple[object, ...]) -> None:
    ids = [getattr(document, "id", None) for document in documents]
    if len(ids) != len(set(ids)):
        raise AssertionError(f"two Documents with one id: {ids}")


def brat(data: bytes) -> None:
    """A brat ``.ann`` file with the seed article's text: parse and build a Document."""
    from provenance.formats import brat as brat_format

    text = (EXAMPLES / "oan-2025-06-11-kosovo-deportees.txt").read_text(encoding="utf-8")
    try:
        annotation = brat_format.loads(data.decode("utf-8"), location="fuzz.ann")
        brat_format.read(annotation, text, document_id="fuzz")
    except (ProvenanceError, UnicodeDecodeError):
        return


def article_text(data: bytes) -> None:
    """Article text handed to the extractor (bytes decoded as a file would be)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", "surrogateescape")  # the text policy must refuse it cleanly
    try:
        _extractor().extract(text[:20_000])
    except ProvenanceError:
        return


def article_html(data: bytes) -> None:
    """A saved web page: its main text read, then drafted."""
    from provenance.webpage import read_webpage

    try:
        page = read_webpage(data[:100_000], location="fuzz.html")
        _extractor().extract(page.text[:20_000])
    except ProvenanceError:
        return


def corpus_audit(data: bytes) -> None:
    """A JSON Lines corpus on disk: load it, audit it, write the report as JSON and read it back."""
    from provenance.audit import audit_corpus
    from provenance.audit_text import render_text
    from provenance.codec import dumps_audit, load_corpus, loads_audit

    path = _scratch() / "corpus.jsonl"
    path.write_bytes(data)
    try:
        corpus = load_corpus([path])
        report = audit_corpus(corpus)
        render_text(report)
        loads_audit(dumps_audit(report))
    except ProvenanceError:
        return


_COMMANDS = (
    ("validate", ".json"),
    ("validate", ".jsonl"),
    ("audit", ".jsonl"),
    ("export --to prov-n", ".jsonl"),
    ("export --to prov-json", ".json"),
    ("export --to claimreview", ".json"),
    ("import claimreview", ".json"),
    ("import claimreview", ".html"),
    ("extract", ".txt"),
    ("extract --format brat", ".txt"),
)


def cli(data: bytes) -> None:
    """The command line: the first byte picks a subcommand, the rest is its input file."""
    from provenance.cli import main

    if not data:
        return
    command, suffix = _COMMANDS[data[0] % len(_COMMANDS)]
    path = _scratch() / f"input{suffix}"
    path.write_bytes(data[1:])
    out = io.StringIO()
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*command.split(), str(path)])
    if code not in (0, 1, 2):
        raise AssertionError(f"{command}: exit status {code}")
    if "Traceback" in err.getvalue():
        raise AssertionError(f"{command}: a traceback on standard error")


TARGETS: dict[str, Callable[[bytes], None]] = {
    "records_json": records_json,
    "records_jsonl": records_jsonl,
    "claimreview_json": claimreview_json,
    "claimreview_html": claimreview_html,
    "brat": brat,
    "article_text": article_text,
    "article_html": article_html,
    "corpus_audit": corpus_audit,
    "cli": cli,
}
"""Every fuzz target by name."""


def _files(folder: Path, pattern: str, limit: int) -> Iterator[bytes]:
    if folder.is_dir():
        for path in sorted(folder.glob(pattern))[:limit]:
            yield path.read_bytes()


def seeds(target: str) -> list[bytes]:
    """Return the seed inputs of ``target``: shipped examples, then the shared corpus if present."""
    record = (EXAMPLES / "oan-2025-06-11-kosovo-deportees.json").read_bytes()
    article = (EXAMPLES / "oan-2025-06-11-kosovo-deportees.txt").read_bytes()
    compact = json.dumps(json.loads(record), ensure_ascii=False).encode("utf-8")
    claimreviews = list(_files(CORPUS / "claimreview", "*.json", 15))
    polnear = CORPUS / "polnear" / "train"
    if target in ("records_json",):
        return [record, compact]
    if target in ("records_jsonl", "corpus_audit"):
        return [compact + b"\n" + compact + b"\n", compact + b"\n{}\n" + compact + b"\n"]
    if target in ("claimreview_json", "claimreview_html"):
        return claimreviews or [b'{"@type": "ClaimReview", "claimReviewed": "x"}']
    if target == "brat":
        from provenance.extraction import Extractor
        from provenance.formats.brat import dumps as format_ann
        from provenance.formats.brat import write as document_to_annotation

        drafted = Extractor().extract(article.decode("utf-8"))
        return [format_ann(document_to_annotation(drafted)).encode("utf-8")]
    if target == "article_text":
        return [article, *_files(polnear / "text", "*.txt", 20)]
    if target == "article_html":
        sys.path.insert(0, str(ROOT))
        from tests.fuzz.pages import news_page

        texts = [article, *_files(polnear / "text", "*.txt", 10)]
        return [news_page(text.decode("utf-8")).encode("utf-8") for text in texts]
    if target == "cli":
        return [
            bytes([index]) + (article if suffix == ".txt" else compact)
            for index, (_c, suffix) in enumerate(_COMMANDS)
        ]
    raise KeyError(target)


def cleanup() -> None:
    """Remove the scratch folder (called at the end of a run)."""
    import shutil

    for folder in _SCRATCH:
        shutil.rmtree(folder, ignore_errors=True)
    _SCRATCH.clear()
    os.environ.pop("PROVENANCE_FUZZ", None)
