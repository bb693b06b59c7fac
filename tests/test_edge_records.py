"""Edge records: what the corpus analysis reads of a document, small enough to send to a reduce.

The analysis over edge records is the in-process analysis (``analyze_corpus``
builds them first), so the properties here are about the records themselves
and about the slices of an analysis (``CorpusAnalysis.part``) a distributed
audit hands its partitions.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_audit_properties import corpora

from provenance.codec import load_corpus
from provenance.corpus import Corpus, Occurrence, analyze_corpus, analyze_edges
from provenance.edge_records import DocumentEdges, claim_stance, document_edges
from provenance.errors import ProvenanceError

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "corpus"


@given(corpora())
def test_edge_records_come_back_equal_from_a_pickle(corpus: Corpus) -> None:
    edges = tuple(document_edges(d) for d in corpus.documents)
    assert pickle.loads(pickle.dumps(edges)) == edges
    for document, found in zip(corpus.documents, edges, strict=True):
        assert isinstance(found, DocumentEdges)
        assert [c.id for c in found.claims] == [c.id for c in document.claims]
        assert [c.chain for c in found.claims] == [
            tuple(h.source for h in c.attribution) for c in document.claims
        ]
        assert [c.stance for c in found.claims] == [claim_stance(c) for c in document.claims]


@given(corpora())
def test_edges_do_not_hold_what_the_analysis_never_reads(corpus: Corpus) -> None:
    # Texts, spans, stored statuses and reasons are no edge: changing them changes no record.
    changed = [
        attrs.evolve(
            d,
            text=None,
            claims=[
                attrs.evolve(c, text="changed", span=None, status_reasons=("changed",))
                for c in d.claims
            ],
        )
        for d in corpus.documents
    ]
    assert [document_edges(d) for d in changed] == [document_edges(d) for d in corpus.documents]


@given(corpora(max_documents=6), st.integers(0, 6), st.integers(0, 6))
def test_a_part_keeps_only_its_own_occurrences_and_the_corpus_counts(
    corpus: Corpus, a: int, b: int
) -> None:
    start, stop = sorted((a % (len(corpus) + 1), b % (len(corpus) + 1)))
    whole = analyze_corpus(corpus)
    part = whole.part(start, stop)
    assert part.decisions == whole.decisions[start:stop]
    for d in range(stop - start):
        for c in range(len(corpus.documents[start + d].claims)):
            mine, theirs = part.group(d, c), whole.group(start + d, c)
            assert (mine.key, mine.documents, mine.origins) == (
                theirs.key,
                theirs.documents,
                theirs.origins,
            )
            assert mine.independent_origins == theirs.independent_origins
            assert mine.conflicts == theirs.conflicts
            assert mine.occurrences == tuple(
                Occurrence(o.document - start, o.claim)
                for o in theirs.occurrences
                if start <= o.document < stop
            )
            assert Occurrence(d, c) in mine.occurrences


@given(corpora())
def test_decisions_over_edges_are_the_corpus_decisions(corpus: Corpus) -> None:
    edges = [document_edges(d) for d in corpus.documents]
    undecided = analyze_edges(edges)
    assert undecided.decisions == ()
    assert undecided.with_decisions(corpus.documents) == analyze_corpus(corpus)


def test_decisions_are_refused_for_documents_the_analysis_was_not_made_over() -> None:
    corpus = load_corpus([EXAMPLES])
    analysis = analyze_edges([document_edges(d) for d in corpus.documents])
    with pytest.raises(ProvenanceError, match="not those the corpus analysis was made over"):
        analysis.with_decisions(corpus.documents[1:])
    fewer = attrs.evolve(corpus.documents[0], claims=())
    with pytest.raises(ProvenanceError):
        analysis.with_decisions((fewer, *corpus.documents[1:]))


def test_edge_records_are_a_fraction_of_the_documents_without_their_text() -> None:
    corpus = load_corpus([EXAMPLES])
    documents = tuple(attrs.evolve(d, text=None) for d in corpus.documents)
    edges = tuple(document_edges(d) for d in corpus.documents)
    # What the reduce of a distributed audit receives, against what it received before.
    assert len(pickle.dumps(edges)) < len(pickle.dumps(documents)) / 2
