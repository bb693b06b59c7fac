"""Would sentence-level features help the learned extractor? A measurement on the dev quarter.

    python tests/benchmarks/learned_features.py          # with the extra features
    python tests/benchmarks/learned_features.py --none   # the same run without them

The development part of the PolNeAR split is split as ``learned_tune.py`` splits it (a
quarter scored, the rest trained on). The featurizer's sequences are patched, in this
process only, to add to every token: whether its sentence holds a rule attribution, a
quotation, a lexicon cue; and the side and distance (bucketed) of the nearest rule cue in
its sentence. Printed: rules alone and rules with the model, F1 and gain, as
``learned_tune.py`` prints them. The feature set is not the package's: see
``docs/how-to/train.md`` for why. Needs ``claim-provenance[learn]``; a few minutes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learned_eval import drafter
from learned_tune import scored_part
from polnear_split import CORPUS, split

import provenance.learning.features as features
from provenance.evaluation import CATEGORIES, MATCHINGS
from provenance.extraction import Extractor
from provenance.formats.brat import Annotation
from provenance.learning import LearnedExtractor, load_examples, train
from provenance.learning.training import score


def _bucket(distance: int) -> str:
    if distance <= 1:
        return str(distance)
    return "2-3" if distance <= 3 else "4-8" if distance <= 8 else "far"


def _with_sentence_features(
    original: object,
) -> object:
    def sequences(
        self: features.Featurizer, text: str, rules: Annotation
    ) -> list[features.TokenSequence]:
        found = original(self, text, rules)  # type: ignore[operator]
        patched = []
        for sequence in found:
            rows = [dict(f) for f in sequence.features]
            by_sentence: dict[int, list[int]] = {}
            for i, number in enumerate(sequence.sentence_of):
                by_sentence.setdefault(number, []).append(i)
            for members in by_sentence.values():
                ruled = any(rows[i]["rule"] != "O" for i in members)
                cues = [i for i in members if "Cue" in str(rows[i]["rule"])]
                quoted = any(rows[i]["q"] != "out" for i in members)
                lexical = any(str(rows[i]["lex"]).startswith("cue") for i in members)
                for i in members:
                    rows[i]["s_rule"] = "1" if ruled else "0"
                    rows[i]["s_q"] = "1" if quoted else "0"
                    rows[i]["s_lex"] = "1" if lexical else "0"
                    if cues:
                        j = min(cues, key=lambda k: abs(k - i))
                        side = "a" if j > i else "b" if j < i else ""
                        rows[i]["rcue"] = side + _bucket(abs(j - i))
                    else:
                        rows[i]["rcue"] = "none"
            patched.append(
                features.TokenSequence(sequence.tokens, tuple(rows), sequence.sentence_of)
            )
        return patched

    return sequences


def main() -> None:
    """Run the measurement from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--none", action="store_true", help="without the extra features")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"PolNeAR not found at {CORPUS}")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        split(root / "split")
        dev, _ = load_examples(root / "split" / "dev" / "gold", root / "split" / "dev" / "text")
    learning = [e for e in dev if not scored_part(e.name)]
    scored = [e for e in dev if scored_part(e.name)]
    if not args.none:
        features.Featurizer.sequences = _with_sentence_features(  # type: ignore[method-assign,assignment]
            features.Featurizer.sequences
        )
    trained = train(learning, held_back=0.0, name="dev")
    rules = score(scored, drafter(Extractor(trained.model.lexicon)))
    model = score(scored, drafter(LearnedExtractor(trained.model)))
    label = "without" if args.none else "with"
    print(f"{label} the sentence features; trained on {len(learning)}, scored on {len(scored)}")
    print(f"{'matching':<9}{'category':<13}{'rules':>8}{'+model':>8}{'gain':>8}")
    for matching in MATCHINGS:
        for category in CATEGORIES:
            before = rules.scores[(matching, category)].f1
            after = model.scores[(matching, category)].f1
            print(f"{matching:<9}{category:<13}{before:>8.3f}{after:>8.3f}{after - before:>+8.3f}")


if __name__ == "__main__":
    main()
