"""The hand-read chain set: every reading is well-formed, and the scorer scores as documented.

The readings (``tests/data/chains/``) index articles of ``../shared/corpus``; their checks
skip without it. The scorer's own tests use small hand-made gold and drafted claims.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from chains_gold import (
    DATA,
    PARTS,
    GoldClaim,
    GoldHop,
    PredClaim,
    PredHop,
    align_hops,
    match_claims,
    normalize,
    predicted_claims,
    reading_files,
    score,
    source_right,
    table_status,
    validate,
)
from hypothesis import given
from hypothesis import strategies as st

FILES = [path for part in PARTS for path in reading_files(part)]


# -- the readings -----------------------------------------------------------------------------


def test_there_are_readings() -> None:
    assert reading_files("tune"), f"no readings under {DATA / 'tune'}"


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_reading_is_well_formed(path: Path, corpus_dir: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    text = (corpus_dir / data["corpus_path"]).read_text(encoding="utf-8")
    assert validate(data, text, stem=path.stem) == []


def test_no_article_is_read_twice() -> None:
    seen: dict[str, Path] = {}
    for path in FILES:
        assert path.stem not in seen, f"{path} and {seen[path.stem]} read the same article"
        seen[path.stem] = path


def test_polnear_readings_of_the_tune_part_come_from_the_dev_split() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
    from polnear_split import part_of

    for path in reading_files("tune"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["corpus_path"].startswith("polnear/"):
            assert part_of(path.stem) == "dev", path


# -- the validator ----------------------------------------------------------------------------

TEXT = "Up front. Taxes will rise, Mr. Smith told Reuters on Monday. He may resign."


def _reading(**claim_changes: object) -> dict[str, object]:
    claim: dict[str, object] = {
        "content": "Taxes will rise",
        "at": 10,
        "chain": [
            {
                "source": "Reuters",
                "at": 42,
                "name": "Reuters",
                "kind": "publication",
                "mode": "reported",
                "cue": None,
                "cue_at": None,
            },
            {
                "source": "Mr. Smith",
                "at": 27,
                "name": "John Smith",
                "kind": "named_person",
                "mode": "told",
                "cue": "told",
                "cue_at": 37,
            },
        ],
        "hedges": [],
        "status": "attributed",
    }
    claim.update(claim_changes)
    return {"article": "x", "corpus_path": "x.txt", "publisher": "Daily Planet", "claims": [claim]}


def test_validator_accepts_a_good_reading() -> None:
    assert validate(_reading(), TEXT, stem="x") == []


def test_validator_reports_a_content_off_its_offset() -> None:
    problems = validate(_reading(at=11), TEXT)
    assert len(problems) == 1
    assert "$.claims[0].content" in problems[0] and "found at [10]" in problems[0]


def test_validator_reports_a_cue_and_a_hedge_off_their_offsets() -> None:
    reading = _reading(hedges=[{"text": "may", "at": 60, "category": "epistemic"}])
    reading["claims"][0]["chain"][1]["cue_at"] = 36  # type: ignore[index]
    problems = validate(reading, TEXT)
    assert any(".chain[1].cue" in p for p in problems)
    assert any(".hedges[0].text" in p for p in problems)


def test_validator_reports_vocabulary_and_names() -> None:
    reading = _reading()
    hop = reading["claims"][0]["chain"][1]  # type: ignore[index]
    hop["kind"] = "person"
    reading["claims"][0]["chain"][0]["name"] = None  # type: ignore[index]
    problems = validate(reading, TEXT)
    assert any(".chain[1].kind" in p for p in problems)
    assert any(".chain[0].name" in p and "needs the name" in p for p in problems)


def test_validator_rejects_the_publisher_as_a_hop() -> None:
    reading = _reading()
    reading["claims"][0]["chain"][0]["name"] = "The Daily Planet"  # type: ignore[index]
    assert any("publisher" in p for p in validate(reading, TEXT))


def test_validator_checks_the_status_against_the_decision_table() -> None:
    assert any(
        "decision table gives 'attributed'" in p
        for p in validate(_reading(status="reported"), TEXT)
    )
    hedged = _reading(
        hedges=[{"text": "may", "at": 65, "category": "epistemic"}], status="attributed"
    )
    assert any("gives 'hedged'" in p for p in validate(hedged, TEXT))
    # two sources on opposite sides are not spelled out in the format: disputed is accepted
    assert validate(_reading(status="disputed"), TEXT) == []


@pytest.mark.parametrize(
    ("chain", "hedges", "expected"),
    [
        ([], [], "asserted"),
        ([], ["evidential_hearsay"], "reported"),
        ([], ["evidential_hearsay", "condition"], "hedged"),
        ([("publication", "reported"), ("unnamed_group", "told")], [], "reported"),
        ([("unnamed_group", "told"), ("named_person", "paraphrase")], [], "attributed"),
        ([("document", "document_states")], ["unresolved", "epistemic"], "unresolved"),
        ([("named_person", "denied")], ["unresolved"], "disputed"),
        ([("vague_reports", "reported")], ["negation"], "reported"),
    ],
)
def test_table_status_follows_the_rows_in_order(
    chain: list[tuple[str, str]], hedges: list[str], expected: str
) -> None:
    assert table_status(chain, hedges) == expected


def test_validator_rejects_unknown_keys_and_a_wrong_stem() -> None:
    reading = _reading(colour="red")
    problems = validate(reading, TEXT, stem="y")
    assert any("colour" in p for p in problems)
    assert any("$.article" in p for p in problems)


# -- normalisation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("The Associated Press", "associated press"),
        ("the  U.S.  State\nDepartment", "us state department"),
        ("Trump\u2019s campaign", "trump campaign"),
        ("An official", "official"),
        ("Theresa May", "theresa may"),
        ("“Reuters,”", "reuters"),
    ],
)
def test_normalize(words: str, expected: str) -> None:
    assert normalize(words) == expected


@given(st.text(max_size=40))
def test_normalize_is_idempotent_on_its_output_words(words: str) -> None:
    once = normalize(words)
    assert normalize(once) == normalize(normalize(once))
    assert once == once.strip() and "  " not in once


# -- matching and scoring ---------------------------------------------------------------------

REUTERS = GoldHop("Reuters", 42, "Reuters", "publication", "reported", None)
SMITH = GoldHop("Mr. Smith", 27, "John Smith", "named_person", "told", "told")
HE = GoldHop("He", 62, "John Smith", "named_person", "paraphrase", None)
GOLD = GoldClaim("Taxes will rise", 10, (REUTERS, SMITH), (), "attributed")
P_REUTERS = PredHop("publication", name="Reuters", mention="Reuters", mode="reported")
P_SMITH = PredHop("named_person", name="John Smith", mention="Mr. Smith", mode="told")


def _figures(gold: list[GoldClaim], pred: list[PredClaim]) -> dict[str, object]:
    return score([("x", gold, pred)]).figures()


def test_a_perfect_draft_scores_full_marks() -> None:
    f = _figures([GOLD], [PredClaim(10, 25, (P_REUTERS, P_SMITH), (), "attributed")])
    assert f["chain_exact"] == 1.0
    assert f["two_hop_chain_exact"] == 1.0
    assert f["hop_source"] == f["hop_kind"] == f["status"] == 1.0
    assert f["missed_claims"] == 0


def test_a_dropped_intermediary_makes_the_chain_wrong() -> None:
    f = _figures([GOLD], [PredClaim(10, 25, (P_SMITH,), (), "attributed")])
    assert f["chain_exact"] == 0.0 and f["two_hop_chain_exact"] == 0.0
    # hops are paired in order: the origin is still found, the intermediary is not
    assert f["hop_source"] == 0.5 and f["hop_kind"] == 0.5


def test_a_wrong_kind_makes_the_chain_wrong_but_not_the_source() -> None:
    wrong = PredHop("named_organization", name="John Smith")
    f = _figures([GOLD], [PredClaim(10, 25, (P_REUTERS, wrong), (), "attributed")])
    assert f["chain_exact"] == 0.0
    assert f["hop_source"] == 1.0 and f["hop_kind"] == 0.5


def test_hops_in_the_wrong_order_make_the_chain_wrong() -> None:
    f = _figures([GOLD], [PredClaim(10, 25, (P_SMITH, P_REUTERS), (), "attributed")])
    assert f["chain_exact"] == 0.0
    assert f["hop_source"] == 0.5  # only one of the two can be paired in order


def test_align_hops_keeps_order_and_prefers_the_source() -> None:
    wrong_kind_smith = PredHop("unknown", name="John Smith")
    assert align_hops((P_REUTERS, P_SMITH), (REUTERS, SMITH)) == {0: 0, 1: 1}
    assert align_hops((P_SMITH,), (REUTERS, SMITH)) == {1: 0}
    assert align_hops((wrong_kind_smith,), (REUTERS, SMITH)) == {1: 0}
    assert align_hops((), (REUTERS,)) == {}


def test_an_extra_hop_makes_the_chain_wrong() -> None:
    one = GoldClaim("Taxes will rise", 10, (REUTERS,), (), "attributed")
    f = _figures([one], [PredClaim(10, 25, (P_REUTERS, P_SMITH), (), "attributed")])
    assert f["chain_exact"] == 0.0 and f["hop_source"] == 1.0


def test_a_gold_claim_with_no_overlapping_draft_is_missed_and_wrong() -> None:
    f = _figures([GOLD], [PredClaim(30, 40, (P_REUTERS, P_SMITH))])
    assert f["missed_claims"] == 1 and f["missed_attributed_claims"] == 1
    assert f["chain_exact"] == 0.0 and f["hop_source"] == 0.0 and f["status"] == 0.0
    assert f["spurious_attributed_drafts"] == 1


def test_a_split_quote_is_not_a_false_attribution() -> None:
    # the reader kept one claim; the draft split it in two: the second is unmatched, not false
    halves = [PredClaim(10, 17, (P_REUTERS, P_SMITH)), PredClaim(18, 25, (P_REUTERS, P_SMITH))]
    f = _figures([GOLD], halves)
    assert f["spurious_attributed_drafts"] == 0 and f["missed_claims"] == 0


def test_a_draft_with_no_chain_for_an_attributed_claim_is_wrong() -> None:
    f = _figures([GOLD], [PredClaim(10, 25)])
    assert f["chain_exact"] == 0.0 and f["missed_claims"] == 0 and f["status"] == 0.0


def test_counts_are_kept_article_by_article() -> None:
    right = PredClaim(10, 25, (P_REUTERS, P_SMITH))
    scores = score([("a", [GOLD], [right]), ("b", [GOLD], [])])
    assert scores.by_article == {"a": [1, 1], "b": [1, 0]}
    assert scores.figures()["chain_exact"] == 0.5


def test_publisher_claims_are_not_counted_as_attributed() -> None:
    asserted = GoldClaim("Up front", 0, (), (), "asserted")
    f = _figures([asserted, GOLD], [PredClaim(0, 8), PredClaim(10, 25, (P_REUTERS, P_SMITH))])
    assert f["attributed_claims"] == 1 and f["chain_exact"] == 1.0 and f["status"] == 0.5


def test_a_pronoun_matches_only_through_its_resolved_name() -> None:
    assert source_right(PredHop("named_person", name="John Smith", mention="He"), HE)
    assert not source_right(PredHop("unknown", mention="He"), HE)


def test_source_words_match_after_normalisation() -> None:
    assert source_right(PredHop("named_person", name="JOHN  SMITH"), SMITH)
    assert source_right(PredHop("named_person", descriptor="the Mr Smith"), SMITH)
    assert not source_right(PredHop("named_person", name="Jane Smith"), SMITH)
    unnamed = GoldHop("a senior official", 0, None, "unnamed_individual", "paraphrase", "said")
    assert source_right(PredHop("unnamed_individual", descriptor="A senior official"), unnamed)
    assert not source_right(PredHop("unnamed_individual", descriptor="official"), unnamed)


def test_matching_is_one_to_one_by_largest_overlap() -> None:
    a = GoldClaim("Taxes will rise", 10, (), (), "asserted")
    b = GoldClaim("He may resign", 62, (), (), "hedged")
    whole = PredClaim(10, 75)
    tail = PredClaim(62, 75)
    # the long draft overlaps both; the tail fits b better, so a gets the long one
    assert match_claims([a, b], [whole, tail]) == {0: 0, 1: 1}
    assert match_claims([a, b], [whole]) == {0: 0}  # a shares 15 characters, b 13


def test_a_nested_quote_goes_to_the_nested_gold_claim() -> None:
    outer = GoldClaim("Taxes will rise, Mr. Smith told Reuters", 10, (REUTERS,), (), "attributed")
    nested = GoldClaim("Taxes will rise", 10, (REUTERS, SMITH), (), "attributed")
    whole, inner = PredClaim(10, 49, (P_REUTERS,)), PredClaim(10, 25, (P_REUTERS, P_SMITH))
    # the inner draft shares 15 characters with both gold claims; it fits the nested one
    assert match_claims([outer, nested], [inner, whole]) == {0: 1, 1: 0}
    f = _figures([outer, nested], [inner, whole])
    assert f["chain_exact"] == 1.0


def test_hedges_are_scored_on_matched_claims() -> None:
    gold = GoldClaim("He may resign", 62, (), (("may", "epistemic"),), "hedged")
    f = _figures([gold], [PredClaim(62, 75, (), (("may", "epistemic"), ("May", "x")), "hedged")])
    # "May" and "may" normalise alike: one drafted hedge, right
    assert f["hedge_precision"] == 1.0 and f["hedge_recall"] == 1.0
    f = _figures([gold], [PredClaim(62, 75, (), (("resign", "prospective"),), "hedged")])
    assert f["hedge_precision"] == 0.0 and f["hedge_recall"] == 0.0
    f = _figures([gold], [])
    assert f["hedge_recall"] == 0.0 and f["hedge_precision"] is None


def test_predicted_claims_reads_a_drafted_document() -> None:
    from provenance.extraction import Extractor

    text = "Taxes will rise, Reuters reported on Monday."
    document = Extractor().extract(text, publisher="Daily Planet")
    claims = predicted_claims(document)
    assert any(
        c.chain
        and c.chain[0].kind == "publication"
        and normalize(c.chain[0].name or "") == "reuters"
        for c in claims
    )


def test_a_title_before_the_name_or_the_surname_alone_still_names_the_person() -> None:
    assert source_right(PredHop("named_person", name="Congressman John Smith"), SMITH)
    assert source_right(PredHop("named_person", name="Smith"), SMITH)
    assert source_right(PredHop("named_person", name="Smith"), HE)
    assert not source_right(PredHop("named_person", name="Johnsmith"), SMITH)


def test_the_last_word_of_an_organisation_is_not_its_name() -> None:
    chiefs = GoldHop(
        "the Joint Chiefs of Staff",
        0,
        "Joint Chiefs of Staff",
        "named_organization",
        "paraphrase",
        "said",
    )
    assert not source_right(PredHop("named_person", name="Staff"), chiefs)
    assert source_right(PredHop("named_organization", name="U.S. Joint Chiefs of Staff"), chiefs)


def test_the_command_prints_every_figure_as_json(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chains_gold import main

    assert main(["--part", "tune", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["part"] == "tune"
    assert figures["articles"] == len(reading_files("tune"))
    for key in ("chain_exact", "two_hop_chain_exact", "hop_source", "hop_kind", "status"):
        assert 0.0 <= figures[key] <= 1.0
    assert figures["claims"] >= figures["attributed_claims"] >= figures["two_hop_claims"] > 0
