"""Drafting records from article text: attributions, chains, sources and hedges, by rules.

The public entry points are :func:`extract` and :class:`Extractor`; the rules read a
:class:`Lexicon` that users can extend.
"""

from __future__ import annotations

from provenance.extraction.extractor import TOOL, Extractor, benchmark_words_per_second, extract
from provenance.extraction.lexicon import Lexicon, load_lexicon

__all__ = [
    "TOOL",
    "Extractor",
    "Lexicon",
    "benchmark_words_per_second",
    "extract",
    "load_lexicon",
]
