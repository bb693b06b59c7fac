"""The distributed pipeline at scale: draft and audit generated corpora on a local Dask cluster.

Two measurements, each printing the command-line equivalent it times:

``scale``
    Writes a folder of generated article texts holding about ``--claims``
    quoted claims (ten per article, each a sentence of 12-20 words quoted and
    attributed to one of a pool of named people and organisations, with
    filler sentences between), then drafts them with
    ``provenance extract FOLDER -o DRAFTED --scheduler processes`` and audits
    the drafts with ``provenance audit DRAFTED --scheduler processes
    --output-dir REPORT``. Prints wall time, throughput and the peak memory
    (maximum resident set) of every worker process and of the client.

``speedup``
    Drafts one folder of texts (by default the PolNeAR training texts of the
    shared corpus) with one worker, then with two, each on a fresh
    ``LocalCluster(processes=True)``, and prints the words per second of
    each and their ratio.

Run from the project root with the ``dask`` extra installed::

    python tests/benchmarks/distributed_scale.py scale --claims 1000000
    nice python tests/benchmarks/distributed_scale.py scale --claims 10000000
    python tests/benchmarks/distributed_scale.py speedup

Generated folders go under ``--work`` (default: a temporary folder, removed
afterwards). It is not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "corpus" / "polnear" / "train" / "text"

_WORDS = [
    "government",
    "budget",
    "plan",
    "talks",
    "ceasefire",
    "border",
    "minister",
    "election",
    "vote",
    "council",
    "report",
    "prices",
    "market",
    "workers",
    "strike",
    "bridge",
    "port",
    "river",
    "city",
    "mayor",
    "police",
    "court",
    "ruling",
    "law",
    "tax",
    "health",
    "hospital",
    "schools",
    "teachers",
    "water",
    "power",
    "grid",
    "energy",
    "oil",
    "gas",
    "trade",
    "deal",
    "army",
    "troops",
    "aid",
    "refugees",
    "village",
    "farmers",
    "harvest",
    "rain",
    "flood",
    "drought",
    "storm",
    "road",
    "rail",
]
_PEOPLE = [
    f"{first} {last}"
    for first in ("Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Jun")
    for last in (
        "Petrov",
        "Silva",
        "Okafor",
        "Moreau",
        "Kowalski",
        "Haddad",
        "Novak",
        "Reyes",
        "Tanaka",
        "Larsen",
    )
]
_ROLES = (
    "a spokesman for the ministry",
    "the mayor",
    "a union leader",
    "the minister",
    "a senior analyst",
    "the police chief",
)


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize()


def _article(rng: random.Random, claims: int) -> str:
    lines = []
    for _ in range(claims):
        lines.append(_sentence(rng, 8, 14) + ".")
        quote = _sentence(rng, 12, 20)
        who = rng.choice(_PEOPLE)
        if rng.random() < 0.5:
            lines.append(f'"{quote}," said {who}, {rng.choice(_ROLES)}.')
        else:
            lines.append(f"{who}, {rng.choice(_ROLES)}, said that {quote.lower()}.")
    return "\n\n".join(" ".join(lines[i : i + 2]) for i in range(0, len(lines), 2)) + "\n"


def write_texts(
    folder: Path, claims: int, *, per_article: int = 10, per_folder: int = 1000, seed: int = 1
) -> tuple[int, int]:
    """Write generated articles of about ``claims`` quoted claims; return (files, words)."""
    rng = random.Random(seed)
    files = words = 0
    made = 0
    while made < claims:
        count = min(per_article, claims - made)
        text = _article(rng, count)
        sub = folder / f"{files // per_folder:05d}"
        if files % per_folder == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"a{files:08d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
        files += 1
        made += count
    return files, words


# --- generated records (the audit floor: records written directly, no text drafted) -----------

_OUTLETS = 200
_PEOPLE_POOL = 5000
_ORGS = 300


def _outlet(n: int) -> dict[str, Any]:
    return {
        "id": f"outlet-{n:03d}",
        "kind": "publication",
        "name": f"Outlet {n:03d} News",
        "same_as": [f"https://example.org/outlets/{n:03d}"],
    }


def _record(rng: random.Random, number: int, claims: int, keys: int) -> dict[str, Any]:
    """One generated record: a publisher, its sources and ``claims`` keyed claims with chains.

    Claims share keys drawn from ``keys`` values (so groups span documents), chains
    have zero to two hops (an outlet relaying a person, organisation, unnamed or vague
    source), a few claims are negated (stance conflicts) or reviewed false.
    """
    publisher = rng.randrange(_OUTLETS)
    sources = [_outlet(publisher)]
    relay = (publisher + 1 + rng.randrange(_OUTLETS - 1)) % _OUTLETS
    sources.append(_outlet(relay))
    people = rng.sample(range(_PEOPLE_POOL), 4)
    for p in people:
        sources.append(
            {"id": f"p{p}", "kind": "named_person", "name": f"Person {p} {_PEOPLE[p % 100]}"}
        )
    org = rng.randrange(_ORGS)
    sources.append({"id": f"org{org}", "kind": "named_organization", "name": f"Agency {org}"})
    sources.append(
        {"id": "official", "kind": "unnamed_individual", "descriptor": "a senior official"}
    )
    sources.append({"id": "reports", "kind": "vague_reports", "descriptor": "reports"})
    origins = [f"p{p}" for p in people] + [f"org{org}", "official", "reports"]
    made = []
    checker = False
    for c in range(claims):
        claim: dict[str, Any] = {"id": f"c{c}", "text": f"Generated claim {c} of {number}"}
        roll = rng.random()
        origin = rng.choice(origins)
        if roll < 0.1:
            hops: list[dict[str, Any]] = []
        elif roll < 0.3:
            hops = [
                {"source": sources[1]["id"], "mode": "according_to"},
                {"source": origin, "mode": "paraphrase", "asserted_by": sources[1]["id"]},
            ]
        else:
            hops = [{"source": origin, "mode": "paraphrase"}]
        if hops:
            claim["attribution"] = hops
        if rng.random() < 0.05:
            claim["hedges"] = [{"text": "not", "category": "negation"}]
        if rng.random() < 0.9:
            claim["key"] = f"k{rng.randrange(keys)}"
        if rng.random() < 0.01:
            claim["reviews"] = [{"reviewer": "checker", "verdict": "false"}]
            checker = True
            claim["status"] = "refuted"
        elif not hops:
            claim["status"] = "asserted"
        elif origin in ("official", "reports"):
            claim["status"] = "reported"
        else:
            claim["status"] = "attributed"
        made.append(claim)
    if checker:
        sources.append({"id": "checker", "kind": "named_organization", "name": "Fact Check Desk"})
    return {
        "schema": "https://claim-provenance.org/schemas/v1/document.json",
        "id": f"g{number:08d}",
        "publisher": sources[0]["id"],
        "sources": sources,
        "claims": made,
    }


def _write_records_file(job: tuple[Path, int, int, int, int, int]) -> tuple[int, int]:
    """Write documents ``first`` to ``first + count`` as one JSON Lines file (seeded by file)."""
    target, index, first, count, per_document, keys = job
    rng = random.Random(index * 7919 + 1)
    claims = 0
    with target.open("w", encoding="utf-8") as handle:
        for number in range(first, first + count):
            record = _record(rng, number, per_document, keys)
            claims += len(record["claims"])
            handle.write(json.dumps(record, separators=(",", ":")) + "\n")
    return count, claims


def write_records(
    folder: Path, claims: int, *, per_document: int = 20, per_file: int = 1000, group: int = 5
) -> tuple[int, int, int]:
    """Write generated records of ``claims`` claims as JSON Lines; return (files, docs, claims).

    Claims draw keys from ``claims // group`` values, so a group has about
    ``group`` claims from different documents. Files are written by two
    processes (each file seeded by its index, so the corpus does not depend on it).
    """
    import multiprocessing

    folder.mkdir(parents=True, exist_ok=True)
    documents = -(-claims // per_document)
    keys = max(claims // group, 1)
    jobs = [
        (
            folder / f"records-{i:05d}.jsonl",
            i,
            first,
            min(per_file, documents - first),
            per_document,
            keys,
        )
        for i, first in enumerate(range(0, documents, per_file))
    ]
    with multiprocessing.Pool(2) as pool:
        done = pool.map(_write_records_file, jobs, chunksize=1)
    return len(jobs), sum(d for d, _ in done), sum(c for _, c in done)


def _deep_size(value: Any, seen: set[int]) -> int:
    """Bytes held by ``value`` and what it holds (tuples, lists, dicts, strings), each once."""
    if id(value) in seen:
        return 0
    seen.add(id(value))
    size = sys.getsizeof(value)
    if isinstance(value, (tuple, list, set, frozenset)):
        size += sum(_deep_size(item, seen) for item in value)
    elif isinstance(value, dict):
        size += sum(_deep_size(k, seen) + _deep_size(v, seen) for k, v in value.items())
    return size


def edge_sizes(sample: Path) -> None:
    """Print the size per claim of one file's documents, edge records and analysis state."""
    import pickle
    import tracemalloc

    from provenance.codec import load_corpus
    from provenance.corpus import analyze_edges
    from provenance.edge_records import document_edges

    corpus = load_corpus([sample])
    claims = sum(len(d.claims) for d in corpus.documents)
    edges = tuple(document_edges(d) for d in corpus.documents)
    # Enums are shared singletons: count them as held elsewhere.
    from provenance.vocabulary import SourceKind, Verdict

    shared = {id(member) for member in (*SourceKind, *Verdict)}
    held = _deep_size(edges, set(shared))
    as_documents = len(pickle.dumps(tuple(corpus.documents), protocol=5))
    as_edges = len(pickle.dumps(edges, protocol=5))
    tracemalloc.start()
    analysis = analyze_edges(edges)
    _, peak = tracemalloc.get_traced_memory()
    kept = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del analysis
    print(
        f"  one file, {len(corpus.documents):,} documents, {claims:,} claims: edge records "
        f"{held / claims:,.0f} bytes per claim in memory, pickled {as_edges / claims:,.0f} "
        f"bytes per claim (documents pickled: {as_documents / claims:,.0f}); the analysis of "
        f"them keeps {kept / claims:,.0f} bytes per claim (peak while analysing "
        f"{peak / claims:,.0f})",
        flush=True,
    )


