"""The document rules: one generator of problems, checked against a plain reference walk.

``integrity.problems`` words a problem only when it finds one, so its first item answers
"is it consistent" at the cost of one quick pass. The property below draws records with
text that keep or break each rule (duplicate ids, unknown ids, spans off the text,
repeated and cyclic chains, looping affiliations, inherited chains, stored statuses that
differ from the derived one) and checks that it yields exactly the problems of the plain
walk in ``integrity_reference.py``, in the same order, and that ``is_consistent`` agrees.
"""

from __future__ import annotations

import hashlib

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from integrity_reference import reference_problems

import provenance as pv
from provenance import integrity, strategies

_WORDS = ["the minister", "said", "reportedly", "may", "a report", "remains unclear", "officials"]


_FAULTS = [
    "source id",
    "affiliation",
    "span",
    "tail",
    "chain",
    "asserted_by",
    "hedge source",
    "perspective",
    "reviewer",
    "claim id",
    "inherits",
    "publisher",
    "author",
    "digest",
    "status",
]


@st.composite
def records(draw: st.DrawFn) -> pv.Document:
    """A record with text that keeps every rule, or breaks (at most) one kind of them."""
    fault = draw(st.one_of(st.none(), st.sampled_from(_FAULTS)))

    def _sometimes(name: str, strategy: st.SearchStrategy[object], usual: object) -> object:
        if fault == name:
            return draw(strategy)
        return usual

    count = draw(st.integers(2, 5))
    ids = [f"s{index}" for index in range(count)]
    known = [*ids, "ghost"]
    named = ids[1:]
    sources = [pv.Source("s0", pv.SourceKind.PUBLICATION, name="The Paper")]
    for source_id in ids[1:]:
        sources.append(
            pv.Source(
                _sometimes("source id", st.sampled_from(ids), source_id),  # type: ignore[arg-type]
                draw(st.sampled_from(pv.SourceKind)),
                name="Name",
                descriptor="someone",
                affiliation=_sometimes("affiliation", st.sampled_from(known), None),  # type: ignore[arg-type]
            )
        )

    parts: list[str] = []
    offset = 0

    def put(words: str) -> pv.Span:
        nonlocal offset
        parts.append(words + " ")
        span = pv.Span(offset, offset + len(words))
        offset += len(words) + 1
        return span

    def placed(words: str) -> pv.Span | None:
        span = put(words)
        how = _sometimes("span", st.sampled_from(["shifted", "past", "none"]), "right")
        if how == "shifted":
            return pv.Span(span.start + 1, span.end + 1)
        if how == "past":
            return pv.Span(span.start, span.end + 10_000)
        return None if how == "none" else span

    claims = []
    for number in range(draw(st.integers(0, 4))):
        words = draw(st.sampled_from(_WORDS))
        span = placed(words)
        chain = draw(
            st.lists(st.sampled_from(ids), max_size=3)
            if fault == "chain"
            else st.lists(st.sampled_from(named), max_size=3, unique=True)
        )
        hops = []
        for position, source_id in enumerate(chain):
            cue = draw(st.sampled_from(_WORDS))
            hops.append(
                pv.Hop(
                    source_id,
                    draw(st.sampled_from([pv.AttributionMode.TOLD, pv.AttributionMode.DENIED])),
                    cue=pv.Excerpt(cue, placed(cue)),
                    mention=pv.Excerpt("officials", placed("officials")) if position == 0 else None,
                    asserted_by=_sometimes("asserted_by", st.sampled_from(["ghost", "s1"]), None)  # type: ignore[arg-type]
                    if position
                    else None,
                    link_status=draw(st.sampled_from(pv.LinkStatus)),
                )
            )
        hedges = [
            pv.Hedge(
                hedge,
                draw(st.sampled_from(pv.HedgeCategory)),
                span=placed(hedge),
                source=_sometimes("hedge source", st.sampled_from(["ghost", "s1"]), None),  # type: ignore[arg-type]
            )
            for hedge in draw(st.lists(st.sampled_from(_WORDS), max_size=2))
        ]
        factuality = [
            pv.Perspective(source_id, value)
            for source_id, value in draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(known if fault == "perspective" else ids),
                        st.sampled_from(pv.Factuality),
                    ),
                    max_size=2,
                )
            )
        ]
        reviews = [
            pv.Review(reviewer, verdict)
            for reviewer, verdict in draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(known if fault == "reviewer" else ids),
                        st.sampled_from(pv.Verdict),
                    ),
                    max_size=2,
                )
            )
        ]
        claim_id = _sometimes("claim id", st.sampled_from(["c0", "s1", "s0"]), f"c{number}")
        inherits = _sometimes("inherits", st.sampled_from(["c0", "c1", "c9", claim_id]), None)
        claims.append(
            pv.Claim(
                id=claim_id,  # type: ignore[arg-type]
                text=words,
                span=span,
                attribution=hops,
                hedges=hedges,
                factuality=factuality,
                reviews=reviews,
                inherits=inherits,  # type: ignore[arg-type]
                status=pv.ConfidenceStatus.ASSERTED,
            )
        )
    text = "".join(parts).rstrip()
    if fault == "tail" and text:
        # Words that are the end of the text, with a span running past it.
        tail = text[-draw(st.integers(1, min(5, len(text)))) :]
        end = len(text) + draw(st.integers(0, 3))
        claims.append(
            pv.Claim(
                id="tail",
                text=tail,
                span=pv.Span(len(text) - len(tail), end),
                status=pv.ConfidenceStatus.ASSERTED,
            )
        )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    document = pv.Document(
        id="doc",
        publisher=_sometimes("publisher", st.sampled_from(["s1", "ghost"]), "s0"),  # type: ignore[arg-type]
        authors=draw(
            st.lists(st.sampled_from(["ghost", "s1"]), min_size=1, max_size=2)
            if fault == "author"
            else st.lists(st.sampled_from(ids), max_size=2)
        ),
        text=text,
        text_sha256=_sometimes("digest", st.just("0" * 64), digest),  # type: ignore[arg-type]
        sources=sources,
        claims=claims,
    )
    document = pv.status.with_derived_status(document)
    if document.claims and fault == "status":
        index = draw(st.integers(0, len(document.claims) - 1))
        changed = attrs.evolve(
            document.claims[index],
            status=draw(st.sampled_from(pv.ConfidenceStatus)),
            status_override=draw(st.one_of(st.none(), st.just("checked by hand"))),
        )
        claims_now = list(document.claims)
        claims_now[index] = changed
        document = attrs.evolve(document, claims=claims_now)
    return document


