"""Extraction speed: words per second over the whole PolNeAR training split.

    python tests/benchmarks/extraction_speed.py             # one timed run
    python tests/benchmarks/extraction_speed.py --repeats 3 # median of three runs

Times :func:`provenance.extraction.benchmark_words_per_second`, the same measurement the
speed harness (``harness.py``) reports: every article is read into memory first, then one
extractor, reused, drafts them all.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from provenance.extraction import benchmark_words_per_second

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "polnear" / "train"


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    files = sorted((CORPUS / "text").glob("*.txt"))
    if not files:
        raise SystemExit(f"PolNeAR not found at {CORPUS}")
    words = sum(len(path.read_text(encoding="utf-8").split()) for path in files)
    rate = benchmark_words_per_second(CORPUS / "text", repeats=args.repeats)
    print(
        f"{len(files)} articles, {words} words in {words / rate:.2f} s "
        f"(median of {args.repeats}): {rate:,.0f} words/s"
    )


if __name__ == "__main__":
    main()