def audit_generated(args: argparse.Namespace, work: Path) -> None:
    """Generate records of ``--claims`` claims, then audit them on a local cluster."""
    records = work / f"records-{args.claims}"
    start = time.perf_counter()
    files, documents, claims = write_records(records, args.claims, per_file=args.per_file)
    size = sum(f.stat().st_size for f in records.iterdir())
    print(
        f"generated {documents:,} records, {claims:,} claims in {files:,} JSON Lines files "
        f"({size / 2**20:,.0f} MiB) in {time.perf_counter() - start:.0f} s",
        flush=True,
    )
    edge_sizes(records / "records-00000.jsonl")
    try:
        audit_folder(args, [records], work / f"report-{args.claims}")
    finally:
        if not args.keep:
            shutil.rmtree(records, ignore_errors=True)
            shutil.rmtree(work / f"report-{args.claims}", ignore_errors=True)


def _worker_peaks(client: Any) -> dict[str, float]:
    """Peak resident memory (MiB) of every worker process so far."""

    def peak() -> float:
        import resource as r

        return r.getrusage(r.RUSAGE_SELF).ru_maxrss / 1024

    found: dict[str, float] = client.run(peak)
    return found


def _steps(stream: Any) -> tuple[dict[str, float], set[str]]:
    """Worker seconds by step from Dask's task stream, and the workers that ran ``_decide``."""
    seconds: dict[str, float] = {}
    reducers: set[str] = set()
    for task in stream.data:
        name = task["key"][0] if isinstance(task["key"], tuple) else task["key"]
        step = str(name).split("-")[0]  # "load_partition-<token>" -> "load_partition"
        if step == "_decide":
            reducers.add(str(task.get("worker")))
        for part in task.get("startstops", ()):
            if part["action"] == "compute":
                seconds[step] = seconds.get(step, 0.0) + part["stop"] - part["start"]
    return seconds, reducers


