"""Deterministic synthetic Documents for the benchmark harness.

``document(claims, seed)`` builds a consistent Document (every span matches its
text, every status is the derived one) with ``claims`` claims of 1-4 hops each,
about 1 KB of JSON per claim. The same arguments always give the same record.
"""

from __future__ import annotations

import random

import provenance as pv
from provenance.status import with_derived_status

_SUBJECTS = [
    "The ministry",
    "Officials in the capital",
    "The company",
    "Local authorities",
    "The coalition",
    "Prosecutors",
    "The central bank",
    "Hospital staff",
]
_PREDICATES = [
    "agreed to take in at least {n} deportees",
    "plans to cut spending by {n} percent",
    "has received {n} complaints since March",
    "will open {n} new offices next year",
    "paid {n} million dollars to the contractors",
    "recorded {n} cases in the first week",
]
_CUES = ["according to", "said", "told reporters", "citing", "claimed", "reported"]
_HEDGES = [
    ("reportedly", pv.HedgeCategory.EVIDENTIAL_HEARSAY),
    ("may", pv.HedgeCategory.EPISTEMIC),
    ("remains unclear", pv.HedgeCategory.UNRESOLVED),
    ("is expected to", pv.HedgeCategory.PROSPECTIVE),
]
_KINDS = [
    (pv.SourceKind.NAMED_PERSON, "Jane Doe", "the deputy minister"),
    (pv.SourceKind.NAMED_ORGANIZATION, "Ministry of the Interior", "the interior ministry"),
    (pv.SourceKind.PUBLICATION, "Reuters", None),
    (pv.SourceKind.UNNAMED_INDIVIDUAL, None, "a senior official"),
    (pv.SourceKind.UNNAMED_GROUP, None, "analysts based in London"),
    (pv.SourceKind.VAGUE_REPORTS, None, "multiple reports"),
    (pv.SourceKind.DOCUMENT, "Annual report 2024", "the annual report"),
]
_MODES = [
    pv.AttributionMode.ACCORDING_TO,
    pv.AttributionMode.PARAPHRASE,
    pv.AttributionMode.TOLD,
    pv.AttributionMode.CITING,
    pv.AttributionMode.DIRECT_QUOTE,
    pv.AttributionMode.CLAIMED,
]


def document(claims: int, seed: int = 0, *, ident: str | None = None) -> pv.Document:
    """Return a consistent Document with ``claims`` claims of 1-4 hops (deterministic)."""
    rng = random.Random(f"{seed}:{claims}")
    sources = [pv.Source("pub", pv.SourceKind.PUBLICATION, name="The Daily Example")]
    for index in range(min(3 * claims, 40) + 4):
        kind, name, descriptor = _KINDS[index % len(_KINDS)]
        sources.append(
            pv.Source(
                f"s{index}",
                kind,
                name=f"{name} {index}" if name else None,
                descriptor=descriptor,
                plurality=pv.Plurality.SEVERAL
                if kind is pv.SourceKind.VAGUE_REPORTS
                else pv.Plurality.ONE,
                reliability=pv.Reliability.B if index % 5 == 0 else None,
            )
        )
    pool = [source.id for source in sources[1:]]
    labels = {source.id: source.descriptor or source.name or source.id for source in sources}

    parts: list[str] = []
    offset = 0

    def put(words: str) -> pv.Span:
        nonlocal offset
        span = pv.Span(offset, offset + len(words))
        parts.append(words)
        offset += len(words)
        return span

    built: list[pv.Claim] = []
    for number in range(claims):
        words = rng.choice(_SUBJECTS) + " " + rng.choice(_PREDICATES).format(n=rng.randint(2, 999))
        span = put(words)
        put(", ")
        chain = rng.sample(pool, rng.randint(1, 4))
        cue_words = rng.choice(_CUES)
        cue = pv.Excerpt(cue_words, put(cue_words))
        put(" ")
        mention_words = labels[chain[0]]
        mention = pv.Excerpt(mention_words, put(mention_words))
        hedges: list[pv.Hedge] = []
        if rng.random() < 0.4:
            put("; it ")
            hedge_words, category = rng.choice(_HEDGES)
            hedges.append(pv.Hedge(hedge_words, category, span=put(hedge_words)))
        put(". ")
        hops = []
        for position, source in enumerate(chain):
            mode = rng.choice(_MODES)
            hops.append(
                pv.Hop(
                    source,
                    mode,
                    cue=cue if position == 0 else None,
                    mention=mention if position == 0 else None,
                    medium="statement" if position == len(chain) - 1 else None,
                    date=f"2025-06-{rng.randint(1, 28):02d}" if position else None,
                    quote=words if mode.is_quote else None,
                    asserted_by=chain[position - 1] if position >= 2 else None,
                )
            )
        factuality = (
            [pv.Perspective(chain[-1], pv.Factuality.CERTAIN_POSITIVE)]
            if rng.random() < 0.5
            else []
        )
        reviews = []
        if rng.random() < 0.1:
            reviews.append(
                pv.Review(
                    "s0",
                    rng.choice([pv.Verdict.FALSE, pv.Verdict.MIXED, pv.Verdict.TRUE]),
                    label="Half True",
                    rating=pv.Rating(value=3, best=5, worst=1),
                    url="https://factcheck.example/review",
                    date="2025-06-20",
                )
            )
        built.append(
            pv.Claim(
                id=f"c{number}",
                text=words,
                span=span,
                attribution=hops,
                hedges=hedges,
                factuality=factuality,
                reviews=reviews,
                status=pv.ConfidenceStatus.ASSERTED,
                key=f"k{rng.randint(0, 10**9)}",
            )
        )
    record = pv.Document(
        id=ident or f"doc-{seed}-{claims}",
        url=f"https://news.example/{seed}/{claims}",
        title="Synthetic article for the benchmark",
        publisher="pub",
        published="2025-06-11T09:30:00Z",
        language="en",
        text="".join(parts),
        sources=sources,
        claims=built,
    )
    record = with_derived_status(record)
    pv.integrity.ensure_consistent(record)
    return record
