"""Shared test configuration: Hypothesis profiles and paths to shipped and shared data.

Profiles: ``default`` is quick for local runs; ``ci`` (set ``HYPOTHESIS_PROFILE=ci``)
is the thorough one CI uses.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def corpus_dir() -> Path:
    """The shared real-world corpus; tests that need it skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (it is not shipped with the project)")
    return CORPUS


@pytest.fixture
def seed_document() -> object:
    """The seed article's hand-made record, ``examples/oan-2025-06-11-kosovo-deportees.json``."""
    from provenance import load

    return load(EXAMPLES / "oan-2025-06-11-kosovo-deportees.json")
