"""Scoring attribution extraction against gold brat annotations.

For each file the gold and predicted annotations are compared on four
categories: ``Source``, ``Cue`` and ``Content`` spans (every text bound with
that label, duplicates counted once) and whole ``Attribution`` relations (the
source, cue and content of each ``Attribution`` or ``Attribution-no-source``
event). Two matchings are scored:

* ``exact``: the spans have the same fragments (a relation matches when each of
  its three parts does, an absent part matching only an absent one);
* ``overlap``: the spans share at least one character (likewise part by part).

Matching is one to one: each gold item takes the unmatched predicted item that
shares the most characters with it, in file order. Counts are summed over all
files before precision, recall and F1 are computed (micro-averaging).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from provenance.errors import ProvenanceError
from provenance.formats import brat
from provenance.formats.brat import ATTRIBUTION_LABELS, Annotation, Fragments

__all__ = [
    "CATEGORIES",
    "MATCHINGS",
    "Evaluation",
    "Score",
    "compare",
    "evaluate_directories",
]

CATEGORIES = ("Source", "Cue", "Content", "Attribution")
"""What is scored, in report order."""
MATCHINGS = ("exact", "overlap")
"""How spans are matched, in report order."""

_Relation = tuple[Fragments | None, Fragments | None, Fragments | None]


@attrs.frozen
class Score:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    """Predicted items matched to a gold item."""
    fp: int = 0
    """Predicted items matched to none."""
    fn: int = 0
    """Gold items matched to none."""

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """Return tp / (tp + fp), or 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Return tp / (tp + fn), or 0 when there is no gold item."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@attrs.frozen
class Evaluation:
    """Micro-averaged scores over a set of files, with what could not be compared."""

    scores: dict[tuple[str, str], Score]
    """``(matching, category)`` to its summed counts."""
    files: int
    """Gold files compared."""
    missing: tuple[str, ...] = ()
    """Gold files with no prediction (their items count as false negatives)."""
    errors: tuple[str, ...] = ()
    """Files that could not be read, one message each."""

    def as_dict(self) -> dict[str, Any]:
        """Return a JSON-ready rendering."""
        return {
            "files": self.files,
            "missing": list(self.missing),
            "errors": list(self.errors),
            "scores": {
                matching: {
                    category: {
                        "tp": score.tp,
                        "fp": score.fp,
                        "fn": score.fn,
                        "precision": round(score.precision, 4),
                        "recall": round(score.recall, 4),
                        "f1": round(score.f1, 4),
                    }
                    for category in CATEGORIES
                    for score in [self.scores[(matching, category)]]
                }
                for matching in MATCHINGS
            },
        }

    def as_text(self) -> str:
        """Return a plain-text table."""
        lines = [f"files: {self.files}  missing predictions: {len(self.missing)}"]
        lines.append(
            f"{'matching':<9}{'category':<13}{'P':>7}{'R':>7}{'F1':>7}{'tp':>8}{'fp':>8}{'fn':>8}"
        )
        for matching in MATCHINGS:
            for category in CATEGORIES:
                s = self.scores[(matching, category)]
                lines.append(
                    f"{matching:<9}{category:<13}{s.precision:>7.3f}{s.recall:>7.3f}"
                    f"{s.f1:>7.3f}{s.tp:>8}{s.fp:>8}{s.fn:>8}"
                )
        lines.extend(f"error: {message}" for message in self.errors)
        return "\n".join(lines)


def _overlap(a: Fragments, b: Fragments) -> int:
    total = 0
    for a_start, a_end in a:
        for b_start, b_end in b:
            total += max(0, min(a_end, b_end) - max(a_start, b_start))
    return total


def _relation_overlap(a: _Relation, b: _Relation) -> int:
    total = 0
    for x, y in zip(a, b, strict=True):
        if x is None and y is None:
            continue
        if x is None or y is None:
            return 0
        shared = _overlap(x, y)
        if not shared:
            return 0
        total += shared
    return total


