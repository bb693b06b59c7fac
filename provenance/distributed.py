"""Corpora beyond one machine: the corpus pipeline on a Dask cluster the user brings.

The steps are those of :mod:`provenance.pipeline`, spread over partitions
(one or a few input files each) instead of one process:

=========  ==============================================  ===================
step       what runs                                       where
=========  ==============================================  ===================
load       :func:`provenance.codec.load_corpus` on the     map, per partition
           partition's files (or, for remote files, the
           codec's own readers), drafting text with the
           extractor where the input is text
edges      each document without its article text          map, per partition
           (sources, claims, chains: what the corpus
           analysis reads)
decide     :func:`provenance.pipeline.decide` over the     one reduce task
           edge records of every partition, then
           :meth:`~provenance.corpus.CorpusAnalysis.part`
           for each partition
report     :func:`provenance.pipeline.report` on the       map, per partition
           partition's full documents and its part of
           the analysis
summary    counts added up, loops and amplifications       the client
           from the reduce
=========  ==============================================  ===================

Article texts never leave their partition's worker; the reduce holds the
documents without their texts (claims, sources and chains), so the memory of a
worker follows its partition plus those records, not the corpus. The report
is the in-process report exactly: same documents in the same order (files in
the order :func:`provenance.codec.load_corpus` reads them, partitions in that
order), same groups, origins, findings, statuses and counts.

Inputs are files and folders, local or any fsspec URL (``s3://``, ``gs://``,
``https://`` read-only, ...): many files are many partitions. Outputs
(:func:`audit_to_folder`, :func:`extract_to_folder`) are partitioned JSON
Lines plus one summary, :data:`SUMMARY_NAME`, each file written whole or not
at all (:mod:`provenance.output`). The summary's name has no record ending, so
an output folder can be given straight back as input (drafts to ``align`` or
``audit``). Output folders are local (or a file system the workers share).

Needs the ``dask`` extra (``pip install 'claim-provenance[dask]'``). The
distributed engine is explained in ``docs/explanation/distributed.md``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs

from provenance.audit import AuditConfig
from provenance.audit_record import AuditRecord, DocumentAudit
from provenance.codec import LINE_SUFFIXES, RECORD_SUFFIXES
from provenance.corpus import Corpus, CorpusAnalysis, LoadError
from provenance.edge_records import DocumentEdges, document_edges
from provenance.errors import MissingDependency, ProvenanceError
from provenance.manifest import Article
from provenance.model import Document

if TYPE_CHECKING:
    from distributed import Client

    # Imported whole so the annotation names the one documented entry: Sphinx reads these
    # signatures as strings, and the short name has two (the package re-exports it).
    import provenance.learning
    from provenance.resolution import Resolver

__all__ = [
    "SUMMARY_NAME",
    "TEXT_SUFFIXES",
    "AlignSummary",
    "ExtractSummary",
    "align_to_folder",
    "audit",
    "audit_partitions",
    "audit_to_folder",
    "client_for",
    "extract_to_folder",
    "load_partition",
    "merge_reports",
    "partitions",
]

_PathLike = str | os.PathLike[str]

TEXT_SUFFIXES = (".txt",)
"""File endings read as article text, to be drafted by the extractor."""

SUMMARY_NAME = "_summary"
"""The summary file of an output folder (JSON; named so that no loader reads it as records)."""

_EXTRA = "dask"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _require() -> None:
    """Raise a clear error when the ``dask`` extra is not installed."""
    try:
        import distributed  # noqa: F401
        import fsspec  # noqa: F401
    except ImportError as error:
        raise MissingDependency(
            f"distributed runs need the '{_EXTRA}' extra ({error.name} is missing): "
            f"pip install 'claim-provenance[{_EXTRA}]'",
            expected="dask[distributed] and fsspec",
            found=f"no {error.name}",
        ) from None


def _is_url(name: str) -> bool:
    return bool(_URL.match(name))


def _wanted(name: str, suffixes: Sequence[str]) -> bool:
    return os.path.splitext(name)[1].lower() in suffixes


def _files(given: str, suffixes: Sequence[str]) -> list[str]:
    """List the files of ``given`` in the order the in-process loader reads them."""
    if _is_url(given):
        import fsspec

        fs, root = fsspec.core.url_to_fs(given)
        if fs.isdir(root):
            found = sorted(str(f) for f in fs.find(root) if _wanted(str(f), suffixes))
            return [fs.unstrip_protocol(f) for f in found]
        return [given]
    path = Path(given)
    if path.is_dir():
        # The same listing as provenance.codec.load_corpus: sorted paths, by ending.
        return [
            str(entry)
            for entry in sorted(path.rglob("*"))
            if entry.is_file() and entry.suffix.lower() in suffixes
        ]
    return [str(path)]


def partitions(
    paths: Iterable[_PathLike],
    *,
    files_per_partition: int = 1,
    suffixes: Sequence[str] = RECORD_SUFFIXES + LINE_SUFFIXES,
) -> list[tuple[str, ...]]:
    """Cut the files under ``paths`` into partitions, in reading order.

    Folders (local or fsspec URLs) are searched recursively for files with
    ``suffixes``; a path given by name is taken whatever its ending (a missing
    one is kept, so its load reports it). Consecutive files are grouped
    ``files_per_partition`` at a time.
    """
    if files_per_partition < 1:
        raise ProvenanceError(
            "files_per_partition must be at least 1",
            expected="an integer >= 1",
            found=str(files_per_partition),
        )
    files = [name for given in paths for name in _files(os.fspath(given), suffixes)]
    return [
        tuple(files[i : i + files_per_partition]) for i in range(0, len(files), files_per_partition)
    ]


def _read_bytes(name: str) -> bytes:
    if _is_url(name):
        import fsspec

        with fsspec.open(name, "rb") as handle:
            data: bytes = handle.read()
            return data
    return Path(name).read_bytes()


def _load_remote(
    name: str, documents: list[Document], locations: list[str | None], errors: list[LoadError]
) -> None:
    """Read one remote record file the way load_corpus reads a local one (same locations)."""
    from provenance import codec

    try:
        data = _read_bytes(name)
    except OSError as error:
        errors.append(LoadError(name, f"cannot read the file: {error}"))
        return
    if not _wanted(name, LINE_SUFFIXES):
        try:
            documents.append(codec.loads(data, location=name))
            locations.append(name)
        except ProvenanceError as error:
            errors.append(LoadError(name, error.message))
        return
    handle = io.BytesIO(data)
    handle.name = name  # type: ignore[attr-defined,unused-ignore]  # lines are named after it

    def skipped(error: codec.LineError) -> None:
        errors.append(LoadError(f"{name}:{error.line}", error.error.message))

    for number, document in enumerate(codec.iter_jsonl(handle, on_error=skipped), start=1):
        documents.append(document)
        locations.append(f"{name}#{number}")


def _draft(name: str, extractor: Any, article: Article | None) -> Document:
    from provenance.drafting import draft_article

    return draft_article(extractor, _read_bytes(name), name, article)


class _DraftPlan:
    """How the workers draft: publisher, lexicon or model, resolver.

    Scattered to every worker once (a model file is megabytes); each worker
    builds its extractor from it at its first task and keeps it for the next
    ones. The extractor itself is never pickled.
    """

    def __init__(
        self,
        publisher: str | None,
        lexicon: Any,
        model: Any,
        resolver: Resolver | None,
    ) -> None:
        self.publisher = publisher
        self.lexicon = lexicon
        self.model = model
        self.resolver = resolver
        self._extractor: Any = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_extractor"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def extractor(self) -> Any:
        """Return the extractor of this worker, built at first use."""
        if self._extractor is None:
            if self.model is not None:
                from provenance.learning import LearnedExtractor

                self._extractor = LearnedExtractor(self.model)
            else:
                from provenance.extraction import Extractor

                self._extractor = (
                    Extractor(self.lexicon) if self.lexicon is not None else Extractor()
                )
        return self._extractor

    def draft(self, name: str, row: Article | None) -> Document:
        """Draft one article file, with its manifest row (blanks filled from the publisher)."""
        if row is None:
            row = Article(file=os.path.basename(name), publisher=self.publisher)
        elif row.publisher is None and self.publisher:
            row = attrs.evolve(row, publisher=self.publisher)
        document = _draft(name, self.extractor(), row)
        if self.resolver is not None:
            from provenance.resolution import resolve_document

            document = resolve_document(document, self.resolver)
        return document


def load_partition(
    files: Sequence[str], *, extractor: Any = None, publisher: str | None = None
) -> Corpus:
    """Step load for one partition: its files as a :class:`~provenance.corpus.Corpus`.

    Local record files go through :func:`provenance.codec.load_corpus`, so
    locations and errors read exactly as in an in-process load. Files ending
    in :data:`TEXT_SUFFIXES` are drafted with ``extractor`` (a
    :class:`provenance.extraction.Extractor`, made with the default lexicon
    when ``None``). Bad input becomes a load error; nothing is raised.
    """
    from provenance.codec import load_corpus

    documents: list[Document] = []
    locations: list[str | None] = []
    errors: list[LoadError] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            loaded = load_corpus(run)
            documents.extend(loaded.documents)
            locations.extend(loaded.locations)
            errors.extend(loaded.errors)
            run.clear()

    for name in files:
        if _wanted(name, TEXT_SUFFIXES):
            flush()
            if extractor is None:
                from provenance.extraction import Extractor

                extractor = Extractor()
            try:
                article = Article(file=os.path.basename(name), publisher=publisher)
                documents.append(_draft(name, extractor, article))
                locations.append(name)
            except (ProvenanceError, OSError) as error:
                message = error.message if isinstance(error, ProvenanceError) else str(error)
                errors.append(LoadError(name, message))
        elif _is_url(name):
            flush()
            _load_remote(name, documents, locations, errors)
        else:
            run.append(name)
    flush()
    return Corpus(documents, locations, errors)


_Edges = tuple[tuple[DocumentEdges, ...], tuple[LoadError, ...]]


def _align_edges(corpus: Corpus) -> tuple[tuple[Document, ...], tuple[LoadError, ...]]:
    """Step edges of ``align``: the documents without their article text, and load errors.

    The alignment reads claims (their words), never the article text, which is
    what makes most of a document's size.
    """
    return tuple(attrs.evolve(d, text=None) for d in corpus.documents), corpus.errors


def _edges(corpus: Corpus) -> _Edges:
    """Step edges of ``audit``: the documents' edge records, and the partition's load errors.

    :class:`~provenance.edge_records.DocumentEdges` hold only what the corpus
    analysis reads (ids, chains of source ids, keys, stance, true-or-false
    verdicts, what aligns and labels a source): tuples of strings and small
    integers, several times smaller and cheaper to pickle than the documents.
    """
    return tuple(document_edges(d) for d in corpus.documents), corpus.errors


def _load_edges(files: Sequence[str]) -> _Edges:
    """Map: load one partition and keep only its edge records (the documents are dropped)."""
    return _edges(load_partition(files))


def _decide(
    edges: Sequence[_Edges], config: AuditConfig
) -> tuple[list[CorpusAnalysis], AuditRecord]:
    """Reduce: analyse every partition's edge records; one part per partition.

    Also returns the report of an empty corpus under the whole analysis: the
    summary's loops, amplifications and input errors, as the audit writes them.
    The parts carry no decisions: each partition decides its own claims on
    their records (:meth:`~provenance.corpus.CorpusAnalysis.with_decisions`).
    """
    from provenance.pipeline import decide_edges, report

    analysis = decide_edges([document for part, _ in edges for document in part], config)
    parts = []
    start = 0
    for part, _ in edges:
        parts.append(analysis.part(start, start + len(part)))
        start += len(part)
    errors = [error for _, part_errors in edges for error in part_errors]
    summary = report(Corpus((), (), errors), analysis, config)
    return parts, summary


def _report(corpus: Corpus, analysis: CorpusAnalysis, config: AuditConfig) -> AuditRecord:
    from provenance.pipeline import report

    decided = analysis.with_decisions(corpus.documents)
    return report(Corpus(corpus.documents, corpus.locations), decided, config)


def _load_report(
    files: Sequence[str], analysis: CorpusAnalysis, config: AuditConfig
) -> AuditRecord:
    """Map: read the partition again and report it with its part of the analysis.

    Reading twice (once for the edges, once here) is what keeps a worker's
    memory to one partition: no partition's documents wait in memory while the
    reduce runs. The files must not change during the audit; a partition that
    no longer has the documents the analysis was made over is refused
    (:meth:`~provenance.corpus.CorpusAnalysis.with_decisions`).
    """
    return _report(load_partition(files), analysis, config)


def merge_reports(summary: AuditRecord, parts: Iterable[AuditRecord]) -> AuditRecord:
    """Join the partitions' reports under the reduce's summary, as one in-process report.

    Documents follow partition order (a part may come without its documents,
    written out already: its counts still count); counts are added up and sorted by
    name as the audit sorts them; loops, amplifications and input errors come
    from ``summary``.
    """
    documents: list[DocumentAudit] = []
    claims = count = 0
    status: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    severity: Counter[str] = Counter()
    for part in parts:
        documents.extend(part.documents)
        _add(part, status, rules, severity)
        claims += part.corpus.claims
        count += part.corpus.documents
    corpus = attrs.evolve(
        summary.corpus,
        documents=count,
        claims=claims,
        status_counts=dict(sorted(status.items())),
        rule_counts=dict(sorted(rules.items())),
        severity_counts=dict(sorted(severity.items())),
    )
    return attrs.evolve(summary, corpus=corpus, documents=tuple(documents))


def _add(
    part: AuditRecord, status: Counter[str], rules: Counter[str], severity: Counter[str]
) -> None:
    status.update(part.corpus.status_counts)
    rules.update(part.corpus.rule_counts)
    severity.update(part.corpus.severity_counts)


def _graph(
    client: Client,
    paths: Iterable[_PathLike],
    config: AuditConfig,
    files_per_partition: int,
    progress: bool,
) -> tuple[list[Any], list[Any], Any]:
    """Run load with edges and the reduce; return partitions, part analyses and the summary.

    The partitions are lists of files, read again by the report: only edge
    records wait in memory for the reduce. Waits for the reduce, then takes
    each partition's part out of its result on the worker that holds it: a
    part taken out elsewhere would copy every part there first. Callers drop
    their references to the parts once the reports are submitted, so that
    each is freed when its report is done.
    """
    import operator

    groups = partitions(paths, files_per_partition=files_per_partition)
    edges = [client.submit(_load_edges, files, pure=False) for files in groups]
    decided = client.submit(_decide, edges, config)
    _show([*edges, decided], progress)
    del edges
    from distributed import wait

    wait([decided])  # type: ignore[no-untyped-call,unused-ignore]
    if decided.status != "finished":
        decided.result()  # raises the reduce's error here; a result would come to the client
    holder = list(client.who_has([decided])[decided.key])  # type: ignore[no-untyped-call,unused-ignore]
    there = {"workers": holder, "allow_other_workers": False}
    parts = client.submit(operator.getitem, decided, 0, **there)
    analyses = [client.submit(operator.getitem, parts, i, **there) for i in range(len(groups))]
    summary = client.submit(operator.getitem, decided, 1, **there)
    return groups, analyses, summary


def _show(futures: Sequence[Any], progress: bool) -> None:
    if progress and futures:
        from distributed import progress as dask_progress

        dask_progress(list(futures))  # type: ignore[no-untyped-call,unused-ignore]


def audit(
    client: Client,
    paths: Iterable[_PathLike],
    config: AuditConfig | None = None,
    *,
    files_per_partition: int = 1,
    progress: bool = False,
) -> AuditRecord:
    """Audit the records under ``paths`` on ``client``'s cluster; the in-process report exactly.

    ``progress=True`` shows Dask's own progress bar (on a terminal).
    """
    _require()
    config = config or AuditConfig()
    groups, analyses, summary = _graph(client, paths, config, files_per_partition, progress)
    reports = [
        client.submit(_load_report, files, part, config, pure=False)
        for files, part in zip(groups, analyses, strict=True)
    ]
    del analyses
    _show(reports, progress)
    return merge_reports(summary.result(), client.gather(reports))  # type: ignore[no-untyped-call,unused-ignore]


def audit_partitions(corpora: Sequence[Corpus], config: AuditConfig | None = None) -> AuditRecord:
    """Run the distributed audit's steps one after another, in this process.

    The same functions the cluster runs (edges per partition, the reduce, the
    report per partition, the merge), without Dask: for tests, and to see
    what a partitioning gives without a cluster.
    """
    config = config or AuditConfig()
    parts, summary = _decide([_edges(corpus) for corpus in corpora], config)
    return merge_reports(
        summary,
        (_report(corpus, part, config) for corpus, part in zip(corpora, parts, strict=True)),
    )


def _part_name(kind: str, index: int) -> str:
    return f"{kind}-{index:05d}.jsonl"


def _write_audit_part(
    files: Sequence[str], analysis: CorpusAnalysis, config: AuditConfig, target: str
) -> AuditRecord:
    """Report one partition, write its documents' audits as JSON Lines; return only counts."""
    from provenance.codec import audit_to_data
    from provenance.output import write_whole

    record = _load_report(files, analysis, config)
    data = audit_to_data(record)
    # An empty report leaves its documents out of the JSON.
    documents = data.get("documents", ())
    write_whole(target, (json.dumps(d, ensure_ascii=False) + "\n" for d in documents))
    return attrs.evolve(record, documents=())


