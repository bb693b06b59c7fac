"""Extraction speed: words per second over the whole PolNeAR training split.

    python tests/benchmarks/extraction_speed.py

Reads every article into memory first, then times :meth:`Extractor.extract` alone
(one extractor, reused) and prints articles, words, seconds and words per second.
"""

from __future__ import annotations

import time
from pathlib import Path

from provenance.extraction import Extractor

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "polnear" / "train"


def main() -> None:
    """Run the benchmark."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((CORPUS / "text").glob("*.txt"))]
    if not texts:
        raise SystemExit(f"PolNeAR not found at {CORPUS}")
    words = sum(len(text.split()) for text in texts)
    extractor = Extractor()
    extractor.extract(texts[0])  # compile the lexicon outside the timing
    started = time.perf_counter()
    claims = 0
    for text in texts:
        claims += len(extractor.extract(text).claims)
    elapsed = time.perf_counter() - started
    print(
        f"{len(texts)} articles, {words} words, {claims} claims in {elapsed:.2f} s: "
        f"{words / elapsed:,.0f} words/s"
    )


if __name__ == "__main__":
    main()
