"""Claim alignment (provenance.alignment): worked cases and universal properties."""

from __future__ import annotations

import builtins
import itertools
import json
import random
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("datasketch")
pytest.importorskip("rapidfuzz")

import provenance as pv
from provenance import alignment as al
from provenance.builder import DocumentBuilder
from provenance.codec import load_corpus
from provenance.corpus import analyze_corpus
from provenance.errors import MissingDependency

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
K = pv.SourceKind
M = pv.AttributionMode


def document(id: str, *texts: str, key: str | None = None) -> pv.Document:
    b = DocumentBuilder(id=id, publisher=pv.Source("pub", K.PUBLICATION, name=f"Outlet {id}"))
    for number, text in enumerate(texts):
        b.claim(f"c{number}", text, key=key)
    return b.build()


def keys(alignment: al.Alignment) -> dict[str, str | None]:
    return {f"{d.id}#{c.id}": c.key for d in alignment.documents for c in d.claims}


def same_group(alignment: al.Alignment, x: str, y: str) -> bool:
    found = keys(alignment)
    return found[x] is not None and found[x] == found[y]


def test_retranslated_wording_is_accepted() -> None:
    result = al.align(
        [
            document("a", "The government has expressed its readiness to participate in the talks"),
            document(
                "b", "the government had expressed its willingness to participate in the talks"
            ),
        ]
    )
    assert same_group(result, "a#c0", "b#c0")
    (proposal,) = result.proposals
    assert proposal.decision is al.Decision.ACCEPT
    assert proposal.method.startswith("minhash-lsh/")
    # The evidence: runs of shared words with their places in each claim's text.
    assert [m.words for m in proposal.matches][:1] == ["The government"]
    for match in proposal.matches:
        assert proposal.a_text[match.a[0] : match.a[1]] == match.words
        assert proposal.b_text[match.b[0] : match.b[1]].casefold() == match.words.casefold()


def test_a_negation_in_a_clause_before_the_shared_words_holds_nothing_back() -> None:
    # Regression (the Kremlin on Navalny): TASS's "In conditions where there is no
    # information, we consider it ..." against Reuters' "We consider it ...": the "no" of the
    # clause Reuters left out was read as negating the shared statement.
    result = al.align(
        [
            document(
                "a", "We consider it absolutely unacceptable to make such frankly boorish remarks"
            ),
            document(
                "b",
                "In conditions where there is no information, we consider it absolutely "
                "unacceptable to make such frankly boorish remarks",
            ),
        ]
    )
    (proposal,) = result.proposals
    assert not any("negated" in note for note in proposal.notes)
    # A negation right before the shared words, with no clause break, still holds it back.
    held = al.align(
        [
            document("a", "Russia has agreed to resume the talks in Geneva next month"),
            document("b", "Russia has not agreed to resume the talks in Geneva next month"),
        ]
    )
    (proposal,) = held.proposals
    assert "one claim is negated, the other not" in proposal.notes
    assert proposal.decision is al.Decision.REVIEW


def test_a_quote_cut_where_its_last_word_was_translated_otherwise_is_accepted() -> None:
    # Reuters cut Peskov's sentence at "ones"; Sputnik's translation says "areas" and goes on.
    reuters = (
        "Iran is our important partner, we are developing our trade and economic relations, "
        "we are developing our cooperation and dialogue in all possible areas, including the "
        "most sensitive ones"
    )
    sputnik = (
        "Iran is our important partner, we are developing our trade and economic relations, "
        "we are developing our cooperation and dialogue in all possible areas, including the "
        "most sensitive areas. And we will continue to do this in the interests of the "
        "peoples of our two countries"
    )
    result = al.align([document("a", reuters), document("b", sputnik)])
    (proposal,) = result.proposals
    assert proposal.notes == ()
    assert proposal.decision is al.Decision.ACCEPT
    assert same_group(result, "a#c0", "b#c0")


def test_two_claims_ending_differently_after_a_long_stretch_are_only_proposed() -> None:
    # One word past the shared words on one side and only three on the other: two endings,
    # not a cut quote (the other claim does not go on for a clause of its own).
    result = al.align(
        [
            document(
                "a",
                "the unmanned civilian airship that flew over US territory was an unexpected "
                "and isolated event",
            ),
            document(
                "b",
                "the unmanned civilian airship that flew over US territory was only an "
                "unexpected incident",
            ),
        ]
    )
    (proposal,) = result.proposals
    assert proposal.decision is al.Decision.REVIEW
    assert any("end differently" in note for note in proposal.notes)