def _split(stream: Any) -> str:
    """Worker seconds by step, from Dask's task stream: how the cost divides."""
    seconds, _ = _steps(stream)
    total = sum(seconds.values()) or 1.0
    reduce = seconds.get("_decide", 0.0)
    return (
        ", ".join(
            f"{step} {value:,.1f} s ({value / total:.0%})"
            for step, value in sorted(seconds.items(), key=lambda item: -item[1])
            if value / total >= 0.001
        )
        + f"; map {total - reduce:,.1f} s ({(total - reduce) / total:.0%}), reduce {reduce:,.1f} s"
    )


def _memory(client: Any) -> dict[str, tuple[float, float]]:
    """(resident now, peak) in MiB of every worker process."""

    def sample() -> tuple[float, float]:
        import resource as r

        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20, r.getrusage(
            r.RUSAGE_SELF
        ).ru_maxrss / 1024

    found: dict[str, tuple[float, float]] = client.run(sample)
    return found


def _monitor(client: Any, every: float, stop: Any) -> None:
    """Print, every ``every`` seconds, the tasks done by step and each worker's memory.

    So that a run stopped before its end still shows how far it got and what
    the workers held on the way (the reduce's peak once it has run).
    """
    start = time.perf_counter()

    def states(dask_scheduler: Any) -> dict[str, dict[str, int]]:
        found: dict[str, dict[str, int]] = {}
        for task in dask_scheduler.tasks.values():
            step = found.setdefault(task.prefix.name, {})
            step[task.state] = step.get(task.state, 0) + 1
        return found

    while not stop.wait(every):
        try:
            steps = client.run_on_scheduler(states)
            memory = _memory(client)
        except Exception as error:  # the cluster closing: stop quietly
            print(f"  [monitor stopped: {error}]", flush=True)
            return
        done = ", ".join(
            f"{name} {counts.get('memory', 0) + counts.get('released', 0)}/{sum(counts.values())}"
            for name, counts in sorted(steps.items())
        )
        held = ", ".join(f"{now:,.0f} (peak {peak:,.0f})" for now, peak in memory.values())
        print(
            f"  [{time.perf_counter() - start:6.0f} s] tasks done: {done}; worker MiB: {held}; "
            f"load {os.getloadavg()[0]:.1f}",
            flush=True,
        )


