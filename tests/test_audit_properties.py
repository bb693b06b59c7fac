"""Property tests of chain analysis, corpus analysis and the audit.

Documents come from ``provenance.strategies.documents()`` when that module is
installed; until it lands, a small local strategy below draws valid documents
through :class:`~provenance.builder.DocumentBuilder` instead. Corpora are made
from drawn documents by giving their claims keys from a small pool and their
sources ``same_as`` URIs from a small pool, so that claims and sources line up
across documents often.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

import provenance as pv
from provenance import codec, integrity, validation
from provenance.audit import audit_corpus
from provenance.audit_text import render_text
from provenance.chains import analyze_chain
from provenance.codec import audit_to_data, dumps_audit, loads_audit
from provenance.corpus import Corpus, analyze_corpus, recompute_statuses

K = pv.SourceKind
M = pv.AttributionMode

_OUTLETS = tuple(pv.Source(f"outlet{i}", K.PUBLICATION, name=f"Outlet {i}") for i in range(4))
_POOL = (
    *_OUTLETS,
    pv.Source("ministry", K.NAMED_ORGANIZATION, name="Ministry"),
    pv.Source("roe", K.NAMED_PERSON, name="Jane Roe"),
    pv.Source("memo", K.DOCUMENT, name="the memo"),
    pv.Source("official", K.UNNAMED_INDIVIDUAL, descriptor="an official", affiliation="ministry"),
    pv.Source("analysts", K.UNNAMED_GROUP, descriptor="analysts"),
    pv.Source("reports", K.VAGUE_REPORTS, descriptor="reports"),
    pv.Source("believed", K.GENERIC, descriptor="it is believed"),
    pv.Source("who", K.UNKNOWN),
)


@st.composite
def _local_documents(draw: st.DrawFn, min_claims: int = 0, max_claims: int = 5) -> pv.Document:
    """Valid documents without text, drawn from small pools of sources."""
    publisher = draw(st.sampled_from(_OUTLETS))
    others = [s for s in _POOL if s.id != publisher.id and s.id != "official"]
    chosen = draw(st.lists(st.sampled_from(others), unique_by=lambda s: s.id, max_size=5))
    if any(s.id == "ministry" for s in chosen) and draw(st.booleans()):
        chosen.append(next(s for s in _POOL if s.id == "official"))
    builder = pv.builder.DocumentBuilder(
        id=draw(st.sampled_from(["a", "b", "c", "d"])), publisher=publisher
    )
    for source in chosen:
        builder.add_source(source)
    ids = [s.id for s in chosen]
    everyone = [publisher.id, *ids]
    for number in range(draw(st.integers(min_claims, max_claims))):
        chain = draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else []
        hops = []
        for position, source in enumerate(chain):
            mode = draw(st.sampled_from(M))
            hops.append(
                pv.Hop(
                    source,
                    mode,
                    quote="words" if mode.is_quote else None,
                    asserted_by=draw(st.sampled_from([None, publisher.id, *chain[:position]])),
                    link_status=draw(st.sampled_from(pv.LinkStatus)),
                )
            )
        hedges = draw(
            st.lists(
                st.builds(
                    pv.Hedge,
                    text=st.sampled_from(["may", "expected to", "reportedly", "not"]),
                    category=st.sampled_from(pv.HedgeCategory),
                    source=st.sampled_from([None, *chain]),
                ),
                max_size=2,
            )
        )
        factuality = draw(
            st.lists(
                st.builds(
                    pv.Perspective,
                    source=st.sampled_from([publisher.id, *chain]),
                    value=st.sampled_from(pv.Factuality),
                ),
                max_size=2,
            )
        )
        reviews = []
        if ids and draw(st.booleans()):
            reviews = draw(
                st.lists(
                    st.builds(
                        pv.Review,
                        reviewer=st.sampled_from(everyone),
                        verdict=st.sampled_from(pv.Verdict),
                    ),
                    max_size=2,
                )
            )
        builder.claim(
            f"c{number}",
            f"claim {number}",
            attribution=hops,
            hedges=hedges,
            factuality=factuality,
            reviews=reviews,
            credibility=draw(st.sampled_from([None, 1, 3])),
        )
    return builder.build()


documents: Callable[..., st.SearchStrategy[pv.Document]]
try:
    from provenance.strategies import documents as _public_documents

    documents = _public_documents
except ImportError:  # provenance.strategies has not landed on this branch yet
    documents = _local_documents

_KEYS = ("k1", "k2", "k3")
_URIS = tuple(f"https://example.org/sources/{i}" for i in range(3))


@st.composite
def corpora(draw: st.DrawFn, max_documents: int = 5) -> Corpus:
    """Corpora whose claims and sources often line up across documents."""
    drawn = draw(st.lists(documents(max_claims=3), max_size=max_documents))
    aligned = []
    for document in drawn:
        claims = [
            attrs.evolve(claim, key=draw(st.sampled_from([None, *_KEYS])))
            for claim in document.claims
        ]
        sources = [
            attrs.evolve(
                source, same_as=draw(st.lists(st.sampled_from(_URIS), max_size=1, unique=True))
            )
            for source in document.sources
        ]
        aligned.append(attrs.evolve(document, claims=claims, sources=sources))
    return Corpus(aligned)


@given(corpora())
def test_analysis_and_audit_never_raise_and_the_report_is_valid(corpus: Corpus) -> None:
    for document in corpus.documents:
        for claim in document.claims:
            chain = analyze_chain(claim, document)
            assert len(chain.labels) == chain.depth + 1
    analysis = analyze_corpus(corpus)
    for group in analysis.groups:
        assert group.independent_origins + group.unidentified_origins == len(group.origins)
        assert group.independent_origins <= len(group.occurrences)
    report = audit_corpus(corpus)
    render_text(report)
    data = audit_to_data(report)
    assert validation.schema_problems(data, "audit-report") == ()
    assert loads_audit(dumps_audit(report)) == report
    assert report.corpus.claims == sum(len(d.claims) for d in corpus.documents)
    # The codec's generated hooks write what plain cattrs writes, key order included.
    plain = codec.make_converter(accelerated=False).unstructure(report)
    assert json.dumps(data) == json.dumps(plain)


@given(corpora())
def test_recomputing_statuses_is_idempotent_and_keeps_records_consistent(
    corpus: Corpus,
) -> None:
    once = recompute_statuses(corpus)
    assert recompute_statuses(once) == once
    for document in once.documents:
        assert integrity.check(document) == ()


def _alignable(source: pv.Source) -> bool:
    return bool(source.same_as) or (source.kind.is_named and source.name is not None)


@given(corpora(), st.data())
def test_relaying_an_existing_origin_never_adds_an_independent_origin(
    corpus: Corpus, data: st.DataObject
) -> None:
    keyed = [
        (document, claim)
        for document in corpus.documents
        for claim in document.claims
        if claim.key is not None
    ]
    assume(keyed)
    document, claim = data.draw(st.sampled_from(keyed))
    origin = document.source(claim.origin.source if claim.origin else document.publisher)
    assume(_alignable(origin))
    relay = pv.builder.DocumentBuilder(
        id="relay",
        publisher=pv.Source(
            "relay-outlet",
            K.PUBLICATION,
            name="Relay Outlet Zq",
            same_as=["https://example.org/only-the-relay"],
        ),
    )
    relay.add_source(attrs.evolve(origin, id="relayed-origin", affiliation=None))
    mode = data.draw(st.sampled_from([M.CITING, M.ACCORDING_TO, M.PARAPHRASE]))
    relay.claim(
        "relayed",
        claim.text or "relayed",
        key=claim.key,
        attribution=[pv.Hop("relayed-origin", mode)],
    )
    before = {g.key: g.independent_origins for g in analyze_corpus(corpus).groups}
    after_corpus = Corpus((*corpus.documents, relay.build()))
    after = {g.key: g.independent_origins for g in analyze_corpus(after_corpus).groups}
    for key, count in before.items():
        if not key.startswith("relay#"):
            assert after[key] <= count, key
