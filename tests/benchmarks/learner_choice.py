"""Compare the candidate learners for the ``learn`` extra on the PolNeAR development part.

    python tests/benchmarks/learner_choice.py [--train 100] [--test 40]

Each learner is trained on the same feature sequences (``provenance.learning.features``,
the rules' draft as features) of ``--train`` development articles and tags ``--test``
other development articles. Printed per learner: exact-span F1 of the tagged Cue, Source
and Content spans, training seconds, tagged words per second, and the installed size of
the distributions it needs. Candidates: python-crfsuite (CRFsuite itself), sklearn-crfsuite
(the same core behind a scikit-learn interface) and scikit-learn's logistic regression
over one-hot features, one token at a time (no tag transitions). Needs all three
installed: ``pip install python-crfsuite sklearn-crfsuite scikit-learn``.
"""

from __future__ import annotations

import argparse
import importlib.metadata as metadata
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear_split import CORPUS, split

from provenance.extraction import Extractor, Lexicon
from provenance.formats import brat
from provenance.learning.crf import DEFAULT_PARAMETERS, Tagger, train_crf
from provenance.learning.features import Featurizer
from provenance.learning.labels import gold_tags, spans_from_tags
from provenance.learning.training import load_examples

_NEEDS = {
    "python-crfsuite": ["python-crfsuite"],
    "sklearn-crfsuite": [
        "sklearn-crfsuite",
        "python-crfsuite",
        "scikit-learn",
        "scipy",
        "numpy",
        "joblib",
        "threadpoolctl",
        "tabulate",
        "tqdm",
    ],
    "scikit-learn": ["scikit-learn", "scipy", "numpy", "joblib", "threadpoolctl"],
}


def _size(names: list[str]) -> int:
    total = 0
    for name in names:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for file in dist.files or ():
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                total += path.stat().st_size
    return total


def _f1(gold: list[set[tuple[str, int, int]]], pred: list[set[tuple[str, int, int]]]) -> str:
    parts = []
    for role in ("Cue", "Source", "Content"):
        tp = fp = fn = 0
        for g, p in zip(gold, pred, strict=True):
            g_role = {s for s in g if s[0] == role}
            p_role = {s for s in p if s[0] == role}
            tp += len(g_role & p_role)
            fp += len(p_role - g_role)
            fn += len(g_role - p_role)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        parts.append(f"{role} {f1:.3f}")
    return "  ".join(parts)


def main() -> None:
    """Run the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=int, default=100)
    parser.add_argument("--test", type=int, default=40)
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        split(Path(scratch))
        examples, _ = load_examples(Path(scratch) / "dev" / "gold", Path(scratch) / "dev" / "text")
    lexicon = Lexicon.default()
    rules, featurizer = Extractor(lexicon), Featurizer(lexicon)

    def sequences(part):  # type: ignore[no-untyped-def]
        found = []
        for example in part:
            draft = brat.write(rules.extract(example.text, document_id="d"))
            for seq in featurizer.sequences(example.text, draft):
                found.append((seq, gold_tags(seq.tokens, example.gold)))
        return found

    learn = sequences(examples[: args.train])
    test = sequences(examples[args.train : args.train + args.test])
    words = sum(len(seq.tokens) for seq, _ in test)
    gold = [{(r, a, b) for r, _, _, a, b in spans_from_tags(s.tokens, t)} for s, t in test]

    def report(name: str, seconds: float, tag) -> None:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        predicted = [tag(seq) for seq, _ in test]
        rate = words / (time.perf_counter() - started)
        spans = [
            {(r, a, b) for r, _, _, a, b in spans_from_tags(s.tokens, p)}
            for (s, _), p in zip(test, predicted, strict=True)
        ]
        print(
            f"{name:<17} {_f1(gold, spans)}  train {seconds:6.1f} s  "
            f"{rate:8.0f} words/s  install {_size(_NEEDS[name]) / 1e6:6.1f} MB"
        )

    print(f"train {len(learn)} paragraphs, test {len(test)} paragraphs ({words} tokens)")
    started = time.perf_counter()
    crf = train_crf([(s.features, t) for s, t in learn], DEFAULT_PARAMETERS)
    tagger = Tagger(crf)
    report("python-crfsuite", time.perf_counter() - started, lambda s: tagger.tag(s.features))

    import sklearn_crfsuite  # type: ignore[import-untyped]

    started = time.perf_counter()
    options = {k: v for k, v in DEFAULT_PARAMETERS.items() if k != "feature.possible_transitions"}
    model = sklearn_crfsuite.CRF(**options, all_possible_transitions=True)
    model.fit([list(s.features) for s, _ in learn], [t for _, t in learn])
    report(
        "sklearn-crfsuite",
        time.perf_counter() - started,
        lambda s: list(model.predict_single(list(s.features))),
    )

    from sklearn.feature_extraction import DictVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    started = time.perf_counter()
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([f for s, _ in learn for f in s.features])
    classifier = LogisticRegression(max_iter=300, C=1.0)
    classifier.fit(matrix, [tag for _, t in learn for tag in t])
    report(
        "scikit-learn",
        time.perf_counter() - started,
        lambda s: list(classifier.predict(vectorizer.transform(list(s.features)))),
    )


if __name__ == "__main__":
    if not CORPUS.is_dir():
        raise SystemExit(f"PolNeAR not found at {CORPUS}")
    main()
