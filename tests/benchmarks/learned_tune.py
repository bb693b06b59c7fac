"""Rules alone against rules plus a learned model, within PolNeAR's development part.

    python tests/benchmarks/learned_tune.py                      # default settings
    python tests/benchmarks/learned_tune.py --params '{"c2": 0.1}'

For tuning the learned extractor without touching the held-out part: the development part
(``polnear_split.py``) is split again by article, a quarter (the articles whose name's
SHA-256 has a second byte below 64, 147 of 580) to score and the rest to train on. Printed:
overlap and exact F1 of Cue, Source, Content and whole Attribution, rules alone and rules
with the model, and the overlap precision and recall of each. Needs
``claim-provenance[learn]``; takes about as long as ``learned_eval.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learned_eval import drafter
from polnear_split import CORPUS, split

from provenance.evaluation import CATEGORIES, MATCHINGS
from provenance.extraction import Extractor
from provenance.learning import LearnedExtractor, load_examples, train
from provenance.learning.training import score


def scored_part(name: str) -> bool:
    """Whether a development article is in the quarter scored (not trained on)."""
    return hashlib.sha256(name.encode("utf-8")).digest()[1] < 64


def main() -> None:
    """Run the comparison from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--params", default="{}", help="CRF parameters as JSON")
    parser.add_argument(
        "--all-annotators",
        action="store_true",
        help="train on every annotator's file of an article (the split keeps the first only)",
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"PolNeAR not found at {CORPUS}")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        split(root / "split")
        dev, _ = load_examples(root / "split" / "dev" / "gold", root / "split" / "dev" / "text")
    learning = [e for e in dev if not scored_part(e.name)]
    if args.all_annotators:
        everyone, _ = load_examples(CORPUS / "attributions", CORPUS / "text")
        names = {e.name for e in learning}
        learning = [e for e in everyone if e.name in names]
    scored = [e for e in dev if scored_part(e.name)]
    trained = train(learning, held_back=0.0, parameters=json.loads(args.params), name="dev")
    rules = Extractor(trained.model.lexicon)
    learned = LearnedExtractor(trained.model)

    by_rules, by_model = drafter(rules), drafter(learned)

    results = {"rules": score(scored, by_rules), "rules+model": score(scored, by_model)}
    print(f"trained on {len(learning)} dev articles, scored on {len(scored)} other dev articles")
    print(f"{'matching':<9}{'category':<13}{'rules':>8}{'+model':>8}{'gain':>8}")
    for matching in MATCHINGS:
        for category in CATEGORIES:
            before = results["rules"].scores[(matching, category)].f1
            after = results["rules+model"].scores[(matching, category)].f1
            print(f"{matching:<9}{category:<13}{before:>8.3f}{after:>8.3f}{after - before:>+8.3f}")
    for name, result in results.items():
        for category in CATEGORIES:
            found = result.scores[("overlap", category)]
            print(f"{name} overlap {category}: P {found.precision:.3f} R {found.recall:.3f}")


if __name__ == "__main__":
    main()
