"""How the corpus analysis and the audit grow with the number of claims.

Generates corpora of 10,000, 100,000 and 1,000,000 claims deterministically
(no randomness beyond a seeded ``random.Random``), then times
:func:`provenance.corpus.analyze_corpus` and :func:`provenance.audit.audit_corpus` on
each, and prints claims per second and the time ratio to the smallest size
(linear growth shows as a ratio equal to the size ratio).

Each generated document has ``--claims-per-document`` claims (10 by default).
Claims share keys in groups of about four documents; chains have 0-3 hops
through a pool of outlets (aligned across documents by ``same_as``) to named,
unnamed or vague origins; one group in fifty is made circular (two outlets
citing each other). Run it from the project root::

    python tests/benchmarks/audit_scaling.py              # 10k, 100k, 1M claims
    python tests/benchmarks/audit_scaling.py --sizes 10000 100000

It is not collected by pytest.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time

import provenance as pv
from provenance.audit import audit_corpus
from provenance.corpus import Corpus, analyze_corpus
from provenance.status import derive_status

K = pv.SourceKind
M = pv.AttributionMode


def _outlet(number: int) -> pv.Source:
    return pv.Source(
        f"outlet{number}",
        K.PUBLICATION,
        name=f"Outlet {number}",
        same_as=[f"https://example.org/outlets/{number}"],
    )


def _origin(rng: random.Random, group: int) -> pv.Source:
    roll = rng.random()
    if roll < 0.6:
        # Origins repeat across groups so alignment has real work to do.
        number = rng.randrange(max(group // 2, 1))
        return pv.Source(
            f"org{number}",
            K.NAMED_ORGANIZATION,
            name=f"Organisation {number}",
            same_as=[f"https://example.org/organisations/{number}"],
        )
    if roll < 0.8:
        return pv.Source("official", K.UNNAMED_INDIVIDUAL, descriptor="a senior official")
    return pv.Source("reports", K.VAGUE_REPORTS, descriptor="multiple reports")


def generate(claims: int, *, per_document: int = 10, seed: int = 1) -> Corpus:
    """Return a corpus of ``claims`` claims, the same for the same arguments."""
    rng = random.Random(seed)
    outlets = max(claims // 100, 10)
    groups = max(claims // 4, 1)
    documents = []
    made = 0
    number = 0
    while made < claims:
        publisher_number = rng.randrange(outlets)
        publisher = _outlet(publisher_number)
        sources: dict[str, pv.Source] = {publisher.id: publisher}
        claim_list = []
        for index in range(min(per_document, claims - made)):
            group = rng.randrange(groups)
            circular = group % 50 == 0
            hops: list[pv.Hop] = []
            if circular:
                # Outlets A and B cite each other for this claim: A <- B here, B <- A there.
                pair = [
                    _outlet(2 * (group % (outlets // 2))),
                    _outlet(2 * (group % (outlets // 2)) + 1),
                ]
                rng.shuffle(pair)
                for relay in pair:
                    if relay.id != publisher.id:
                        sources.setdefault(relay.id, relay)
                        hops.append(pv.Hop(relay.id, M.CITING))
            else:
                for _ in range(rng.randrange(3)):
                    relay = _outlet(rng.randrange(outlets))
                    if relay.id != publisher.id and all(h.source != relay.id for h in hops):
                        sources.setdefault(relay.id, relay)
                        hops.append(pv.Hop(relay.id, M.ACCORDING_TO))
                if rng.random() < 0.9:
                    origin = _origin(rng, group)
                    sources.setdefault(origin.id, origin)
                    if origin.id != publisher.id and all(h.source != origin.id for h in hops):
                        hops.append(pv.Hop(origin.id, M.PARAPHRASE))
            draft = pv.Claim(
                id=f"c{index}",
                text=f"claim of group {group}",
                key=f"g{group}",
                attribution=hops,
                status=pv.ConfidenceStatus.ASSERTED,
            )
            decision = derive_status(draft, sources, publisher=publisher.id)
            claim_list.append(
                pv.Claim(
                    id=draft.id,
                    text=draft.text,
                    key=draft.key,
                    attribution=draft.attribution,
                    status=decision.status,
                    status_reasons=decision.reasons,
                )
            )
        documents.append(
            pv.Document(
                id=f"doc{number}",
                publisher=publisher.id,
                sources=tuple(sources.values()),
                claims=claim_list,
            )
        )
        made += len(claim_list)
        number += 1
    return Corpus(documents)


def _timed(function: object, *args: object) -> tuple[float, object]:
    """CPU time of the call (the machine may be shared: wall-clock time would measure others)."""
    start = time.process_time()
    result = function(*args)  # type: ignore[operator]
    return time.process_time() - start, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--claims-per-document", type=int, default=10)
    args = parser.parse_args(argv)
    print(
        f"{'claims':>10} {'hops':>10} {'groups':>9} {'loops':>6} "
        f"{'analyze s':>10} {'claims/s':>10} {'ratio':>6} "
        f"{'audit s':>9} {'claims/s':>10} {'ratio':>6}"
    )
    base: tuple[int, float, float] | None = None
    for size in args.sizes:
        corpus = generate(size, per_document=args.claims_per_document)
        gc.collect()
        gc.freeze()
        hops = sum(len(c.attribution) for d in corpus.documents for c in d.claims)
        analyze_time, analysis = _timed(analyze_corpus, corpus)
        assert hasattr(analysis, "groups")
        groups = len(analysis.groups)  # type: ignore[attr-defined]
        loops = len(analysis.loops)  # type: ignore[attr-defined]
        del analysis
        audit_time, report = _timed(audit_corpus, corpus)
        del report
        if base is None:
            base = (size, analyze_time, audit_time)
        scale = size / base[0]
        print(
            f"{size:>10,} {hops:>10,} {groups:>9,} {loops:>6,} "
            f"{analyze_time:>10.2f} {size / analyze_time:>10,.0f} "
            f"{analyze_time / base[1] / scale:>6.2f} "
            f"{audit_time:>9.2f} {size / audit_time:>10,.0f} "
            f"{audit_time / base[2] / scale:>6.2f}",
            flush=True,
        )
        gc.unfreeze()
        del corpus
        gc.collect()
    print(
        "ratio = (time / time at the smallest size) / (size / smallest size): "
        "1.00 is linear growth",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
