"""Peak memory and time of ``provenance audit --format json`` on a large JSON Lines corpus.

Writes a JSON Lines corpus of about ``--megabytes`` MB (the generated corpus of
``audit_scaling.generate``, documents with 10 claims sharing keys in groups of
about four documents, chains through a pool of outlets), then runs the command
line in a child process under ``/usr/bin/time -v`` and prints its wall time,
peak resident memory, the size of what it wrote, and whether that is one valid
JSON document holding every document of the corpus.

    python tests/benchmarks/audit_memory.py --megabytes 100 --out /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit_scaling import generate

from provenance import codec


def write_corpus(path: Path, megabytes: float) -> int:
    """Write documents to ``path`` until it holds ``megabytes`` MB; return how many."""
    wanted = int(megabytes * 1e6)
    written = 0
    count = 0
    seed = 1
    with path.open("w", encoding="utf-8") as out:
        while written < wanted:
            for document in generate(10_000, seed=seed).documents:
                line = codec.dumps(document) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                count += 1
                if written >= wanted:
                    break
            seed += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=100)
    parser.add_argument("--out", type=Path, help="where to write the corpus (kept)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="audit-memory-"))
    corpus = args.out or folder / "corpus.jsonl"
    if not corpus.exists():
        count = write_corpus(corpus, args.megabytes)
        print(f"wrote {corpus}: {count} documents, {corpus.stat().st_size / 1e6:.1f} MB")
    report = folder / "report.json"
    done = subprocess.run(
        [
            "/usr/bin/time",
            "-v",
            sys.executable,
            "-m",
            "provenance",
            "audit",
            "--format",
            "json",
            "--fail-on",
            "never",
            str(corpus),
            "-o",
            str(report),
        ],
        capture_output=True,
        text=True,
    )
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", done.stderr)
    print(f"exit status {done.returncode}")
    print(f"wall time {wall.group(1) if wall else '?'}")
    print(f"peak memory {int(peak.group(1)) / 1024:.0f} MB" if peak else "peak memory ?")
    size = report.stat().st_size if report.exists() else 0
    print(f"report {size / 1e6:.1f} MB")
    if size:
        with report.open("rb") as handle:
            data = json.load(handle)
        lines = sum(1 for line in corpus.open("rb") if line.strip())
        print(f"valid JSON: yes, {len(data['documents'])} documents of {lines} lines")
        report.unlink()


if __name__ == "__main__":
    main()