def _own_peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cluster(workers: int) -> Any:
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        memory_limit=0,
    )
    return cluster, Client(cluster)


def scale(args: argparse.Namespace, work: Path) -> None:
    from distributed import get_task_stream

    from provenance.distributed import extract_to_folder

    texts, drafted = work / "texts", work / "drafted"
    start = time.perf_counter()
    files, words = write_texts(texts, args.claims)
    print(
        f"generated {files:,} articles, {words:,} words in {time.perf_counter() - start:.0f} s",
        flush=True,
    )

    cluster, client = _cluster(args.workers)
    try:
        print(
            f"$ provenance extract {texts} -o {drafted} --scheduler processes "
            f"--workers {args.workers} --files-per-partition {args.files_per_partition}"
        )
        start = time.perf_counter()
        with get_task_stream(client) as stream:
            summary = extract_to_folder(
                client, [texts], drafted, files_per_partition=args.files_per_partition
            )
        took = time.perf_counter() - start
        peaks = _worker_peaks(client)
        print(
            f"  drafted {summary.drafted:,} documents, {summary.claims:,} claims, "
            f"{summary.words:,} words in {took:.1f} s: {summary.words / took:,.0f} words/s, "
            f"{summary.claims / took:,.0f} claims/s; {len(summary.parts)} parts"
        )
        print(
            "  peak memory per worker (MiB): "
            + ", ".join(f"{v:,.0f}" for v in sorted(peaks.values())),
            flush=True,
        )
        print(f"  worker time by step: {_split(stream)}", flush=True)
    finally:
        client.close()
        cluster.close()

    # A fresh cluster, so the audit's peaks are its own.
    audit_folder(args, [drafted], work / "report")


def audit_folder(args: argparse.Namespace, inputs: list[Path], report: Path) -> None:
    """Audit record files on a fresh local cluster; print time, memory and the split by step."""
    from distributed import get_task_stream

    from provenance.distributed import audit_to_folder

    drafted = f"{inputs[0]}{' ...' if len(inputs) > 1 else ''}"
    cluster, client = _cluster(args.workers)
    try:
        print(
            f"$ provenance audit {drafted} --scheduler processes --workers {args.workers} "
            f"--output-dir {report}"
        )
        import threading

        stop = threading.Event()
        watcher = threading.Thread(target=_monitor, args=(client, args.monitor, stop), daemon=True)
        if args.monitor:
            watcher.start()
        start = time.perf_counter()
        try:
            with get_task_stream(client) as stream:
                record = audit_to_folder(client, inputs, report)
        finally:
            stop.set()
        took = time.perf_counter() - start
        peaks = _worker_peaks(client)
        _, reducers = _steps(stream)
        claims = record.corpus.claims
        print(
            f"  audited {record.corpus.documents:,} documents, {claims:,} claims in "
            f"{took:.1f} s: {claims / took:,.0f} claims/s; "
            f"{sum(record.corpus.rule_counts.values()):,} findings"
        )
        print(
            "  peak memory per worker (MiB): "
            + ", ".join(
                f"{v:,.0f}{' (ran the reduce)' if w in reducers else ''}"
                for w, v in sorted(peaks.items(), key=lambda item: item[1])
            )
            + f"; client {_own_peak():,.0f}",
            flush=True,
        )
        print(f"  worker time by step: {_split(stream)}", flush=True)
        files = [f for p in inputs for f in ([p] if p.is_file() else p.rglob("*.jsonl"))]
        sizes = sum(f.stat().st_size for f in files)
        print(f"  records: {sizes / 2**20:,.0f} MiB of JSON Lines")
    finally:
        client.close()
        cluster.close()
    if args.reference:
        # The in-process audit of the same records, in this run: the reference for the ratio.
        from provenance.audit import audit_corpus
        from provenance.codec import load_corpus

        print(f"$ provenance audit {drafted} --output-dir ... (in process, for reference)")
        start = time.perf_counter()
        whole = audit_corpus(load_corpus(inputs))
        took_in = time.perf_counter() - start
        print(
            f"  audited {whole.corpus.claims:,} claims in {took_in:.1f} s: "
            f"{whole.corpus.claims / took_in:,.0f} claims/s; distributed / in process wall "
            f"time {took / took_in:.2f}; in-process peak memory {_own_peak():,.0f} MiB"
        )
    print(
        f"load average over the run's last minute: {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores"
    )


