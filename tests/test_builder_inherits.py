"""DocumentBuilder.claim(inherits=...): carrying a chain over to the next quote."""

from __future__ import annotations

import pytest

import provenance as pv

TEXT = (
    "According to Fox News, a spokesperson said the U.S. is \u201cgrateful to our partner.\u201d "
    "\u201cWe welcome cooperation,\u201d the spokesman added."
)


def builder() -> pv.builder.DocumentBuilder:
    b = pv.builder.DocumentBuilder(
        id="d",
        text=TEXT,
        publisher=pv.Source("oan", pv.SourceKind.PUBLICATION, name="One America News"),
    )
    b.add_source(pv.Source("fox", pv.SourceKind.PUBLICATION, name="Fox News"))
    b.add_source(
        pv.Source("spokesperson", pv.SourceKind.UNNAMED_INDIVIDUAL, descriptor="a spokesperson")
    )
    b.claim(
        "grateful",
        "grateful to our partner",
        attribution=[
            pv.Hop("fox", pv.AttributionMode.ACCORDING_TO, cue=pv.Excerpt("According to")),
            pv.Hop(
                "spokesperson",
                pv.AttributionMode.PARTIAL_QUOTE,
                quote="grateful to our partner",
                cue=pv.Excerpt("said"),
                mention=pv.Excerpt("a spokesperson"),
            ),
        ],
    )
    return b


def test_inherited_quote_hop_quotes_the_new_claim_not_the_old_one() -> None:
    b = builder()
    added = b.claim("welcome", "We welcome cooperation", inherits="grateful")
    assert [hop.source for hop in added.attribution] == ["fox", "spokesperson"]
    assert added.attribution[-1].quote == "We welcome cooperation"
    assert added.attribution[0].quote is None  # a hop that quotes nothing still quotes nothing
    # the cues and mentions of the other sentence are not carried over
    assert all(hop.cue is None and hop.mention is None for hop in added.attribution)
    document = b.build()
    assert document.claim("grateful").attribution[-1].quote == "grateful to our partner"
    assert pv.loads(pv.dumps(document)) == document


def test_explicit_chain_with_inherits_must_name_the_same_sources() -> None:
    b = builder()
    b.add_source(pv.Source("reuters", pv.SourceKind.PUBLICATION, name="Reuters"))
    b.claim(
        "welcome",
        "We welcome cooperation",
        inherits="grateful",
        attribution=[
            pv.Hop("reuters", pv.AttributionMode.ACCORDING_TO),
            pv.Hop(
                "spokesperson",
                pv.AttributionMode.DIRECT_QUOTE,
                quote="We welcome cooperation",
                cue=pv.Excerpt("added"),
            ),
        ],
    )
    with pytest.raises(pv.InvalidRecord, match="inherits the chain of 'grateful'"):
        b.build()
