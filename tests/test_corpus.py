"""Example tests of corpus alignment and analysis (provenance.corpus)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import provenance as pv
from provenance import integrity
from provenance.builder import DocumentBuilder
from provenance.codec import load_corpus
from provenance.corpus import Corpus, analyze_corpus, recompute_statuses

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
M = pv.AttributionMode
K = pv.SourceKind
S = pv.ConfidenceStatus


def outlet(id: str, name: str) -> pv.Source:
    return pv.Source(id, K.PUBLICATION, name=name)


def doc(
    id: str,
    publisher: pv.Source,
    chain: list[pv.Source],
    *,
    key: str = "k",
    mode: M = M.ACCORDING_TO,
    **claim: object,
) -> pv.Document:
    """A one-claim document without text: publisher <- chain[0] <- chain[1] ..."""
    b = pv.builder.DocumentBuilder(id=id, publisher=publisher)
    for source in chain:
        b.add_source(source)
    b.claim(
        "c",
        "the plant will close",
        key=key,
        attribution=[pv.Hop(source.id, mode) for source in chain],
        **claim,  # type: ignore[arg-type]
    )
    return b.build()


@pytest.fixture(scope="module")
def example() -> Corpus:
    corpus = load_corpus([CORPUS])
    assert corpus.errors == ()
    return corpus


def decision_of(corpus: Corpus, document_id: str) -> pv.status.StatusDecision:
    analysis = analyze_corpus(corpus)
    (index,) = [i for i, d in enumerate(corpus.documents) if d.id == document_id]
    return analysis.decision(index, 0)


def test_outlets_relaying_one_statement_are_one_origin(example: Corpus) -> None:
    analysis = analyze_corpus(example)
    (group,) = [g for g in analysis.groups if g.key == "port-closure"]
    assert group.documents == 3
    assert group.independent_origins == 1
    for occurrence in group.occurrences:
        assert analysis.decision(occurrence.document, occurrence.claim).status is S.ATTRIBUTED
    (amplified,) = analysis.amplifications
    assert amplified.key == "port-closure" and amplified.documents == 3
    assert "Eastbay Port Authority" in amplified.origin


def test_outlets_citing_each_other_form_a_reported_loop(example: Corpus) -> None:
    analysis = analyze_corpus(example)
    (loop,) = analysis.loops
    assert loop.key == "mayor-resignation"
    assert loop.sources in (
        ("Daily Beacon", "Evening Star", "Daily Beacon"),
        ("Evening Star", "Daily Beacon", "Evening Star"),
    )
    assert {example.documents[o.document].id for o in loop.occurrences} == {
        "daily-beacon-resignation",
        "evening-star-resignation",
    }
    (group,) = [g for g in analysis.groups if g.key == "mayor-resignation"]
    assert group.independent_origins == 1


def test_two_unrelated_named_origins_corroborate(example: Corpus) -> None:
    for document_id in ("harbor-gazette-bridge", "valley-courier-bridge"):
        decision = decision_of(example, document_id)
        assert decision.status is S.CORROBORATED
        assert decision.row == "R8"


def test_example_corpus_files_match_their_script(example: Corpus) -> None:
    spec = importlib.util.spec_from_file_location("build_corpus", CORPUS / "build_corpus.py")
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_corpus", module)
    spec.loader.exec_module(module)
    assert {d.id: d for d in module.documents()} == {d.id: d for d in example.documents}


def test_a_publisher_citing_two_origins_does_not_join_them() -> None:
    gazette = outlet("gazette", "Gazette")
    a = pv.Source("a", K.NAMED_ORGANIZATION, name="Ministry A")
    b = pv.Source("b", K.NAMED_PERSON, name="Jane Roe")
    corpus = Corpus([doc("d1", gazette, [a]), doc("d2", gazette, [b])])
    assert analyze_corpus(corpus).groups[0].independent_origins == 2


def test_an_intermediary_known_to_relay_an_origin_is_not_independent_of_it() -> None:
    wire = outlet("wire", "Wire")
    ministry = pv.Source("m", K.NAMED_ORGANIZATION, name="Ministry")
    corpus = Corpus(
        [
            doc("d1", outlet("x", "X"), [wire]),  # stops at the wire
            doc("d2", outlet("y", "Y"), [wire, ministry]),  # the wire had it from the ministry
        ]
    )
    group = analyze_corpus(corpus).groups[0]
    assert group.independent_origins == 1
    assert group.origins == (("Ministry", "Wire"),)


def test_unnamed_and_vague_origins_are_never_counted() -> None:
    official = pv.Source("o", K.UNNAMED_INDIVIDUAL, descriptor="a senior official")
    reports = pv.Source("r", K.VAGUE_REPORTS, descriptor="reports")
    corpus = Corpus(
        [doc("d1", outlet("x", "X"), [official]), doc("d2", outlet("y", "Y"), [reports])]
    )
    group = analyze_corpus(corpus).groups[0]
    assert group.independent_origins == 0
    assert group.unidentified_origins == 2


def test_same_as_then_aliases_align_sources() -> None:
    a = pv.Source("ap", K.PUBLICATION, name="AP")
    b = pv.Source("assoc", K.PUBLICATION, name="Associated Press")
    corpus = Corpus([doc("d1", outlet("x", "X"), [a]), doc("d2", outlet("y", "Y"), [b])])
    assert analyze_corpus(corpus).groups[0].independent_origins == 2
    aliased = analyze_corpus(corpus, aliases={"AP": "Associated Press"})
    assert aliased.groups[0].independent_origins == 1
    uri = "https://www.wikidata.org/wiki/Q40469"
    linked = Corpus(
        [
            doc("d1", outlet("x", "X"), [pv.Source("ap", K.PUBLICATION, name="AP", same_as=[uri])]),
            doc(
                "d2",
                outlet("y", "Y"),
                [pv.Source("a2", K.PUBLICATION, name="Assoc. Press", same_as=[uri])],
            ),
        ]
    )
    assert analyze_corpus(linked).groups[0].independent_origins == 1
    assert analyze_corpus(corpus, match_names=False).groups[0].independent_origins == 2


def test_claims_without_a_key_stand_alone() -> None:
    gazette = outlet("gazette", "Gazette")
    a = pv.Source("a", K.NAMED_ORGANIZATION, name="Ministry A")
    b = pv.Source("b", K.NAMED_PERSON, name="Jane Roe")
    d1 = doc("d1", gazette, [a])
    d2 = doc("d2", gazette, [b])
    unkeyed = [
        pv.Document(
            id=d.id,
            publisher=d.publisher,
            sources=d.sources,
            claims=[
                pv.Claim(
                    id="c",
                    text=d.claims[0].text,
                    attribution=d.claims[0].attribution,
                    status=d.claims[0].status,
                )
            ],
        )
        for d in (d1, d2)
    ]
    analysis = analyze_corpus(unkeyed)
    assert [g.key for g in analysis.groups] == ["d1#c", "d2#c"]
    assert all(g.independent_origins == 1 for g in analysis.groups)


def test_conflicting_claims_become_disputed() -> None:
    ministry = pv.Source("m", K.NAMED_ORGANIZATION, name="Ministry")
    union = pv.Source("u", K.NAMED_ORGANIZATION, name="Union")
    corpus = Corpus(
        [
            doc("d1", outlet("x", "X"), [ministry], mode=M.PARAPHRASE),
            doc("d2", outlet("y", "Y"), [union], mode=M.DENIED),
        ]
    )
    analysis = analyze_corpus(corpus)
    first = analysis.decision(0, 0)
    assert first.status is S.DISPUTED and first.row == "C1"
    assert "held by d1#c; negated or denied by d2#c" in first.reasons
    # The denial was already disputed by its own document (R6).
    assert analysis.decision(1, 0).row == "R6"


def test_recomputed_statuses_keep_documents_consistent(example: Corpus) -> None:
    once = recompute_statuses(example)
    statuses = {d.id: d.claims[0].status for d in once.documents}
    assert statuses["harbor-gazette-bridge"] is S.CORROBORATED
    assert statuses["harbor-gazette-port-closure"] is S.ATTRIBUTED
    for document in once.documents:
        assert integrity.check(document) == ()
        pv.loads(pv.dumps(document))
    assert recompute_statuses(once) == once


def test_loading_keeps_going_past_bad_files_and_lines(tmp_path: Path) -> None:
    good = doc("good", outlet("x", "X"), [])
    (tmp_path / "good.json").write_text(pv.dumps(good), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    lines = tmp_path / "more.jsonl"
    lines.write_text(
        pv.dumps(doc("l1", outlet("y", "Y"), [])) + "\n" + '{"schema": 3}\n', encoding="utf-8"
    )
    corpus = load_corpus([tmp_path, tmp_path / "missing.json"])
    assert sorted(d.id for d in corpus.documents) == ["good", "l1"]
    assert sorted(e.location for e in corpus.errors) == sorted(
        [
            str(tmp_path / "broken.json"),
            f"{lines}:2",
            str(tmp_path / "missing.json"),
        ]
    )
    assert corpus.location(0) is not None


def test_an_outlets_own_voice_does_not_join_the_origins_it_cites() -> None:
    """Regression (held-out event): an outlet stating a claim in its own voice and citing two
    governments for it elsewhere in the same group joined the two into one origin."""
    outlet_x = outlet("x", "X")
    seoul = pv.Source("seoul", K.NAMED_ORGANIZATION, name="South Korea")
    tokyo = pv.Source("tokyo", K.NAMED_ORGANIZATION, name="Japan")
    own = DocumentBuilder(id="own", publisher=outlet_x)
    own.add_source(seoul)
    own.add_source(tokyo)
    own.claim("c0", "words", key="k")
    own.claim("c1", "words", key="k", attribution=[pv.Hop("seoul", M.PARAPHRASE)])
    own.claim("c2", "words", key="k", attribution=[pv.Hop("tokyo", M.PARAPHRASE)])
    (group,) = analyze_corpus(Corpus([own.build()])).groups
    assert group.independent_origins == 2