def speedup(args: argparse.Namespace, work: Path) -> None:
    from provenance.distributed import extract_to_folder

    folder = Path(args.folder) if args.folder else POLNEAR
    if not folder.is_dir():
        raise SystemExit(f"no folder of texts at {folder}")
    files = sorted(folder.rglob("*.txt"))
    per = max(len(files) // (8 * 2), 1)  # eight partitions per worker of the larger cluster
    ratios = []
    for round_ in range(1, args.rounds + 1):
        rates = {}
        # alternate the order, so that a drift of the machine's load favours neither
        for workers in (1, 2) if round_ % 2 else (2, 1):
            cluster, client = _cluster(workers)
            try:
                client.run(lambda: __import__("provenance.extraction"))  # warm imports
                start = time.perf_counter()
                summary = extract_to_folder(
                    client, [folder], work / f"out{round_}-{workers}", files_per_partition=per
                )
                took = time.perf_counter() - start
            finally:
                client.close()
                cluster.close()
            rates[workers] = summary.words / took
            print(
                f"$ provenance extract {folder} -o OUT --scheduler processes "
                f"--workers {workers} --files-per-partition {per}"
            )
            print(
                f"  round {round_}: {summary.drafted:,} articles, {summary.words:,} words in "
                f"{took:.1f} s: {rates[workers]:,.0f} words/s",
                flush=True,
            )
        ratios.append(rates[2] / rates[1])
        print(f"  round {round_}: two workers over one {ratios[-1]:.2f}x", flush=True)
    print(
        f"speedup of two workers over one: median {statistics.median(ratios):.2f}x over "
        f"{len(ratios)} rounds (lowest {min(ratios):.2f}x, highest {max(ratios):.2f}x; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    one = sub.add_parser("scale")
    one.add_argument("--claims", type=int, default=1_000_000)
    one.add_argument("--workers", type=int, default=2)
    one.add_argument("--files-per-partition", type=int, default=2000)
    one.add_argument(
        "--reference",
        action="store_true",
        help="also audit in process, for the ratio (needs the corpus in memory)",
    )
    three = sub.add_parser("audit", help="audit record files already written (e.g. drafts)")
    three.add_argument("records", nargs="+", type=Path)
    three.add_argument("--workers", type=int, default=2)
    three.add_argument("--reference", action="store_true")
    four = sub.add_parser(
        "audit-generated", help="generate records (no text) of --claims claims and audit them"
    )
    four.add_argument("--claims", type=int, default=1_000_000)
    four.add_argument("--workers", type=int, default=2)
    four.add_argument("--per-file", type=int, default=1000, help="records per file (partition)")
    four.add_argument("--keep", action="store_true", help="keep the records and the report")
    four.add_argument("--reference", action="store_true")
    two = sub.add_parser("speedup")
    two.add_argument("--folder", help="a folder of .txt files (default: PolNeAR train)")
    two.add_argument("--rounds", type=int, default=5, help="pairs of runs; the median is printed")
    for p in (one, three, four):
        p.add_argument(
            "--monitor",
            type=float,
            default=0,
            help="print tasks done and worker memory every so many seconds (0: never)",
        )
    for p in (one, two, three, four):
        p.add_argument("--work", help="where to write (default: a temporary folder)")
    args = parser.parse_args(argv)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="distributed-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.what == "audit":
            audit_folder(args, args.records, work / "report")
        elif args.what == "audit-generated":
            audit_generated(args, work)
        else:
            (scale if args.what == "scale" else speedup)(args, work)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"python": sys.version.split()[0]}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
