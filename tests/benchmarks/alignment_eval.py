"""Precision and recall of claim alignment on the same-event sets, and the reuse found.

For every event of ``tests/data/events/`` and ``tests/data/events-heldout/``
(those with an ``alignment.json``), builds one record per article holding the
claims of its ``reading.json``, aligns them with
:func:`provenance.alignment.align` (default thresholds unless given) and
compares the same-group pairs across documents with the hand alignment's
same-statement pairs. Prints per event, then per part: ``dev`` (the four events
of ``tests/data/events/``, the thresholds and measures were tuned on them; the
Cuban embassy and North Korean sets were held out until December 2026, when
their misses were read) and ``heldout`` (the two events of
``tests/data/events-heldout/``, read then and never tuned on). Then the
undisclosed reuse found among the full article texts against the copies the
reading knows of. Run from the project root::

    python tests/benchmarks/alignment_eval.py
    python tests/benchmarks/alignment_eval.py --part dev --accept 0.75 --show-errors

``--show-errors`` lists the wrong and missed pairs of the ``dev`` events only: the
held-out events' pairs are never printed.

It is not collected by pytest (tests/test_alignment_events.py checks the targets).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from alignment_sets import event, events, predicted_pairs

from provenance.alignment import AlignConfig, align
from provenance.reuse import find_reuse


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--accept", type=float, default=None)
    parser.add_argument("--propose", type=float, default=None)
    parser.add_argument("--show-errors", action="store_true", help="dev events only")
    parser.add_argument("--part", choices=("dev", "heldout"), default=None)
    args = parser.parse_args()
    values = {k: v for k, v in (("accept", args.accept), ("propose", args.propose)) if v}
    config = AlignConfig(**values)
    totals: dict[str, list[int]] = {}
    print(f"accept {config.accept}, propose {config.propose}")
    print(f"{'event':32} {'part':8} {'gold':>5} {'found':>5} {'right':>5}  precision  recall")
    names = [n for n in events() if args.part in (None, event(n).part)]
    for name in names:
        found_event = event(name)
        result = align(found_event.documents, config)
        found = predicted_pairs(result)
        right = found & found_event.gold
        print(
            f"{name:32} {found_event.part:8} {len(found_event.gold):5} {len(found):5} "
            f"{len(right):5}  {_ratio(len(right), len(found)):9.3f}  "
            f"{_ratio(len(right), len(found_event.gold)):6.3f}"
        )
        part = totals.setdefault(found_event.part, [0, 0, 0])
        part[0] += len(found_event.gold)
        part[1] += len(found)
        part[2] += len(right)
        if args.show_errors and found_event.part == "dev":
            texts = {f"{d.id}#{c.id}": c.text for d in found_event.documents for c in d.claims}
            for x, y in sorted(found - found_event.gold):
                print(f"    wrong: {x} / {y}\n      {texts[x]!r}\n      {texts[y]!r}")
            for x, y in sorted(found_event.gold - found):
                print(f"    missed: {x} / {y}\n      {texts[x]!r}\n      {texts[y]!r}")
    for part, (gold, found_count, right_count) in sorted(totals.items()):
        print(
            f"{'all ' + part:32} {part:8} {gold:5} {found_count:5} {right_count:5}  "
            f"{_ratio(right_count, found_count):9.3f}  {_ratio(right_count, gold):6.3f}"
        )
    print()
    print("undisclosed reuse (copy <- original, share of the original's 5-grams):")
    for name in names:
        found_event = event(name)
        reuse = list(find_reuse(found_event.documents))
        pairs = set(found_event.known_copies((r.copy, r.original) for r in reuse))
        for r in reuse:
            (as_read,) = found_event.known_copies([(r.copy, r.original)])
            known = "known" if as_read in found_event.copies else "NOT in the reading"
            either = ", either way" if frozenset(as_read) in found_event.either_way else ""
            print(f"  {name}: {r.copy} <- {r.original} {r.share:.0%} ({known}{either})")
        for copy, original in sorted(found_event.copies - pairs):
            print(f"  {name}: MISSED {copy} <- {original}")
        print(
            f"  {name}: {len(pairs & found_event.copies)} of {len(found_event.copies)} known found"
        )


if __name__ == "__main__":
    main()
