"""Build the claim-provenance record of the seed article, through the public API only.

The article is One America News' report of 11 June 2025 that Kosovo agreed to
take in deportees from the United States (byline James Meyers). Its text ships
beside this script as ``oan-2025-06-11-kosovo-deportees.txt``; quoting it in
examples is allowed by its publisher's terms. Every factual statement of the
article (all but the byline, the dateline and the newsletter footer) becomes a
claim with the attribution chain the article gives it.

Run it from anywhere::

    python examples/build_seed_record.py            # (re)writes the .json beside this file
    python examples/build_seed_record.py --stdout   # prints the record instead

then check the record with ``provenance validate examples/oan-2025-06-11-kosovo-deportees.json``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import provenance as pv
from provenance import AttributionMode as Mode
from provenance import (
    Excerpt,
    Factuality,
    Hedge,
    HedgeCategory,
    Hop,
    Perspective,
    Plurality,
    Source,
    SourceKind,
    Temporality,
)

HERE = Path(__file__).resolve().parent
ARTICLE = HERE / "oan-2025-06-11-kosovo-deportees.txt"
RECORD = HERE / "oan-2025-06-11-kosovo-deportees.json"

WIKIDATA = "http://www.wikidata.org/entity/"  # Wikidata's canonical concept URIs

# The words each hop quotes, verbatim (without the closing punctuation the
# newspaper style puts inside the quotation marks).
KOSOVO_STATEMENT = (
    "The government has expressed its readiness to participate, with the opportunity to "
    "select individuals from a proposed pool, provided they meet specific criteria related "
    "to the rule of law and public order"
)
GRATEFUL = (
    "grateful to our partner Kosovo for receiving third country nationals removed from the "
    "United States and facilitating those aliens\u2019 safe return to their home countries"
)
WELCOME = "We welcome cooperation on this key Trump Administration priority"


def read_article(path: Path = ARTICLE) -> str:
    """Return the article text exactly as stored (no newline translation)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def build_document(text: str | None = None) -> pv.Document:
    """Return the complete Document record of the seed article.

    ``text`` defaults to the article shipped beside this script.
    """
    if text is None:
        text = read_article()

    # -- The publisher and the byline ---------------------------------------------------
    builder = pv.builder.DocumentBuilder(
        id="oan-2025-06-11-kosovo-deportees",
        text=text,
        # The dateline gives a local time and no time zone; none is invented.
        published="2025-06-11T10:36",
        language="en",
        publisher=Source(
            "oan",
            SourceKind.PUBLICATION,
            name="One America News Network",
            descriptor="OAN",
        ),
    )
    builder.add_author(
        Source(
            "meyers",
            SourceKind.NAMED_PERSON,
            name="James Meyers",
            descriptor="OAN Staff James Meyers",
            affiliation="oan",
        )
    )

    # -- Every source the article names or alludes to ----------------------------------
    for source in (
        Source(
            "multiple-reports",
            SourceKind.VAGUE_REPORTS,
            descriptor="multiple reports",
            plurality=Plurality.SEVERAL,
        ),
        Source("reuters", SourceKind.PUBLICATION, name="Reuters", same_as=[WIKIDATA + "Q130879"]),
        Source(
            "kosovo",
            SourceKind.NAMED_ORGANIZATION,
            name="Republic of Kosovo",
            same_as=[WIKIDATA + "Q1246"],
        ),
        Source(
            "kosovo-government",
            SourceKind.NAMED_ORGANIZATION,
            name="Government of Kosovo",
            descriptor="the Kosovo government",
            affiliation="kosovo",
        ),
        Source(
            "balkan-reports",
            SourceKind.VAGUE_REPORTS,
            descriptor="reports",
            plurality=Plurality.SEVERAL,
        ),
        Source("fox-news", SourceKind.PUBLICATION, name="Fox News", same_as=[WIKIDATA + "Q186068"]),
        Source(
            "state-department",
            SourceKind.NAMED_ORGANIZATION,
            name="United States Department of State",
            descriptor="U.S. State Department",
        ),
        Source(
            "state-spokesperson",
            SourceKind.UNNAMED_INDIVIDUAL,
            descriptor="a U.S. State Department spokesperson",
            affiliation="state-department",
        ),
        # "Although it is presumed": a generic voice, not a source the claim is passed through.
        Source(
            "presumption",
            SourceKind.GENERIC,
            descriptor="it is presumed",
            plurality=Plurality.UNSPECIFIED,
        ),
        Source("uk", SourceKind.NAMED_ORGANIZATION, name="United Kingdom", descriptor="the UK"),
        Source(
            "uk-analysts",
            SourceKind.UNNAMED_GROUP,
            descriptor="UK-based political analysts",
            plurality=Plurality.SEVERAL,
        ),
    ):
        builder.add_source(source)

    # -- Paragraph 1: the lead, sourced to "multiple reports" -----------------------------
    builder.claim(
        "kosovo-takes-deportees",
        "The Republic of Kosovo has agreed to take in at least 50 illegal immigrants, to be "
        "deported from the United States over a one-year period",
        attribution=[
            Hop(
                "multiple-reports",
                Mode.ACCORDING_TO,
                cue=Excerpt("according to"),
                mention=Excerpt("multiple reports"),
                date="2025-06-11",  # "that surfaced on Wednesday"
            )
        ],
    )

    # -- Paragraph 2: background the publisher asserts alone ------------------------------
    builder.claim(
        "kosovo-borders",
        "Kosovo is bordered by Albania to the southwest, Montenegro to the west, Serbia to the "
        "north and east, and North Macedonia to the southeast",
    )

    # -- Paragraph 3: two background statements, both the publisher's own ----------------
    builder.claim(
        "us-third-countries",
        "the U.S. has made moves for third-party countries to host deported illegals",
    )
    builder.claim(
        "trump-mass-deportations",
        "President Donald Trump has continued to follow his promise of mass deportations in the "
        "U.S.",
    )

    # -- Paragraph 4: OAN -> Reuters -> the Kosovo government's statement -----------------
    # The "provided they meet specific criteria" clause restricts *what* the government
    # offers; it does not weaken the government's commitment, so it is not a hedge.
    builder.claim(
        "kosovo-statement",
        KOSOVO_STATEMENT,
        attribution=[
            Hop(
                "reuters",
                Mode.ACCORDING_TO,
                cue=Excerpt("according to"),
                mention=Excerpt("Reuters"),
            ),
            Hop(
                "kosovo-government",
                Mode.DIRECT_QUOTE,
                quote=KOSOVO_STATEMENT,
                cue=Excerpt("said in a statement"),
                mention=Excerpt("the Kosovo government"),
                medium="statement",
                date="2025-06-11",  # "on Wednesday"
            ),
        ],
        factuality=[
            Perspective("kosovo-government", Factuality.CERTAIN_POSITIVE, Temporality.PAST_PRESENT)
        ],
    )

    # -- Paragraph 5: vague "reports", then an explicitly open question --------------------
    builder.claim(
        "us-pushing-balkans",
        "the U.S. was pushing Balkan nations, such as Serbia, to accept deported migrants",
        attribution=[
            Hop(
                "balkan-reports",
                Mode.REPORTED,
                cue=Excerpt("came to light"),
                mention=Excerpt("reports"),
                date="2025-06",  # "Last week", counted back from 11 June 2025
            )
        ],
    )
    builder.claim(
        "deportee-nationalities",
        "the deportees would include illegal migrants from countries such as Haiti, Cuba, "
        "Venezuela, and Nicaragua",
        hedges=[
            Hedge(
                "remains up in the air",
                HedgeCategory.UNRESOLVED,
                factuality=Factuality.UNDERSPECIFIED,
            )
        ],
        factuality=[Perspective("oan", Factuality.UNDERSPECIFIED, Temporality.FUTURE)],
    )

    # -- Paragraph 6: the Supreme Court, asserted by the publisher ------------------------
    builder.claim(
        "tps-lifted",
        "the U.S. Supreme Court authorized lifting the \u201cTemporary Protected Status\u201d "
        "(TPS) of 500,000 migrants last month",
    )

    # -- Paragraph 7: OAN -> Fox News -> an unnamed State Department spokesperson ----------
    builder.claim(
        "state-department-grateful",
        f"the U.S. is \u201c{GRATEFUL}.\u201d",
        attribution=[
            Hop(
                "fox-news",
                Mode.ACCORDING_TO,
                cue=Excerpt("According to"),
                mention=Excerpt("Fox News"),
            ),
            Hop(
                "state-spokesperson",
                Mode.PARTIAL_QUOTE,
                quote=GRATEFUL,
                cue=Excerpt("stated"),
                mention=Excerpt("a U.S. State Department spokesperson"),
            ),
        ],
        factuality=[
            Perspective("state-spokesperson", Factuality.CERTAIN_POSITIVE, Temporality.PAST_PRESENT)
        ],
    )

    # -- Paragraph 8: "the spokesman added" carries the chain over ------------------------
    # The chain is inherited from the previous claim (same sources, same order); only the
    # last hop is spelled out again, because this claim is a direct quote with its own cue.
    builder.claim(
        "state-department-welcome",
        WELCOME,
        inherits="state-department-grateful",
        attribution=[
            Hop("fox-news", Mode.ACCORDING_TO),
            Hop(
                "state-spokesperson",
                Mode.DIRECT_QUOTE,
                quote=WELCOME,
                cue=Excerpt("added"),
                mention=Excerpt("the spokesman"),
            ),
        ],
    )

    # -- Paragraph 9: a presumption and an open question about the same event -------------
    builder.claim(
        "us-funds-third-countries",
        "the U.S. will fund third-party countries to host the deportees from the U.S.",
        hedges=[
            Hedge(
                "it is presumed",
                HedgeCategory.DOXASTIC,
                source="presumption",
                factuality=Factuality.PROBABLE_POSITIVE,
            ),
            Hedge(
                "remains unclear",
                HedgeCategory.UNRESOLVED,
                factuality=Factuality.UNDERSPECIFIED,
            ),
        ],
        factuality=[
            Perspective("presumption", Factuality.PROBABLE_POSITIVE, Temporality.FUTURE),
            Perspective("oan", Factuality.UNDERSPECIFIED, Temporality.FUTURE),
        ],
    )
    # The comparison the sentence takes for granted: the U.S. already does so with El Salvador.
    builder.claim("us-funds-el-salvador", "such as the nation has with El Salvador")

    # -- Paragraph 10: the UK government, named, with no intermediary ---------------------
    # Reported speech with two quoted fragments ("return hubs", "asylum seekers denied
    # sanctuary"): a Hop holds one verbatim quote, so the hop is a paraphrase and the
    # fragments stay in the claim text.
    builder.claim(
        "uk-return-hubs",
        "it was looking to Kosovo, along with eight other countries from the Balkans, to open "
        "\u201creturn hubs\u201d to host \u201casylum seekers denied sanctuary.\u201d",
        attribution=[
            Hop(
                "uk",
                Mode.PARAPHRASE,
                cue=Excerpt("said"),
                mention=Excerpt("the UK"),
                date="2025-05",  # "In May"
            )
        ],
    )
    builder.claim(
        "uk-move-serious",
        "The move is being considered a more serious attempt to stop illegal migration coming to "
        "Britain",
        attribution=[
            Hop(
                "uk-analysts",
                Mode.TOLD,
                cue=Excerpt("told"),
                mention=Excerpt("UK-based political analysts"),
                recipient="the press",
            )
        ],
    )

    # -- Paragraphs 11-12: Denmark's agreement, asserted, and two expectations ------------
    builder.claim(
        "denmark-kosovo-agreement",
        "In 2022, Denmark and Kosovo made an agreement that saw the transfer of 300 foreign "
        "prisoners to Kosovo\u2019s Correctional Institution in Gjilan",
    )
    builder.claim(
        "prisoners-deported",
        "They are expected to be deported after their sentences",
        hedges=[
            Hedge(
                "expected to",
                HedgeCategory.PROSPECTIVE,
                factuality=Factuality.PROBABLE_POSITIVE,
            )
        ],
        factuality=[Perspective("oan", Factuality.PROBABLE_POSITIVE, Temporality.FUTURE)],
    )
    builder.claim(
        "agreement-revenue",
        "That agreement is also expected to bring in $217 million to Kosovo\u2019s economy",
        hedges=[
            Hedge(
                "expected to",
                HedgeCategory.PROSPECTIVE,
                factuality=Factuality.PROBABLE_POSITIVE,
            )
        ],
        factuality=[Perspective("oan", Factuality.PROBABLE_POSITIVE, Temporality.FUTURE)],
    )

    return builder.build()


def main(argv: Sequence[str] | None = None) -> int:
    """Build the record and write it beside this script (or print it with ``--stdout``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--stdout", action="store_true", help="print the record instead")
    parser.add_argument(
        "--output", type=Path, default=RECORD, help=f"where to write it (default {RECORD.name})"
    )
    args = parser.parse_args(argv)
    try:
        document = build_document()
    except pv.ProvenanceError as error:
        print(f"build_seed_record: {error}", file=sys.stderr)
        return 1
    if args.stdout:
        sys.stdout.write(pv.dumps(document, indent=2) + "\n")
    else:
        pv.dump(document, args.output)
        print(f"wrote {args.output} ({len(document.claims)} claims)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
