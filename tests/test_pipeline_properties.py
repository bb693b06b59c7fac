"""End-to-end properties of align -> reuse -> decide: copies and relays never add an origin.

No claim carries a key: the alignment finds the groups and reuse detection
finds the copies, then the corpus analysis counts origins with both. Adding a
document that copies another's text, or one that relays a claim from the origin
its chain already names, never raises the independent-origin count of any
claim of the corpus.
"""

from __future__ import annotations

import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("datasketch")
pytest.importorskip("rapidfuzz")

from provenance.alignment import align
from provenance.builder import DocumentBuilder
from provenance.model import Document, Hop, Source
from provenance.pipeline import decide
from provenance.reuse import find_reuse
from provenance.vocabulary import AttributionMode, SourceKind

K = SourceKind
M = AttributionMode

_STATEMENTS = (
    "the port will close to cargo traffic for two weeks from Monday",
    "the deputy mayor has resigned after the audit of the city accounts",
    "the government has expressed its readiness to take part in the talks",
    "the bridge over the river reopens on Friday after repairs",
    "talks on the ceasefire will resume in Geneva next week",
)
_ORIGINS = (
    Source("gov", K.NAMED_ORGANIZATION, name="Government of Zq"),
    Source("mayor", K.NAMED_PERSON, name="Jane Roe"),
    Source("union", K.NAMED_ORGANIZATION, name="Dock Workers Union"),
    Source("official", K.UNNAMED_INDIVIDUAL, descriptor="a senior official"),
)
_WIRE = Source("wire", K.PUBLICATION, name="Zq Wire")


def _filler(seed: int) -> str:
    rng = random.Random(seed)
    words = [
        "report",
        "city",
        "council",
        "weather",
        "market",
        "sport",
        "budget",
        "school",
        "road",
        "river",
    ]
    return " ".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(40)) + "."


def _document(
    id: str, outlet: int, claims: list[tuple[int, int, bool]], filler: int, published: str
) -> Document:
    sentences = [_STATEMENTS[s] for s, _, _ in claims]
    text = ". ".join(sentences) + ". " + _filler(filler)
    builder = DocumentBuilder(
        id=id,
        text=text,
        published=published,
        publisher=Source(f"outlet{outlet}", K.PUBLICATION, name=f"Outlet {outlet}"),
    )
    added: set[str] = set()
    for number, (statement, origin, via_wire) in enumerate(claims):
        hops = []
        source = _ORIGINS[origin]
        for needed in (_WIRE, source) if via_wire else (source,):
            if needed.id not in added:
                builder.add_source(needed)
                added.add(needed.id)
        if via_wire:
            hops.append(Hop("wire", M.CITING))
        hops.append(Hop(source.id, M.PARAPHRASE))
        start = text.find(_STATEMENTS[statement])
        builder.claim(f"c{number}", _STATEMENTS[statement], start=start, attribution=hops)
    return builder.build()


_claims = st.lists(
    st.tuples(
        st.integers(0, len(_STATEMENTS) - 1), st.integers(0, len(_ORIGINS) - 1), st.booleans()
    ),
    min_size=1,
    max_size=3,
    unique_by=lambda c: c[0],
)
_corpora = st.lists(st.tuples(st.integers(0, 3), _claims), min_size=1, max_size=4).map(
    lambda docs: [
        _document(f"d{i}", outlet, claims, i, f"2025-01-0{i + 1}")
        for i, (outlet, claims) in enumerate(docs)
    ]
)


def _origins(documents: list[Document], copy_of: str | None = None) -> dict[tuple[str, str], int]:
    alignment = align(documents)
    reuse = tuple(find_reuse(alignment.documents))
    if copy_of is not None:  # the copy is found, and handed to the count
        assert ("zcopy", copy_of) in {(r.copy, r.original) for r in reuse}
    analysis = decide(alignment.documents, reuse=reuse)
    return {
        (document.id, claim.id): analysis.group(d, c).independent_origins
        for d, document in enumerate(alignment.documents)
        for c, claim in enumerate(document.claims)
    }


# Each example aligns, detects reuse and analyses two corpora: 100 examples keep CI's added
# time to well under a minute while still drawing every statement, origin and wire choice.
_END_TO_END = settings(max_examples=100)


@_END_TO_END
@given(_corpora, st.data())
def test_property_a_copy_never_adds_an_origin(docs: list[Document], data: st.DataObject) -> None:
    before = _origins(docs)
    original = data.draw(st.sampled_from(docs))
    copy = attrs.evolve(
        original,
        id="zcopy",
        publisher="outlet9",
        published="2025-02-01",
        sources=[
            *(s for s in original.sources if s.id != original.publisher),
            Source("outlet9", K.PUBLICATION, name="Outlet 9"),
        ],
        text_sha256=None,
    )
    after = _origins([*docs, copy], copy_of=original.id)
    for claim, count in before.items():
        assert after[claim] <= count, claim


@_END_TO_END
@given(_corpora, st.data())
def test_property_a_relay_never_adds_an_origin(docs: list[Document], data: st.DataObject) -> None:
    before = _origins(docs)
    source_document = data.draw(st.sampled_from(docs))
    claim = data.draw(st.sampled_from(source_document.claims))
    origin = source_document.source(claim.attribution[-1].source)
    statement = _STATEMENTS.index(claim.text)
    relay = _document(
        "zrelay",
        8,
        [(statement, _ORIGINS.index(origin), data.draw(st.booleans()))],
        99,
        "2025-02-01",
    )
    after = _origins([*docs, relay])
    for key, count in before.items():
        assert after[key] <= count, key
