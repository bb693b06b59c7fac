"""Property tests of independence with resolution: relays and copies never add an origin.

Corpora are drawn from a pool of sources that name a few governments in many
ways ("Russia", "Moscow", "the Kremlin", the Kremlin's spokesman, "a Kremlin
official") beside outlets and people, so that resolution, affiliation and
own-voice claims all come into play.
"""

from __future__ import annotations

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from provenance.builder import DocumentBuilder
from provenance.corpus import Corpus, analyze_corpus
from provenance.model import Document, Hop, Source
from provenance.resolution import Resolver, link_people, normalize_name
from provenance.vocabulary import AttributionMode, SourceKind

K = SourceKind
M = AttributionMode

_OUTLETS = tuple(
    Source(f"outlet{i}", K.PUBLICATION, name=name)
    for i, name in enumerate(("Reuters", "Daily Zq", "AFP", "Evening Zq"))
)
_POOL = (
    Source("russia", K.NAMED_ORGANIZATION, name="Russia"),
    Source("moscow", K.NAMED_ORGANIZATION, name="Moscow"),
    Source("kremlin", K.NAMED_ORGANIZATION, name="the Kremlin"),
    Source("mfa", K.NAMED_ORGANIZATION, name="the Russian Foreign Ministry"),
    Source("peskov", K.NAMED_PERSON, name="Dmitry Peskov", descriptor="Kremlin spokesman"),
    Source("peskov2", K.NAMED_PERSON, name="Peskov"),
    Source("official", K.UNNAMED_INDIVIDUAL, descriptor="a Kremlin official"),
    Source("kyiv", K.NAMED_ORGANIZATION, name="the Ukrainian government"),
    Source("zelensky", K.NAMED_PERSON, name="Zelenskiy"),
    Source("roe", K.NAMED_PERSON, name="Jane Roe"),
    Source("aide", K.UNNAMED_INDIVIDUAL, descriptor="an aide", affiliation="roe"),
    Source("reports", K.VAGUE_REPORTS, descriptor="reports"),
    *_OUTLETS,
)
_KEYS = ("k1", "k2", "k3")
_RESOLVER = Resolver()


@st.composite
def _documents(draw: st.DrawFn, number: int) -> Document:
    publisher = draw(st.sampled_from(_OUTLETS))
    builder = DocumentBuilder(id=f"doc{number}", publisher=publisher)
    others = [s for s in _POOL if s.id != publisher.id]
    chosen = draw(st.lists(st.sampled_from(others), unique_by=lambda s: s.id, max_size=5))
    ids = {s.id for s in chosen}
    for source in chosen:
        if source.affiliation is not None and source.affiliation not in ids:
            source = attrs.evolve(source, affiliation=None)
        builder.add_source(source)
    for claim in range(draw(st.integers(1, 3))):
        chain = draw(st.lists(st.sampled_from(sorted(ids)), unique=True, max_size=3)) if ids else []
        mode = draw(st.sampled_from([M.PARAPHRASE, M.CITING, M.ACCORDING_TO]))
        builder.claim(
            f"c{claim}",
            "words",
            key=draw(st.sampled_from(_KEYS)),
            attribution=[Hop(source, mode) for source in chain],
        )
    return builder.build()


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    count = draw(st.integers(1, 5))
    return Corpus([draw(_documents(number)) for number in range(count)])


def _counts(corpus: Corpus, resolver: Resolver | None, copies: tuple[tuple[str, str], ...] = ()):
    analysis = analyze_corpus(corpus, resolver=resolver, copies=copies)
    return {group.key: group.independent_origins for group in analysis.groups}


@given(corpora(), st.data(), st.sampled_from([None, _RESOLVER]))
def test_a_copy_never_adds_an_independent_origin(
    corpus: Corpus, data: st.DataObject, resolver: Resolver | None
) -> None:
    original = data.draw(st.sampled_from(corpus.documents))
    publisher = Source("copier", K.PUBLICATION, name="Copier Outlet Zq")
    copy = attrs.evolve(
        original,
        id="the-copy",
        publisher="copier",
        sources=(*(s for s in original.sources if s.id != original.publisher), publisher),
    )
    before = _counts(corpus, resolver)
    after = _counts(
        Corpus((*corpus.documents, copy)), resolver, copies=(("the-copy", original.id),)
    )
    for key, count in before.items():
        assert after[key] <= count, key


@given(corpora(), st.data(), st.sampled_from([None, _RESOLVER]))
def test_relaying_an_existing_origin_never_adds_an_independent_origin(
    corpus: Corpus, data: st.DataObject, resolver: Resolver | None
) -> None:
    document = data.draw(st.sampled_from(corpus.documents))
    claim = data.draw(st.sampled_from(document.claims))
    origin = document.source(claim.origin.source if claim.origin else document.publisher)
    assume(origin.kind.is_named)
    relay = DocumentBuilder(
        id="relay", publisher=Source("relay-outlet", K.PUBLICATION, name="Relay Outlet Zq")
    )
    relay.add_source(attrs.evolve(origin, id="relayed-origin", affiliation=None))
    relay.claim(
        "relayed", "words", key=claim.key, attribution=[Hop("relayed-origin", M.ACCORDING_TO)]
    )
    before = _counts(corpus, resolver)
    after = _counts(Corpus((*corpus.documents, relay.build())), resolver)
    for key, count in before.items():
        assert after[key] <= count, key


@given(corpora())
def test_resolution_only_ever_joins_origins(corpus: Corpus) -> None:
    """Resolution ties sources together; it never splits origins that names alone joined.

    (The named count itself may grow: "a Kremlin official" is unnamed, but
    resolved, it speaks for a named government.)
    """
    plain = analyze_corpus(corpus).groups
    resolved = analyze_corpus(corpus, resolver=_RESOLVER).groups
    for before, after in zip(plain, resolved, strict=True):
        assert len(after.origins) <= len(before.origins), before.key


@given(st.text())
def test_normalizing_a_name_twice_changes_nothing(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once


@given(st.sampled_from(["Russia", "the Kremlin", "Moscow", "Reuters", "U.S.", "the Pentagon"]))
def test_case_and_a_leading_the_do_not_change_a_resolution(name: str) -> None:
    found = _RESOLVER.resolve_mention(name)
    assert found is not None
    bare = name.removeprefix("the ")
    for variant in (f"The {bare}", f"the {bare}", bare if len(bare) > 3 else name):
        assert _RESOLVER.resolve_mention(variant) == found


@given(st.lists(st.text(alphabet="abcde ", min_size=1, max_size=12), max_size=8))
def test_a_short_form_links_to_a_name_holding_its_words_in_order(names: list[str]) -> None:
    linked = link_people(names)
    for short, full in linked.items():
        assert short != full
        words = iter(full.split())
        assert all(word in words for word in short.split())