def _match(
    gold: Sequence[Any], predicted: Sequence[Any], similarity: Callable[[Any, Any], int]
) -> Score:
    taken = [False] * len(predicted)
    tp = 0
    for item in gold:
        best, best_index = 0, -1
        for index, candidate in enumerate(predicted):
            if taken[index]:
                continue
            value = similarity(item, candidate)
            if value > best:
                best, best_index = value, index
        if best_index >= 0:
            taken[best_index] = True
            tp += 1
    return Score(tp, len(predicted) - tp, len(gold) - tp)


def _spans(annotation: Annotation, label: str) -> list[Fragments]:
    seen: dict[Fragments, None] = {}
    for bound in annotation.textbounds:
        if bound.label == label:
            seen.setdefault(tuple(sorted(bound.fragments)), None)
    return list(seen)


def _relations(annotation: Annotation) -> list[_Relation]:
    bounds = {bound.id: bound for bound in annotation.textbounds}
    relations: list[_Relation] = []
    for event in annotation.events:
        if event.label not in ATTRIBUTION_LABELS:
            continue
        roles = dict(event.arguments)

        def part(role: str, roles: dict[str, str] = roles) -> Fragments | None:
            bound = bounds.get(roles.get(role, ""))
            return tuple(sorted(bound.fragments)) if bound is not None else None

        cue = part("Cue")
        if cue is None and event.trigger in bounds:
            cue = tuple(sorted(bounds[event.trigger].fragments))
        relations.append((part("Source"), cue, part("Content")))
    return relations


def _exact(a: Any, b: Any) -> int:
    return 1 if a == b else 0


def compare(gold: Annotation, predicted: Annotation) -> dict[tuple[str, str], Score]:
    """Score one predicted annotation against its gold annotation."""
    scores: dict[tuple[str, str], Score] = {}
    for category in CATEGORIES:
        if category == "Attribution":
            g: Sequence[Any] = _relations(gold)
            p: Sequence[Any] = _relations(predicted)
            overlap: Callable[[Any, Any], int] = _relation_overlap
        else:
            g, p = _spans(gold, category), _spans(predicted, category)
            overlap = _overlap
        scores[("exact", category)] = _match(g, p, _exact)
        scores[("overlap", category)] = _match(g, p, overlap)
    return scores


def _empty() -> dict[tuple[str, str], Score]:
    return {(m, c): Score() for m in MATCHINGS for c in CATEGORIES}


def evaluate_directories(
    gold: str | os.PathLike[str],
    predicted: str | os.PathLike[str],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Evaluation:
    """Score every ``*.ann`` file of ``gold`` against the same-named file of ``predicted``.

    A gold file ``NAME_ANNOTATOR.ann`` with no ``NAME_ANNOTATOR.ann`` prediction is paired
    with ``NAME.ann`` when that exists (PolNeAR names gold files after their annotator).
    """
    gold_files = sorted(Path(gold).glob("*.ann"))
    totals = _empty()
    missing: list[str] = []
    errors: list[str] = []
    compared = 0
    for number, gold_file in enumerate(gold_files, start=1):
        if progress is not None:
            progress(number, len(gold_files))
        pred_file = _prediction_for(gold_file, Path(predicted))
        try:
            gold_annotation = brat.load(gold_file)
            predicted_annotation = brat.load(pred_file) if pred_file is not None else Annotation()
        except ProvenanceError as error:
            errors.append(str(error))
            continue
        if pred_file is None:
            missing.append(gold_file.name)
        for key, score in compare(gold_annotation, predicted_annotation).items():
            totals[key] = totals[key] + score
        compared += 1
    return Evaluation(totals, compared, tuple(missing), tuple(errors))


def _prediction_for(gold_file: Path, predicted: Path) -> Path | None:
    candidates: Iterable[Path] = [predicted / gold_file.name]
    stem = gold_file.stem
    if "_" in stem:
        candidates = [*candidates, predicted / (stem.rsplit("_", 1)[0] + ".ann")]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None
