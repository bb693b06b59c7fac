"""The learner behind the ``learn`` extra: python-crfsuite, imported only when used.

python-crfsuite was chosen by measurement over sklearn-crfsuite (the same CRFsuite core
behind a scikit-learn interface and pulling in scikit-learn, SciPy and NumPy) and over a
per-token scikit-learn classifier (no transitions between tags): see
``docs/how-to/train.md`` for the figures.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from provenance.errors import InvalidValue, MissingDependency

__all__ = [
    "ALGORITHMS",
    "DEFAULT_PARAMETERS",
    "Tagger",
    "learner_version",
    "parameters_for",
    "train_crf",
]

DEFAULT_PARAMETERS: dict[str, Any] = {
    "algorithm": "lbfgs",
    "c1": 0.3,
    "c2": 0.01,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
"""Training parameters, tuned on the development part of PolNeAR."""

_Features = Sequence[dict[str, str | float]]


def _crfsuite() -> Any:
    try:
        import pycrfsuite  # type: ignore[import-untyped]
    except ImportError:
        raise MissingDependency(
            "the learned extractor needs python-crfsuite: pip install 'claim-provenance[learn]'"
        ) from None
    return pycrfsuite


ALGORITHMS = ("lbfgs", "l2sgd", "ap", "pa", "arow")
"""The training algorithms CRFsuite offers."""


def parameters_for(given: dict[str, Any] | None) -> dict[str, Any]:
    """Return the training parameters: ``given`` over the defaults that its algorithm takes.

    The defaults are for L-BFGS; another algorithm ("ap", the averaged perceptron, takes no
    ``c1``) keeps only those it knows. A parameter the algorithm does not take, or an
    algorithm CRFsuite does not offer, is an :class:`~provenance.errors.InvalidValue`.
    """
    chosen = dict(given or {})
    algorithm = str(chosen.get("algorithm", DEFAULT_PARAMETERS["algorithm"]))
    if algorithm not in ALGORITHMS:
        raise InvalidValue(
            "no such training algorithm",
            path="$.algorithm",
            expected=" or ".join(ALGORITHMS),
            found=algorithm,
        )
    known = set(_crfsuite().Trainer(algorithm=algorithm).params())
    unknown = sorted(key for key in chosen if key != "algorithm" and key not in known)
    if unknown:
        raise InvalidValue(
            f"the {algorithm} algorithm takes no parameter {', '.join(unknown)}",
            path=f"$.{unknown[0]}",
            expected=", ".join(sorted(known)),
            found=unknown[0],
        )
    defaults = {k: v for k, v in DEFAULT_PARAMETERS.items() if k == "algorithm" or k in known}
    return {**defaults, **chosen, "algorithm": algorithm}


def learner_version() -> str:
    """Return the installed python-crfsuite version."""
    from importlib.metadata import version

    _crfsuite()
    return version("python-crfsuite")


def train_crf(
    sequences: Sequence[tuple[_Features, Sequence[str]]],
    parameters: dict[str, Any],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """Train a CRF on ``(features, tags)`` sequences and return the model's bytes."""
    pycrfsuite = _crfsuite()
    options = dict(parameters)
    algorithm = str(options.pop("algorithm", "lbfgs"))
    limit = int(options.get("max_iterations", 100))

    base: Any = pycrfsuite.Trainer

    class _Trainer(base):  # type: ignore[misc]
        # python-crfsuite parses its log (and calls these hooks) only when verbose; each hook
        # prints by default, so every one is silenced and the iteration one reports progress
        def on_iteration(self, log: str, info: dict[str, Any]) -> None:
            if progress is not None:
                progress(int(info.get("num", 0)), limit)

        def _quiet(self, *args: Any) -> None:
            return None

        on_start = on_featgen_progress = on_featgen_end = on_prepared = _quiet
        on_optimization_end = on_end = on_prepare_error = _quiet

    trainer = _Trainer(algorithm=algorithm, verbose=progress is not None)
    trainer.set_params(options)
    for features, tags in sequences:
        trainer.append([dict(f) for f in features], list(tags))
    handle, name = tempfile.mkstemp(suffix=".crfsuite")
    os.close(handle)
    try:
        trainer.train(name)
        return Path(name).read_bytes()
    finally:
        Path(name).unlink(missing_ok=True)


class Tagger:
    """A trained CRF opened from its bytes, tagging feature sequences."""

    def __init__(self, crf: bytes) -> None:
        self._tagger = _crfsuite().Tagger()
        self._tagger.open_inmemory(crf)

    def tag(self, features: _Features) -> list[str]:
        """Return the most likely tag of each item."""
        return list(self._tagger.tag([dict(f) for f in features]))
