"""The Hypothesis plugin: Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported.

Declared as the ``hypothesis`` entry point in ``pyproject.toml``. The strategies
themselves live in :mod:`provenance.strategies`, which imports Hypothesis; this module
imports neither at load time, so the hook also works while ``provenance.strategies`` is
itself the module importing Hypothesis (each registered strategy is deferred until its
first draw).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__: list[str] = []

# The model classes, by name, that st.from_type resolves to the library's strategies.
_MODEL_CLASSES = (
    "Document",
    "Claim",
    "Source",
    "Hop",
    "Hedge",
    "Review",
    "Span",
    "Excerpt",
    "Perspective",
    "Rating",
    "Evidence",
    "Drafting",
)


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every model class with Hypothesis (``st.from_type``)."""
    from hypothesis import strategies as st

    model = importlib.import_module("provenance.model")
    for name in _MODEL_CLASSES:
        kind = getattr(model, name)
        st.register_type_strategy(kind, st.deferred(_definition(kind)))


def _definition(kind: type) -> Callable[[], SearchStrategy[Any]]:
    def definition() -> SearchStrategy[Any]:  # Hypothesis wants a function, not a partial
        return _strategy(kind)

    return definition


def _strategy(kind: type) -> SearchStrategy[Any]:
    strategies = importlib.import_module("provenance.strategies")
    found: SearchStrategy[Any] = strategies.from_type_strategies()[kind]
    return found
