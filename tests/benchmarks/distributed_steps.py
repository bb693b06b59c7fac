"""CPU time of each step of the distributed audit on one partition, against the in-process audit.

    python tests/benchmarks/distributed_steps.py RECORDS.jsonl

Runs, in this process and without Dask, what a cluster runs for one partition (load, the
edge records and their trip between processes as a pickle, the decide reduce and the
partition's part of the analysis with its trip back, the partition read again, the report
with its claims' decisions, its JSON Lines), and the
in-process load and audit of the same file. Prints CPU seconds per step (CPU time, since the
machine may be shared). A partition written by ``distributed_scale.py scale --work DIR`` is a
good input (``DIR/drafted/part-00000.jsonl``). It is not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from collections.abc import Callable
from typing import Any

from provenance import distributed
from provenance.audit import AuditConfig, audit_corpus
from provenance.codec import audit_to_data, load_corpus


def _timed(name: str, function: Callable[[], Any], seconds: dict[str, float]) -> Any:
    start = time.process_time()
    result = function()
    seconds[name] = time.process_time() - start
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records")
    args = parser.parse_args(argv)
    config = AuditConfig()
    steps: dict[str, float] = {}
    corpus = _timed("load (map)", lambda: load_corpus([args.records]), steps)
    edges = _timed("edge records (map)", lambda: distributed._edges(corpus), steps)
    sent = _timed("edge records: pickle out", lambda: pickle.dumps(edges), steps)
    edges = _timed("edge records: pickle in", lambda: pickle.loads(sent), steps)
    parts, _ = _timed("decide (reduce)", lambda: distributed._decide([edges], config), steps)
    back = _timed("part: pickle out", lambda: pickle.dumps(parts[0]), steps)
    part = _timed("part: pickle in", lambda: pickle.loads(back), steps)
    # The report task reads its partition again (no documents wait for the reduce).
    again = _timed("load again (map)", lambda: load_corpus([args.records]), steps)
    record = _timed("report (map)", lambda: distributed._report(again, part, config), steps)
    _timed(
        "report as JSON Lines (map)",
        lambda: "".join(json.dumps(d) + "\n" for d in audit_to_data(record)["documents"]),
        steps,
    )
    reference: dict[str, float] = {}
    whole_corpus = _timed("load", lambda: load_corpus([args.records]), reference)
    _timed("audit", lambda: audit_corpus(whole_corpus, config), reference)
    claims = sum(len(d.claims) for d in corpus.documents)
    print(
        f"{len(corpus.documents):,} documents, {claims:,} claims; edge records "
        f"{len(sent) / 2**20:.1f} MiB pickled, the part {len(back) / 2**20:.1f} MiB"
    )
    for name, value in steps.items():
        print(f"  {name:<28} {value:6.2f} s")
    total, whole = sum(steps.values()), sum(reference.values())
    print(f"  {'distributed, all steps':<28} {total:6.2f} s")
    print(f"  {'in process (load + audit)':<28} {whole:6.2f} s   ratio {total / whole:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