def audit_to_folder(
    client: Client,
    paths: Iterable[_PathLike],
    output: _PathLike,
    config: AuditConfig | None = None,
    *,
    files_per_partition: int = 1,
    progress: bool = False,
) -> AuditRecord:
    """Audit on the cluster; write ``documents-NNNNN.jsonl`` per partition and the summary.

    Each line of a part file is one document's audit (the ``documents``
    entries of the JSON report); :data:`SUMMARY_NAME` is the JSON report without
    documents, with the corpus-wide counts. Workers write their own parts, so
    the client never holds the documents. Returns the summary.
    """
    _require()
    from provenance.codec import dumps_audit
    from provenance.output import write_whole

    config = config or AuditConfig()
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    groups, analyses, summary = _graph(client, paths, config, files_per_partition, progress)
    written = [
        client.submit(
            _write_audit_part,
            files,
            part,
            config,
            str(folder / _part_name("documents", i)),
            pure=False,
        )
        for i, (files, part) in enumerate(zip(groups, analyses, strict=True))
    ]
    del analyses
    _show(written, progress)
    merged = merge_reports(summary.result(), client.gather(written))  # type: ignore[no-untyped-call,unused-ignore]
    write_whole(folder / SUMMARY_NAME, dumps_audit(merged, indent=2) + "\n")
    return merged


