"""Training a learned extractor from brat annotations, with a report on a held-back part.

:func:`load_examples` pairs every gold ``.ann`` file with its article text (PolNeAR's
layout: ``NAME_ANNOTATOR.ann`` beside, or in another folder than, ``NAME.txt``); a file
that cannot be read is reported and skipped. :func:`train` holds back a part of the
articles (chosen by ``seed``; all annotations of one article stay on one side), trains on
the rest and scores both the rules alone and the rules with the model on the held-back
part, with the code ``provenance evaluate`` runs.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from provenance._version import version
from provenance.errors import InvalidValue, ProvenanceError
from provenance.evaluation import CATEGORIES, MATCHINGS, Evaluation, Score, compare
from provenance.extraction.extractor import Extractor
from provenance.extraction.lexicon import Lexicon
from provenance.formats import brat
from provenance.formats.brat import Annotation
from provenance.learning.crf import learner_version, parameters_for, train_crf
from provenance.learning.features import Featurizer
from provenance.learning.labels import gold_tags
from provenance.learning.learned_extractor import LearnedExtractor
from provenance.learning.model_file import LearnedModel

__all__ = ["Example", "Training", "load_examples", "score", "split_examples", "train"]

_Progress = Callable[[str, int, int], None]


@attrs.frozen
class Example:
    """One annotated article."""

    name: str
    """The article's name (the text file's stem)."""
    text: str
    """The article text."""
    gold: Annotation
    """Its gold annotation."""


@attrs.frozen
class Training:
    """What :func:`train` returns: the model and its held-back scores."""

    model: LearnedModel
    """The trained model (its ``report`` holds the figures below as JSON)."""
    rules: Evaluation | None
    """The rules alone on the held-back part (``None`` when nothing was held back)."""
    learned: Evaluation | None
    """The rules with the model on the held-back part."""
    errors: tuple[str, ...] = ()
    """Files that could not be read."""


def load_examples(
    gold: str | os.PathLike[str], text: str | os.PathLike[str] | None = None
) -> tuple[list[Example], list[str]]:
    """Read every ``*.ann`` of ``gold`` with its text from ``text`` (default: ``gold``).

    Returns the examples (sorted by file name) and one message per file left out.
    """
    gold_dir = Path(gold)
    text_dir = Path(text) if text is not None else gold_dir
    if not gold_dir.is_dir():
        raise InvalidValue("no such folder", expected="a folder of .ann files", found=str(gold))
    examples: list[Example] = []
    errors: list[str] = []
    for ann in sorted(gold_dir.glob("*.ann")):
        candidates = [text_dir / (ann.stem + ".txt")]
        if "_" in ann.stem:
            candidates.append(text_dir / (ann.stem.rsplit("_", 1)[0] + ".txt"))
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            errors.append(f"{ann}: no text {candidates[0].name} in {text_dir}")
            continue
        try:
            annotation = brat.load(ann)
            words = found.read_text(encoding="utf-8")
        except (ProvenanceError, OSError, UnicodeDecodeError) as error:
            errors.append(f"{ann}: {error}")
            continue
        examples.append(Example(found.stem, words, annotation))
    return examples, errors


def split_examples(
    examples: Sequence[Example], held_back: float, seed: int
) -> tuple[list[Example], list[Example]]:
    """Split by article name into ``(train, held back)``; the same seed gives the same split."""
    names = sorted({example.name for example in examples})
    random.Random(seed).shuffle(names)
    count = round(len(names) * held_back) if held_back > 0 else 0
    if held_back > 0 and len(names) > 1:
        count = min(max(count, 1), len(names) - 1)
    back = set(names[:count])
    return (
        [e for e in examples if e.name not in back],
        [e for e in examples if e.name in back],
    )


def score(
    examples: Sequence[Example],
    draft: Callable[[str], Annotation],
) -> Evaluation:
    """Score the annotations ``draft`` gives for each example's text against its gold."""
    totals = {(m, c): Score() for m in MATCHINGS for c in CATEGORIES}
    for example in examples:
        for key, value in compare(example.gold, draft(example.text)).items():
            totals[key] = totals[key] + value
    return Evaluation(totals, len(examples))


def train(
    examples: Sequence[Example],
    *,
    lexicon: Lexicon | None = None,
    held_back: float = 0.2,
    seed: int = 0,
    name: str = "model",
    parameters: dict[str, Any] | None = None,
    progress: _Progress | None = None,
) -> Training:
    """Train a model on ``examples`` less a held-back part, then score that part."""
    if not examples:
        raise InvalidValue("nothing to train on", expected="at least one annotated article")
    if not 0 <= held_back < 1:
        raise InvalidValue(
            "the held-back part must be a fraction",
            expected="0 <= held_back < 1",
            found=str(held_back),
        )
    lex = lexicon if lexicon is not None else Lexicon.default()
    options = parameters_for(parameters)
    learning, back = split_examples(examples, held_back, seed)
    rules = Extractor(lex)
    featurizer = Featurizer(lex)
    started = time.perf_counter()
    sequences = []
    for number, example in enumerate(learning, start=1):
        if progress is not None:
            progress("features", number, len(learning))
        draft = brat.write(rules.extract(example.text, document_id="d"))
        for sequence in featurizer.sequences(example.text, draft):
            sequences.append((sequence.features, gold_tags(sequence.tokens, example.gold)))
    crf = train_crf(
        sequences,
        options,
        progress=(lambda n, total: progress("training", n, total)) if progress else None,
    )
    seconds = time.perf_counter() - started
    model = LearnedModel(
        crf=crf,
        lexicon=lex,
        name=name,
        package_version=version(),
        learner_version=learner_version(),
        parameters={**options, "seed": seed, "held_back": held_back},
        report={
            "articles": len(learning),
            "held_back": len({e.name for e in back}),
            "seconds": round(seconds, 1),
        },
    )
    if not back:
        return Training(model, None, None)
    learned = LearnedExtractor(model)
    counter = iter(range(1, 2 * len(back) + 1))

    def step(label: str) -> None:
        if progress is not None:
            progress(label, next(counter), 2 * len(back))

    def by_rules(text: str) -> Annotation:
        step("held back")
        return brat.write(rules.extract(text, document_id="d"))

    def by_model(text: str) -> Annotation:
        step("held back")
        return brat.write(learned.extract(text, document_id="d"))

    rule_scores = score(back, by_rules)
    model_scores = score(back, by_model)
    model = attrs.evolve(
        model,
        report={
            **model.report,
            "rules": rule_scores.as_dict()["scores"],
            "rules_and_model": model_scores.as_dict()["scores"],
        },
    )
    return Training(model, rule_scores, model_scores)
