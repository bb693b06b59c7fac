"""Rules alone against rules plus a learned model, on PolNeAR's held-out part.

    python tests/benchmarks/learned_eval.py            # train on dev, report on heldout
    python tests/benchmarks/learned_eval.py --json
    python tests/benchmarks/learned_eval.py --params '{"max_iterations": 300}'

The model is trained on the whole development part (``polnear_split.py``: the part the
rules and this model's settings were tuned on; the first annotator's file of each of its
articles, or every annotator's with ``--all-annotators``), with
``provenance.learning.train`` and its default settings (or ``--params``, CRF parameters
as JSON, chosen beforehand with ``learned_tune.py``); both extractors then draft every
held-out article, scored with the code ``provenance evaluate`` runs. Printed: overlap and
exact F1 of Cue, Source, Content and whole Attribution side by side with the difference,
training seconds, drafting speed (words per second, both extractors, same run) and the model
file's size. Needs ``claim-provenance[learn]``; takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear_split import CORPUS, split

from provenance.evaluation import CATEGORIES, MATCHINGS, Evaluation
from provenance.extraction import Extractor
from provenance.formats import brat
from provenance.formats.brat import Annotation
from provenance.learning import LearnedExtractor, dump_model, load_examples, train
from provenance.learning.training import score


def _timed(extract, texts: list[str]) -> float:  # type: ignore[no-untyped-def]
    words = sum(len(text.split()) for text in texts)
    started = time.perf_counter()
    for text in texts:
        extract(text)
    return words / (time.perf_counter() - started)


def drafter(extractor: Extractor | LearnedExtractor) -> Callable[[str], Annotation]:
    """``extractor`` as the scorer wants it: article text in, the draft's brat annotation out."""

    def draft(text: str) -> Annotation:
        return brat.write(extractor.extract(text, document_id="d"))

    return draft


def main() -> None:
    """Run the comparison from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--params", default="{}", help="CRF parameters as JSON")
    parser.add_argument(
        "--all-annotators",
        action="store_true",
        help="train on every annotator's file of each dev article, not only the first's",
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"PolNeAR not found at {CORPUS}")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        split(root / "split")
        dev, _ = load_examples(root / "split" / "dev" / "gold", root / "split" / "dev" / "text")
        heldout, _ = load_examples(
            root / "split" / "heldout" / "gold", root / "split" / "heldout" / "text"
        )
        if args.all_annotators:
            # What a user with these annotations trains on: every annotator's file of every
            # development article (16 PolNeAR articles have five or six). Held-out articles are
            # still scored against their first annotator's file only.
            names = {e.name for e in dev}
            everyone, _ = load_examples(CORPUS / "attributions", CORPUS / "text")
            dev = [e for e in everyone if e.name in names]
        started = time.perf_counter()
        trained = train(
            dev,
            held_back=0.0,
            seed=args.seed,
            parameters=json.loads(args.params),
            name="polnear-dev",
        )
        seconds = time.perf_counter() - started
        model_file = root / "model.json"
        dump_model(trained.model, model_file)
        size = model_file.stat().st_size
    rules = Extractor(trained.model.lexicon)
    learned = LearnedExtractor(trained.model)

    by_rules, by_model = drafter(rules), drafter(learned)

    results: dict[str, Evaluation] = {"rules": score(heldout, by_rules)}
    results["rules+model"] = score(heldout, by_model)
    texts = [example.text for example in heldout]
    speed = {
        "rules": _timed(lambda t: rules.extract(t, document_id="d"), texts),
        "rules+model": _timed(lambda t: learned.extract(t, document_id="d"), texts),
    }
    table = {
        matching: {
            category: {
                name: round(result.scores[(matching, category)].f1, 4)
                for name, result in results.items()
            }
            for category in CATEGORIES
        }
        for matching in MATCHINGS
    }
    summary = {
        "train_articles": len(dev),
        "heldout_articles": len(heldout),
        "training_seconds": round(seconds, 1),
        "model_bytes": size,
        "words_per_second": {name: round(value) for name, value in speed.items()},
        "f1": table,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(
        f"trained on {len(dev)} dev articles in {seconds:.0f} s (features and CRF), "
        f"model file {size / 1e6:.1f} MB; scored on {len(heldout)} held-out articles"
    )
    print(f"{'matching':<9}{'category':<13}{'rules':>8}{'+model':>8}{'gain':>8}")
    for matching in MATCHINGS:
        for category in CATEGORIES:
            row = table[matching][category]
            gain = row["rules+model"] - row["rules"]
            print(
                f"{matching:<9}{category:<13}{row['rules']:>8.3f}{row['rules+model']:>8.3f}"
                f"{gain:>+8.3f}"
            )
    print(f"words/s: rules {speed['rules']:.0f}, rules+model {speed['rules+model']:.0f} (same run)")


if __name__ == "__main__":
    main()
