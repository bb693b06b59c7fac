"""Universal properties of the confidence-status decision table."""

from __future__ import annotations

from random import Random

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

import provenance as pv
from provenance import integrity
from provenance import strategies as pst
from provenance.status import derive_status, with_derived_status

TRUE_SIDE = (pv.Verdict.TRUE, pv.Verdict.MOSTLY_TRUE)
FALSE_SIDE = (pv.Verdict.FALSE, pv.Verdict.MOSTLY_FALSE)
CONTESTED = (pv.Verdict.MIXED, pv.Verdict.MISLEADING, pv.Verdict.MISSING_CONTEXT)
OUTSIDE_THE_TABLE = (pv.Verdict.SATIRE, pv.Verdict.NOT_CHECKABLE, pv.Verdict.OTHER)
BROKEN_LINKS = (pv.LinkStatus.MISREPRESENTED, pv.LinkStatus.NOT_FOUND, pv.LinkStatus.RETRACTED)
# Statuses rows R1-R7 give; R8 (corroboration) comes after them.
BEFORE_CORROBORATION = ("R1", "R2", "R3", "R4", "R5", "R6", "R7")

documents_with_claims = pst.documents(min_claims=1, max_claims=2, max_sources=4, with_text=False)


@st.composite
def claims_in_context(draw: st.DrawFn) -> tuple[pv.Claim, pv.Document]:
    """A claim of a generated document, with the document as its context."""
    document = draw(documents_with_claims)
    return draw(st.sampled_from(document.claims)), document


def verdicts_of(claim: pv.Claim) -> set[pv.Verdict]:
    return {review.verdict for review in claim.reviews}


@given(claims_in_context())
def test_derivation_is_deterministic(pair: tuple[pv.Claim, pv.Document]) -> None:
    claim, document = pair
    first = derive_status(claim, document)
    assert derive_status(claim, document) == first
    # An equal claim and context rebuilt from JSON give the same decision.
    reloaded = pv.loads(pv.dumps(document))
    assert derive_status(reloaded.claim(claim.id), reloaded) == first
    sources = {source.id: source for source in document.sources}
    assert derive_status(claim, sources, publisher=document.publisher) == first


@given(claims_in_context())
def test_every_decision_gives_reasons(pair: tuple[pv.Claim, pv.Document]) -> None:
    decision = derive_status(*pair)
    assert decision.reasons
    assert all(reason.strip() for reason in decision.reasons)


@given(claims_in_context())
def test_a_bare_claim_is_asserted_by_the_publisher(pair: tuple[pv.Claim, pv.Document]) -> None:
    claim, document = pair
    bare = attrs.evolve(claim, attribution=(), hedges=(), factuality=(), reviews=())
    decision = derive_status(bare, document)
    assert decision.status is pv.ConfidenceStatus.ASSERTED
    assert decision.row == "R11"


@given(claims_in_context(), st.sampled_from(FALSE_SIDE), pst.ids())
def test_a_false_review_refutes_unless_a_true_one_disputes(
    pair: tuple[pv.Claim, pv.Document], verdict: pv.Verdict, reviewer: str
) -> None:
    claim, document = pair
    reviewed = attrs.evolve(claim, reviews=(*claim.reviews, pv.Review(reviewer, verdict)))
    status = derive_status(reviewed, document).status
    if verdicts_of(claim) & set(TRUE_SIDE):
        assert status is pv.ConfidenceStatus.DISPUTED
    else:
        assert status is pv.ConfidenceStatus.REFUTED


@given(claims_in_context(), st.sampled_from(TRUE_SIDE), pst.ids())
def test_a_true_review_confirms_unless_others_disagree(
    pair: tuple[pv.Claim, pv.Document], verdict: pv.Verdict, reviewer: str
) -> None:
    claim, document = pair
    reviewed = attrs.evolve(claim, reviews=(*claim.reviews, pv.Review(reviewer, verdict)))
    status = derive_status(reviewed, document).status
    if verdicts_of(claim) & set(FALSE_SIDE + CONTESTED):
        assert status is pv.ConfidenceStatus.DISPUTED
    else:
        assert status is pv.ConfidenceStatus.CONFIRMED


@given(claims_in_context(), st.sampled_from(OUTSIDE_THE_TABLE), pst.ids(), pst.phrases())
def test_negations_and_uncheckable_reviews_do_not_change_the_decision(
    pair: tuple[pv.Claim, pv.Document], verdict: pv.Verdict, reviewer: str, words: str
) -> None:
    claim, document = pair
    widened = attrs.evolve(
        claim,
        reviews=(*claim.reviews, pv.Review(reviewer, verdict)),
        hedges=(*claim.hedges, pv.Hedge(words, pv.HedgeCategory.NEGATION)),
    )
    assert derive_status(widened, document) == derive_status(claim, document)


@given(claims_in_context(), st.randoms(use_true_random=False))
def test_the_status_does_not_depend_on_order_or_spans(
    pair: tuple[pv.Claim, pv.Document], random: Random
) -> None:
    claim, document = pair
    shuffled = {
        name: random.sample(list(getattr(claim, name)), len(getattr(claim, name)))
        for name in ("hedges", "factuality", "reviews")
    }
    unplaced = attrs.evolve(
        claim,
        span=None,
        hedges=[attrs.evolve(hedge, span=None) for hedge in shuffled["hedges"]],
        factuality=shuffled["factuality"],
        reviews=shuffled["reviews"],
    )
    assert derive_status(unplaced, document).status is derive_status(claim, document).status


@given(claims_in_context(), st.integers(min_value=2, max_value=20))
def test_independent_origins_corroborate_unless_an_earlier_row_decides(
    pair: tuple[pv.Claim, pv.Document], origins: int
) -> None:
    claim, document = pair
    alone = derive_status(claim, document)
    counted = derive_status(claim, document, independent_origins=origins)
    if alone.row in BEFORE_CORROBORATION:
        assert counted == alone
    else:
        assert counted.status is pv.ConfidenceStatus.CORROBORATED
    assert derive_status(claim, document, independent_origins=1) == alone


@given(claims_in_context(), st.sampled_from(BROKEN_LINKS), st.data())
def test_a_broken_link_disputes_a_claim_no_review_settles(
    pair: tuple[pv.Claim, pv.Document], link: pv.LinkStatus, data: st.DataObject
) -> None:
    claim, document = pair
    assume(claim.attribution)
    at = data.draw(st.integers(min_value=0, max_value=len(claim.attribution) - 1))
    hops = list(claim.attribution)
    hops[at] = attrs.evolve(hops[at], link_status=link)
    broken = attrs.evolve(claim, attribution=hops, reviews=())
    assert derive_status(broken, document).status is pv.ConfidenceStatus.DISPUTED


@given(pst.documents(max_claims=3, max_sources=4, with_text=False))
def test_deriving_again_changes_nothing_and_keeps_the_rules(document: pv.Document) -> None:
    derived = with_derived_status(document)
    assert with_derived_status(derived) == derived
    assert integrity.check(derived) == ()
    for before, after in zip(document.claims, derived.claims, strict=True):
        if before.status_override is None:
            assert after.status is derive_status(after, derived).status
        else:
            assert after.status is before.status