def test_different_numbers_are_only_proposed() -> None:
    result = al.align(
        [
            document("a", "Kosovo agreed to take in 50 deportees from the United States"),
            document("b", "Kosovo agreed to take in 500 deportees from the United States"),
        ]
    )
    assert not same_group(result, "a#c0", "b#c0")
    (proposal,) = result.proposals
    assert proposal.decision is al.Decision.REVIEW
    assert proposal.score >= al.AlignConfig().accept
    assert proposal.notes == ("numbers differ: 50 / 500",)


def test_negation_in_one_claim_is_only_proposed() -> None:
    result = al.align(
        [
            document("a", "the ministry will take part in the summit next week in Geneva"),
            document("b", "the ministry will not take part in the summit next week in Geneva"),
        ]
    )
    assert not same_group(result, "a#c0", "b#c0")
    assert result.proposals[0].notes == ("one claim is negated, the other not",)


def test_same_fact_in_other_words_is_below_the_accept_threshold() -> None:
    config = al.AlignConfig()
    result = al.align(
        [
            document("a", "Kosovo will host deportees from the United States for a year"),
            document("b", "deportees from the United States are to stay in Kosovo temporarily"),
        ],
        config,
    )
    assert not same_group(result, "a#c0", "b#c0")
    for proposal in result.proposals:
        assert proposal.score < config.accept
        assert proposal.decision is al.Decision.REVIEW


def test_quote_inside_a_longer_claim_scores_by_containment() -> None:
    result = al.align(
        [
            document("a", "no one has yet answered our questions about the ceasefire proposal"),
            document(
                "b",
                "Peskov told reporters that no one has yet answered our questions about the "
                "ceasefire proposal, adding that Moscow was waiting",
            ),
        ]
    )
    (proposal,) = result.proposals
    assert proposal.method.endswith("/containment")
    assert same_group(result, "a#c0", "b#c0")


def test_a_group_never_grows_by_chaining() -> None:
    # a~b and b~c are close, a and c are not: a, b, c never end up in one group.
    a = "the port will close to cargo traffic for two weeks from Monday"
    b = "the port will close to cargo traffic for two weeks starting on Monday morning"
    c = "the port may close to cargo and fishing traffic for weeks starting on Monday morning"
    config = al.AlignConfig(accept=0.75)
    docs = [document("a", a), document("b", b), document("c", c)]
    items = {i.ref: i for i in al.claim_items(docs)}
    ra, rb, rc = sorted(items)
    score = {
        pair: al.score_pair(items[pair[0]], items[pair[1]], config)[0]
        for pair in [(ra, rb), (rb, rc), (ra, rc)]
    }
    assert score[(ra, rb)] >= 0.75 and score[(rb, rc)] >= 0.75 > score[(ra, rc)]
    result = al.align([document("a", a), document("b", b), document("c", c)], config)
    found = keys(result)
    assert len({found["a#c0"], found["b#c0"], found["c#c0"]} - {None}) >= 1
    assert not (found["a#c0"] == found["c#c0"] is not None)


def test_a_statement_a_document_makes_twice_joins_its_group() -> None:
    # Regression: the held-out North Korean set's CGTN states "fired a ballistic missile of
    # intermediate range or longer" twice; only one of the two could join the others.
    text = "the bridge reopens on Friday after three months of repairs"
    result = al.align([document("a", text, text + "."), document("b", text)])
    assert same_group(result, "a#c0", "a#c1") and same_group(result, "a#c0", "b#c0")


def test_two_different_claims_of_one_document_are_never_grouped() -> None:
    # b's claim is accepted with both of a's, which are different statements of one article.
    reopens = "the bridge reopens on Friday after three months of repairs"
    other = "the bridge reopens on Monday after three weeks of repairs"
    config = al.AlignConfig()
    items = {i.ref: i for i in al.claim_items([document("a", reopens, other)])}
    (x, y) = sorted(items)
    assert al.score_pair(items[x], items[y], config)[0] < config.repeat
    result = al.align([document("a", reopens, other), document("b", reopens)], config)
    assert same_group(result, "a#c0", "b#c0")
    assert not same_group(result, "a#c1", "b#c0")


def test_existing_keys_are_kept_and_never_joined_across() -> None:
    text = "the deputy mayor has resigned after the audit"
    result = al.align(
        [
            document("a", text, key="k1"),
            document("b", text, key="k2"),
            document("c", text),
        ]
    )
    found = keys(result)
    assert found["a#c0"] == "k1" and found["b#c0"] == "k2"
    assert found["c#c0"] in {"k1", "k2"}


