"""Example tests of chain analysis (provenance.chains)."""

from __future__ import annotations

import provenance as pv
from provenance.chains import OriginClass, analyze_chain, describe_chain, source_label

M = pv.AttributionMode
K = pv.SourceKind

TEXT = (
    "According to the Tribune, a ministry official said the plant is expected to close. "
    "The plant will close, the Courier says."
)


def outlet(id: str, name: str) -> pv.Source:
    return pv.Source(id, K.PUBLICATION, name=name)


def builder() -> pv.builder.DocumentBuilder:
    b = pv.builder.DocumentBuilder(id="d", text=TEXT, publisher=outlet("gazette", "Gazette"))
    b.add_source(outlet("tribune", "Tribune"))
    b.add_source(pv.Source("ministry", K.NAMED_ORGANIZATION, name="Ministry of Energy"))
    b.add_source(
        pv.Source(
            "official",
            K.UNNAMED_INDIVIDUAL,
            descriptor="a ministry official",
            affiliation="ministry",
        )
    )
    b.add_source(outlet("courier", "Courier"))
    return b


def test_two_hop_chain_to_unnamed_origin() -> None:
    b = builder()
    claim = b.claim(
        "c",
        "the plant is expected to close",
        attribution=[
            pv.Hop("tribune", M.ACCORDING_TO, cue=pv.Excerpt("According to")),
            pv.Hop(
                "official",
                M.PARAPHRASE,
                cue=pv.Excerpt("said"),
                asserted_by="tribune",
                link_status=pv.LinkStatus.LOCATED,
            ),
        ],
    )
    document = b.build()
    chain = analyze_chain(claim, document)
    assert chain.levels == ("gazette", "tribune", "official")
    assert chain.origin == "official"
    assert chain.origin_class is OriginClass.UNNAMED
    assert chain.intermediaries == ("tribune",)
    assert chain.depth == 2
    assert not chain.stops_at_intermediary
    # Hop 0 rests on the publisher's word alone; hop 1 on the Tribune's, and was located.
    assert [link.asserted_by for link in chain.links] == ["gazette", "tribune"]
    assert [link.index for link in chain.asserted_only] == [0]
    assert [link.index for link in chain.checked_links] == [1]
    assert describe_chain(claim, document) == "Gazette <- Tribune <- unnamed ministry official"


def test_empty_chain_has_the_publisher_as_origin() -> None:
    b = builder()
    claim = b.claim("c", "The plant will close")
    document = b.build()
    chain = analyze_chain(claim, document)
    assert chain.origin == "gazette"
    assert chain.origin_class is OriginClass.NAMED
    assert chain.depth == 0
    assert chain.description == "Gazette (no source given)"


def test_chain_stopping_at_an_outlet_that_relays() -> None:
    b = builder()
    claim = b.claim(
        "c",
        "The plant will close",
        attribution=[pv.Hop("courier", M.ACCORDING_TO, cue=pv.Excerpt("says"))],
    )
    assert analyze_chain(claim, b.build()).stops_at_intermediary


def test_hedge_of_the_origin_dropped_by_the_publisher() -> None:
    b = builder()
    claim = b.claim(
        "c",
        "The plant will close",
        attribution=[pv.Hop("courier", M.ACCORDING_TO, cue=pv.Excerpt("says"))],
        # The Courier hedged ("expected to"); the Gazette's own words do not.
        hedges=[pv.Hedge("expected to", pv.HedgeCategory.PROSPECTIVE, source="courier")],
    )
    chain = analyze_chain(claim, b.build())
    assert chain.hedges_by_level == ((), (0,))
    assert len(chain.shifts) == 1
    shift = chain.shifts[0]
    assert (shift.from_level, shift.to_level, shift.hardened) == (1, 0, False)
    assert shift.cue == "expected to"


def test_hedge_hardened_when_the_nearer_level_is_certain() -> None:
    b = builder()
    claim = b.claim(
        "c",
        "The plant will close",
        attribution=[pv.Hop("courier", M.ACCORDING_TO, cue=pv.Excerpt("says"))],
        hedges=[pv.Hedge("expected to", pv.HedgeCategory.PROSPECTIVE, source="courier")],
        factuality=[pv.Perspective("gazette", pv.Factuality.CERTAIN_POSITIVE)],
    )
    (shift,) = analyze_chain(claim, b.build()).shifts
    assert shift.hardened


def test_hedge_kept_in_the_claims_words_is_not_a_shift() -> None:
    b = builder()
    claim = b.claim(
        "c",
        "the plant is expected to close",
        attribution=[
            pv.Hop("tribune", M.ACCORDING_TO, cue=pv.Excerpt("According to")),
            pv.Hop("official", M.PARAPHRASE, cue=pv.Excerpt("said")),
        ],
        hedges=[pv.Hedge("expected to", pv.HedgeCategory.PROSPECTIVE, source="official")],
    )
    assert analyze_chain(claim, b.build()).shifts == ()


def test_factuality_hardening_without_a_hedge() -> None:
    b = builder()
    claim = b.claim(
        "c",
        "The plant will close",
        attribution=[pv.Hop("courier", M.ACCORDING_TO, cue=pv.Excerpt("says"))],
        factuality=[
            pv.Perspective("courier", pv.Factuality.PROBABLE_POSITIVE),
            pv.Perspective("gazette", pv.Factuality.CERTAIN_POSITIVE),
        ],
    )
    (shift,) = analyze_chain(claim, b.build()).shifts
    assert shift.hardened and shift.cue == "PR+" and shift.hedge_index is None


def test_labels_of_unnamed_and_vague_sources() -> None:
    parent = pv.Source("reuters", K.PUBLICATION, name="Reuters")
    sources = {"reuters": parent}
    bare = pv.Source("s", K.UNNAMED_INDIVIDUAL, affiliation="reuters")
    assert source_label(bare, sources) == "unnamed source of Reuters"
    group = pv.Source("g", K.UNNAMED_GROUP, descriptor="UK-based political analysts")
    assert source_label(group) == "unnamed UK-based political analysts"
    vague = pv.Source("v", K.VAGUE_REPORTS, descriptor="multiple reports")
    assert source_label(vague) == '"multiple reports" (vague)'
    assert source_label(pv.Source("x", K.GENERIC)) == "generic source"