@attrs.frozen
class AlignSummary:
    """What :func:`align_to_folder` found and wrote."""

    documents: int
    """Documents aligned."""
    claims: int
    """Claims in them."""
    groups: int
    """Groups of the same claim found."""
    grouped: int
    """Claims in those groups."""
    proposals: tuple[Any, ...]
    """Every proposal kept (:class:`provenance.alignment.Proposal`), in reference order."""
    skipped: tuple[str, ...] = ()
    """What the alignment left out and why."""
    errors: tuple[LoadError, ...] = ()
    """Inputs that could not be loaded."""
    parts: tuple[str, ...] = ()
    """The part files written, in order."""
    unmatched: tuple[str, ...] = ()
    """Names given in ``articles`` that no article file has, in sorted order."""


def _align_reduce(
    edges: Sequence[tuple[tuple[Document, ...], tuple[LoadError, ...]]],
    config: Any,
    decisions: Sequence[Any],
) -> tuple[list[tuple[Any, ...]], AlignSummary]:
    """Reduce: align the edge records of every partition; split the assignments by partition.

    :func:`provenance.alignment.align` reads claims, never the article text, so
    it gives over the edge records what it gives over the documents.
    """
    from provenance.alignment import align

    documents = [document for part, _ in edges for document in part]
    found = align(documents, config, decisions=decisions)
    where: dict[str, list[int]] = {}
    for index, (part, _) in enumerate(edges):
        for document in part:
            where.setdefault(document.id, []).append(index)
    split: list[list[Any]] = [[] for _ in edges]
    for assignment in found.assignments:
        for index in sorted(set(where.get(assignment.ref.document, ()))):
            split[index].append(assignment)
    summary = AlignSummary(
        documents=len(documents),
        claims=sum(len(d.claims) for d in documents),
        groups=len(found.groups()),
        grouped=len(found.assignments),
        proposals=found.proposals,
        skipped=found.skipped,
        errors=tuple(error for _, part_errors in edges for error in part_errors),
    )
    return [tuple(part) for part in split], summary


