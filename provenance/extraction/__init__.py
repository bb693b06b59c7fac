"""Drafting records from article text: attributions, chains, sources and hedges, by rules.

The public entry points are :func:`extract` and :class:`Extractor`; the rules read a
:class:`Lexicon` that users can extend.
"""

from __future__ import annotations

from provenance.extraction.extractor import TOOL, Extractor, extract
from provenance.extraction.lexicon import Lexicon, load_lexicon

__all__ = ["TOOL", "Extractor", "Lexicon", "extract", "load_lexicon"]
