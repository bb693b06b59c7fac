"""A learned extractor, trained on the user's own brat annotations (``claim-provenance[learn]``).

Why a package of its own, beside :mod:`provenance.extraction` rather than inside it: the
rules stay the default and change on their own; this package only *reads* them (their
draft, their lexicon, their tokens) and adds what needs a learner: features
(:mod:`~provenance.learning.features`), tags (:mod:`~provenance.learning.labels`), the
CRF (:mod:`~provenance.learning.crf`, the only module that imports python-crfsuite, and only
when called), the model file (:mod:`~provenance.learning.model_file`), the decoder
(:mod:`~provenance.learning.decoder`), training (:mod:`~provenance.learning.training`) and
:class:`~provenance.learning.learned_extractor.LearnedExtractor`.

No model ships with the package: train one with ``provenance train`` or :func:`train`.
"""

from __future__ import annotations

from provenance.learning.learned_extractor import LearnedExtractor, for_model_file
from provenance.learning.model_file import LearnedModel, dump_model, load_model
from provenance.learning.training import Example, Training, load_examples, train

__all__ = [
    "Example",
    "LearnedExtractor",
    "LearnedModel",
    "Training",
    "dump_model",
    "for_model_file",
    "load_examples",
    "load_model",
    "train",
]
