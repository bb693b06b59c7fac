"""DocumentBuilder can write any valid record: rebuilding a generated one gives it back."""

from __future__ import annotations

from hypothesis import given

import provenance as pv
from provenance import strategies as pst


@given(pst.documents(max_claims=4, with_text=True))
def test_the_builder_rebuilds_any_generated_document(document: pv.Document) -> None:
    assert document.text is not None
    builder = pv.builder.DocumentBuilder(
        id=document.id,
        publisher=document.source(document.publisher),
        text=document.text,
        url=document.url,
        title=document.title,
        published=document.published,
        language=document.language,
        drafted_by=document.drafted_by,
        extensions=document.extensions,
        hash_text=document.text_sha256 is not None,
    )
    for source in document.sources:
        if source.id == document.publisher:
            continue
        if source.id in document.authors:
            builder.add_author(source)
        else:
            builder.add_source(source)
    for claim in document.claims:
        assert claim.span is not None
        built = builder.claim(
            claim.id,
            claim.text,
            start=claim.span.start,
            attribution=claim.attribution,
            hedges=claim.hedges,
            factuality=claim.factuality,
            reviews=claim.reviews,
            status=claim.status if claim.status_override else None,
            status_override=claim.status_override,
            inherits=claim.inherits,
            key=claim.key,
            credibility=claim.credibility,
            extensions=claim.extensions,
        )
        assert built == claim
    assert builder.build() == document