def test_examples_without_keys_keep_their_findings() -> None:
    corpus = load_corpus([CORPUS])
    stripped = [
        attrs.evolve(d, claims=[attrs.evolve(c, key=None) for c in d.claims])
        for d in corpus.documents
    ]
    aligned = al.align(stripped).documents
    given_keys = {(d.id, c.id): c.key for d in corpus.documents for c in d.claims}
    # The same partition of claims as the hand-written keys.
    found_keys = {(d.id, c.id): c.key for d in aligned for c in d.claims}
    pairs = list(itertools.combinations(sorted(given_keys), 2))
    assert [given_keys[x] == given_keys[y] for x, y in pairs] == [
        found_keys[x] == found_keys[y] for x, y in pairs
    ]
    analysis = analyze_corpus(aligned)
    assert len(analysis.loops) == 1
    assert len(analysis.amplifications) == 1
    assert max(g.independent_origins for g in analysis.groups) == 2


def test_candidate_pairs_agree_with_the_plain_steps() -> None:
    rng = random.Random(7)
    words = [f"w{i}" for i in range(40)]
    documents = [
        document(f"d{i}", *(" ".join(rng.sample(words, 8)) for _ in range(3))) for i in range(30)
    ]
    config = al.AlignConfig(max_bucket=4)
    items = list(al.claim_items(documents))
    plain = list(al.pairs_from_buckets(al.bucket_entries(items, config), config))
    assert plain == al.candidate_pairs(items, config)
    assert plain  # the random claims share enough words for some pairs


def test_decisions_override_and_stale_ones_are_skipped(tmp_path: Path) -> None:
    docs = [
        document("a", "the harbor will close to cargo traffic for two weeks"),
        document("b", "the harbor will close to cargo traffic for two weeks"),
        document("c", "the harbor is to close for cargo ships during two weeks"),
    ]
    first = al.align(docs)
    assert same_group(first, "a#c0", "b#c0")
    path = tmp_path / "proposals.jsonl"
    lines = []
    for line in al.dump_proposals(first.proposals):
        data = json.loads(line)
        if data["b"]["document"] == "b":
            data["decision"] = "reject"
        lines.append(json.dumps(data))
    lines.append(
        json.dumps(
            {
                "a": {"document": "a", "claim": "c0", "text": "not the text any more"},
                "b": {"document": "c", "claim": "c0", "text": docs[2].claims[0].text},
                "decision": "accept",
            }
        )
    )
    lines.append('{"a": 1}')
    path.write_text("\n".join(lines) + "\n")
    decisions, errors = al.load_decisions(path)
    assert [e.location for e in errors] == [f"{path}:{len(lines)}"]
    second = al.align(docs, decisions=decisions)
    assert not same_group(second, "a#c0", "b#c0")
    assert any("claim text changed" in reason for reason in second.skipped)
    (rejected,) = [p for p in second.proposals if p.b.document == "b"]
    assert (rejected.decision, rejected.decided_by) == (al.Decision.REJECT, "person")


def test_a_person_can_accept_a_proposal_for_review(tmp_path: Path) -> None:
    docs = [
        document("a", "Kosovo will host deportees from the United States for a year"),
        document("b", "deportees from the United States are to stay in Kosovo temporarily"),
    ]
    first = al.align(docs, al.AlignConfig(propose=0.3))
    assert first.proposals and not same_group(first, "a#c0", "b#c0")
    edited = [attrs.evolve(p, decision=al.Decision.ACCEPT) for p in first.proposals]
    second = al.align(docs, decisions=edited)
    assert same_group(second, "a#c0", "b#c0")


def test_proposals_round_trip_through_json() -> None:
    docs = [
        document("a", "the plant will close in May"),
        document("b", "the plant will close in May"),
    ]
    (proposal,) = al.align(docs).proposals
    line = next(al.dump_proposals([proposal]))
    back = al.proposal_from_json(json.loads(line))
    assert (back.a, back.b, back.score, back.decision, back.a_text, back.b_text) == (
        proposal.a,
        proposal.b,
        proposal.score,
        proposal.decision,
        proposal.a_text,
        proposal.b_text,
    )


def test_bad_decision_lines_say_where_and_what() -> None:
    with pytest.raises(pv.ProvenanceError, match="decision 'maybe'") as caught:
        al.proposal_from_json(
            {
                "a": {"document": "a", "claim": "c", "text": "x"},
                "b": {"document": "b", "claim": "c", "text": "x"},
                "decision": "maybe",
            },
            location="f.jsonl:3",
        )
    assert caught.value.location == "f.jsonl:3" and caught.value.path == "$.decision"


def test_without_the_extra_the_message_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real = builtins.__import__

    def blocked(name: str, *args: object, **kwargs: object) -> object:
        if name.split(".")[0] == "datasketch":
            raise ImportError("no datasketch", name="datasketch")
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", blocked)
    with pytest.raises(MissingDependency, match=r"claim-provenance\[align\]"):
        al.align([document("a", "x y z")])


