"""The extractor with a learned model: the rules draft, the model proposes, one decoder merges.

:class:`LearnedExtractor` runs the rule :class:`~provenance.extraction.Extractor` with the
model's own lexicon, reads its draft (through the brat export) as features, tags every
paragraph with the model, links the tagged cues, sources and contents
(:func:`~provenance.learning.decoder.link`) and merges them into the draft
(:func:`~provenance.learning.decoder.merge`). The result is the same kind of Document,
with ``drafted_by.method`` naming the model.
"""

from __future__ import annotations

import os

import attrs

from provenance.errors import IncompatibleModel
from provenance.extraction.extractor import Extractor
from provenance.extraction.lexicon import Lexicon
from provenance.extraction.sources import source_index
from provenance.formats import brat
from provenance.learning.crf import Tagger
from provenance.learning.decoder import LearnedAttribution, link, merge
from provenance.learning.features import Featurizer
from provenance.learning.labels import spans_from_tags
from provenance.learning.model_file import LearnedModel, lexicon_digest, load_model
from provenance.model import Document, Source

__all__ = ["LearnedExtractor", "for_model_file"]


class LearnedExtractor:
    """Drafts Document records with the rules plus a trained model (see the module docstring).

    Reuse one for many texts: the lexicon and the tagger are loaded once.
    """

    def __init__(self, model: LearnedModel, *, drop_unconfirmed: bool = False) -> None:
        self.model = model
        """The trained model."""
        self.drop_unconfirmed = drop_unconfirmed
        """Whether a one-hop rule attribution that the model does not confirm is dropped."""
        self.rules = Extractor(model.lexicon)
        """The rule extractor, reading the lexicon the model was trained with."""
        self._featurizer = Featurizer(model.lexicon)
        self._tagger = Tagger(model.crf)
        self._kinds = source_index(model.lexicon)

    @property
    def method(self) -> str:
        """What ``drafted_by.method`` says of drafts."""
        return f"rules + learned model {self.model.name} ({self.model.digest})"

    def propose(self, text: str, draft: Document) -> list[LearnedAttribution]:
        """Return the attributions the model finds in ``text``, given the rules' ``draft``."""
        found: list[LearnedAttribution] = []
        for sequence in self._featurizer.sequences(text, brat.write(draft)):
            tags = self._tagger.tag(sequence.features)
            found.extend(link(spans_from_tags(sequence.tokens, tags), sequence.sentence_of))
        return found

    def extract(
        self,
        text: str,
        *,
        publisher: str | Source | None = None,
        document_id: str | None = None,
        title: str | None = None,
        url: str | None = None,
        created: str | None = None,
    ) -> Document:
        """Draft a Document from ``text`` (arguments as ``Extractor.extract`` takes them)."""
        draft = self.rules.extract(
            text,
            publisher=publisher,
            document_id=document_id,
            title=title,
            url=url,
            created=created,
        )
        merged = merge(
            draft, self.propose(text, draft), self._kinds, drop_unconfirmed=self.drop_unconfirmed
        )
        assert merged.drafted_by is not None
        return attrs.evolve(merged, drafted_by=attrs.evolve(merged.drafted_by, method=self.method))


def for_model_file(
    path: str | os.PathLike[str], lexicon: Lexicon | None = None
) -> LearnedExtractor:
    """Open a model file for drafting.

    The model drafts with the lexicon it was trained with; a ``lexicon`` given here must be
    that same one, or :class:`~provenance.errors.IncompatibleModel` says so.
    """
    model = load_model(path)
    if lexicon is not None and lexicon_digest(lexicon) != lexicon_digest(model.lexicon):
        raise IncompatibleModel(
            "the model was trained with another lexicon than the one given; drop --lexicon "
            "(the model carries its own) or train again with it",
            location=str(path),
            path="$.lexicon_sha256",
            expected=lexicon_digest(model.lexicon),
            found=lexicon_digest(lexicon),
        )
    return LearnedExtractor(model)
