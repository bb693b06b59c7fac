"""The audit as a pipeline of plain steps: load -> align -> group -> decide -> report.

Every step is a function over an iterable of records (Documents) or of small,
frozen, picklable edge records, so that the same steps can later be spread
over a distributed engine (one partition of records per worker) without
changing what they compute. The contract each step keeps:

- **load** (map): paths -> Documents, :func:`load`.
- **items** (map): Documents -> ``ClaimItem``, :func:`provenance.alignment.claim_items`.
- **buckets** (map): ``ClaimItem`` -> ``BucketEntry``,
  :func:`provenance.alignment.bucket_entries`.
- **pairs** (shuffle by band and bucket): ``BucketEntry`` -> ``Pair``,
  :func:`provenance.alignment.pairs_from_buckets`.
- **verify** (map): ``Pair`` and its two items -> ``Proposal``,
  :func:`provenance.alignment.verify`.
- **reuse** (map, then shuffle by gram): Documents -> ``GramEntry`` -> ``Reuse``,
  :func:`provenance.reuse.gram_entries` and :func:`provenance.reuse.find_reuse`.
- **group** (reduce per connected part): ``Proposal`` -> ``Assignment``,
  :func:`provenance.alignment.group_claims`.
- **decide** (reduce per claim group): Documents, ``Assignment`` and ``Reuse`` ->
  ``CorpusAnalysis``, :func:`decide`.
- **report** (map per document): -> ``AuditRecord``, :func:`report`.

Rules every step keeps:

- **No global pairwise work.** Pairs come only from shared buckets (MinHash
  bands, word 5-grams); a crowded bucket pairs neighbours only. Grouping
  verifies the few pairs a join still needs inside one connected part.
- **Records, not state.** Inputs and outputs are Documents or frozen attrs
  records (:class:`~provenance.alignment.ClaimRef`, ``ClaimItem``,
  ``BucketEntry``, ``Pair``, ``Proposal``, ``Assignment``,
  :class:`~provenance.reuse.GramEntry`, ``Reuse``): picklable, comparable,
  with no reference to a corpus or an index position.
- **Order-free.** Claims are named by (document id, claim id), never by
  position; every step sorts what it emits by reference, so the output does
  not depend on the order inputs were given or partitions were processed.
- **Deterministic.** MinHash has a fixed seed; hashes are stable across
  processes (no use of Python's salted ``hash`` in anything emitted).
- **Partition-safe reduces.** ``group`` needs every proposal of one connected
  part of the proposal graph together (its input can be partitioned by
  connected part); ``decide`` needs every claim of one key together.

:func:`run` chains them in memory. The method is explained in
``docs/explanation/pipeline.md``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

import attrs

from provenance.alignment import AlignConfig, Alignment, Proposal, align
from provenance.audit import AuditConfig, audit_corpus
from provenance.audit_record import AuditRecord, UndisclosedReuse
from provenance.codec import load_corpus
from provenance.corpus import Corpus, CorpusAnalysis, analyze_edges
from provenance.edge_records import DocumentEdges, document_edges
from provenance.model import Document
from provenance.reuse import Reuse, ReuseConfig, copy_pairs, find_reuse

__all__ = ["AuditRun", "decide", "decide_edges", "load", "report", "run"]

_PathLike = str | os.PathLike[str]


def load(paths: Iterable[_PathLike], *, progress: Callable[[int], None] | None = None) -> Corpus:
    """Step load: read every record under ``paths``, keeping going past bad input."""
    return load_corpus(paths, progress=progress)


def decide(
    documents: Iterable[Document],
    config: AuditConfig | None = None,
    *,
    reuse: Iterable[Reuse] = (),
) -> CorpusAnalysis:
    """Step decide: group claims by key and count independent origins, copies not counted.

    ``documents`` already carry their keys (the alignment's assignments
    applied). ``reuse`` are the copy relations found; each is handed to the
    independence count as a (copy document id, original document id) pair.
    """
    documents = tuple(documents)
    edges = [document_edges(document) for document in documents]
    return decide_edges(edges, config, reuse=reuse).with_decisions(documents)


def decide_edges(
    edges: Iterable[DocumentEdges],
    config: AuditConfig | None = None,
    *,
    reuse: Iterable[Reuse] = (),
) -> CorpusAnalysis:
    """Step decide over edge records: what :func:`decide` does, but the claims' decisions.

    The analysis has the groups, origins, loops and amplifications; each
    partition then decides its own claims on their records
    (:meth:`~provenance.corpus.CorpusAnalysis.with_decisions`). This is the
    reduce of a distributed audit (:mod:`provenance.distributed`).
    """
    config = config or AuditConfig()
    return analyze_edges(
        tuple(edges),
        aliases=config.aliases,
        amplification_threshold=config.amplification_threshold,
        resolver=config.resolver,
        copies=(*config.copies, *copy_pairs(reuse)),
    )


def report(
    corpus: Corpus,
    analysis: CorpusAnalysis,
    config: AuditConfig | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> AuditRecord:
    """Step report: run the audit rules over every claim with the analysis' knowledge."""
    return audit_corpus(corpus, config, analysis=analysis, progress=progress)


class AuditRun:
    """What :func:`run` produced: the alignment, the reuse found and the report."""

    def __init__(
        self, alignment: Alignment, reuse: tuple[Reuse, ...], corpus: Corpus, report: AuditRecord
    ) -> None:
        self.alignment = alignment
        """The alignment (keyed documents and proposals)."""
        self.reuse = reuse
        """Undisclosed reuse found between documents."""
        self.corpus = corpus
        """The corpus as audited (keys written)."""
        self.report = report
        """The audit report."""


def run(
    corpus: Corpus,
    config: AuditConfig | None = None,
    *,
    align_config: AlignConfig | None = None,
    reuse_config: ReuseConfig | None = None,
    decisions: Iterable[Proposal] = (),
    progress: Callable[[int, int], None] | None = None,
) -> AuditRun:
    """Align, find reuse, decide and report, in memory, in that order."""
    alignment = align(corpus.documents, align_config, decisions=decisions)
    keyed = Corpus(alignment.documents, corpus.locations, corpus.errors)
    found = tuple(find_reuse(keyed.documents, reuse_config))
    analysis = decide(keyed.documents, config, reuse=found)
    audited = report(keyed, analysis, config, progress=progress)
    reused = tuple(
        UndisclosedReuse(r.copy, r.original, r.share, r.shared, r.grams, r.copy_share)
        for r in found
    )
    audited = attrs.evolve(audited, corpus=attrs.evolve(audited.corpus, reuse=reused))
    return AuditRun(alignment, found, keyed, audited)
