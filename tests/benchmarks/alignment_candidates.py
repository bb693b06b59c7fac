"""Candidate generation for claim alignment: MinHash/LSH against simpler choices.

Four ways of choosing which pairs of claims rapidfuzz scores:

- ``all-pairs``: every pair of claims of different documents (quadratic; the recall ceiling);
- ``exact``: claims whose normalised words are equal;
- ``rare-word``: claims sharing a content word held by at most 50 claims (token blocking);
- ``minhash-lsh``: what :func:`provenance.alignment.candidate_pairs` does.

For each it prints, on the dev event sets, the candidates and the end-to-end
precision and recall of the alignment (the same verification and grouping
after each), and on generated corpora (``align_scaling.unkeyed``) the
candidates, the share of the generator's true same-group pairs among them and
the CPU time. Run from the project root::

    nice python tests/benchmarks/alignment_candidates.py
    nice python tests/benchmarks/alignment_candidates.py --sizes 2000 50000

It is not collected by pytest.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from align_scaling import unkeyed
from alignment_sets import event, events, predicted_pairs
from audit_scaling import generate

from provenance import alignment as al

Generator = Callable[[Iterable[al.ClaimItem], al.AlignConfig], list[al.Pair]]


def all_pairs(items: Iterable[al.ClaimItem], config: al.AlignConfig) -> list[al.Pair]:
    ordered = sorted(items, key=lambda i: i.ref)
    return [
        al.Pair(x.ref, y.ref)
        for x, y in itertools.combinations(ordered, 2)
        if x.ref.document != y.ref.document
    ]


def _blocked(blocks: dict[object, list[al.ClaimRef]], limit: int | None) -> list[al.Pair]:
    found: set[tuple[al.ClaimRef, al.ClaimRef]] = set()
    for members in blocks.values():
        if len(members) < 2 or (limit is not None and len(members) > limit):
            continue
        members.sort()
        for x, y in itertools.combinations(members, 2):
            if x.document != y.document:
                found.add((x, y))
    return [al.Pair(x, y) for x, y in sorted(found)]


def exact(items: Iterable[al.ClaimItem], config: al.AlignConfig) -> list[al.Pair]:
    blocks: dict[object, list[al.ClaimRef]] = defaultdict(list)
    for item in items:
        blocks[item.words].append(item.ref)
    return _blocked(blocks, None)


def rare_word(items: Iterable[al.ClaimItem], config: al.AlignConfig) -> list[al.Pair]:
    blocks: dict[object, list[al.ClaimRef]] = defaultdict(list)
    for item in items:
        for word in set(item.words) - config.words.ignored:
            blocks[word].append(item.ref)
    return _blocked(blocks, 50)


GENERATORS: dict[str, Generator] = {
    "all-pairs": all_pairs,
    "exact": exact,
    "rare-word": rare_word,
    "minhash-lsh": al.candidate_pairs,
}


def _events() -> None:
    config = al.AlignConfig()
    dev = [event(name) for name in events() if event(name).part == "dev"]
    real = al.candidate_pairs
    print("dev event sets (end to end: the same verification and grouping after each):")
    for name, generator in GENERATORS.items():
        al.candidate_pairs = generator  # type: ignore[assignment]
        gold = found = right = candidates = 0
        for current in dev:
            candidates += len(generator(al.claim_items(current.documents), config))
            pairs = predicted_pairs(al.align(current.documents, config))
            gold += len(current.gold)
            found += len(pairs)
            right += len(pairs & current.gold)
        print(
            f"  {name:12} candidates {candidates:6,}  precision {right / found:.3f}  "
            f"recall {right / gold:.3f}"
        )
    al.candidate_pairs = real  # type: ignore[assignment]


def _generated(sizes: list[int]) -> None:
    config = al.AlignConfig()
    print("generated corpora (candidates, share of true same-group pairs among them, CPU s):")
    for size in sizes:
        corpus = unkeyed(size)
        groups: dict[str, list[al.ClaimRef]] = defaultdict(list)
        for document in generate(size).documents:
            for claim in document.claims:
                groups[str(claim.key)].append(al.ClaimRef(document.id, claim.id))
        true = {
            (x, y) if x < y else (y, x)
            for refs in groups.values()
            for x, y in itertools.combinations(refs, 2)
            if x.document != y.document
        }
        items = list(al.claim_items(corpus.documents))
        for name, generator in GENERATORS.items():
            if name == "all-pairs" and size > 2_000:
                print(f"  {size:>9,} {name:12} skipped: {size * (size - 1) // 2:,} pairs")
                continue
            start = time.process_time()
            pairs = generator(items, config)
            spent = time.process_time() - start
            found = {(p.a, p.b) for p in pairs}
            print(
                f"  {size:>9,} {name:12} candidates {len(pairs):10,}  true pairs found "
                f"{len(found & true) / len(true):.3f}  {spent:7.2f} s"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 20_000])
    args = parser.parse_args()
    _events()
    _generated(args.sizes)


if __name__ == "__main__":
    main()
