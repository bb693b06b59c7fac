"""The short fuzz run of every loader, part of the test suite (the long run: docs/how-to/fuzz.md).

Each target gets its seeds and a fixed number of structure-aware mutations from
a fixed random seed, so a failure reproduces exactly; ``PROVENANCE_FUZZ_RUNS``
raises the count. Any exception but ``ProvenanceError`` fails the test.
"""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fuzz import mutations, targets

RUNS = int(os.environ.get("PROVENANCE_FUZZ_RUNS", "40"))


@pytest.fixture(autouse=True, scope="module")
def _scratch() -> Iterator[None]:
    yield
    targets.cleanup()


@pytest.mark.parametrize("name", sorted(targets.TARGETS))
def test_short_fuzz_run_raises_nothing_but_provenance_errors(name: str) -> None:
    target = targets.TARGETS[name]
    pool = targets.seeds(name)
    for data in pool:
        target(data)
    chance = random.Random(f"{name}-short-run")
    for _ in range(RUNS):
        data = chance.choice(pool)
        for _ in range(chance.randrange(1, 3)):
            data = mutations.mutate(name, data, chance)
        target(data)


@pytest.mark.parametrize("name", sorted(targets.TARGETS))
def test_found_crashes_stay_fixed(name: str) -> None:
    """Inputs saved by long runs (tests/fuzz/crashes/, kept locally) must no longer crash."""
    folder = Path(__file__).resolve().parent / "crashes"
    found = sorted(folder.glob(f"{name}-*.bin")) if folder.is_dir() else []
    if not found:
        pytest.skip("no saved crash input for this target")
    for path in found:
        targets.TARGETS[name](path.read_bytes())
