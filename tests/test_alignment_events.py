"""Claim alignment and reuse on the same-event sets of tests/data/events*/.

The figures are printed by ``python tests/benchmarks/alignment_eval.py``; this
test keeps them from getting worse. The measures and thresholds were tuned on the
``dev`` events (tests/data/events/) only; the ``heldout`` events
(tests/data/events-heldout/) were never used to tune, and their floor is what they
gave when first measured.
"""

from __future__ import annotations

import itertools

import pytest

pytest.importorskip("datasketch")
pytest.importorskip("rapidfuzz")

from alignment_sets import event, events, predicted_pairs

from provenance.alignment import align
from provenance.reuse import find_reuse

# Measured with the default thresholds (see docs/how-to/align.md); a floor, not a target.
# The dev floor was lowered from (0.98, 0.96) when the fifth and sixth dev events (the
# Kremlin on Iran's missiles and on Navalny, one speaker in four and five translations) were
# added: their own figures are .907 / .961 and 1.000 / .350.
FLOORS = {"dev": (0.965, 0.90), "heldout": (0.96, 0.34)}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_same_statement_pairs(part: str) -> None:
    gold = found = right = 0
    for name in events():
        current = event(name)
        if current.part != part:
            continue
        pairs = predicted_pairs(align(current.documents))
        gold += len(current.gold)
        found += len(pairs)
        right += len(pairs & current.gold)
    assert gold, f"no {part} event"
    precision, recall = right / found, right / gold
    floor_p, floor_r = FLOORS[part]
    assert precision >= floor_p and recall >= floor_r, (precision, recall)


@pytest.mark.parametrize("name", events())
def test_known_copies_are_found_and_nothing_else(name: str) -> None:
    current = event(name)
    found = current.known_copies((r.copy, r.original) for r in find_reuse(current.documents))
    assert found == current.copies


@pytest.mark.parametrize("name", events())
def test_two_claims_of_one_article_in_a_group_are_one_statement_by_the_reading(
    name: str,
) -> None:
    current = event(name)
    for refs in align(current.documents).groups().values():
        names = sorted(str(ref) for ref in refs)
        for x, y in itertools.combinations(names, 2):
            if x.split("#")[0] == y.split("#")[0]:
                assert (x, y) in current.repeats, (x, y)
