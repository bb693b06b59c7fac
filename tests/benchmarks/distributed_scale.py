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


def _worker_peaks(client: Any) -> dict[str, float]:
    """Peak resident memory (MiB) of every worker process so far."""

    def peak() -> float:
        import resource as r

        return r.getrusage(r.RUSAGE_SELF).ru_maxrss / 1024

    found: dict[str, float] = client.run(peak)
    return found


def _split(stream: Any) -> str:
    """Worker seconds by step, from Dask's task stream: how the cost divides."""
    seconds: dict[str, float] = {}
    for task in stream.data:
        name = task["key"][0] if isinstance(task["key"], tuple) else task["key"]
        step = str(name).split("-")[0]  # "load_partition-<token>" -> "load_partition"
        for part in task.get("startstops", ()):
            if part["action"] == "compute":
                seconds[step] = seconds.get(step, 0.0) + part["stop"] - part["start"]
    total = sum(seconds.values()) or 1.0
    return ", ".join(
        f"{step} {value:,.1f} s ({value / total:.0%})"
        for step, value in sorted(seconds.items(), key=lambda item: -item[1])
        if value / total >= 0.001
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
        start = time.perf_counter()
        with get_task_stream(client) as stream:
            record = audit_to_folder(client, inputs, report)
        took = time.perf_counter() - start
        peaks = _worker_peaks(client)
        claims = record.corpus.claims
        print(
            f"  audited {record.corpus.documents:,} documents, {claims:,} claims in "
            f"{took:.1f} s: {claims / took:,.0f} claims/s; "
            f"{sum(record.corpus.rule_counts.values()):,} findings"
        )
        print(
            "  peak memory per worker (MiB): "
            + ", ".join(f"{v:,.0f}" for v in sorted(peaks.values()))
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
    rates = {}
    for workers in (1, 2):
        cluster, client = _cluster(workers)
        try:
            client.run(lambda: __import__("provenance.extraction"))  # warm imports
            start = time.perf_counter()
            summary = extract_to_folder(
                client, [folder], work / f"out{workers}", files_per_partition=per
            )
            took = time.perf_counter() - start
        finally:
            client.close()
            cluster.close()
        rates[workers] = summary.words / took
        print(
            f"$ provenance extract {folder} -o OUT --scheduler processes --workers {workers} "
            f"--files-per-partition {per}"
        )
        print(
            f"  {summary.drafted:,} articles, {summary.words:,} words in {took:.1f} s: "
            f"{rates[workers]:,.0f} words/s",
            flush=True,
        )
    print(
        f"speedup of two workers over one: {rates[2] / rates[1]:.2f}x "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
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
    two = sub.add_parser("speedup")
    two.add_argument("--folder", help="a folder of .txt files (default: PolNeAR train)")
    for p in (one, two, three):
        p.add_argument("--work", help="where to write (default: a temporary folder)")
    args = parser.parse_args(argv)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="distributed-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.what == "audit":
            audit_folder(args, args.records, work / "report")
        else:
            (scale if args.what == "scale" else speedup)(args, work)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"python": sys.version.split()[0]}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
