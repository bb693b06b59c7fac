"""A seed-like Document built with DocumentBuilder over the shared seed article.

TEMPORARY: used by the report tests until examples/oan-2025-06-11-kosovo-deportees.json
lands; the text is read from the shared corpus, never copied into the project.
"""

from __future__ import annotations

from pathlib import Path

from provenance import (
    AttributionMode,
    Document,
    DocumentBuilder,
    Excerpt,
    Hedge,
    HedgeCategory,
    Hop,
    Plurality,
    Source,
    SourceKind,
)

SEED_TEXT = Path("seed") / "oan-2025-06-11-kosovo-deportees.txt"


def build(corpus: Path) -> Document:
    text = (corpus / SEED_TEXT).read_text(encoding="utf-8")
    b = DocumentBuilder(
        id="oan-2025-06-11-kosovo-deportees",
        text=text,
        title="Kosovo agrees to take in deportees from the U.S.",
        published="2025-06-11T10:36:00-04:00",
        publisher=Source("oan", SourceKind.PUBLICATION, name="One America News"),
    )
    b.add_author(Source("meyers", SourceKind.NAMED_PERSON, name="James Meyers"))
    b.add_source(
        Source(
            "reports",
            SourceKind.VAGUE_REPORTS,
            descriptor="multiple reports",
            plurality=Plurality.SEVERAL,
        )
    )
    b.add_source(Source("reuters", SourceKind.PUBLICATION, name="Reuters"))
    b.add_source(Source("kosovo-gov", SourceKind.NAMED_ORGANIZATION, name="Kosovo government"))
    b.add_source(Source("fox", SourceKind.PUBLICATION, name="Fox News"))
    b.add_source(Source("state", SourceKind.NAMED_ORGANIZATION, name="U.S. State Department"))
    b.add_source(
        Source(
            "spokesperson",
            SourceKind.UNNAMED_INDIVIDUAL,
            descriptor="a U.S. State Department spokesperson",
            affiliation="state",
        )
    )
    b.add_source(Source("uk-gov", SourceKind.NAMED_ORGANIZATION, name="UK government"))
    b.add_source(
        Source(
            "analysts",
            SourceKind.UNNAMED_GROUP,
            descriptor="UK-based political analysts",
            plurality=Plurality.SEVERAL,
        )
    )
    b.claim(
        "lead",
        "The Republic of Kosovo has agreed to take in at least 50 illegal immigrants",
        attribution=[
            Hop(
                "reports",
                AttributionMode.ACCORDING_TO,
                cue=Excerpt("according to"),
                mention=Excerpt("multiple reports"),
            )
        ],
    )
    quote = (
        "The government has expressed its readiness to participate, with the opportunity to "
        "select individuals from a proposed pool, provided they meet specific criteria related "
        "to the rule of law and public order"
    )
    b.claim(
        "kosovo-readiness",
        quote,
        attribution=[
            Hop("reuters", AttributionMode.CITING, cue=Excerpt("according to Reuters")),
            Hop(
                "kosovo-gov",
                AttributionMode.DIRECT_QUOTE,
                cue=Excerpt("said in a statement"),
                mention=Excerpt("the Kosovo government"),
                medium="statement",
                quote=quote,
            ),
        ],
    )
    b.claim(
        "balkan-push",
        "the U.S. was pushing Balkan nations, such as Serbia, to accept deported migrants",
        attribution=[
            Hop(
                "reports",
                AttributionMode.REPORTED,
                cue=Excerpt("came to light"),
                mention=Excerpt("reports"),
            )
        ],
    )
    grateful = (
        "grateful to our partner Kosovo for receiving third country nationals removed from the "
        "United States and facilitating those aliens\u2019 safe return to their home countries."
    )
    b.claim(
        "state-grateful",
        "the U.S. is “" + grateful + "”",
        attribution=[
            Hop("fox", AttributionMode.ACCORDING_TO, cue=Excerpt("According to Fox News")),
            Hop(
                "spokesperson",
                AttributionMode.PARTIAL_QUOTE,
                cue=Excerpt("stated"),
                mention=Excerpt("a U.S. State Department spokesperson"),
                quote=grateful,
            ),
        ],
    )
    b.claim(
        "state-welcome",
        "We welcome cooperation on this key Trump Administration priority",
        inherits="state-grateful",
    )
    b.claim(
        "funding",
        "whether the U.S. will fund third-party countries to host the deportees from the U.S.",
        hedges=[
            Hedge("presumed", HedgeCategory.DOXASTIC),
            Hedge("remains unclear", HedgeCategory.UNRESOLVED),
        ],
    )
    b.claim(
        "uk-analysts",
        "The move is being considered a more serious attempt to stop illegal migration "
        "coming to Britain",
        attribution=[
            Hop(
                "analysts",
                AttributionMode.TOLD,
                cue=Excerpt("told"),
                mention=Excerpt("UK-based political analysts"),
                recipient="the press",
            )
        ],
    )
    # A claim nested inside another: the whole sentence, and the figure within it.
    b.claim(
        "denmark-deal",
        "In 2022, Denmark and Kosovo made an agreement that saw the transfer of 300 foreign "
        "prisoners to Kosovo\u2019s Correctional Institution in Gjilan.",
    )
    b.claim("prisoners-300", "the transfer of 300 foreign prisoners")
    b.claim(
        "economy",
        "That agreement is also expected to bring in $217 million to Kosovo\u2019s economy.",
        hedges=[Hedge("expected to", HedgeCategory.PROSPECTIVE)],
    )
    return b.build()