# Each record breaks at most one kind of rule: more examples than the profile's usual.
_THOROUGH = settings(max_examples=max(300, settings().max_examples))


@_THOROUGH
@given(records())
def test_the_quick_pass_refuses_exactly_the_records_with_problems(document: pv.Document) -> None:
    problems = reference_problems(document)
    assert integrity.is_consistent(document) == (problems == ())
    assert integrity.check(document) == problems


@given(records())
def test_a_refused_record_raises_every_problem_the_full_walk_words(document: pv.Document) -> None:
    problems = reference_problems(document)
    try:
        integrity.ensure_consistent(document, location="x.json")
    except pv.InvalidRecord as error:
        assert error.problems == problems
        assert problems
    else:
        assert problems == ()


def test_a_stored_status_the_table_does_not_give_is_refused_and_worded() -> None:
    publisher = pv.Source("p", pv.SourceKind.PUBLICATION, name="P")
    claim = pv.Claim(id="c", text="x", status=pv.ConfidenceStatus.CONFIRMED)
    document = pv.Document(id="d", publisher="p", sources=[publisher], claims=[claim])
    assert not integrity.is_consistent(document)
    (problem,) = integrity.check(document)
    assert problem.path == "$.claims[0].status"
    assert problem.expected == "asserted"
    assert "(R11: asserted by P alone)" in problem.message


@given(strategies.documents())
def test_the_quick_pass_keeps_every_consistent_record(document: pv.Document) -> None:
    # The library's own strategy: consistent records, texts with characters beyond ASCII.
    assert integrity.is_consistent(document)
    assert integrity.check(document) == ()