def _write_aligned_part(corpus: Corpus, assignments: Sequence[Any], target: str) -> str:
    """Step keys for one partition: write its documents with their keys, one per line."""
    from provenance.alignment import apply_keys
    from provenance.codec import dumps
    from provenance.output import write_whole

    write_whole(target, (dumps(d) + "\n" for d in apply_keys(corpus.documents, assignments)))
    return os.path.basename(target)


def align_to_folder(
    client: Client,
    paths: Iterable[_PathLike],
    output: _PathLike,
    config: Any = None,
    *,
    decisions: Iterable[Any] = (),
    proposals: _PathLike | None = None,
    files_per_partition: int = 1,
    progress: bool = False,
) -> AlignSummary:
    """Align on the cluster; write ``aligned-NNNNN.jsonl`` per partition, proposals and summary.

    ``config`` is a :class:`provenance.alignment.AlignConfig` (the default
    one when ``None``); ``decisions`` are reviewed proposals as
    :func:`provenance.alignment.load_decisions` reads them. The folder gets
    one part file per partition (the records, keys written, in input order),
    and :data:`SUMMARY_NAME`; the proposals file (what a person reviews) goes to
    ``proposals``, by default ``OUT.proposals.jsonl`` beside the folder as
    ``provenance align`` writes it. Each file is written whole or not at
    all. The records written are those of the in-process alignment.
    """
    _require()
    import operator

    from provenance.alignment import AlignConfig, dump_proposals
    from provenance.output import write_whole

    config = config or AlignConfig()
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    groups = partitions(paths, files_per_partition=files_per_partition)
    corpora = [client.submit(load_partition, files, pure=False) for files in groups]
    edges = [client.submit(_align_edges, corpus) for corpus in corpora]
    reduced = client.submit(_align_reduce, edges, config, tuple(decisions))
    split = client.submit(operator.getitem, reduced, 0)
    written = [
        client.submit(
            _write_aligned_part,
            corpus,
            client.submit(operator.getitem, split, i),
            str(folder / _part_name("aligned", i)),
        )
        for i, corpus in enumerate(corpora)
    ]
    _show(written, progress)
    names: list[str] = client.gather(written)  # type: ignore[no-untyped-call,unused-ignore]
    reduced_summary = cast(AlignSummary, client.submit(operator.getitem, reduced, 1).result())
    summary = attrs.evolve(reduced_summary, parts=tuple(names))
    target = (
        Path(proposals)
        if proposals is not None
        else folder.with_name(folder.name + ".proposals.jsonl")
    )
    write_whole(target, dump_proposals(summary.proposals))
    data = {
        "documents": summary.documents,
        "claims": summary.claims,
        "groups": summary.groups,
        "grouped": summary.grouped,
        "proposals": len(summary.proposals),
        "skipped": list(summary.skipped),
        "errors": [{"location": e.location, "message": e.message} for e in summary.errors],
        "parts": list(summary.parts),
    }
    write_whole(folder / SUMMARY_NAME, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return summary


@attrs.frozen
class ExtractSummary:
    """What :func:`extract_to_folder` drafted."""

    files: int
    """Text files read."""
    drafted: int
    """Documents drafted."""
    claims: int
    """Claims in them."""
    words: int
    """Words of article text read (whitespace-separated)."""
    failed: tuple[LoadError, ...] = ()
    """Files that could not be drafted."""
    parts: tuple[str, ...] = ()
    """The part files written, in order."""
    unmatched: tuple[str, ...] = ()
    """Names given in ``articles`` that no article file has, in sorted order."""


def _extract_part(
    files: Sequence[str], target: str, plan: _DraftPlan, rows: dict[str, Article]
) -> ExtractSummary:
    from provenance.codec import dumps
    from provenance.output import write_whole

    documents: list[Document] = []
    failed: list[LoadError] = []
    for name in files:
        try:
            documents.append(plan.draft(name, rows.get(os.path.basename(name))))
        except (ProvenanceError, OSError) as error:
            message = error.message if isinstance(error, ProvenanceError) else str(error)
            failed.append(LoadError(name, message))
    write_whole(target, (dumps(d) + "\n" for d in documents))
    return ExtractSummary(
        files=len(files),
        drafted=len(documents),
        claims=sum(len(d.claims) for d in documents),
        words=sum(len((d.text or "").split()) for d in documents),
        failed=tuple(failed),
        parts=(os.path.basename(target),),
    )


def extract_to_folder(
    client: Client,
    paths: Iterable[_PathLike],
    output: _PathLike,
    *,
    files_per_partition: int = 64,
    publisher: str | None = None,
    lexicon: Any = None,
    model: provenance.learning.LearnedModel | None = None,
    resolver: Resolver | None = None,
    articles: Mapping[str, Article] | None = None,
    progress: bool = False,
) -> ExtractSummary:
    """Draft every article file under ``paths`` on the cluster into ``part-NNNNN.jsonl`` files.

    Article files are those :data:`provenance.drafting.ARTICLE_SUFFIXES`
    names: plain text and saved web pages, drafted as ``provenance extract``
    drafts them in one process (:func:`provenance.drafting.draft_article`).
    ``model`` (a :class:`~provenance.learning.LearnedModel`) drafts with the
    rules plus the model instead of the rules with ``lexicon``; ``resolver``
    resolves each draft's source names (as ``extract --resolve``);
    ``articles`` maps a file's name (without folders) to what is known of
    it (a manifest's rows), its blank publisher filled from ``publisher``.

    One part file per partition of ``files_per_partition`` files, one record
    per line, in file order; then :data:`SUMMARY_NAME` (counts and the files
    that failed). Each file is written whole or not at all.
    """
    _require()
    from provenance.drafting import ARTICLE_SUFFIXES
    from provenance.output import write_whole

    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    groups = partitions(paths, files_per_partition=files_per_partition, suffixes=ARTICLE_SUFFIXES)
    known = dict(articles or {})
    # The plan travels to each worker once, not once per task. Its key is random: a key
    # hashed from the plan is the same for two runs with the same settings, and the
    # scheduler could forget the second run's plan while it released the first's ("lost
    # dependencies", seen about once in thirty back-to-back runs).
    plan = client.scatter(  # type: ignore[no-untyped-call,unused-ignore]
        _DraftPlan(publisher, lexicon, model, resolver), broadcast=True, hash=False
    )
    done = [
        client.submit(
            _extract_part,
            files,
            str(folder / _part_name("part", i)),
            plan,
            {
                os.path.basename(f): known[os.path.basename(f)]
                for f in files
                if os.path.basename(f) in known
            },
            pure=False,
        )
        for i, files in enumerate(groups)
    ]
    _show(done, progress)
    results: list[ExtractSummary] = client.gather(done)  # type: ignore[no-untyped-call,unused-ignore]
    total = ExtractSummary(
        files=sum(r.files for r in results),
        drafted=sum(r.drafted for r in results),
        claims=sum(r.claims for r in results),
        words=sum(r.words for r in results),
        failed=tuple(e for r in results for e in r.failed),
        parts=tuple(p for r in results for p in r.parts),
        unmatched=tuple(sorted(set(known) - {os.path.basename(f) for g in groups for f in g})),
    )
    data = {
        "files": total.files,
        "drafted": total.drafted,
        "claims": total.claims,
        "words": total.words,
        "failed": [{"location": e.location, "message": e.message} for e in total.failed],
        "parts": list(total.parts),
        "unmatched": list(total.unmatched),
    }
    write_whole(folder / SUMMARY_NAME, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return total


@contextlib.contextmanager
def client_for(scheduler: str, *, workers: int | None = None) -> Iterator[Client]:
    """Yield a Dask client for ``scheduler``: ``processes``, ``threads`` or an address.

    ``processes`` and ``threads`` start a local cluster (``workers`` workers,
    one thread each for processes; by default one per core) and stop it on
    exit; an address (``tcp://host:8786``) connects to a running scheduler.
    """
    _require()
    from distributed import Client, LocalCluster

    if scheduler in ("processes", "threads"):
        processes = scheduler == "processes"
        cluster = LocalCluster(  # type: ignore[no-untyped-call,unused-ignore]
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=":0",
        )
        try:
            with Client(cluster) as client:  # type: ignore[no-untyped-call,unused-ignore]
                yield client
        finally:
            cluster.close()
    else:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call,unused-ignore]
            yield client
