"""Build the small example corpus of this folder (fictional outlets and sources).

Three stories, seven short articles:

- ``port-closure``: three outlets relay one statement of the Eastbay Port
  Authority (two through the Coastal Wire agency, one of them stopping at the
  agency). One origin: not corroborated, and single-origin amplification.
- ``mayor-resignation``: the Daily Beacon cites the Evening Star, and the
  Evening Star cites the Daily Beacon. Circular reporting.
- ``bridge-reopening``: the Eastbay Transit Agency (in a statement) and Mayor
  Ana Ortiz (to reporters) each say the same. Two independent named origins:
  corroborated.

Run ``python examples/corpus/build_corpus.py`` from the project root to write
the ``*.json`` files beside this script.
"""

from __future__ import annotations

from pathlib import Path

import provenance as pv

HERE = Path(__file__).resolve().parent
BASE = "https://example.org/sources/"


def outlet(id: str, name: str) -> pv.Source:
    return pv.Source(id, pv.SourceKind.PUBLICATION, name=name, same_as=[BASE + id])


def port_authority() -> pv.Source:
    return pv.Source(
        "port-authority",
        pv.SourceKind.NAMED_ORGANIZATION,
        name="Eastbay Port Authority",
        same_as=[BASE + "port-authority"],
    )


def coastal_wire() -> pv.Source:
    return outlet("coastal-wire", "Coastal Wire")


QUOTE = "The harbor will close to cargo traffic for two weeks"


def relay_via_wire() -> pv.Document:
    text = f'"{QUOTE}," the Eastbay Port Authority said in a statement, according to Coastal Wire.'
    builder = pv.builder.DocumentBuilder(
        id="harbor-gazette-port-closure",
        text=text,
        publisher=outlet("harbor-gazette", "Harbor Gazette"),
        published="2025-03-03",
    )
    builder.add_source(coastal_wire())
    builder.add_source(port_authority())
    builder.claim(
        "closure",
        QUOTE,
        key="port-closure",
        attribution=[
            pv.Hop("coastal-wire", pv.AttributionMode.ACCORDING_TO, cue=pv.Excerpt("according to")),
            pv.Hop(
                "port-authority",
                pv.AttributionMode.DIRECT_QUOTE,
                quote=QUOTE,
                cue=pv.Excerpt("said"),
                medium="statement",
                asserted_by="coastal-wire",
            ),
        ],
    )
    return builder.build()


def relay_direct() -> pv.Document:
    text = f'"{QUOTE}," the Eastbay Port Authority said on Monday.'
    builder = pv.builder.DocumentBuilder(
        id="valley-courier-port-closure",
        text=text,
        publisher=outlet("valley-courier", "Valley Courier"),
        published="2025-03-03",
    )
    builder.add_source(port_authority())
    builder.claim(
        "closure",
        QUOTE,
        key="port-closure",
        attribution=[
            pv.Hop(
                "port-authority",
                pv.AttributionMode.DIRECT_QUOTE,
                quote=QUOTE,
                cue=pv.Excerpt("said"),
            )
        ],
    )
    return builder.build()


def relay_stops_at_wire() -> pv.Document:
    words = "the harbor will close to cargo traffic for two weeks"
    text = f"According to Coastal Wire, {words}."
    builder = pv.builder.DocumentBuilder(
        id="northern-ledger-port-closure",
        text=text,
        publisher=outlet("northern-ledger", "Northern Ledger"),
        published="2025-03-04",
    )
    builder.add_source(coastal_wire())
    builder.claim(
        "closure",
        words,
        key="port-closure",
        attribution=[
            pv.Hop("coastal-wire", pv.AttributionMode.ACCORDING_TO, cue=pv.Excerpt("According to"))
        ],
    )
    return builder.build()


RESIGNATION = "the deputy mayor has resigned"


def cites(publisher: pv.Source, cited: pv.Source, document_id: str) -> pv.Document:
    text = f"The {cited.name} reports that {RESIGNATION}."
    builder = pv.builder.DocumentBuilder(
        id=document_id, text=text, publisher=publisher, published="2025-04-10"
    )
    builder.add_source(cited)
    builder.claim(
        "resignation",
        RESIGNATION,
        key="mayor-resignation",
        attribution=[pv.Hop(cited.id, pv.AttributionMode.CITING, cue=pv.Excerpt("reports that"))],
    )
    return builder.build()


REOPENING = "the Old Mill bridge reopens on Friday"


def bridge_from_agency() -> pv.Document:
    text = f"The Eastbay Transit Agency said in a statement that {REOPENING}."
    builder = pv.builder.DocumentBuilder(
        id="harbor-gazette-bridge",
        text=text,
        publisher=outlet("harbor-gazette", "Harbor Gazette"),
        published="2025-05-02",
    )
    builder.add_source(
        pv.Source(
            "transit-agency",
            pv.SourceKind.NAMED_ORGANIZATION,
            name="Eastbay Transit Agency",
            same_as=[BASE + "transit-agency"],
        )
    )
    builder.claim(
        "reopening",
        REOPENING,
        key="bridge-reopening",
        attribution=[
            pv.Hop(
                "transit-agency",
                pv.AttributionMode.PARAPHRASE,
                cue=pv.Excerpt("said in a statement"),
                medium="statement",
            )
        ],
    )
    return builder.build()


def bridge_from_mayor() -> pv.Document:
    text = f"Mayor Ana Ortiz told reporters that {REOPENING}."
    builder = pv.builder.DocumentBuilder(
        id="valley-courier-bridge",
        text=text,
        publisher=outlet("valley-courier", "Valley Courier"),
        published="2025-05-02",
    )
    builder.add_source(
        pv.Source(
            "ortiz",
            pv.SourceKind.NAMED_PERSON,
            name="Ana Ortiz",
            descriptor="Mayor Ana Ortiz",
            same_as=[BASE + "ana-ortiz"],
        )
    )
    builder.claim(
        "reopening",
        REOPENING,
        key="bridge-reopening",
        attribution=[
            pv.Hop(
                "ortiz",
                pv.AttributionMode.TOLD,
                cue=pv.Excerpt("told"),
                recipient="reporters",
            )
        ],
    )
    return builder.build()


def documents() -> list[pv.Document]:
    """Return every document of the example corpus."""
    beacon = outlet("daily-beacon", "Daily Beacon")
    star = outlet("evening-star", "Evening Star")
    return [
        relay_via_wire(),
        relay_direct(),
        relay_stops_at_wire(),
        cites(beacon, star, "daily-beacon-resignation"),
        cites(star, beacon, "evening-star-resignation"),
        bridge_from_agency(),
        bridge_from_mayor(),
    ]


def main() -> None:
    for document in documents():
        pv.dump(document, HERE / f"{document.id}.json")


if __name__ == "__main__":
    main()
