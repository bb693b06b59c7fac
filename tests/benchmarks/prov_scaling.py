"""PROV exports grow linearly with the number of records: size and time of 100 vs 1,000 records.

The records are copies of the shipped example under distinct ids (each a
document with 10 sources, 15 claims and their chains). For each size the
PROV-N and PROV-JSON texts are written and their length and time printed,
with the ratio to the first size; linear growth shows as a ratio near the
size ratio (10). ``--turtle`` adds PROV-O (Turtle, needs the ``prov`` extra),
whose conversion through the ``prov`` package is slower; give it smaller sizes.

    python tests/benchmarks/prov_scaling.py                  # 100 and 1000 records
    python tests/benchmarks/prov_scaling.py --sizes 30 100 300 --turtle
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import attrs

from provenance import codec
from provenance.formats import prov

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "oan-2025-06-11-kosovo-deportees.json"


def _records(count: int) -> list[object]:
    document = codec.load(EXAMPLE)
    return [attrs.evolve(document, id=f"{document.id}-{number}") for number in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--turtle", action="store_true", help="also PROV-O Turtle")
    args = parser.parse_args()
    writers = {"prov-n": prov.dumps_provn, "prov-json": prov.dumps}
    if args.turtle:
        writers["prov-o"] = prov.dumps_turtle
    first: dict[str, tuple[int, float]] = {}
    print(f"{'format':<10}{'records':>8}{'MB':>9}{'seconds':>9}{'size x':>8}{'time x':>8}")
    for name, write in writers.items():
        for size in args.sizes:
            records = _records(size)
            start = time.perf_counter()
            text = write(records)  # type: ignore[operator]
            seconds = time.perf_counter() - start
            base = first.setdefault(name, (len(text), seconds))
            print(
                f"{name:<10}{size:>8}{len(text) / 1e6:>9.2f}{seconds:>9.2f}"
                f"{len(text) / base[0]:>8.1f}{seconds / base[1]:>8.1f}"
            )


if __name__ == "__main__":
    main()