def test_a_document_id_used_twice_is_named_and_not_aligned() -> None:
    text = "the deputy mayor has resigned after the audit"
    result = al.align([document("a", text), document("a", text), document("b", text)])
    assert any("'a' is used twice" in reason for reason in result.skipped)
    assert len(result.documents) == 3
    # The second use keeps its claims as they were; the first is aligned with b.
    assert result.documents[1].claims[0].key is None
    assert result.documents[0].claims[0].key == result.documents[2].claims[0].key is not None


# --- properties -------------------------------------------------------------------------------

# Each statement with the name of what it says: texts of one name are one statement
# (retranslated, respelled), texts of different names are different statements.
_STATEMENTS = [
    ("port", "the port will close to cargo traffic for two weeks"),
    ("port", "the harbor will close to cargo traffic for 2 weeks"),
    ("mayor", "the deputy mayor has resigned after the audit"),
    ("mayor", "the deputy mayor resigned after an audit"),
    ("ready", "the government expressed its readiness to take part"),
    ("ready", "the government expressed its willingness to take part"),
    ("bridge", "the bridge reopens on Friday"),
    ("bridge", "the bridge reopens on Friday."),
    ("bridge-monday", "the bridge reopens on Monday"),
    ("talks", "talks will resume in Geneva next week"),
    ("talks-vienna", "talks will resume in Vienna next week"),
]
_STATEMENT_OF = {text: name for name, text in _STATEMENTS}

_documents = st.lists(
    st.lists(st.sampled_from([text for _, text in _STATEMENTS]), min_size=1, max_size=4),
    min_size=1,
    max_size=6,
).map(lambda docs: [document(f"d{i}", *texts) for i, texts in enumerate(docs)])


@given(_documents)
def test_property_no_two_different_claims_of_one_document_in_a_group(
    docs: list[pv.Document],
) -> None:
    result = al.align(docs)
    texts = {ref: item.text for ref, item in ((i.ref, i) for i in al.claim_items(docs))}
    for refs in result.groups().values():
        for x, y in itertools.combinations(refs, 2):
            if x.document == y.document:
                assert _STATEMENT_OF[texts[x]] == _STATEMENT_OF[texts[y]], (texts[x], texts[y])


@given(_documents, st.randoms(use_true_random=False))
def test_property_deterministic_and_independent_of_order(
    docs: list[pv.Document], rng: random.Random
) -> None:
    first = al.align(docs)
    shuffled = list(docs)
    rng.shuffle(shuffled)
    second = al.align(shuffled)
    assert second.assignments == first.assignments
    assert second.proposals == first.proposals
    assert al.align(docs) == first


@given(_documents)
def test_property_every_pair_in_a_group_was_verified_and_accepted(docs: list[pv.Document]) -> None:
    config = al.AlignConfig()
    result = al.align(docs, config)
    items = {item.ref: item for item in al.claim_items(docs)}
    for refs in result.groups().values():
        for x, y in itertools.combinations(refs, 2):
            score, _, _, notes = al.score_pair(items[x], items[y], config)
            assert score >= config.accept and not notes


def test_words_are_normalised_as_outlets_vary_them() -> None:
    (a,) = al.claim_items([document("a", "Putin\u2019s plan for the U.S. and Díaz-Canel")])
    (b,) = al.claim_items([document("b", "putin's plan for the US and Diaz-Canel")])
    assert a.words == b.words == ("putin", "plan", "for", "the", "us", "and", "diaz", "canel")
    for (start, end), word in zip(a.offsets, ("Putin\u2019s", "plan"), strict=False):
        assert a.text[start:end] == word


def test_edge_records_survive_pickling() -> None:
    import pickle

    from provenance import reuse

    docs = [
        document("a", "the harbor will close to cargo traffic for two weeks"),
        document("b", "the harbor will close to cargo traffic for two weeks"),
    ]
    config = al.AlignConfig()
    items = list(al.claim_items(docs))
    entries = list(al.bucket_entries(items, config))
    pairs = list(al.pairs_from_buckets(entries, config))
    proposals = list(al.verify(pairs, {i.ref: i for i in items}, config))
    assignments = list(al.group_claims({i.ref: i for i in items}, proposals, config))
    grams = list(reuse.gram_entries(docs))
    records = [*items, *entries[:3], *pairs, *proposals, *assignments, *grams[:3]]
    assert records and pickle.loads(pickle.dumps(records)) == records
    assert len(assignments) == 2


@given(_documents)
def test_property_streamed_proposals_are_the_collected_ones(docs: list[pv.Document]) -> None:
    streamed: list[al.Proposal] = []
    result = al.align(docs, proposals_to=streamed.append)
    collected = al.align(docs)
    assert result.proposals == ()
    assert sorted(streamed, key=lambda p: (p.a, p.b)) == list(collected.proposals)
    assert result.assignments == collected.assignments
