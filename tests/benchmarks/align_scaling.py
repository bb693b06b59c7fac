"""How alignment plus audit grow with the number of claims: 10k, 100k, 1M.

Generates the corpora of ``audit_scaling.py`` (chains through a pool of outlets
to named, unnamed or vague origins; claims in groups of about four documents),
then removes every claim key and gives each group a statement of its own: 12
words from a 20,000-word vocabulary, each occurrence with one word changed
(three times in ten) or its last two words cut (one time in five), so that the
alignment has to find the groups again. Each size runs in a child process, so
that its peak memory (the process' maximum resident set) is its own; times are
CPU seconds split into the steps (align, reuse, decide + report); the proposals
are streamed to a proposals file as they are made (``align(...,
proposals_to=...)``), as ``provenance align`` does, not held in memory. The
growth column is the time ratio to the smallest size divided by the size ratio:
1.0 is linear. Run it from the project root::

    nice python tests/benchmarks/align_scaling.py                 # 10k, 100k, 1M claims
    nice python tests/benchmarks/align_scaling.py --sizes 10000 100000

It is not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit_scaling import generate

from provenance.alignment import Proposal, align, dump_proposals
from provenance.audit import AuditConfig
from provenance.corpus import Corpus
from provenance.pipeline import decide, report
from provenance.reuse import find_reuse

_VOCABULARY = 20_000


def _statement(group: int) -> list[str]:
    rng = random.Random(group)
    return [f"w{rng.randrange(_VOCABULARY)}" for _ in range(12)]


def unkeyed(claims: int) -> Corpus:
    """The audit-scaling corpus of ``claims`` claims, keys removed, texts per group varied."""
    corpus = generate(claims)
    rng = random.Random(2)
    documents = []
    for document in corpus.documents:
        new_claims = []
        for claim in document.claims:
            words = _statement(int(str(claim.key)[1:]))
            roll = rng.random()
            if roll < 0.3:
                words[rng.randrange(len(words))] = f"w{rng.randrange(_VOCABULARY)}"
            elif roll < 0.5:
                words = words[:-2]
            new_claims.append(attrs.evolve(claim, key=None, text=" ".join(words)))
        documents.append(attrs.evolve(document, claims=new_claims))
    return Corpus(documents)


def _one(claims: int) -> dict[str, float]:
    corpus = unkeyed(claims)
    config = AuditConfig()
    written = 0
    with tempfile.TemporaryFile("w", encoding="utf-8") as spool:

        def keep(proposal: Proposal) -> None:
            nonlocal written
            written += 1
            spool.writelines(dump_proposals((proposal,)))

        start = time.process_time()
        alignment = align(corpus.documents, proposals_to=keep)
        aligned = time.process_time()
    found = tuple(find_reuse(alignment.documents))
    reused = time.process_time()
    keyed = Corpus(alignment.documents)
    analysis = decide(keyed.documents, config, reuse=found)
    report(keyed, analysis, config)
    done = time.process_time()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "claims": claims,
        "align": aligned - start,
        "reuse": reused - aligned,
        "audit": done - reused,
        "total": done - start,
        "peak_mib": peak_kib / 1024,
        "groups": len(alignment.groups()),
        "proposals": written,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(_one(args.one)))
        return 0
    rows = []
    for size in args.sizes:
        child = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(child.stdout.strip().splitlines()[-1]))
        row = rows[-1]
        base = rows[0]
        growth = (row["total"] / base["total"]) / (row["claims"] / base["claims"])
        print(
            f"{row['claims']:>9,} claims: align {row['align']:7.1f} s, reuse {row['reuse']:6.1f} s,"
            f" audit {row['audit']:7.1f} s, total {row['total']:7.1f} s "
            f"({row['claims'] / row['total']:,.0f} claims/s), peak {row['peak_mib']:,.0f} MiB, "
            f"growth {growth:.2f}; {row['groups']:,} groups, {row['proposals']:,} proposals",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
